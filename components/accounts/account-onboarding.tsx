import { Check, Circle } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { MILESTONES } from "@/lib/domain/accounts/milestones";
import type { TAccountDetail } from "@/lib/domain/accounts/types";
import { formatDate, type TFormatContext } from "@/lib/i18n/format";

export async function AccountOnboarding({ account, fmt }: { account: TAccountDetail; fmt: TFormatContext }) {
  const t = await getTranslations("account");
  return (
    <Card aria-labelledby="onboarding-title" className="space-y-3">
      <h2 id="onboarding-title" className="text-lg font-semibold">
        {t("onboarding")}
      </h2>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {account.onboardingCompletedAt
          ? t("onboardingDone", { date: formatDate(fmt, account.onboardingCompletedAt) })
          : t("onboardingOpen")}
      </p>
      <ul className="space-y-1.5 text-sm">
        {MILESTONES.map((m) => (
          <li key={m} className="flex items-center gap-2">
            {account.milestones[m] ? (
              <Check aria-hidden className="size-4 text-emerald-700 dark:text-emerald-400" />
            ) : (
              <Circle aria-hidden className="size-4 text-slate-400" />
            )}
            <span>{t(`milestones.${m}`)}</span>
            <span className="sr-only">: {account.milestones[m] ? t("done") : t("notYet")}</span>
          </li>
        ))}
      </ul>
      <h3 className="pt-2 text-sm font-semibold">{t("nudges")}</h3>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        {(["day1", "day3", "day7"] as const).map((d) => (
          <div key={d} className="contents">
            <dt className="font-mono text-xs leading-5" dir="ltr">
              {d}
            </dt>
            <dd>
              {account.nudgesSentAt[d]
                ? t("nudgeSent", { date: formatDate(fmt, account.nudgesSentAt[d]) })
                : t("nudgeNotSent")}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
