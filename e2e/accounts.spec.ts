import { expect, test } from "./fixtures";

test("a CSM searches accounts in Arabic, filters by tier, and the view lives in the URL", async ({
  page,
  m,
  signIn,
  expectAccessible,
}) => {
  await signIn("csm");
  await expect(page.getByRole("heading", { name: m.accounts.title })).toBeVisible();
  await expectAccessible();

  await page.getByLabel(m.accounts.search).fill("شركه"); // taa marbuta typed as haa still matches "شركة"
  await page.getByLabel(m.accounts.tier).selectOption("pro");
  await page.getByRole("button", { name: m.common.filters.apply }).click();
  await expect(page).toHaveURL(/q=/);
  await expect(page).toHaveURL(/tier=pro/);
  const names = page.locator("tbody tr td:first-child");
  await expect(names.first()).toBeVisible();
  for (const name of await names.allTextContents()) expect(name).toContain("شركة");
  for (const tier of await page.locator("tbody tr td:nth-child(2)").allTextContents()) expect(tier).toBe(m.tiers.pro);

  // Shared link: the same URL shows the same filters.
  const url = page.url();
  await page.goto(url);
  await expect(page.getByLabel(m.accounts.tier)).toHaveValue("pro");
});

test("nonsense filters in the URL are named and ignored, not fatal", async ({ page, m, signIn }) => {
  await signIn("analyst");
  await page.goto("/accounts?tier=platinum&page=-4");
  await expect(page.getByRole("status").filter({ hasText: m.accounts.filterNames.tier })).toBeVisible();
  await expect(page.locator("tbody tr").first()).toBeVisible();
});

test("an account page shows the header, milestones and timeline", async ({ page, m, signIn, expectAccessible }) => {
  await signIn("csm");
  await page.locator("tbody a").first().click();
  await expect(page).toHaveURL(/\/accounts\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: m.account.timeline })).toBeVisible();
  await expect(page.getByRole("heading", { name: m.account.onboarding })).toBeVisible();
  await expect(page.locator("ol li").first()).toBeVisible();
  await expectAccessible();
});

test("an unknown account is a translated 404", async ({ page, m, signIn }) => {
  await signIn("csm");
  const response = await page.goto("/accounts/00000000-0000-4000-8000-000000000000");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: m.notFound.title })).toBeVisible();
});
