// The UI language: French or English, defaulting to the OS locale.
import type { Lang } from '../bindings/Lang';
import { en, type MessageKey } from './en';
import { fr } from './fr';

const catalogs: Record<Lang, Record<MessageKey, string>> = { en, fr };

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

/** The message `key` in the current language, with `{name}` placeholders filled. */
export function t(key: MessageKey, vars: Record<string, string | number> = {}, lang: Lang = current): string {
  const text = catalogs[lang][key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
