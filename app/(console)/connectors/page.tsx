import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { STATE_TONE } from "@/components/connectors/connector-card";
import { PageLinks } from "@/components/onboarding/page-links";
import { Badge, Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { AnySelect, FilterBar, csmOptions } from "@/components/ui/filter-bar";
import { requirePage } from "@/lib/auth/session";
import { blockedAccounts, connectorGrid } from "@/lib/data/connectors";
import { listCsms } from "@/lib/data/users";
import { CONNECTORS } from "@/lib/domain/connectors/connectors";
import { CONNECTOR_STATES } from "@/lib/domain/connectors/state-machine";
import { parseConnectorFilters, connectorQuery, BLOCKED_MAX_PAGE } from "@/lib/domain/connectors/filters";
import { formatList, formatNumber } from "@/lib/i18n/format";
import { localeContext } from "@/lib/i18n/server";

export async function generateMetadata() {
  return { title: (await getTranslations("connectors"))("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

/** Connector status across accounts: counts by state per connector, and who is blocked by what. */
export default async function ConnectorsPage({ searchParams }: { searchParams: Search }) {
  await requirePage("accounts:read", "/connectors");
  const { filters } = parseConnectorFilters(await searchParams);
  const [t, tc, fmt, grid, blocked, csms] = await Promise.all([
    getTranslations("connectors"),
    getTranslations("checklist.overview"),
    localeContext(),
    connectorGrid(),
    blockedAccounts(filters),
    listCsms(),
  ]);
  const n = (v: number) => formatNumber(fmt, v);
  const blockingKeys = new Set<string>(CONNECTORS.filter((c) => c.blocking).map((c) => c.key));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("description")}</p>
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <Card>
          <p className="text-2xl font-semibold">{n(grid.accounts)}</p>
          <p className="text-sm text-slate-600 dark:text-slate-400">{tc("accountsHeader")}</p>
        </Card>
        <Card>
          <p className="text-2xl font-semibold">{n(grid.ready)}</p>
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("readyCount")}</p>
        </Card>
        <Card>
          <p className="text-2xl font-semibold">{n(grid.notReady)}</p>
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("notReadyCount")}</p>
        </Card>
      </div>
      <section aria-labelledby="blocked-title" className="space-y-2">
        <h2 id="blocked-title" className="text-lg font-semibold">
          {t("blocked")}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("blockedHelp")}</p>
        <FilterBar action="/connectors" className="grid-cols-1 sm:grid-cols-3">
          <AnySelect id="csm" label={t("filterCsm")} value={filters.csm} options={csmOptions(csms, t("unassigned"))} />
        </FilterBar>
        <p role="status" className="text-sm font-medium">
          {t("blockedCount", { count: blocked.total, n: n(blocked.total) })}
        </p>
        {blocked.rows.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-700">
            {t("blockedEmpty")}
          </p>
        ) : (
          <DataTable headers={[t("account"), t("csm"), t("missing"), t("failedHeader"), t("connectedHeader")]}>
            {blocked.rows.map((r) => (
              <tr key={r.id}>
                <td className="px-3 py-2">
                  <Link
                    href={`/accounts/${r.id}/onboarding`}
                    className="font-medium text-brand-700 hover:underline dark:text-brand-100"
                  >
                    <bdi>{r.name}</bdi>
                  </Link>
                </td>
                <td className="px-3 py-2">{r.csmName ? <bdi>{r.csmName}</bdi> : t("unassigned")}</td>
                <td className="px-3 py-2">
                  {r.missing.length === 0
                    ? "—"
                    : formatList(
                        fmt,
                        r.missing.map((m) => `${t(`keys.${m.key}`)} (${t(`states.${m.state}`)})`),
                      )}
                </td>
                <td className="px-3 py-2">
                  {r.failed.length === 0
                    ? "—"
                    : formatList(
                        fmt,
                        r.failed.map((k) => t(`keys.${k}`)),
                      )}
                </td>
                <td className="px-3 py-2">{n(r.connected)}</td>
              </tr>
            ))}
          </DataTable>
        )}
        <PageLinks
          page={filters.page}
          total={blocked.total}
          pageSize={blocked.pageSize}
          maxPage={BLOCKED_MAX_PAGE}
          href={(p) => `/connectors${connectorQuery(filters, { page: p })}`}
          labels={{
            nav: tc("pagination"),
            previous: tc("previous"),
            next: tc("next"),
            pageOf: (page, pages) => tc("pageOf", { page, pages }),
          }}
          fmt={fmt}
        />
      </section>
      <section aria-labelledby="grid-title" className="space-y-2">
        <h2 id="grid-title" className="text-lg font-semibold">
          {t("grid")}
        </h2>
        <DataTable
          headers={[
            t("connector"),
            ...CONNECTOR_STATES.map((s) => (
              <Badge key={s} tone={STATE_TONE[s]}>
                {t(`states.${s}`)}
              </Badge>
            )),
          ]}
        >
          {grid.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="px-3 py-2 text-start font-medium">
                <span className="me-2">{t(`keys.${row.key}`)}</span>
                {blockingKeys.has(row.key) ? <Badge tone="warn">{t("blocking")}</Badge> : null}
              </th>
              {CONNECTOR_STATES.map((s) => (
                <td key={s} className="px-3 py-2 tabular-nums">
                  {n(row.counts[s])}
                </td>
              ))}
            </tr>
          ))}
        </DataTable>
      </section>
    </div>
  );
}
