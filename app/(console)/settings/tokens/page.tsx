import { getTranslations } from "next-intl/server";
import { TokenCreateForm } from "@/components/settings/token-create-form";
import { TokenTable } from "@/components/settings/token-table";
import { Card } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";
import { listTokens } from "@/lib/data/tokens";
import { SCOPES } from "@/lib/domain/auth/scopes";
import { formatNumber } from "@/lib/i18n/format";
import { localeContext } from "@/lib/i18n/server";

export async function generateMetadata() {
  return { title: (await getTranslations("tokens"))("title") };
}

export default async function TokensPage() {
  const user = await requirePage("settings:manage", "/settings/tokens");
  const [t, fmt, tokens] = await Promise.all([getTranslations("tokens"), localeContext(), listTokens()]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t("description")}</p>
      </div>
      <Card aria-labelledby="new-token-title" className="space-y-4">
        <h2 id="new-token-title" className="text-lg font-semibold">
          {t("newToken")}
        </h2>
        <TokenCreateForm selfEmail={user.email} scopes={[...SCOPES]} />
      </Card>
      <p className="text-sm font-medium">
        {t("tokenCount", { count: tokens.length, n: formatNumber(fmt, tokens.length) })}
      </p>
      <TokenTable tokens={tokens} fmt={fmt} />
    </div>
  );
}
