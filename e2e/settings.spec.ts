import { expect, test, type Messages } from "./fixtures";

/** The settings sections each role may open, in display order (the pages themselves check again). */
function sectionsOf(m: Messages, role: "founder" | "csm" | "analyst") {
  const all = [
    { path: "/settings/profile", name: m.nav.profile },
    { path: "/settings/users", name: m.nav.users },
    { path: "/settings/tokens", name: m.nav.tokens },
    { path: "/settings/agents", name: m.nav.agents },
    { path: "/settings/support", name: m.settings.sectionSupport },
    { path: "/settings/copy-guard", name: m.settings.sectionCopyGuard },
    { path: "/settings/journeys", name: m.settings.sectionJourneys },
    { path: "/settings/approvals", name: m.settings.sectionApprovals },
  ];
  return role === "founder" ? all : all.slice(0, 1);
}

for (const role of ["founder", "csm", "analyst"] as const) {
  test(`${role}: /settings opens the profile and the sub-navigation lists only the role's sections`, async ({
    page,
    m,
    signIn,
    expectAccessible,
  }) => {
    await signIn(role);
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/settings\/profile$/);
    const sections = page.getByRole("navigation", { name: m.settings.sections });
    const expected = sectionsOf(m, role);
    await expect(sections.getByRole("link")).toHaveText(expected.map((s) => s.name));
    await expectAccessible();

    for (const section of expected.slice(1)) {
      await sections.getByRole("link", { name: section.name }).click();
      await expect(page).toHaveURL(new RegExp(`${section.path}$`));
      await expect(sections.getByRole("link", { name: section.name })).toHaveAttribute("aria-current", "page");
      await expect(sections.locator('[aria-current="page"]')).toHaveCount(1);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    }
    await expectAccessible();

    if (role !== "founder") {
      // The layout only decides which links to show: a section outside the role stays forbidden.
      const res = await page.goto("/settings/tokens");
      expect(res?.status()).toBe(403);
    }
  });
}

test("on a phone the main navigation folds behind a button that opens it and closes after navigating", async ({
  page,
  m,
  signIn,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn("founder");
  const nav = page.getByRole("navigation", { name: m.nav.main });
  await expect(nav).toBeHidden();
  await page.getByRole("button", { name: m.nav.openMenu }).click();
  await expect(page.getByRole("button", { name: m.nav.closeMenu })).toHaveAttribute("aria-expanded", "true");
  await nav.getByRole("link", { name: m.nav.settings }).click();
  await expect(page).toHaveURL(/\/settings\/profile$/);
  await expect(nav).toBeHidden();
  await expect(page.getByRole("navigation", { name: m.settings.sections })).toBeVisible();
});
