import { getRequestConfig } from "next-intl/server";
import { localeContext } from "./server";

export default getRequestConfig(async () => {
  const { locale, timeZone } = await localeContext();
  const messages = (await import(`./messages/${locale}.json`)).default;
  return { locale, messages, timeZone };
});
