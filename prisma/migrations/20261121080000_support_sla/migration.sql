-- Support tickets with SLA clocks (issue 5). The ticket row keeps what the clocks say as of its last
-- event (targets, due times, elapsed business time, breach flags), so the SLA health report and the
-- lists aggregate in SQL; "breached as of now" is `breached OR (not met AND due_at < now)`.
ALTER TABLE "support_tickets"
  ADD COLUMN "matched_keyword" TEXT,
  ADD COLUMN "reason_en" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "reason_ar" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "priority_source" TEXT NOT NULL DEFAULT 'auto' CHECK ("priority_source" IN ('auto', 'override')),
  ADD COLUMN "override_reason" TEXT,
  -- Re-importing the same file adds nothing: sha256 of the account and the source's id (or the content).
  ADD COLUMN "import_key" TEXT,
  -- When the first-response clock stopped: the first response, or the resolution if none came first.
  ADD COLUMN "first_response_at" TIMESTAMPTZ(3),
  ADD COLUMN "first_response_target_ms" BIGINT,
  ADD COLUMN "resolution_target_ms" BIGINT,
  ADD COLUMN "first_response_due_at" TIMESTAMPTZ(3),
  ADD COLUMN "resolution_due_at" TIMESTAMPTZ(3),
  ADD COLUMN "first_response_near_at" TIMESTAMPTZ(3),
  ADD COLUMN "resolution_near_at" TIMESTAMPTZ(3),
  -- Counted time (business time, or wall time for P0) up to the stop or up to "sla_computed_at".
  ADD COLUMN "first_response_elapsed_ms" BIGINT,
  ADD COLUMN "resolution_elapsed_ms" BIGINT,
  ADD COLUMN "first_response_breached" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "resolution_breached" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "sla_computed_at" TIMESTAMPTZ(3);

CREATE UNIQUE INDEX "support_tickets_import_key_key" ON "support_tickets"("import_key");
CREATE INDEX "support_tickets_priority_status_idx" ON "support_tickets"("priority", "status");
CREATE INDEX "support_tickets_open_due_idx" ON "support_tickets"("resolution_due_at") WHERE "status" <> 'resolved';

CREATE TABLE "support_ticket_events" (
  "id" UUID NOT NULL PRIMARY KEY,
  -- Insertion order breaks ties between events at the same instant (opened then paused, say).
  "seq" BIGINT GENERATED ALWAYS AS IDENTITY,
  "ticket_id" UUID NOT NULL REFERENCES "support_tickets"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "type" TEXT NOT NULL
    CHECK ("type" IN ('opened', 'first_response', 'resolved', 'escalated', 'paused', 'resumed')),
  "at" TIMESTAMPTZ(3) NOT NULL,
  "actor_label" TEXT NOT NULL,
  "note" TEXT NOT NULL DEFAULT '' CHECK (char_length("note") <= 1000),
  "proposal_id" UUID REFERENCES "proposals"("id") ON DELETE SET NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "support_ticket_events_ticket_id_seq_idx" ON "support_ticket_events"("ticket_id", "seq");

-- Founders' settings for support: keyword lists per priority and the business-hours calendar (JSON,
-- validated by lib/domain/support on write and read). One row; absent means the spec's defaults.
CREATE TABLE "support_settings" (
  "id" INTEGER NOT NULL PRIMARY KEY DEFAULT 1 CHECK ("id" = 1),
  "keywords" TEXT NOT NULL,
  "calendar" TEXT NOT NULL,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_by" TEXT NOT NULL
);
