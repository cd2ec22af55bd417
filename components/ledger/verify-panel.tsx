"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { verifyLedgerAction } from "@/app/(console)/ledger/actions";
import { Button } from "@/components/ui/button";
import type { TVerifyResult } from "@/lib/domain/ledger/chain";
import { formatNumber } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";

export function VerifyPanel({ initial }: { initial: TVerifyResult | null }) {
  const t = useTranslations("ledger");
  const tErrors = useTranslations("errors");
  const fmt = { locale: useLocale() as TLocale, timeZone: "UTC" };
  const [result, setResult] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="flex flex-wrap items-center gap-3" aria-live="polite">
      {result ? (
        result.ok ? (
          <p className="text-sm text-emerald-800 dark:text-emerald-300">
            {t("verified", { count: result.count, n: formatNumber(fmt, result.count) })}{" "}
            <code dir="ltr" className="break-all text-xs">
              {result.headHash.slice(0, 16)}…
            </code>
          </p>
        ) : (
          <p role="alert" className="text-sm font-semibold text-red-800 dark:text-red-300">
            {t("broken", { seq: formatNumber(fmt, result.seq), problem: t(`problems.${result.problem}`) })}
          </p>
        )
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("notVerified")}</p>
      )}
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await verifyLedgerAction().catch(() => null);
            if (r?.ok) {
              setResult(r.data);
              setError(null);
            } else setError(tErrors(r?.code ?? "internal"));
          })
        }
      >
        {pending ? t("verifying") : t("verifyNow")}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
