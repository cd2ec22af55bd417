import { getTranslations } from "next-intl/server";
import type { TFreeze } from "@/lib/domain/dispatch/types";
import { formatDate } from "@/lib/i18n/format";
import { localeContext } from "@/lib/i18n/server";

/** Shown wherever sending matters: while frozen, approvals still record but nothing is dispatched. */
export async function FreezeBanner({ freeze }: { freeze: TFreeze }) {
  const [t, fmt] = await Promise.all([getTranslations("outbox"), localeContext()]);
  if (!freeze.frozen) return null;
  return (
    <div
      role="status"
      className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <p className="font-semibold">{t("frozenTitle")}</p>
      <p>
        {t.rich("frozenBody", {
          who: freeze.by ?? "—",
          when: freeze.at ? formatDate(fmt, freeze.at, "dateTime") : "—",
          bdi: (c) => <bdi>{c}</bdi>,
        })}
      </p>
      {freeze.reason ? (
        <p>
          <bdi>{freeze.reason}</bdi>
        </p>
      ) : null}
    </div>
  );
}
