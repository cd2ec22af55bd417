import { ChevronLeft, ChevronRight } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import type { TTicketFilters } from "@/lib/domain/support/filters";
import { formatNumber, type TFormatContext } from "@/lib/i18n/format";

export function ticketQuery(f: TTicketFilters, page: number): string {
  const q = new URLSearchParams();
  for (const k of ["priority", "status", "csm", "account", "sla"] as const) if (f[k]) q.set(k, f[k]!);
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return s ? `?${s}` : "";
}

export async function TicketPagination({
  filters,
  pages,
  base,
  fmt,
}: {
  filters: TTicketFilters;
  pages: number;
  base: string;
  fmt: TFormatContext;
}) {
  const t = await getTranslations("support");
  if (pages <= 1) return null;
  const page = Math.min(filters.page, pages);
  const disabled = "pointer-events-none opacity-50";
  return (
    <nav aria-label={t("pagination")} className="flex items-center justify-between gap-3">
      <Link
        href={`${base}${ticketQuery(filters, page - 1)}`}
        aria-disabled={page <= 1}
        tabIndex={page <= 1 ? -1 : undefined}
        className={buttonClass("secondary", page <= 1 ? disabled : "")}
      >
        <ChevronLeft aria-hidden className="size-4 rtl:-scale-x-100" />
        {t("previous")}
      </Link>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {t("pageOf", { page: formatNumber(fmt, page), pages: formatNumber(fmt, pages) })}
      </p>
      <Link
        href={`${base}${ticketQuery(filters, page + 1)}`}
        aria-disabled={page >= pages}
        tabIndex={page >= pages ? -1 : undefined}
        className={buttonClass("secondary", page >= pages ? disabled : "")}
      >
        {t("next")}
        <ChevronRight aria-hidden className="size-4 rtl:-scale-x-100" />
      </Link>
    </nav>
  );
}
