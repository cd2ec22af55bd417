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
  "sole_approver_waiting",
  "sole_approver_not_allowed",
  "bulk_not_allowed",
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
  // The maker is the sole approver but the cooling-off has not passed yet.
  sole_approver_waiting: 409,
  // Someone else may decide it (or the maker lacks the right): maker ≠ checker holds.
  sole_approver_not_allowed: 403,
  // A bulk set holding a kind that is decided one by one (a freeze, an unfreeze, …).
  bulk_not_allowed: 422,
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
  "sole_approver_waiting",
  "sole_approver_not_allowed",
  "bulk_not_allowed",
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

// What "cannot reach the database" looks like from each layer: Node sockets, PostgreSQL (57P01-03
// shutdown, 53300 too many clients), node-postgres ("Connection terminated", a client left "not
// queryable" after its backend was killed), Prisma (P1001/P1002/P1008/P1017, P2024 pool timeout) and
// Prisma 7 driver adapters, whose DriverAdapterError says it in `cause.kind`, also nested in `meta`
// of a P2010 raw-query error. Checked by lib/errors.test.ts against the errors these layers throw.
const CONNECTION_CODES =
  /^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|ECONNRESET|EPIPE|EHOSTUNREACH|ENETUNREACH|57P01|57P02|57P03|53300|P1001|P1002|P1008|P1017|P2024|DatabaseNotReachable|ConnectionClosed|SocketTimeout|TooManyConnections)$/;
const CONNECTION_TEXT =
  /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|ECONNRESET|EPIPE|57P01|57P02|57P03|terminating connection|DatabaseNotReachable|Can't reach database server|Connection terminated|not queryable|Connection ended unexpectedly|server closed the connection|timeout exceeded when trying to connect|Timed out fetching a new connection|too many clients|the database system is (starting|shutting) up|in recovery mode/i;

type TErrorLike = {
  code?: unknown;
  kind?: unknown;
  originalCode?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: unknown;
};

/** True for errors that mean "the database cannot be reached", from either engine, pg or Prisma. */
export function isConnectionError(error: unknown, depth = 0): boolean {
  if (typeof error === "string") return CONNECTION_TEXT.test(error);
  if (!error || typeof error !== "object" || depth > 4) return false;
  const e = error as TErrorLike;
  for (const code of [e.code, e.kind, e.originalCode])
    if (typeof code === "string" && CONNECTION_CODES.test(code)) return true;
  if (typeof e.message === "string" && CONNECTION_TEXT.test(e.message)) return true;
  const meta = e.meta as { driverAdapterError?: unknown } | undefined;
  return isConnectionError(e.cause, depth + 1) || isConnectionError(meta?.driverAdapterError, depth + 1);
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

/** An outage however it surfaced: the raw driver error, or the AppError lib/db.ts made of it. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return (error instanceof AppError && error.code === "database_unavailable") || isConnectionError(error);
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
