// Pure helpers of the Settings view: the saved settings as radio choices and back, sizes in words.
import type { Lang } from '../lib/bindings/Lang';
import type { Settings } from '../lib/bindings/Settings';

export type LangSetting = Lang | 'system';
export type ThemeSetting = 'light' | 'dark' | 'system';

export function langSettingOf(s: Pick<Settings, 'lang'>): LangSetting {
  return s.lang ?? 'system';
}

export function themeSettingOf(s: Pick<Settings, 'theme'>): ThemeSetting {
  return s.theme === 'light' || s.theme === 'dark' ? s.theme : 'system';
}

export function toSettings(lang: LangSetting, theme: ThemeSetting): Settings {
  return { lang: lang === 'system' ? null : lang, theme };
}

/** The language to show for a setting ("system" follows the OS locale). */
export function effectiveLang(setting: LangSetting, system: Lang): Lang {
  return setting === 'system' ? system : setting;
}

const UNITS: Record<Lang, string[]> = {
  en: ['bytes', 'KB', 'MB', 'GB', 'TB'],
  fr: ['octets', 'Ko', 'Mo', 'Go', 'To'],
};

/** A size as people read it: 1.4 MB / 1,4 Mo (powers of 1,024). */
export function formatBytes(bytes: number, lang: Lang): string {
  const units = UNITS[lang];
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const n = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-US', { maximumFractionDigits: digits }).format(value);
  return `${n} ${units[unit]}`;
}
