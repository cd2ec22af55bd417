import "server-only";
import { z } from "zod";
import { recordLedger } from "../data/ledger";
import { kindsOf } from "../data/proposals";
import type { TActor } from "../domain/auth/actor";
import { actorCan } from "../domain/auth/scopes";
import { ledgerEntry } from "../domain/ledger/entry";
import { bulkRefusal } from "../domain/proposals/bulk";
import { kindOf } from "../proposals/kinds/registry";
import type { TResult } from "../errors";
import { runMutation } from "./mutation";
import { approveProposalMutation } from "./proposals";

// At most one inbox page and a little more; each item is its own transaction.
export const MAX_BULK = 200;
const ZItems = z
  .array(z.object({ id: z.uuid(), payload_hash: z.string().regex(/^[0-9a-f]{64}$/) }))
  .min(1)
  .max(MAX_BULK);

export type TBulkResult = { approved: number; failed: { id: string; code: string }[] };

/**
 * Approves a reviewed set in one click: one transaction and one ledger entry per item, so one stale or
 * already-decided item does not block the rest. The set itself is checked first (bulk approval covers
 * customer messages, or one group of similar system proposals: lib/domain/proposals/bulk.ts): a set
 * holding anything else, e.g. a freeze, is refused whole, ledgered, and nothing in it is approved.
 */
export async function bulkApprove(
  actor: TActor | null,
  raw: unknown,
  requestId: string | null = null,
): Promise<TResult<TBulkResult>> {
  // Not signed in or not permitted: the door answers (and ledgers the denial).
  if (!actor || !actorCan(actor, approveProposalMutation.permission))
    return (await runMutation(approveProposalMutation, actor, undefined, requestId)) as TResult<never>;
  const parsed = ZItems.safeParse(raw);
  if (!parsed.success) return { ok: false, code: "invalid_input" };
  const items = parsed.data;
  const kinds = await kindsOf(items.map((i) => i.id));
  const refused = bulkRefusal([...kinds.values()], kindOf);
  if (refused) {
    await recordLedger(
      ledgerEntry(actor, {
        action: "proposals.bulk_approve.denied",
        target: null,
        summary: `refused: bulk_not_allowed: ${refused} is decided one by one; nothing of the ${items.length} approved`,
        requestId,
      }),
    );
    return { ok: false, code: "bulk_not_allowed", fields: { _: `approvals.kinds.${refused}` } };
  }
  let approved = 0;
  const failed: { id: string; code: string }[] = [];
  for (const item of items) {
    const r = await runMutation(approveProposalMutation, actor, item, requestId);
    if (r.ok) approved++;
    else failed.push({ id: item.id, code: r.code });
    if (!r.ok && (r.code === "unauthenticated" || r.code === "forbidden")) return r;
  }
  return { ok: true, data: { approved, failed } };
}
