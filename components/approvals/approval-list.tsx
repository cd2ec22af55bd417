"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useOptimistic, useRef, useState, useTransition, type ReactNode } from "react";
import { approveAction, bulkApproveAction, rejectAction } from "@/app/(console)/approvals/actions";
import { Button } from "@/components/ui/button";
import type { TResult } from "@/lib/errors";
import { formatNumber } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";

export type TInboxItem = {
  id: string;
  payloadHash: string;
  decidable: boolean;
  /** The outbound copy guard found a prohibited claim: approval waits for an edit. */
  blocked?: boolean;
  /** Its kind may be approved with others at once (lib/proposals/kinds/). */
  bulkApprovable?: boolean;
  card: ReactNode;
};

/**
 * The founder's queue. Decisions are optimistic: the card leaves at once and comes back with the
 * error if the server refuses (React restores the base list when the transition ends without a
 * refresh). Shortcuts use KeyboardEvent.code, so they work on an Arabic keyboard layout too:
 * J/K move, A approves, R opens reject.
 */
export function ApprovalList({ items, canDecide }: { items: TInboxItem[]; canDecide: boolean }) {
  const locale = useLocale() as TLocale;
  const t = useTranslations("approvals");
  const tErrors = useTranslations("errors");
  const tGuard = useTranslations("copyGuard");
  const router = useRouter();
  const n = (count: number) => formatNumber({ locale, timeZone: "UTC" }, count);
  const [pending, start] = useTransition();
  const [visible, hide] = useOptimistic(items, (list, ids: string[]) => list.filter((i) => !ids.includes(i.id)));
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [confirmBulk, setConfirmBulk] = useState(false);
  const refs = useRef(new Map<string, HTMLElement>());

  function decide(ids: string[], call: () => Promise<TResult<unknown>>, done: string) {
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

  const approve = (i: TInboxItem) =>
    decide([i.id], () => approveAction({ id: i.id, payload_hash: i.payloadHash }), t("approvedOne"));
  const reject = (id: string) => decide([id], () => rejectAction({ id, reason }), t("rejectedOne"));
  const decidable = visible.filter((i) => i.decidable && !i.blocked && i.bulkApprovable !== false);
  const skipped = visible.filter((i) => i.decidable && i.blocked).length;

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
      if (e.code === "KeyJ") focus(current + 1);
      else if (e.code === "KeyK") focus(current - 1);
      else if (e.code === "KeyA" && item?.decidable && !item.blocked) approve(item);
      else if (e.code === "KeyR" && item?.decidable) setRejecting(item.id);
      else return;
      e.preventDefault();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

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
                  decide(
                    batch.map((b) => b.id),
                    async () => {
                      const r = await bulkApproveAction(batch);
                      if (r.ok && r.data.failed.length > 0)
                        return { ok: false, code: r.data.failed[0]!.code } as TResult<unknown>;
                      return r;
                    },
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
        {visible.map((i) => (
          <li key={i.id}>
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
              {canDecide && i.decidable ? (
                rejecting === i.id ? (
                  <div className="space-y-2">
                    <label htmlFor={`reason-${i.id}`} className="block text-sm font-medium">
                      {t("rejectReason")}
                    </label>
                    <textarea
                      id={`reason-${i.id}`}
                      dir="auto"
                      autoFocus
                      maxLength={1000}
                      value={reason}
                      onChange={(e) => setReason(e.target.value)}
                      className="block w-full rounded-md border border-slate-300 bg-white p-2 text-sm dark:border-slate-600 dark:bg-slate-950"
                    />
                    <div className="flex gap-2">
                      <Button variant="danger" disabled={pending || reason.trim() === ""} onClick={() => reject(i.id)}>
                        {t("rejectConfirm")}
                      </Button>
                      <Button variant="secondary" onClick={() => setRejecting(null)}>
                        {t("cancel")}
                      </Button>
                    </div>
                  </div>
                ) : (
                  <div className="flex flex-wrap items-center gap-2">
                    <Button
                      disabled={pending || i.blocked}
                      onClick={() => approve(i)}
                      aria-keyshortcuts="A"
                      aria-describedby={i.blocked ? `blocked-${i.id}` : undefined}
                    >
                      {t("approve")}
                    </Button>
                    <Button
                      variant="secondary"
                      disabled={pending}
                      onClick={() => {
                        setReason("");
                        setRejecting(i.id);
                      }}
                      aria-keyshortcuts="R"
                    >
                      {t("reject")}
                    </Button>
                    {i.blocked ? (
                      <span id={`blocked-${i.id}`} className="text-xs text-red-800 dark:text-red-300">
                        {tGuard("blocked")}
                      </span>
                    ) : null}
                  </div>
                )
              ) : null}
            </article>
          </li>
        ))}
      </ul>
    </div>
  );
}
