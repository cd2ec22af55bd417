import { runMutation } from "@/lib/actions/mutation";
import { createProposalMutation } from "@/lib/actions/proposals";
import { proposalDto, proposalListDto } from "@/lib/api/dto";
import { apiError, fromResult } from "@/lib/api/errors";
import { parseProposalQuery } from "@/lib/api/proposal-query";
import { apiRoute } from "@/lib/api/route";
import { contactsOfAccounts, listProposals } from "@/lib/data/proposals";

export const dynamic = "force-dynamic";

/** GET /api/v1/proposals?state=&kind=&account_id=&proposer=&older_than_hours=&limit=&cursor= */
export const GET = apiRoute({
  permission: "accounts:read",
  async handler({ url, actor }) {
    const q = parseProposalQuery(url.searchParams, actor);
    if (!q.ok) return apiError("invalid_input", { fields: q.fields });
    const page = await listProposals(q.filters);
    const contacts = actor.scopes ? await contactsOfAccounts(page.items.map((p) => p.accountId)) : undefined;
    return { status: 200, body: proposalListDto(page, actor, contacts) };
  },
});

/** POST /api/v1/proposals → 201 with the proposal (rendered payload and its hash). */
export const POST = apiRoute({
  permission: "proposals:create",
  mutation: true,
  async handler({ actor, body, requestId }) {
    const result = await runMutation(createProposalMutation, actor, body, requestId);
    const contacts = actor.scopes && result.ok ? await contactsOfAccounts([result.data.accountId]) : undefined;
    return fromResult(result, (p) => proposalDto(p, actor, contacts), 201);
  },
});
