import { apiError } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/route";
import { searchAccountOptions } from "@/lib/data/accounts";
import { ZAccountQuery } from "@/lib/domain/accounts/filters";

export const dynamic = "force-dynamic";

/**
 * GET /api/accounts/options?q=<part of a name> → { items: [{ id, name, region, csmName }] }, at most
 * a handful, for the account pickers. A query with control characters or over 100 characters is 422.
 */
export const GET = apiRoute({
  permission: "accounts:read",
  handler: async ({ url }) => {
    const q = ZAccountQuery.safeParse(url.searchParams.get("q") ?? "");
    if (!q.success) return apiError("invalid_input", { fields: { q: "validation.invalid" } });
    return {
      status: 200,
      body: { items: await searchAccountOptions(q.data) },
      headers: { "cache-control": "no-store" },
    };
  },
});
