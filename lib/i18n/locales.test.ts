import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, resolveLocale } from "./locales";

describe("locale resolution", () => {
  it("prefers the user's setting, then the cookie, then Accept-Language", () => {
    expect(resolveLocale({ user: "ar", cookie: "en", acceptLanguage: "en" })).toBe("ar");
    expect(resolveLocale({ user: null, cookie: "ar", acceptLanguage: "en" })).toBe("ar");
    expect(resolveLocale({ acceptLanguage: "ar-SA,ar;q=0.9,en;q=0.8" })).toBe("ar");
    expect(resolveLocale({})).toBe("en");
  });

  it("honours q-values and ignores unsupported or malformed entries", () => {
    expect(localeFromAcceptLanguage("fr-FR, ar;q=0.5, en;q=0.7")).toBe("en");
    expect(localeFromAcceptLanguage("de, fr")).toBeNull();
    expect(localeFromAcceptLanguage(";;,q=x")).toBeNull();
    expect(localeFromAcceptLanguage("ar;q=0")).toBeNull();
  });

  it("ignores invalid stored values", () => {
    expect(resolveLocale({ user: "xx", cookie: "<script>", acceptLanguage: null })).toBe("en");
  });
});
