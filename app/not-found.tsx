import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main id="content" className="mx-auto max-w-lg px-4 py-16 text-center">
      <p className="text-5xl font-bold text-slate-500 dark:text-slate-400" aria-hidden>
        404
      </p>
      <h1 className="mt-4 text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">{t("body")}</p>
      <Link href="/accounts" className={buttonClass("primary", "mt-6")}>
        {t("back")}
      </Link>
    </main>
  );
}
