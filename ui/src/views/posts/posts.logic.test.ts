import { describe, expect, it } from 'vitest';
import type { PostMetrics } from '../../lib/bindings/PostMetrics';
import type { PostRow } from '../../lib/bindings/PostRow';
import {
  ariaSort,
  audience,
  emptyFilter,
  excerpt,
  fold,
  genuine,
  genuineShare,
  kindsOf,
  matches,
  nextSort,
  page,
  sortItems,
  summarise,
  toItem,
} from './posts.logic';
import { messages } from './posts.i18n';

const none: PostMetrics = {
  views: null,
  impressions: null,
  reach: null,
  likes: null,
  comments: null,
  replies: null,
  shares: null,
  quotes: null,
  saves: null,
  engagements: null,
  profile_visits: null,
  follows: null,
  link_clicks: null,
  watch_time_s: null,
  avg_view_duration_s: null,
  avg_pct_viewed: null,
};

let nextId = 1;
function post(over: Partial<PostRow> & { m?: Partial<PostMetrics> } = {}): PostRow {
  const { m, ...rest } = over;
  return {
    id: nextId++,
    account_id: 1,
    platform_post_id: 'x',
    published_at: '2026-10-01T10:00:00Z',
    kind: 'post',
    text: null,
    url: null,
    duration_s: null,
    observed_on: null,
    source: null,
    metrics: { ...none, ...m },
    ...rest,
  };
}

describe('per-post figures', () => {
  it('adds the known parts and keeps unknown unknown', () => {
    expect(genuine(none)).toBeNull();
    expect(genuine({ ...none, comments: 0 })).toBe(0);
    expect(genuine({ ...none, comments: 3, replies: null, shares: 2, saves: 5 })).toBe(10);
  });

  it('takes views, else reach, else impressions as the audience', () => {
    expect(audience({ ...none, reach: 10, impressions: 20 })).toEqual({ value: 10, kind: 'reach' });
    expect(audience({ ...none, views: 5, reach: 10 })).toEqual({ value: 5, kind: 'views' });
    expect(audience({ ...none, impressions: 7 })).toEqual({ value: 7, kind: 'impressions' });
    expect(audience(none)).toBeNull();
  });

  it('computes the genuine share only when likes and a genuine part are known', () => {
    expect(genuineShare({ ...none, likes: 90, comments: 6, saves: 4 })).toBeCloseTo(0.1);
    expect(genuineShare({ ...none, likes: 90 })).toBeNull();
    expect(genuineShare({ ...none, comments: 5 })).toBeNull();
    expect(genuineShare({ ...none, likes: 0, comments: 0 })).toBeNull();
  });
});

describe('filtering', () => {
  const items = [
    post({ account_id: 1, kind: 'reel', text: 'Mon café préféré', published_at: '2026-09-30T23:00:00Z', m: { likes: 3 } }),
    post({ account_id: 2, kind: 'post', text: 'Logo design process', published_at: '2026-10-05T08:00:00Z' }),
    post({ account_id: 1, kind: 'story', text: null, published_at: null }),
  ].map(toItem);

  it('keeps everything with the empty filter', () => {
    expect(items.filter((i) => matches(i, emptyFilter()))).toHaveLength(3);
  });

  it('filters by account, kind and measured posts', () => {
    expect(items.filter((i) => matches(i, { ...emptyFilter(), accounts: [2] })).map((i) => i.post.account_id)).toEqual([2]);
    expect(items.filter((i) => matches(i, { ...emptyFilter(), kind: 'reel' }))).toHaveLength(1);
    expect(items.filter((i) => matches(i, { ...emptyFilter(), measuredOnly: true }))).toHaveLength(1);
  });

  it('filters by inclusive days and leaves undated posts out of a date range', () => {
    const f = { ...emptyFilter(), from: '2026-09-30', to: '2026-09-30' };
    expect(items.filter((i) => matches(i, f)).map((i) => i.day)).toEqual(['2026-09-30']);
    expect(items.filter((i) => matches(i, { ...emptyFilter(), from: '2026-10-01' })).map((i) => i.day)).toEqual(['2026-10-05']);
  });

  it('searches every word, without case or accents', () => {
    expect(items.filter((i) => matches(i, { ...emptyFilter(), text: 'CAFE mon' }))).toHaveLength(1);
    expect(items.filter((i) => matches(i, { ...emptyFilter(), text: 'logo  process ' }))).toHaveLength(1);
    expect(items.filter((i) => matches(i, { ...emptyFilter(), text: 'logo café' }))).toHaveLength(0);
    expect(fold('Éléphant')).toBe('elephant');
  });
});

describe('sorting', () => {
  const a = toItem(post({ published_at: '2026-10-01T10:00:00Z', m: { likes: 10, comments: 1 } }));
  const b = toItem(post({ published_at: '2026-10-03T10:00:00Z', m: { likes: 30 } }));
  const c = toItem(post({ published_at: '2026-10-02T10:00:00Z' }));
  const d = toItem(post({ published_at: null, m: { likes: 30 } }));

  it('puts unknown values last in both directions', () => {
    expect(sortItems([c, a, b], { key: 'likes', dir: 'desc' })).toEqual([b, a, c]);
    expect(sortItems([c, a, b], { key: 'likes', dir: 'asc' })).toEqual([a, b, c]);
    expect(sortItems([c, a, b], { key: 'genuine', dir: 'asc' })).toEqual([a, b, c]);
  });

  it('sorts by date and breaks ties by the newest', () => {
    expect(sortItems([a, b, c, d], { key: 'date', dir: 'desc' })).toEqual([b, c, a, d]);
    expect(sortItems([a, b, c, d], { key: 'date', dir: 'asc' })).toEqual([a, c, b, d]);
    expect(sortItems([d, b], { key: 'likes', dir: 'desc' })).toEqual([b, d]);
  });

  it('flips on the same column and starts descending on a new one', () => {
    expect(nextSort({ key: 'likes', dir: 'desc' }, 'likes')).toEqual({ key: 'likes', dir: 'asc' });
    expect(nextSort({ key: 'likes', dir: 'asc' }, 'saves')).toEqual({ key: 'saves', dir: 'desc' });
    expect(ariaSort({ key: 'likes', dir: 'asc' }, 'likes')).toBe('ascending');
    expect(ariaSort({ key: 'likes', dir: 'asc' }, 'date')).toBe('none');
  });

  it('sorts 5,000 posts quickly', () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      toItem(post({ published_at: `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`, m: { likes: (i * 7919) % 1000 } })),
    );
    const t0 = performance.now();
    const sorted = sortItems(many, { key: 'likes', dir: 'desc' });
    expect(performance.now() - t0).toBeLessThan(500);
    expect(sorted[0]!.likes).toBe(999);
  });
});

describe('paging and text', () => {
  it('clamps the page', () => {
    const items = Array.from({ length: 120 }, (_, i) => i);
    expect(page(items, 1, 50)).toMatchObject({ page: 1, pages: 3, first: 1, last: 50 });
    expect(page(items, 9, 50)).toMatchObject({ page: 3, first: 101, last: 120 });
    expect(page([], 2, 50)).toMatchObject({ page: 1, pages: 1, first: 0, last: 0 });
  });

  it('cuts captions to their first line at a word', () => {
    expect(excerpt(null)).toBe('');
    expect(excerpt('Short\nsecond line')).toBe('Short');
    expect(excerpt('word '.repeat(40), 20)).toBe('word word word word…');
  });

  it('lists the kinds present in a stable order', () => {
    expect(kindsOf([post({ kind: 'story' }), post({ kind: 'post' }), post({ kind: 'story' })])).toEqual(['post', 'story']);
  });

  it('has the same messages in English and French', () => {
    expect(Object.keys(messages.fr).sort()).toEqual(Object.keys(messages.en).sort());
  });
});

describe('summary', () => {
  it('adds likes and genuine over the posts where both are known', () => {
    const s = summarise(
      [
        post({ m: { likes: 80, comments: 10, saves: 10 } }),
        post({ m: { likes: 50 } }),
        post({ m: { comments: 4 } }),
        post({ m: { likes: 10, shares: 0 } }),
      ].map(toItem),
    );
    expect(s).toEqual({ posts: 2, likes: 90, genuine: 20, share: 20 / 110 });
    expect(summarise([]).share).toBeNull();
  });
});
