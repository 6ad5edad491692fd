// A job's events and result in words.
import type { KindCounts } from '../api/types';
import type { PhaseId } from './job-events';
import { KINDS } from './comparison';

export const PHASE_LABELS: Record<PhaseId, string> = {
  connecting: 'Connecting',
  fetching: 'Fetching',
  comparing: 'Comparing',
  packaging: 'Packaging',
  transferring: 'Transferring',
  applying: 'Applying',
  verifying: 'Verifying',
};

/** Icon and words for an item event's status. */
export const ITEM_STATUS: Record<string, { icon: string; words: string }> = {
  sent: { icon: '→', words: 'sent' },
  delete_sent: { icon: '✖', words: 'deletion sent' },
  in_sync: { icon: '=', words: 'already alike, recorded as synced' },
  skipped_conflict: { icon: '⏭', words: 'skipped: conflict' },
  skipped_remote_only: { icon: '⏭', words: 'skipped: only on the remote' },
};

export function itemStatus(status: string) {
  return ITEM_STATUS[status] ?? { icon: '•', words: status };
}

export function kindNoun(type: string): string {
  return KINDS.find((kind) => kind.type === type)?.noun ?? type;
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
