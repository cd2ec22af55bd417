import { expect, test } from "./fixtures";

test("signing out ends that session on the server; the same user's other session goes on", async ({
  browser,
  page,
  m,
  signIn,
  signInAs,
}) => {
  await signIn("analyst");
  const otherPage = await signInAs("analyst");

  // A copy of the cookie taken before signing out (a stolen or forgotten one) is dead afterwards.
  const copy = await page.context().cookies();
  await page.getByLabel(m.header.userMenu).click();
  await page.getByRole("button", { name: m.header.signOut }).click();
  await page.waitForURL(/\/login/);
  const replay = await browser.newContext();
  await replay.addCookies(copy);
  const replayPage = await replay.newPage();
  await replayPage.goto("/accounts");
  await expect(replayPage).toHaveURL(/\/login/);

  await otherPage.goto("/accounts");
  await expect(otherPage).toHaveURL(/\/accounts/);
  await replay.close();
});

test("a draft with invisible characters shows them to the approver; direction overrides are refused at the door", async ({
  page,
  m,
  lang,
  signIn,
  signInAs,
  expectAccessible,
}) => {
  const subject = `e2e invisible ${Date.now()} ${Math.random().toString(36).slice(2, 6)}`;
  await signIn("csm");
  await page.goto("/accounts?sort=name_asc");
  await page.locator("tbody a").first().click();
  await page.getByLabel(m.propose.subject, { exact: true }).fill(subject);
  // A right-to-left override would make the approver read an IBAN backwards: refused, nothing proposed.
  await page.getByLabel(m.propose.body, { exact: true }).fill("IBAN \u202eSA0380000000608010167519\u202c");
  await page.getByRole("button", { name: m.propose.submit }).click();
  await expect(page.getByText(m.validation.bidi_controls)).toBeVisible();
  await page.getByLabel(m.propose.body, { exact: true }).fill("Your first\u200b screen is ready — مرحبا\u200c بكم.");
  await page.getByRole("button", { name: m.propose.submit }).click();
  await expect(page.getByText(m.propose.done)).toBeVisible();

  const founder = await signInAs("founder");
  await founder.goto("/approvals");
  const card = founder.getByRole("article").filter({ hasText: subject });
  await expect(card.getByRole("note")).toBeVisible();
  await expect(card.locator('mark[data-invisible="U+200B"]')).toBeVisible();
  await expect(card.locator('mark[data-invisible="U+200C"]')).toBeVisible();
  await card.screenshot({ path: `screenshots/invisible-${lang}.png` });
  await expectAccessible(founder);
});

test("a founder's personal token can only be their own", async ({ page, m, signIn, expectAccessible }) => {
  await signIn("founder");
  await page.goto("/settings/tokens");
  await expect(page.getByRole("main").getByText("founder@demo.test").first()).toBeVisible();
  // No field to name another user: the form offers the signed-in founder only.
  await expect(page.getByLabel(m.tokens.user, { exact: true })).toHaveCount(0);
  await expectAccessible();
});
