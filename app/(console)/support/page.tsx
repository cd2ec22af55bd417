import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { SlaNotice } from "@/components/support/sla-notice";
import { TicketFilters } from "@/components/support/ticket-filters";
import { TicketPagination } from "@/components/support/ticket-pagination";
import { TicketTable } from "@/components/support/ticket-table";
import { buttonClass } from "@/components/ui/button";
import { requirePage } from "@/lib/auth/session";
import { slaCriticalNotice } from "@/lib/data/support-alert";
import { listTickets } from "@/lib/data/support-list";
import { listCsms } from "@/lib/data/users";
import { can } from "@/lib/domain/auth/permissions";
import { parseTicketFilters } from "@/lib/domain/support/filters";
import { formatList, formatNumber } from "@/lib/i18n/format";
import { localeContext } from "@/lib/i18n/server";

export async function generateMetadata() {
  return { title: (await getTranslations("support"))("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function SupportPage({ searchParams }: { searchParams: Search }) {
  const user = await requirePage("accounts:read", "/support");
  const { filters, ignored } = parseTicketFilters(await searchParams);
  const now = new Date();
  const founder = can(user.role, "proposals:approve");
  const [t, fmt, list, csms, notice] = await Promise.all([
    getTranslations("support"),
    localeContext(),
    listTickets(filters, now),
    listCsms(),
    founder ? slaCriticalNotice(now) : null,
  ]);
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("description")}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          {can(user.role, "tickets:write") ? (
            <>
              <Link href="/support/new" className={buttonClass("primary")}>
                {t("newTicket")}
              </Link>
              <Link href="/support/import" className={buttonClass("secondary")}>
                {t("importLink")}
              </Link>
            </>
          ) : null}
          <Link href="/support/health" className={buttonClass("secondary")}>
            {t("health")}
          </Link>
          {can(user.role, "settings:manage") ? (
            <Link href="/settings/support" className={buttonClass("ghost")}>
              {t("settingsLink")}
            </Link>
          ) : null}
        </div>
      </div>
      <SlaNotice fmt={fmt} notice={notice} />
      <TicketFilters filters={filters} csms={csms} action="/support" />
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
      {filters.account ? <p className="text-sm">{t("accountFilter")}</p> : null}
      <p role="status" className="text-sm font-medium text-slate-700 dark:text-slate-300">
        {t("results", { count: list.total, n: formatNumber(fmt, list.total) })}
      </p>
      {list.rows.length > 0 ? (
        <TicketTable rows={list.rows} fmt={fmt} now={now} />
      ) : (
        <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
          <p className="font-medium">{t("empty")}</p>
        </div>
      )}
      <TicketPagination filters={filters} pages={list.pages} base="/support" fmt={fmt} />
    </div>
  );
}
