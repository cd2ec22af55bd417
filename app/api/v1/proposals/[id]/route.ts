import { proposalDto } from "@/lib/api/dto";
import { apiError } from "@/lib/api/errors";
import { canView } from "@/lib/api/proposal-query";
import { apiRoute } from "@/lib/api/route";
import { contactsOfAccounts, getProposal } from "@/lib/data/proposals";
import { isUuid } from "@/lib/domain/ids";

export const dynamic = "force-dynamic";

/** GET /api/v1/proposals/:id — 404 for an unknown or malformed id, or one an agent may not see. */
export const GET = apiRoute<{ id: string }>({
  permission: "accounts:read",
  async handler({ params, actor }) {
    const p = isUuid(params.id) ? await getProposal(params.id) : null;
    if (!p || !canView(actor, p.proposer.id)) return apiError("not_found");
    const contacts = actor.scopes ? await contactsOfAccounts([p.accountId]) : undefined;
    return { status: 200, body: proposalDto(p, actor, contacts) };
  },
});
