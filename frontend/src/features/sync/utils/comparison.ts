// A comparison as the page works with it: one flat list of rows (kind, status,
// entry), the words and icons for each status, which rows a push can act on,
// filters, and the selection as POST /sync/jobs takes it.
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
  /** The seed's icons; the CLI uses ✖ for both deletions, and so do we. */
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
  deleted_on_remote: {
    explanation: 'The remote deleted it. Selecting it deletes it here too.',
    selectable: true,
  },
  deleted_on_local: {
    explanation: "This server deleted it. Selecting it takes the remote's copy back.",
    selectable: true,
  },
} satisfies Record<StatusId, Pick<StatusInfo, 'explanation' | 'selectable'>>;

/** A status as a job in `direction` treats it. */
export function statusInfo(id: StatusId, direction: Direction = 'push'): StatusInfo {
  const info = STATUS_BY_ID[id];
  return direction === 'pull' ? { ...info, ...PULL_INFO[id] } : info;
}

/** Every status, as a job in `direction` treats it. */
export function statusesFor(direction: Direction = 'push'): readonly StatusInfo[] {
  return STATUSES.map((status) => statusInfo(status.id, direction));
}

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

export function isSelectable(row: Row, direction: Direction = 'push'): boolean {
  return statusInfo(row.status, direction).selectable;
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
  direction: Direction = 'push',
): Selection {
  const selection: Selection = {};
  for (const row of rows) {
    if (!selected.has(row.id) || !isSelectable(row, direction)) continue;
    (selection[row.kind] ??= []).push(row.entry.key ?? '');
  }
  return selection;
}
