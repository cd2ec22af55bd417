import { describe, expect, it } from "vitest";
import { runMutation } from "../actions/mutation";
import { approveProposalMutation, createProposalMutation, freezeNowMutation } from "../actions/proposals";
import { getFreeze } from "../data/system-state";
import { dispatchOnce } from "./dispatch";
import { approvedMessage, csm, founder, outboxRow, recordingTransport } from "../dispatch/test-fixtures";

// The real freeze switch, read by the dispatcher from the database. Only on PGlite, where each test
// file has its own in-memory database: on the shared PostgreSQL database another file toggling the
// freeze at the same moment would make this flaky (dispatcher.integration.test.ts covers PostgreSQL).
describe.skipIf(!!process.env.DATABASE_URL)("freeze on PGlite", () => {
  it("holds every row while frozen, and dispatches after the unfreeze is approved", async () => {
    const { outboxId } = await approvedMessage("ar");
    const transport = recordingTransport();
    const boss = founder();
    expect(await runMutation(freezeNowMutation, boss, { reason: "SEV1" })).toMatchObject({ ok: true });
    expect(await dispatchOnce({ transport, onlyIds: [outboxId] })).toMatchObject({ frozen: true, delivered: 0 });
    expect(transport.sent).toHaveLength(0);
    expect(await outboxRow(outboxId)).toMatchObject({ state: "queued", attempts: 0 });

    const unfreeze = await runMutation(createProposalMutation, csm(), { kind: "unfreeze", reason: "resolved" });
    if (!unfreeze.ok) throw new Error(unfreeze.code);
    await runMutation(approveProposalMutation, boss, { id: unfreeze.data.id, payload_hash: unfreeze.data.payloadHash });
    expect((await getFreeze()).frozen).toBe(false);
    expect(await dispatchOnce({ transport, onlyIds: [outboxId] })).toMatchObject({ frozen: false, delivered: 1 });
    expect(transport.sent).toHaveLength(1);
  });
});
