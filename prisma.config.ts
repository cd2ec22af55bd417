import { defineConfig } from "prisma/config";

// Only `prisma generate` runs here: migrate commands need a schema engine binary that cannot be
// downloaded offline, so SQL migrations are applied by scripts/db-migrate.ts.
export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/placeholder" },
});
