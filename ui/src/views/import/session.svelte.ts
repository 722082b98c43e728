// The Import view's state, kept outside the component so that leaving the view during an import
// (or a long inspection) loses nothing: the files waiting for confirmation, the running import and
// its progress, the results. Views are remounted on every navigation; this module is not.
import { api, toApiError } from '../../lib/api';
import { app } from '../../lib/state.svelte';
import type { ColumnMapping } from '../../lib/bindings/ColumnMapping';
import type { ErrorPayload } from '../../lib/bindings/ErrorPayload';
import type { ImportReport } from '../../lib/bindings/ImportReport';
import type { Inspection } from '../../lib/bindings/Inspection';
import type { ProgressUpdate } from '../../lib/bindings/ProgressUpdate';
import type { Role } from '../../lib/bindings/Role';
import type { GuidePlatform } from './guide';
import {
  baseName,
  batchReadiness,
  destinationOf,
  importArgs,
  importOrder,
  sortPaths,
  suggestedRole,
  throttle,
  type PathSorting,
} from './import.logic';

export interface PendingItem {
  key: number;
  path: string;
  name: string;
  state: 'inspecting' | 'ready' | 'failed';
  inspection: Inspection | null;
  error: ErrorPayload | null;
  /** The role of the account(s) this file creates. */
  role: Role;
  /** An existing account chosen by the user; null: the account the export names. */
  attach: number | null;
  /** A CSV of unknown columns: the column-mapping step is open. */
  mapOpen: boolean;
  /** …and the user's mapping, once given. */
  mapped: { mapping: ColumnMapping; role: Role; account: number | null } | null;
}

export interface ResultEntry {
  key: number;
  file: string;
  report: ImportReport | null;
  error: ErrorPayload | null;
  /** Not started because the user cancelled. */
  skipped: boolean;
}

export type Notice = { kind: 'sorting'; sorting: PathSorting } | { kind: 'dialog_failed'; message: string };

let nextKey = 1;

class ImportSession {
  items = $state<PendingItem[]>([]);
  running = $state(false);
  cancelling = $state(false);
  /** Index (0-based) of the file being imported, and how many in this run. */
  index = $state(0);
  count = $state(0);
  current = $state('');
  update = $state<ProgressUpdate | null>(null);
  results = $state<ResultEntry[]>([]);
  notice = $state<Notice | null>(null);
  guidePlatform = $state<GuidePlatform>('instagram');
  /** Set to scroll to and focus the guide when the Import view shows. */
  guideRequested = $state(false);

  get paths(): string[] {
    return this.items.map((i) => i.path);
  }

  /** Adds paths (typed, picked or dropped), then looks inside them. Nothing is written. */
  async add(paths: readonly string[]): Promise<void> {
    const sorting = sortPaths(this.paths, paths);
    this.notice =
      sorting.invalid.length || sorting.duplicates.length || sorting.overflow.length ? { kind: 'sorting', sorting } : null;
    if (sorting.add.length === 0) return;
    const added: PendingItem[] = sorting.add.map((path) => ({
      key: nextKey++,
      path,
      name: baseName(path),
      state: 'inspecting',
      inspection: null,
      error: null,
      role: 'personal',
      attach: null,
      mapOpen: false,
      mapped: null,
    }));
    this.items = [...this.items, ...added];
    const keys = added.map((a) => a.key);
    try {
      const outcomes = await api.inspectFiles(sorting.add);
      outcomes.forEach((o, i) => {
        const key = keys[i];
        this.patch(key, (it) => {
          if (o.inspection) {
            it.state = 'ready';
            it.inspection = o.inspection;
            it.role = suggestedRole(o.inspection.recognised);
          } else {
            it.state = 'failed';
            it.error = o.error ?? { code: 'internal', message: o.file, file: o.file, line: null };
          }
        });
      });
    } catch (e) {
      const err = toApiError(e);
      for (const key of keys) {
        this.patch(key, (it) => {
          it.state = 'failed';
          it.error = { code: err.code, message: err.message, file: it.name, line: null };
        });
      }
    }
  }

  private patch(key: number | undefined, f: (it: PendingItem) => void) {
    const it = this.items.find((x) => x.key === key);
    if (it) f(it);
  }

  remove(key: number) {
    this.items = this.items.filter((i) => i.key !== key);
  }

  clear() {
    this.items = [];
    this.notice = null;
  }

  /** Files that can be imported as chosen, in the order they will be imported. */
  get importable(): PendingItem[] {
    const ready = this.items.filter((it) => it.state === 'ready' && it.inspection);
    const dests = ready.map((it) => destinationOf(it.inspection as Inspection, app.accounts));
    const oks = batchReadiness(
      dests,
      ready.map((it) => ({ role: it.role, account: it.attach })),
    );
    return importOrder(dests)
      .filter((i) => oks[i]?.ok)
      .map((i) => ready[i] as PendingItem);
  }

  /** Whether this file can go in the next import (it may wait for another file of the batch). */
  isImportable(key: number): boolean {
    return this.importable.some((it) => it.key === key);
  }

  /** Imports a CSV of unknown columns through the mapping the user gave (now, on its own). */
  async importMapped(key: number, mapping: ColumnMapping, role: Role, account: number | null): Promise<void> {
    const item = this.items.find((it) => it.key === key);
    if (!item || this.running) return;
    item.mapped = { mapping, role, account };
    await this.start([item]);
  }

  /**
   * Imports every importable file (or the given ones), one call each: each file is its own
   * transaction, and a file that fails does not stop the others.
   */
  async start(only?: PendingItem[]): Promise<void> {
    if (this.running) return;
    const queue = only ?? this.importable;
    if (queue.length === 0) return;
    this.running = true;
    this.cancelling = false;
    this.results = [];
    this.count = queue.length;
    this.notice = null;
    const progress = throttle<ProgressUpdate>((p) => (this.update = p), 100);
    try {
      for (const [i, item] of queue.entries()) {
        if (this.cancelling) {
          this.results.push({ key: item.key, file: item.name, report: null, error: null, skipped: true });
          continue;
        }
        this.index = i;
        this.current = item.name;
        this.update = null;
        const m = item.mapped;
        const args = m
          ? { role: m.account === null ? m.role : null, account: m.account }
          : importArgs(destinationOf(item.inspection as Inspection, app.accounts), { role: item.role, account: item.attach });
        try {
          const outcomes = await api.importFiles([item.path], args.role, args.account, (p) => progress.push(p), m?.mapping ?? null);
          progress.flush();
          for (const o of outcomes) {
            this.results.push({ key: item.key, file: o.file, report: o.report, error: o.error, skipped: false });
          }
          if (outcomes.every((o) => o.report)) this.remove(item.key);
        } catch (e) {
          const err = toApiError(e);
          this.results.push({
            key: item.key,
            file: item.name,
            report: null,
            error: { code: err.code, message: err.message, file: item.name, line: null },
            skipped: false,
          });
        }
        // Accounts created by this file change where the next ones go.
        if (i < queue.length - 1) app.accounts = await api.listAccounts().catch(() => app.accounts);
      }
    } finally {
      this.index = this.count;
      this.running = false;
      this.cancelling = false;
      this.update = null;
      await app.refresh().catch(() => {});
    }
  }

  async cancel(): Promise<void> {
    if (!this.running) return;
    this.cancelling = true;
    try {
      await api.cancelImport();
    } catch {
      // The flag is set on our side; the next file will not start.
    }
  }

  showGuide(platform?: GuidePlatform) {
    if (platform) this.guidePlatform = platform;
    this.guideRequested = true;
    app.view = 'import';
  }
}

export const session = new ImportSession();
