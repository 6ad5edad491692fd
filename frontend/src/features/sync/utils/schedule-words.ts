// A schedule in words, and its selection as the form edits it: a box per kind,
// with the natural keys to take (none: all of the kind).
import type { AnyConflictPolicy, KindId, ScheduleApply, SelectionOfKinds } from '../api/types';
import { KINDS } from './comparison';

export const APPLY = {
  always: { label: 'Always', hint: 'Each run applies what its compare found.' },
  only_if_conflict_free: {
    label: 'Only if conflict-free',
    hint: 'A run whose compare finds a conflict applies nothing; its job reads "Needs attention".',
  },
} as const satisfies Record<ScheduleApply, { label: string; hint: string }>;

export const APPLY_IDS = Object.keys(APPLY) as ScheduleApply[];

export const CONFLICT_POLICIES = {
  manual: 'Manual: skip conflicts and report them',
  prefer_local: "This server's version wins",
  prefer_remote: "The remote's version wins",
  newest: 'The newer change wins',
  skip: 'Skip conflicts',
  overwrite: "The job's source wins (push or pull)",
} as const satisfies Record<AnyConflictPolicy, string>;

/** The same, short enough for a table cell: "conflicts: newer wins". */
export const CONFLICT_POLICIES_SHORT = {
  manual: 'manual',
  prefer_local: "this server's wins",
  prefer_remote: "the remote's wins",
  newest: 'newer wins',
  skip: 'skipped',
  overwrite: 'source wins',
} as const satisfies Record<AnyConflictPolicy, string>;

export const CONFLICT_POLICY_IDS = Object.keys(CONFLICT_POLICIES) as AnyConflictPolicy[];

export function isConflictPolicy(value: unknown): value is AnyConflictPolicy {
  return typeof value === 'string' && Object.hasOwn(CONFLICT_POLICIES, value);
}

export function isApply(value: unknown): value is ScheduleApply {
  return typeof value === 'string' && Object.hasOwn(APPLY, value);
}

/** One kind in the form: whether it is synced, and which keys (empty text: all of it). */
export interface KindPick {
  on: boolean;
  keys: string;
}

export type KindPicks = Record<KindId, KindPick>;

function picks(make: (id: KindId) => KindPick): KindPicks {
  return Object.fromEntries(KINDS.map((kind) => [kind.id, make(kind.id)])) as KindPicks;
}

/** Every kind, whole: what a new schedule starts from. */
export const EVERYTHING: KindPicks = picks(() => ({ on: true, keys: '' }));

function keysOf(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((key) => key.trim())
    .filter(Boolean);
}

/** The form's picks as the API takes them: "all" when every kind is whole. */
export function selectionOf(kinds: KindPicks): SelectionOfKinds {
  const chosen = KINDS.filter((kind) => kinds[kind.id].on);
  if (chosen.length === KINDS.length && chosen.every((kind) => !keysOf(kinds[kind.id].keys).length))
    return 'all';
  return Object.fromEntries(
    chosen.map((kind) => {
      const keys = keysOf(kinds[kind.id].keys);
      return [kind.id, keys.length > 0 ? keys : 'all'];
    }),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A stored selection back in the form; what the form cannot show is left out. */
export function picksOf(selection: unknown): KindPicks {
  if (selection === 'all') return EVERYTHING;
  if (!isRecord(selection)) return picks(() => ({ on: false, keys: '' }));
  return picks((id) => {
    const value = selection[id];
    if (value === 'all') return { on: true, keys: '' };
    if (Array.isArray(value))
      return { on: true, keys: value.filter((key) => typeof key === 'string').join(', ') };
    return { on: false, keys: '' };
  });
}

/** "everything", or "all nodes; clusters production, staging". */
export function selectionText(selection: unknown): string {
  const kinds = picksOf(selection);
  if (selectionOf(kinds) === 'all') return 'everything';
  const parts = KINDS.flatMap((kind) => {
    const pick = kinds[kind.id];
    if (!pick.on) return [];
    const keys = keysOf(pick.keys);
    return [keys.length > 0 ? `${kind.plural} ${keys.join(', ')}` : `all ${kind.plural}`];
  });
  return parts.length > 0 ? parts.join('; ') : 'nothing';
}
