import type { TMilestone } from "./milestones";
import type { TTier } from "./tiers";

export type TAccountListItem = {
  id: string;
  name: string;
  tier: TTier;
  region: string;
  csmName: string | null;
  signupAt: Date;
  contractEnd: Date | null;
  lastActivityAt: Date | null;
};

export type TAccountEvent = {
  id: string;
  type: string;
  occurredAt: Date;
  actor: string;
  summary: string;
  /** The event's parameters (journey stage events are shown from them in the reader's language). */
  data?: unknown;
};

export type TAccountDetail = TAccountListItem & {
  preferredLocale: "en" | "ar";
  csmId: string | null;
  contractStart: Date | null;
  milestones: Record<TMilestone, boolean>;
  onboardingCompletedAt: Date | null;
  nudgesSentAt: { day1: Date | null; day3: Date | null; day7: Date | null };
  contacts: { id: string; name: string; email: string; role: string }[];
};

/** Whole days from `now` until a calendar date (negative once past). */
export function daysUntil(date: Date, now: Date): number {
  const startOfToday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((date.getTime() - startOfToday) / 86_400_000);
}

/** An account as a picker lists it: the name, and what tells two accounts of one name apart. */
export type TAccountOption = { id: string; name: string; region: string; csmName: string | null };
