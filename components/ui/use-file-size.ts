"use client";

import { useLocale, useTranslations } from "next-intl";
import { byteSize } from "@/lib/domain/byte-size";
import { formatNumber } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";

/** A byte count as "1.4 MB" / "900 KB" in the reader's language and number system. */
export function useFileSize(): (bytes: number) => string {
  const t = useTranslations("common.fileSize");
  const locale = useLocale() as TLocale;
  return (bytes) => {
    const { value, unit } = byteSize(bytes);
    return t(unit, { n: formatNumber({ locale, timeZone: "UTC" }, value, { maximumFractionDigits: 1 }) });
  };
}
