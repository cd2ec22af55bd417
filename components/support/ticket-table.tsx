import { clsx } from "clsx";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { clockView, type TTicket } from "@/lib/domain/support/types";
import { formatDate, type TFormatContext } from "@/lib/i18n/format";
import { ClockCell } from "./clock-cell";
import { clockProps } from "./clock-props";
import { PriorityBadge } from "./priority-badge";

const isNear = (t: TTicket, now: Date) => {
  const c = clockProps(t);
  const view = (x: typeof c.firstResponse) =>
    clockView(
      {
        ...x,
        metAt: x.metAt ? new Date(x.metAt) : null,
        dueAt: x.dueAt ? new Date(x.dueAt) : null,
        nearAt: x.nearAt ? new Date(x.nearAt) : null,
      },
      now,
    );
  const views = [view(c.firstResponse), view(c.resolution)];
  return { near: views.includes("near"), breached: views.includes("breached") };
};

/** Tickets with their countdowns; near-breach rows are highlighted, breached rows marked. */
export async function TicketTable({
  rows,
  fmt,
  now,
  showAccount = true,
}: {
  rows: TTicket[];
  fmt: TFormatContext;
  now: Date;
  showAccount?: boolean;
}) {
  const t = await getTranslations("support");
  const headers = [
    t("columns.priority"),
    t("columns.subject"),
    ...(showAccount ? [t("columns.account"), t("columns.csm")] : []),
    t("columns.status"),
    t("columns.firstResponse"),
    t("columns.resolution"),
    t("columns.received"),
  ];
  return (
    <DataTable headers={headers}>
      {rows.map((r) => {
        const s = isNear(r, now);
        const c = clockProps(r);
        return (
          <tr
            key={r.id}
            data-near={s.near || undefined}
            className={clsx(s.near && "bg-amber-50 dark:bg-amber-950/40", s.breached && "border-s-4 border-s-red-600")}
          >
            <td className="px-3 py-2">
              <PriorityBadge priority={r.priority} />
            </td>
            <td className="max-w-xs px-3 py-2">
              <Link
                href={`/support/${r.id}`}
                className="font-medium text-brand-700 hover:underline dark:text-brand-100"
              >
                <span dir="auto">{r.subject || t("noSubject")}</span>
              </Link>
            </td>
            {showAccount ? (
              <>
                <td className="px-3 py-2">
                  <Link href={`/accounts/${r.accountId}/support`} className="hover:underline">
                    <bdi>{r.accountName}</bdi>
                  </Link>
                </td>
                <td className="px-3 py-2">{r.csmName ? <bdi>{r.csmName}</bdi> : t("unassigned")}</td>
              </>
            ) : null}
            <td className="px-3 py-2 whitespace-nowrap">{t(`statuses.${r.status}`)}</td>
            <td className="px-3 py-2">
              <ClockCell clock={c.firstResponse} fmt={fmt} serverNow={now.toISOString()} />
            </td>
            <td className="px-3 py-2">
              <ClockCell clock={c.resolution} fmt={fmt} serverNow={now.toISOString()} />
            </td>
            <td className="px-3 py-2 whitespace-nowrap">{formatDate(fmt, r.receivedAt, "dateTime")}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}
