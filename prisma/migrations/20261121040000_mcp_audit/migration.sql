-- One row per MCP tool call (spec "Agent tools": token, tool, redacted parameters, outcome, latency).
-- No foreign key to api_tokens: the audit outlives the token (a user's deletion cascades to their tokens).
CREATE TABLE "mcp_calls" (
  "id" UUID NOT NULL PRIMARY KEY,
  "token_id" UUID NOT NULL,
  "tool" TEXT NOT NULL,
  -- JSON of the arguments after redaction: ids and enums kept, free text and personal data masked.
  "params" TEXT NOT NULL,
  "outcome" TEXT NOT NULL CHECK ("outcome" IN ('ok', 'error')),
  "error_code" TEXT,
  "latency_ms" INTEGER NOT NULL,
  "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CHECK (("outcome" = 'error') = ("error_code" IS NOT NULL))
);
CREATE INDEX "mcp_calls_at_idx" ON "mcp_calls"("at");
