import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TicketPagination } from "@/components/support/ticket-pagination";
import { TicketTable } from "@/components/support/ticket-table";
import { buttonClass } from "@/components/ui/button";
import { requirePage } from "@/lib/auth/session";
import { listTickets } from "@/lib/data/support-list";
import { can } from "@/lib/domain/auth/permissions";
import { parseTicketFilters } from "@/lib/domain/support/filters";
import { formatNumber } from "@/lib/i18n/format";
import { localeContext } from "@/lib/i18n/server";
import { loadAccount } from "../load";

type Params = Promise<{ id: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

/** The account's tickets, most urgent first, with their SLA countdowns. */
export default async function AccountSupportPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { id } = await params;
  const user = await requirePage("accounts:read", `/accounts/${id}/support`);
  const account = await loadAccount(id);
  if (!account) notFound();
  const { filters } = parseTicketFilters({ page: (await searchParams).page });
  const now = new Date();
  const scoped = { ...filters, account: account.id };
  const [t, fmt, list] = await Promise.all([getTranslations("support"), localeContext(), listTickets(scoped, now)]);
  return (
    <section aria-labelledby="account-support-title" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="account-support-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <div className="flex gap-2">
          {can(user.role, "tickets:write") ? (
            <Link href={`/support/new?account=${account.id}`} className={buttonClass("primary")}>
              {t("newTicket")}
            </Link>
          ) : null}
          <Link href={`/support?account=${account.id}`} className={buttonClass("secondary")}>
            {t("openList")}
          </Link>
        </div>
      </div>
      <p role="status" className="text-sm font-medium text-slate-700 dark:text-slate-300">
        {t("results", { count: list.total, n: formatNumber(fmt, list.total) })}
      </p>
      {list.rows.length > 0 ? <TicketTable rows={list.rows} fmt={fmt} now={now} showAccount={false} /> : null}
      <TicketPagination filters={scoped} pages={list.pages} base={`/accounts/${account.id}/support`} fmt={fmt} />
    </section>
  );
}
