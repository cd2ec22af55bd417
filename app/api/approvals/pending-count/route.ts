import { countPending } from "@/lib/data/proposals";
import { apiRoute } from "@/lib/api/route";

export const dynamic = "force-dynamic";

/**
 * The number in the navigation badge: what waits for a founder's decision. An agent token sees only
 * the proposals it made, so it counts only its own pending ones, never the global figure.
 */
export const GET = apiRoute({
  permission: "accounts:read",
  handler: async ({ actor }) => ({
    status: 200,
    body: { pending: await countPending(new Date(), actor.scopes ? actor.id : undefined) },
    headers: { "cache-control": "no-store" },
  }),
});
