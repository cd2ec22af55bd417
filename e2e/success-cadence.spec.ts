import { expect, test } from "./fixtures";

test("a CSM completes a task, opens At-risk and drafts a check-in for the top account", async ({
  page,
  m,
  lang,
  signIn,
  expectAccessible,
}) => {
  test.setTimeout(300_000); // a long journey on a shared, busy machine
  await signIn("csm");
  const nav = page.getByRole("navigation", { name: m.nav.main });
  await expect(nav.getByRole("link", { name: m.nav.atRisk })).toBeVisible();
  await nav.getByRole("link", { name: m.nav.tasks }).click();
  await expect(page.getByRole("heading", { name: m.tasks.title, level: 1 })).toBeVisible({ timeout: 30_000 });
  // The seeded demo gives the CSM overdue check-ins, labelled (not only tinted).
  await expect(page.locator("tbody").getByText(m.tasks.overdueBadge, { exact: true }).first()).toBeVisible();
  await expectAccessible();

  // Each language run works on its own task type, so the two runs never complete the same task.
  const type = lang === "en" ? "weekly_check_in" : "monthly_proof_review";
  await page.getByLabel(m.tasks.filters.type, { exact: true }).selectOption(type);
  await page.getByRole("button", { name: m.common.filters.apply }).click();
  await expect(page).toHaveURL(/type=/);
  // Narrow to the first row's account, then count its open and done tasks of this type around one completion.
  const href = await page.locator("tbody tr").first().locator("td").nth(1).locator("a").getAttribute("href");
  const accountId = href!.split("/")[2]!;
  const view = (status: string) => `/tasks?status=${status}&type=${type}&account=${accountId}`;
  await page.goto(view("done"));
  const done = await page.locator("tbody tr").count();
  await page.goto(view("open"));
  const rows = page.locator("tbody tr");
  const open = await rows.count();
  expect(open).toBeGreaterThan(0);
  await rows.first().getByRole("button", { name: m.tasks.complete, exact: false }).first().click();
  await expect(rows).toHaveCount(open - 1);
  await page.goto(view("done"));
  await expect(page.locator("tbody tr")).toHaveCount(done + 1);

  // Skipping without a reason is refused in the user's language.
  await page.goto("/tasks?due=week");
  const skipRow = page.locator("tbody tr").first();
  await skipRow.getByRole("button", { name: m.tasks.skip, exact: false }).first().click();
  await skipRow.getByRole("button", { name: m.tasks.confirmSkip }).click();
  await expect(skipRow.getByText(m.validation.required)).toBeVisible();
  await skipRow.getByRole("button", { name: m.tasks.cancel }).click();

  await page.goto("/at-risk");
  await expect(page.getByRole("heading", { name: m.risk.title })).toBeVisible();
  await expectAccessible();
  const top = page.locator("tbody tr").first();
  await expect(top.getByText(m.risk.severities.high)).toBeVisible();
  const topName = (await top.locator("td").first().locator("a").innerText()).trim();
  await top.getByRole("button").click();
  await expect(top.getByText(m.risk.drafted)).toBeVisible();

  // It waits for a founder's approval like any other message.
  await page.goto("/approvals");
  const card = page.getByRole("article").filter({ hasText: topName }).first();
  await expect(card.getByText(m.approvals.states.pending)).toBeVisible();

  // The account's Success tab: plan, score with reasons, and an editable check-in in the customer's language.
  await page.goto("/at-risk");
  await page.locator("tbody tr").first().locator("td").first().locator("a").click();
  await expect(page.getByRole("link", { name: m.cadence.tab })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { name: m.cadence.planTitle })).toBeVisible();
  await expect(page.getByRole("heading", { name: m.risk.scoreTitle })).toBeVisible();
  await expect(page.getByLabel(m.cadence.subject)).not.toHaveValue("");
  await expectAccessible();
});

test("severity filter keeps only that severity; an analyst reads At-risk without actions", async ({
  page,
  m,
  signIn,
}) => {
  await signIn("analyst");
  await page.goto("/at-risk?severity=medium");
  await expect(page.getByLabel(m.risk.filters.severity)).toHaveValue("medium");
  const badges = page.locator("tbody tr td:nth-child(2) span");
  await expect(badges.first()).toBeVisible();
  for (const text of await badges.allInnerTexts()) expect(text).toBe(m.risk.severities.medium);
  await expect(page.getByRole("button", { name: m.risk.draftCheckIn })).toHaveCount(0);
  await page.goto("/at-risk?severity=nonsense");
  await expect(page.getByText(m.risk.ignoredFilters.split("{")[0]!)).toBeVisible();
});
