import { expect, test } from "./fixtures";

test("a draft with a prohibited claim cannot be approved until its proposer edits it", async ({
  browser,
  page,
  m,
  signIn,
  expectAccessible,
}) => {
  const subject = `guard ${Date.now()} ${Math.random().toString(36).slice(2, 6)}`;
  await signIn("csm");
  await page.goto("/accounts?sort=name_asc");
  await page.locator("tbody a").first().click();
  await page.getByLabel(m.propose.subject, { exact: true }).fill(subject);
  await page.getByLabel(m.propose.body, { exact: true }).fill("نضمن لكم نتائج فورية، ولا نكشط أي بيانات.");
  await page.getByRole("button", { name: m.propose.submit }).click();
  await expect(page.getByText(m.propose.done)).toBeVisible();

  const founder = await browser.newPage();
  await founder.goto("/login");
  await founder.getByLabel(m.login.email).fill("founder@demo.test");
  await founder.getByLabel(m.login.password).fill("lifecycle-demo");
  await founder.getByRole("button", { name: m.login.submit, exact: true }).click();
  await founder.waitForURL(/\/accounts/);
  await founder.goto("/approvals");
  const card = founder.getByRole("article").filter({ hasText: subject });
  // The violation is named on the card (phrase and category); the negated "ولا نكشط" is not.
  const note = card.getByRole("note", { name: m.copyGuard.title });
  await expect(note).toBeVisible();
  await expect(note.getByText(m.copyGuard.categories.guaranteed_results, { exact: false })).toBeVisible();
  await expect(note.getByText(m.copyGuard.categories.exaggerated_speed, { exact: false })).toBeVisible();
  await expect(note.getByText(m.copyGuard.categories.scraping, { exact: false })).toHaveCount(0);
  await expect(card.getByRole("button", { name: m.approvals.approve })).toBeDisabled();
  await expectAccessible(founder);

  // The proposer rewrites it from the inbox; the payload is re-sealed.
  await page.goto("/approvals");
  const mine = page.getByRole("article").filter({ hasText: subject });
  await mine.getByRole("button", { name: m.copyGuard.edit }).click();
  await mine.getByLabel(m.copyGuard.fields.body).fill("لا نضمن أرقاما محددة، وسنراجع النتائج معكم كل أسبوع.");
  await mine.getByRole("button", { name: m.copyGuard.save }).click();
  await expect(mine.getByRole("note", { name: m.copyGuard.title })).toHaveCount(0);

  await founder.reload();
  await expect(card.getByRole("note", { name: m.copyGuard.title })).toHaveCount(0);
  await card.getByRole("button", { name: m.approvals.approve }).click();
  await expect(card).toHaveCount(0);
  await founder.goto("/ledger?action=proposals.edit");
  await expect(founder.getByText("proposals.edit").first()).toBeVisible();
  await founder.close();
});
