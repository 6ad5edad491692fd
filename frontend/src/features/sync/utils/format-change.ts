// Field changes in words: "ip: 192.168.1.11 → 192.168.1.12", this server's
// value first, as the CLI prints them; lists read as counts ("2 nodes → 3 nodes").
import type { ComparisonEntry, FieldChange } from '../api/types';

/** Longer values are cut in the one-line form; the full value is one click away. */
const INLINE_LIMIT = 60;

function noun(field: string, count: number): string {
  const last = field.slice(field.lastIndexOf('.') + 1).replace(/_/g, ' ');
  return count === 1 && last.endsWith('s') ? last.slice(0, -1) : last;
}

function cut(text: string): string {
  const firstLine = text.split('\n')[0] ?? '';
  const short = firstLine.length > INLINE_LIMIT ? firstLine.slice(0, INLINE_LIMIT) : firstLine;
  return short === text ? text : `${short}…`;
}

export function formatValue(field: string, value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  if (Array.isArray(value)) return `${value.length} ${noun(field, value.length)}`;
  if (typeof value === 'string') return cut(value);
  // Numbers and booleans read as JSON writes them; objects on one line.
  return cut(JSON.stringify(value));
}

export function describeChange(change: FieldChange): string {
  const field = change.field ?? '?';
  return `${field}: ${formatValue(field, change.local)} → ${formatValue(field, change.remote)}`;
}

/** Whether the one-line form of a value hides something: a list, an object, a long or multi-line text. */
export function isLong(value: unknown): boolean {
  return (
    (typeof value === 'object' && value !== null) ||
    (typeof value === 'string' && (value.length > INLINE_LIMIT || value.includes('\n')))
  );
}

/** Whether the one-line form of a change hides something of either side's value. */
export function hasDetail(change: FieldChange): boolean {
  return isLong(change.local) || isLong(change.remote);
}

/**
 * Whether the server told the field's past (its value at the last sync and
 * the side that changed it): it does for conflicts and merges when it kept
 * the content of the last sync.
 */
export function knowsBase(change: FieldChange): boolean {
  return change.changed_on !== undefined;
}

/** Which side changed a field since the last sync, in words. */
export function describeFieldSide(
  change: FieldChange,
  localName: string,
  remoteName: string,
): string {
  switch (change.changed_on) {
    case 'local':
      return `${localName} (this server)`;
    case 'remote':
      return `${remoteName} (remote)`;
    case 'both':
      return change.conflict ? 'both, differently' : 'both, the same way';
    default:
      return 'not known';
  }
}

/** A value in full, for the detail view. */
export function fullValue(value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

/** Which side changed an item since the two servers last agreed on it. */
export function describeChangedOn(entry: ComparisonEntry): string | null {
  switch (entry.changed_on) {
    case 'local':
      return 'Changed on this server since the last sync.';
    case 'remote':
      return 'Changed on the remote since the last sync.';
    case 'both':
      return 'Changed on both servers since the last sync.';
    case 'unknown':
      return 'Never synced between these servers, so which side changed it is not known.';
    default:
      return null;
  }
}
