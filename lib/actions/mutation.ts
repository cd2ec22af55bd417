import "server-only";
import type { z } from "zod";
import type { TActor } from "../domain/auth/actor";
import type { TPermission } from "../domain/auth/permissions";
import { actorCan } from "../domain/auth/scopes";
import { fieldErrors } from "../domain/validation";
import { appendLedger, recordLedger } from "../data/ledger";
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

const actorFields = (actor: TActor) => ({ actorType: actor.type, actorId: actor.id, actorRole: actor.role });

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
      await recordLedger({
        ...actorFields(actor),
        action: "access.denied",
        target: m.name,
        summary: `${m.name} needs ${m.permission}`,
        requestId,
        payloadHash: null,
      });
      return { ok: false, code: "forbidden" };
    }
    const parsed = m.input.safeParse(raw);
    if (!parsed.success) return { ok: false, code: "invalid_input", fields: fieldErrors(parsed.error, raw) };
    const data = await withTransaction(async (tx) => {
      const { result, ledger } = await m.run({ tx, actor, input: parsed.data });
      await appendLedger(tx, {
        ...actorFields(actor),
        action: m.name,
        target: ledger.target,
        summary: ledger.summary,
        requestId,
        payloadHash: ledger.payloadHash ?? null,
      });
      return result;
    });
    return { ok: true, data };
  } catch (error) {
    if (error instanceof AppError && error.code === "database_unavailable")
      return { ok: false, code: "database_unavailable" };
    if (error instanceof AppError) {
      if (LEDGERED_REFUSALS.includes(error.code)) {
        await recordLedger({
          ...actorFields(actor),
          action: `${m.name}.denied`,
          target: error.target ?? null,
          // A detail given with the refusal (e.g. the copy guard's phrase and category) says why.
          summary: `refused: ${error.code}${error.message !== error.code ? `: ${error.message}` : ""}`,
          requestId,
          payloadHash: null,
        }).catch(() => undefined);
      }
      return { ok: false, code: error.code, fields: error.fields };
    }
    if (isConnectionError(error)) return { ok: false, code: "database_unavailable" };
    if (isUniqueViolation(error)) return { ok: false, code: "conflict" };
    log.error("mutation failed", { mutation: m.name, requestId, error: (error as Error).message });
    return { ok: false, code: "internal" };
  }
}
