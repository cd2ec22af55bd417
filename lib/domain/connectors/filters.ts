import { z } from "zod";
import { parseParams } from "../url-params";

// Deep offsets get slow and nobody pages that far: narrow the filters instead.
export const BLOCKED_MAX_PAGE = 400;

const FIELDS = {
  csm: z.union([z.uuid(), z.literal("none")]),
  page: z.coerce.number().int().min(1).max(BLOCKED_MAX_PAGE),
};

export type TConnectorFilters = { csm?: string; page: number };

/** Filters of the Connectors page from the URL; a bad value is dropped and named in `ignored`. */
export function parseConnectorFilters(params: Record<string, string | string[] | undefined>): {
  filters: TConnectorFilters;
  ignored: string[];
} {
  const { values, ignored } = parseParams(FIELDS, params);
  return { filters: { page: 1, ...values }, ignored };
}

export function connectorQuery(f: TConnectorFilters, overrides: Partial<TConnectorFilters> = {}): string {
  const m = { ...f, ...overrides };
  const params = new URLSearchParams();
  if (m.csm) params.set("csm", m.csm);
  if (m.page !== 1) params.set("page", String(m.page));
  const s = params.toString();
  return s ? `?${s}` : "";
}
