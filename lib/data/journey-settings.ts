import "server-only";
import { DEFAULT_WEEKLY_LIMIT } from "../domain/journeys/guardrails";
import { DEFAULT_WEIGHTS, ZWeights, type TWeights } from "../domain/journeys/health";
import { DEFAULT_PLAN, ZPlan, type TTouchpointDef } from "../domain/journeys/plan";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { sqlQuery, type TQuery } from "./journey-query";

export type TJourneySettings = {
  weeklyLimit: number;
  weights: TWeights;
  plan: readonly TTouchpointDef[];
  /** Whether weights / plan are the spec's defaults (never edited). */
  defaults: { weights: boolean; plan: boolean };
  updatedAt: Date;
  updatedBy: string | null;
};

/** The settings row; a stored value that no longer validates falls back to the default (and says so). */
export async function readJourneySettings(q: TQuery): Promise<TJourneySettings> {
  const [row] = await q<{ weekly_limit: number; weights: unknown; plan: unknown; updated_at: Date; updated_by: string | null }>(
    Prisma.sql`SELECT weekly_limit, weights, plan, updated_at, updated_by FROM journey_settings WHERE id = 1`,
  );
  const weights = ZWeights.safeParse(row?.weights);
  const plan = ZPlan.safeParse(row?.plan);
  return {
    weeklyLimit: row?.weekly_limit ?? DEFAULT_WEEKLY_LIMIT,
    weights: weights.success ? weights.data : DEFAULT_WEIGHTS,
    plan: plan.success ? plan.data : DEFAULT_PLAN,
    defaults: { weights: !weights.success, plan: !plan.success },
    updatedAt: row?.updated_at ?? new Date(0),
    updatedBy: row?.updated_by ?? null,
  };
}

export async function writeJourneySettings(
  q: TQuery,
  s: { weeklyLimit: number; weights: TWeights; plan: readonly TTouchpointDef[]; by: string },
): Promise<void> {
  await q(Prisma.sql`INSERT INTO journey_settings (id, weekly_limit, weights, plan, updated_at, updated_by)
     VALUES (1, ${s.weeklyLimit}::int, ${JSON.stringify(s.weights)}::jsonb, ${JSON.stringify(s.plan)}::jsonb, now(), ${s.by})
     ON CONFLICT (id) DO UPDATE SET weekly_limit = EXCLUDED.weekly_limit, weights = EXCLUDED.weights,
       plan = EXCLUDED.plan, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`);
}

/** The settings on the default connection (for pages). */
export function readJourneySettingsNow(): Promise<TJourneySettings> {
  return readJourneySettings(sqlQuery(db().sql));
}
