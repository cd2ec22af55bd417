import "server-only";
import { regenerateTasks } from "../data/cadence";
import { recordLedger } from "../data/ledger";
import { ledgerEntry } from "../domain/ledger/entry";
import { recomputeAllRisk } from "../data/risk";
import { TEAM_TIME_ZONE } from "../domain/cadence/check-in";
import { calendarDay } from "../domain/cadence/dates";
import type { TActor } from "../domain/auth/actor";
import { log } from "../log";

export type TSuccessTickSummary = {
  risk_accounts: number;
  high: number;
  medium: number;
  low: number;
  plans: number;
  tasks_created: number;
};

/**
 * The success part of a lifecycle tick: recompute every account's at-risk snapshot (first, so high
 * severity can schedule at-risk alerts), then bring every active plan's tasks up to the horizon.
 * Both are idempotent. Ledgers one `success.tick` summary. A failure is logged and returned as null:
 * it must not undo or block the nudge work of the same tick.
 */
export async function runSuccessTick(now: Date, actor: TActor): Promise<TSuccessTickSummary | null> {
  try {
    const risk = await recomputeAllRisk(now);
    const tasks = await regenerateTasks({ today: calendarDay(now, TEAM_TIME_ZONE) });
    const s: TSuccessTickSummary = {
      risk_accounts: risk.accounts,
      ...risk.bySeverity,
      plans: tasks.plans,
      tasks_created: tasks.created,
    };
    await recordLedger(
      ledgerEntry(actor, {
        action: "success.tick",
        target: null,
        summary: `risk for ${s.risk_accounts} accounts (${s.high} high, ${s.medium} medium, ${s.low} low); ${s.tasks_created} tasks created for ${s.plans} plans`,
      }),
    );
    return s;
  } catch (error) {
    log.error("success tick failed", { error: (error as Error).message });
    return null;
  }
}
