import type { TMetric } from "./metrics";
import type { TStage } from "./stages";

/** Shapes the pages and components receive (plain values, no storage types). */

export type TMetricValues = Record<TMetric, number | null>;

export type TPortfolio = {
  total: number;
  byStage: Record<TStage, number>;
  renewal: number;
  advocacy: number;
  behind: number;
  metrics: TMetricValues;
  /** The snapshot at least 30 days old that trends compare with; null until one exists. */
  before: { day: string; metrics: TMetricValues } | null;
};

export type TDrillRow = {
  id: string;
  name: string;
  stage: TStage;
  health: number;
  value: number | null;
  behind: boolean;
};

export type THeldRow = { accountId: string; name: string; key: string; reason: string; dueAt: Date };
