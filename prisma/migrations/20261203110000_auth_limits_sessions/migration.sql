-- Rate counters shared by every console process on the database: sign-in attempts (per account and
-- address, per account, per address), API and MCP token limits, and the sign-in ledger throttle.
-- One row per (kind, key), updated with a single INSERT ... ON CONFLICT ... RETURNING, so parallel
-- requests and several instances see one count.
CREATE TABLE "rate_counters" (
  "kind" TEXT NOT NULL,
  "key" TEXT NOT NULL,
  "window_start" TIMESTAMPTZ(3) NOT NULL,
  "count" INTEGER NOT NULL DEFAULT 0,
  "last_at" TIMESTAMPTZ(3) NOT NULL,
  "granted" BOOLEAN NOT NULL DEFAULT true,
  "suppressed" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "rate_counters_pkey" PRIMARY KEY ("kind", "key")
);
CREATE INDEX "rate_counters_last_at_idx" ON "rate_counters" ("last_at");

-- Bumped on sign-out, disable, re-enable and role change: a session cookie carries the version it was
-- issued with and is refused once the user's version has moved on.
ALTER TABLE "users" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0;
