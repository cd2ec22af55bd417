import "server-only";
import { seedCsmTasksDone, seedJourneys, seedTouchpointAccounts } from "../data/journey-seed";
import { seedDemoRows, type TSeedOptions, type TSeedResult } from "../data/seed";
import { reevaluateAccount } from "../actions/journey-reevaluate";

/**
 * Demo data: users, accounts and every area's rows (lib/data/seed.ts), then journeys — criteria marks
 * and evaluations as rows, and touchpoints planned through the engine for a few accounts (so some are
 * held back by the guardrails and released ones are approval-first proposals, as the tick would make
 * them). Idempotent like its parts. `npm start` (first run) and `npm run db:seed` call it.
 */
export async function seedDemo(options: TSeedOptions): Promise<TSeedResult> {
  const { seed, now = new Date(), log = () => undefined } = options;
  const result = await seedDemoRows({ ...options, now });
  const journeys = await seedJourneys({ seed, now });
  const planned = await seedTouchpointAccounts(journeys.ids, now);
  for (const id of planned) await reevaluateAccount(id, { now });
  const done = await seedCsmTasksDone(planned, now, seed);
  log(`journeys: ${journeys.rows + done} rows`);
  return result;
}
