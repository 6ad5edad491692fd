// History entries, items and rollbacks in words. The kinds and counts read as
// the sync page writes them ("2 nodes, 1 cluster").
import { countsText, kindNoun } from '@/features/sync/utils/format-job';
import type {
  HistoryEntry,
  HistoryKind,
  ItemAction,
  Operation,
  RollbackConflict,
  RollbackResult,
} from '../api/types';

/** Keyed by the contract's operations, so one added there fails to compile here. */
export const OPERATIONS = {
  push: { icon: '←', label: 'Push received', filter: 'Pushes received' },
  pull: { icon: '←', label: 'Pull', filter: 'Pulls' },
  rollback: { icon: '↶', label: 'Rollback', filter: 'Rollbacks' },
} as const satisfies Record<Operation, { icon: string; label: string; filter: string }>;

export const OPERATION_IDS = Object.keys(OPERATIONS) as Operation[];

export function isOperation(value: unknown): value is Operation {
  return typeof value === 'string' && Object.hasOwn(OPERATIONS, value);
}

/** The peer's name, else its id. */
export function peerOf(entry: HistoryEntry): string {
  return entry.peer_name ?? entry.peer_server_id ?? 'an unknown server';
}

/** "Push from server-a", "Pull from server-b", "Rollback". */
export function entryTitle(entry: HistoryEntry): string {
  switch (entry.operation) {
    case 'push':
      return `Push from ${peerOf(entry)}`;
    case 'pull':
      return `Pull from ${peerOf(entry)}`;
    case 'rollback':
      return 'Rollback';
  }
}

/** What the entry did, in one line: "1 item: applied 1 node; deleted nothing". */
export function entryCounts(entry: HistoryEntry): string {
  const items = `${entry.items} ${entry.items === 1 ? 'item' : 'items'}`;
  const verb = entry.operation === 'rollback' ? 'restored' : 'applied';
  return `${items}: ${verb} ${countsText(entry.counts.applied)}; deleted ${countsText(entry.counts.deleted)}`;
}

export const ACTIONS = {
  created: { icon: '＋', words: 'created' },
  changed: { icon: '✎', words: 'changed' },
  deleted: { icon: '✖', words: 'deleted' },
} as const satisfies Record<ItemAction, { icon: string; words: string }>;

/** "node node-01", for sentences; a conflict names its kind as a plain string. */
export function itemName(kind: string, key: string): string {
  return `${kindNoun(kind as HistoryKind)} ${key}`;
}

/** How an item moved on since the entry, from its hashes then and now. */
export function conflictWords(conflict: RollbackConflict): string {
  if (conflict.current_hash === null) return 'deleted since';
  if (conflict.expected_hash === null) return 'created again since';
  return 'changed since';
}

/** What a rollback did, or would do: "restore 1 node; delete 1 node". */
export function rollbackCounts(result: RollbackResult): string {
  const parts = [`restore ${countsText(result.restored)}`, `delete ${countsText(result.deleted)}`];
  if (countsText(result.kept) !== 'nothing')
    parts.push(`keep ${countsText(result.kept)} unchanged`);
  return parts.join('; ');
}

export function rollbackSentence(result: RollbackResult): string {
  if (result.dry_run) return `Rolling back would ${rollbackCounts(result)} on this server.`;
  const done = [`restored ${countsText(result.restored)}`, `deleted ${countsText(result.deleted)}`];
  if (countsText(result.kept) !== 'nothing') done.push(`kept ${countsText(result.kept)} unchanged`);
  return `Rolled back: ${done.join('; ')}.`;
}

/** The operator's choice for an item changed again since the entry. */
export type ConflictDecision = 'keep' | 'overwrite';

export function conflictId(conflict: { kind: string; key: string }): string {
  return `${conflict.kind}/${conflict.key}`;
}

/**
 * The rollback request for the operator's decisions on a preview's conflicts:
 * the kept items by name, and force when any is to be overwritten. Conflicts
 * the preview did not list (it lists at most 1000) can only be overwritten.
 */
export function decisionsRequest(
  preview: RollbackResult,
  decisions: ReadonlyMap<string, ConflictDecision>,
): { force: boolean; keep: { kind: string; key: string }[] } {
  const keep = preview.conflicts
    .filter((conflict) => decisions.get(conflictId(conflict)) === 'keep')
    .map(({ kind, key }) => ({ kind, key }));
  const unlisted = preview.conflict_count > preview.conflicts.length;
  const force =
    unlisted ||
    preview.conflicts.some((conflict) => decisions.get(conflictId(conflict)) === 'overwrite');
  return { force, keep };
}
