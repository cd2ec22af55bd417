import type { TImportRow } from "./import";
import type { TTicketEventType } from "./events";
import { NEAR_BREACH_SHARE, isPastDue } from "./targets";

export type TTicketStatus = "open" | "waiting_on_customer" | "resolved";

/** A ticket as lists and pages see it, with its clocks as of the last event (see the migration). */
export type TTicket = {
  id: string;
  accountId: string;
  accountName: string;
  accountLocale: "en" | "ar";
  csmId: string | null;
  csmName: string | null;
  subject: string;
  body: string;
  channel: string;
  priority: string;
  prioritySource: "auto" | "override";
  overrideReason: string | null;
  matchedKeyword: string | null;
  reasonEn: string;
  reasonAr: string;
  status: TTicketStatus;
  receivedAt: Date;
  resolvedAt: Date | null;
  firstResponseAt: Date | null;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  firstResponseNearAt: Date | null;
  resolutionNearAt: Date | null;
  firstResponseTargetMs: number;
  resolutionTargetMs: number;
  firstResponseElapsedMs: number;
  resolutionElapsedMs: number;
  firstResponseBreached: boolean;
  resolutionBreached: boolean;
};

export type TTicketEventDto = {
  id: string;
  type: TTicketEventType;
  at: Date;
  actorLabel: string;
  note: string;
  proposalId: string | null;
};

/** Where a clock stands now: met, breached, near breach or running (paused tickets have no due time). */
export type TClockView = "met" | "met_late" | "breached" | "near" | "running" | "paused";

/** The clock's state at `now` from the stored columns (the same rule the SQL filters use). */
export function clockView(
  t: {
    metAt: Date | null;
    dueAt: Date | null;
    nearAt: Date | null;
    breached: boolean;
    paused: boolean;
    elapsedMs: number;
    targetMs: number;
  },
  now: Date,
): TClockView {
  if (t.metAt) return t.breached ? "met_late" : "met";
  if (t.breached || (t.dueAt && isPastDue(t.dueAt, now))) return "breached";
  if (t.paused) return t.elapsedMs >= t.targetMs * NEAR_BREACH_SHARE ? "near" : "paused";
  if (t.nearAt && t.nearAt.getTime() <= now.getTime()) return "near";
  return "running";
}

/** A duration as its two largest non-zero units (days, hours, minutes), for "2 d 3 h" / "45 min". */
export function durationParts(ms: number): { unit: "d" | "h" | "m"; n: number }[] {
  const minutes = Math.max(0, Math.round(Math.abs(ms) / 60_000));
  const parts = [
    { unit: "d" as const, n: Math.floor(minutes / 1440) },
    { unit: "h" as const, n: Math.floor((minutes % 1440) / 60) },
    { unit: "m" as const, n: minutes % 60 },
  ];
  const first = parts.findIndex((p) => p.n > 0);
  if (first === -1) return [{ unit: "m", n: 0 }];
  return parts.slice(first, first + 2).filter((p) => p.n > 0);
}

export type TImportPreview =
  | { ok: true; rows: (TImportRow & { priority: string | null })[]; valid: number; invalid: number }
  | { ok: false; error: string; detail?: string };

export type TCreatedTicket = {
  id: string;
  account_id: string;
  priority: string;
  matched_keyword: string | null;
  reason_en: string;
  reason_ar: string;
  status: string;
  received_at: string;
  first_response_due_at: string | null;
  resolution_due_at: string | null;
};

/** The founders' critical-SLA notice: the 7-day breach rate and the freeze proposal made for it, if any. */
export type TSlaCriticalNotice = { rate: number; proposalId: string | null };
