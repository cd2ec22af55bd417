import { describe, expect, it } from "vitest";
import { runMutation } from "../actions/mutation";
import { retryOutboxMutation } from "../actions/outbox";
import { approveProposalMutation } from "../actions/proposals";
import { db } from "../db";
import { PAYLOAD_CHANGED_ERROR } from "../domain/dispatch/retry";
import { dispatchOnce } from "./dispatch";
import {
  approvedMessage,
  createAccount,
  founder,
  ledgerFor,
  outboxRow,
  proposalState,
  proposeMessage,
  recordingTransport,
} from "../dispatch/test-fixtures";
import { PermanentSendError, previewTransport } from "../dispatch/transport";

const engine = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";
// Other test files toggle the freeze on the shared PostgreSQL database: pass the state explicitly.
const run = (o: Omit<Parameters<typeof dispatchOnce>[0], "frozen">) => dispatchOnce({ frozen: false, ...o });

describe(`dispatcher on ${engine}`, () => {
  it("previews an approved message exactly once: rendered, delivered and ledgered", async () => {
    const { proposalId, outboxId, payloadHash } = await approvedMessage("ar");
    const report = await run({ transport: previewTransport, onlyIds: [outboxId] });
    expect(report).toMatchObject({ delivered: 1, failed: 0, frozen: false });
    const row = await outboxRow(outboxId);
    expect(row).toMatchObject({ state: "previewed", transport: "preview", attempts: 1, leaseUntil: null });
    expect(row.rendered).toContain("Subject: مرحبا");
    expect(row.rendered).toContain(`Message-ID: <${outboxId}@lifecycle-console>`);
    expect(await proposalState(proposalId)).toBe("delivered");

    expect(await run({ transport: previewTransport, onlyIds: [outboxId] })).toMatchObject({ delivered: 0 });
    const entries = (await ledgerFor(proposalId)).filter((e) => e.action.startsWith("outbox."));
    expect(entries.map((e) => [e.action, e.actorId, e.payloadHash])).toEqual([
      ["outbox.previewed", "dispatcher", payloadHash],
    ]);
  });

  it("refuses to send a payload changed after approval", async () => {
    const { proposalId, outboxId } = await approvedMessage("en");
    await db().sql.query(`UPDATE outbox SET payload = replace(payload, 'أهلا', 'ادفع الآن') WHERE id = $1`, [outboxId]);
    const transport = recordingTransport();
    expect(await run({ transport, onlyIds: [outboxId] })).toMatchObject({ failed: 1, delivered: 0 });
    expect(transport.sent).toHaveLength(0);
    expect(await outboxRow(outboxId)).toMatchObject({ state: "failed", lastError: PAYLOAD_CHANGED_ERROR });
    expect(await proposalState(proposalId)).toBe("failed");
    expect((await ledgerFor(proposalId)).at(-1)).toMatchObject({ action: "outbox.failed", actorId: "dispatcher" });
  });

  it("retries with exponential backoff, fails after the fifth attempt with its error, and can be re-queued", async () => {
    const { proposalId, outboxId, payloadHash } = await approvedMessage("ar");
    const transport = recordingTransport(() => new Error("relay down"));
    const t0 = Date.now();
    const at = (s: number) => new Date(t0 + s * 1000);
    expect(await run({ transport, onlyIds: [outboxId], now: at(0) })).toMatchObject({ retrying: 1 });
    expect(await outboxRow(outboxId)).toMatchObject({ state: "queued", attempts: 1, lastError: "relay down" });
    expect((await outboxRow(outboxId)).nextAttemptAt.getTime()).toBe(t0 + 30_000);
    expect(await proposalState(proposalId)).toBe("dispatched");

    await run({ transport, onlyIds: [outboxId], now: at(29) }); // not due yet
    expect(transport.sent).toHaveLength(1);
    for (const s of [30, 90, 210]) {
      expect(await run({ transport, onlyIds: [outboxId], now: at(s) })).toMatchObject({ retrying: 1 });
    }
    expect(await run({ transport, onlyIds: [outboxId], now: at(450) })).toMatchObject({ failed: 1 });
    expect(transport.sent.map((s) => s.key)).toEqual(Array(5).fill(outboxId));
    expect(await outboxRow(outboxId)).toMatchObject({ state: "failed", attempts: 5, lastError: "relay down" });
    expect(await proposalState(proposalId)).toBe("failed");
    const actions = (await ledgerFor(proposalId)).map((e) => e.action).filter((a) => a.startsWith("outbox."));
    expect(actions).toEqual(["outbox.retry", "outbox.retry", "outbox.retry", "outbox.retry", "outbox.failed"]);

    const retried = await runMutation(retryOutboxMutation, founder(), { id: outboxId });
    expect(retried).toMatchObject({ ok: true, data: { state: "pending" } });
    expect(await runMutation(retryOutboxMutation, founder(), { id: outboxId })).toEqual({
      ok: false,
      code: "already_decided",
    });
    await runMutation(approveProposalMutation, founder(), { id: proposalId, payload_hash: payloadHash });
    const rows = await db().prisma.outbox.findMany({ where: { proposalId }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => r.state)).toEqual(["failed", "queued"]);
  });

  it("fails a permanent refusal at once", async () => {
    const { outboxId } = await approvedMessage("en");
    const transport = recordingTransport(() => new PermanentSendError("SMTP 550: no such mailbox"));
    expect(await run({ transport, onlyIds: [outboxId] })).toMatchObject({ failed: 1 });
    expect(await outboxRow(outboxId)).toMatchObject({ state: "failed", attempts: 1 });
  });

  it("sends nothing while frozen; the row goes once unfrozen", async () => {
    const { outboxId } = await approvedMessage("en");
    const transport = recordingTransport();
    expect(await dispatchOnce({ transport, onlyIds: [outboxId], frozen: true })).toMatchObject({ frozen: true });
    expect(transport.sent).toHaveLength(0);
    expect(await outboxRow(outboxId)).toMatchObject({ state: "queued", attempts: 0 });
    expect(await run({ transport, onlyIds: [outboxId] })).toMatchObject({ delivered: 1 });
    expect(await outboxRow(outboxId)).toMatchObject({ state: "sent", transportRef: `ref-${outboxId}` });
  });

  it("records expiry of undecided proposals in the ledger", async () => {
    const proposal = await proposeMessage(await createAccount("en"));
    await db().sql.query(`UPDATE proposals SET expires_at = now() - interval '1 minute' WHERE id = $1`, [proposal.id]);
    const report = await run({ transport: previewTransport, onlyIds: [] });
    expect(report.expired).toBeGreaterThanOrEqual(1);
    expect(await proposalState(proposal.id)).toBe("expired");
    expect((await ledgerFor(proposal.id)).at(-1)).toMatchObject({ action: "proposals.expire", actorType: "system" });
  });
});
