import { z } from "zod";
import { TIERS, type TTier } from "../accounts/tiers";
import { parseParams } from "../url-params";
import { SEVERITIES, type TSeverity } from "./score";

export const RISK_PAGE_SIZE = 50;
export const MAX_RISK_PAGE = 2000;

const FIELDS = {
  severity: z.enum(SEVERITIES),
  csm: z.union([z.uuid(), z.literal("none")]),
  tier: z.enum(TIERS),
  page: z.coerce.number().int().min(1).max(MAX_RISK_PAGE),
};

export type TRiskFilters = { severity?: TSeverity; csm?: string; tier?: TTier; page: number };

export function parseRiskFilters(params: Record<string, string | string[] | undefined>) {
  const { values, ignored } = parseParams(FIELDS, params);
  return { filters: { page: 1, ...values } as TRiskFilters, ignored };
}

export function riskFiltersToQuery(f: TRiskFilters, overrides: Partial<TRiskFilters> = {}): string {
  const merged = { ...f, ...overrides };
  const params = new URLSearchParams();
  for (const k of Object.keys(FIELDS) as (keyof typeof FIELDS)[]) {
    const v = merged[k];
    if (v === undefined || (k === "page" && v === 1)) continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}
