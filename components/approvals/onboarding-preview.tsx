import { ArrowRight } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { isStepId } from "@/lib/domain/checklist/steps";
import { isConnectorKey } from "@/lib/domain/connectors/connectors";
import type { TChecklistStepPayload, TConnectorExecutePayload } from "@/lib/domain/proposals/payloads";
import type { TProposal } from "@/lib/domain/proposals/types";

/** What approving a checklist step or a connector's approved-execute changes, in the reader's language. */
export async function OnboardingPreview({ p }: { p: TProposal }) {
  const [tc, tn] = await Promise.all([getTranslations("checklist"), getTranslations("connectors")]);
  const arrow = <ArrowRight aria-hidden className="inline size-4 rtl:-scale-x-100" />;
  const box = "space-y-1 rounded-md bg-slate-50 p-3 text-sm dark:bg-slate-950";
  if (p.kind === "checklist_step") {
    const payload = p.payload as TChecklistStepPayload;
    return (
      <div className={box}>
        <p className="font-medium">
          {isStepId(payload.step_id) ? tc(`steps.${payload.step_id}`) : payload.step_id} {arrow} {tc("states.done")}
        </p>
        {payload.note && payload.note !== p.reason ? <p dir="auto">{payload.note}</p> : null}
      </div>
    );
  }
  const payload = p.payload as TConnectorExecutePayload;
  return (
    <div className={box}>
      <p className="font-medium">
        {isConnectorKey(payload.connector) ? tn(`keys.${payload.connector}`) : payload.connector} {arrow}{" "}
        {tn("states.connected_approved_execute")}
      </p>
      <p className="text-xs text-slate-600 dark:text-slate-400">{tn("liveNote")}</p>
    </div>
  );
}
