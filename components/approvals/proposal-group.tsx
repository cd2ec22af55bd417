"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { formatNumber } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import type { TInboxItem } from "./inbox-types";

/**
 * One run's similar system proposals as one entry with a count (spec: "shown as one group … decided
 * together or one by one"): approve them all in one click (one ledger entry each), or expand and
 * decide each card on its own.
 */
export function ProposalGroup({
  kind,
  items,
  pending,
  canApproveAll,
  onApproveAll,
  renderItem,
}: {
  kind: string;
  items: TInboxItem[];
  pending: boolean;
  canApproveAll: boolean;
  onApproveAll: () => void;
  renderItem: (i: TInboxItem) => ReactNode;
}) {
  const t = useTranslations("approvals");
  const locale = useLocale() as TLocale;
  const n = formatNumber({ locale, timeZone: "UTC" }, items.length);
  return (
    <section
      aria-label={t("group.label", { kind: t(`kinds.${kind}`), count: items.length, n })}
      className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4 dark:border-slate-800 dark:bg-slate-950"
    >
      <div className="flex flex-wrap items-center gap-3">
        <p className="font-semibold">{t("group.title", { kind: t(`kinds.${kind}`), count: items.length, n })}</p>
        {canApproveAll ? (
          <Button disabled={pending} onClick={onApproveAll}>
            {t("group.approveAll", { count: items.length, n })}
          </Button>
        ) : null}
      </div>
      <details>
        <summary className="cursor-pointer text-sm font-medium text-brand-700 dark:text-brand-100">
          {t("group.expand", { count: items.length, n })}
        </summary>
        <ul className="mt-3 space-y-4">
          {items.map((i) => (
            <li key={i.id}>{renderItem(i)}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}
