import "server-only";
import { takeUnits, windowFull, type TTake } from "../data/rate-counters";

// A shadow run is one read plus up to 500 log calls (limit 1..500) every 30 minutes; this leaves room
// for that burst and still stops a runaway loop. Counts tool calls, not HTTP requests: a JSON-RPC
// batch of 50 tools/call messages takes 50. Shared by all instances through the database.
export const MCP_RATE_LIMIT = { limit: 1_200, windowMs: 60_000 };

/** Takes one tool call for the token; refused calls are not counted. */
export function takeToolCall(tokenId: string, now: Date): Promise<TTake> {
  return takeUnits("mcp_token", tokenId, MCP_RATE_LIMIT, now);
}

/** For an early HTTP 429 when the token has nothing left in this window (takes nothing). */
export function toolCallsExhausted(tokenId: string, now: Date): Promise<TTake> {
  return windowFull("mcp_token", tokenId, MCP_RATE_LIMIT, now);
}
