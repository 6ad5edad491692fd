// A job's events and result in words.
import type { ItemStatusId, KindCounts, KindId, PhaseId } from '../api/types';
import { KINDS } from './comparison';

/** Every phase the contract names, in the order a job passes them. */
export const PHASE_LABELS = {
  connecting: 'Connecting',
  fetching: 'Fetching',
  comparing: 'Comparing',
  packaging: 'Packaging',
  transferring: 'Transferring',
  applying: 'Applying',
  verifying: 'Verifying',
} as const satisfies Record<PhaseId, string>;

/** Icon and words for an item event's status. */
export const ITEM_STATUS = {
  sent: { icon: '→', words: 'sent' },
  delete_sent: { icon: '✖', words: 'deletion sent' },
  in_sync: { icon: '=', words: 'already alike, recorded as synced' },
  skipped_conflict: {
    icon: '↷',
    words:
      'skipped: conflict (no policy decided it, or under newest the clocks could not tell which change is newer)',
  },
  skipped_remote_only: { icon: '↷', words: 'skipped: only on the remote' },
  changed_since_compare: { icon: '⚠', words: 'left alone: changed since the comparison' },
  skipped_changed_on_remote: {
    icon: '↷',
    words: 'skipped: changed on the remote (pull to take it, or mirror to overwrite it)',
  },
  received: { icon: '←', words: 'received' },
  delete_received: { icon: '✖', words: 'deletion received' },
  skipped_local_only: { icon: '↷', words: 'skipped: only on this server' },
  merge_sent: { icon: '⇄', words: 'merge sent to the remote' },
  merged: { icon: '⇄', words: 'merged: both servers have the merge' },
  skipped_changed_here: {
    icon: '↷',
    words: 'skipped: changed on this server (push to send it)',
  },
} as const satisfies Record<ItemStatusId, { icon: string; words: string }>;

export function itemStatus(status: ItemStatusId): { icon: string; words: string } {
  return ITEM_STATUS[status];
}

export function kindNoun(id: KindId): string {
  return KINDS.find((kind) => kind.id === id)?.noun ?? id;
}

/** "2 nodes, 1 cluster", or "nothing". */
export function countsText(counts: KindCounts | undefined): string {
  const parts = KINDS.flatMap((kind) => {
    const count = counts?.[kind.id] ?? 0;
    if (count === 0) return [];
    return [`${count} ${count === 1 ? kind.noun : kind.plural}`];
  });
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}
