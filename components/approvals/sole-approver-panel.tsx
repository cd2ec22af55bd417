"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { remainingMinutes } from "@/lib/domain/proposals/sole-approver";
import { formatNumber } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import type { TMakerRole } from "./inbox-types";

/**
 * The maker who is the only one allowed to decide (lib/domain/proposals/sole-approver.ts): says so, counts
 * the cooling-off down from what the server computed, then asks for the reason. The server checks the
 * time again; this only keeps the button honest.
 */
export function SoleApproverPanel({
  id,
  who,
  remainingMs,
  pending,
  onApprove,
}: {
  id: string;
  who: TMakerRole;
  remainingMs: number;
  pending: boolean;
  onApprove: (reason: string) => void;
}) {
  const t = useTranslations("approvals.sole");
  const locale = useLocale() as TLocale;
  const [left, setLeft] = useState(remainingMs);
  const [reason, setReason] = useState("");
  useEffect(() => {
    if (remainingMs <= 0) return;
    const start = Date.now();
    const timer = setInterval(() => setLeft(Math.max(0, remainingMs - (Date.now() - start))), 15_000);
    return () => clearInterval(timer);
  }, [remainingMs]);
  if (left > 0) {
    const minutes = remainingMinutes(left);
    return (
      <p
        role="note"
        className="rounded-md bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100"
      >
        {t("waiting", { who, count: minutes, n: formatNumber({ locale, timeZone: "UTC" }, minutes) })}
      </p>
    );
  }
  return (
    <div className="space-y-2 rounded-md bg-amber-50 p-3 text-amber-950 dark:bg-amber-950 dark:text-amber-100">
      <p className="text-sm">{t("ready", { who })}</p>
      <label htmlFor={`sole-reason-${id}`} className="block text-sm font-medium">
        {t("reason")}
      </label>
      <textarea
        id={`sole-reason-${id}`}
        dir="auto"
        maxLength={1000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        className="block w-full rounded-md border border-slate-300 bg-white p-2 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100"
      />
      <Button disabled={pending || reason.trim() === ""} onClick={() => onApprove(reason)}>
        {t("approve")}
      </Button>
    </div>
  );
}
