import "server-only";
import { recordLedger } from "../data/ledger";
import { ledgerEntry } from "../domain/ledger/entry";
import { recordMcpCall } from "../data/mcp-calls";
import { AppError, isConnectionError } from "../errors";
import { log } from "../log";
import { toolAllowed, WRITE_SCOPES } from "./access";
import { redactPayloadForAgent } from "../domain/proposals/agent-view";
import { takeToolCall } from "./rate-limit";
import { redactParams } from "./redact";
import { MCP_TOOLS } from "./registry";
import { toolError, type TToolContext, type TToolResult } from "./types";

/**
 * Runs one tools/call: count it against the token's limit → find the tool → check the token's scope →
 * run → audit. Every call is recorded
 * in mcp_calls (token, tool, redacted arguments, outcome, latency), refused and failed ones included;
 * a refused write tool is also ledgered as `access.denied`, like any refused mutation. Never throws.
 */
export async function callTool(name: string, args: unknown, ctx: TToolContext): Promise<TToolResult> {
  const started = performance.now();
  const tool = MCP_TOOLS.find((t) => t.name === name);
  let result: TToolResult;
  const rate = await takeToolCall(ctx.tokenId, ctx.now).catch((error: unknown) => error as Error);
  if (rate instanceof Error) {
    const down = isConnectionError(rate) || (rate instanceof AppError && rate.code === "database_unavailable");
    result = down
      ? toolError("database_unavailable", "The database is unavailable.")
      : toolError("internal", "The tool failed; see the server log.");
  } else if (!rate.allowed) {
    result = toolError("rate_limited", `Too many tool calls for this token; retry in ${rate.retryAfterS} s.`);
  } else if (!tool) {
    result = toolError("not_found", `Unknown tool: ${name.slice(0, 100)}`);
  } else if (!toolAllowed(ctx.actor, tool.scope)) {
    result = toolError("forbidden", `This token lacks the scope ${tool.scope}, which ${tool.name} needs.`);
    if (WRITE_SCOPES.includes(tool.scope)) await ledgerDenial(ctx, tool.name, tool.scope);
  } else {
    result = await tool.run(args, ctx).catch((error: unknown) => {
      if (isConnectionError(error)) return toolError("database_unavailable", "The database is unavailable.");
      log.error("mcp tool failed", { tool: name, requestId: ctx.requestId, error: (error as Error)?.message });
      return toolError("internal", "The tool failed; see the server log.");
    });
  }
  // Agents never receive a person's e-mail, whatever a tool returns (lib/domain/proposals/agent-view.ts).
  if (result.ok && ctx.actor.scopes)
    result = { ok: true, data: redactPayloadForAgent(result.data) as Record<string, unknown> };
  await recordMcpCall({
    tokenId: ctx.tokenId,
    tool: name,
    params: redactParams(args ?? {}),
    outcome: result.ok ? "ok" : "error",
    errorCode: result.ok ? null : result.code,
    latencyMs: performance.now() - started,
    at: ctx.now,
  }).catch((error: unknown) => {
    // The call already happened (a line may be written); losing its audit row must not hide its result.
    log.error("mcp audit failed", { tool: name, requestId: ctx.requestId, error: (error as Error)?.message });
  });
  return result;
}

async function ledgerDenial(ctx: TToolContext, tool: string, scope: string): Promise<void> {
  await recordLedger(
    ledgerEntry(ctx.actor, {
      action: "access.denied",
      target: `mcp:${tool}`,
      summary: `${tool} needs ${scope}`,
      requestId: ctx.requestId,
    }),
  ).catch(() => undefined);
}
