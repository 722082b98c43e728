import { describe, expect, it } from 'vitest';
import { effectiveLang, formatBytes, langSettingOf, themeSettingOf, toSettings } from './Settings.logic';

describe('settings', () => {
  it('reads the saved settings as choices', () => {
    expect(langSettingOf({ lang: null })).toBe('system');
    expect(langSettingOf({ lang: 'fr' })).toBe('fr');
    expect(themeSettingOf({ theme: 'dark' })).toBe('dark');
    expect(themeSettingOf({ theme: 'whatever' })).toBe('system');
  });

  it('writes choices back', () => {
    expect(toSettings('system', 'light')).toEqual({ lang: null, theme: 'light' });
    expect(toSettings('en', 'system')).toEqual({ lang: 'en', theme: 'system' });
  });

  it('follows the system language when asked', () => {
    expect(effectiveLang('system', 'fr')).toBe('fr');
    expect(effectiveLang('en', 'fr')).toBe('en');
  });

  it('writes sizes in the user language', () => {
    expect(formatBytes(512, 'en')).toBe('512 bytes');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(1536, 'fr').replace(/\s/g, ' ')).toBe('1,5 Ko');
    expect(formatBytes(3 * 1024 * 1024, 'fr').replace(/\s/g, ' ')).toBe('3 Mo');
    expect(formatBytes(250 * 1024 * 1024, 'en')).toBe('250 MB');
  });
});
