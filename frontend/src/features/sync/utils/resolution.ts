// The operator's decisions on a conflict's fields, and the resolution
// POST /sync/jobs takes for them. Field paths are the compare's own (`ip`,
// `hardware.cpu`, `nodes[node-07]`), so they go back to the server unchanged.
import type { ConflictResolution, FieldChange } from '../api/types';
import type { Row } from './comparison';
import { formatValue, knowsBase } from './format-change';

/** Per conflicting field: this server's value, the remote's, or the operator's own text. */
export type FieldDecision = { take: 'local' } | { take: 'remote' } | { take: 'edit'; text: string };

/** By field path; a field without one is undecided. */
export type Decisions = Readonly<Record<string, FieldDecision>>;

/** The fields changed on both sides differently: only those need a decision. */
export function conflictingFields(row: Row): FieldChange[] {
  return (row.entry.changes ?? []).filter((change) => change.conflict === true);
}

/**
 * Whether the conflict can be resolved field by field: both servers still
 * have the item (a deletion against a change has no fields to merge), the
 * server knows each field's past, and some field conflicts.
 */
export function isResolvable(row: Row): boolean {
  const { entry } = row;
  return (
    row.status === 'conflict' &&
    Boolean(entry.local_hash && entry.remote_hash) &&
    (entry.changes ?? []).some(knowsBase) &&
    conflictingFields(row).length > 0
  );
}

/** An edited value: JSON when the text is valid JSON, else the text itself as a string. */
export function readEdited(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * The text an edit starts from, which reads back as the same value: a string
 * as it is, unless it would read as JSON ("16", "true"), then quoted; anything
 * else as JSON. An absent value starts as null (which removes the field).
 */
export function editText(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string' && readEdited(value) === value) return value;
  return JSON.stringify(value, null, 2);
}

/** How an edited text will be read, for the hint under the box. */
export function describeEdited(text: string): string {
  const value = readEdited(text);
  if (value === null) return 'null: the field is removed';
  if (Array.isArray(value)) return `a JSON list of ${value.length}`;
  switch (typeof value) {
    case 'string':
      return value === '' ? 'empty text' : `text: “${formatValue('', value)}”`;
    case 'number':
      return `the number ${String(value)}`;
    case 'boolean':
      return `${String(value)} (yes/no)`;
    default:
      return 'a JSON object';
  }
}

/** The conflicting fields still waiting for a decision. */
export function undecided(row: Row, decisions: Decisions): string[] {
  return conflictingFields(row)
    .map((change) => change.field ?? '')
    .filter((field) => decisions[field] === undefined);
}

/** The decisions as the job takes them: sides in `fields`, the operator's values in `values`. */
export function resolutionOf(row: Row, decisions: Decisions): ConflictResolution {
  const fields: Record<string, 'local' | 'remote'> = {};
  const values: Record<string, unknown> = {};
  for (const change of conflictingFields(row)) {
    const field = change.field ?? '';
    const decision = decisions[field];
    if (decision?.take === 'edit') values[field] = readEdited(decision.text);
    else if (decision) fields[field] = decision.take;
  }
  return {
    kind: row.kind,
    key: row.entry.key ?? '',
    ...(Object.keys(fields).length > 0 ? { fields } : {}),
    ...(Object.keys(values).length > 0 ? { values } : {}),
  };
}
