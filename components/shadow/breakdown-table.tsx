import type { TOutcomeCounts } from "@/lib/domain/shadow/report";

type Labels = {
  group: string;
  decisions: string;
  agree: string;
  disagree: string;
  known: string;
  unmatched: string;
  pct: string;
};

export function BreakdownTable({
  rows,
  labels,
  fmt,
  caption,
}: {
  rows: [string, TOutcomeCounts][];
  labels: Labels;
  fmt: (n: number | null, digits?: number) => string;
  caption: string;
}) {
  const th = "px-2 py-1.5 text-start text-xs font-semibold text-slate-600 dark:text-slate-400";
  const td = "px-2 py-1.5 tabular-nums";
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className="mb-2 text-start text-sm font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 dark:border-slate-800">
            <th scope="col" className={th}>
              {labels.group}
            </th>
            <th scope="col" className={th}>
              {labels.decisions}
            </th>
            <th scope="col" className={th}>
              {labels.agree}
            </th>
            <th scope="col" className={th}>
              {labels.disagree}
            </th>
            <th scope="col" className={th}>
              {labels.known}
            </th>
            <th scope="col" className={th}>
              {labels.unmatched}
            </th>
            <th scope="col" className={th}>
              {labels.pct}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, c]) => (
            <tr key={name} className="border-b border-slate-100 dark:border-slate-800">
              <th scope="row" className="px-2 py-1.5 text-start font-medium">
                {name}
              </th>
              <td className={td}>{fmt(c.decisions)}</td>
              <td className={td}>{fmt(c.agree)}</td>
              <td className={td}>{fmt(c.disagree)}</td>
              <td className={td}>{fmt(c.known_divergence)}</td>
              <td className={td}>{fmt(c.unmatched)}</td>
              <td className={td}>{c.agreement_pct === null ? "—" : `${fmt(c.agreement_pct, 1)}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
