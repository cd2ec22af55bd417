import { expect, test } from "./fixtures";

test("the shadow agreement page explains what is missing and compares an uploaded log", async ({
  page,
  m,
  signIn,
  expectAccessible,
}) => {
  await signIn("founder");
  await page.goto("/shadow");
  await expect(page.getByRole("heading", { name: m.shadow.title, level: 1 })).toBeVisible();
  await expectAccessible();
  const row = (org: string, template: string | null) =>
    JSON.stringify({
      timestamp: "2026-11-20T10:00:00Z",
      run_id: "1",
      organization_id: org,
      tier: "pro",
      days_since_signup: 1,
      hermes_template: template,
      hermes_reasoning: "test",
      input_signals: {
        milestone_flags: {
          welcomed: true,
          screen_paired: false,
          content_uploaded: false,
          playlist_created: false,
          schedule_created: false,
        },
        nudges_sent: { day1: false, day3: false, day7: false },
      },
    });
  const file = `${row("org-a", "day1-pair-screen")}\n${row("org-b", "none")}\n{not json\n`;
  await page
    .getByLabel(m.shadow.uploadLabel)
    .setInputFiles({ name: "shadow.jsonl", mimeType: "application/jsonl", buffer: Buffer.from(file) });
  await page.getByRole("button", { name: m.shadow.compare }).click();
  await expect(page.getByRole("heading", { name: m.shadow.gates }).last()).toBeVisible();
  await expect(page.getByText(m.shadow.malformed).last()).toBeVisible();
});

test("founders see agent activity and API tokens, and both pages are accessible", async ({
  page,
  m,
  signIn,
  expectAccessible,
}) => {
  await signIn("founder");
  for (const path of ["/settings/agents", "/settings/tokens"]) {
    const res = await page.goto(path);
    expect(res?.status()).toBe(200);
    await expectAccessible();
  }
});
