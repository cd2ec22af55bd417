import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/card";
import type { TGuardLists } from "@/lib/domain/copy-guard/default-lists";
import { approvalOutcome, displayState, type TDisplayState } from "@/lib/domain/proposals/display-state";
import { proposalHref } from "@/lib/domain/proposals/href";
import type { TMessagePayload } from "@/lib/domain/proposals/payloads";
import type { TProposal } from "@/lib/domain/proposals/types";
import { formatDate, formatRelative, type TFormatContext } from "@/lib/i18n/format";
import { guardProposal, copyTextOf } from "@/lib/proposals/kinds/copy-fields";
import { queuesMessage } from "@/lib/proposals/kinds/registry";
import { CopyGuardNotice } from "./copy-guard-notice";
import { EditDraftForm } from "./edit-draft-form";
import { MessagePreview } from "./message-preview";
import { OnboardingPreview } from "./onboarding-preview";

const STATE_TONE: Record<TDisplayState, string> = {
  pending: "warn",
  applied: "ok",
  queued: "muted",
  held: "warn",
  sending: "muted",
  previewed: "muted",
  sent: "ok",
  failed: "warn",
  rejected: "muted",
  expired: "muted",
};

export async function ProposalCard({
  p,
  fmt,
  now,
  guardLists,
  canEdit = false,
  frozen,
  liveSending,
  linkToPage = true,
}: {
  p: TProposal;
  fmt: TFormatContext;
  now: Date;
  /** The copy guard's lists in force (the page reads them); the code's defaults when left out. */
  guardLists?: TGuardLists;
  /** The viewer may rewrite this pending draft's customer-facing text (its proposer or a founder). */
  canEdit?: boolean;
  frozen: boolean;
  liveSending: boolean;
  /** Link the kind to the proposal's own page (not on that page itself). */
  linkToPage?: boolean;
}) {
  const t = await getTranslations("approvals");
  const text = copyTextOf(p.kind, p.payload);
  const guard = p.state === "pending" ? guardProposal(p.kind, p.payload, guardLists) : null;
  const shown = displayState({ state: p.state, outbox: p.outboxState ? { state: p.outboxState } : null, frozen });
  const kind = t(`kinds.${p.kind}`);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        {linkToPage ? (
          <Link href={proposalHref(p.id)} className="font-semibold text-brand-700 hover:underline dark:text-brand-100">
            {kind}
          </Link>
        ) : (
          <Badge tone="muted">{kind}</Badge>
        )}
        <Badge tone={STATE_TONE[shown]}>{t(`display.${shown}`)}</Badge>
        {p.accountId && p.accountName ? (
          <Link
            href={`/accounts/${p.accountId}`}
            className="font-medium text-brand-700 hover:underline dark:text-brand-100"
          >
            <bdi>{p.accountName}</bdi>
          </Link>
        ) : null}
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {t.rich("proposedBy", {
          who: p.proposer.label,
          when: formatRelative(fmt, p.createdAt, now),
          bdi: (c) => <bdi>{c}</bdi>,
        })}
        {p.state === "pending" ? ` · ${t("expires", { date: formatDate(fmt, p.expiresAt, "dateTime") })}` : null}
      </p>
      {p.reason ? (
        <p className="text-sm">
          <span className="text-slate-600 dark:text-slate-400">{t("reason")}: </span>
          <bdi>{p.reason}</bdi>
        </p>
      ) : null}
      {p.kind === "message" || p.kind === "nudge" || p.kind === "ticket_reply" ? (
        <MessagePreview payload={p.payload as TMessagePayload} labels={{ to: t("to"), subject: t("subject") }} />
      ) : p.kind === "checklist_step" || p.kind === "connector_execute" ? (
        <OnboardingPreview p={p} />
      ) : (
        <p className="rounded-md bg-slate-50 p-3 text-sm dark:bg-slate-950">
          <bdi>{(p.payload as { reason: string }).reason}</bdi>
        </p>
      )}
      {p.state === "pending" ? (
        <p className="text-sm font-medium">
          {t(`outcome.${approvalOutcome({ sends: queuesMessage(p.kind), frozen, liveSending })}`)}
        </p>
      ) : null}
      {guard ? <CopyGuardNotice findings={guard.findings} /> : null}
      {canEdit && p.state === "pending" && Object.keys(text).length > 0 ? (
        <EditDraftForm id={p.id} payloadHash={p.payloadHash} fields={text} />
      ) : null}
      {p.decidedAt ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {t.rich("decidedBy", {
            who: p.decidedByLabel ?? "—",
            when: formatDate(fmt, p.decidedAt, "dateTime"),
            bdi: (c) => <bdi>{c}</bdi>,
          })}
          {p.decisionReason ? (
            <>
              {" · "}
              <bdi>{p.decisionReason}</bdi>
            </>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
