import { getTranslations } from "next-intl/server";
import { CopyGuardForm } from "@/components/settings/copy-guard-form";
import { Card } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";
import { getCopyGuardSettings } from "@/lib/data/copy-guard-settings";
import { formatDate } from "@/lib/i18n/format";
import { localeContext } from "@/lib/i18n/server";

export async function generateMetadata() {
  return { title: (await getTranslations("copyGuard.settings"))("title") };
}

/** Founders edit the copy guard's phrase lists (as they edit the support keywords) and test a sentence. */
export default async function CopyGuardSettingsPage() {
  await requirePage("settings:manage", "/settings/copy-guard");
  const [t, fmt, settings] = await Promise.all([
    getTranslations("copyGuard.settings"),
    localeContext(),
    getCopyGuardSettings(),
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
        <CopyGuardForm lists={settings.lists} />
      </Card>
    </div>
  );
}
