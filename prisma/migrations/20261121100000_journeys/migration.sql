-- Customer journeys (issue 6): exit-criteria marks, the evaluated journey of each account, its stage
-- transitions and daily health history, touchpoints with their guardrail holds, editable settings,
-- recompute runs and portfolio snapshots. The stage rules live in lib/domain/journeys.

CREATE TABLE "journey_criteria" (
  "account_id" UUID NOT NULL REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "criterion" TEXT NOT NULL CHECK ("criterion" IN ('went_live', 'adoption_started', 'daily_use',
    'multiple_use_cases', 'reference_customer', 'contract_renewed', 'active_promoter')),
  "met_at" TIMESTAMPTZ(3) NOT NULL,
  "marked_by" TEXT NOT NULL,
  "marked_by_id" TEXT,
  "note" TEXT NOT NULL DEFAULT '' CHECK (char_length("note") <= 500),
  PRIMARY KEY ("account_id", "criterion")
);

CREATE TABLE "journey_states" (
  "account_id" UUID NOT NULL PRIMARY KEY REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "stage" TEXT NOT NULL CHECK ("stage" IN ('onboarding', 'adoption', 'growth', 'maturity')),
  "stage_entered_at" TIMESTAMPTZ(3) NOT NULL,
  "behind_schedule" BOOLEAN NOT NULL,
  "renewal" BOOLEAN NOT NULL,
  "advocacy" BOOLEAN NOT NULL,
  "escalation_open" BOOLEAN NOT NULL,
  "health" INTEGER NOT NULL CHECK ("health" BETWEEN 0 AND 100),
  "factors" JSONB NOT NULL,
  "evaluated_at" TIMESTAMPTZ(3) NOT NULL,
  -- When touchpoints were last planned for the account (the tick plans the stalest first).
  "touchpoints_planned_at" TIMESTAMPTZ(3)
);
CREATE INDEX "journey_states_planned_idx" ON "journey_states"("touchpoints_planned_at" NULLS FIRST);
CREATE INDEX "journey_states_stage_idx" ON "journey_states"("stage", "behind_schedule");

CREATE TABLE "journey_transitions" (
  "id" UUID NOT NULL PRIMARY KEY,
  "account_id" UUID NOT NULL REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "kind" TEXT NOT NULL CHECK ("kind" IN ('stage', 'renewal', 'advocacy')),
  "from_stage" TEXT,
  "to_stage" TEXT,
  "entered" BOOLEAN,
  "at" TIMESTAMPTZ(3) NOT NULL,
  "cause" JSONB NOT NULL,
  "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "journey_transitions_account_id_at_idx" ON "journey_transitions"("account_id", "at" DESC);
CREATE INDEX "journey_transitions_to_stage_idx" ON "journey_transitions"("to_stage", "account_id");

CREATE TABLE "journey_health_history" (
  "account_id" UUID NOT NULL REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "day" DATE NOT NULL,
  "health" INTEGER NOT NULL CHECK ("health" BETWEEN 0 AND 100),
  "factors" JSONB NOT NULL,
  PRIMARY KEY ("account_id", "day")
);

CREATE TABLE "journey_touchpoints" (
  "id" UUID NOT NULL PRIMARY KEY,
  "account_id" UUID NOT NULL REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "key" TEXT NOT NULL,
  "stage" TEXT NOT NULL,
  "cycle" TEXT NOT NULL,
  "channel" TEXT NOT NULL CHECK ("channel" IN ('email', 'call', 'in_app', 'meeting')),
  "owner" TEXT NOT NULL CHECK ("owner" IN ('system', 'csm')),
  "due_at" TIMESTAMPTZ(3) NOT NULL,
  "status" TEXT NOT NULL CHECK ("status" IN ('planned', 'held', 'proposed', 'done', 'skipped')),
  "held_reason" TEXT CHECK ("held_reason" IN ('escalation_open', 'human_review', 'weekly_limit', 'no_contact')),
  "proposal_id" UUID REFERENCES "proposals"("id") ON DELETE SET NULL,
  "assignee_id" UUID REFERENCES "users"("id") ON DELETE SET NULL,
  "released_at" TIMESTAMPTZ(3),
  "done_at" TIMESTAMPTZ(3),
  "done_by" TEXT,
  "responded_at" TIMESTAMPTZ(3),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CHECK (("status" = 'held') = ("held_reason" IS NOT NULL))
);
-- One touchpoint per plan key and cycle (stage entry, term, quarter or signal): re-evaluation never plans it twice.
CREATE UNIQUE INDEX "journey_touchpoints_account_key_cycle_key" ON "journey_touchpoints"("account_id", "key", "cycle");
CREATE INDEX "journey_touchpoints_account_id_due_at_idx" ON "journey_touchpoints"("account_id", "due_at" DESC);
CREATE INDEX "journey_touchpoints_assignee_status_idx" ON "journey_touchpoints"("assignee_id", "status");
CREATE INDEX "journey_touchpoints_held_idx" ON "journey_touchpoints"("account_id") WHERE "status" = 'held';

CREATE TABLE "journey_settings" (
  "id" INTEGER NOT NULL PRIMARY KEY DEFAULT 1 CHECK ("id" = 1),
  "weekly_limit" INTEGER NOT NULL DEFAULT 3 CHECK ("weekly_limit" BETWEEN 2 AND 3),
  "weights" JSONB,
  "plan" JSONB,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_by" TEXT
);
INSERT INTO "journey_settings" ("id") VALUES (1);

CREATE TABLE "journey_runs" (
  "id" UUID NOT NULL PRIMARY KEY,
  "kind" TEXT NOT NULL CHECK ("kind" IN ('full')),
  "started_at" TIMESTAMPTZ(3) NOT NULL,
  "finished_at" TIMESTAMPTZ(3) NOT NULL,
  "accounts" INTEGER NOT NULL,
  "changes" INTEGER NOT NULL
);
CREATE INDEX "journey_runs_finished_at_idx" ON "journey_runs"("finished_at" DESC);

CREATE TABLE "journey_portfolio_history" (
  "day" DATE NOT NULL PRIMARY KEY,
  "metrics" JSONB NOT NULL
);
