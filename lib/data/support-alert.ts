import "server-only";
import { prisma } from "../db";
import type { TSlaCriticalNotice } from "../domain/support/types";
import { SLA_FREEZE_PREFIX } from "../proposals/kinds/freeze";
import { slaOverall } from "./support-health";
import type { Tx } from "./tx";

// One proposal per day at most: a rejected freeze is not proposed again on the next tick.
export const SLA_ALERT_COOLDOWN_MS = 24 * 3_600_000;

/** The newest SLA freeze proposal still pending, or made within the cool-down; null if none. */
export async function recentSlaFreeze(
  now: Date,
  client: Pick<Tx, "proposal"> = prisma(),
): Promise<{ id: string; state: string } | null> {
  return client.proposal.findFirst({
    where: {
      dedupeKey: { startsWith: SLA_FREEZE_PREFIX },
      OR: [{ state: "pending", expiresAt: { gt: now } }, { createdAt: { gt: new Date(now.getTime() - SLA_ALERT_COOLDOWN_MS) } }],
    },
    orderBy: { createdAt: "desc" },
    select: { id: true, state: true },
  });
}

/** Serialises SLA alerts (two ticks at once propose one freeze): locks the system-state row. */
export async function lockSystemState(tx: Tx): Promise<void> {
  await tx.$queryRaw`SELECT id FROM system_state WHERE id = 1 FOR UPDATE`;
}

/**
 * What the founders' notice on the support pages shows, read only: the 7-day verdict when it is
 * critical, and the freeze proposal the SLA monitor (lib/jobs/sla-monitor.ts, on the lifecycle tick)
 * made for it, if any. Null while the verdict is not critical.
 */
export async function slaCriticalNotice(now: Date): Promise<TSlaCriticalNotice | null> {
  const overall = await slaOverall("7d", now);
  if (overall.verdict !== "critical" || overall.rate === null) return null;
  const existing = await recentSlaFreeze(now);
  return { rate: overall.rate, proposalId: existing?.id ?? null };
}
