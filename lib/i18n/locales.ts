/**
 * The one locale table: language, direction, and the exact Intl locale (numbering system and calendar
 * pinned so server and browser format identically).
 */
export const LOCALES = {
  en: { code: "en", dir: "ltr", intl: "en-GB-u-nu-latn-ca-gregory", label: "English" },
  ar: { code: "ar", dir: "rtl", intl: "ar-u-nu-arab-ca-gregory", label: "العربية" },
} as const;

export const LOCALE_CODES = ["en", "ar"] as const;
export type TLocale = (typeof LOCALE_CODES)[number];
export const DEFAULT_LOCALE: TLocale = "en";
export const LOCALE_COOKIE = "lc-locale";

export const isLocale = (v: unknown): v is TLocale => v === "en" || v === "ar";

/** Picks the best supported language from an Accept-Language header (q-values honoured). */
export function localeFromAcceptLanguage(header: string | null | undefined): TLocale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = Number(params.find((p) => p.trim().startsWith("q="))?.split("=")[1] ?? 1);
      return { lang: tag.toLowerCase().split("-")[0], q: Number.isFinite(q) ? q : 0 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  return (ranked.find((x) => isLocale(x.lang))?.lang as TLocale | undefined) ?? null;
}

/** User setting, else cookie, else Accept-Language, else English. */
export function resolveLocale(input: {
  user?: string | null;
  cookie?: string | null;
  acceptLanguage?: string | null;
}): TLocale {
  if (isLocale(input.user)) return input.user;
  if (isLocale(input.cookie)) return input.cookie;
  return localeFromAcceptLanguage(input.acceptLanguage) ?? DEFAULT_LOCALE;
}
