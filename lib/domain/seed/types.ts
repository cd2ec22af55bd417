// Plain rows the demo generator yields; field names follow the Prisma models, values are ready for SQL.

import type { TTier } from "../accounts/tiers";

// prettier-ignore
export const REGIONS = [
  "riyadh", "jeddah", "dammam", "makkah", "madinah", "dubai", "doha", "kuwait", "manama", "muscat", "cairo", "amman",
  "london",
] as const;
export type TRegion = (typeof REGIONS)[number];

export type TSeedAccount = {
  id: string;
  name: string;
  searchName: string;
  tier: TTier;
  signupAt: Date;
  /** Calendar dates (`YYYY-MM-DD`, UTC) for the DATE columns. */
  contractStart: string | null;
  contractEnd: string | null;
  region: TRegion;
  preferredLocale: "ar" | "en";
  csmId: string | null;
  welcomed: boolean;
  screenPaired: boolean;
  contentUploaded: boolean;
  playlistCreated: boolean;
  scheduleCreated: boolean;
  onboardingCompletedAt: Date | null;
  nudgeDay1SentAt: Date | null;
  nudgeDay3SentAt: Date | null;
  nudgeDay7SentAt: Date | null;
  lastActivityAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export type TSeedContact = {
  id: string;
  accountId: string;
  name: string;
  email: string;
  role: "admin";
  createdAt: Date;
};

export type TSeedEvent = {
  id: string;
  accountId: string;
  type: string;
  occurredAt: Date;
  actor: string;
  summary: string;
  data: Record<string, string | number | boolean | null>;
};

export type TSeedBatch = { accounts: TSeedAccount[]; contacts: TSeedContact[]; events: TSeedEvent[] };
