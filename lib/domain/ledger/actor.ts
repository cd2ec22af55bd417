import type { TActor } from "../auth/actor";
import type { TLedgerInput } from "./chain";

/**
 * Who an entry is by: the actor and, when it acted through an API token (personal or agent), that
 * token and the user who created it. Every writer with an actor in hand uses this, so an entry made
 * through a token cannot leave the token out by accident.
 */
export function ledgerActor(actor: TActor): Pick<TLedgerInput, "actorType" | "actorId" | "actorRole" | "via"> {
  return {
    actorType: actor.type,
    actorId: actor.id,
    actorRole: actor.role,
    via: actor.token ? { tokenId: actor.token.id, createdBy: actor.token.createdBy } : null,
  };
}
