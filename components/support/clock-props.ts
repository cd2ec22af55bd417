import type { TTicket } from "@/lib/domain/support/types";
import type { TClockProps } from "./clock-cell";

/** The two clocks of a ticket as serialisable props for ClockCell. */
export function clockProps(t: TTicket): { firstResponse: TClockProps; resolution: TClockProps } {
  const paused = t.status === "waiting_on_customer";
  return {
    firstResponse: {
      metAt: t.firstResponseAt?.toISOString() ?? null,
      dueAt: t.firstResponseDueAt?.toISOString() ?? null,
      nearAt: t.firstResponseNearAt?.toISOString() ?? null,
      breached: t.firstResponseBreached,
      paused,
      elapsedMs: t.firstResponseElapsedMs,
      targetMs: t.firstResponseTargetMs,
    },
    resolution: {
      metAt: t.resolvedAt?.toISOString() ?? null,
      dueAt: t.resolutionDueAt?.toISOString() ?? null,
      nearAt: t.resolutionNearAt?.toISOString() ?? null,
      breached: t.resolutionBreached,
      paused,
      elapsedMs: t.resolutionElapsedMs,
      targetMs: t.resolutionTargetMs,
    },
  };
}
