import { countPending } from "@/lib/data/proposals";
import { apiRoute } from "@/lib/api/route";

export const dynamic = "force-dynamic";

/** The number in the navigation badge: what waits for a founder's decision. */
export const GET = apiRoute({
  permission: "accounts:read",
  handler: async () => ({
    status: 200,
    body: { pending: await countPending() },
    headers: { "cache-control": "no-store" },
  }),
});
