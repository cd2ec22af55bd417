import type { TRisk } from "./score";

/** Shapes the pages and components receive (plain values, no storage types). */

export type TAccountRisk = TRisk & { accountId: string; computedAt: Date };

export type TAtRiskRow = TAccountRisk & {
  accountName: string;
  tier: string;
  csmId: string | null;
  csmName: string | null;
  preferredLocale: "en" | "ar";
  hasContact: boolean;
};
