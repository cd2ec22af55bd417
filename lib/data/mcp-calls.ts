import "server-only";
import { prisma } from "../db";

export type TMcpOutcome = "ok" | "error";

export type TMcpCallRecord = {
  tokenId: string;
  tool: string;
  /** Already redacted (lib/mcp/redact.ts); stored as JSON text. */
  params: unknown;
  outcome: TMcpOutcome;
  errorCode: string | null;
  latencyMs: number;
  at: Date;
};

export type TMcpCall = {
  id: string;
  at: Date;
  tokenId: string;
  tokenName: string | null;
  tool: string;
  params: string;
  outcome: TMcpOutcome;
  errorCode: string | null;
  latencyMs: number;
};

/** Records one tool call. Outside any mutation transaction: a refused or failed call is audited too. */
export async function recordMcpCall(c: TMcpCallRecord): Promise<void> {
  await prisma().mcpCall.create({
    data: {
      tokenId: c.tokenId,
      tool: c.tool.slice(0, 100),
      params: JSON.stringify(c.params ?? null),
      outcome: c.outcome,
      errorCode: c.outcome === "error" ? (c.errorCode ?? "internal") : null,
      latencyMs: Math.max(0, Math.round(c.latencyMs)),
      at: c.at,
    },
    select: { id: true },
  });
}

/** The latest calls (newest first, at most `limit`), optionally of one tool and/or one outcome. */
export async function listMcpCalls(
  filter: { tool?: string; outcome?: TMcpOutcome; limit?: number } = {},
): Promise<TMcpCall[]> {
  const rows = await prisma().mcpCall.findMany({
    where: { ...(filter.tool ? { tool: filter.tool } : {}), ...(filter.outcome ? { outcome: filter.outcome } : {}) },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(filter.limit ?? 200, 1), 1000),
    select: {
      id: true,
      at: true,
      tokenId: true,
      tool: true,
      params: true,
      outcome: true,
      errorCode: true,
      latencyMs: true,
    },
  });
  const ids = [...new Set(rows.map((r) => r.tokenId))];
  const tokens = ids.length
    ? await prisma().apiToken.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
    : [];
  const names = new Map(tokens.map((t) => [t.id, t.name]));
  return rows.map((r) => ({
    ...r,
    outcome: r.outcome === "ok" ? "ok" : "error",
    tokenName: names.get(r.tokenId) ?? null,
  }));
}
