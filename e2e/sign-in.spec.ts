import { expect, test } from "./fixtures";

test("the sign-in page speaks the browser's language, in the right direction, and is accessible", async ({
  page,
  m,
  lang,
  expectAccessible,
}) => {
  await page.goto("/accounts");
  await expect(page).toHaveURL(/\/login\?next=%2Faccounts/);
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expect(page.locator("html")).toHaveAttribute("dir", lang === "ar" ? "rtl" : "ltr");
  await expect(page.getByRole("heading", { name: m.login.title })).toBeVisible();
  await expect(page.getByText("founder@demo.test")).toBeVisible();
  await expectAccessible();
});

test("a wrong password gets a translated error and no session", async ({ page, m }) => {
  await page.goto("/login");
  await page.getByLabel(m.login.email).fill("analyst@demo.test");
  await page.getByLabel(m.login.password).fill("not-the-password");
  await page.getByRole("button", { name: m.login.submit, exact: true }).click();
  await expect(page.getByText(m.login.invalid)).toBeVisible();
  await page.goto("/accounts");
  await expect(page).toHaveURL(/\/login/);
});

for (const role of ["founder", "csm", "analyst"] as const) {
  test(`${role} signs in, sees only the areas of the role, and signs out`, async ({ page, m, signIn }) => {
    await signIn(role);
    const nav = page.getByRole("navigation", { name: m.nav.main });
    await expect(nav.getByRole("link", { name: m.nav.accounts })).toBeVisible();
    await nav.getByRole("link", { name: m.nav.settings }).click();
    await expect(page).toHaveURL(/\/settings\/profile$/);
    const sections = page.getByRole("navigation", { name: m.settings.sections });
    await expect(sections.getByRole("link", { name: m.nav.profile })).toHaveAttribute("aria-current", "page");
    await expect(sections.getByRole("link", { name: m.nav.users })).toHaveCount(role === "founder" ? 1 : 0);
    await page.getByLabel(m.header.userMenu).click();
    await expect(page.getByText(m.roles[role], { exact: true })).toBeVisible();
    await page.getByRole("button", { name: m.header.signOut }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/accounts");
    await expect(page).toHaveURL(/\/login/);
  });
}
