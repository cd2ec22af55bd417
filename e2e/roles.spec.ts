import { expect, test } from "./fixtures";

for (const role of ["csm", "analyst"] as const) {
  test(`${role} opening user management gets a translated 403 page`, async ({ page, m, signIn, expectAccessible }) => {
    await signIn(role);
    const response = await page.goto("/settings/users");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: m.forbidden.title })).toBeVisible();
    await expectAccessible();
  });
}

test("a founder manages users: bad input gets field errors, a new user appears", async ({
  page,
  m,
  signIn,
  expectAccessible,
}) => {
  await signIn("founder");
  await page.goto("/settings/users");
  await expect(page.getByRole("heading", { name: m.settings.usersTitle })).toBeVisible();
  await expectAccessible();

  await page.getByLabel(m.settings.email).fill("not-an-email");
  await page.getByRole("button", { name: m.settings.create }).click();
  await expect(page.getByText(m.validation.required).first()).toBeVisible();
  await expect(page.getByText(m.validation.email)).toBeVisible();

  const email = `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.test`;
  await page.getByLabel(m.settings.name).fill("ريم القحطاني");
  await page.getByLabel(m.settings.email).fill(email);
  await page.getByLabel(m.settings.password).fill("a-long-enough-password");
  await page.getByRole("button", { name: m.settings.create }).click();
  await expect(page.getByText(m.settings.created)).toBeVisible();
  await expect(page.getByRole("cell", { name: email })).toBeVisible();
});
