import { checkDatabase } from "@/lib/data/health";

export const dynamic = "force-dynamic";

/** 200 when the database answers, 503 otherwise. Says which engine, never where or with what credentials. */
export async function GET() {
  const db = await checkDatabase();
  return Response.json(
    { status: db.up ? "ok" : "unavailable", database: db },
    { status: db.up ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
