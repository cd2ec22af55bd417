import { expect, test } from "./fixtures";

test("a CSM proposes a message, a founder approves it, and it shows in the outbox and the ledger", async ({
  signInAs,
  page,
  m,
  signIn,
}) => {
  const subject = `e2e ${Date.now()} ${Math.random().toString(36).slice(2, 6)}`;
  await signIn("csm");
  await page.goto("/accounts?sort=name_asc");
  await page.locator("tbody a").first().click();
  await expect(page.getByRole("heading", { name: m.propose.title })).toBeVisible();
  // Empty submit: field errors in the user's language, nothing proposed.
  await page.getByRole("button", { name: m.propose.submit }).click();
  await expect(page.getByText(m.validation.required).first()).toBeVisible();
  await page.getByLabel(m.propose.subject, { exact: true }).fill(subject);
  await page.getByLabel(m.propose.body, { exact: true }).fill("أهلا بكم، هل تحتاجون مساعدة في ربط الشاشة الأولى؟");
  await page.getByRole("button", { name: m.propose.submit }).click();
  await expect(page.getByText(m.propose.done)).toBeVisible();

  // The CSM sees it among their own proposals, pending, with no approve button.
  await page.goto("/approvals");
  const mine = page.getByRole("article").filter({ hasText: subject });
  await expect(mine.getByText(m.approvals.states.pending)).toBeVisible();
  await expect(mine.getByRole("button", { name: m.approvals.approve })).toHaveCount(0);

  const founder = await signInAs("founder");
  await founder.goto("/approvals");
  const card = founder.getByRole("article").filter({ hasText: subject });
  await expect(card).toBeVisible();
  await card.getByRole("button", { name: m.approvals.approve }).click();
  await expect(card).toHaveCount(0);

  await founder.goto("/outbox");
  await expect(founder.getByText(subject)).toBeVisible();
  await founder.goto("/ledger?action=proposals");
  await expect(founder.getByText("proposals.approve").first()).toBeVisible();
});

test("the approvals, outbox and ledger pages are accessible and verify the chain", async ({
  page,
  m,
  signIn,
  expectAccessible,
}) => {
  await signIn("founder");
  for (const path of ["/approvals", "/outbox", "/ledger"]) {
    await page.goto(path);
    await expectAccessible();
  }
  await page.getByRole("button", { name: m.ledger.verifyNow }).click();
  await expect(page.getByText(/Verified|تم التحقق/).first()).toBeVisible();
});

test("an analyst reads approvals but cannot decide", async ({ page, m, signIn }) => {
  await signIn("analyst");
  await page.goto("/approvals?state=all");
  await expect(page.getByRole("heading", { name: m.approvals.title })).toBeVisible();
  await expect(page.getByRole("button", { name: m.approvals.approve })).toHaveCount(0);
});
