import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import type { TTokenInfo } from "@/lib/domain/auth/tokens";
import { formatDate, type TFormatContext } from "@/lib/i18n/format";
import { TokenRevokeButton } from "./token-revoke-button";

/** Every token with what it acts as; never the secret or its hash (the list has neither). */
export async function TokenTable({ tokens, fmt }: { tokens: TTokenInfo[]; fmt: TFormatContext }) {
  const t = await getTranslations("tokens");
  if (tokens.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{t("empty")}</p>;
  const th = "px-3 py-2 text-start text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400";
  const when = (d: Date | null) => (d ? formatDate(fmt, d, "dateTime") : t("never"));
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="min-w-full divide-y divide-slate-200 text-sm dark:divide-slate-800">
        <thead className="bg-slate-50 dark:bg-slate-950">
          <tr>
            <th scope="col" className={th}>
              {t("name")}
            </th>
            <th scope="col" className={th}>
              {t("holder")}
            </th>
            <th scope="col" className={th}>
              {t("createdAt")}
            </th>
            <th scope="col" className={th}>
              {t("lastUsed")}
            </th>
            <th scope="col" className={th}>
              {t("status")}
            </th>
            <th scope="col" className={th}>
              {t("actions")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {tokens.map((tok) => (
            <tr key={tok.id} className={tok.revokedAt ? "text-slate-500" : undefined}>
              <td className="px-3 py-2 font-medium">
                <span dir="auto">{tok.name}</span>
                <span className="block text-xs font-normal text-slate-500">{t(`kindShort.${tok.kind}`)}</span>
                <code dir="ltr" className="block text-xs font-normal">
                  {tok.prefix}…
                </code>
              </td>
              <td className="px-3 py-2">
                {tok.kind === "personal" ? (
                  <span dir="ltr">{tok.userEmail}</span>
                ) : (
                  <ul className="flex flex-wrap gap-1">
                    {tok.scopes.map((s) => (
                      <li key={s}>
                        <code dir="ltr" className="rounded bg-slate-100 px-1 text-xs dark:bg-slate-800">
                          {s}
                        </code>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="px-3 py-2">
                {when(tok.createdAt)}
                <span className="block text-xs text-slate-500">{t("createdBy", { name: tok.createdBy })}</span>
              </td>
              <td className="px-3 py-2">{when(tok.lastUsedAt)}</td>
              <td className="px-3 py-2">
                {tok.revokedAt ? (
                  <>
                    <Badge tone="muted">{t("revoked")}</Badge>
                    <span className="block text-xs text-slate-500">{when(tok.revokedAt)}</span>
                  </>
                ) : (
                  <Badge tone="ok">{t("active")}</Badge>
                )}
              </td>
              <td className="px-3 py-2">{tok.revokedAt ? null : <TokenRevokeButton id={tok.id} name={tok.name} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
