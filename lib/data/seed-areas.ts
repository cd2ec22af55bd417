import "server-only";
import type { SqlClient } from "../db/sql-client";
import { CHECKLIST_SEEDER } from "./checklist-seed";
import { SUCCESS_SEEDER } from "./success-seed";
import { INCIDENTS_SEEDER } from "./incidents-seed";
import { supportSeeder } from "./support-seed";

/**
 * Demo data for each area beyond accounts (tickets, incidents, checklists, …; journeys, which plan
 * touchpoints through the engine, are seeded by lib/jobs/seed-demo.ts after these). Each seeder
 * runs after the accounts are in, derives everything from `seed` and the accounts present, and is
 * idempotent (ON CONFLICT DO NOTHING), so re-seeding adds nothing twice. Returns rows inserted.
 */
export type TAreaSeeder = {
  area: string;
  seed: (sql: SqlClient, ctx: { seed: number; now: Date }) => Promise<number>;
};

// One line per area; order matters only where an area reads another's rows.
export const SEED_AREAS: readonly TAreaSeeder[] = [
  CHECKLIST_SEEDER,
  SUCCESS_SEEDER,
  INCIDENTS_SEEDER,
  supportSeeder,
];
