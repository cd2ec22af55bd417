import { runMutation } from "@/lib/actions/mutation";
import { approveProposalMutation } from "@/lib/actions/proposals";
import { proposalDto } from "@/lib/api/dto";
import { fromResult } from "@/lib/api/errors";
import { notFoundForBadId } from "@/lib/api/ids";
import { apiRoute } from "@/lib/api/route";

export const dynamic = "force-dynamic";

/** POST /api/v1/proposals/:id/approve `{ "payload_hash": "<the hash you reviewed>" }` */
export const POST = apiRoute<{ id: string }>({
  permission: "proposals:approve",
  mutation: true,
  async handler({ params, actor, body, requestId }) {
    const result = await runMutation(approveProposalMutation, actor, { ...body, id: params.id }, requestId);
    return fromResult(notFoundForBadId(result), (p) => proposalDto(p, actor));
  },
});
