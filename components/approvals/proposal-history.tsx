import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { formatDate, type TFormatContext } from "@/lib/i18n/format";

type TEntry = { seq: number; at: Date; actorType: string; actorId: string | null; action: string };

// Ledger actions a proposal's history names in words; anything else shows its code (never English prose).
const KNOWN = new Set([
  "proposals.create",
  "proposals.edit",
  "proposals.approve",
  "proposals.sole_approver",
  "proposals.reject",
  "proposals.requeue",
  "proposals.expire",
  "outbox.previewed",
  "outbox.sent",
  "outbox.retry",
  "outbox.failed",
]);
// System actors have names (spec: "Dispatcher", "Lifecycle tick", "SLA monitor").
const SYSTEM = new Set(["dispatcher", "lifecycle-tick", "sla-monitor"]);

/** The proposal's entries in the ledger, oldest first, in the reader's language, with a link to the full entries. */
export async function ProposalHistory({
  id,
  rows,
  names,
  fmt,
}: {
  id: string;
  rows: TEntry[];
  names: ReadonlyMap<string, string>;
  fmt: TFormatContext;
}) {
  const t = await getTranslations("approvals.history");
  const who = (r: TEntry) => {
    if (r.actorId && names.has(r.actorId)) return <bdi>{names.get(r.actorId)}</bdi>;
    if (r.actorId && SYSTEM.has(r.actorId)) return t(`system.${r.actorId}`);
    return <bdi className="font-mono text-xs">{r.actorId ?? r.actorType}</bdi>;
  };
  const what = (action: string) => {
    if (KNOWN.has(action)) return t(`actions.${action.replace(".", "_")}`);
    if (action.endsWith(".denied")) return t("denied");
    return <code className="text-xs">{action}</code>;
  };
  return (
    <section aria-labelledby="history-title" className="space-y-3">
      <h2 id="history-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("empty")}</p>
      ) : (
        <ol className="space-y-2 border-s-2 border-slate-200 ps-4 dark:border-slate-800">
          {rows.map((r) => (
            <li key={r.seq} className="text-sm">
              <time className="text-xs text-slate-600 dark:text-slate-400" dateTime={r.at.toISOString()}>
                {formatDate(fmt, r.at, "dateTime")}
              </time>
              <p>
                {what(r.action)} · {who(r)}
              </p>
            </li>
          ))}
        </ol>
      )}
      <Link
        href={`/ledger?target=${encodeURIComponent(`proposal:${id}`)}`}
        className="inline-block text-sm text-brand-700 hover:underline dark:text-brand-100"
      >
        {t("inLedger")}
      </Link>
    </section>
  );
}
