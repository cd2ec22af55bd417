// Issue 10, finding 1: one row the dispatcher cannot send (text the database or a mail system refuses,
// a header-injection CR/LF stored before the door refused it, a transport that refuses it) fails
// alone, with its ledger entry by the dispatcher, and the rows queued around it go out in the same pass.
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { sealPayload, type TMessagePayload } from "../domain/proposals/payloads";
import { dispatchOnce } from "./dispatch";
import { approvedMessage, ledgerFor, outboxRow, proposalState, recordingTransport } from "../dispatch/test-fixtures";
import { PermanentSendError, previewTransport, type TTransport } from "../dispatch/transport";

const engine = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";
const run = (o: Omit<Parameters<typeof dispatchOnce>[0], "frozen">) => dispatchOnce({ frozen: false, ...o });

/** A row as a release before the door stored it: the payload rewritten and sealed again, as if approved so. */
async function storeLegacy(row: { outboxId: string; proposalId: string }, change: Partial<TMessagePayload>) {
  const stored = JSON.parse((await outboxRow(row.outboxId)).payload) as TMessagePayload;
  const sealed = sealPayload({ ...stored, ...change });
  await db().sql.query(`UPDATE outbox SET payload = $1, payload_hash = $2 WHERE id = $3`, [
    sealed.text,
    sealed.hash,
    row.outboxId,
  ]);
  await db().sql.query(
    `UPDATE proposals SET payload = $1, payload_hash = $2, approved_payload_hash = $2 WHERE id = $3`,
    [sealed.text, sealed.hash, row.proposalId],
  );
}

/** Three approved rows queued in this order: good, bad, good. */
async function goodBadGood() {
  const first = await approvedMessage("en");
  const bad = await approvedMessage("ar");
  const last = await approvedMessage("ar");
  return { first, bad, last, ids: [first.outboxId, bad.outboxId, last.outboxId] };
}

async function expectFailedAlone(bad: { outboxId: string; proposalId: string }, error: RegExp) {
  const row = await outboxRow(bad.outboxId);
  expect(row).toMatchObject({ state: "failed", leaseUntil: null });
  expect(row.lastError).toMatch(error);
  expect(row.rendered ?? "").not.toMatch(/[\u0000\r]/);
  expect(await proposalState(bad.proposalId)).toBe("failed");
  const entries = (await ledgerFor(bad.proposalId)).filter((e) => e.action.startsWith("outbox."));
  expect(entries.map((e) => [e.action, e.actorType, e.actorId])).toEqual([["outbox.failed", "system", "dispatcher"]]);
  expect(entries[0]!.summary).toContain(bad.outboxId);
}

describe(`dispatcher with a row it cannot send, on ${engine}`, () => {
  it("fails a stored NUL subject and a CR/LF header injection alone; the preview goes on with the rest", async () => {
    const { first, bad, last, ids } = await goodBadGood();
    const crlf = await approvedMessage("en");
    await storeLegacy(bad, { subject: "مرحبا\u0000" });
    await storeLegacy(crlf, { subject: "Hello\r\nBcc: everyone@example.test" });

    const report = await run({ transport: previewTransport, onlyIds: [...ids, crlf.outboxId] });
    expect(report).toMatchObject({ delivered: 2, failed: 2 });
    await expectFailedAlone(bad, /^unsendable: subject contains control character U\+0000$/);
    await expectFailedAlone(crlf, /^unsendable: subject contains control character U\+000D$/);
    for (const good of [first, last]) {
      expect(await outboxRow(good.outboxId)).toMatchObject({ state: "previewed" });
      expect(await proposalState(good.proposalId)).toBe("delivered");
    }
    // Nothing was rendered for the injected row: no outbox record shows a Bcc header.
    expect((await outboxRow(crlf.outboxId)).rendered).toBeNull();
  });

  it("never hands a bad row to an external transport", async () => {
    const { first, bad, last, ids } = await goodBadGood();
    await storeLegacy(bad, { body: "line one\u0000line two" });
    const transport = recordingTransport();
    expect(await run({ transport, onlyIds: ids })).toMatchObject({ delivered: 2, failed: 1 });
    expect(transport.sent.map((s) => s.key)).toEqual([first.outboxId, last.outboxId]);
    await expectFailedAlone(bad, /^unsendable: text contains control character U\+0000$/);
  });

  it("fails only the row whose result the database refuses, inside the claim transaction (preview)", async () => {
    const { first, bad, last, ids } = await goodBadGood();
    // A database-effect transport whose answer for one row PostgreSQL cannot store (NUL in text).
    const transport: TTransport = {
      name: "preview",
      mode: "preview",
      effect: "database",
      async send(_email, key) {
        return { ref: key === bad.outboxId ? "ref\u0000" : null };
      },
    };
    expect(await run({ transport, onlyIds: ids })).toMatchObject({ delivered: 2, failed: 1 });
    await expectFailedAlone(bad, /^result not recorded: .*0x00/);
    expect(await outboxRow(first.outboxId)).toMatchObject({ state: "previewed" });
    expect(await outboxRow(last.outboxId)).toMatchObject({ state: "previewed" });
  });

  it("fails only the row whose result the database refuses after an external hand-off, saying it was handed over", async () => {
    const { first, bad, last, ids } = await goodBadGood();
    const base = recordingTransport();
    const transport: TTransport = {
      ...base,
      async send(email, key) {
        const { ref } = await base.send(email, key);
        return { ref: key === bad.outboxId ? "ref\u0000" : ref };
      },
    };
    expect(await run({ transport, onlyIds: ids })).toMatchObject({ delivered: 2, failed: 1 });
    await expectFailedAlone(bad, /^result not recorded: .*0x00/);
    expect((await ledgerFor(bad.proposalId)).at(-1)!.summary).toContain("the transport accepted it");
    expect(await outboxRow(first.outboxId)).toMatchObject({ state: "sent", transportRef: `ref-${first.outboxId}` });
    expect(await outboxRow(last.outboxId)).toMatchObject({ state: "sent", transportRef: `ref-${last.outboxId}` });
    // Not sent again on the next pass.
    expect(await run({ transport, onlyIds: ids })).toMatchObject({ delivered: 0, failed: 0 });
    expect(base.sent.filter((s) => s.key === bad.outboxId)).toHaveLength(1);
  });

  it("fails a row a transport refuses for itself, and sends the rows after it", async () => {
    const { first, bad, last, ids } = await goodBadGood();
    const transport = recordingTransport();
    const refusing: TTransport = {
      ...transport,
      async send(email, key) {
        if (key === bad.outboxId) throw new PermanentSendError("550 no such mailbox");
        return transport.send(email, key);
      },
    };
    expect(await run({ transport: refusing, onlyIds: ids })).toMatchObject({ delivered: 2, failed: 1 });
    await expectFailedAlone(bad, /^550 no such mailbox$/);
    expect(transport.sent.map((s) => s.key)).toEqual([first.outboxId, last.outboxId]);
  });
});
