-- Onboarding checklist and connectors per account (spec customer-ops "Onboarding checklist",
-- "Connectors"). A missing row means "not done yet" / "not_started": accounts need no rows until
-- someone acts, and the demo seeder writes only what it wants to show.

-- One row per (account, step) once someone completed it or wrote a note. An approval-gated step is
-- complete only when `completed_at` is set, which the approval effect does; a pending proposal is
-- found through proposals.dedupe_key `checklist:<account>:<step>`.
CREATE TABLE "checklist_steps" (
  "account_id" UUID NOT NULL REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "step_id" TEXT NOT NULL CHECK ("step_id" IN ('select_goal', 'select_bundle', 'company_intake',
    'connect_channels', 'upload_or_source', 'risk_review', 'first_service_run', 'first_proof_pack')),
  "completed_at" TIMESTAMPTZ(3),
  -- Who completed it (for a gated step: who proposed it) and, for a gated step, who approved it.
  "completed_by" TEXT,
  "approved_by" TEXT,
  "proposal_id" UUID,
  "note" TEXT NOT NULL DEFAULT '' CHECK (char_length("note") <= 200),
  "updated_at" TIMESTAMPTZ(3) NOT NULL,
  "updated_by" TEXT NOT NULL,
  PRIMARY KEY ("account_id", "step_id"),
  CHECK (("completed_at" IS NULL) = ("completed_by" IS NULL))
);
CREATE INDEX "checklist_steps_completed_idx" ON "checklist_steps"("account_id", "completed_at")
  WHERE "completed_at" IS NOT NULL;

CREATE TABLE "account_connectors" (
  "account_id" UUID NOT NULL REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "connector_key" TEXT NOT NULL CHECK ("connector_key" IN ('gmail', 'google_calendar', 'google_sheets',
    'moyasar', 'whatsapp_cloud', 'website_forms', 'linkedin_lead_forms', 'google_business_profile',
    'crm_generic', 'google_meet', 'instagram_graph')),
  "state" TEXT NOT NULL CHECK ("state" IN ('not_started', 'configuring', 'connected_draft_only',
    'connected_approved_execute', 'failed', 'skipped')),
  "updated_at" TIMESTAMPTZ(3) NOT NULL,
  "updated_by" TEXT NOT NULL,
  -- The approved `connector_execute` proposal that moved it to connected_approved_execute.
  "proposal_id" UUID,
  PRIMARY KEY ("account_id", "connector_key")
);
CREATE INDEX "account_connectors_key_state_idx" ON "account_connectors"("connector_key", "state");
