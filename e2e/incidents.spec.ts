import type { Browser, Page } from "@playwright/test";
import { DEMO_PASSWORD, EMAILS, expect, test, withFreezeLock, type Messages } from "./fixtures";

const unique = (prefix: string) => `${prefix} ${Date.now()} ${Math.random().toString(36).slice(2, 6)}`;

async function newSession(browser: Browser, m: Messages, role: keyof typeof EMAILS, locale: string): Promise<Page> {
  const page = await browser.newPage({ locale, timezoneId: "Asia/Riyadh" });
  await page.goto("/login");
  await page.getByLabel(m.login.email).fill(EMAILS[role]);
  await page.getByLabel(m.login.password).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: m.login.submit, exact: true }).click();
  await page.waitForURL(/\/accounts/);
  return page;
}

test("a CSM opens a SEV3 incident, records the first action and checks a plan step", async ({
  page,
  m,
  signIn,
  expectAccessible,
}) => {
  test.setTimeout(120_000);
  const title = unique("Slow reports");
  await signIn("csm");
  await page.goto("/incidents");
  await expect(page.getByRole("heading", { name: m.incidents.title })).toBeVisible();
  await expectAccessible();
  await page.getByRole("link", { name: m.incidents.new }).click();
  await expect(page.getByRole("heading", { name: m.incidents.new })).toBeVisible();
  // Empty title: a field error in the user's language, nothing created.
  await page.getByLabel(m.incidents.triage.affected).fill("4");
  await page.getByRole("button", { name: m.incidents.form.submit }).click();
  await expect(page.getByText(m.validation.required).first()).toBeVisible();
  // The live preview follows the rule: 4 customers is SEV3, 5 is SEV2.
  await expect(page.getByText(m.incidents.triage.reasons.few_customers)).toBeVisible();
  await page.getByLabel(m.incidents.triage.affected).fill("5");
  await expect(page.getByText(m.incidents.triage.reasons.many_customers)).toBeVisible();
  await page.getByLabel(m.incidents.triage.affected).fill("3");
  await page.getByLabel(m.incidents.form.title).fill(title);
  await expectAccessible();
  await page.getByRole("button", { name: m.incidents.form.submit }).click();
  await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByText("SEV3").first()).toBeVisible();
  await expectAccessible();

  await page.getByLabel(m.incidents.log.firstAction).fill("Restarted the report job");
  await page.getByRole("button", { name: m.incidents.log.recordFirstAction }).click();
  await expect(page.getByText("Restarted the report job")).toBeVisible();
  await expect(page.getByRole("button", { name: m.incidents.log.postUpdate })).toBeVisible();
  const step = page.getByRole("checkbox", { name: m.incidents.plan.steps.open_channel });
  await step.check();
  await expect(step).toBeChecked();
  await expect(page.getByRole("link", { name: m.incidents.ledgerWindow })).toHaveAttribute(
    "href",
    /\/ledger\?from=.+&to=.+/,
  );
  await page.getByRole("link", { name: m.incidents.ledgerEntries }).click();
  await expect(page.getByText("incidents.step").first()).toBeVisible();

  await page.goto("/incidents?status=open&severity=SEV3");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
});

test("a SEV1 incident freezes sending at once; unfreezing needs a second person", async ({
  browser,
  page,
  m,
  lang,
  signIn,
}) => {
  // It may wait for the other language's run to release the freeze lock.
  test.setTimeout(180_000);
  const title = unique("Customer data exposed");
  await signIn("csm");
  await withFreezeLock(async () => {
    await page.goto("/incidents/new");
    await page.getByLabel(m.incidents.form.title).fill(title);
    await page
      .getByRole("group", { name: m.incidents.triage.data_leak })
      .getByRole("radio", { name: m.incidents.triage.answers.yes })
      .check();
    await page.getByLabel(m.incidents.triage.affected).fill("1");
    await expect(page.getByText(m.incidents.triage.reasons.data_leak, { exact: true })).toBeVisible();
    await page.getByRole("button", { name: m.incidents.form.submit }).click();
    await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
    await expect(page.getByText("SEV1").first()).toBeVisible();
    await expect(page.getByText(m.incidents.frozeSystem)).toBeVisible();
    await expect(page.getByRole("checkbox", { name: m.incidents.plan.steps.freeze_live_actions })).toBeChecked();
    // A data leak starts the 72-hour notification countdown.
    await expect(page.getByText(m.incidents.leakDeadline)).toBeVisible();

    await page.goto("/outbox");
    await expect(page.getByText(m.outbox.frozenTitle)).toBeVisible();
    const reason = unique("contained");
    await page.getByLabel(m.outbox.unfreezeReason).fill(reason);
    await page.getByRole("button", { name: m.outbox.proposeUnfreeze }).click();
    await expect(page.getByText(m.outbox.unfreezeProposed)).toBeVisible();

    const founder = await newSession(browser, m, "founder", lang === "ar" ? "ar-SA" : "en-GB");
    await founder.goto("/approvals");
    const card = founder.getByRole("article").filter({ hasText: reason });
    await card.getByRole("button", { name: m.approvals.approve }).click();
    await expect(card).toHaveCount(0);
    await founder.goto("/outbox");
    await expect(founder.getByText(m.outbox.frozenTitle)).toHaveCount(0);
    await founder.close();
  });
});

test("an analyst reads incidents but cannot open one", async ({ page, m, signIn }) => {
  await signIn("analyst");
  await page.goto("/incidents");
  await expect(page.getByRole("heading", { name: m.incidents.title })).toBeVisible();
  await expect(page.getByRole("link", { name: m.incidents.new })).toHaveCount(0);
});
