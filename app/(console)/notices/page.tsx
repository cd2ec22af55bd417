import { getTranslations } from "next-intl/server";
import { MarkNoticesRead } from "@/components/notices/mark-notices-read";
import { NoticeText } from "@/components/notices/notice-text";
import { Card } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";
import { listNotices } from "@/lib/data/notices";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { localeContext } from "@/lib/i18n/server";
import Link from "next/link";

export async function generateMetadata() {
  return { title: (await getTranslations("notices"))("title") };
}

/** The signed-in person's notices, unread first; each says what happened in the reader's language. */
export default async function NoticesPage() {
  const user = await requirePage("profile:update", "/notices");
  const [t, fmt, notices] = await Promise.all([getTranslations("notices"), localeContext(), listNotices(user.id)]);
  const unread = notices.filter((n) => n.readAt === null).length;
  return (
    <div className="max-w-3xl space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            {t("unread", { count: unread, n: formatNumber(fmt, unread) })}
          </p>
        </div>
        {unread > 0 ? <MarkNoticesRead /> : null}
      </div>
      {notices.length === 0 ? (
        <Card>
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("empty")}</p>
        </Card>
      ) : (
        <ul className="space-y-3" aria-label={t("title")}>
          {notices.map((n) => (
            <li key={n.id}>
              <Card
                className={n.readAt ? "space-y-2" : "space-y-2 border-s-4 border-s-red-700 dark:border-s-red-500"}
                data-testid="notice"
              >
                <p className="text-sm">
                  {n.readAt ? null : (
                    <span className="me-2 font-semibold text-red-800 dark:text-red-300">{t("new")}</span>
                  )}
                  <NoticeText notice={n} />
                </p>
                <div className="flex flex-wrap items-center gap-3 text-xs text-slate-600 dark:text-slate-400">
                  <time dateTime={n.createdAt.toISOString()}>{formatDate(fmt, n.createdAt, "dateTime")}</time>
                  {n.href ? (
                    <Link href={n.href} className="font-medium text-brand-700 underline dark:text-brand-100">
                      {t("open")}
                    </Link>
                  ) : null}
                  {n.readAt ? null : <MarkNoticesRead id={n.id} />}
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
