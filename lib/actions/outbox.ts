import "server-only";
import { z } from "zod";
import { getOutboxItem } from "../data/outbox";
import { requeueProposal } from "../data/proposals";
import { expiresAt } from "../domain/proposals/state-machine";
import { AppError } from "../errors";
import { defineMutation } from "./mutation";

/**
 * Retry of a failed outbox row (founders): its proposal goes failed → pending with a fresh expiry and
 * must be approved again, which queues a new row. The failed row stays as history. An interrupted send
 * may already have been delivered: the outbox page shows that error before anyone presses retry.
 */
export const retryOutboxMutation = defineMutation({
  name: "outbox.retry",
  permission: "proposals:approve",
  input: z.object({ id: z.uuid() }),
  async run({ tx, input }) {
    const row = await getOutboxItem(input.id, tx);
    if (!row) throw new AppError("not_found", undefined, undefined, `outbox:${input.id}`);
    if (row.state !== "failed") throw new AppError("already_decided", undefined, undefined, `outbox:${input.id}`);
    const p = await requeueProposal(tx, row.proposalId, expiresAt(new Date()));
    return {
      result: p,
      ledger: {
        target: `proposal:${p.id}`,
        summary: `re-queued after outbox ${row.id} failed: ${row.lastError ?? "unknown error"}`,
        payloadHash: p.payloadHash,
      },
    };
  },
});
