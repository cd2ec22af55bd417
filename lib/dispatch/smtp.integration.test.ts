import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INTERRUPTED_ERROR, LEASE_MS } from "../domain/dispatch/retry";
import { dispatchOnce } from "../jobs/dispatch";
import { startSmtpSink, type TSmtpSink } from "./smtp-sink";
import { smtpTransport } from "./smtp";
import { approvedMessage, ledgerFor, outboxRow, proposalState } from "./test-fixtures";

let sink: TSmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});

const received = (outboxId: string) => sink.messages.filter((m) => m.messageId === `<${outboxId}@lifecycle-console>`);

describe(`SMTP transport on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("sends an Arabic message with the outbox id as Message-ID and a right-to-left HTML part", async () => {
    const body = "أهلا بكم\nنحن هنا للمساعدة";
    const { proposalId, outboxId } = await approvedMessage("ar", body);
    const transport = smtpTransport(sink.url);
    try {
      expect(await dispatchOnce({ transport, onlyIds: [outboxId], frozen: false })).toMatchObject({ delivered: 1 });
    } finally {
      await transport.close?.();
    }
    const [mail, ...more] = received(outboxId);
    expect(more).toHaveLength(0);
    expect(mail?.subject).toBe("مرحبا");
    expect(mail?.text?.trim()).toBe(body);
    expect(mail?.html).toContain('<div dir="rtl" lang="ar" style="text-align:right;text-align:start">أهلا بكم</div>');
    expect(mail?.headers.get("content-language")).toBe("ar");
    expect(await outboxRow(outboxId)).toMatchObject({
      state: "sent",
      transport: "smtp",
      transportRef: `<${outboxId}@lifecycle-console>`,
    });
    expect(await proposalState(proposalId)).toBe("delivered");
    expect((await ledgerFor(proposalId)).at(-1)).toMatchObject({ action: "outbox.sent", actorId: "dispatcher" });
  });

  it("sends English to an Arabic contact as left-to-right text, and a mixed message with each paragraph's own direction", async () => {
    const english = "Hello Sara,\nCould we book a call on Tuesday?";
    const mixed = "Hello Sara,\nمرحباً سارة، هل نحجز مكالمة؟\nThanks";
    const a = await approvedMessage("ar", english, "A call on Tuesday?");
    const b = await approvedMessage("ar", mixed, "A call on Tuesday?");
    const transport = smtpTransport(sink.url);
    try {
      expect(await dispatchOnce({ transport, onlyIds: [a.outboxId, b.outboxId], frozen: false })).toMatchObject({
        delivered: 2,
      });
    } finally {
      await transport.close?.();
    }
    const [plain] = received(a.outboxId);
    // All left-to-right: plain text only, which every mail program shows left-to-right.
    expect(plain?.text?.trim()).toBe(english);
    expect(plain?.html).toBe(false);
    expect(plain?.headers.get("content-language")).toBe("ar");
    const [both] = received(b.outboxId);
    expect(both?.text?.trim()).toBe(mixed);
    const blocks = String(both?.html)
      .split("\n")
      .filter((l) => l.startsWith("<div"));
    expect(blocks).toEqual([
      '<div dir="ltr" lang="en" style="text-align:left;text-align:start">Hello Sara,</div>',
      '<div dir="rtl" lang="ar" style="text-align:right;text-align:start">مرحباً سارة، هل نحجز مكالمة؟</div>',
      '<div dir="ltr" lang="en" style="text-align:left;text-align:start">Thanks</div>',
    ]);
  });

  it("fails at once when the server refuses the recipient (5xx)", async () => {
    const { proposalId, outboxId } = await approvedMessage("en");
    const transport = smtpTransport(sink.url);
    sink.refuseRecipients = true;
    try {
      expect(await dispatchOnce({ transport, onlyIds: [outboxId], frozen: false })).toMatchObject({ failed: 1 });
    } finally {
      sink.refuseRecipients = false;
      await transport.close?.();
    }
    expect(await outboxRow(outboxId)).toMatchObject({ state: "failed", attempts: 1 });
    expect((await outboxRow(outboxId)).lastError).toMatch(/550/);
    expect(await proposalState(proposalId)).toBe("failed");
    expect(received(outboxId)).toHaveLength(0);
  });
});

// A real crash needs a second process sharing the database: PostgreSQL only.
describe.skipIf(!process.env.DATABASE_URL)("dispatcher killed between send and mark", () => {
  it("never sends again: the SMTP sink keeps exactly one message and the row fails as interrupted", async () => {
    const { proposalId, outboxId } = await approvedMessage("ar");
    const { PGLITE_DIR: _dir, ...env } = process.env;
    const child = spawn(
      join(process.cwd(), "node_modules/.bin/tsx"),
      ["--conditions=react-server", "scripts/dispatch.ts", "--once", "--only", outboxId],
      { cwd: process.cwd(), env: { ...env, LIVE_SEND: "1", SMTP_URL: sink.url }, detached: true, stdio: "ignore" },
    );
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    // SIGKILL the dispatcher (its whole process group) once the message is in, before the server's "250 OK".
    const killed = new Promise<void>((resolve) => {
      sink.onMessage = (mail) => {
        if (mail.messageId !== `<${outboxId}@lifecycle-console>`) return;
        process.kill(-child.pid!, "SIGKILL");
        resolve();
      };
    });
    await Promise.race([killed, exited.then(() => Promise.reject(new Error("dispatcher exited before sending")))]);
    await exited;
    sink.onMessage = undefined;
    expect(received(outboxId)).toHaveLength(1);
    expect(await outboxRow(outboxId)).toMatchObject({ state: "sending", attempts: 1 });

    const transport = smtpTransport(sink.url);
    try {
      // Restart while the lease still runs: the row is left alone.
      expect(await dispatchOnce({ transport, onlyIds: [outboxId], frozen: false })).toMatchObject({
        interrupted: 0,
        delivered: 0,
      });
      // After the lease: failed as interrupted, not sent again.
      const later = new Date(Date.now() + LEASE_MS + 1_000);
      expect(await dispatchOnce({ transport, onlyIds: [outboxId], frozen: false, now: later })).toMatchObject({
        interrupted: 1,
        delivered: 0,
      });
    } finally {
      await transport.close?.();
    }
    expect(received(outboxId)).toHaveLength(1);
    expect(await outboxRow(outboxId)).toMatchObject({ state: "failed", lastError: INTERRUPTED_ERROR });
    expect(await proposalState(proposalId)).toBe("failed");
    expect((await ledgerFor(proposalId)).at(-1)?.summary).toContain("it may have been delivered");
  });
});
