import { Bell } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { formatNumber } from "@/lib/i18n/format";
import { localeContext } from "@/lib/i18n/server";

/** The bell in the header: the reader's unread notices, counted by the layout. */
export async function NoticesLink({ unread }: { unread: number }) {
  const [t, fmt] = await Promise.all([getTranslations("notices"), localeContext()]);
  const n = formatNumber(fmt, unread);
  return (
    <Link
      href="/notices"
      aria-label={t("link", { count: unread, n })}
      className="relative inline-flex items-center rounded-md px-2 py-1.5 text-sm hover:bg-slate-200 dark:hover:bg-slate-800"
      data-testid="notices-link"
    >
      <Bell aria-hidden className="size-4" />
      {unread > 0 ? (
        <span
          aria-hidden
          className="ms-1 inline-flex min-w-5 items-center justify-center rounded-full bg-red-700 px-1.5 text-xs font-semibold text-white"
        >
          {n}
        </span>
      ) : null}
    </Link>
  );
}
