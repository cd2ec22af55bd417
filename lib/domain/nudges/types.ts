/** Shapes the pages and components receive (plain values, no storage types). */

export type TTickRun = {
  runId: number;
  at: Date;
  decisions: number;
  byTemplate: Record<string, number>;
  autoComplete: number;
};
