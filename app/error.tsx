"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

// Server errors reach the browser without their message (only a digest), so the database case is
// recognised by the digest prefix set in lib/data (see DatabaseUnavailableError).
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errorPage");
  const database = error.message.includes("database_unavailable") || error.digest?.startsWith("database_unavailable");
  return (
    <main id="content" className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">{database ? t("databaseTitle") : t("title")}</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">{database ? t("databaseBody") : t("body")}</p>
      {error.digest ? (
        <p className="mt-2 text-xs text-slate-500" dir="ltr">
          {t("reference", { id: error.digest })}
        </p>
      ) : null}
      <Button className="mt-6" onClick={reset}>
        {t("retry")}
      </Button>
    </main>
  );
}
