import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { SIGN_IN_RULES } from "../domain/auth/sign-in-limits";
import { callTool } from "../mcp/call-tool";
import { MCP_RATE_LIMIT } from "../mcp/rate-limit";
import { TOKEN_RATE_LIMIT, takeRequest } from "../api/rate-limit";
import { admitCounted, pruneCounters, takeUnits } from "./rate-counters";

const url = process.env.DATABASE_URL;
const engine = url ? "PostgreSQL" : "PGlite";

// A second "instance": its own pg pool (PostgreSQL) speaking the same raw-SQL surface as Prisma.
const pools: pg.Pool[] = [];
function instance() {
  if (!url) return db().prisma;
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pools.push(pool);
  return {
    $queryRawUnsafe: async <T>(sql: string, ...values: unknown[]) => (await pool.query(sql, values)).rows as T,
  };
}
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
});

describe(`shared rate counters on ${engine}`, () => {
  it("two instances bursting on one token get exactly the limit between them", async () => {
    const [a, b] = [instance(), instance()];
    const key = randomUUID();
    const now = new Date();
    const burst = (client: typeof a) =>
      Array.from({ length: 100 }, () => takeUnits("api_token", key, TOKEN_RATE_LIMIT, now, 1, client));
    const results = await Promise.all([...burst(a), ...burst(b)]);
    expect(results.filter((r) => r.allowed)).toHaveLength(TOKEN_RATE_LIMIT.limit);
    const refused = results.find((r) => !r.allowed);
    expect(refused).toMatchObject({ allowed: false, retryAfterS: 60 });
    // The shared path the API uses sees the same full window.
    expect((await takeRequest(key, now)).allowed).toBe(false);
    expect((await takeRequest(key, new Date(now.getTime() + TOKEN_RATE_LIMIT.windowMs))).allowed).toBe(true);
  });

  it("two instances share the sign-in attempt count: a parallel burst of 20 admits exactly the limit", async () => {
    const [a, b] = [instance(), instance()];
    const key = `x@example.test|${randomUUID()}`;
    const now = new Date();
    const rule = SIGN_IN_RULES.accountAddress;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => admitCounted("sign_in:account_address", key, rule, now, i % 2 ? a : b)),
    );
    expect(results.filter((r) => r.admitted)).toHaveLength(rule.limit);
    expect(results.find((r) => !r.admitted)?.retryAfterMs).toBe(1_000);
  });

  it("MCP counts tool calls, not HTTP requests", async () => {
    const tokenId = randomUUID();
    const ctx = {
      actor: { type: "token" as const, id: tokenId, role: "analyst" as const, label: "t", scopes: [] },
      tokenId,
      requestId: "t",
      now: new Date(),
    };
    // Three tools/call messages (as one JSON-RPC batch would deliver them) take three units.
    for (let i = 0; i < 3; i++) await callTool("no_such_tool", {}, ctx);
    const row = await db().prisma.rateCounter.findUnique({ where: { kind_key: { kind: "mcp_token", key: tokenId } } });
    expect(row?.count).toBe(3);
    await db().prisma.rateCounter.update({
      where: { kind_key: { kind: "mcp_token", key: tokenId } },
      data: { count: MCP_RATE_LIMIT.limit },
    });
    expect(await callTool("no_such_tool", {}, ctx)).toMatchObject({ ok: false, code: "rate_limited" });
  });

  it("prunes counters untouched for an hour", async () => {
    const key = randomUUID();
    const old = new Date(Date.now() - 2 * 60 * 60_000);
    await takeUnits("api_token", key, TOKEN_RATE_LIMIT, old);
    await pruneCounters(new Date());
    expect(await db().prisma.rateCounter.count({ where: { key } })).toBe(0);
  });
});
