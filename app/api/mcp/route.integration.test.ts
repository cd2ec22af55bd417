import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMutation } from "@/lib/actions/mutation";
import { createTokenMutation, revokeTokenMutation } from "@/lib/actions/tokens";
import { db } from "@/lib/db";
import { listMcpCalls } from "@/lib/data/mcp-calls";
import type { TActor } from "@/lib/domain/auth/actor";
import { normalizeForSearch } from "@/lib/domain/accounts/search";
import { HEARTBEAT_REASONING } from "@/lib/domain/shadow/codes";
import { MCP_TOOL_NAMES } from "@/lib/mcp/tool-names";
import { GET, POST } from "./route";

const operator: TActor = { type: "cli", id: "cli:test", role: "founder", label: "cli" };
const DAY_MS = 86_400_000;

type TRpc = {
  status: number;
  json: {
    result?: { tools?: { name: string; inputSchema: unknown }[]; isError?: boolean; structuredContent?: TData };
    error?: { code: number; message: string };
  };
};
type TData = Record<string, unknown> & { error?: { code: string; message: string } };

let nextId = 1;
async function rpc(token: string | null, method: string, params: unknown = {}): Promise<TRpc> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/json, text/event-stream",
  };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const body = JSON.stringify({ jsonrpc: "2.0", id: nextId++, method, params });
  const res = await POST(new Request("http://localhost/api/mcp", { method: "POST", headers, body }));
  return { status: res.status, json: JSON.parse(await res.text()) as TRpc["json"] };
}

/** tools/call → the tool's structured result and whether it is an error result. */
async function call(token: string, name: string, args: unknown) {
  const r = await rpc(token, "tools/call", { name, arguments: args });
  expect(r.status).toBe(200);
  expect(r.json.error).toBeUndefined();
  return { isError: r.json.result?.isError === true, data: r.json.result!.structuredContent! };
}

async function token(input: object): Promise<{ id: string; secret: string }> {
  const r = await runMutation(createTokenMutation, operator, input);
  if (!r.ok) throw new Error(`${r.code} ${JSON.stringify(r.fields)}`);
  return { id: r.data.token.id, secret: r.data.secret };
}

async function account(o: { daysAgo: number; screenPaired?: boolean; day1Sent?: boolean }): Promise<string> {
  const id = randomUUID();
  await db().prisma.account.create({
    data: {
      id,
      name: "مؤسسة الوكيل",
      searchName: normalizeForSearch("مؤسسة الوكيل"),
      tier: "starter",
      signupAt: new Date(Date.now() - o.daysAgo * DAY_MS - 60_000),
      region: "riyadh",
      preferredLocale: "ar",
      screenPaired: o.screenPaired ?? false,
      nudgeDay1SentAt: o.day1Sent ? new Date() : null,
      contacts: { create: [{ id: randomUUID(), name: "ريم", email: `reem-${id.slice(0, 8)}@mcp.test` }] },
    },
  });
  return id;
}

const row = (org: string) => ({
  organization_id: org,
  tier: "starter",
  days_since_signup: 2,
  hermes_template: "day1-pair-screen",
  hermes_reasoning: "no screen paired after day 1; contact reem@mcp.test",
  input_signals: {
    milestone_flags: {
      welcomed: false,
      screen_paired: false,
      content_uploaded: false,
      playlist_created: false,
      schedule_created: false,
    },
    nudges_sent: { day1: false, day3: false, day7: false },
  },
});

let dir: string;
let shadow: { id: string; secret: string };
let reader: { id: string; secret: string };
let writer: { id: string; secret: string };
let accountId: string;
const previousDir = process.env.SHADOW_LOG_DIR;
const logFile = () => join(dir, "customer-lifecycle-shadow.jsonl");

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "mcp-shadow-"));
  process.env.SHADOW_LOG_DIR = dir;
  shadow = await token({ kind: "agent", name: "shadow-agent", scopes: ["customer:read", "shadow:write"] });
  reader = await token({ kind: "agent", name: "reader-only", scopes: ["customer:read"] });
  writer = await token({ kind: "agent", name: "live-agent", scopes: ["customer:read", "customer:write"] });
  accountId = await account({ daysAgo: 2 });
});

afterAll(async () => {
  if (previousDir === undefined) delete process.env.SHADOW_LOG_DIR;
  else process.env.SHADOW_LOG_DIR = previousDir;
  await rm(dir, { recursive: true, force: true });
});

const auditOf = (tokenId: string) =>
  db().prisma.mcpCall.findMany({ where: { tokenId }, orderBy: [{ at: "asc" }, { id: "asc" }] });

describe("POST /api/mcp: authentication", () => {
  it("refuses a missing, unknown or revoked token with HTTP 401 and a JSON-RPC error", async () => {
    const t = await token({ kind: "agent", name: "soon-revoked", scopes: ["customer:read"] });
    expect((await rpc(t.secret, "tools/list")).status).toBe(200);
    const revoked = await runMutation(revokeTokenMutation, operator, { id: t.id });
    expect(revoked.ok).toBe(true);
    for (const secret of [null, "lc_agent_not-a-real-token", t.secret]) {
      const r = await rpc(secret, "tools/list");
      expect(r.status).toBe(401);
      expect(r.json.error?.code).toBe(-32001);
    }
  });

  it("answers GET with 405 (stateless server, no SSE stream)", async () => {
    expect((await GET()).status).toBe(405);
  });
});

describe("POST /api/mcp: protocol", () => {
  it("initializes and lists exactly the five tools with their input schemas", async () => {
    const init = await rpc(shadow.secret, "initialize", {
      protocolVersion: "2025-06-18",
      capabilities: {},
      clientInfo: { name: "test", version: "0" },
    });
    expect(init.status).toBe(200);
    expect(init.json.result).toMatchObject({ serverInfo: { name: "lifecycle-console" } });
    const list = await rpc(shadow.secret, "tools/list");
    expect(list.json.result?.tools?.map((t) => t.name)).toEqual([...MCP_TOOL_NAMES]);
    expect(list.json.result?.tools?.map((t) => t.name)).toEqual([
      "list_onboarding_candidates",
      "log_shadow_row",
      "mark_onboarding_nudge_sent",
      "send_lifecycle_nudge_email",
      "auto_complete_org_onboarding",
    ]);
    expect(list.json.result?.tools?.[0]?.inputSchema).toMatchObject({
      type: "object",
      properties: { lookback_days: { minimum: 1, maximum: 90 }, limit: { minimum: 1, maximum: 500 } },
    });
  });

  it("answers an unknown tool with a protocol error, and audits it", async () => {
    const r = await rpc(shadow.secret, "tools/call", { name: "drop_tables", arguments: {} });
    expect(r.json.error?.code).toBe(-32602);
    expect((await auditOf(shadow.id)).some((a) => a.tool === "drop_tables" && a.errorCode === "not_found")).toBe(true);
  });
});

describe("list_onboarding_candidates", () => {
  it("returns { candidates, total } with exactly the spec's signals and nothing personal", async () => {
    const { isError, data } = await call(shadow.secret, "list_onboarding_candidates", { lookback_days: 3, limit: 500 });
    expect(isError).toBe(false);
    expect(Object.keys(data).sort()).toEqual(["candidates", "total"]);
    const candidates = data.candidates as (Record<string, unknown> & {
      milestone_flags: object;
      nudges_sent: object;
    })[];
    expect(candidates.length).toBeGreaterThan(0);
    for (const c of candidates) {
      expect(Object.keys(c).sort()).toEqual(
        ["days_since_signup", "milestone_flags", "nudges_sent", "organization_id", "tier"].sort(),
      );
      expect(Object.keys(c.milestone_flags).sort()).toEqual(
        ["content_uploaded", "playlist_created", "schedule_created", "screen_paired", "welcomed"].sort(),
      );
      expect(Object.keys(c.nudges_sent).sort()).toEqual(["day1", "day3", "day7"]);
    }
    const mine = candidates.find((c) => c.organization_id === accountId);
    expect(mine).toMatchObject({ tier: "starter", days_since_signup: 2, nudges_sent: { day1: false } });
    expect(JSON.stringify(data)).not.toContain("ريم");
    expect(JSON.stringify(data)).not.toContain("@mcp.test");
  });

  it("defaults to 30 days and 200, and rejects arguments out of range naming the key", async () => {
    expect((await call(shadow.secret, "list_onboarding_candidates", {})).isError).toBe(false);
    for (const [args, key] of [
      [{ lookback_days: 91 }, "lookback_days"],
      [{ lookback_days: 0 }, "lookback_days"],
      [{ limit: 501 }, "limit"],
      [{ limit: 1.5 }, "limit"],
      [{ other: 1 }, ""],
    ] as const) {
      const r = await call(shadow.secret, "list_onboarding_candidates", args);
      expect(r.isError).toBe(true);
      expect(r.data.error?.code).toBe("invalid_input");
      expect(r.data.error?.message).toContain(key);
    }
  });

  it("is forbidden without customer:read", async () => {
    const t = await token({ kind: "agent", name: "log-only", scopes: ["shadow:write"] });
    const r = await call(t.secret, "list_onboarding_candidates", {});
    expect(r).toMatchObject({ isError: true, data: { error: { code: "forbidden" } } });
  });
});

describe("log_shadow_row", () => {
  it("appends one line with the server's timestamp and run_id and returns exactly what it wrote", async () => {
    const sent = { ...row(accountId), timestamp: "1999-01-01T00:00:00Z", run_id: "agent-run" };
    const r = await call(shadow.secret, "log_shadow_row", { log_name: "customer-lifecycle-shadow", fields: sent });
    expect(r.isError).toBe(false);
    expect(r.data).toMatchObject({ written: true, line_count: 1 });
    const lines = (await readFile(logFile(), "utf8")).split("\n");
    expect(lines).toHaveLength(2);
    const written = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(written.timestamp).toBe(r.data.timestamp);
    expect(written.run_id).toBe(r.data.run_id);
    expect(written.timestamp).not.toBe(sent.timestamp);
    expect(written.run_id).toBe(String(Math.floor(Date.parse(String(r.data.timestamp)) / 1000)));
    expect(written.organization_id).toBe(accountId);

    const hb = await call(shadow.secret, "log_shadow_row", {
      log_name: "customer-lifecycle-shadow",
      fields: {
        organization_id: null,
        tier: null,
        days_since_signup: null,
        hermes_template: null,
        hermes_reasoning: HEARTBEAT_REASONING,
        input_signals: null,
      },
    });
    expect(hb.data).toMatchObject({ written: true, line_count: 2 });
  });

  it("rejects bad input naming the problem, and writes nothing", async () => {
    const before = (await stat(logFile())).size;
    const cases: [unknown, string, string][] = [
      [{ log_name: "customer-lifecycle-heuristic", fields: row("o") }, "invalid_input", "log_name"],
      [{ log_name: "../../etc/passwd", fields: row("o") }, "invalid_input", "log_name"],
      [{ log_name: "customer-lifecycle-shadow/../x", fields: row("o") }, "invalid_input", "log_name"],
      [{ log_name: "customer-lifecycle-shadow", fields: [1] }, "invalid_input", "fields"],
      [{ log_name: "customer-lifecycle-shadow", fields: null }, "invalid_input", "fields"],
      [{ log_name: "customer-lifecycle-shadow", fields: { ...row("o"), email: "x" } }, "invalid_input", "fields.email"],
      [{ log_name: "customer-lifecycle-shadow", fields: { ...row("o"), tier: 3 } }, "invalid_input", "fields.tier"],
      [
        { log_name: "customer-lifecycle-shadow", fields: { ...row("o"), hermes_template: undefined } },
        "invalid_input",
        "fields.hermes_template",
      ],
      [
        { log_name: "customer-lifecycle-shadow", fields: { ...row("o"), days_since_signup: -1 } },
        "invalid_input",
        "fields.days_since_signup",
      ],
      [
        { log_name: "customer-lifecycle-shadow", fields: row("o".repeat(5000)) },
        "payload_too_large",
        "bytes; the limit is 4096",
      ],
    ];
    for (const [args, code, text] of cases) {
      const r = await call(shadow.secret, "log_shadow_row", args);
      expect(r.isError, JSON.stringify(args).slice(0, 80)).toBe(true);
      expect(r.data.error?.code).toBe(code);
      expect(r.data.error?.message).toContain(text);
    }
    const big = await call(shadow.secret, "log_shadow_row", {
      log_name: "customer-lifecycle-shadow",
      fields: row("o".repeat(5000)),
    });
    expect(big.data.error?.message).toMatch(/the line is 5\d{3} bytes/);
    expect((await stat(logFile())).size).toBe(before);
  });

  it("is forbidden without shadow:write and writes nothing", async () => {
    const before = (await stat(logFile())).size;
    const r = await call(reader.secret, "log_shadow_row", {
      log_name: "customer-lifecycle-shadow",
      fields: row(accountId),
    });
    expect(r).toMatchObject({ isError: true, data: { error: { code: "forbidden" } } });
    expect((await stat(logFile())).size).toBe(before);
  });

  it("is forbidden to a read-only analyst's personal token: nothing written, the refusal ledgered", async () => {
    const email = `analyst-${randomUUID().slice(0, 8)}@mcp.test`;
    const analyst = await db().prisma.user.create({
      data: { email, name: "Analyst", role: "analyst", passwordHash: "x" },
      select: { id: true },
    });
    const t = await token({ kind: "personal", name: "analyst script", user_email: email });
    const before = (await stat(logFile())).size;
    const r = await call(t.secret, "log_shadow_row", { log_name: "customer-lifecycle-shadow", fields: row(accountId) });
    expect(r).toMatchObject({ isError: true, data: { error: { code: "forbidden" } } });
    expect((await stat(logFile())).size).toBe(before);
    expect(
      await db().prisma.ledgerEntry.count({
        where: { actorId: analyst.id, action: "access.denied", target: "mcp:log_shadow_row" },
      }),
    ).toBe(1);
    expect(await db().prisma.ledgerEntry.count({ where: { actorId: analyst.id, action: "shadow.log" } })).toBe(0);
  });

  it("ledgers every row written, naming the token; an invalid row writes and ledgers nothing", async () => {
    const actorId = `token:${shadow.id}`;
    const entries = () => db().prisma.ledgerEntry.count({ where: { actorId, action: "shadow.log" } });
    const before = await entries();
    const r = await call(shadow.secret, "log_shadow_row", {
      log_name: "customer-lifecycle-shadow",
      fields: row(accountId),
    });
    expect(r.isError).toBe(false);
    expect(await entries()).toBe(before + 1);
    const entry = await db().prisma.ledgerEntry.findFirstOrThrow({
      where: { actorId, action: "shadow.log" },
      orderBy: { seq: "desc" },
    });
    expect(entry.target).toBe("shadow:customer-lifecycle-shadow");
    expect(entry.summary).toContain(`day1-pair-screen for organization ${accountId}`);
    expect(entry.summary).toContain(`line ${String(r.data.line_count)}`);
    expect(entry.summary).not.toContain("reem@mcp.test");
    const bad = await call(shadow.secret, "log_shadow_row", {
      log_name: "customer-lifecycle-shadow",
      fields: { ...row(accountId), tier: 3 },
    });
    expect(bad.data.error?.code).toBe("invalid_input");
    expect(await entries()).toBe(before + 1);
  });

  it("audits every call with redacted parameters, outcome and latency", async () => {
    const audit = await auditOf(shadow.id);
    const logs = audit.filter((a) => a.tool === "log_shadow_row");
    expect(logs.length).toBeGreaterThanOrEqual(12);
    const ok = logs.find((a) => a.outcome === "ok")!;
    expect(ok.errorCode).toBeNull();
    expect(ok.latencyMs).toBeGreaterThanOrEqual(0);
    const params = JSON.parse(ok.params) as { log_name: string; fields: Record<string, unknown> };
    expect(params.log_name).toBe("customer-lifecycle-shadow");
    expect(params.fields.organization_id).toBe(accountId);
    expect(params.fields.hermes_reasoning).toMatch(/^\[redacted/);
    expect(ok.params).not.toContain("reem@mcp.test");
    expect(logs.some((a) => a.outcome === "error" && a.errorCode === "payload_too_large")).toBe(true);
    const denied = (await auditOf(reader.id)).find((a) => a.tool === "log_shadow_row");
    expect(denied).toMatchObject({ outcome: "error", errorCode: "forbidden" });
    const listed = await listMcpCalls({ tool: "log_shadow_row", outcome: "error" });
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((c) => c.tool === "log_shadow_row" && c.outcome === "error")).toBe(true);
    expect(listed.some((c) => c.tokenName === "reader-only" && c.errorCode === "forbidden")).toBe(true);
  });
});

describe("write tools", () => {
  const proposalsOf = (id: string) =>
    db().prisma.proposal.findMany({ where: { accountId: id }, select: { id: true, kind: true, state: true } });

  it("are forbidden without customer:write, change nothing, and the refusal is ledgered", async () => {
    const id = await account({ daysAgo: 2 });
    for (const [name, args] of [
      ["send_lifecycle_nudge_email", { organization_id: id, template: "day1-pair-screen" }],
      ["mark_onboarding_nudge_sent", { organization_id: id, template: "day1-pair-screen" }],
      ["auto_complete_org_onboarding", { organization_id: id }],
    ] as const) {
      const r = await call(shadow.secret, name, args);
      expect(r).toMatchObject({ isError: true, data: { error: { code: "forbidden" } } });
    }
    expect(await proposalsOf(id)).toEqual([]);
    const denials = await db().prisma.ledgerEntry.count({
      where: { actorId: `token:${shadow.id}`, action: "access.denied", target: { startsWith: "mcp:" } },
    });
    expect(denials).toBeGreaterThanOrEqual(3);
  });

  it("create pending proposals through the mutation door, ledgered with the token as actor", async () => {
    const nudge = await call(writer.secret, "send_lifecycle_nudge_email", {
      organization_id: accountId,
      template: "day1-pair-screen",
      reason: "no screen paired after day 1",
    });
    expect(nudge.isError).toBe(false);
    expect(nudge.data).toMatchObject({ state: "pending", kind: "nudge" });
    const again = await call(writer.secret, "send_lifecycle_nudge_email", {
      organization_id: accountId,
      template: "day1-pair-screen",
    });
    expect(again).toMatchObject({ isError: true, data: { error: { code: "conflict" } } });

    const other = await account({ daysAgo: 3 });
    const marked = await call(writer.secret, "mark_onboarding_nudge_sent", {
      organization_id: other,
      template: "day3-upload-content",
    });
    expect(marked.data).toMatchObject({ state: "pending", kind: "nudge_mark_sent" });
    const old = await account({ daysAgo: 31 });
    const done = await call(writer.secret, "auto_complete_org_onboarding", { organization_id: old });
    expect(done.data).toMatchObject({ state: "pending", kind: "auto_complete" });

    const created = await proposalsOf(accountId);
    expect(created).toEqual([{ id: nudge.data.proposal_id, kind: "nudge", state: "pending" }]);
    const ledger = await db().prisma.ledgerEntry.findFirst({
      where: { target: `proposal:${String(nudge.data.proposal_id)}`, action: "nudges.propose" },
    });
    expect(ledger?.actorId).toBe(`token:${writer.id}`);
    const bad = await call(writer.secret, "auto_complete_org_onboarding", { organization_id: "not-a-uuid" });
    expect(bad).toMatchObject({ isError: true, data: { error: { code: "invalid_input" } } });
  });
});
