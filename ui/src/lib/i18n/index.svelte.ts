// The UI language: French or English, defaulting to the OS locale. Every view keeps its own
// message catalogue (`{ en, fr }` with the same keys, checked by the compiler); `translator()`
// turns one into a `t(key, vars)` function that follows the current language.
import type { Lang } from '../bindings/Lang';
import { en, type MessageKey } from './en';
import { fr } from './fr';

export function defaultLang(locales: readonly string[] = navigator.languages ?? [navigator.language]): Lang {
  return locales.some((l) => l.toLowerCase().startsWith('fr')) ? 'fr' : 'en';
}

let current = $state<Lang>('en');

export const i18n = {
  get lang(): Lang {
    return current;
  },
  set lang(l: Lang) {
    current = l;
    if (typeof document !== 'undefined') document.documentElement.lang = l;
  },
};

function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** A view's catalogue: the same keys in both languages. */
export type Catalog<K extends string> = { en: Record<K, string>; fr: Record<K, string> };

/** `t(key, vars)` for a catalogue, in the current language. */
export function translator<K extends string>(catalog: Catalog<K>) {
  return (key: K, vars: Record<string, string | number> = {}, lang: Lang = current): string =>
    fill(catalog[lang][key] ?? catalog.en[key], vars);
}

/** The shared messages (app shell, overview, common words). */
export const t = translator<MessageKey>({ en, fr });
