import "server-only";
import { AppError, isConnectionError } from "../errors";
import { log } from "../log";
import { runJourneyTick } from "./journey-tick";
import { runTick } from "./lifecycle-tick";

// Spec: the cron runs every 30 minutes.
export const DEFAULT_TICK_MINUTES = 30;
// The first tick runs soon after start, so a fresh demo shows the heuristic's proposals within seconds.
const FIRST_TICK_DELAY_MS = 10_000;

export type TTickConfig = { enabled: false } | { enabled: true; intervalMs: number };

/** LIFECYCLE_TICK=off disables; LIFECYCLE_TICK_MINUTES (> 0, default 30) sets the interval. Throws on a bad value. */
export function tickConfig(source: Record<string, string | undefined> = process.env): TTickConfig {
  if ((source.LIFECYCLE_TICK ?? "").toLowerCase() === "off") return { enabled: false };
  const raw = source.LIFECYCLE_TICK_MINUTES?.trim() || String(DEFAULT_TICK_MINUTES);
  const minutes = Number(raw);
  if (!Number.isFinite(minutes) || minutes <= 0)
    throw new Error(`LIFECYCLE_TICK_MINUTES must be a number of minutes > 0, got "${raw}"`);
  return { enabled: true, intervalMs: Math.round(minutes * 60_000) };
}

type TTickLoop = { stop(): Promise<void> };

function logTickFailure(message: string, error: unknown) {
  const unavailable = isConnectionError(error) || (error instanceof AppError && error.code === "database_unavailable");
  log[unavailable ? "warn" : "error"](message, { error: (error as Error)?.message ?? String(error) });
}
// One loop per process, also across dev reloads that re-run the module.
const holder = globalThis as typeof globalThis & { __lifecycleTick?: TTickLoop };

/**
 * The in-server lifecycle tick (instrumentation.ts): first run ~10 s after start, then every interval,
 * scheduled when the previous run ends so runs never overlap. Errors are logged; the loop carries on.
 */
export function startServerTick(source: Record<string, string | undefined> = process.env): TTickLoop | null {
  if (holder.__lifecycleTick) return holder.__lifecycleTick;
  let config: TTickConfig;
  try {
    config = tickConfig(source);
  } catch (error) {
    log.error("lifecycle tick not started", { error: (error as Error).message });
    return null;
  }
  if (!config.enabled) {
    log.info("lifecycle tick off (LIFECYCLE_TICK=off)");
    return null;
  }
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const once = async () => {
    try {
      const s = await runTick();
      log.info("lifecycle tick", { ...s, decisions: JSON.stringify(s.decisions) });
    } catch (error) {
      logTickFailure("lifecycle tick failed", error);
    }
    try {
      // Journeys ride the same loop: monthly full recompute when due, then touchpoint planning.
      const j = await runJourneyTick();
      log.info("journey tick", { recomputed: j.recompute?.accounts ?? 0, planned: j.planned, failed: j.failed });
    } catch (error) {
      logTickFailure("journey tick failed", error);
    }
  };
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = once().finally(() => schedule(config.intervalMs));
    }, ms);
    timer.unref?.();
  };
  log.info("lifecycle tick scheduled", { intervalMs: config.intervalMs, firstInMs: FIRST_TICK_DELAY_MS });
  schedule(FIRST_TICK_DELAY_MS);
  const handle: TTickLoop = {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      if (holder.__lifecycleTick === handle) holder.__lifecycleTick = undefined;
    },
  };
  holder.__lifecycleTick = handle;
  return handle;
}
