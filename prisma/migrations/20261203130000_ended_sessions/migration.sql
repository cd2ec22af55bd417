-- Signing out ends that one session, not every session of the user: each sign-in gets a random session
-- id (in the cookie), and sign-out records it here. A session cookie whose id is listed is refused.
-- Rows are kept for the session lifetime (12 h) and then pruned; the version on "users" still ends
-- every session on disable, re-enable and role change.
CREATE TABLE "ended_sessions" (
  "sid" TEXT NOT NULL,
  "user_id" UUID NOT NULL,
  "ended_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "ended_sessions_pkey" PRIMARY KEY ("sid")
);
CREATE INDEX "ended_sessions_ended_at_idx" ON "ended_sessions" ("ended_at");
