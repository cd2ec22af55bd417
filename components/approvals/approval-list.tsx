"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useOptimistic, useRef, useState, useTransition } from "react";
import { approveAction, bulkApproveAction, rejectAction, soleApproveAction } from "@/app/(console)/approvals/actions";
import { Button } from "@/components/ui/button";
import type { TResult } from "@/lib/errors";
import { formatNumber } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import { DecisionControls, type TDecide } from "./decision-controls";
import type { TInboxEntry, TInboxItem } from "./inbox-types";
import { ProposalGroup } from "./proposal-group";

type TBulkCall = { id: string; payload_hash: string }[];

/**
 * The founder's queue. Decisions are optimistic: the card leaves at once and comes back with the
 * error if the server refuses (React restores the base list when the transition ends without a
 * refresh). Shortcuts use KeyboardEvent.code, so they work on an Arabic keyboard layout too:
 * J/K move, A approves, R opens reject. Groups of one run's similar system proposals are decided
 * together or, expanded, one by one.
 */
export function ApprovalList({ entries, canDecide }: { entries: TInboxEntry[]; canDecide: boolean }) {
  const locale = useLocale() as TLocale;
  const t = useTranslations("approvals");
  const tErrors = useTranslations("errors");
  const tGuard = useTranslations("copyGuard");
  const router = useRouter();
  const n = (count: number) => formatNumber({ locale, timeZone: "UTC" }, count);
  const [pending, start] = useTransition();
  const [hidden, hide] = useOptimistic<string[], string[]>([], (list, ids) => [...list, ...ids]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [confirmBulk, setConfirmBulk] = useState(false);
  const refs = useRef(new Map<string, HTMLElement>());

  const shown = entries
    .map((e): TInboxEntry | null => {
      if (e.type === "one") return hidden.includes(e.item.id) ? null : e;
      const items = e.items.filter((i) => !hidden.includes(i.id));
      return items.length === 0 ? null : { ...e, items };
    })
    .filter((e): e is TInboxEntry => e !== null);
  const visible = shown.flatMap((e) => (e.type === "one" ? [e.item] : e.items));

  function run(ids: string[], call: () => Promise<TResult<unknown>>, done: string) {
    setError(null);
    setNotice(null);
    start(async () => {
      hide(ids);
      const r = await call().catch((): TResult<unknown> => ({ ok: false, code: "internal" }));
      if (!r.ok) {
        setError(tErrors(r.code));
        return;
      }
      setNotice(done);
      router.refresh();
    });
  }

  const bulk = (batch: TBulkCall) => async (): Promise<TResult<unknown>> => {
    const r = await bulkApproveAction(batch);
    if (r.ok && r.data.failed.length > 0) return { ok: false, code: r.data.failed[0]!.code } as TResult<unknown>;
    return r;
  };
  const d: TDecide = {
    pending,
    rejecting,
    setRejecting,
    approve: (i) => run([i.id], () => approveAction({ id: i.id, payload_hash: i.payloadHash }), t("approvedOne")),
    reject: (id, reason) => run([id], () => rejectAction({ id, reason }), t("rejectedOne")),
    soleApprove: (i, reason) =>
      run([i.id], () => soleApproveAction({ id: i.id, payload_hash: i.payloadHash, reason }), t("approvedOne")),
  };
  const approveGroup = (items: TInboxItem[]) => {
    const batch = items.map((i) => ({ id: i.id, payload_hash: i.payloadHash }));
    run(
      batch.map((b) => b.id),
      bulk(batch),
      t("bulkDone", { count: batch.length, n: n(batch.length) }),
    );
  };
  // "Approve all" is for customer messages only; the server refuses any other kind in the set too.
  const decidable = visible.filter((i) => i.gate?.status === "decide" && !i.blocked && i.bulkApprovable);
  const skipped = visible.filter((i) => i.gate?.status === "decide" && i.blocked).length;

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const target = e.target as HTMLElement;
      if (
        !canDecide ||
        e.altKey ||
        e.ctrlKey ||
        e.metaKey ||
        target.closest("input, textarea, select, [contenteditable]")
      )
        return;
      const ids = visible.map((i) => i.id);
      const current = ids.findIndex((id) => refs.current.get(id)?.contains(document.activeElement));
      const focus = (idx: number) => refs.current.get(ids[Math.max(0, Math.min(ids.length - 1, idx))] ?? "")?.focus();
      const item = visible[current];
      const open = item?.gate?.status === "decide";
      if (e.code === "KeyJ") focus(current + 1);
      else if (e.code === "KeyK") focus(current - 1);
      else if (e.code === "KeyA" && item && open && !item.blocked) d.approve(item);
      else if (e.code === "KeyR" && item && open) setRejecting(item.id);
      else return;
      e.preventDefault();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const card = (i: TInboxItem) => (
    <article
      tabIndex={-1}
      ref={(el) => {
        if (el) refs.current.set(i.id, el);
        else refs.current.delete(i.id);
      }}
      aria-label={t("proposalLabel")}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm focus-within:ring-2 focus-within:ring-brand-500 dark:border-slate-800 dark:bg-slate-900"
    >
      {i.card}
      <DecisionControls item={i} d={d} />
    </article>
  );

  return (
    <div className="space-y-4">
      <div aria-live="polite" className="space-y-2">
        {error ? (
          <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
            {error}
          </p>
        ) : null}
        {notice ? (
          <p className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
            {notice}
          </p>
        ) : null}
      </div>
      {canDecide && decidable.length > 1 ? (
        <div className="flex flex-wrap items-center gap-3 rounded-md border border-slate-200 p-3 dark:border-slate-800">
          {confirmBulk ? (
            <>
              <p className="text-sm font-medium">
                {t("bulkConfirm", { count: decidable.length, n: n(decidable.length) })}
                {skipped > 0 ? ` ${tGuard("bulkSkipped", { count: skipped, n: n(skipped) })}` : null}
              </p>
              <Button
                disabled={pending}
                onClick={() => {
                  setConfirmBulk(false);
                  const batch = decidable.map((i) => ({ id: i.id, payload_hash: i.payloadHash }));
                  run(
                    batch.map((b) => b.id),
                    bulk(batch),
                    t("bulkDone", { count: batch.length, n: n(batch.length) }) +
                      (skipped > 0 ? ` ${tGuard("bulkSkipped", { count: skipped, n: n(skipped) })}` : ""),
                  );
                }}
              >
                {t("bulkYes")}
              </Button>
              <Button variant="secondary" onClick={() => setConfirmBulk(false)}>
                {t("cancel")}
              </Button>
            </>
          ) : (
            <Button variant="secondary" onClick={() => setConfirmBulk(true)}>
              {t("bulkApprove", { count: decidable.length, n: n(decidable.length) })}
            </Button>
          )}
          <p className="text-xs text-slate-600 dark:text-slate-400">{t("shortcuts")}</p>
        </div>
      ) : null}
      <ul className="space-y-4">
        {shown.map((e) =>
          e.type === "one" ? (
            <li key={e.item.id}>{card(e.item)}</li>
          ) : (
            <li key={e.key}>
              <ProposalGroup
                kind={e.kind}
                items={e.items}
                pending={pending}
                canApproveAll={canDecide && e.items.every((i) => i.gate?.status === "decide" && !i.blocked)}
                onApproveAll={() => approveGroup(e.items)}
                renderItem={card}
              />
            </li>
          ),
        )}
      </ul>
    </div>
  );
}
