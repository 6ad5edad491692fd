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
  created: { icon: '+', words: 'created' },
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

/** What a rollback restores, deletes and keeps, as verbs in the tense asked for. */
function rollbackParts(result: RollbackResult, done: boolean): string[] {
  const parts: string[] = [];
  if (countsText(result.restored) !== 'nothing')
    parts.push(`${done ? 'restored' : 'restore'} ${countsText(result.restored)}`);
  if (countsText(result.deleted) !== 'nothing')
    parts.push(`${done ? 'deleted' : 'delete'} ${countsText(result.deleted)}`);
  if (countsText(result.kept) !== 'nothing')
    parts.push(`${done ? 'kept' : 'keep'} ${countsText(result.kept)} unchanged`);
  return parts;
}

/** "restore 1 node, delete 2 nodes and keep 1 cluster unchanged". */
function joined(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
}

/** What the rollback did, or as a preview would do, in one sentence. */
export function rollbackSentence(result: RollbackResult): string {
  const parts = rollbackParts(result, !result.dry_run);
  if (result.dry_run)
    return parts.length === 0
      ? 'Rolling back would change nothing on this server.'
      : `Rolling back would ${joined(parts)} on this server.`;
  return parts.length === 0
    ? 'Rolled back: nothing had to change.'
    : `Rolled back: ${joined(parts)}.`;
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
