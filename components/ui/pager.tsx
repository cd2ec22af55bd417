import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { formatNumber, type TFormatContext } from "@/lib/i18n/format";

export type TPagerLabels = {
  nav: string;
  previous: string;
  next: string;
  pageOf: (page: string, pages: string) => string;
};

type Props = { page: number; pages: number; href: (page: number) => string; fmt: TFormatContext; labels: TPagerLabels };

/** Previous / next links for a URL-paged list (every paged console list); nothing when it fits on one page. */
export function Pager({ page, pages, href, fmt, labels }: Props) {
  if (pages <= 1) return null;
  const p = Math.min(page, pages);
  const off = "pointer-events-none opacity-50";
  return (
    <nav aria-label={labels.nav} className="flex items-center justify-between gap-3">
      <Link
        href={href(p - 1)}
        aria-disabled={p <= 1}
        tabIndex={p <= 1 ? -1 : undefined}
        className={buttonClass("secondary", p <= 1 ? off : "")}
      >
        <ChevronLeft aria-hidden className="size-4 rtl:-scale-x-100" />
        {labels.previous}
      </Link>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {labels.pageOf(formatNumber(fmt, p), formatNumber(fmt, pages))}
      </p>
      <Link
        href={href(p + 1)}
        aria-disabled={p >= pages}
        tabIndex={p >= pages ? -1 : undefined}
        className={buttonClass("secondary", p >= pages ? off : "")}
      >
        {labels.next}
        <ChevronRight aria-hidden className="size-4 rtl:-scale-x-100" />
      </Link>
    </nav>
  );
}
