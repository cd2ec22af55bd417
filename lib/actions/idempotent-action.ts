import "server-only";
import { idempotent, requestHash, validIdempotencyKey } from "../api/idempotency";
import type { TApiErrorBody } from "../api/errors";
import type { TActor } from "../domain/auth/actor";
import { AppError, ERROR_CODES, type TErrorCode, type TResult } from "../errors";
import { runMutation, type TMutation } from "./mutation";
import type { z } from "zod";

// Keys of console forms live beside the API's Idempotency-Key values of the same person; the prefix
// keeps a form's key from ever replaying an API answer (or the other way round).
const ACTION_KEY_PREFIX = "action:";

const isCode = (v: unknown): v is TErrorCode => ERROR_CODES.includes(v as TErrorCode);

/**
 * A console form's double submit (a double click, a retry after a lost answer) made harmless: the
 * form sends a key it generated once for this submission, and the mutation runs at most once per
 * (person, key), exactly as the API's Idempotency-Key (lib/api/idempotency.ts, the same table and the
 * same transaction): a repeat gets the first answer, a concurrent repeat waits for it, the same key
 * with different input is `idempotency_mismatch`. Failures the person can fix (4xx) are answers too;
 * the form makes a new key after any answer, so a corrected submission runs afresh. Outages (5xx) are
 * not stored. The mutation's result must be plain JSON (it is replayed from its stored text).
 * Without a key this is the plain door.
 */
export async function runIdempotentMutation<S extends z.ZodType, R>(
  m: TMutation<S, R>,
  actor: TActor | null,
  input: unknown,
  key: unknown,
  requestId: string | null,
): Promise<TResult<R>> {
  if (!actor) return { ok: false, code: "unauthenticated" };
  if (key === undefined || key === null) return runMutation(m, actor, input, requestId);
  if (typeof key !== "string" || !validIdempotencyKey(key))
    return { ok: false, code: "invalid_input", fields: { idempotency_key: "validation.invalid" } };
  const stored = await idempotent(
    actor.id,
    `${ACTION_KEY_PREFIX}${key}`,
    requestHash("ACTION", m.name, input),
    async () => {
      const r = await runMutation(m, actor, input, requestId);
      return { status: r.ok ? 200 : new AppError(r.code).status, body: r };
    },
  );
  const body = JSON.parse(stored.body) as TResult<R> | TApiErrorBody;
  if ("ok" in body) return body;
  // The idempotency layer's own answers (mismatch, still running) come as API error bodies.
  return { ok: false, code: isCode(body.error?.code) ? body.error.code : "internal" };
}
