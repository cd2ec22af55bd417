import type { TFormatContext } from "@/lib/i18n/format";
import { Pager, type TPagerLabels } from "@/components/ui/pager";

/** The shared Pager for an offset-paged list: pages from the total, capped at `maxPage`. */
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
  labels: TPagerLabels;
  fmt: TFormatContext;
}) {
  const pages = Math.min(maxPage, Math.max(1, Math.ceil(total / pageSize)));
  return <Pager page={page} pages={pages} href={href} fmt={fmt} labels={labels} />;
}
