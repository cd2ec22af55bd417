import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb } from "../db";

// The route handlers run against a PostgreSQL URL nobody answers (whatever engine the suite runs
// on): a fresh module graph, so lib/env and lib/db read that URL instead of the suite's database.
const CLOSED = "postgresql://postgres@127.0.0.1:1/lifecycle_outage";
const token = `lc_a_${"A".repeat(43)}`;

type TRoutes = {
  proposals: typeof import("@/app/api/v1/proposals/route");
  tickets: typeof import("@/app/api/v1/tickets/route");
  mcp: typeof import("@/app/api/mcp/route");
  closeDb: typeof closeDb;
};

async function routesOn(url: string): Promise<TRoutes> {
  await closeDb();
  vi.resetModules();
  process.env.DATABASE_URL = url;
  return {
    proposals: await import("@/app/api/v1/proposals/route"),
    tickets: await import("@/app/api/v1/tickets/route"),
    mcp: await import("@/app/api/mcp/route"),
    closeDb: (await import("../db")).closeDb,
  };
}

const bearer = (path: string, init: RequestInit = {}) =>
  new Request(`http://localhost${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...init.headers },
  });

async function expectUnavailable(response: Response, rpc = false) {
  expect(response.status).toBe(503);
  expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  const body = (await response.json()) as { error: { code: unknown } };
  if (rpc) expect(body.error.code).toBe(-32002);
  else expect(body.error.code).toBe("database_unavailable");
}

describe("the API during a database outage", () => {
  const saved = process.env.DATABASE_URL;
  let routes: TRoutes;
  // A port that accepts and at once closes connections: "Connection terminated unexpectedly".
  let dropper: Server;
  beforeAll(async () => {
    dropper = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => dropper.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    await routes?.closeDb();
    process.env.DATABASE_URL = saved;
    vi.resetModules();
    await new Promise((resolve) => dropper.close(resolve));
  });

  for (const [label, url] of [
    ["refused connections", () => CLOSED],
    ["dropped connections", () => `postgresql://postgres@127.0.0.1:${(dropper.address() as { port: number }).port}/x`],
  ] as const) {
    it(`answers 503 database_unavailable with Retry-After, never 500 (${label})`, async () => {
      await routes?.closeDb();
      routes = await routesOn(url());
      await expectUnavailable(await routes.proposals.GET(bearer("/api/v1/proposals")));
      await expectUnavailable(
        await routes.proposals.POST(
          bearer("/api/v1/proposals", {
            method: "POST",
            body: JSON.stringify({}),
            headers: { "idempotency-key": "k-1" },
          }),
        ),
      );
      await expectUnavailable(await routes.tickets.POST(bearer("/api/v1/tickets", { method: "POST", body: "{}" })));
      await expectUnavailable(
        await routes.mcp.POST(
          bearer("/api/mcp", {
            method: "POST",
            body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
            headers: { accept: "application/json, text/event-stream" },
          }),
        ),
        true,
      );
    }, 30_000);
  }
});
