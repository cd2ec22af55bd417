import { handleMcpPost, mcpMethodNotAllowed } from "@/lib/mcp/http";

// MCP for agents (Streamable HTTP, stateless); the protocol and the tools live in lib/mcp.
export const dynamic = "force-dynamic";

export const POST = (request: Request) => handleMcpPost(request);
export const GET = () => mcpMethodNotAllowed();
export const DELETE = () => mcpMethodNotAllowed();
