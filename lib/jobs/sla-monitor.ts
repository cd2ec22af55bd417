import "server-only";
import { raiseSlaCriticalMutation, SLA_MONITOR_ACTOR } from "../actions/support-alert";
import { runMutation } from "../actions/mutation";
import { recentSlaFreeze } from "../data/support-alert";
import { slaOverall } from "../data/support-health";
import { getFreeze } from "../data/system-state";
import type { THealthRow } from "../domain/support/health";
import { log } from "../log";

/**
 * The SLA-critical monitor, a step of the lifecycle tick (it used to run when a founder opened the
 * support pages; rendering now only reads what it left): reads the 7-day verdict and acts on it.
 */
export async function alertIfSlaCritical(now = new Date()): Promise<{ proposalId: string | null } | null> {
  return alertForVerdict(await slaOverall("7d", now), now);
}

/**
 * A critical verdict raises `support.sla_critical` (ledgered) with one freeze proposal. Cheap when
 * nothing is to do: the mutation runs only for a critical verdict with no recent freeze proposal while
 * sending is not frozen. Returns the freeze proposal that stands for the verdict (null while frozen),
 * or null when the verdict is not critical or the alert was refused.
 */
export async function alertForVerdict(overall7d: THealthRow, now: Date): Promise<{ proposalId: string | null } | null> {
  if (overall7d.verdict !== "critical" || overall7d.rate === null) return null;
  const existing = await recentSlaFreeze(now);
  if (existing) return { proposalId: existing.id };
  if ((await getFreeze()).frozen) return { proposalId: null };
  const r = await runMutation(raiseSlaCriticalMutation, SLA_MONITOR_ACTOR, {
    rate: overall7d.rate,
    breaches: overall7d.breaches,
    count: overall7d.count,
  });
  if (!r.ok) log.warn("SLA monitor: alert not raised", { code: r.code });
  return r.ok ? r.data : null;
}
