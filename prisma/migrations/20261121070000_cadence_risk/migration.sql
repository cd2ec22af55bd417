-- Success cadence and at-risk: one cadence plan per account, the dated tasks it generates for the
-- CSM, and the at-risk snapshot. Hand-written to match prisma/schema/success.prisma.

CREATE TABLE "cadence_plans" (
  "id" UUID NOT NULL PRIMARY KEY,
  "account_id" UUID NOT NULL REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "active" BOOLEAN NOT NULL DEFAULT true,
  "types" TEXT[] NOT NULL CHECK (
    cardinality("types") > 0 AND "types" <@ ARRAY['weekly_check_in', 'monthly_proof_review',
      'quarterly_business_review', 'at_risk_alert', 'renewal_30_day', 'renewal_7_day']::TEXT[]),
  "owner_csm_id" UUID NOT NULL REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "anchor_date" DATE NOT NULL,
  "deactivated_at" TIMESTAMPTZ(3),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "cadence_plans_account_id_key" ON "cadence_plans"("account_id");
CREATE INDEX "cadence_plans_active_idx" ON "cadence_plans"("active", "account_id");

CREATE TABLE "success_tasks" (
  "id" UUID NOT NULL PRIMARY KEY,
  "account_id" UUID NOT NULL REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "csm_id" UUID REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "type" TEXT NOT NULL CHECK ("type" IN ('weekly_check_in', 'monthly_proof_review',
    'quarterly_business_review', 'at_risk_alert', 'renewal_30_day', 'renewal_7_day')),
  "due_date" DATE NOT NULL,
  "status" TEXT NOT NULL DEFAULT 'open' CHECK ("status" IN ('open', 'done', 'skipped')),
  "source" TEXT NOT NULL CHECK ("source" IN ('cadence', 'renewal', 'manual')),
  "note" TEXT NOT NULL DEFAULT '',
  "completed_at" TIMESTAMPTZ(3),
  "completed_by" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CHECK (("status" = 'open') = ("completed_at" IS NULL))
);
-- A task's identity: regenerating a plan (also two ticks at once) inserts ON CONFLICT DO NOTHING.
CREATE UNIQUE INDEX "success_tasks_account_id_type_due_date_key" ON "success_tasks"("account_id", "type", "due_date");
-- "My tasks": one CSM's open tasks by due date; founders' all-CSM view by status and due date.
CREATE INDEX "success_tasks_csm_id_status_due_date_idx" ON "success_tasks"("csm_id", "status", "due_date", "id");
CREATE INDEX "success_tasks_status_due_date_idx" ON "success_tasks"("status", "due_date", "id");

-- The at-risk snapshot. Contract read by the journeys area: account_id, score, severity, reasons, computed_at.
CREATE TABLE "account_risk" (
  "account_id" UUID NOT NULL PRIMARY KEY REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "score" INTEGER NOT NULL CHECK ("score" BETWEEN 0 AND 100),
  "severity" TEXT NOT NULL CHECK ("severity" IN ('low', 'medium', 'high')),
  "reasons" JSONB NOT NULL DEFAULT '[]',
  "computed_at" TIMESTAMPTZ(3) NOT NULL
-- Every row is rewritten on each tick: free space per page lets unchanged-score rows update in place (HOT).
) WITH (fillfactor = 70);
-- The At-risk page: highest score first, optionally one severity.
CREATE INDEX "account_risk_score_account_id_idx" ON "account_risk"("score" DESC, "account_id");
CREATE INDEX "account_risk_severity_score_idx" ON "account_risk"("severity", "score" DESC, "account_id");

-- The newest proof pack per account, read by every risk recompute.
CREATE INDEX "account_events_proof_pack_idx" ON "account_events"("account_id", "occurred_at" DESC)
  WHERE "type" = 'proof_pack_delivered';
-- Pending drafts per account, read by every risk recompute.
CREATE INDEX "proposals_pending_account_id_idx" ON "proposals"("account_id", "expires_at") WHERE "state" = 'pending';
