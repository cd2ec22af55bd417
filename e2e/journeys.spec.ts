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
