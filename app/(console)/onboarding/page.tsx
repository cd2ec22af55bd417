import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { percentText } from "@/components/onboarding/checklist-card";
import { OverviewFilters } from "@/components/onboarding/overview-filters";
import { PageLinks } from "@/components/onboarding/page-links";
import { Badge, Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { requirePage } from "@/lib/auth/session";
import { onboardingOverview } from "@/lib/data/checklist";
import { listCsms } from "@/lib/data/users";
import { OVERVIEW_MAX_PAGE, overviewQuery, parseOverviewFilters } from "@/lib/domain/checklist/filters";
import { percentOf } from "@/lib/domain/checklist/progress";
import { formatList, formatNumber, formatRelative } from "@/lib/i18n/format";
import { localeContext } from "@/lib/i18n/server";

export async function generateMetadata() {
  return { title: (await getTranslations("checklist"))("overview.title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

/** Onboarding across accounts: progress distribution, where accounts stand, and who is stuck. */
export default async function OnboardingPage({ searchParams }: { searchParams: Search }) {
  await requirePage("accounts:read", "/onboarding");
  const { filters, ignored } = parseOverviewFilters(await searchParams);
  const now = new Date();
  const [t, fmt, o, csms] = await Promise.all([
    getTranslations("checklist"),
    localeContext(),
    onboardingOverview(filters, now),
    listCsms(),
  ]);
  const n = (v: number) => formatNumber(fmt, v);
  const share = (v: number) => (o.accounts === 0 ? 0 : v / o.accounts);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("overview.title")}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("overview.description")}</p>
      </div>
      <OverviewFilters filters={filters} csms={csms} />
      {ignored.length > 0 ? (
        <p
          role="status"
          className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
        >
          {t("overview.ignored", { names: formatList(fmt, ignored) })}
        </p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <Card>
          <p className="text-2xl font-semibold">{n(o.accounts)}</p>
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("overview.accountsHeader")}</p>
        </Card>
        <Card>
          <p className="text-2xl font-semibold">{n(o.completeAndReady)}</p>
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("overview.completeAndReady")}</p>
        </Card>
        <Card>
          <p className="text-2xl font-semibold">{n(o.onboarded)}</p>
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("overview.onboardedCount")}</p>
        </Card>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="distribution-title" className="space-y-2">
          <h2 id="distribution-title" className="text-lg font-semibold">
            {t("overview.distribution")}
          </h2>
          <DataTable headers={[t("overview.stepsCompleted"), t("overview.accountsHeader"), t("overview.share")]}>
            {o.distribution.map((count, done) => (
              <tr key={done}>
                <th scope="row" className="px-3 py-1.5 text-start font-medium">
                  <bdi>{n(done)}</bdi>{" "}
                  <span className="font-normal text-slate-600 dark:text-slate-400">
                    (<bdi>{percentText(fmt, percentOf(done))}</bdi>)
                  </span>
                </th>
                <td className="px-3 py-1.5">{n(count)}</td>
                <td className="w-1/2 px-3 py-1.5">
                  <div className="flex items-center gap-2">
                    <div className="h-2 flex-1 overflow-hidden rounded-full bg-slate-100 dark:bg-slate-800">
                      <div
                        className="h-full bg-brand-700 dark:bg-brand-500"
                        style={{ width: `${share(count) * 100}%` }}
                      />
                    </div>
                    <span className="w-14 text-end text-xs">
                      {percentText(fmt, Math.round(share(count) * 1000) / 10)}
                    </span>
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
        </section>
        <section aria-labelledby="bystep-title" className="space-y-2">
          <h2 id="bystep-title" className="text-lg font-semibold">
            {t("overview.byStep")}
          </h2>
          <DataTable headers={[t("overview.step"), t("overview.accountsHeader"), t("overview.stuckCount")]}>
            {o.byStep.map((b) => (
              <tr key={b.step}>
                <th scope="row" className="px-3 py-1.5 text-start font-medium">
                  {b.step === "done" ? (
                    t("stepDone")
                  ) : (
                    <Link
                      href={`/onboarding${overviewQuery(filters, { step: b.step, page: 1 })}`}
                      className="text-brand-700 hover:underline dark:text-brand-100"
                    >
                      {t(`steps.${b.step}`)}
                    </Link>
                  )}
                </th>
                <td className="px-3 py-1.5">{n(b.accounts)}</td>
                <td className="px-3 py-1.5">{b.step === "done" ? "—" : n(b.stuck)}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      </div>
      <section aria-labelledby="stuck-title" className="space-y-2">
        <h2 id="stuck-title" className="text-lg font-semibold">
          {t("overview.stuck", { count: filters.days, n: n(filters.days) })}
          {filters.step ? ` · ${t(`steps.${filters.step}`)}` : null}
        </h2>
        <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
          {t("overview.accounts", { count: o.stuck.total, n: n(o.stuck.total) })}
        </p>
        {o.stuck.rows.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-700">
            {t("overview.stuckEmpty")}
          </p>
        ) : (
          <DataTable
            headers={[
              t("overview.account"),
              t("overview.csm"),
              t("overview.step"),
              t("progressLabel"),
              t("overview.waiting"),
            ]}
          >
            {o.stuck.rows.map((r) => (
              <tr key={r.id}>
                <td className="px-3 py-2">
                  <Link
                    href={`/accounts/${r.id}/onboarding`}
                    className="font-medium text-brand-700 hover:underline dark:text-brand-100"
                  >
                    <bdi>{r.name}</bdi>
                  </Link>
                </td>
                <td className="px-3 py-2">{r.csmName ? <bdi>{r.csmName}</bdi> : t("overview.unassigned")}</td>
                <td className="px-3 py-2">
                  {t(`steps.${r.current}`)}
                  {r.pendingApproval ? (
                    <Badge tone="warn" className="ms-2">
                      {t("overview.pendingApproval")}
                    </Badge>
                  ) : null}
                </td>
                <td className="px-3 py-2">{percentText(fmt, percentOf(r.done))}</td>
                <td className="px-3 py-2">{formatRelative(fmt, r.since, now)}</td>
              </tr>
            ))}
          </DataTable>
        )}
        <PageLinks
          page={filters.page}
          total={o.stuck.total}
          pageSize={o.stuck.pageSize}
          maxPage={OVERVIEW_MAX_PAGE}
          href={(p) => `/onboarding${overviewQuery(filters, { page: p })}`}
          labels={{
            nav: t("overview.pagination"),
            previous: t("overview.previous"),
            next: t("overview.next"),
            pageOf: (page, pages) => t("overview.pageOf", { page, pages }),
          }}
          fmt={fmt}
        />
      </section>
    </div>
  );
}
