import type { Platform } from './bindings/Platform';

const names: Record<Platform, string> = {
  instagram: 'Instagram',
  facebook: 'Facebook',
  x: 'X',
  linkedin: 'LinkedIn',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  other: 'Other',
};

export function platformName(p: Platform): string {
  return names[p];
}
