/**
 * Stable error codes. The client translates `errors.<code>` from the message files; raw English never
 * reaches a user. `fields` maps input field names to `validation.<key>` codes.
 */
export const ERROR_CODES = [
  "unauthenticated",
  "forbidden",
  "invalid_input",
  "not_found",
  "conflict",
  "rate_limited",
  "database_unavailable",
  "internal",
  "already_decided",
  "expired",
  "own_proposal",
  "stale_payload",
  "payload_too_large",
  "idempotency_mismatch",
  "copy_guard_violation",
] as const;
export type TErrorCode = (typeof ERROR_CODES)[number];

const STATUS: Record<TErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  invalid_input: 422,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  database_unavailable: 503,
  internal: 500,
  already_decided: 409,
  expired: 409,
  own_proposal: 403,
  stale_payload: 409,
  payload_too_large: 413,
  idempotency_mismatch: 422,
  copy_guard_violation: 422,
};

/**
 * Refusals that are attempts worth recording (the README: every refusal is ledgered). Not ledgered:
 * not_found (nothing to record against), expired, rate limits and outages (no attempt reached a rule).
 */
export const LEDGERED_REFUSALS: readonly TErrorCode[] = [
  "forbidden",
  "own_proposal",
  "stale_payload",
  "copy_guard_violation",
  "invalid_input",
  "conflict",
  "already_decided",
];

export class AppError extends Error {
  constructor(
    readonly code: TErrorCode,
    readonly fields?: Record<string, string>,
    detail?: string,
    /** What the refused attempt was about (e.g. `proposal:<id>`), for the ledger. */
    readonly target?: string,
  ) {
    super(detail ?? code);
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export type TResult<T> = { ok: true; data: T } | { ok: false; code: TErrorCode; fields?: Record<string, string> };

/** True for errors that mean "the database cannot be reached", from either engine or Prisma. */
export function isConnectionError(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ""} ${(error as Error)?.message ?? ""} ${String((error as { cause?: unknown })?.cause ?? "")}`;
  return /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|ECONNRESET|EPIPE|57P01|57P02|57P03|terminating connection|P1001|P1017|DatabaseNotReachable|Connection terminated|connect ETIMEDOUT|the database system is (starting|shutting) up/i.test(
    text,
  );
}

/**
 * The error thrown when the database cannot be reached. Its `digest` survives Next's production
 * error masking, so the error page can say "database unreachable" instead of a generic failure.
 */
export function databaseUnavailable(cause?: unknown): AppError & { digest: string } {
  const error = new AppError("database_unavailable", undefined, "database_unavailable") as AppError & {
    digest: string;
  };
  error.digest = "database_unavailable";
  error.cause = cause;
  return error;
}

/** A unique constraint refused a row (Prisma P2002, PostgreSQL 23505): a duplicate, often from a race. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string }; meta?: { code?: string }; message?: string };
  // Raw queries surface as P2010 with the PostgreSQL code inside (meta.code or the message).
  return (
    e?.code === "P2002" ||
    e?.code === "23505" ||
    e?.cause?.code === "23505" ||
    e?.meta?.code === "23505" ||
    /Unique constraint failed|23505|duplicate key value/.test(e?.message ?? "")
  );
}
