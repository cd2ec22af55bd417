import { getTranslations } from "next-intl/server";
import { ImportForm } from "@/components/support/import-form";
import { Card } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";
import { localeContext } from "@/lib/i18n/server";

export async function generateMetadata() {
  return { title: (await getTranslations("support"))("importPage.title") };
}

export default async function ImportTicketsPage() {
  await requirePage("tickets:write", "/support/import");
  const [t, fmt] = await Promise.all([getTranslations("support"), localeContext()]);
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold">{t("importPage.title")}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("importPage.description")}</p>
      </div>
      <Card>
        <ImportForm fmt={{ locale: fmt.locale, timeZone: fmt.timeZone }} />
      </Card>
    </div>
  );
}
