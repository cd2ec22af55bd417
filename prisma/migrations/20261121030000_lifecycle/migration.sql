-- The lifecycle tick: at most one live proposal per (account, nudge template) and per account's
-- auto-completion, enforced by the database so two concurrent ticks (or a tick and an agent) cannot
-- both propose it; and the heuristic's decisions per tick.

-- `nudge:<account>:<template>` or `auto_complete:<account>`; NULL for kinds that need no dedupe.
ALTER TABLE "proposals" ADD COLUMN "dedupe_key" TEXT;
-- Live states only: a rejected, expired or failed proposal stays as history and no longer blocks.
CREATE UNIQUE INDEX "proposals_dedupe_key_live" ON "proposals"("dedupe_key")
  WHERE "dedupe_key" IS NOT NULL AND "state" IN ('pending', 'approved', 'dispatched', 'delivered');

CREATE TABLE "nudge_decisions" (
  "id" UUID NOT NULL PRIMARY KEY,
  -- Epoch seconds of the tick's start, the `run_id` of its heuristic log rows.
  "run_id" BIGINT NOT NULL,
  "account_id" UUID NOT NULL REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "template" TEXT NOT NULL
    CHECK ("template" IN ('day1-pair-screen', 'day3-upload-content', 'day7-create-schedule', 'none')),
  "action" TEXT NOT NULL CHECK ("action" IN ('send_nudge', 'auto_complete', 'none')),
  "reason" TEXT NOT NULL,
  "decided_at" TIMESTAMPTZ(3) NOT NULL
);
CREATE INDEX "nudge_decisions_run_id_idx" ON "nudge_decisions"("run_id");
CREATE INDEX "nudge_decisions_account_id_decided_at_idx" ON "nudge_decisions"("account_id", "decided_at" DESC);
