// State shared by the views: the accounts, a version number bumped whenever data changes
// (imports, undo, merges, notes…) so that views reload, the theme, and navigation.
import type { AccountSummary } from './bindings/AccountSummary';
import type { Theme } from './bindings/Theme';
import { api } from './api';

export type View =
  | 'overview'
  | 'import'
  | 'accounts'
  | 'growth'
  | 'engagement'
  | 'authenticity'
  | 'compare'
  | 'posts'
  | 'reports'
  | 'settings';

export const VIEWS: View[] = [
  'overview',
  'import',
  'accounts',
  'growth',
  'engagement',
  'authenticity',
  'compare',
  'posts',
  'reports',
  'settings',
];

class AppState {
  view = $state<View>('overview');
  accounts = $state<AccountSummary[]>([]);
  /** The account the per-account views show. */
  selected = $state<number | null>(null);
  /** Bumped after every change of data. */
  version = $state(0);
  theme = $state<Theme>('light');
  themeSetting = $state<'light' | 'dark' | 'system'>('system');
  demo = $state(false);
  /** Paths dropped on the window, for the Import view. */
  dropped = $state<string[]>([]);

  async refresh() {
    this.accounts = await api.listAccounts();
    const info = await api.appInfo();
    this.demo = info.demo_loaded;
    if (this.selected === null || !this.accounts.some((a) => a.id === this.selected)) {
      this.selected = this.accounts[0]?.id ?? null;
    }
    this.version += 1;
  }

  account(id: number | null): AccountSummary | undefined {
    return this.accounts.find((a) => a.id === id);
  }
}

export const app = new AppState();

/** The name of an account as the owner sees it. */
export function accountName(a: AccountSummary): string {
  return a.label ?? a.display_name ?? `@${a.handle}`;
}
