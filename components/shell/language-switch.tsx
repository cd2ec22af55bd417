"use client";

import { Languages } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { switchLocaleAction } from "@/app/actions";
import { buttonClass } from "@/components/ui/button";

export function LanguageSwitch() {
  const t = useTranslations("header");
  const locale = useLocale();
  const router = useRouter();
  const [pending, start] = useTransition();
  const next = locale === "ar" ? "en" : "ar";
  return (
    <button
      type="button"
      className={buttonClass("ghost")}
      aria-label={t("switchLanguageLabel")}
      disabled={pending}
      onClick={() =>
        start(async () => {
          await switchLocaleAction(next);
          router.refresh();
        })
      }
    >
      <Languages aria-hidden className="size-4" />
      <span lang={next}>{t("switchLanguage")}</span>
    </button>
  );
}
