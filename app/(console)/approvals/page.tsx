import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ApprovalList } from "@/components/approvals/approval-list";
import { InboxFilters } from "@/components/approvals/inbox-filters";
import { inboxItem } from "@/components/approvals/inbox-item";
import type { TInboxEntry } from "@/components/approvals/inbox-types";
import { FreezeBanner } from "@/components/outbox/freeze-banner";
import { requirePage } from "@/lib/auth/session";
import { listProposals } from "@/lib/data/proposals";
import { can } from "@/lib/domain/auth/permissions";
import { kindOf } from "@/lib/proposals/kinds/registry";
import { parseInboxFilters } from "@/lib/domain/proposals/filters";
import { groupInbox } from "@/lib/domain/proposals/grouping";
import { isProposalKind } from "@/lib/domain/proposals/payloads";
import { formatNumber } from "@/lib/i18n/format";
import { localeContext } from "@/lib/i18n/server";
import { inboxContext } from "./inbox-context";

export async function generateMetadata() {
  return { title: (await getTranslations("approvals"))("title") };
}

const PAGE = 50;

export default async function ApprovalsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePage("accounts:read", "/approvals");
  const canDecide = can(user.role, "proposals:approve");
  const params = await searchParams;
  // Founders start at what waits for them; CSMs at their own proposals in every state.
  const { filters, ignored } = parseInboxFilters(params, canDecide ? "pending" : "all");
  const mine =
    filters.proposer === "me" || (!canDecide && filters.proposer !== "others" && can(user.role, "proposals:create"));
  const cursor = typeof params.cursor === "string" && /^[0-9a-f-]{36}$/.test(params.cursor) ? params.cursor : undefined;
  const now = new Date();
  const [t, fmt, list] = await Promise.all([
    getTranslations("approvals"),
    localeContext(),
    listProposals(
      {
        state: filters.state === "all" ? undefined : filters.state,
        kind: filters.kind,
        accountId: filters.account,
        proposerId: mine ? user.id : undefined,
        excludeProposerId: filters.proposer === "others" ? user.id : undefined,
        olderThanHours: filters.age ? Number(filters.age) : undefined,
        limit: PAGE,
        cursor,
      },
      now,
    ),
  ]);
  const ctx = await inboxContext(
    user,
    list.items.filter((p) => p.state === "pending").map((p) => p.id),
    fmt,
    now,
  );
  const items = await Promise.all(
    list.items.map((p) =>
      inboxItem(p, ctx, {
        canEdit: can(user.role, "proposals:create") && (p.proposer.id === user.id || canDecide),
      }),
    ),
  );
  const byId = new Map(items.map((i) => [i.id, i]));
  const entries: TInboxEntry[] = groupInbox(list.items, (k) => isProposalKind(k) && kindOf(k).groupDecidable).map(
    (e) =>
      e.type === "one"
        ? { type: "one", item: byId.get(e.item.id)! }
        : { type: "group", key: e.key, kind: e.kind, items: e.items.map((p) => byId.get(p.id)!) },
  );
  const next = list.nextCursor
    ? `/approvals?${new URLSearchParams({ ...(Object.fromEntries(Object.entries(params).filter(([, v]) => typeof v === "string")) as Record<string, string>), cursor: list.nextCursor })}`
    : null;
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          {canDecide ? t("descriptionFounder") : t("descriptionCsm")}
        </p>
      </div>
      <FreezeBanner freeze={ctx.freeze} />
      <InboxFilters filters={filters} />
      {ignored.length > 0 ? (
        <p
          role="status"
          className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
        >
          {t("ignoredFilters")}
        </p>
      ) : null}
      <p role="status" className="text-sm font-medium">
        {t("count", { count: list.total, n: formatNumber(fmt, list.total) })}
      </p>
      {items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
          <p className="font-medium">{t("empty")}</p>
        </div>
      ) : (
        <ApprovalList entries={entries} canDecide={canDecide} />
      )}
      {next ? (
        <Link href={next} className="inline-block text-sm text-brand-700 hover:underline dark:text-brand-100">
          {t("more")}
        </Link>
      ) : null}
    </div>
  );
}
