-- Journey catch-up window (issue 6): a touchpoint that fell due longer ago than its owner's catch-up
-- window when the engine first planned it (or a guardrail would release it) is recorded as `missed` —
-- never proposed to the customer nor assigned to a CSM — so the journey tab can say why it was not sent.
-- A missed automated touchpoint keeps the guardrail that held it back until it was too late, if any.
ALTER TABLE "journey_touchpoints" DROP CONSTRAINT "journey_touchpoints_status_check";
ALTER TABLE "journey_touchpoints" ADD CONSTRAINT "journey_touchpoints_status_check"
  CHECK ("status" IN ('planned', 'held', 'proposed', 'done', 'skipped', 'missed'));
ALTER TABLE "journey_touchpoints" DROP CONSTRAINT "journey_touchpoints_check";
ALTER TABLE "journey_touchpoints" ADD CONSTRAINT "journey_touchpoints_held_reason_status_check"
  CHECK ("status" = 'missed' OR ("status" = 'held') = ("held_reason" IS NOT NULL));
