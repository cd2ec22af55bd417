import { z } from "zod";
import { parseParams } from "../url-params";
import { zLine } from "../text/safe-text";
import { TIERS, type TTier } from "./tiers";
import { DAY_MS } from "../time/days";

// The filter bars list the tiers from here, next to the other filter values.
export { TIERS };

export const SIGNUP_AGES = ["7", "30", "90", "365", "older"] as const;
export const SORTS = ["signup_desc", "signup_asc", "name_asc", "contract_end_asc", "activity_desc"] as const;
export const PAGE_SIZE = 50;
// Deep offsets get slow and nobody pages that far: narrow the filters instead.
export const MAX_PAGE = 2000;
// A name search longer than any account name finds nothing; the list and the pickers cap it alike.
export const MAX_ACCOUNT_QUERY = 100;
/** The text of a name search (the accounts list's `q`, the account pickers). */
export const ZAccountQuery = zLine(MAX_ACCOUNT_QUERY);

const FIELDS = {
  q: ZAccountQuery,
  tier: z.enum(TIERS),
  csm: z.union([z.uuid(), z.literal("none")]),
  region: z.string().regex(/^[a-z_]{2,40}$/),
  age: z.enum(SIGNUP_AGES),
  sort: z.enum(SORTS),
  page: z.coerce.number().int().min(1).max(MAX_PAGE),
};

export type TAccountFilters = {
  q?: string;
  tier?: TTier;
  csm?: string;
  region?: string;
  age?: (typeof SIGNUP_AGES)[number];
  sort: (typeof SORTS)[number];
  page: number;
};

/**
 * Reads list filters from URL search params. Each parameter is validated on its own: a bad one is
 * dropped and named in `ignored` (the page says so) instead of failing the whole view.
 */
export function parseAccountFilters(params: Record<string, string | string[] | undefined>): {
  filters: TAccountFilters;
  ignored: string[];
} {
  const { values, ignored } = parseParams(FIELDS, params);
  return { filters: { sort: "signup_desc", page: 1, ...values }, ignored };
}

/** The URL query for a filter set, without defaults, so shared links stay short and stable. */
export function filtersToQuery(f: TAccountFilters, overrides: Partial<TAccountFilters> = {}): string {
  const merged = { ...f, ...overrides };
  const params = new URLSearchParams();
  for (const k of Object.keys(FIELDS) as (keyof typeof FIELDS)[]) {
    const v = merged[k];
    if (v === undefined || v === "" || (k === "sort" && v === "signup_desc") || (k === "page" && v === 1)) continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** Signup window for an age filter, relative to `now`. */
export function signupWindow(age: TAccountFilters["age"], now: Date): { gte?: Date; lt?: Date } {
  if (!age) return {};
  if (age === "older") return { lt: new Date(now.getTime() - 365 * DAY_MS) };
  return { gte: new Date(now.getTime() - Number(age) * DAY_MS) };
}
