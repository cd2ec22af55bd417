import { z } from "zod";
import { ANSWERS, SEVERITIES } from "./triage";
import { ALL_STEP_IDS } from "./plan";
import { zLine, zMultiline } from "../text/safe-text";

// Spec: title ≤ 120 characters, description ≤ 5000.
export const MAX_TITLE = 120;
export const MAX_DESCRIPTION = 5000;
export const MAX_UPDATE = 5000;
export const MAX_SECTION = 5000;
// A large incident may touch thousands of accounts; beyond that the count field carries the number.
export const MAX_LINKED_ACCOUNTS = 2000;
export const MAX_AFFECTED = 10_000_000;
export const MAX_ACTION_ITEMS = 50;

export const INCIDENT_STATUSES = ["open", "mitigated", "closed"] as const;
export type TIncidentStatus = (typeof INCIDENT_STATUSES)[number];

// Status as a table: mitigated can reopen; closed is final.
const STATUS_TRANSITIONS: Record<TIncidentStatus, readonly TIncidentStatus[]> = {
  open: ["mitigated", "closed"],
  mitigated: ["open", "closed"],
  closed: [],
};
export const canMoveStatus = (from: TIncidentStatus, to: TIncidentStatus): boolean =>
  STATUS_TRANSITIONS[from].includes(to);

export const ZTriageAnswers = z.object({
  data_leak: z.enum(ANSWERS),
  unauthorized_send: z.enum(ANSWERS),
  // null: the number of affected customers is not known yet.
  affected: z.number().int().min(0).max(MAX_AFFECTED).nullable(),
  unsure: z.boolean().default(false),
});

export const ZCreateIncident = z.object({
  title: zLine(MAX_TITLE).min(1),
  description: zMultiline(MAX_DESCRIPTION).default(""),
  account_ids: z
    .array(z.uuid())
    .max(MAX_LINKED_ACCOUNTS)
    .default([])
    .transform((ids) => [...new Set(ids)]),
  triage: ZTriageAnswers,
});
export type TCreateIncident = z.infer<typeof ZCreateIncident>;

export const ZRetriage = z.object({ id: z.uuid(), triage: ZTriageAnswers });
export const ZIncidentNote = z.object({ id: z.uuid(), body: zMultiline(MAX_UPDATE).min(1) });
export const ZPlanStep = z.object({
  id: z.uuid(),
  step: z.enum(ALL_STEP_IDS as [string, ...string[]]),
  done: z.boolean(),
});
export const ZStatusChange = z.object({
  id: z.uuid(),
  to: z.enum(INCIDENT_STATUSES),
  note: zMultiline(MAX_UPDATE).default(""),
});

// Spec: post-mortem template — summary, timeline, root cause, impact, what went well, what to
// improve, action items with owners.
export const POSTMORTEM_SECTIONS = ["summary", "timeline", "root_cause", "impact", "went_well", "to_improve"] as const;
export type TPostmortemSection = (typeof POSTMORTEM_SECTIONS)[number];
const section = zMultiline(MAX_SECTION).default("");
export const ZActionItem = z.object({
  action: zLine(500).min(1),
  owner: zLine(120).min(1),
  due: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export const ZPostmortem = z.object({
  id: z.uuid(),
  summary: section,
  timeline: section,
  root_cause: section,
  impact: section,
  went_well: section,
  to_improve: section,
  action_items: z.array(ZActionItem).max(MAX_ACTION_ITEMS).default([]),
});
export type TPostmortemInput = z.infer<typeof ZPostmortem>;
export type TActionItem = z.infer<typeof ZActionItem>;

export { SEVERITIES };
