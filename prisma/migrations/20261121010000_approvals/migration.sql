-- Approval-first actions: proposals (maker ≠ checker), an outbox dispatched exactly once, the freeze
-- switch, API tokens and idempotency keys.

CREATE TABLE "proposals" (
  "id" UUID NOT NULL PRIMARY KEY,
  "kind" TEXT NOT NULL,
  "account_id" UUID REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  -- Canonical JSON of the payload (text, not jsonb: jsonb reorders keys and the hash must hold).
  "payload" TEXT NOT NULL,
  "payload_hash" TEXT NOT NULL,
  "state" TEXT NOT NULL DEFAULT 'pending'
    CHECK ("state" IN ('pending', 'approved', 'dispatched', 'delivered', 'failed', 'rejected', 'expired')),
  "proposer_type" TEXT NOT NULL CHECK ("proposer_type" IN ('user', 'token', 'cli', 'system')),
  "proposer_id" TEXT NOT NULL,
  "proposer_label" TEXT NOT NULL,
  "reason" TEXT NOT NULL DEFAULT '',
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "expires_at" TIMESTAMPTZ(3) NOT NULL,
  "decided_at" TIMESTAMPTZ(3),
  "decided_by" TEXT,
  "decided_by_label" TEXT,
  "decision_reason" TEXT,
  "approved_payload_hash" TEXT,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "proposals_state_created_at_idx" ON "proposals"("state", "created_at" DESC);
CREATE INDEX "proposals_proposer_id_created_at_idx" ON "proposals"("proposer_id", "created_at" DESC);
CREATE INDEX "proposals_account_id_created_at_idx" ON "proposals"("account_id", "created_at" DESC);
CREATE INDEX "proposals_kind_state_idx" ON "proposals"("kind", "state");

CREATE TABLE "outbox" (
  "id" UUID NOT NULL PRIMARY KEY,
  "proposal_id" UUID NOT NULL REFERENCES "proposals"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "channel" TEXT NOT NULL,
  "payload" TEXT NOT NULL,
  "payload_hash" TEXT NOT NULL,
  "state" TEXT NOT NULL DEFAULT 'queued'
    CHECK ("state" IN ('queued', 'sending', 'sent', 'previewed', 'failed', 'held')),
  "attempts" INTEGER NOT NULL DEFAULT 0,
  "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "lease_until" TIMESTAMPTZ(3),
  "last_error" TEXT,
  "transport" TEXT,
  "transport_ref" TEXT,
  "rendered" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "finished_at" TIMESTAMPTZ(3)
);
-- At most one live outbox row per proposal: a second approval cannot queue a second send. A failed
-- row stays as history when a founder re-queues the proposal.
CREATE UNIQUE INDEX "outbox_one_live_per_proposal" ON "outbox"("proposal_id") WHERE "state" <> 'failed';
CREATE INDEX "outbox_proposal_id_idx" ON "outbox"("proposal_id");
CREATE INDEX "outbox_state_next_attempt_at_idx" ON "outbox"("state", "next_attempt_at");
CREATE INDEX "outbox_created_at_idx" ON "outbox"("created_at" DESC);

CREATE TABLE "system_state" (
  "id" INTEGER NOT NULL PRIMARY KEY DEFAULT 1 CHECK ("id" = 1),
  "frozen" BOOLEAN NOT NULL DEFAULT false,
  "frozen_reason" TEXT,
  "frozen_at" TIMESTAMPTZ(3),
  "frozen_by" TEXT
);
INSERT INTO "system_state" ("id", "frozen") VALUES (1, false);

CREATE TABLE "api_tokens" (
  "id" UUID NOT NULL PRIMARY KEY,
  "name" TEXT NOT NULL,
  "kind" TEXT NOT NULL CHECK ("kind" IN ('personal', 'agent')),
  "user_id" UUID REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "scopes" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  -- sha256 of the secret; the secret itself is shown once and never stored.
  "token_hash" TEXT NOT NULL,
  "prefix" TEXT NOT NULL,
  "created_by" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "last_used_at" TIMESTAMPTZ(3),
  "revoked_at" TIMESTAMPTZ(3),
  CHECK (("kind" = 'personal') = ("user_id" IS NOT NULL))
);
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

CREATE TABLE "idempotency_keys" (
  "actor_id" TEXT NOT NULL,
  "key" TEXT NOT NULL,
  "request_hash" TEXT NOT NULL,
  "status" INTEGER,
  "response" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY ("actor_id", "key")
);
CREATE INDEX "idempotency_keys_created_at_idx" ON "idempotency_keys"("created_at");
