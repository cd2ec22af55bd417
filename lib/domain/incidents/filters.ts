import { z } from "zod";
import { parseParams } from "../url-params";
import { INCIDENT_STATUSES } from "./schemas";
import { SEVERITIES } from "./triage";

const FIELDS = { status: z.enum(["active", "all", ...INCIDENT_STATUSES]), severity: z.enum(SEVERITIES) };

export type TIncidentFilters = {
  status: "active" | "all" | (typeof INCIDENT_STATUSES)[number];
  severity?: (typeof SEVERITIES)[number];
};

/** Incident list filters from the URL (default: everything, open first); bad values are named. */
export function parseIncidentFilters(params: Record<string, string | string[] | undefined>): {
  filters: TIncidentFilters;
  ignored: string[];
} {
  const { values, ignored } = parseParams(FIELDS, params);
  return { filters: { status: "all", ...values }, ignored };
}
