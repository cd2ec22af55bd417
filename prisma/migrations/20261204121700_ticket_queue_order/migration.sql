-- The order of every ticket list, "what needs a person first" (spec "Support tickets and SLA"; the
-- rule and its reasons are lib/domain/support/queue-order.ts, which an integration test holds these
-- columns to). Generated from the stored clock columns, so they never go stale and need no writer:
--   queue_rank    0–3 for open P0–P3 (an unknown priority ranks with P3), 4 for resolved;
--   queue_due_at  the due time that matters now: first response while unanswered, else resolution
--                 (NULL while paused before reaching it, and for resolved tickets);
--   queue_left_ms target minus counted time of that clock (orders paused tickets among themselves).
-- Lists sort by (queue_rank, queue_due_at, queue_left_ms, resolved_at DESC, received_at, id); the
-- index below serves that order, so page 1 of 100 000 tickets reads the first 25 index entries.
ALTER TABLE "support_tickets"
  ADD COLUMN "queue_rank" SMALLINT GENERATED ALWAYS AS (
    CASE WHEN "status" = 'resolved' THEN 4
         WHEN "priority" = 'P0' THEN 0
         WHEN "priority" = 'P1' THEN 1
         WHEN "priority" = 'P2' THEN 2
         ELSE 3 END) STORED,
  ADD COLUMN "queue_due_at" TIMESTAMPTZ(3) GENERATED ALWAYS AS (
    CASE WHEN "status" = 'resolved' THEN NULL
         WHEN "first_response_at" IS NULL THEN "first_response_due_at"
         ELSE "resolution_due_at" END) STORED,
  ADD COLUMN "queue_left_ms" BIGINT GENERATED ALWAYS AS (
    CASE WHEN "status" = 'resolved' THEN NULL
         WHEN "first_response_at" IS NULL THEN "first_response_target_ms" - "first_response_elapsed_ms"
         ELSE "resolution_target_ms" - "resolution_elapsed_ms" END) STORED;

CREATE INDEX "support_tickets_queue_idx" ON "support_tickets" (
  "queue_rank", "queue_due_at" ASC NULLS LAST, "queue_left_ms" ASC NULLS LAST, "resolved_at" DESC NULLS LAST,
  "received_at", "id");
