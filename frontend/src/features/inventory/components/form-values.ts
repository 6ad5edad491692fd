// Helpers for turning form text into request values.

/** Client-side errors by API field path. */
export type FieldErrors = Record<string, string>;

/** Blank text means "not given": the field is left out and the server's default applies. */
export function optionalText(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A whole number from text; blank is undefined, anything else not a number is an error. */
export function optionalInteger(
  text: string,
  path: string,
  errors: FieldErrors,
): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (!/^\d+$/.test(trimmed)) {
    errors[path] = 'must be a whole number';
    return undefined;
  }
  return Number(trimmed);
}

export function textOf(value: number | string | undefined | null): string {
  return value === undefined || value === null ? '' : String(value);
}
