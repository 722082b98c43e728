import { describe, expect, it } from 'vitest';
import type { PostMetrics } from '../../lib/bindings/PostMetrics';
import type { PostRow } from '../../lib/bindings/PostRow';
import { ariaSort, audience, excerpt, genuine, genuineShare, nextSort, toItem } from './posts.logic';
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

describe('sorting', () => {
  it('flips on the same column and starts descending on a new one', () => {
    expect(nextSort({ key: 'likes', dir: 'desc' }, 'likes')).toEqual({ key: 'likes', dir: 'asc' });
    expect(nextSort({ key: 'likes', dir: 'asc' }, 'saves')).toEqual({ key: 'saves', dir: 'desc' });
    expect(ariaSort({ key: 'likes', dir: 'asc' }, 'likes')).toBe('ascending');
    expect(ariaSort({ key: 'likes', dir: 'asc' }, 'date')).toBe('none');
  });
});

describe('rows and text', () => {
  it('cuts captions to their first line at a word', () => {
    expect(excerpt(null)).toBe('');
    expect(excerpt('Short\nsecond line')).toBe('Short');
    expect(excerpt('word '.repeat(40), 20)).toBe('word word word word…');
  });

  it('computes a row\'s figures once, its day from the instant', () => {
    const i = toItem(post({ published_at: '2026-09-30T23:00:00Z', m: { likes: 3, comments: 2, saves: 1, views: 40 } }));
    expect(i).toMatchObject({ day: '2026-09-30', likes: 3, conversation: 2, genuine: 3, saves: 1, audience: { value: 40, kind: 'views' } });
    expect(toItem(post({ published_at: null })).day).toBeNull();
  });

  it('has the same messages in English and French', () => {
    expect(Object.keys(messages.fr).sort()).toEqual(Object.keys(messages.en).sort());
  });
});

