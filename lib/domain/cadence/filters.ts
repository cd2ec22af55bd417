import { z } from "zod";
import { parseParams } from "../url-params";
import { CADENCE_TYPES, TASK_STATUSES, type TCadenceType } from "./types";

export const TASK_PAGE_SIZE = 50;
export const MAX_TASK_PAGE = 200;
export const DUE_WINDOWS = ["overdue", "today", "week", "all"] as const;
export const TASK_STATUS_FILTERS = [...TASK_STATUSES, "all"] as const;

const FIELDS = {
  csm: z.union([z.uuid(), z.literal("all")]),
  status: z.enum(TASK_STATUS_FILTERS),
  type: z.enum(CADENCE_TYPES),
  due: z.enum(DUE_WINDOWS),
  account: z.uuid(),
  page: z.coerce.number().int().min(1).max(MAX_TASK_PAGE),
};

export type TTaskFilters = {
  /** A CSM's id, or "all" (founders and analysts); absent means the signed-in user. */
  csm?: string;
  status: (typeof TASK_STATUS_FILTERS)[number];
  type?: TCadenceType;
  due: (typeof DUE_WINDOWS)[number];
  /** One account's tasks only (linked from the account's Success tab). */
  account?: string;
  page: number;
};

/** "My tasks" filters from the URL; a bad value is dropped and named in `ignored`. */
export function parseTaskFilters(params: Record<string, string | string[] | undefined>) {
  const { values, ignored } = parseParams(FIELDS, params);
  const filters: TTaskFilters = { status: "open", due: "all", page: 1, ...values };
  return { filters, ignored };
}

export function taskFiltersToQuery(f: TTaskFilters, overrides: Partial<TTaskFilters> = {}): string {
  const merged = { ...f, ...overrides };
  const params = new URLSearchParams();
  for (const k of Object.keys(FIELDS) as (keyof typeof FIELDS)[]) {
    const v = merged[k];
    if (
      v === undefined ||
      (k === "status" && v === "open") ||
      (k === "due" && v === "all") ||
      (k === "page" && v === 1)
    )
      continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}
