// The free-form objects of items (hardware, settings) are edited as JSON text.

export type JsonObject = Record<string, unknown>;

export type ParsedJsonObject =
  { ok: true; value: JsonObject | undefined } | { ok: false; error: string };

/** Parses an object; blank text means "none". */
export function parseJsonObject(text: string): ParsedJsonObject {
  if (text.trim() === '') return { ok: true, value: undefined };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unreadable';
    return { ok: false, error: `is not valid JSON: ${reason}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'must be a JSON object, such as {"cpu": 8}' };
  }
  return { ok: true, value: value as JsonObject };
}

/** Pretty text for an object from the server; empty when there is none. */
export function formatJsonObject(value: JsonObject | undefined | null): string {
  if (!value || Object.keys(value).length === 0) return '';
  return JSON.stringify(value, null, 2);
}
