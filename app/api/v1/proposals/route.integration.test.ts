import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { runMutation } from "@/lib/actions/mutation";
import { createTokenMutation, revokeTokenMutation } from "@/lib/actions/tokens";
import { TOKEN_RATE_LIMIT } from "@/lib/api/rate-limit";
import { db } from "@/lib/db";
import { listTokens } from "@/lib/data/tokens";
import type { TActor } from "@/lib/domain/auth/actor";
import { normalizeForSearch } from "@/lib/domain/accounts/search";
import { hashToken, mintToken } from "@/lib/domain/auth/tokens";
import { GET as pendingCount } from "../../approvals/pending-count/route";
import { GET as getOne } from "./[id]/route";
import { POST as approve } from "./[id]/approve/route";
import { POST as reject } from "./[id]/reject/route";
import { GET as list, POST as create } from "./route";

const operator: TActor = { type: "cli", id: "cli:test", role: "founder", label: "cli" };
const BASE = "http://localhost/api/v1/proposals";

// The fields these tests read; everything else is checked with toMatchObject.
type TBody = {
  id: string;
  payload_hash: string;
  payload: Record<string, unknown>;
  proposer: { id: string };
  items: TBody[];
  total: number;
  next_cursor: string | null;
  error: { code: string; message: string };
  [k: string]: unknown;
};
type TCall = { token?: string; body?: string | object; headers?: Record<string, string>; id?: string };
type THandler = (req: Request, ctx?: { params: Promise<{ id: string }> }) => Promise<Response>;

async function call(handler: THandler, path: string, o: TCall = {}) {
  const headers: Record<string, string> = { ...o.headers };
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  const method = o.body === undefined ? "GET" : "POST";
  const body = o.body === undefined ? undefined : typeof o.body === "string" ? o.body : JSON.stringify(o.body);
  const res = await handler(new Request(`${BASE}${path}`, { method, headers, body }), {
    params: Promise.resolve({ id: o.id ?? "" }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: JSON.parse(text) as TBody };
}

const unique = (p: string) => `${p}-${randomUUID().slice(0, 8)}`;

async function user(role: string, active = true) {
  const email = `${unique(role)}@api.test`;
  const u = await db().prisma.user.create({
    data: { email, name: role, role, active, passwordHash: "x" },
    select: { id: true, email: true },
  });
  return u;
}

async function token(input: object): Promise<{ id: string; secret: string }> {
  const r = await runMutation(createTokenMutation, operator, input);
  if (!r.ok) throw new Error(`${r.code} ${JSON.stringify(r.fields)}`);
  return { id: r.data.token.id, secret: r.data.secret };
}

async function account(): Promise<string> {
  const id = randomUUID();
  await db().prisma.account.create({
    data: {
      id,
      name: "مؤسسة الواجهة",
      searchName: normalizeForSearch("مؤسسة الواجهة"),
      tier: "pro",
      signupAt: new Date(),
      region: "riyadh",
      preferredLocale: "ar",
      contacts: { create: [{ id: randomUUID(), name: "ريم", email: "reem@api.test" }] },
    },
  });
  return id;
}

const message = (accountId: string, reason = "welcome") => ({
  kind: "message",
  account_id: accountId,
  reason,
  message: { subject: "مرحبا", body: "أهلا بكم" },
});

let csmUser: { id: string; email: string };
let founderUser: { id: string; email: string };
let csm: string;
let founder: string;
let agent: { id: string; secret: string };
let accountId: string;

beforeAll(async () => {
  csmUser = await user("csm");
  founderUser = await user("founder");
  csm = (await token({ kind: "personal", name: "csm script", user_email: csmUser.email })).secret;
  founder = (await token({ kind: "personal", name: "founder script", user_email: founderUser.email })).secret;
  agent = await token({ kind: "agent", name: "helper", scopes: ["customer:read", "customer:write"] });
  accountId = await account();
});

describe(`API v1 proposals on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("creates tokens shown once: only the hash is stored, the ledger names it without the secret", async () => {
    const t = await token({ kind: "agent", name: "ledgered", scopes: ["shadow:write"] });
    const row = await db().prisma.apiToken.findUniqueOrThrow({ where: { id: t.id } });
    expect(row.tokenHash).toBe(hashToken(t.secret));
    expect(JSON.stringify(row)).not.toContain(t.secret);
    const entry = await db().prisma.ledgerEntry.findFirstOrThrow({
      where: { action: "tokens.create", target: `token:${t.id}` },
    });
    expect(entry.summary).toContain(row.prefix);
    expect(entry.canonical).not.toContain(t.secret);
    const listed = (await listTokens()).find((x) => x.id === t.id);
    expect(listed).toMatchObject({ kind: "agent", scopes: ["shadow:write"], prefix: row.prefix });
    expect(Object.keys(listed!)).not.toContain("tokenHash");
    expect(await runMutation(createTokenMutation, operator, { kind: "agent", name: "none", scopes: [] })).toMatchObject(
      {
        ok: false,
        fields: { scopes: "validation.scopes_required" },
      },
    );
    expect(
      await runMutation(createTokenMutation, operator, { kind: "personal", name: "x", user_email: "nobody@api.test" }),
    ).toMatchObject({ ok: false, fields: { user_email: "validation.unknown_user" } });
  });

  it("a personal token acts as its user with the role the user has now", async () => {
    const created = await call(create, "", { token: csm, body: message(accountId) });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      state: "pending",
      account_id: accountId,
      proposer: { type: "user", id: csmUser.id, label: csmUser.email },
      payload: { to: { email: "reem@api.test" }, locale: "ar" },
    });
    expect(created.json.payload_hash).toMatch(/^[0-9a-f]{64}$/);

    const u = await user("csm");
    const t = (await token({ kind: "personal", name: "demoted", user_email: u.email })).secret;
    expect((await call(create, "", { token: t, body: message(accountId) })).status).toBe(201);
    await db().prisma.user.update({ where: { id: u.id }, data: { role: "analyst" } });
    const denied = await call(create, "", { token: t, body: message(accountId) });
    expect(denied.status).toBe(403);
    expect(denied.json.error.code).toBe("forbidden");
    expect(await db().prisma.ledgerEntry.count({ where: { action: "access.denied", actorId: u.id } })).toBe(1);
    await db().prisma.user.update({ where: { id: u.id }, data: { active: false } });
    expect((await call(list, "", { token: t })).status).toBe(401);
  });

  it("a founder approves through the API; the proposer cannot, an agent never can", async () => {
    const created = await call(create, "", { token: csm, body: message(accountId) });
    const { id, payload_hash: hash } = created.json;

    const byAgent = await call(approve, "", { token: agent.secret, id, body: { payload_hash: hash } });
    expect(byAgent).toMatchObject({ status: 403, json: { error: { code: "forbidden" } } });
    expect(
      await db().prisma.ledgerEntry.count({ where: { action: "access.denied", actorId: `token:${agent.id}` } }),
    ).toBeGreaterThan(0);

    const own = await call(approve, "", { token: csm, id, body: { payload_hash: hash } });
    expect(own.status).toBe(403);

    const stale = await call(approve, "", { token: founder, id, body: { payload_hash: "0".repeat(64) } });
    expect(stale).toMatchObject({ status: 409, json: { error: { code: "stale_payload" } } });

    const ok = await call(approve, "", { token: founder, id, body: { payload_hash: hash } });
    expect(ok).toMatchObject({ status: 200, json: { id, state: "approved", decided_by: founderUser.id } });
    expect(await db().prisma.outbox.count({ where: { proposalId: id } })).toBe(1);
    const again = await call(approve, "", { token: founder, id, body: { payload_hash: hash } });
    expect(again).toMatchObject({ status: 409, json: { error: { code: "already_decided" } } });
  });

  it("rejects with a reason", async () => {
    const { id } = (await call(create, "", { token: csm, body: message(accountId) })).json;
    const blank = await call(reject, "", { token: founder, id, body: { reason: " " } });
    expect(blank).toMatchObject({
      status: 422,
      json: { error: { code: "invalid_input", fields: { reason: "validation.required" } } },
    });
    const ok = await call(reject, "", { token: founder, id, body: { reason: "tone" } });
    expect(ok).toMatchObject({ status: 200, json: { state: "rejected", decision_reason: "tone" } });
  });

  it("an agent proposes, sees only its own proposals and never a contact's personal data", async () => {
    const mine = await call(create, "", { token: agent.secret, body: message(accountId) });
    expect(mine.status).toBe(201);
    expect(mine.json.proposer).toEqual({ type: "token", id: `token:${agent.id}`, label: "agent:helper" });
    expect(mine.json.payload).not.toHaveProperty("to");
    const other = await call(create, "", { token: csm, body: message(accountId) });
    expect((await call(getOne, "", { token: agent.secret, id: other.json.id })).status).toBe(404);
    expect((await call(getOne, "", { token: agent.secret, id: mine.json.id })).status).toBe(200);
    const page = await call(list, `?account_id=${accountId}&limit=200`, { token: agent.secret });
    expect(page.status).toBe(200);
    expect(page.json.items.length).toBeGreaterThan(0);
    expect(page.json.items.every((p) => p.proposer.id === `token:${agent.id}`)).toBe(true);
  });

  it("an agent never sees the contact's name or e-mail inside the text, nor the approver's e-mail", async () => {
    const personal = {
      kind: "message",
      account_id: accountId,
      reason: "follow up with ريم",
      message: { subject: "ريم، شاشاتك", body: "مرحبًا ريم،\nنكتب إلى reem@api.test بخصوص الشاشات." },
    };
    const mine = await call(create, "", { token: agent.secret, body: personal });
    expect(mine.status).toBe(201);
    const stored = await db().prisma.proposal.findUniqueOrThrow({ where: { id: mine.json.id } });
    // The hash the agent sees is the stored one, which covers the real (unredacted) payload.
    expect(mine.json.payload_hash).toBe(stored.payloadHash);
    expect(stored.payload).toContain("reem@api.test");
    const ok = await call(approve, "", {
      token: founder,
      id: mine.json.id,
      body: { payload_hash: stored.payloadHash },
    });
    expect(ok.json).toMatchObject({ decided_by_label: founderUser.email });
    const seen = [
      mine.text,
      (await call(getOne, "", { token: agent.secret, id: mine.json.id })).text,
      (await call(list, `?account_id=${accountId}&limit=200`, { token: agent.secret })).text,
    ];
    for (const text of seen) {
      expect(text).not.toContain("ريم");
      expect(text).not.toContain("reem@api.test");
      expect(text).not.toContain(founderUser.email);
      expect(text).not.toContain("@");
    }
    const one = (await call(getOne, "", { token: agent.secret, id: mine.json.id })).json;
    expect(one).toMatchObject({ decided_by_label: "a founder", reason: "follow up with «[contact]»" });
    expect(one.payload).toMatchObject({ subject: "«[contact]»، شاشاتك" });
  });

  it("gives an agent the pending count of its own proposals only, never the global one", async () => {
    await call(create, "", { token: csm, body: message(accountId) });
    const reader = await token({ kind: "agent", name: "reader", scopes: ["proposals:read"] });
    const count = async (secret: string) =>
      (
        JSON.parse(
          await (
            await pendingCount(
              new Request("http://localhost/api/approvals/pending-count", {
                headers: { authorization: `Bearer ${secret}` },
              }),
            )
          ).text(),
        ) as { pending: number }
      ).pending;
    expect(await count(founder)).toBeGreaterThan(0);
    expect(await count(reader.secret)).toBe(0);
    const own = await db().prisma.proposal.count({
      where: { proposerId: `token:${agent.id}`, state: "pending", expiresAt: { gt: new Date() } },
    });
    expect(await count(agent.secret)).toBe(own);
  });

  it("refuses a founder approving (through the API) what they proposed through an agent token they created", async () => {
    const mk = await runMutation(
      createTokenMutation,
      { type: "user", id: founderUser.id, role: "founder", label: founderUser.email },
      { kind: "agent", name: "founder's own agent", scopes: ["customer:write"] },
    );
    if (!mk.ok) throw new Error(mk.code);
    const made = await call(create, "", { token: mk.data.secret, body: message(accountId) });
    expect(made.status).toBe(201);
    const own = await call(approve, "", {
      token: founder,
      id: made.json.id,
      body: { payload_hash: made.json.payload_hash },
    });
    expect(own).toMatchObject({ status: 403, json: { error: { code: "own_proposal" } } });
    const other = await user("founder");
    const second = (await token({ kind: "personal", name: "second founder", user_email: other.email })).secret;
    const ok = await call(approve, "", {
      token: second,
      id: made.json.id,
      body: { payload_hash: made.json.payload_hash },
    });
    expect(ok).toMatchObject({ status: 200, json: { state: "approved" } });
  });

  it("refuses unknown, malformed, revoked and missing credentials with 401", async () => {
    const unauthenticated = { status: 401, json: { error: { code: "unauthenticated" } } };
    expect(await call(list, "")).toMatchObject(unauthenticated);
    expect(await call(list, "", { token: mintToken("agent").secret })).toMatchObject(unauthenticated);
    expect(await call(list, "", { token: "not-a-token" })).toMatchObject(unauthenticated);
    expect(await call(list, "", { headers: { authorization: `Basic ${csm}` } })).toMatchObject(unauthenticated);
    const t = await token({ kind: "agent", name: "short-lived", scopes: ["customer:read"] });
    expect((await call(list, "", { token: t.secret })).status).toBe(200);
    expect((await db().prisma.apiToken.findUniqueOrThrow({ where: { id: t.id } })).lastUsedAt).not.toBeNull();
    expect(await runMutation(revokeTokenMutation, operator, { id: t.id })).toMatchObject({ ok: true });
    expect(await call(list, "", { token: t.secret })).toMatchObject(unauthenticated);
    expect(await runMutation(revokeTokenMutation, operator, { id: t.id })).toMatchObject({
      ok: false,
      fields: { _: "validation.already_revoked" },
    });
  });

  it("answers malformed JSON with 422, an oversized body with 413, unknown and malformed ids with 404", async () => {
    const bad = await call(create, "", { token: csm, body: '{"kind": "message",' });
    expect(bad.status).toBe(422);
    expect(bad.json.error).toMatchObject({ code: "invalid_input", message: expect.stringMatching(/not valid JSON/) });
    const big = await call(create, "", { token: csm, body: { ...message(accountId), pad: "x".repeat(70_000) } });
    expect(big).toMatchObject({ status: 413, json: { error: { code: "payload_too_large" } } });
    const notFound = { status: 404, json: { error: { code: "not_found" } } };
    expect(await call(getOne, "", { token: csm, id: randomUUID() })).toMatchObject(notFound);
    expect(await call(getOne, "", { token: csm, id: "nope" })).toMatchObject(notFound);
    expect(
      await call(approve, "", { token: founder, id: "nope", body: { payload_hash: "0".repeat(64) } }),
    ).toMatchObject(notFound);
    expect(
      await call(approve, "", { token: founder, id: randomUUID(), body: { payload_hash: "0".repeat(64) } }),
    ).toMatchObject(notFound);
  });

  it("lists with filters and a cursor", async () => {
    const acc = await account();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await call(create, "", { token: csm, body: message(acc, `r${i}`) })).json.id);
    await call(create, "", { token: founder, body: message(acc, "founder's") });
    const seen: string[] = [];
    let cursor = "";
    for (let page = 0; page < 5; page++) {
      const r = await call(
        list,
        `?account_id=${acc}&proposer=${csmUser.id}&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        {
          token: founder,
        },
      );
      expect(r.status).toBe(200);
      expect(r.json.total).toBe(5);
      seen.push(...r.json.items.map((p) => p.id));
      if (!r.json.next_cursor) break;
      cursor = r.json.next_cursor;
    }
    expect(seen).toEqual([...ids].reverse());
    expect((await call(list, `?account_id=${acc}`, { token: csm })).json.total).toBe(6);
    expect((await call(list, `?account_id=${acc}&proposer=me`, { token: csm })).json.total).toBe(5);
    expect((await call(list, `?account_id=${acc}&state=pending&kind=message`, { token: csm })).json.total).toBe(6);
    expect((await call(list, `?account_id=${acc}&state=approved`, { token: csm })).json.total).toBe(0);
    expect((await call(list, `?account_id=${acc}&kind=freeze`, { token: csm })).json.total).toBe(0);
    expect((await call(list, `?account_id=${acc}&older_than_hours=1`, { token: csm })).json.total).toBe(0);
    const invalid = await call(list, "?limit=500&state=nope", { token: csm });
    expect(invalid).toMatchObject({
      status: 422,
      json: {
        error: { code: "invalid_input", fields: { limit: "validation.too_long", state: "validation.invalid_choice" } },
      },
    });
  });

  it("replays the first response for a repeated Idempotency-Key and refuses it with a different body", async () => {
    const key = randomUUID();
    const body = message(accountId, unique("idem"));
    const first = await call(create, "", { token: csm, body, headers: { "idempotency-key": key } });
    expect(first.status).toBe(201);
    const reordered = { message: body.message, reason: body.reason, account_id: body.account_id, kind: body.kind };
    const second = await call(create, "", { token: csm, body: reordered, headers: { "idempotency-key": key } });
    expect(second.status).toBe(201);
    expect(second.text).toBe(first.text);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await db().prisma.proposal.count({ where: { reason: body.reason } })).toBe(1);

    const other = await call(create, "", {
      token: csm,
      body: { ...body, reason: "other" },
      headers: { "idempotency-key": key },
    });
    expect(other).toMatchObject({ status: 422, json: { error: { code: "idempotency_mismatch" } } });
    // Keys belong to one actor: another caller's same key is a new request.
    const founders = await call(create, "", { token: founder, body, headers: { "idempotency-key": key } });
    expect(founders.status).toBe(201);
    expect(founders.json.id).not.toBe(first.json.id);
    // Refusals are replayed too (anything below 500 is the answer to that request).
    const badKey = randomUUID();
    const r1 = await call(create, "", { token: csm, body: { kind: "freeze" }, headers: { "idempotency-key": badKey } });
    const r2 = await call(create, "", { token: csm, body: { kind: "freeze" }, headers: { "idempotency-key": badKey } });
    expect([r1.status, r2.text]).toEqual([422, r1.text]);
    const invalidKey = await call(create, "", { token: csm, body, headers: { "idempotency-key": "with space" } });
    expect(invalidKey.status).toBe(422);
  });

  it("turns 20 concurrent requests with one Idempotency-Key into exactly one proposal", async () => {
    const t = (await token({ kind: "personal", name: "burst", user_email: csmUser.email })).secret;
    const key = randomUUID();
    const body = message(accountId, unique("burst"));
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => call(create, "", { token: t, body, headers: { "idempotency-key": key } })),
    );
    expect(await db().prisma.proposal.count({ where: { reason: body.reason } })).toBe(1);
    const created = responses.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThan(0);
    expect(new Set(created.map((r) => r.text)).size).toBe(1);
    expect(responses.every((r) => r.status === 201 || r.json.error?.code === "conflict")).toBe(true);
    expect(
      await db().prisma.ledgerEntry.count({
        where: { action: "proposals.create", target: `proposal:${created[0]!.json.id}` },
      }),
    ).toBe(1);
  });

  it("rate-limits each token with 429 and Retry-After", async () => {
    const t = await token({ kind: "agent", name: "busy", scopes: ["customer:read"] });
    for (let i = 0; i < TOKEN_RATE_LIMIT.limit; i++) {
      const r = await call(getOne, "", { token: t.secret, id: "x" });
      expect(r.status).toBe(404);
    }
    const limited = await call(getOne, "", { token: t.secret, id: "x" });
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await call(getOne, "", { token: csm, id: "x" })).status).toBe(404);
  });
});
