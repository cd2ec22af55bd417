"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { checkCopyAction } from "@/app/(console)/approvals/copy-guard-actions";
import type { TGuardLists } from "@/lib/domain/copy-guard/default-lists";
import type { TCopyFinding } from "@/lib/domain/copy-guard/guard";
import { queryKeys } from "@/lib/query-keys";

// The check runs once typing pauses this long: one request per pause, not per keystroke.
const DEBOUNCE_MS = 400;

/** A text once it has stopped changing for `ms` (compared by content: callers pass fresh objects). */
function useSettled(text: string, ms: number): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), ms);
    return () => clearTimeout(timer);
  }, [text, ms]);
  return settled;
}

const blockedOf = (outcome: unknown): TCopyFinding[] => {
  const b = (outcome as { blocked?: unknown } | null)?.blocked;
  return Array.isArray(b) ? (b as TCopyFinding[]) : [];
};

/**
 * What the outbound copy guard finds in a draft while it is written: each phrase and its category, so
 * a blocked draft is never a surprise. `outcome` is the form's last result (useActionForm's `data`):
 * when a proposal was made blocked, it says so plainly until the text changes. `lists` tests lists
 * being edited (Settings → Copy guard) instead of the saved ones.
 */
export function CopyGuardLive({
  fields,
  outcome,
  lists,
  showClean = false,
}: {
  fields: Record<string, string>;
  outcome?: unknown;
  lists?: TGuardLists;
  /** Say so when nothing is found (the test box); drafts stay quiet until something is. */
  showClean?: boolean;
}) {
  const t = useTranslations("copyGuard");
  const key = JSON.stringify(fields);
  // Lists being edited settle with the text: a keystroke in either is one check after the pause.
  const settled = JSON.parse(useSettled(JSON.stringify({ fields, lists }), DEBOUNCE_MS)) as {
    fields: Record<string, string>;
    lists?: TGuardLists;
  };
  const empty = Object.values(settled.fields).every((v) => v.trim() === "");
  const { data, isError } = useQuery({
    queryKey: queryKeys.copyCheck(settled.fields, settled.lists),
    queryFn: async () => {
      const r = await checkCopyAction(settled);
      if (!r.ok) throw new Error(r.code);
      return r.data.findings;
    },
    enabled: !empty,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  // The submit result shows until the draft is edited again: remember the text it was about.
  const [mark, setMark] = useState({ outcome, key });
  if (mark.outcome !== outcome) setMark({ outcome, key });
  const blocked = mark.outcome === outcome && mark.key === key ? blockedOf(outcome) : [];
  const findings = empty ? [] : (data ?? []);
  return (
    <div aria-live="polite" className="space-y-2">
      {blocked.length > 0 ? (
        <div
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          <p className="font-semibold">{t("live.proposedBlocked")}</p>
          <FindingList findings={blocked} />
        </div>
      ) : null}
      {findings.length > 0 && blocked.length === 0 ? (
        <div
          role="status"
          aria-label={t("live.title")}
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
        >
          <p className="font-semibold">{t("live.found", { count: findings.length })}</p>
          <FindingList findings={findings} />
        </div>
      ) : null}
      {showClean && !empty && data && findings.length === 0 ? (
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
          {t("live.clean")}
        </p>
      ) : null}
      {isError && !empty ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {t(lists ? "live.listsInvalid" : "live.unavailable")}
        </p>
      ) : null}
    </div>
  );
}

function FindingList({ findings }: { findings: TCopyFinding[] }) {
  const t = useTranslations("copyGuard");
  return (
    <ul className="mt-1 list-disc space-y-0.5 ps-5">
      {findings.map((f, i) => (
        <li key={`${f.field}-${f.index}-${i}`}>
          {t("finding", { category: t(`categories.${f.category}`), field: t(`fields.${f.field}`) })}{" "}
          {/* The quotes follow the page's direction; the phrase keeps its own (an Arabic phrase on an English page). */}
          <q className="font-medium">
            <bdi>{f.phrase}</bdi>
          </q>
        </li>
      ))}
    </ul>
  );
}
