import { z } from "zod";
import { parseParams } from "../url-params";

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, "not a calendar date")
  .transform((s) => new Date(`${s}T00:00:00Z`));
const FIELDS = {
  actor: z.string().trim().min(1).max(200),
  action: z
    .string()
    .trim()
    .regex(/^[a-z_]+(\.[a-z_]+)*$/)
    .max(100),
  target: z.string().trim().min(1).max(200),
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

/** Ledger filters from the URL (dates are whole UTC days; `to` is inclusive). Bad values are named. */
export function parseLedgerFilters(params: Record<string, string | string[] | undefined>): {
  filters: TLedgerQuery;
  ignored: string[];
} {
  const { values: filters, ignored } = parseParams(FIELDS, params);
  // `to` names a whole day: the range ends at the start of the next one.
  if (filters.to) filters.to = new Date(filters.to.getTime() + 86_400_000);
  return { filters, ignored };
}
