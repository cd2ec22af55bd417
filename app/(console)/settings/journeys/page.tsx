import { getTranslations } from "next-intl/server";
import { JourneySettingsForm } from "@/components/journeys/journey-settings-form";
import { requirePage } from "@/lib/auth/session";
import { readJourneySettingsNow } from "@/lib/data/journey-settings";
import { formatDate } from "@/lib/i18n/format";
import { localeContext } from "@/lib/i18n/server";

export async function generateMetadata() {
  return { title: (await getTranslations("journeys"))("settings.title") };
}

/** Founders edit the guardrail limit, the health weights and the touchpoint plan; every save is ledgered. */
export default async function JourneySettingsPage() {
  await requirePage("settings:manage", "/settings/journeys");
  const [t, fmt, settings] = await Promise.all([
    getTranslations("journeys"),
    localeContext(),
    readJourneySettingsNow(),
  ]);
  return (
    <div className="max-w-4xl space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("settings.title")}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("settings.description")}</p>
        {settings.updatedBy ? (
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {t.rich("settings.lastChange", {
              actor: settings.updatedBy,
              date: formatDate(fmt, settings.updatedAt, "dateTime"),
              bdi: (c) => <bdi>{c}</bdi>,
            })}
          </p>
        ) : null}
      </div>
      <JourneySettingsForm
        initial={{ weekly_limit: settings.weeklyLimit, weights: settings.weights, plan: [...settings.plan] }}
      />
    </div>
  );
}
