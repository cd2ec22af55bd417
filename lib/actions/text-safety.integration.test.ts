// Issue 10, findings 1 and 4 at the door: text with control characters (NUL, C0/C1; CR/LF/tab in a
// one-line field) or, in customer text, bidi overrides is refused through the real mutations with a
// field-named `validation.*` code, and nothing is stored. Empty, oversized and multi-line text keep
// their old answers.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import type { TActor } from "../domain/auth/actor";
import { createAccount, csm, founder, proposeMessage } from "../dispatch/test-fixtures";
import { createIncidentMutation } from "./incidents";
import { runMutation } from "./mutation";
import { createProposalMutation, editProposalTextMutation, rejectProposalMutation } from "./proposals";
import { createTicketMutation } from "./support";
import { checkImport, importTicketsMutation } from "./support-import";
import { createUserMutation } from "./users";

// Tickets record who created them: an operator needs no user row.
const operator: TActor = { type: "cli", id: "cli:text-safety", role: "founder", label: "cli" };
const engine = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";
const message = (accountId: string, subject: string, body = "Hello,\nwelcome aboard.") => ({
  kind: "message",
  account_id: accountId,
  reason: "welcome",
  message: { subject, body },
});
const proposalsOf = (accountId: string) => db().prisma.proposal.count({ where: { accountId } });

describe(`text safety at the door on ${engine}`, () => {
  it("a proposal with NUL or CR/LF in its subject, NUL in its body or a bidi override is refused by field", async () => {
    const accountId = await createAccount("en");
    const cases: [object, Record<string, string>][] = [
      [message(accountId, "Hi\u0000"), { "message.subject": "validation.control_characters" }],
      [message(accountId, "Hi\r\nBcc: all@example.test"), { "message.subject": "validation.control_characters" }],
      [message(accountId, "Hi", "body\u0000"), { "message.body": "validation.control_characters" }],
      [message(accountId, "Hi", "IBAN \u202eSA03 8000 0000"), { "message.body": "validation.bidi_controls" }],
      [{ ...message(accountId, "Hi"), reason: "why\u0007" }, { reason: "validation.control_characters" }],
    ];
    for (const [input, fields] of cases)
      expect(await runMutation(createProposalMutation, csm(), input)).toEqual({
        ok: false,
        code: "invalid_input",
        fields,
      });
    expect(await proposalsOf(accountId)).toBe(0);

    // Empty and oversized as before; a multi-line Arabic body with a ZWNJ passes.
    expect(await runMutation(createProposalMutation, csm(), message(accountId, " "))).toMatchObject({
      fields: { "message.subject": "validation.required" },
    });
    expect(await runMutation(createProposalMutation, csm(), message(accountId, "x".repeat(201)))).toMatchObject({
      fields: { "message.subject": "validation.too_long" },
    });
    const ok = await runMutation(createProposalMutation, csm(), message(accountId, "مرحبا", "سلام\u200cعليكم\n\tأهلا"));
    expect(ok).toMatchObject({ ok: true });
  });

  it("an edit or a rejection reason with a control character is refused; the draft stays as it was", async () => {
    const p = await proposeMessage(await createAccount("ar"));
    const edit = (text: Record<string, string>) =>
      runMutation(editProposalTextMutation, csm(), { id: p.id, payload_hash: p.payloadHash, text });
    expect(await edit({ subject: "مرحبا\nBcc: x@example.test" })).toEqual({
      ok: false,
      code: "invalid_input",
      fields: { "text.subject": "validation.control_characters" },
    });
    expect(await edit({ body: "a\u0000b" })).toMatchObject({
      fields: { "text.body": "validation.control_characters" },
    });
    expect(await edit({ body: "\u2067rtl\u2069" })).toMatchObject({
      fields: { "text.body": "validation.bidi_controls" },
    });
    expect(await runMutation(rejectProposalMutation, founder(), { id: p.id, reason: "no\u0000" })).toMatchObject({
      fields: { reason: "validation.control_characters" },
    });
    const stored = await db().prisma.proposal.findUniqueOrThrow({ where: { id: p.id } });
    expect(stored).toMatchObject({ payloadHash: p.payloadHash, state: "pending" });
  });

  it("tickets: NUL in the body, a tab in the subject and a received_at before 2000 are refused by field", async () => {
    const accountId = await createAccount("ar");
    const ticket = (extra: object) => ({ account_id: accountId, subject: "s", body: "b", channel: "email", ...extra });
    const cases: [object, Record<string, string>][] = [
      [{ body: "nul\u0000" }, { body: "validation.control_characters" }],
      [{ subject: "a\tb" }, { subject: "validation.control_characters" }],
      [{ received_at: "0000-01-01T00:00:00Z" }, { received_at: "validation.date_out_of_range" }],
      [{ received_at: "1999-12-31T23:59:59+00:00" }, { received_at: "validation.date_out_of_range" }],
      [{ received_at: "+275760-09-13T00:00:00Z" }, { received_at: "validation.invalid" }],
    ];
    for (const [extra, fields] of cases)
      expect(await runMutation(createTicketMutation, operator, ticket(extra))).toEqual({
        ok: false,
        code: "invalid_input",
        fields,
      });
    expect(await runMutation(createTicketMutation, operator, ticket({ received_at: "9999-01-01T00:00:00Z" }))).toEqual({
      ok: false,
      code: "invalid_input",
      fields: { received_at: "support.errors.received_in_future" },
    });
    expect(await db().prisma.supportTicket.count({ where: { accountId } })).toBe(0);
    expect(await runMutation(createTicketMutation, operator, ticket({ body: "line one\r\n\tline two" }))).toMatchObject(
      {
        ok: true,
      },
    );
  });

  it("a CSV import with control characters or an absurd received_at names the rows and imports nothing", async () => {
    const accountId = await createAccount("en");
    const csv =
      "account_id,subject,body,channel,received_at,external_id\n" +
      `${accountId},ok,fine,email,2026-01-02T10:00:00Z,A-${randomUUID()}\n` +
      `${accountId},"sub\u0000",b,email,2026-01-02T10:00:00Z,\n` +
      `${accountId},s,"bo\u0000dy",email,2026-01-02T10:00:00Z,\n` +
      `${accountId},s,b,email,0000-01-01T00:00:00Z,\n`;
    const preview = await checkImport(csv, new Date());
    expect(preview.ok && preview.rows.map((r) => r.errors)).toEqual([
      [],
      ["subject_control_characters"],
      ["body_control_characters"],
      ["received_out_of_range"],
    ]);
    expect(await runMutation(importTicketsMutation, operator, { csv })).toEqual({
      ok: false,
      code: "invalid_input",
      fields: { csv: "support.import.file.has_errors" },
    });
    expect(await db().prisma.supportTicket.count({ where: { accountId } })).toBe(0);
  });

  it("incidents and users: a control character in a title or a name is refused by field", async () => {
    const triage = { data_leak: "no", unauthorized_send: "no", affected: 0 };
    expect(await runMutation(createIncidentMutation, founder(), { title: "Out\u0000age", triage })).toEqual({
      ok: false,
      code: "invalid_input",
      fields: { title: "validation.control_characters" },
    });
    expect(
      await runMutation(createIncidentMutation, founder(), { title: "Outage", description: "a\u001bb", triage }),
    ).toMatchObject({ fields: { description: "validation.control_characters" } });
    const user = {
      email: `${randomUUID()}@text.test`,
      name: "Sam\r\nX",
      role: "csm",
      password: "long-enough-password",
    };
    expect(await runMutation(createUserMutation, founder(), user)).toMatchObject({
      fields: { name: "validation.control_characters" },
    });
  });
});
