import "server-only";
import { db } from "../db";

export async function checkDatabase(): Promise<{ engine: "pglite" | "postgresql"; up: boolean; latencyMs?: number; migrations?: number }> {
  const { sql, engine } = db();
  const started = performance.now();
  try {
    const [row] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`);
    return { engine, up: true, latencyMs: Math.round(performance.now() - started), migrations: row?.n ?? 0 };
  } catch {
    return { engine, up: false };
  }
}
