import "server-only";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
  type CallToolResult,
} from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { callTool } from "./call-tool";
import { MCP_TOOLS } from "./registry";
import type { TToolContext, TToolResult } from "./types";

const SERVER_INFO = { name: "lifecycle-console", version: "1.0.0" };

// Published once: the argument schemas as JSON Schema (defaults are optional for the caller).
const TOOL_LIST = MCP_TOOLS.map((t) => ({
  name: t.name,
  description: t.description,
  inputSchema: z.toJSONSchema(t.input, { io: "input" }) as { type: "object"; [k: string]: unknown },
}));

/** A tool result as MCP carries it: JSON text for every client, structured content for those that read it. */
function toCallToolResult(r: TToolResult): CallToolResult {
  const body = r.ok
    ? r.data
    : { error: { code: r.code, message: r.message, ...(r.fields ? { fields: r.fields } : {}) } };
  return { content: [{ type: "text", text: JSON.stringify(body) }], structuredContent: body, isError: !r.ok };
}

/**
 * One MCP server for one HTTP request (stateless Streamable HTTP), bound to the caller's token.
 * Tool errors (forbidden, invalid input) are tool results with `isError`, as MCP prescribes; an
 * unknown tool is a protocol error (-32602), after it has been audited.
 */
export function createMcpServer(ctx: TToolContext): Server {
  const server = new Server(SERVER_INFO, {
    capabilities: { tools: {} },
    instructions:
      "Shadow run, every 30 minutes: call list_onboarding_candidates once; call log_shadow_row once per " +
      'candidate; when there are none, log one heartbeat row (all fields null except hermes_reasoning "heartbeat: 0 candidates").',
  });
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: TOOL_LIST }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const { name, arguments: args } = request.params;
    const result = await callTool(name, args, { ...ctx, now: new Date() });
    if (!result.ok && result.code === "not_found" && !MCP_TOOLS.some((t) => t.name === name))
      throw new McpError(ErrorCode.InvalidParams, result.message);
    return toCallToolResult(result);
  });
  return server;
}
