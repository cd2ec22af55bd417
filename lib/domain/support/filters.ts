import { z } from "zod";
import { parseParams } from "../url-params";
import { HEALTH_PERIODS } from "./health";
import { PRIORITIES } from "./targets";

export const TICKET_PAGE_SIZE = 25;
export const SLA_FILTERS = ["breached", "near"] as const;
export const TICKET_STATUSES = ["open", "waiting_on_customer", "resolved", "unresolved"] as const;

const FIELDS = {
  priority: z.enum(PRIORITIES),
  status: z.enum(TICKET_STATUSES),
  csm: z.uuid(),
  account: z.uuid(),
  sla: z.enum(SLA_FILTERS),
  page: z.coerce.number().int().min(1).max(10_000),
};

export type TTicketFilters = {
  priority?: (typeof PRIORITIES)[number];
  status?: (typeof TICKET_STATUSES)[number];
  csm?: string;
  account?: string;
  sla?: (typeof SLA_FILTERS)[number];
  page: number;
};

/** The support list's filters from the URL; bad values are dropped and named in `ignored`. */
export function parseTicketFilters(params: Record<string, string | string[] | undefined>): {
  filters: TTicketFilters;
  ignored: string[];
} {
  const { values, ignored } = parseParams(FIELDS, params);
  return { filters: { ...values, page: values.page ?? 1 }, ignored };
}

export const parseHealthPeriod = (v: string | string[] | undefined) => {
  const r = z.enum(HEALTH_PERIODS).safeParse(Array.isArray(v) ? v[0] : v);
  return r.success ? r.data : "30d";
};
