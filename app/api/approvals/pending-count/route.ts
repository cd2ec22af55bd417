import { countActionable } from "@/lib/data/proposals";
import { actorCan } from "@/lib/domain/auth/scopes";
import { apiRoute } from "@/lib/api/route";

export const dynamic = "force-dynamic";

/**
 * The number in the navigation badge: what the caller can act on (lib/data/proposals.ts countActionable).
 * A CSM or an agent token counts only the pending proposals it made, never the global figure.
 */
export const GET = apiRoute({
  permission: "accounts:read",
  handler: async ({ actor }) => ({
    status: 200,
    body: { pending: await countActionable({ id: actor.id, canDecide: actorCan(actor, "proposals:approve") }) },
    headers: { "cache-control": "no-store" },
  }),
});
