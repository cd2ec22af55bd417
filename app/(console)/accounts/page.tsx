import { getTranslations } from "next-intl/server";
import { AccountFilters } from "@/components/accounts/account-filters";
import { AccountTable } from "@/components/accounts/account-table";
import { Pagination } from "@/components/accounts/pagination";
import { requirePage } from "@/lib/auth/session";
import { listAccounts, listRegions } from "@/lib/data/accounts";
import { listCsms } from "@/lib/data/users";
import { parseAccountFilters } from "@/lib/domain/accounts/filters";
import { formatList, formatNumber } from "@/lib/i18n/format";
import { localeContext } from "@/lib/i18n/server";

export async function generateMetadata() {
  return { title: (await getTranslations("accounts"))("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function AccountsPage({ searchParams }: { searchParams: Search }) {
  await requirePage("accounts:read", "/accounts");
  const { filters, ignored } = parseAccountFilters(await searchParams);
  const [t, fmt, list, csms, regions] = await Promise.all([
    getTranslations("accounts"),
    localeContext(),
    listAccounts(filters, new Date()),
    listCsms(),
    listRegions(),
  ]);
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("description")}</p>
      </div>
      <AccountFilters filters={filters} csms={csms} regions={regions} />
      {ignored.length > 0 ? (
        <p
          role="status"
          className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
        >
          {t("ignoredFilters", {
            names: formatList(
              fmt,
              ignored.map((k) => t(`filterNames.${k}`)),
            ),
          })}
        </p>
      ) : null}
      <p role="status" className="text-sm font-medium text-slate-700 dark:text-slate-300">
        {t("results", { count: list.total, n: formatNumber(fmt, list.total) })}
      </p>
      {list.rows.length > 0 ? (
        <AccountTable rows={list.rows} fmt={fmt} />
      ) : (
        <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
          <p className="font-medium">{t("empty")}</p>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("emptyHint")}</p>
        </div>
      )}
      <Pagination filters={filters} total={list.total} pageSize={list.pageSize} fmt={fmt} />
    </div>
  );
}
