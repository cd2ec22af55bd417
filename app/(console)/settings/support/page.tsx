import { getTranslations } from "next-intl/server";
import { SupportSettingsForm } from "@/components/support/settings-form";
import { Card } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";
import { getSupportSettings } from "@/lib/data/support-settings";
import { formatDate } from "@/lib/i18n/format";
import { localeContext } from "@/lib/i18n/server";

export async function generateMetadata() {
  return { title: (await getTranslations("support"))("settings.title") };
}

export default async function SupportSettingsPage() {
  await requirePage("settings:manage", "/settings/support");
  const [t, fmt, settings] = await Promise.all([
    getTranslations("support.settings"),
    localeContext(),
    getSupportSettings(),
  ]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t("description")}</p>
        <p className="mt-1 text-sm">
          {settings.updatedAt && settings.updatedBy
            ? t.rich("lastChange", {
                who: settings.updatedBy,
                when: formatDate(fmt, settings.updatedAt, "dateTime"),
                bdi: (c) => <bdi>{c}</bdi>,
              })
            : t("defaults")}
        </p>
      </div>
      <Card>
        <SupportSettingsForm keywords={settings.keywords} calendar={settings.calendar} />
      </Card>
    </div>
  );
}
