-- Incidents (issue 5): triage answers, timers, response-plan check-offs, the update log and the
-- post-mortem, on top of the shared core tables (20261121055000). `status` and `incident_accounts`
-- keep their shape: journeys read "open incident affecting the account" as status <> 'closed'.
-- Plus the copy guard's record of edits to pending proposals (who changed a draft, hash before/after).

ALTER TABLE "incidents"
  ADD COLUMN "data_leak" TEXT NOT NULL DEFAULT 'no' CHECK ("data_leak" IN ('yes', 'no', 'unsure')),
  ADD COLUMN "unauthorized_send" TEXT NOT NULL DEFAULT 'no' CHECK ("unauthorized_send" IN ('yes', 'no', 'unsure')),
  ADD COLUMN "affected_count" INTEGER CHECK ("affected_count" IS NULL OR "affected_count" >= 0),
  ADD COLUMN "triage_unsure" BOOLEAN NOT NULL DEFAULT FALSE,
  ADD COLUMN "triage_reasons" TEXT NOT NULL DEFAULT '[]',
  ADD COLUMN "triaged_at" TIMESTAMPTZ(3),
  ADD COLUMN "first_action_at" TIMESTAMPTZ(3),
  ADD COLUMN "last_update_at" TIMESTAMPTZ(3),
  ADD COLUMN "mitigated_at" TIMESTAMPTZ(3),
  ADD COLUMN "froze_system" BOOLEAN NOT NULL DEFAULT FALSE;

-- The update log: first action, regular updates, and what the system recorded (triage, status, freeze).
CREATE TABLE "incident_updates" (
  "id" UUID NOT NULL PRIMARY KEY,
  "incident_id" UUID NOT NULL REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "kind" TEXT NOT NULL CHECK ("kind" IN ('first_action', 'update', 'triage', 'status', 'freeze')),
  "body" TEXT NOT NULL CHECK (char_length("body") <= 5000),
  "author_id" UUID REFERENCES "users"("id") ON DELETE SET NULL,
  "author_label" TEXT NOT NULL,
  "at" TIMESTAMPTZ(3) NOT NULL
);
CREATE INDEX "incident_updates_incident_id_at_idx" ON "incident_updates"("incident_id", "at" DESC);

-- One row per checked plan step; the primary key makes concurrent check-offs of one step collide.
CREATE TABLE "incident_plan_steps" (
  "incident_id" UUID NOT NULL REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "step" TEXT NOT NULL CHECK (char_length("step") BETWEEN 1 AND 60),
  "done_at" TIMESTAMPTZ(3) NOT NULL,
  "done_by" TEXT NOT NULL,
  PRIMARY KEY ("incident_id", "step")
);

CREATE TABLE "incident_postmortems" (
  "incident_id" UUID NOT NULL PRIMARY KEY REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "summary" TEXT NOT NULL DEFAULT '',
  "timeline" TEXT NOT NULL DEFAULT '',
  "root_cause" TEXT NOT NULL DEFAULT '',
  "impact" TEXT NOT NULL DEFAULT '',
  "went_well" TEXT NOT NULL DEFAULT '',
  "to_improve" TEXT NOT NULL DEFAULT '',
  "action_items" TEXT NOT NULL DEFAULT '[]',
  "updated_by" TEXT NOT NULL,
  "updated_at" TIMESTAMPTZ(3) NOT NULL
);

-- Each edit of a pending proposal's customer-facing text. The last editor may not approve the draft
-- (maker ≠ checker holds for whoever wrote the words the customer will read).
CREATE TABLE "proposal_edits" (
  "id" UUID NOT NULL PRIMARY KEY,
  "proposal_id" UUID NOT NULL REFERENCES "proposals"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "editor_id" TEXT NOT NULL,
  "editor_label" TEXT NOT NULL,
  "before_hash" TEXT NOT NULL,
  "after_hash" TEXT NOT NULL,
  "at" TIMESTAMPTZ(3) NOT NULL
);
CREATE INDEX "proposal_edits_proposal_id_at_idx" ON "proposal_edits"("proposal_id", "at" DESC);
