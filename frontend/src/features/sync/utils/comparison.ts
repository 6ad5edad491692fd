// A comparison as the page works with it: one flat list of rows (kind, status,
// entry), the words and icons for each status, which rows a push, a pull or a
// sync both ways can act on and which way each goes, filters, and the
// selection as POST /sync/jobs takes it.
import type {
  Comparison,
  ComparisonEntry,
  Direction,
  KindId,
  Selection,
  StatusId,
} from '../api/types';

export interface KindInfo {
  id: KindId;
  label: string;
  /** For sentences: "node", "SSH key"; "nodes", "SSH keys". */
  noun: string;
  plural: string;
}

// Keyed by the contract's kinds, so a kind added or dropped there fails to compile here.
const KIND_INFO = {
  nodes: { label: 'Nodes', noun: 'node', plural: 'nodes' },
  clusters: { label: 'Clusters', noun: 'cluster', plural: 'clusters' },
  ssh_keys: { label: 'SSH keys', noun: 'SSH key', plural: 'SSH keys' },
  configurations: { label: 'Configurations', noun: 'configuration', plural: 'configurations' },
} satisfies Record<KindId, Omit<KindInfo, 'id'>>;

/** In the seed's order. */
export const KINDS: readonly KindInfo[] = (Object.keys(KIND_INFO) as KindId[]).map((id) => ({
  id,
  ...KIND_INFO[id],
}));

export interface StatusInfo {
  id: StatusId;
  /**
   * The seed's icons; the CLI uses ✖ for both deletions, and so do we. StatusIcon
   * draws them (not every machine has an emoji font) and keeps them in the text.
   */
  icon: string;
  label: string;
  /** What selecting the item does, or why it cannot be selected. */
  explanation: string;
  selectable: boolean;
}

// In the seed's order; a push only ever changes the remote. Keyed by the
// contract's statuses, so one added or dropped there fails to compile here.
const STATUS_INFO = {
  identical: {
    icon: '🟢',
    label: 'identical',
    explanation: 'Both servers have the same data: there is nothing to sync.',
    selectable: false,
  },
  different: {
    icon: '🟡',
    label: 'different',
    explanation: "Selecting it replaces the remote's version with this server's.",
    selectable: true,
  },
  missing_on_remote: {
    icon: '🔵',
    label: 'missing on remote',
    explanation: 'Selecting it creates it on the remote.',
    selectable: true,
  },
  missing_on_local: {
    // With VS16: without it some fonts draw the plain-text circle.
    icon: '⚪\uFE0F',
    label: 'missing on local',
    explanation:
      "Only the remote has it. A sync sends this server's items to the remote, so there is nothing to send.",
    selectable: false,
  },
  conflict: {
    icon: '🔴',
    label: 'conflict',
    explanation:
      "Both servers changed it since the last sync. Selecting it overwrites the remote's version with this server's.",
    selectable: true,
  },
  merged: {
    // The circles' series: a colour of its own, and the label says it in words.
    icon: '🟣',
    label: 'merged',
    explanation:
      "Both servers changed it since the last sync, in different fields. A push treats it as a conflict: selecting it overwrites the remote's version with this server's, losing the remote's change. Sync both ways to keep both changes.",
    selectable: true,
  },
  deleted_on_remote: {
    icon: '✖',
    label: 'deleted on remote',
    explanation: "The remote deleted it. Selecting it sends this server's copy back.",
    selectable: true,
  },
  deleted_on_local: {
    icon: '✖',
    label: 'deleted on local',
    explanation: 'This server deleted it. Selecting it deletes it on the remote too.',
    selectable: true,
  },
} satisfies Record<StatusId, Omit<StatusInfo, 'id'>>;

export const STATUSES: readonly StatusInfo[] = (Object.keys(STATUS_INFO) as StatusId[]).map(
  (id) => ({ id, ...STATUS_INFO[id] }),
);

export const STATUS_BY_ID = Object.fromEntries(
  STATUSES.map((status) => [status.id, status]),
) as Record<StatusId, StatusInfo>;

// What a pull does with each status: the mirror image of a push.
const PULL_INFO = {
  identical: STATUS_INFO.identical,
  different: {
    explanation: "Selecting it replaces this server's version with the remote's.",
    selectable: true,
  },
  missing_on_remote: {
    explanation: 'Only this server has it. A pull takes items from the remote: nothing to take.',
    selectable: false,
  },
  missing_on_local: {
    explanation: 'Selecting it creates it here from the remote.',
    selectable: true,
  },
  conflict: {
    explanation:
      "Both servers changed it since the last sync. Selecting it overwrites this server's version with the remote's.",
    selectable: true,
  },
  merged: {
    explanation:
      "Both servers changed it since the last sync, in different fields. A pull treats it as a conflict: selecting it overwrites this server's version with the remote's, losing this server's change. Sync both ways to keep both changes.",
    selectable: true,
  },
  deleted_on_remote: {
    explanation: 'The remote deleted it. Selecting it deletes it here too.',
    selectable: true,
  },
  deleted_on_local: {
    explanation: "This server deleted it. Selecting it takes the remote's copy back.",
    selectable: true,
  },
} satisfies Record<StatusId, Pick<StatusInfo, 'explanation' | 'selectable'>>;

// What a job both ways does with each status: the side that changed an item
// since the last sync wins; a merge of changes to different fields goes to
// both; conflicts are skipped (no side to win yet).
const BOTH_INFO = {
  identical: STATUS_INFO.identical,
  different: {
    explanation: 'Selecting it copies the side that changed it since the last sync to the other.',
    selectable: true,
  },
  missing_on_remote: {
    explanation: 'Only this server has it. Selecting it copies it to the remote.',
    selectable: true,
  },
  missing_on_local: {
    explanation: 'Only the remote has it. Selecting it copies it here.',
    selectable: true,
  },
  conflict: {
    explanation:
      'Both servers changed it since the last sync: a sync both ways skips it. Resolve it field by field, or push or pull it to choose a side.',
    selectable: false,
  },
  merged: {
    explanation:
      'Both servers changed it since the last sync, in different fields. Selecting it merges the two changes and gives the merge to both servers.',
    selectable: true,
  },
  deleted_on_remote: {
    explanation: 'The remote deleted it. Selecting it deletes it here too.',
    selectable: true,
  },
  deleted_on_local: {
    explanation: 'This server deleted it. Selecting it deletes it on the remote too.',
    selectable: true,
  },
} satisfies Record<StatusId, Pick<StatusInfo, 'explanation' | 'selectable'>>;

const BY_DIRECTION = { push: {}, pull: PULL_INFO, both: BOTH_INFO } satisfies Record<
  Direction,
  Partial<Record<StatusId, Pick<StatusInfo, 'explanation' | 'selectable'>>>
>;

/** A status as a job in `direction` treats it. */
export function statusInfo(id: StatusId, direction: Direction = 'push'): StatusInfo {
  const info = STATUS_BY_ID[id];
  const byDirection: Partial<Record<StatusId, Partial<StatusInfo>>> = BY_DIRECTION[direction];
  return { ...info, ...byDirection[id] };
}

/** Every status, as a job in `direction` treats it. */
export function statusesFor(direction: Direction = 'push'): readonly StatusInfo[] {
  return STATUSES.map((status) => statusInfo(status.id, direction));
}

/**
 * The next job as the page will start it: its direction, and for a push
 * whether it mirrors (overwrites what changed only on the remote).
 */
export interface Plan {
  direction: Direction;
  mirror: boolean;
  /**
   * Both ways: who wins an item both sides changed (the job's conflict_policy
   * prefer_local, prefer_remote, or newest: the newer change by the servers'
   * logical clocks); unset, conflicts are skipped.
   */
  prefer?: 'local' | 'remote' | 'newest';
}

export const PUSH: Plan = { direction: 'push', mirror: false };

/**
 * Which way a selected row goes: to the remote, here, to both (the merge of a
 * merged item), from whichever side changed it last (a conflict under the
 * newest policy: only the job can tell), or nowhere (a skipped conflict).
 */
export type Way = 'to_remote' | 'to_local' | 'both_sides' | 'newest' | 'conflict';

export interface Row {
  /** `kind:key`, unique in a comparison. */
  id: string;
  kind: KindId;
  status: StatusId;
  entry: ComparisonEntry;
}

export function rowId(kind: KindId, key: string): string {
  return `${kind}:${key}`;
}

/** The id of a row's element in the page, for links to it. */
export function rowElementId(id: string): string {
  return `row-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** Every listed entry, by kind, then status in the seed's order, then key. */
export function rowsOf(comparison: Comparison): Row[] {
  return KINDS.flatMap((kind) => {
    const lists = comparison[kind.id] ?? {};
    return STATUSES.flatMap((status) =>
      [...(lists[status.id] ?? [])]
        .sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''))
        .map((entry) => ({
          id: rowId(kind.id, entry.key ?? ''),
          kind: kind.id,
          status: status.id,
          entry,
        })),
    );
  });
}

/** Where the preferred version of a conflict goes; without a preference, nowhere. */
function conflictWay(prefer: Plan['prefer']): Way {
  switch (prefer) {
    case 'local':
      return 'to_remote';
    case 'remote':
      return 'to_local';
    case 'newest':
      return 'newest';
    default:
      return 'conflict';
  }
}

/** What selecting a conflict does under each preference of a sync both ways. */
const PREFERRED = {
  local:
    "Both servers changed it, differently. Selecting it makes this server's version win on both.",
  remote:
    "Both servers changed it, differently. Selecting it makes the remote's version win on both.",
  newest:
    "Both servers changed it, differently. Selecting it makes the newer change win on both, by the servers' logical clocks (a skewed wall clock cannot win); if they cannot tell, it is skipped.",
} as const satisfies Record<NonNullable<Plan['prefer']>, string>;

/**
 * Which way a job both ways moves a row, as the server decides it; null:
 * identical. A conflict goes with the version `prefer` says wins.
 */
export function bothWay(row: Row, prefer?: Plan['prefer']): Way | null {
  switch (row.status) {
    case 'identical':
      return null;
    case 'different':
      // Without a base both sides created it, differently: neither is newer.
      if (row.entry.changed_on === 'local') return 'to_remote';
      return row.entry.changed_on === 'remote' ? 'to_local' : conflictWay(prefer);
    case 'missing_on_remote':
    case 'deleted_on_local':
      return 'to_remote';
    case 'missing_on_local':
    case 'deleted_on_remote':
      return 'to_local';
    case 'conflict':
      return conflictWay(prefer);
    case 'merged':
      // Whatever the preference: no field conflicts, so there is nothing to prefer.
      return 'both_sides';
  }
}

/**
 * Whether the plan's job treats the row as a conflict: one way, a merged item
 * is one too (a push or pull cannot give the merge to both sides).
 */
export function isConflictIn(row: Row, plan: Plan = PUSH): boolean {
  return row.status === 'conflict' || (row.status === 'merged' && plan.direction !== 'both');
}

/** Changed (or deleted) since the last sync on the side a one-way job writes to. */
function changedOnTarget(row: Row, direction: Direction): boolean {
  if (direction === 'push')
    return row.status === 'deleted_on_remote' || row.entry.changed_on === 'remote';
  if (direction === 'pull')
    return row.status === 'deleted_on_local' || row.entry.changed_on === 'local';
  return false;
}

/** A row as the plan's job treats it: its words, and whether it can be selected. */
export function rowInfo(row: Row, plan: Plan = PUSH): StatusInfo {
  const info = statusInfo(row.status, plan.direction);
  if (plan.direction === 'both' && plan.prefer && bothWay(row) === 'conflict')
    return { ...info, selectable: true, explanation: PREFERRED[plan.prefer] };
  if (plan.direction === 'both' && row.status === 'different') {
    const way = bothWay(row);
    if (way === 'conflict')
      return {
        ...info,
        selectable: false,
        explanation:
          'Both servers have it, differently, and it was never synced: a sync both ways cannot tell which is newer and skips it. Push or pull it to choose.',
      };
    return {
      ...info,
      explanation:
        way === 'to_remote'
          ? 'Changed here since the last sync. Selecting it sends it to the remote.'
          : 'Changed on the remote since the last sync. Selecting it takes it here.',
    };
  }
  if (row.status === 'different' || row.status.startsWith('deleted_on')) {
    if (plan.direction === 'push' && changedOnTarget(row, 'push')) {
      if (plan.mirror)
        return {
          ...info,
          explanation:
            row.status === 'deleted_on_remote'
              ? 'Mirror: the remote deleted it. Selecting it re-creates it there from this server.'
              : "Mirror: the remote changed it since the last sync. Selecting it overwrites that change with this server's version.",
        };
      return {
        ...info,
        selectable: false,
        explanation:
          'Changed (or deleted) on the remote since the last sync: a push leaves it alone. Pull or sync both ways to take it, or tick Mirror to overwrite it.',
      };
    }
    if (plan.direction === 'pull' && changedOnTarget(row, 'pull'))
      return {
        ...info,
        selectable: false,
        explanation:
          'Changed (or deleted) on this server since the last sync: a pull leaves it alone. Push or sync both ways to send it.',
      };
  }
  return info;
}

export function isSelectable(row: Row, plan: Plan = PUSH): boolean {
  return rowInfo(row, plan).selectable;
}

/** Which way a row goes if selected in the plan's job; null: it cannot go. */
export function wayOf(row: Row, plan: Plan = PUSH): Way | null {
  if (plan.direction === 'both') return bothWay(row, plan.prefer);
  if (!isSelectable(row, plan)) return null;
  return plan.direction === 'pull' ? 'to_local' : 'to_remote';
}

/** "differences" is everything but identical items, which need no sync. */
export type StatusFilter = StatusId | 'differences' | 'all';

export interface Filters {
  status: StatusFilter;
  kind: KindId | 'all';
  search: string;
}

export const DEFAULT_FILTERS: Filters = { status: 'differences', kind: 'all', search: '' };

export function matches(row: Row, filters: Filters): boolean {
  if (filters.kind !== 'all' && row.kind !== filters.kind) return false;
  if (filters.status === 'differences' && row.status === 'identical') return false;
  if (filters.status !== 'differences' && filters.status !== 'all' && row.status !== filters.status)
    return false;
  const search = filters.search.trim().toLowerCase();
  return search === '' || (row.entry.key ?? '').toLowerCase().includes(search);
}

/** The selected rows as natural keys per kind, for POST /sync/jobs. */
export function selectionOf(
  rows: readonly Row[],
  selected: ReadonlySet<string>,
  plan: Plan = PUSH,
): Selection {
  const selection: Selection = {};
  for (const row of rows) {
    if (!selected.has(row.id) || !isSelectable(row, plan)) continue;
    (selection[row.kind] ??= []).push(row.entry.key ?? '');
  }
  return selection;
}
