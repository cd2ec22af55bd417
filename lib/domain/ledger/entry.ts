import type { TActor } from "../auth/actor";
import { ledgerActor } from "./actor";
import type { TLedgerInput } from "./chain";

/** Who an entry is by: an actor (with its token, if any), or a bare identity where no actor exists yet (sign-in). */
export type TLedgerBy = TActor | Pick<TLedgerInput, "actorType" | "actorId" | "actorRole">;

/** What an entry records; an entry without a request or a payload says null for them. */
export type TLedgerWhat = Pick<TLedgerInput, "action" | "target" | "summary"> &
  Partial<Pick<TLedgerInput, "requestId" | "payloadHash">>;

/**
 * The one way to build a ledger entry: every writer names who and what, and this fills in the rest
 * the same way each time (the token through `ledgerActor`, null for what the entry does not have),
 * so the canonical text (lib/domain/ledger/chain.ts) never depends on how a caller spelled it.
 */
export function ledgerEntry(by: TLedgerBy, what: TLedgerWhat): TLedgerInput {
  const who = "actorType" in by ? { ...by, via: null } : ledgerActor(by);
  return {
    ...who,
    action: what.action,
    target: what.target,
    summary: what.summary,
    requestId: what.requestId ?? null,
    payloadHash: what.payloadHash ?? null,
  };
}
