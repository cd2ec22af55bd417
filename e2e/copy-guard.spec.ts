import { DEMO_PASSWORD, EMAILS, expect, test } from "./fixtures";

test("a draft with a prohibited claim cannot be approved until its proposer edits it", async ({
  browser,
  page,
  m,
  lang,
  signIn,
  expectAccessible,
}) => {
  // Two sessions, an edit and an axe scan of a full inbox: more than the default minute on a busy machine.
  test.setTimeout(150_000);
  const subject = `guard ${Date.now()} ${Math.random().toString(36).slice(2, 6)}`;
  // The CSM works in a second browser context; the founder is the test's page (axe scans it).
  const csmContext = await browser.newContext({ locale: lang === "ar" ? "ar-SA" : "en-GB", timezoneId: "Asia/Riyadh" });
  const csm = await csmContext.newPage();
  await csm.goto("/login");
  await csm.getByLabel(m.login.email).fill(EMAILS.csm);
  await csm.getByLabel(m.login.password).fill(DEMO_PASSWORD);
  await csm.getByRole("button", { name: m.login.submit, exact: true }).click();
  await csm.waitForURL(/\/accounts/);
  await csm.goto("/accounts?sort=name_asc");
  await csm.locator("tbody a").first().click();
  await csm.getByLabel(m.propose.subject, { exact: true }).fill(subject);
  await csm.getByLabel(m.propose.body, { exact: true }).fill("نضمن لكم نتائج فورية، ولا نكشط أي بيانات.");
  await csm.getByRole("button", { name: m.propose.submit }).click();
  await expect(csm.getByText(m.propose.done)).toBeVisible();

  await signIn("founder");
  await page.goto("/approvals");
  const card = page.getByRole("article").filter({ hasText: subject });
  // The violation is named on the card (phrase and category); the negated "ولا نكشط" is not.
  const note = card.getByRole("note", { name: m.copyGuard.title });
  await expect(note).toBeVisible();
  await expect(note.getByText(m.copyGuard.categories.guaranteed_results, { exact: false })).toBeVisible();
  await expect(note.getByText(m.copyGuard.categories.exaggerated_speed, { exact: false })).toBeVisible();
  await expect(note.getByText(m.copyGuard.categories.scraping, { exact: false })).toHaveCount(0);
  await expect(card.getByRole("button", { name: m.approvals.approve })).toBeDisabled();
  await expectAccessible();

  // The proposer rewrites it from the inbox; the payload is re-sealed.
  await csm.goto("/approvals");
  const mine = csm.getByRole("article").filter({ hasText: subject });
  await mine.getByRole("button", { name: m.copyGuard.edit }).click();
  await mine.getByLabel(m.copyGuard.fields.body).fill("لا نضمن أرقاما محددة، وسنراجع النتائج معكم كل أسبوع.");
  await mine.getByRole("button", { name: m.copyGuard.save }).click();
  await expect(mine.getByRole("note", { name: m.copyGuard.title })).toHaveCount(0);
  await csmContext.close();

  await page.reload();
  await expect(card.getByRole("note", { name: m.copyGuard.title })).toHaveCount(0);
  await card.getByRole("button", { name: m.approvals.approve }).click();
  await expect(card).toHaveCount(0);
  await page.goto("/ledger?action=proposals.edit");
  await expect(page.getByText("proposals.edit").first()).toBeVisible();
});
