import { expect, test } from "./fixtures";

const fill = (template: string, values: Record<string, string>) =>
  Object.entries(values).reduce((s, [k, v]) => s.replace(`{${k}}`, v), template);

test("a CSM sees the five portfolio metrics with targets and drills down to the accounts behind one", async ({
  page,
  m,
  signIn,
  expectAccessible,
}) => {
  await signIn("csm");
  await page.getByRole("link", { name: m.nav.journeys }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: m.journeys.title })).toBeVisible();
  const metrics = page.getByRole("region", { name: m.journeys.metrics.title });
  for (const name of Object.values(m.journeys.metrics.names))
    await expect(metrics.getByText(name, { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: m.journeys.chart.title })).toBeVisible();
  await expectAccessible();

  // Drill-down: the accounts behind a number.
  await metrics.getByRole("link").filter({ hasText: m.journeys.metrics.names.completion }).click();
  await expect(page).toHaveURL(/metric=completion/);
  await expect(page.getByRole("heading", { name: m.journeys.drill.titles.completion })).toBeVisible();
});

test("a CSM opens a held-back account's journey and reads the stage track, the timeline and the guardrail", async ({
  page,
  m,
  signIn,
  expectAccessible,
}) => {
  await signIn("csm");
  await page.goto("/journeys");
  // The review queue names the guardrail; its account's journey shows the same touchpoint held back.
  const held = page.getByRole("region", { name: m.journeys.held.title });
  await held.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/accounts\/[0-9a-f-]{36}\/journey$/);
  await expect(page.getByRole("link", { name: m.journey.tab, exact: true })).toHaveAttribute("aria-current", "page");

  const track = page.getByRole("list", { name: m.journey.track.label });
  await expect(track.getByRole("listitem")).toHaveCount(4);
  await expect(track.locator('[aria-current="step"]')).toHaveCount(1);
  await expect(page.getByRole("heading", { name: m.journey.events.title })).toBeVisible();
  await expect(page.getByRole("heading", { name: m.journey.health.title })).toBeVisible();

  const touchpoints = page.getByRole("region", { name: m.journey.touchpoints.title });
  const reason = touchpoints.getByText(fill(m.journey.touchpoints.heldBy, { guardrail: "" }).trim(), { exact: false });
  await expect(reason.first()).toBeVisible();
  await expect(touchpoints.getByText(m.journey.touchpoints.statuses.held, { exact: true }).first()).toBeVisible();
  await expectAccessible();
});

test("a CSM marks an exit criterion on the journey tab and the checklist shows who met it", async ({
  page,
  m,
  lang,
  signIn,
}) => {
  await signIn("csm");
  await page.goto("/journeys?metric=drop_off");
  // Each language takes its own account: both projects share one server.
  const drill = page.getByRole("region", { name: m.journeys.drill.titles.drop_off });
  await drill
    .getByRole("link")
    .nth(lang === "ar" ? 1 : 0)
    .click();
  await expect(page).toHaveURL(/\/journey$/);
  const criteria = page.getByRole("region", { name: m.journey.criteria.title });
  const mark = criteria.getByRole("button", {
    name: fill(m.journey.criteria.markLabel, { criterion: m.journey.criteria.names.active_promoter }),
  });
  await mark.click();
  await expect(
    criteria.getByRole("button", {
      name: fill(m.journey.criteria.withdrawLabel, { criterion: m.journey.criteria.names.active_promoter }),
    }),
  ).toBeVisible();
  await expect(page.getByText(m.journey.overlay.advocacy, { exact: true }).first()).toBeVisible();
});

test("a stage-changing mark asks first, naming the stage; withdrawing that criterion moves the account back", async ({
  page,
  m,
  lang,
  signIn,
  expectAccessible,
}) => {
  await signIn("csm");
  await page.goto("/journeys?metric=drop_off");
  // Onboarding accounts behind schedule; each language takes its own (and not the marking test's).
  const drill = page.getByRole("region", { name: m.journeys.drill.titles.drop_off });
  const rows = drill.getByRole("row").filter({ hasText: m.journey.stages.onboarding });
  await rows
    .nth(lang === "ar" ? 3 : 2)
    .getByRole("link")
    .click();
  await expect(page).toHaveURL(/\/journey$/);
  const criteria = page.getByRole("region", { name: m.journey.criteria.title });
  const track = page.getByRole("list", { name: m.journey.track.label });
  const names = m.journey.criteria.names;
  const markButton = (c: "went_live" | "adoption_started") =>
    criteria.getByRole("button", { name: fill(m.journey.criteria.markLabel, { criterion: names[c] }) });
  const withdrawButton = (c: "went_live" | "adoption_started") =>
    criteria.getByRole("button", { name: fill(m.journey.criteria.withdrawLabel, { criterion: names[c] }) });
  await expect(track.locator('[aria-current="step"]')).toContainText(m.journey.stages.onboarding);

  // Completing only part of Onboarding's exit criteria changes nothing and asks nothing.
  if ((await markButton("went_live").count()) > 0) {
    await markButton("went_live").click();
    await expect(withdrawButton("went_live")).toBeVisible();
    await expect(page.getByRole("dialog")).toHaveCount(0);
  }

  // The last one would move the account: a dialog names the stage it causes; Cancel changes nothing.
  await markButton("adoption_started").click();
  const confirm = page.getByRole("dialog", {
    name: fill(m.journey.criteria.confirm.markTitle, { stage: m.journey.stages.adoption }),
  });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText(
    fill(m.journey.criteria.confirm.markBody, {
      criterion: names.adoption_started,
      from: m.journey.stages.onboarding,
      to: m.journey.stages.adoption,
    }).replace(/\{from\}/g, m.journey.stages.onboarding),
  );
  await expect(confirm.getByRole("button", { name: m.journey.criteria.confirm.cancel })).toBeFocused();
  await expectAccessible();
  await confirm.screenshot({ path: `/tmp/i12-text-confirm-${lang}.png` });
  await confirm.getByRole("button", { name: m.journey.criteria.confirm.cancel }).click();
  await expect(confirm).toBeHidden();
  await expect(track.locator('[aria-current="step"]')).toContainText(m.journey.stages.onboarding);

  await markButton("adoption_started").click();
  await confirm
    .getByRole("button", { name: fill(m.journey.criteria.confirm.mark, { stage: m.journey.stages.adoption }) })
    .click();
  await expect(track.locator('[aria-current="step"]')).toContainText(m.journey.stages.adoption);

  // The criterion that caused the move stays listed; withdrawing it asks, then moves the account back.
  await withdrawButton("adoption_started").click();
  const back = page.getByRole("dialog", {
    name: fill(m.journey.criteria.confirm.withdrawTitle, { stage: m.journey.stages.onboarding }),
  });
  await expect(back).toBeVisible();
  await back
    .getByRole("button", { name: fill(m.journey.criteria.confirm.withdraw, { stage: m.journey.stages.onboarding }) })
    .click();
  await expect(track.locator('[aria-current="step"]')).toContainText(m.journey.stages.onboarding);
  const events = page.getByRole("region", { name: m.journey.events.title });
  await expect(events.getByText(m.journey.events.types.journey_stage_reverted, { exact: true }).first()).toBeVisible();
  await expect(
    events
      .getByText(
        fill(m.journey.events.lines.stage_reverted, {
          from: m.journey.stages.adoption,
          to: m.journey.stages.onboarding,
          criterion: names.adoption_started,
        }),
      )
      .first(),
  ).toBeVisible();
  await expectAccessible();
  await events.screenshot({ path: `/tmp/i12-text-reverted-${lang}.png` });
});
