import "server-only";
import type { z } from "zod";
import type { TActor } from "../domain/auth/actor";
import type { TPermission } from "../domain/auth/permissions";
import { actorCan } from "../domain/auth/scopes";
import { fieldErrors } from "../domain/validation";
import { appendLedger, recordLedger } from "../data/ledger";
import { ledgerEntry } from "../domain/ledger/entry";
import { withTransaction, type Tx } from "../data/tx";
import { AppError, LEDGERED_REFUSALS, isConnectionError, isUniqueViolation, type TResult } from "../errors";
import { log } from "../log";

export type TLedgerNote = { target: string | null; summary: string; payloadHash?: string | null };

/**
 * A mutation: the ledger note is part of `run`'s return type, so a change without its ledger entry
 * does not type-check. `name` is the ledger action (e.g. "users.create").
 */
export type TMutation<S extends z.ZodType, R> = {
  name: string;
  permission: TPermission;
  input: S;
  run: (ctx: { tx: Tx; actor: TActor; input: z.infer<S> }) => Promise<{ result: R; ledger: TLedgerNote }>;
};

export const defineMutation = <S extends z.ZodType, R>(m: TMutation<S, R>): TMutation<S, R> => m;

// A refusal's summary names which fields failed, never their values, and stays short: field names
// can come from the caller's own keys, so only plain ones are kept, and only a few.
const MAX_REFUSED_FIELDS = 10;
const PLAIN_FIELD = /^[\w.-]{1,64}$/;
const DETAIL_MAX = 200;

function refusalSummary(code: string, fields?: Record<string, string>, detail?: string): string {
  const names = Object.keys(fields ?? {});
  const shown = names.slice(0, MAX_REFUSED_FIELDS).map((f) => (PLAIN_FIELD.test(f) ? f : "?"));
  const more = names.length > MAX_REFUSED_FIELDS ? ` (+${names.length - MAX_REFUSED_FIELDS})` : "";
  return [
    `refused: ${code}`,
    ...(detail && detail !== code ? [detail.slice(0, DETAIL_MAX)] : []),
    ...(names.length ? [`fields ${shown.join(", ")}${more}`] : []),
  ].join(": ");
}

/**
 * The one door for every change: actor → permission → validation → one transaction holding the change
 * and its ledger entry. Denials are ledgered too. Never throws for expected failures; returns a code.
 */
export async function runMutation<S extends z.ZodType, R>(
  m: TMutation<S, R>,
  actor: TActor | null,
  raw: unknown,
  requestId: string | null = null,
): Promise<TResult<R>> {
  if (!actor) return { ok: false, code: "unauthenticated" };
  try {
    if (!actorCan(actor, m.permission)) {
      await recordLedger(
        ledgerEntry(actor, {
          action: "access.denied",
          target: m.name,
          summary: `${m.name} needs ${m.permission}`,
          requestId,
        }),
      );
      return { ok: false, code: "forbidden" };
    }
    const parsed = m.input.safeParse(raw);
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error, raw);
      await refuse(m.name, actor, requestId, new AppError("invalid_input", fields));
      return { ok: false, code: "invalid_input", fields };
    }
    const data = await withTransaction(async (tx) => {
      const { result, ledger } = await m.run({ tx, actor, input: parsed.data });
      await appendLedger(tx, ledgerEntry(actor, { ...ledger, action: m.name, requestId }));
      return result;
    });
    return { ok: true, data };
  } catch (error) {
    if (error instanceof AppError && error.code === "database_unavailable")
      return { ok: false, code: "database_unavailable" };
    if (error instanceof AppError) {
      await refuse(m.name, actor, requestId, error);
      return { ok: false, code: error.code, fields: error.fields };
    }
    if (isConnectionError(error)) return { ok: false, code: "database_unavailable" };
    if (isUniqueViolation(error)) {
      // A duplicate (often a race): the constraint's text is not ledgered, only that it was one.
      await refuse(m.name, actor, requestId, new AppError("conflict", undefined, "duplicate"));
      return { ok: false, code: "conflict" };
    }
    log.error("mutation failed", { mutation: m.name, requestId, error: (error as Error).message });
    return { ok: false, code: "internal" };
  }
}

/**
 * Ledgers a refused attempt (LEDGERED_REFUSALS) as `<mutation>.denied`. Best effort: the caller has
 * its answer either way, and a ledger that cannot be reached must not turn a refusal into a 500.
 */
async function refuse(name: string, actor: TActor, requestId: string | null, error: AppError): Promise<void> {
  if (!LEDGERED_REFUSALS.includes(error.code)) return;
  await recordLedger(
    ledgerEntry(actor, {
      action: `${name}.denied`,
      target: error.target ?? null,
      // A detail given with the refusal (e.g. the copy guard's phrase and category) says why.
      summary: refusalSummary(error.code, error.fields, error.message),
      requestId,
    }),
  ).catch(() => undefined);
}
