import type { TSeverity } from "./triage";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

// Spec: first action within 15 / 30 / 120 min; updates every 30 / 60 / 240 min.
export const FIRST_ACTION_MINUTES: Record<TSeverity, number> = { SEV1: 15, SEV2: 30, SEV3: 120 };
export const UPDATE_EVERY_MINUTES: Record<TSeverity, number> = { SEV1: 30, SEV2: 60, SEV3: 240 };
// Spec: personal-data-protection notification within 72 hours of a data leak.
export const LEAK_NOTIFY_HOURS = 72;
// Spec: SEV1 post-mortem within 24 h, SEV2 within 48 h, SEV3 optional.
export const POSTMORTEM_HOURS: Record<TSeverity, number | null> = { SEV1: 24, SEV2: 48, SEV3: null };

export type TTimer = { dueAt: Date; overdue: boolean; remainingMs: number; done: boolean };

export type TTimerInput = {
  severity: TSeverity;
  status: "open" | "mitigated" | "closed";
  openedAt: Date;
  firstActionAt: Date | null;
  lastUpdateAt: Date | null;
  mitigatedAt: Date | null;
  closedAt: Date | null;
  /** A data leak (answered yes or unsure) starts the 72-hour notification clock. */
  leak: boolean;
  /** When the authority notification step was checked off; stops that countdown. */
  leakNotifiedAt: Date | null;
};

export type TIncidentTimers = {
  firstAction: TTimer;
  /** Null once the incident is closed: nobody owes updates any more. */
  nextUpdate: TTimer | null;
  leakNotification: TTimer | null;
  postmortem: { dueAt: Date } | null;
};

// Like SLA targets, a timer is overdue only when the time is strictly past the due moment.
function timer(dueAt: Date, now: Date, doneAt: Date | null): TTimer {
  const done = doneAt !== null;
  const overdue = !done && now.getTime() > dueAt.getTime();
  return { dueAt, overdue, remainingMs: dueAt.getTime() - now.getTime(), done };
}

const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

/**
 * Every clock of an incident at `now`. The update cadence runs from the latest of opening, first
 * action and last update; a re-triage changes the cadence from the same anchors. Pure.
 */
export function incidentTimers(i: TTimerInput, now: Date): TIncidentTimers {
  const firstAction = timer(plus(i.openedAt, FIRST_ACTION_MINUTES[i.severity] * MINUTE), now, i.firstActionAt);
  const anchors = [i.openedAt, i.firstActionAt, i.lastUpdateAt].filter((d): d is Date => d !== null);
  const anchor = new Date(Math.max(...anchors.map((d) => d.getTime())));
  const nextUpdate =
    i.status === "closed" ? null : timer(plus(anchor, UPDATE_EVERY_MINUTES[i.severity] * MINUTE), now, null);
  const leakNotification = i.leak ? timer(plus(i.openedAt, LEAK_NOTIFY_HOURS * HOUR), now, i.leakNotifiedAt) : null;
  const pmHours = POSTMORTEM_HOURS[i.severity];
  const resolvedAt = i.mitigatedAt ?? i.closedAt;
  const postmortem = pmHours !== null && resolvedAt ? { dueAt: plus(resolvedAt, pmHours * HOUR) } : null;
  return { firstAction, nextUpdate, leakNotification, postmortem };
}

/** True when an open incident owes an update (the list highlights these). */
export const updateOverdue = (t: TIncidentTimers): boolean => (t.nextUpdate?.overdue ?? false) || t.firstAction.overdue;
