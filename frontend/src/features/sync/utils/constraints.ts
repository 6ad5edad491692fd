// Constraint conflicts: the inventory rules a sync would break (two nodes with
// one IP, a node in two clusters, a reference to an item a side would not
// have), as the comparison lists them and as a refused job's failed event
// carries them. Their words, the rows they name, and the rows their fix adds
// to the selection.
import type { ConstraintConflict, KindId } from '../api/types';
import { KINDS, rowId, type Row } from './comparison';

export interface ItemRef {
  kind: KindId;
  key: string;
}

// Keyed by the contract's types, so one added there fails to compile here.
export const CONSTRAINT_TYPES = {
  duplicate_ip: 'Duplicate IP',
  node_in_two_clusters: 'Node in two clusters',
  missing_reference: 'Missing reference',
  broken_reference: 'Broken reference',
} as const satisfies Record<ConstraintConflict['type'], string>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isKind(value: unknown): value is KindId {
  return KINDS.some((kind) => kind.id === value);
}

/** Each list of strings of `record`; what is not one is left out. */
function stringLists(record: Record<string, unknown>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(record).flatMap(([name, keys]) =>
      Array.isArray(keys)
        ? [[name, keys.filter((key): key is string => typeof key === 'string')]]
        : [],
    ),
  );
}

/** The items whose selection fixes the conflict (its `also_select`), kinds in the seed's order. */
export function alsoSelectOf(conflict: ConstraintConflict): ItemRef[] {
  const also = conflict.also_select;
  if (!isRecord(also)) return [];
  return KINDS.flatMap((kind) => {
    const keys = also[kind.id];
    return Array.isArray(keys)
      ? keys
          .filter((key): key is string => typeof key === 'string')
          .map((key) => ({
            kind: kind.id,
            key,
          }))
      : [];
  });
}

/**
 * A failed event's `constraint_conflicts`, as far as they can be read: each
 * needs its message; a type or side this app does not know is still shown.
 */
export function constraintConflictsOf(value: unknown): ConstraintConflict[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).flatMap((raw) => {
    if (typeof raw.message !== 'string') return [];
    const items = Array.isArray(raw.items)
      ? raw.items
          .filter(isRecord)
          .flatMap((item) =>
            isKind(item.kind) && typeof item.key === 'string'
              ? [{ kind: item.kind, key: item.key }]
              : [],
          )
      : [];
    return [
      {
        type: raw.type as ConstraintConflict['type'],
        on: raw.on === 'local' ? 'local' : 'remote',
        message: raw.message,
        items,
        fix: typeof raw.fix === 'string' ? raw.fix : '',
        ...(isRecord(raw.also_select) ? { also_select: stringLists(raw.also_select) } : {}),
      },
    ];
  });
}

/** The rows of `refs` that the comparison lists; an item it does not list is left out. */
export function rowsFor(refs: readonly ItemRef[], rows: readonly Row[]): Row[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return refs.flatMap((ref) => byId.get(rowId(ref.kind, ref.key)) ?? []);
}

/** "node node-07", "SSH key deploy". */
export function itemWords(ref: ItemRef): string {
  return `${KINDS.find((kind) => kind.id === ref.kind)?.noun ?? ref.kind} ${ref.key}`;
}

/** What an "Also select" button names: "node-07", "node-07 and node-08", "SSH key deploy", "4 items". */
export function alsoSelectWords(refs: readonly ItemRef[]): string {
  if (refs.length > 3) return `${refs.length} items`;
  // Nodes are the usual fix, and their names say what they are.
  const words = refs.map((ref) =>
    refs.every((each) => each.kind === 'nodes') ? ref.key : itemWords(ref),
  );
  return words.length > 1
    ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`
    : (words[0] ?? '');
}
