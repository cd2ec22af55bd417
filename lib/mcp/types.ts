import type { z } from "zod";
import type { TActor } from "../domain/auth/actor";
import type { TScope } from "../domain/auth/scopes";
import type { TErrorCode } from "../errors";

/** Who calls a tool: the bearer token's actor, the token's id (for the audit) and the request's clock. */
export type TToolContext = { actor: TActor; tokenId: string; requestId: string; now: Date };

export type TToolError = { code: TErrorCode; message: string; fields?: Record<string, string> };
export type TToolResult = { ok: true; data: Record<string, unknown> } | ({ ok: false } & TToolError);

/**
 * One MCP tool. `input` is published to clients as JSON Schema (tools/list); `run` still validates
 * the raw arguments itself, so every call, valid or not, passes through the audit.
 */
export type TTool = {
  name: string;
  description: string;
  scope: TScope;
  input: z.ZodType;
  run: (args: unknown, ctx: TToolContext) => Promise<TToolResult>;
};

export const toolError = (code: TErrorCode, message: string, fields?: Record<string, string>): TToolResult => ({
  ok: false,
  code,
  message,
  ...(fields ? { fields } : {}),
});

/** A zod failure as an invalid-input error whose message names the first bad key. */
export function invalidArgs(error: z.ZodError): TToolResult {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join(".") || "arguments"] ??= issue.message;
  const [key, message] = Object.entries(fields)[0] ?? ["arguments", "invalid"];
  return toolError("invalid_input", `${key}: ${message}`, fields);
}
