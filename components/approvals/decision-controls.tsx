"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { TInboxItem } from "./inbox-types";
import { SoleApproverPanel } from "./sole-approver-panel";

export type TDecide = {
  pending: boolean;
  approve: (i: TInboxItem) => void;
  reject: (id: string, reason: string) => void;
  soleApprove: (i: TInboxItem, reason: string) => void;
  rejecting: string | null;
  setRejecting: (id: string | null) => void;
};

/** The buttons a pending proposal offers the viewer, or the line saying why there are none and what happens next. */
export function DecisionControls({ item: i, d }: { item: TInboxItem; d: TDecide }) {
  const t = useTranslations("approvals");
  const tGuard = useTranslations("copyGuard");
  const [reason, setReason] = useState("");
  const gate = i.gate;
  if (!gate) return null;
  const note = (text: string) => (
    <p role="note" className="rounded-md bg-slate-50 p-3 text-sm text-slate-700 dark:bg-slate-950 dark:text-slate-300">
      {text}
    </p>
  );
  if (gate.status === "not_permitted") return note(t("gate.notPermitted"));
  if (gate.status === "others_can_decide") return note(t("gate.othersDecide", { who: gate.who }));
  if (gate.status === "cooling_off" || gate.status === "ready")
    return (
      <SoleApproverPanel
        id={i.id}
        who={gate.who}
        remainingMs={gate.status === "cooling_off" ? gate.remainingMs : 0}
        pending={d.pending}
        onApprove={(r) => d.soleApprove(i, r)}
      />
    );
  if (d.rejecting === i.id)
    return (
      <div className="space-y-2">
        <label htmlFor={`reason-${i.id}`} className="block text-sm font-medium">
          {t("rejectReason")}
        </label>
        <textarea
          id={`reason-${i.id}`}
          dir="auto"
          autoFocus
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          className="block w-full rounded-md border border-slate-300 bg-white p-2 text-sm dark:border-slate-600 dark:bg-slate-950"
        />
        <div className="flex gap-2">
          <Button variant="danger" disabled={d.pending || reason.trim() === ""} onClick={() => d.reject(i.id, reason)}>
            {t("rejectConfirm")}
          </Button>
          <Button variant="secondary" onClick={() => d.setRejecting(null)}>
            {t("cancel")}
          </Button>
        </div>
      </div>
    );
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        disabled={d.pending || i.blocked}
        onClick={() => d.approve(i)}
        aria-keyshortcuts="A"
        aria-describedby={i.blocked ? `blocked-${i.id}` : undefined}
      >
        {t("approve")}
      </Button>
      <Button
        variant="secondary"
        disabled={d.pending}
        onClick={() => {
          setReason("");
          d.setRejecting(i.id);
        }}
        aria-keyshortcuts="R"
      >
        {t("reject")}
      </Button>
      {i.blocked ? (
        <span id={`blocked-${i.id}`} className="text-xs text-red-800 dark:text-red-300">
          {tGuard("blocked")}
        </span>
      ) : null}
    </div>
  );
}
