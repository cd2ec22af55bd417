import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import { daysUntil, type TAccountDetail } from "@/lib/domain/accounts/types";
import { formatCalendarDate, formatDate, formatNumber, type TFormatContext } from "@/lib/i18n/format";

export async function AccountHeader({
  account,
  fmt,
  now,
}: {
  account: TAccountDetail;
  fmt: TFormatContext;
  now: Date;
}) {
  const [t, tTiers, tRegions, tLang, tc] = await Promise.all([
    getTranslations("account"),
    getTranslations("tiers"),
    getTranslations("regions"),
    getTranslations("languages"),
    getTranslations("common"),
  ]);
  const left = account.contractEnd ? daysUntil(account.contractEnd, now) : null;
  const facts: [string, React.ReactNode][] = [
    [
      t("csm"),
      <span key="csm" dir="auto">
        {account.csmName ?? tc("dash")}
      </span>,
    ],
    [t("region"), tRegions.has(account.region) ? tRegions(account.region) : account.region],
    [t("language"), tLang(account.preferredLocale)],
    [t("signup"), formatDate(fmt, account.signupAt)],
    [
      t("contract"),
      account.contractStart && account.contractEnd ? (
        <>
          {t("contractRange", {
            start: formatCalendarDate(fmt, account.contractStart),
            end: formatCalendarDate(fmt, account.contractEnd),
          })}
          {left !== null ? (
            <Badge tone={left < 0 ? "muted" : left <= 90 ? "warn" : "ok"} className="ms-2">
              {left < 0 ? t("ended") : t("endsIn", { count: left, n: formatNumber(fmt, left) })}
            </Badge>
          ) : null}
        </>
      ) : (
        t("noContract")
      ),
    ],
    [t("lastActivity"), account.lastActivityAt ? formatDate(fmt, account.lastActivityAt, "dateTime") : t("never")],
  ];
  return (
    <header className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold" dir="auto">
          {account.name}
        </h1>
        <Badge tone={account.tier}>{tTiers(account.tier)}</Badge>
      </div>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
        {facts.map(([label, value]) => (
          <div key={label} className="flex flex-wrap gap-x-2">
            <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
            <dd className="font-medium">{value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
