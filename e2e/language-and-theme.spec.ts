import { expect, test } from "./fixtures";

test("the language switch flips language and direction, and the choice sticks", async ({ page, lang }) => {
  await page.goto("/login");
  const other = lang === "ar" ? "en" : "ar";
  await page.getByRole("button", { name: lang === "ar" ? "التبديل إلى الإنجليزية" : "Switch to Arabic" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", other);
  await expect(page.locator("html")).toHaveAttribute("dir", other === "ar" ? "rtl" : "ltr");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", other);
});

test("the profile page saves language and time zone; the shell follows", async ({
  page,
  m,
  signIn,
  expectAccessible,
}) => {
  await signIn("analyst");
  await page.goto("/settings/profile");
  await expectAccessible();
  await expect(page.getByLabel(m.settings.timeZone)).toHaveValue("Asia/Riyadh");
});

test("dark theme applies and is keyboard reachable", async ({ page, m, signIn, expectAccessible }) => {
  await signIn("csm");
  await page.getByRole("button", { name: m.header.themeDark }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expectAccessible();
  await page.getByRole("button", { name: m.header.themeLight }).click();
  await expect(page.locator("html")).not.toHaveClass(/dark/);
});

test("a skip link is the first stop for keyboard users", async ({ page, m, signIn }) => {
  await signIn("csm");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: m.nav.skip })).toBeFocused();
});
