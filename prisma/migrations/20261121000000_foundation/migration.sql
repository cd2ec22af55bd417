-- Foundation: users, customer accounts with contacts and timeline, and the hash-chained ledger.
-- Hand-written to match prisma/schema.prisma; the integration tests prove the two agree.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE "users" (
  "id" UUID NOT NULL PRIMARY KEY,
  "email" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "role" TEXT NOT NULL CHECK ("role" IN ('founder', 'csm', 'analyst')),
  "locale" TEXT CHECK ("locale" IN ('en', 'ar')),
  "time_zone" TEXT,
  "active" BOOLEAN NOT NULL DEFAULT true,
  "password_hash" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

CREATE TABLE "accounts" (
  "id" UUID NOT NULL PRIMARY KEY,
  "name" TEXT NOT NULL,
  "search_name" TEXT NOT NULL,
  "tier" TEXT NOT NULL CHECK ("tier" IN ('free', 'starter', 'pro', 'enterprise')),
  "signup_at" TIMESTAMPTZ(3) NOT NULL,
  "contract_start" DATE,
  "contract_end" DATE,
  "region" TEXT NOT NULL,
  "preferred_locale" TEXT NOT NULL CHECK ("preferred_locale" IN ('en', 'ar')),
  "csm_id" UUID REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "welcomed" BOOLEAN NOT NULL DEFAULT false,
  "screen_paired" BOOLEAN NOT NULL DEFAULT false,
  "content_uploaded" BOOLEAN NOT NULL DEFAULT false,
  "playlist_created" BOOLEAN NOT NULL DEFAULT false,
  "schedule_created" BOOLEAN NOT NULL DEFAULT false,
  "onboarding_completed_at" TIMESTAMPTZ(3),
  "nudge_day1_sent_at" TIMESTAMPTZ(3),
  "nudge_day3_sent_at" TIMESTAMPTZ(3),
  "nudge_day7_sent_at" TIMESTAMPTZ(3),
  "last_activity_at" TIMESTAMPTZ(3),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
-- Each list filter has an index that also serves the default sort (newest signup first).
CREATE INDEX "accounts_signup_at_id_idx" ON "accounts"("signup_at" DESC, "id");
CREATE INDEX "accounts_tier_signup_at_idx" ON "accounts"("tier", "signup_at" DESC);
CREATE INDEX "accounts_csm_id_signup_at_idx" ON "accounts"("csm_id", "signup_at" DESC);
CREATE INDEX "accounts_region_signup_at_idx" ON "accounts"("region", "signup_at" DESC);
CREATE INDEX "accounts_contract_end_idx" ON "accounts"("contract_end");
CREATE INDEX "accounts_name_id_idx" ON "accounts"("name", "id");
-- NULLS LAST matches the "most recent activity" sort; a plain DESC index (nulls first) cannot serve it.
CREATE INDEX "accounts_last_activity_at_id_idx" ON "accounts"("last_activity_at" DESC NULLS LAST, "id");
-- Substring search on normalised names (Arabic letter variants folded, see lib/domain/accounts/search.ts).
CREATE INDEX "accounts_search_name_trgm_idx" ON "accounts" USING GIN ("search_name" gin_trgm_ops);

CREATE TABLE "account_contacts" (
  "id" UUID NOT NULL PRIMARY KEY,
  "account_id" UUID NOT NULL REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "name" TEXT NOT NULL,
  "email" TEXT NOT NULL,
  "role" TEXT NOT NULL DEFAULT 'admin',
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "account_contacts_account_id_idx" ON "account_contacts"("account_id");

CREATE TABLE "account_events" (
  "id" UUID NOT NULL PRIMARY KEY,
  "account_id" UUID NOT NULL REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "type" TEXT NOT NULL,
  "occurred_at" TIMESTAMPTZ(3) NOT NULL,
  "actor" TEXT NOT NULL,
  "summary" TEXT NOT NULL,
  "data" JSONB NOT NULL DEFAULT '{}'
);
CREATE INDEX "account_events_account_id_occurred_at_idx" ON "account_events"("account_id", "occurred_at" DESC);

CREATE TABLE "ledger_entries" (
  "seq" BIGINT NOT NULL PRIMARY KEY,
  "at" TIMESTAMPTZ(3) NOT NULL,
  "actor_type" TEXT NOT NULL,
  "actor_id" TEXT,
  "actor_role" TEXT,
  "action" TEXT NOT NULL,
  "target" TEXT,
  "summary" TEXT NOT NULL,
  "request_id" TEXT,
  "payload_hash" TEXT,
  "canonical" TEXT NOT NULL,
  "prev_hash" TEXT NOT NULL,
  "hash" TEXT NOT NULL
);
CREATE INDEX "ledger_entries_action_seq_idx" ON "ledger_entries"("action", "seq");
CREATE INDEX "ledger_entries_actor_id_seq_idx" ON "ledger_entries"("actor_id", "seq");
CREATE INDEX "ledger_entries_target_seq_idx" ON "ledger_entries"("target", "seq");
CREATE INDEX "ledger_entries_at_idx" ON "ledger_entries"("at");

CREATE TABLE "ledger_head" (
  "id" INTEGER NOT NULL PRIMARY KEY DEFAULT 1 CHECK ("id" = 1),
  "seq" BIGINT NOT NULL,
  "hash" TEXT NOT NULL
);
-- Genesis: sequence 0 and 64 zeros, so the first entry links to a known value.
INSERT INTO "ledger_head" ("id", "seq", "hash") VALUES (1, 0, repeat('0', 64));

CREATE FUNCTION "ledger_entries_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger_entries is append-only: % rejected', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "ledger_entries_no_update_delete"
  BEFORE UPDATE OR DELETE ON "ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION "ledger_entries_append_only"();
CREATE TRIGGER "ledger_entries_no_truncate"
  BEFORE TRUNCATE ON "ledger_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION "ledger_entries_append_only"();
