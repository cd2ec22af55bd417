// Issue 10, finding 1 through the API: NUL in a query parameter, in ticket or proposal text, and an
// absurd received_at answered 500; they are 422 `invalid_input` naming the parameter or field.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { runMutation } from "@/lib/actions/mutation";
import { createTokenMutation } from "@/lib/actions/tokens";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/domain/auth/actor";
import { normalizeForSearch } from "@/lib/domain/accounts/search";
import { GET as listProposals, POST as createProposal } from "./proposals/route";
import { POST as createTicket } from "./tickets/route";

const operator: TActor = { type: "cli", id: "cli:text-safety", role: "founder", label: "cli" };
type THandler = (req: Request) => Promise<Response>;

async function call(handler: THandler, url: string, o: { token: string; body?: object }) {
  const headers: Record<string, string> = { authorization: `Bearer ${o.token}`, "content-type": "application/json" };
  const init =
    o.body === undefined ? { method: "GET", headers } : { method: "POST", headers, body: JSON.stringify(o.body) };
  const res = await handler(new Request(url, init));
  return { status: res.status, json: (await res.json()) as { error?: { code: string; fields?: object } } };
}

let agent = "";
let accountId = "";

beforeAll(async () => {
  const r = await runMutation(createTokenMutation, operator, {
    kind: "agent",
    name: "text safety",
    scopes: ["customer:read", "customer:write", "tickets:write"],
  });
  if (!r.ok) throw new Error(r.code);
  agent = r.data.secret;
  accountId = randomUUID();
  await db().prisma.account.create({
    data: {
      id: accountId,
      name: "Text Safety Co",
      searchName: normalizeForSearch("Text Safety Co"),
      tier: "pro",
      signupAt: new Date(),
      region: "riyadh",
      preferredLocale: "en",
      contacts: { create: [{ id: randomUUID(), name: "Sam", email: "sam@text-safety.test" }] },
    },
  });
});

const PROPOSALS = "http://localhost/api/v1/proposals";
const refused = (fields: object) => ({ status: 422, json: { error: { code: "invalid_input", fields } } });

describe(`API text safety on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("a control character in ?proposer=, ?q= or any other parameter is 422 naming it", async () => {
    const cases: [string, string][] = [
      ["proposer=%00", "proposer"],
      ["proposer=me%00", "proposer"],
      ["q=%00", "q"],
      ["state=pending&actor=a%0D%0Ab", "actor"],
    ];
    for (const [query, param] of cases) {
      expect(await call(listProposals, `${PROPOSALS}?${query}`, { token: agent })).toMatchObject(
        refused({ [param]: "validation.control_characters" }),
      );
    }
    // Empty and oversized values as before.
    expect((await call(listProposals, `${PROPOSALS}?proposer=`, { token: agent })).status).toBe(200);
    expect(await call(listProposals, `${PROPOSALS}?proposer=${"x".repeat(201)}`, { token: agent })).toMatchObject(
      refused({ proposer: "validation.too_long" }),
    );
  });

  it("a proposal with NUL in its subject or CR/LF header injection is 422 naming the field", async () => {
    const body = (subject: string) => ({
      kind: "message",
      account_id: accountId,
      reason: "welcome",
      message: { subject, body: "Hello" },
    });
    for (const subject of ["Hi\u0000", "Hi\r\nBcc: all@example.test"])
      expect(await call(createProposal, PROPOSALS, { token: agent, body: body(subject) })).toMatchObject(
        refused({ "message.subject": "validation.control_characters" }),
      );
    expect(await db().prisma.proposal.count({ where: { accountId } })).toBe(0);
  });

  it("a ticket with NUL text or an absurd received_at is 422 naming the field, never 500", async () => {
    const url = "http://localhost/api/v1/tickets";
    const ticket = (extra: object) => ({ account_id: accountId, subject: "s", body: "b", channel: "api", ...extra });
    const cases: [object, object][] = [
      [{ body: "a\u0000b" }, { body: "validation.control_characters" }],
      [{ subject: "a\u0000" }, { subject: "validation.control_characters" }],
      [{ subject: "a\nb" }, { subject: "validation.control_characters" }],
      [{ received_at: "0000-01-01T00:00:00Z" }, { received_at: "validation.date_out_of_range" }],
      [{ received_at: "1970-01-01T00:00:00Z" }, { received_at: "validation.date_out_of_range" }],
      [{ received_at: "+275760-09-13T00:00:00Z" }, { received_at: "validation.invalid" }],
      [{ received_at: "99999-01-01T00:00:00Z" }, { received_at: "validation.invalid" }],
      [{ received_at: 99999 }, { received_at: "validation.invalid" }],
      [{ received_at: "9999-12-31T23:59:59Z" }, { received_at: "support.errors.received_in_future" }],
    ];
    for (const [extra, fields] of cases)
      expect(await call(createTicket, url, { token: agent, body: ticket(extra) })).toMatchObject(refused(fields));
    expect(await db().prisma.supportTicket.count({ where: { accountId } })).toBe(0);
    expect((await call(createTicket, url, { token: agent, body: ticket({ body: "one\r\n\ttwo" }) })).status).toBe(201);
  });
});
