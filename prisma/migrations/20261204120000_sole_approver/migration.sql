-- Sole approver (spec: approvals-and-ledger.md): the founders' cooling-off before the only person who
-- may decide a proposal, being its maker, may decide it anyway. Spec defaults: 15 minutes for unfreeze,
-- 60 for every other kind; 0 allowed; below the 7-day expiry, or a proposal could never be decided.
ALTER TABLE "system_state"
  ADD COLUMN "sole_approver_unfreeze_minutes" INTEGER NOT NULL DEFAULT 15,
  ADD COLUMN "sole_approver_other_minutes" INTEGER NOT NULL DEFAULT 60,
  ADD CONSTRAINT "system_state_sole_approver_minutes_check"
    CHECK ("sole_approver_unfreeze_minutes" BETWEEN 0 AND 10079 AND "sole_approver_other_minutes" BETWEEN 0 AND 10079);
