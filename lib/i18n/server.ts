import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { currentUser } from "../auth/session";
import { env } from "../env";
import type { TFormatContext } from "./format";
import { LOCALE_COOKIE, LOCALES, resolveLocale } from "./locales";

/** This request's language, direction and time zone (user setting → cookie → Accept-Language). */
export const localeContext = cache(async (): Promise<TFormatContext & { dir: "ltr" | "rtl" }> => {
  const [user, jar, h] = await Promise.all([currentUser().catch(() => null), cookies(), headers()]);
  const locale = resolveLocale({
    user: user?.locale,
    cookie: jar.get(LOCALE_COOKIE)?.value,
    acceptLanguage: h.get("accept-language"),
  });
  return { locale, dir: LOCALES[locale].dir, timeZone: user?.timeZone ?? env().DEFAULT_TIME_ZONE };
});
