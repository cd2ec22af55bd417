import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApprovalList } from "@/components/approvals/approval-list";
import { inboxItem } from "@/components/approvals/inbox-item";
import { ProposalHistory } from "@/components/approvals/proposal-history";
import { FreezeBanner } from "@/components/outbox/freeze-banner";
import { requirePage } from "@/lib/auth/session";
import { listLedger } from "@/lib/data/ledger";
import { getProposal } from "@/lib/data/proposals";
import { listUsers } from "@/lib/data/users";
import { can } from "@/lib/domain/auth/permissions";
import { isUuid } from "@/lib/domain/ids";
import { proposalHref } from "@/lib/domain/proposals/href";
import { localeContext } from "@/lib/i18n/server";
import { inboxContext } from "../inbox-context";

// A proposal's life is a handful of entries; refused attempts could add some. The ledger page has all.
const HISTORY = 100;

export async function generateMetadata() {
  return { title: (await getTranslations("approvals"))("page.title") };
}

/** One proposal: its state, exactly what it would do, its history from the ledger, and the decision the viewer may take. */
export default async function ProposalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePage("accounts:read", isUuid(id) ? proposalHref(id) : "/approvals");
  const p = isUuid(id) ? await getProposal(id.toLowerCase()) : null;
  if (!p) notFound();
  const now = new Date();
  const [t, fmt, history, users] = await Promise.all([
    getTranslations("approvals"),
    localeContext(),
    can(user.role, "ledger:read") ? listLedger({ target: `proposal:${p.id}` }, HISTORY) : null,
    listUsers(),
  ]);
  const ctx = await inboxContext(user, p.state === "pending" ? [p.id] : [], fmt, now);
  const canDecide = can(user.role, "proposals:approve");
  const item = await inboxItem(p, ctx, {
    canEdit: can(user.role, "proposals:create") && (p.proposer.id === user.id || canDecide),
    linkToPage: false,
  });
  return (
    <div className="space-y-5">
      <div>
        <Link href="/approvals" className="text-sm text-brand-700 hover:underline dark:text-brand-100">
          {t("page.back")}
        </Link>
        <h1 className="mt-1 text-2xl font-bold">{t("page.heading", { kind: t(`kinds.${p.kind}`) })}</h1>
      </div>
      <FreezeBanner freeze={ctx.freeze} />
      <ApprovalList entries={[{ type: "one", item }]} canDecide={canDecide} />
      {history ? (
        <ProposalHistory
          id={p.id}
          rows={[...history.rows].reverse()}
          names={new Map(users.map((u) => [u.id, u.name]))}
          fmt={fmt}
        />
      ) : null}
    </div>
  );
}
