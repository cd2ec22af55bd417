import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { runMutation } from "@/lib/actions/mutation";
import { createTokenMutation } from "@/lib/actions/tokens";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/domain/auth/actor";
import { normalizeForSearch } from "@/lib/domain/accounts/search";
import { POST as create } from "./route";

const operator: TActor = { type: "cli", id: "cli:test", role: "founder", label: "cli" };
const URL_ = "http://localhost/api/v1/tickets";

/** The fields of a reply (a created ticket or a refusal) that these tests read. */
type TReply = Record<string, unknown> & {
  id: string;
  reason_en: string;
  reason_ar: string;
  first_response_due_at: string;
  resolution_due_at: string;
  error: { code: string; message: string; fields: Record<string, string> };
};

async function call(o: { token?: string; body: string | object; headers?: Record<string, string> }) {
  const headers: Record<string, string> = { "content-type": "application/json", ...o.headers };
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  const res = await create(
    new Request(URL_, { method: "POST", headers, body: typeof o.body === "string" ? o.body : JSON.stringify(o.body) }),
  );
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: JSON.parse(text) as TReply };
}

async function token(input: object): Promise<string> {
  const r = await runMutation(createTokenMutation, operator, input);
  if (!r.ok) throw new Error(`${r.code} ${JSON.stringify(r.fields)}`);
  return r.data.secret;
}

let accountId = "";
let writer = "";
let reader = "";

beforeAll(async () => {
  accountId = randomUUID();
  await db().prisma.account.create({
    data: {
      id: accountId,
      name: "مؤسسة التذاكر",
      searchName: normalizeForSearch("مؤسسة التذاكر"),
      tier: "pro",
      signupAt: new Date(),
      region: "riyadh",
      preferredLocale: "ar",
    },
  });
  writer = await token({ kind: "agent", name: "ticket intake", scopes: ["tickets:write"] });
  reader = await token({ kind: "agent", name: "reader", scopes: ["customer:read"] });
});

const ticket = (extra: object = {}) => ({
  account_id: accountId,
  subject: "تسريب بيانات",
  body: "وصلتني رسالة بدون موافقتي",
  channel: "email",
  ...extra,
});

describe(`POST /api/v1/tickets on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("creates a classified ticket with due times (P0 runs 24/7)", async () => {
    const at = new Date(Date.now() - 10 * 60_000);
    const r = await call({ token: writer, body: ticket({ received_at: at.toISOString() }) });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ priority: "P0", matched_keyword: "تسريب", status: "open", account_id: accountId });
    expect(r.json.reason_en).toContain("تسريب");
    expect(r.json.reason_ar).toContain("P0");
    expect(r.json.first_response_due_at).toBe(new Date(at.getTime() + 30 * 60_000).toISOString());
    expect(r.json.resolution_due_at).toBe(new Date(at.getTime() + 4 * 3_600_000).toISOString());
    const events = await db().prisma.supportTicketEvent.findMany({ where: { ticketId: r.json.id } });
    expect(events.map((e) => e.type)).toEqual(["opened"]);
    const ledger = await db().prisma.ledgerEntry.findFirst({ where: { target: `ticket:${r.json.id}` } });
    expect(ledger?.action).toBe("support.create_ticket");
  });

  it("classifies empty text as P3 'no text'", async () => {
    const r = await call({ token: writer, body: ticket({ subject: "", body: "" }) });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({
      priority: "P3",
      matched_keyword: null,
      reason_en: "no text",
      reason_ar: "لا يوجد نص",
    });
  });

  it("refuses bad JSON, unknown accounts, bad fields and future received-at", async () => {
    expect((await call({ token: writer, body: "{nope" })).json.error.code).toBe("invalid_input");
    expect((await call({ token: writer, body: "[1]" })).status).toBe(422);
    const unknown = await call({ token: writer, body: ticket({ account_id: randomUUID() }) });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.fields).toEqual({ account_id: "validation.unknown_account" });
    const bad = await call({ token: writer, body: ticket({ channel: "pigeon", account_id: "x" }) });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(["account_id", "channel"]);
    const future = await call({
      token: writer,
      body: ticket({ received_at: new Date(Date.now() + 3_600_000).toISOString() }),
    });
    expect(future.json.error.fields).toEqual({ received_at: "support.errors.received_in_future" });
  });

  it("rejects text over 20 000 characters with a message, and accepts exactly 20 000", async () => {
    const over = await call({ token: writer, body: ticket({ body: "ا".repeat(20_001) }) });
    expect(over.status).toBe(422);
    expect(over.json.error.message).toContain("20,000");
    expect(over.json.error.fields).toEqual({ body: "validation.too_long" });
    expect((await call({ token: writer, body: ticket({ body: "a".repeat(20_000) }) })).status).toBe(201);
  });

  it("needs the tickets:write scope and a token", async () => {
    expect((await call({ token: reader, body: ticket() })).status).toBe(403);
    expect((await call({ body: ticket() })).status).toBe(401);
    const denied = await db().prisma.ledgerEntry.findFirst({
      where: { action: "access.denied", target: "POST /api/v1/tickets" },
    });
    expect(denied).not.toBeNull();
  });

  it("replays an Idempotency-Key instead of creating twice", async () => {
    const key = randomUUID();
    const body = ticket({ subject: `idem ${key}` });
    const first = await call({ token: writer, body, headers: { "idempotency-key": key } });
    const again = await call({ token: writer, body, headers: { "idempotency-key": key } });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.json.id).toBe(first.json.id);
    expect(await db().prisma.supportTicket.count({ where: { subject: `idem ${key}` } })).toBe(1);
    const other = await call({
      token: writer,
      body: ticket({ subject: "different" }),
      headers: { "idempotency-key": key },
    });
    expect(other.json.error.code).toBe("idempotency_mismatch");
  });
});
