import { getTranslations } from "next-intl/server";
import { Pager } from "@/components/ui/pager";
import { RiskFilters } from "@/components/success/risk-filters";
import { RiskTable } from "@/components/success/risk-table";
import { requirePage } from "@/lib/auth/session";
import { listAtRisk } from "@/lib/data/risk";
import { listCsms } from "@/lib/data/users";
import { can } from "@/lib/domain/auth/permissions";
import { MAX_RISK_PAGE, parseRiskFilters, riskFiltersToQuery } from "@/lib/domain/risk/filters";
import { formatList, formatNumber } from "@/lib/i18n/format";
import { localeContext } from "@/lib/i18n/server";

export async function generateMetadata() {
  return { title: (await getTranslations("risk"))("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function AtRiskPage({ searchParams }: { searchParams: Search }) {
  const user = await requirePage("accounts:read", "/at-risk");
  const { filters, ignored } = parseRiskFilters(await searchParams);
  const [t, fmt, list, csms] = await Promise.all([
    getTranslations("risk"),
    localeContext(),
    listAtRisk(filters),
    listCsms(),
  ]);
  const pages = Math.min(MAX_RISK_PAGE, Math.max(1, Math.ceil(list.total / list.pageSize)));
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("description")}</p>
      </div>
      <RiskFilters filters={filters} csms={csms} />
      {ignored.length > 0 ? (
        <p
          role="status"
          className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
        >
          {t("ignoredFilters", { names: formatList(fmt, ignored) })}
        </p>
      ) : null}
      <p role="status" className="text-sm font-medium text-slate-700 dark:text-slate-300">
        {t("results", { count: list.total, n: formatNumber(fmt, list.total) })}
      </p>
      {list.rows.length > 0 ? (
        <RiskTable rows={list.rows} fmt={fmt} canDraft={can(user.role, "proposals:create")} />
      ) : (
        <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
          <p className="font-medium">{t("empty")}</p>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("emptyHint")}</p>
        </div>
      )}
      <Pager
        page={filters.page}
        pages={pages}
        fmt={fmt}
        href={(page) => `/at-risk${riskFiltersToQuery(filters, { page })}`}
        labels={{
          nav: t("pagination"),
          previous: t("previous"),
          next: t("next"),
          pageOf: (page, all) => t("pageOf", { page, pages: all }),
        }}
      />
    </div>
  );
}
