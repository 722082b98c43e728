// The analysis of the account selected in the sidebar, shared by the Growth, Engagement and
// Authenticity views: loaded again when the selection, the data (app.version) or the language
// changes, an answer that arrives after the selection moved on is dropped, and a failed load can
// be retried. Call it while a component initialises (it registers an effect).
import { api, ApiError } from './api';
import { app } from './state.svelte';
import { i18n } from './i18n/index.svelte';
import type { AccountAnalysis } from './bindings/AccountAnalysis';

export type SelectedAnalysis = {
  /** The analysis of the selected account; null while it loads or when nothing is selected. */
  readonly current: AccountAnalysis | null;
  /** The message of the last failed load, null otherwise. */
  readonly error: string | null;
  retry: () => void;
};

export function selectedAnalysis(): SelectedAnalysis {
  let analysis = $state<AccountAnalysis | null>(null);
  let error = $state<string | null>(null);
  let attempt = $state(0);

  $effect(() => {
    const id = app.selected;
    void app.version;
    void i18n.lang;
    void attempt;
    if (id === null) return;
    let cancelled = false;
    error = null;
    api
      .analyseAccount(id)
      .then((a) => {
        if (!cancelled) analysis = a;
      })
      .catch((e: unknown) => {
        if (!cancelled) error = e instanceof ApiError ? e.message : String(e);
      });
    return () => {
      cancelled = true;
    };
  });

  return {
    get current() {
      return analysis && analysis.account.id === app.selected ? analysis : null;
    },
    get error() {
      return error;
    },
    retry: () => {
      attempt += 1;
    },
  };
}
