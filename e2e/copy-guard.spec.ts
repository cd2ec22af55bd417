import { DEMO_PASSWORD, EMAILS, expect, test } from "./fixtures";

test("a draft with a prohibited claim cannot be approved until its proposer edits it", async ({
  browser,
  page,
  m,
  lang,
  signIn,
  expectAccessible,
}) => {
  // Two sessions, the live check, an edit and an axe scan of a full inbox: minutes on a busy machine.
  test.setTimeout(300_000);
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
  // The findings show while the draft is written (after a pause in typing), phrase and category.
  const live = csm.getByRole("status", { name: m.copyGuard.live.title });
  await expect(live).toBeVisible();
  await expect(live.getByText(m.copyGuard.categories.guaranteed_results, { exact: false })).toBeVisible();
  await expect(live.getByText("نضمن", { exact: true })).toBeVisible();
  await expect(live.getByText(m.copyGuard.categories.scraping, { exact: false })).toHaveCount(0);
  await csm.screenshot({ path: `/tmp/i12-guard-live-${lang}.png`, fullPage: true });
  await csm.getByRole("button", { name: m.propose.submit }).click();
  await expect(csm.getByText(m.propose.done)).toBeVisible();
  // Proposed, and told plainly that it is blocked and why.
  const told = csm.getByRole("alert").filter({ hasText: m.copyGuard.live.proposedBlocked });
  await expect(told).toBeVisible();
  await expect(told.getByText("نضمن", { exact: true })).toBeVisible();

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
  await expect(card.getByText(m.copyGuard.blocked)).toBeVisible();
  await card.screenshot({ path: `/tmp/i12-guard-card-${lang}.png` });
  await expectAccessible();

  // The proposer rewrites it from the inbox; the payload is re-sealed.
  await csm.goto("/approvals");
  const mine = csm.getByRole("article").filter({ hasText: subject });
  await mine.getByRole("button", { name: m.copyGuard.edit }).click();
  // Exact: in Arabic the live check's name («حارس النصوص») contains the field's («النص»).
  await mine
    .getByLabel(m.copyGuard.fields.body, { exact: true })
    .fill("لا نضمن أرقاما محددة، وسنراجع النتائج معكم كل أسبوع.");
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

test("a founder tests sentences against the copy guard's lists, as edited and not yet saved", async ({
  page,
  m,
  lang,
  signIn,
  expectAccessible,
}) => {
  await signIn("founder");
  await page.goto("/settings/copy-guard");
  await expect(page.getByRole("heading", { name: m.copyGuard.settings.title, level: 1 })).toBeVisible();
  const box = page.getByLabel(m.copyGuard.settings.testLabel);
  const findings = page.getByRole("status", { name: m.copyGuard.live.title });

  // A claim with numbers in Arabic-Indic digits, and a competitor comparison.
  await box.fill("نضمن لك ١٠ عملاء خلال ٢٤ ساعة، ونحن أرخص من Salesforce.");
  await expect(findings.getByText(m.copyGuard.categories.exaggerated_speed, { exact: false })).toBeVisible();
  await expect(findings.getByText(m.copyGuard.categories.competitor_attacks, { exact: false })).toBeVisible();
  await expect(findings.getByText("١٠ عملاء خلال ٢٤ ساعة", { exact: true })).toBeVisible();
  await page.screenshot({ path: `/tmp/i12-guard-settings-${lang}.png`, fullPage: false });

  // A negated mention, a service promise and a look-alike pass.
  await box.fill("لا نضمن نتائج. سنرد عليك فوراً. ابدأ الآن: تشخيص مجاني لقمع المبيعات.");
  await expect(page.getByText(m.copyGuard.live.clean)).toBeVisible();
  await expect(findings).toHaveCount(0);

  // A phrase added to a list counts in the test before it is saved.
  await box.fill("A seven-day detox for your sales team.");
  await expect(page.getByText(m.copyGuard.live.clean)).toBeVisible();
  const medical = page.getByLabel(`${m.copyGuard.categories.medical_language}: ${m.copyGuard.settings.block}`);
  await medical.focus();
  await medical.press("Control+End");
  await medical.press("Enter");
  await medical.pressSequentially("detox");
  await expect(findings.getByText("detox", { exact: true })).toBeVisible();
  await expectAccessible();
});
