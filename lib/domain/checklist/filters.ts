import { z } from "zod";
import { parseParams } from "../url-params";
import { STUCK_DEFAULT_DAYS, STUCK_MAX_DAYS } from "./progress";
import { STEP_IDS, type TStepId } from "./steps";

export const OVERVIEW_PAGE_SIZE = 25;
// Deep offsets get slow and nobody pages that far: narrow the filters instead.
export const OVERVIEW_MAX_PAGE = 400;

const FIELDS = {
  step: z.enum(STEP_IDS),
  csm: z.union([z.uuid(), z.literal("none")]),
  days: z.coerce.number().int().min(0).max(STUCK_MAX_DAYS),
  page: z.coerce.number().int().min(1).max(OVERVIEW_MAX_PAGE),
};

export type TOverviewFilters = { step?: TStepId; csm?: string; days: number; page: number };

/** Filters of the Onboarding page from the URL; a bad value is dropped and named in `ignored`. */
export function parseOverviewFilters(params: Record<string, string | string[] | undefined>): {
  filters: TOverviewFilters;
  ignored: string[];
} {
  const { values, ignored } = parseParams(FIELDS, params);
  return { filters: { days: STUCK_DEFAULT_DAYS, page: 1, ...values }, ignored };
}

/** The URL query for a filter set without its defaults. */
export function overviewQuery(f: TOverviewFilters, overrides: Partial<TOverviewFilters> = {}): string {
  const m = { ...f, ...overrides };
  const params = new URLSearchParams();
  if (m.step) params.set("step", m.step);
  if (m.csm) params.set("csm", m.csm);
  if (m.days !== STUCK_DEFAULT_DAYS) params.set("days", String(m.days));
  if (m.page !== 1) params.set("page", String(m.page));
  const s = params.toString();
  return s ? `?${s}` : "";
}
