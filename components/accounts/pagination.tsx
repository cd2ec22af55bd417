import { ChevronLeft, ChevronRight } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { filtersToQuery, MAX_PAGE, type TAccountFilters } from "@/lib/domain/accounts/filters";
import { formatNumber, type TFormatContext } from "@/lib/i18n/format";

export async function Pagination({
  filters,
  total,
  pageSize,
  fmt,
}: {
  filters: TAccountFilters;
  total: number;
  pageSize: number;
  fmt: TFormatContext;
}) {
  const t = await getTranslations("accounts");
  const pages = Math.min(MAX_PAGE, Math.max(1, Math.ceil(total / pageSize)));
  if (pages <= 1) return null;
  const page = Math.min(filters.page, pages);
  const link = (p: number) => `/accounts${filtersToQuery(filters, { page: p })}`;
  const disabled = "pointer-events-none opacity-50";
  return (
    <nav aria-label={t("pagination")} className="flex items-center justify-between gap-3">
      <Link
        href={link(page - 1)}
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
        href={link(page + 1)}
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
