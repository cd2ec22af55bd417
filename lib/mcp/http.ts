import "server-only";
import { randomUUID } from "node:crypto";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { DATABASE_RETRY_AFTER_S } from "../api/errors";
import { resolveBearer } from "../data/tokens";
import { safeRequestId } from "../domain/auth/request-id";
import { isDatabaseUnavailable } from "../errors";
import { toolCallsExhausted } from "./rate-limit";
import { createMcpServer } from "./server";

const jsonRpcError = (status: number, code: number, message: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ jsonrpc: "2.0", error: { code, message }, id: null }), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });

/**
 * POST /api/mcp: Streamable HTTP in stateless mode (a server and transport per request, JSON
 * responses). Only bearer tokens (agent or personal) are accepted, never the session cookie: a missing,
 * unknown or revoked token is HTTP 401 with a JSON-RPC error, before any MCP message is read.
 */
export async function handleMcpPost(request: Request): Promise<Response> {
  try {
    return await handle(request);
  } catch (error) {
    // An outage while authenticating or starting the call: 503 with Retry-After, as /api/v1 answers.
    if (!isDatabaseUnavailable(error)) throw error;
    return jsonRpcError(503, -32002, "The database cannot be reached right now; retry after `Retry-After` seconds.", {
      "retry-after": String(DATABASE_RETRY_AFTER_S),
    });
  }
}

async function handle(request: Request): Promise<Response> {
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  const bearer = m?.[1] ? await resolveBearer(m[1]) : null;
  if (!bearer)
    return jsonRpcError(401, -32001, "Unauthorized: send `Authorization: Bearer <agent or personal token>`.", {
      "www-authenticate": 'Bearer realm="mcp"',
    });
  // Tool calls are counted one by one in callTool; this only answers 429 early when none are left.
  const now = new Date();
  const rate = await toolCallsExhausted(bearer.tokenId, now);
  if (!rate.allowed) {
    const retry = String(rate.retryAfterS);
    return jsonRpcError(429, -32000, `Too many tool calls for this token; retry in ${retry} s.`, {
      "retry-after": retry,
    });
  }

  const requestId = safeRequestId(request.headers.get("x-request-id"), randomUUID);
  const server = createMcpServer({ actor: bearer.actor, tokenId: bearer.tokenId, requestId, now });
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
    maxRequestBodySize: 256 * 1024,
  });
  try {
    await server.connect(transport);
    const response = await transport.handleRequest(request);
    response.headers.set("x-request-id", requestId);
    return response;
  } finally {
    await server.close().catch(() => undefined);
  }
}

/** Stateless server: no standalone SSE stream to GET and no session to DELETE. */
export const mcpMethodNotAllowed = () =>
  jsonRpcError(405, -32000, "Method not allowed: this MCP server is stateless; POST JSON-RPC messages.", {
    allow: "POST",
  });
