import "server-only";
import { prisma } from "../db";
import { DEFAULT_CALENDAR, ZCalendar, type TCalendar } from "../domain/support/calendar";
import { DEFAULT_KEYWORDS, ZStoredKeywordLists, type TKeywordLists } from "../domain/support/classify";
import type { Tx } from "./tx";

export type TSupportSettings = { keywords: TKeywordLists; calendar: TCalendar; updatedAt: Date | null; updatedBy: string | null };

function parseJson<T>(text: string, schema: { safeParse: (v: unknown) => { success: boolean; data?: T } }, fallback: T): T {
  try {
    const r = schema.safeParse(JSON.parse(text));
    return r.success ? (r.data as T) : fallback;
  } catch {
    return fallback;
  }
}

/** The founders' keyword lists and calendar; the spec's defaults until someone saves them. */
export async function getSupportSettings(client: Pick<Tx, "supportSettings"> = prisma()): Promise<TSupportSettings> {
  const row = await client.supportSettings.findUnique({ where: { id: 1 } });
  if (!row) return { keywords: DEFAULT_KEYWORDS, calendar: DEFAULT_CALENDAR, updatedAt: null, updatedBy: null };
  return {
    keywords: parseJson(row.keywords, ZStoredKeywordLists, DEFAULT_KEYWORDS),
    calendar: parseJson(row.calendar, ZCalendar, DEFAULT_CALENDAR),
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

export async function saveSupportSettings(
  tx: Tx,
  s: { keywords: TKeywordLists; calendar: TCalendar; by: string; now: Date },
): Promise<void> {
  const data = { keywords: JSON.stringify(s.keywords), calendar: JSON.stringify(s.calendar), updatedAt: s.now, updatedBy: s.by };
  await tx.supportSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
}
