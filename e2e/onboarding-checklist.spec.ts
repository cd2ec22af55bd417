import type { Page } from "@playwright/test";
import { expect, test, type Messages } from "./fixtures";

const stepItem = (page: Page, m: Messages, id: keyof Messages["checklist"]["steps"]) =>
  page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: m.checklist.steps[id] }) });

test("a CSM completes a step and proposes an approval-gated one; a founder approves it", async ({
  signInAs,
  page,
  m,
  lang,
  signIn,
  expectAccessible,
}) => {
  // One long journey across two users on a shared, busy machine.
  test.setTimeout(180_000);
  await signIn("csm");
  // Accounts that have not started, from the Onboarding page; each language takes its own account.
  await page.goto("/onboarding?step=select_goal&days=0");
  await expect(page.getByRole("heading", { name: m.checklist.overview.distribution })).toBeVisible();
  await expectAccessible();
  await page
    .getByRole("table")
    .last()
    .getByRole("link")
    .nth(lang === "ar" ? 1 : 0)
    .click();
  await expect(page.getByRole("heading", { name: m.checklist.title })).toBeVisible();
  const accountId = /\/accounts\/([0-9a-f-]{36})\/onboarding/.exec(page.url())?.[1];
  expect(accountId).toBeTruthy();
  await expect(
    page.getByRole("navigation", { name: m.account.tabs }).getByRole("link", { name: m.checklist.tab }),
  ).toHaveAttribute("aria-current", "page");

  // A step without a gate completes at once, with its note.
  const goal = stepItem(page, m, "select_goal");
  await goal.getByRole("textbox").fill("هدفنا: حجوزات أكثر");
  await page.getByRole("button", { name: `${m.checklist.complete}: ${m.checklist.steps.select_goal}` }).click();
  await expect(goal.getByText(m.checklist.done.completed)).toBeVisible();
  await expect(goal.getByText(m.checklist.states.done, { exact: true })).toBeVisible();

  // A note over 200 characters is refused in the user's language and nothing is saved.
  const intake = stepItem(page, m, "company_intake");
  // Not the current step and no note yet: its note is folded away.
  await expect(intake.getByRole("textbox")).toBeHidden();
  await intake.getByText(m.checklist.note, { exact: true }).click();
  await intake.getByRole("textbox").fill("x".repeat(201));
  await page.getByRole("button", { name: `${m.checklist.saveNote}: ${m.checklist.steps.company_intake}` }).click();
  await expect(intake.getByRole("alert")).toHaveText(m.validation.too_long);

  // An approval-gated step becomes a proposal and waits.
  const bundle = stepItem(page, m, "select_bundle");
  await expect(bundle.getByText(m.checklist.needsApproval)).toBeVisible();
  await bundle.getByRole("textbox").fill("Bundle B");
  await page.getByRole("button", { name: `${m.checklist.propose}: ${m.checklist.steps.select_bundle}` }).click();
  await expect(bundle.getByText(m.checklist.done.proposed)).toBeVisible();
  await expect(bundle.getByText(m.checklist.states.pending_approval, { exact: true })).toBeVisible();

  // Connectors: WhatsApp Cloud is blocking; configuring and skipping it leaves the account not ready.
  const whatsapp = m.connectors.keys.whatsapp_cloud;
  await page.getByRole("button", { name: `${m.connectors.actions.configuring}: ${whatsapp}` }).click();
  await expect(page.getByRole("button", { name: `${m.connectors.actions.skipped}: ${whatsapp}` })).toBeVisible();
  await page.getByRole("button", { name: `${m.connectors.actions.skipped}: ${whatsapp}` }).click();
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(whatsapp) }) });
  await expect(row.getByText(m.connectors.states.skipped, { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(m.connectors.notReady, { exact: true })).toBeVisible();
  await expectAccessible();

  const founder = await signInAs("founder");
  await founder.goto(`/approvals?account=${accountId}`);
  const card = founder.getByRole("article").filter({ hasText: m.approvals.kinds.checklist_step });
  await expect(card.getByText("Bundle B", { exact: true })).toBeVisible();
  await expect(card.getByText(m.checklist.steps.select_bundle)).toBeVisible();
  await card.getByRole("button", { name: m.approvals.approve }).click();
  await expect(card).toHaveCount(0);

  await page.reload();
  await expect(stepItem(page, m, "select_bundle").getByText(m.checklist.states.done, { exact: true })).toBeVisible();
  await expect(stepItem(page, m, "company_intake")).toHaveAttribute("aria-current", "step");
});

test("the connector grid shows who is blocked and by what", async ({ page, m, signIn, expectAccessible }) => {
  test.setTimeout(120_000);
  await signIn("founder");
  await page.getByRole("link", { name: m.nav.connectors }).first().click();
  await expect(page.getByRole("heading", { name: m.connectors.blocked })).toBeVisible();
  await expect(page.getByRole("heading", { name: m.connectors.grid })).toBeVisible();
  const blocked = page
    .getByRole("table")
    .first()
    .getByRole("row")
    .filter({ hasText: m.connectors.keys.whatsapp_cloud });
  await expect(blocked.first()).toBeVisible();
  await expectAccessible();
  await blocked.first().getByRole("link").click();
  await expect(page.getByText(m.connectors.notReady, { exact: true })).toBeVisible();
  await expect(page.getByText(new RegExp(m.connectors.missingBlocking.replace("{names}", ".*")))).toBeVisible();
});
