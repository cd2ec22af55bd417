import { z } from "zod";
import { parseParams } from "../url-params";
import { zLine } from "../text/safe-text";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, "not a calendar date")
  .transform((s) => new Date(`${s}T00:00:00Z`));
// A precise moment (an incident's window links here): ISO 8601 in UTC, e.g. 2026-11-21T10:00:00.000Z.
const instant = z.iso.datetime().transform((s) => new Date(s));
const date = z.union([day, instant]);
const FIELDS = {
  actor: zLine(200).min(1),
  action: z
    .string()
    .trim()
    .regex(/^[a-z_]+(\.[a-z_]+)*$/)
    .max(100),
  target: zLine(200).min(1),
  from: date,
  to: date,
  before: z.coerce.number().int().positive(),
};

export type TLedgerQuery = {
  actor?: string;
  action?: string;
  target?: string;
  from?: Date;
  to?: Date;
  before?: number;
};

/**
 * Ledger filters from the URL. `from`/`to` are whole UTC days (`to` inclusive) or exact UTC moments
 * (both inclusive). Bad values are named.
 */
export function parseLedgerFilters(params: Record<string, string | string[] | undefined>): {
  filters: TLedgerQuery;
  ignored: string[];
} {
  const { values: filters, ignored } = parseParams(FIELDS, params);
  // `to` names a whole day: the range ends at the start of the next one.
  const rawTo = Array.isArray(params.to) ? params.to[0] : params.to;
  if (filters.to) filters.to = new Date(filters.to.getTime() + (rawTo?.includes("T") ? 1 : 86_400_000));
  return { filters, ignored };
}
