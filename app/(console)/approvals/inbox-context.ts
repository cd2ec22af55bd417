import "server-only";
import type { TInboxContext } from "@/components/approvals/inbox-item";
import { dispatchConfig, isLiveSending } from "@/lib/dispatch/config";
import { getCopyGuardLists } from "@/lib/data/copy-guard-settings";
import { lastEdits } from "@/lib/data/proposal-edits";
import { activeHolders, getCoolingOff } from "@/lib/data/sole-approver";
import { getFreeze } from "@/lib/data/system-state";
import type { TFormatContext } from "@/lib/i18n/format";

function liveSending(): boolean {
  try {
    return isLiveSending(dispatchConfig());
  } catch {
    // A broken dispatch configuration sends nothing (the dispatcher refuses to start): say so.
    return false;
  }
}

/** What the approvals pages read once for all their cards (who may decide, cooling-off, freeze, live sending, the copy guard's lists). */
export async function inboxContext(
  viewer: { id: string; role: string },
  pendingIds: readonly string[],
  fmt: TFormatContext,
  now: Date,
): Promise<TInboxContext> {
  const [people, coolingOff, edits, freeze, guardLists] = await Promise.all([
    activeHolders("proposals:approve"),
    getCoolingOff(),
    lastEdits(pendingIds),
    getFreeze(),
    getCopyGuardLists(),
  ]);
  return { viewer, people, coolingOff, edits, freeze, liveSending: liveSending(), now, fmt, guardLists };
}
