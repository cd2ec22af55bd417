"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { formatNumber } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import { queryKeys } from "@/lib/query-keys";

/** Polls the pending count so a founder sees new proposals without reloading. */
export function PendingBadge({ initial }: { initial: number }) {
  const t = useTranslations("nav");
  const locale = useLocale() as TLocale;
  const { data } = useQuery({
    queryKey: queryKeys.pendingCount(),
    queryFn: async () => {
      const res = await fetch("/api/approvals/pending-count", { cache: "no-store" });
      if (!res.ok) throw new Error(String(res.status));
      return ((await res.json()) as { pending: number }).pending;
    },
    initialData: initial,
    refetchInterval: 30_000,
  });
  if (!data) return null;
  const n = formatNumber({ locale, timeZone: "UTC" }, data);
  return (
    <span
      className="ms-1 inline-flex min-w-5 items-center justify-center rounded-full bg-amber-800 px-1.5 text-xs font-semibold text-white"
      aria-label={t("pendingCount", { count: data, n })}
    >
      {n}
    </span>
  );
}
