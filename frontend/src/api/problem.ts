// Every failed API call surfaces as one error type, whatever went wrong: an
// RFC 9457 problem from the server, a body that is not one (a proxy's error
// page), or no answer at all.

export interface FieldError {
  /** The request path of the bad value, e.g. `ip`, `wol.mac`, `nodes[2].hostname`. */
  field: string;
  message: string;
}

export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly fieldErrors: FieldError[];

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail: string;
    fieldErrors?: FieldError[];
  }) {
    super(init.detail);
    this.name = 'ApiProblem';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? [];
  }

  get isValidation(): boolean {
    return this.fieldErrors.length > 0;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function fieldErrorsOf(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).flatMap((entry) => {
    const field = text(entry.field);
    const message = text(entry.message);
    return field && message ? [{ field, message }] : [];
  });
}

/** The problem an error response stands for; `body` is the parsed body, if any. */
export function problemFromResponse(response: Response, body: unknown): ApiProblem {
  const status = response.status;
  const fallbackTitle = response.statusText || `HTTP ${status}`;
  if (isRecord(body) && (text(body.detail) || text(body.code) || text(body.title))) {
    return new ApiProblem({
      status,
      code: text(body.code) ?? `http-${status}`,
      title: text(body.title) ?? fallbackTitle,
      detail: text(body.detail) ?? text(body.title) ?? fallbackTitle,
      fieldErrors: fieldErrorsOf(body.errors),
    });
  }
  return new ApiProblem({
    status,
    code: `http-${status}`,
    title: fallbackTitle,
    detail: `The server answered ${status} ${response.statusText}`.trim() + '.',
  });
}

export function networkProblem(cause: unknown): ApiProblem {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new ApiProblem({
    status: 0,
    code: 'network',
    title: 'No answer',
    detail: `The server could not be reached (${reason}).`,
  });
}

/** Any thrown value as an ApiProblem, so callers handle one shape. */
export function asApiProblem(error: unknown): ApiProblem {
  if (error instanceof ApiProblem) return error;
  return new ApiProblem({
    status: 0,
    code: 'client',
    title: 'Unexpected error',
    detail: error instanceof Error ? error.message : String(error),
  });
}
