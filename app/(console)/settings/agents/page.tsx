import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { Field, Select } from "@/components/ui/field";
import { requirePage } from "@/lib/auth/session";
import { listMcpCalls, type TMcpOutcome } from "@/lib/data/mcp-calls";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { localeContext } from "@/lib/i18n/server";
import { MCP_TOOL_NAMES } from "@/lib/mcp/tool-names";
import { DataTable } from "@/components/ui/data-table";

export async function generateMetadata() {
  return { title: (await getTranslations("agents"))("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;
const OUTCOMES: readonly TMcpOutcome[] = ["ok", "error"];
const LIMIT = 200;

// Filters come from the URL: anything outside the known tools and outcomes is ignored, never queried.
const pick = <T extends string>(v: string | string[] | undefined, allowed: readonly T[]): T | undefined =>
  typeof v === "string" && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;

/** Founders only: the latest MCP tool calls (spec "Every tool call is audited"), newest first. */
export default async function AgentActivityPage({ searchParams }: { searchParams: Search }) {
  await requirePage("settings:manage", "/settings/agents");
  const params = await searchParams;
  const tool = pick(params.tool, MCP_TOOL_NAMES);
  const outcome = pick(params.outcome, OUTCOMES);
  const [t, fmt, calls] = await Promise.all([
    getTranslations("agents"),
    localeContext(),
    listMcpCalls({ tool, outcome, limit: LIMIT }),
  ]);
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t("description")}</p>
        <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
          <Link href="/settings/tokens" className="underline">
            {t("connectHint")}
          </Link>
        </p>
      </div>
      <form method="get" action="/settings/agents" className="grid grid-cols-1 gap-3 sm:grid-cols-3 sm:items-end">
        <Field id="tool" label={t("tool")}>
          <Select id="tool" name="tool" defaultValue={tool ?? ""} dir="ltr">
            <option value="">{t("allTools")}</option>
            {MCP_TOOL_NAMES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="outcome" label={t("outcome")}>
          <Select id="outcome" name="outcome" defaultValue={outcome ?? ""}>
            <option value="">{t("allOutcomes")}</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`outcomes.${o}`)}
              </option>
            ))}
          </Select>
        </Field>
        <div>
          <button type="submit" className={buttonClass("primary")}>
            {t("apply")}
          </button>
        </div>
      </form>
      <p className="text-sm font-medium" role="status">
        {t("callCount", { count: calls.length, n: formatNumber(fmt, calls.length) })}
      </p>
      {calls.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("empty")}</p>
      ) : (
        <DataTable headers={[t("at"), t("token"), t("tool"), t("outcome"), t("latency")]}>
          {calls.map((c) => (
            <tr key={c.id}>
              <td className="whitespace-nowrap px-3 py-2">{formatDate(fmt, c.at, "dateTime")}</td>
              <td className="px-3 py-2">
                <span dir="auto">{c.tokenName ?? t("deletedToken")}</span>
              </td>
              <td className="px-3 py-2">
                <details>
                  <summary className="cursor-pointer">
                    <code dir="ltr" className="text-xs">
                      {c.tool}
                    </code>
                  </summary>
                  <p className="mt-1 text-xs text-slate-500">{t("params")}</p>
                  <pre dir="ltr" className="max-w-xl overflow-x-auto whitespace-pre-wrap break-all text-xs">
                    {c.params}
                  </pre>
                </details>
              </td>
              <td className="px-3 py-2">
                <Badge tone={c.outcome === "ok" ? "ok" : "warn"}>{t(`outcomes.${c.outcome}`)}</Badge>
                {c.errorCode ? (
                  <code dir="ltr" className="ms-2 text-xs">
                    {c.errorCode}
                  </code>
                ) : null}
              </td>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                {t("latencyMs", { n: formatNumber(fmt, c.latencyMs) })}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
