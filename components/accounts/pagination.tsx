import { getTranslations } from "next-intl/server";
import { Pager } from "@/components/ui/pager";
import { filtersToQuery, MAX_PAGE, type TAccountFilters } from "@/lib/domain/accounts/filters";
import type { TFormatContext } from "@/lib/i18n/format";

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
  return (
    <Pager
      page={filters.page}
      pages={Math.min(MAX_PAGE, Math.max(1, Math.ceil(total / pageSize)))}
      href={(p) => `/accounts${filtersToQuery(filters, { page: p })}`}
      fmt={fmt}
      labels={{
        nav: t("pagination"),
        previous: t("previous"),
        next: t("next"),
        pageOf: (page, pages) => t("pageOf", { page, pages }),
      }}
    />
  );
}
