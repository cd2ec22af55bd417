// Accounts for the lifecycle integration tests. Each test places its accounts around its own `now`,
// far from today (other test files, sharing one PostgreSQL database, create accounts at today's
// date), so candidate listings and ticks see only the accounts the test made.
import { randomUUID } from "node:crypto";
import { db } from "../lib/db";

export const DAY = 86_400_000;

export type TAccountSpec = {
  days: number;
  tier?: string;
  locale?: "en" | "ar";
  flags?: Partial<
    Record<"welcomed" | "screenPaired" | "contentUploaded" | "playlistCreated" | "scheduleCreated", boolean>
  >;
  sent?: Partial<Record<"nudgeDay1SentAt" | "nudgeDay3SentAt" | "nudgeDay7SentAt", Date>>;
  completedAt?: Date;
};

/** Creates an account `days` (plus a few hours) before `now`, with one contact; returns its id. */
export async function createAccountAt(now: Date, s: TAccountSpec): Promise<string> {
  const id = randomUUID();
  const locale = s.locale ?? "en";
  await db().prisma.account.create({
    data: {
      id,
      name: locale === "ar" ? "مؤسسة التهيئة" : "Onboarding Test Co",
      searchName: "onboarding test co",
      tier: s.tier ?? "starter",
      signupAt: new Date(now.getTime() - s.days * DAY - 3 * 3_600_000),
      region: "riyadh",
      preferredLocale: locale,
      ...s.flags,
      ...s.sent,
      onboardingCompletedAt: s.completedAt ?? null,
      contacts: {
        create: [
          { id: randomUUID(), name: locale === "ar" ? "ريم" : "Sam", email: `t-${id.slice(0, 8)}@example.test` },
        ],
      },
    },
  });
  return id;
}
