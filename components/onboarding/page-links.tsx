import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { formatNumber, type TFormatContext } from "@/lib/i18n/format";

/** Previous / next links for an offset-paged list; `href(page)` builds the URL with its filters. */
export function PageLinks({
  page,
  total,
  pageSize,
  maxPage,
  href,
  labels,
  fmt,
}: {
  page: number;
  total: number;
  pageSize: number;
  maxPage: number;
  href: (page: number) => string;
  labels: { nav: string; previous: string; next: string; pageOf: (page: string, pages: string) => string };
  fmt: TFormatContext;
}) {
  const pages = Math.min(maxPage, Math.max(1, Math.ceil(total / pageSize)));
  if (pages <= 1) return null;
  const current = Math.min(page, pages);
  const disabled = "pointer-events-none opacity-50";
  return (
    <nav aria-label={labels.nav} className="flex items-center justify-between gap-3">
      <Link
        href={href(current - 1)}
        aria-disabled={current <= 1}
        tabIndex={current <= 1 ? -1 : undefined}
        className={buttonClass("secondary", current <= 1 ? disabled : "")}
      >
        <ChevronLeft aria-hidden className="size-4 rtl:-scale-x-100" />
        {labels.previous}
      </Link>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {labels.pageOf(formatNumber(fmt, current), formatNumber(fmt, pages))}
      </p>
      <Link
        href={href(current + 1)}
        aria-disabled={current >= pages}
        tabIndex={current >= pages ? -1 : undefined}
        className={buttonClass("secondary", current >= pages ? disabled : "")}
      >
        {labels.next}
        <ChevronRight aria-hidden className="size-4 rtl:-scale-x-100" />
      </Link>
    </nav>
  );
}
