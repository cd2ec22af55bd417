import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { VerifyPanel } from "@/components/ledger/verify-panel";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { requirePage } from "@/lib/auth/session";
import { listLedger } from "@/lib/data/ledger";
import { parseLedgerFilters } from "@/lib/domain/ledger/filters";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { localeContext } from "@/lib/i18n/server";
import { DataTable } from "@/components/ui/data-table";

export async function generateMetadata() {
  return { title: (await getTranslations("ledger"))("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;
const str = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

export default async function LedgerPage({ searchParams }: { searchParams: Search }) {
  await requirePage("ledger:read", "/ledger");
  const params = await searchParams;
  const { filters, ignored } = parseLedgerFilters(params);
  const [t, tIncidents, fmt, page] = await Promise.all([
    getTranslations("ledger"),
    getTranslations("incidents"),
    localeContext(),
    listLedger(filters),
  ]);
  const query = new URLSearchParams(
    Object.entries({
      actor: str(params.actor),
      action: str(params.action),
      target: str(params.target),
      from: str(params.from),
      to: str(params.to),
    }).filter(([, v]) => v),
  );
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("description")}</p>
      </div>
      <Card>
        <VerifyPanel initial={null} />
      </Card>
      <form method="get" action="/ledger" className="grid grid-cols-1 gap-3 sm:grid-cols-3 lg:grid-cols-6 lg:items-end">
        <Field id="actor" label={t("actor")}>
          <Input id="actor" name="actor" dir="ltr" defaultValue={str(params.actor)} />
        </Field>
        <Field id="action" label={t("action")}>
          <Input id="action" name="action" dir="ltr" placeholder="proposals" defaultValue={str(params.action)} />
        </Field>
        <Field id="target" label={t("target")}>
          <Input id="target" name="target" dir="ltr" defaultValue={str(params.target)} />
        </Field>
        <Field id="from" label={t("from")}>
          <Input id="from" name="from" type="date" defaultValue={str(params.from).slice(0, 10)} />
        </Field>
        <Field id="to" label={t("to")}>
          <Input id="to" name="to" type="date" defaultValue={str(params.to).slice(0, 10)} />
        </Field>
        <div className="flex flex-wrap gap-2">
          <button type="submit" className={buttonClass("primary")}>
            {t("apply")}
          </button>
          <a href={`/api/ledger/export${query.size ? `?${query}` : ""}`} className={buttonClass("secondary")} download>
            {t("exportCsv")}
          </a>
        </div>
      </form>
      {filters.from && filters.to && str(params.from).includes("T") ? (
        <p role="status" className="text-sm">
          {tIncidents("ledgerWindowStatus", {
            from: formatDate(fmt, filters.from, "dateTime"),
            to: formatDate(fmt, str(params.to) || filters.to, "dateTime"),
          })}
        </p>
      ) : null}
      {ignored.length ? (
        <p
          role="status"
          className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
        >
          {t("ignoredFilters")}
        </p>
      ) : null}
      <DataTable headers={[t("seq"), t("at"), t("actor"), t("action"), t("target"), t("summary")]}>
        {page.rows.map((r) => (
          <tr key={r.seq}>
            <td className="px-3 py-2 tabular-nums">{formatNumber(fmt, r.seq)}</td>
            <td className="whitespace-nowrap px-3 py-2">{formatDate(fmt, r.at, "dateTime")}</td>
            <td className="px-3 py-2">
              <bdi className="font-mono text-xs">{r.actorId ?? r.actorType}</bdi>
              {r.actorRole ? <span className="block text-xs text-slate-500">{r.actorRole}</span> : null}
            </td>
            <td className="px-3 py-2">
              <code className="text-xs">{r.action}</code>
            </td>
            <td className="px-3 py-2">
              <bdi className="font-mono text-xs">{r.target ?? "—"}</bdi>
            </td>
            <td className="px-3 py-2">
              <details>
                <summary className="cursor-pointer">
                  <bdi>{r.summary}</bdi>
                </summary>
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
                  <dt>{t("requestId")}</dt>
                  <dd dir="ltr" className="break-all text-start font-mono">
                    {r.requestId ?? "—"}
                  </dd>
                  {r.viaTokenId || r.viaTokenCreatedBy ? (
                    <>
                      <dt>{t("viaToken")}</dt>
                      <dd dir="ltr" className="break-all text-start font-mono">
                        {r.viaTokenId ?? "—"}
                      </dd>
                      <dt>{t("viaTokenCreatedBy")}</dt>
                      <dd dir="ltr" className="break-all text-start font-mono">
                        {r.viaTokenCreatedBy ?? "—"}
                      </dd>
                    </>
                  ) : null}
                  <dt>{t("payloadHash")}</dt>
                  <dd dir="ltr" className="break-all text-start font-mono">
                    {r.payloadHash ?? "—"}
                  </dd>
                  <dt>{t("prevHash")}</dt>
                  <dd dir="ltr" className="break-all text-start font-mono">
                    {r.prevHash}
                  </dd>
                  <dt>{t("hash")}</dt>
                  <dd dir="ltr" className="break-all text-start font-mono">
                    {r.hash}
                  </dd>
                </dl>
              </details>
            </td>
          </tr>
        ))}
      </DataTable>
      {page.next ? (
        <Link
          href={`/ledger?${new URLSearchParams([...query, ["before", String(page.next)]])}`}
          className="text-sm text-brand-700 hover:underline dark:text-brand-100"
        >
          {t("older")}
        </Link>
      ) : null}
    </div>
  );
}
