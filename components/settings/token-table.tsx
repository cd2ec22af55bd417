import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import type { TTokenInfo } from "@/lib/domain/auth/tokens";
import { formatDate, type TFormatContext } from "@/lib/i18n/format";
import { TokenRevokeButton } from "./token-revoke-button";
import { DataTable } from "@/components/ui/data-table";

/** Every token with what it acts as; never the secret or its hash (the list has neither). */
export async function TokenTable({ tokens, fmt }: { tokens: TTokenInfo[]; fmt: TFormatContext }) {
  const t = await getTranslations("tokens");
  if (tokens.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{t("empty")}</p>;
  const when = (d: Date | null) => (d ? formatDate(fmt, d, "dateTime") : t("never"));
  return (
    <DataTable headers={[t("name"), t("holder"), t("createdAt"), t("lastUsed"), t("status"), t("actions")]}>
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
    </DataTable>
  );
}
