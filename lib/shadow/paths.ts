import { join, resolve } from "node:path";

/** Where shadow and heuristic JSONL logs live (SHADOW_LOG_DIR, default ./data/shadow-logs). */
export function shadowLogDir(): string {
  return resolve(process.env.SHADOW_LOG_DIR || join(process.cwd(), "data", "shadow-logs"));
}

export const SHADOW_LOG_FILE = "customer-lifecycle-shadow.jsonl";
export const HEURISTIC_LOG_FILE = "customer-lifecycle-heuristic.jsonl";

export const heuristicLogPath = () => join(shadowLogDir(), HEURISTIC_LOG_FILE);
