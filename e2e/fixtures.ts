import { mkdir, rmdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import ar from "../lib/i18n/messages/ar.json" with { type: "json" };
import en from "../lib/i18n/messages/en.json" with { type: "json" };

export type Messages = typeof en;
export const DEMO_PASSWORD = "lifecycle-demo";
export const EMAILS = { founder: "founder@demo.test", csm: "csm@demo.test", analyst: "analyst@demo.test" } as const;

type Fixtures = {
  lang: "en" | "ar";
  m: Messages;
  signIn: (role: keyof typeof EMAILS) => Promise<void>;
  /** Another person's session beside `page`, in its own context (so axe can scan it); closed with the test. */
  signInAs: (role: keyof typeof EMAILS) => Promise<Page>;
  expectAccessible: (page?: Page) => Promise<void>;
};

/** Every spec runs in English and Arabic (the Playwright project sets the browser's language). */
export const test = base.extend<Fixtures>({
  lang: async ({}, use, info) => use(info.project.name === "ar" ? "ar" : "en"),
  m: async ({ lang }, use) => use((lang === "ar" ? ar : en) as Messages),
  signIn: async ({ page, m }, use) => {
    await use((role) => signInOn(page, m, role));
  },
  signInAs: async ({ browser, m }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (role) => {
      const context = await browser.newContext();
      contexts.push(context);
      const other = await context.newPage();
      await signInOn(other, m, role);
      return other;
    });
    await Promise.all(contexts.map((c) => c.close()));
  },
  expectAccessible: async ({ page }, use) => {
    await use(async (target = page) => {
      const results = await new AxeBuilder({ page: target }).analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    });
  },
});

async function signInOn(page: Page, m: Messages, role: keyof typeof EMAILS): Promise<void> {
  await page.goto("/login");
  await page.getByLabel(m.login.email).fill(EMAILS[role]);
  await page.getByLabel(m.login.password).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: m.login.submit, exact: true }).click();
  await page.waitForURL(/\/accounts/);
}

/**
 * The freeze (and the sole-approver cooling-off setting) is global to the e2e server, and both language
 * projects run every spec at once: a journey that freezes, or changes that setting, holds this lock
 * (a directory) so no two overlap, and it ends unfrozen with the setting restored.
 */
export async function withFreezeLock<T>(fn: () => Promise<T>): Promise<T> {
  const lock = join(tmpdir(), `lifecycle-e2e-freeze-${process.env.E2E_PORT ?? 3100}`);
  for (let i = 0; ; i++) {
    try {
      await mkdir(lock);
      break;
    } catch {
      if (i > 240) throw new Error("freeze lock not released");
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    await rmdir(lock).catch(() => undefined);
  }
}

export { expect };

/**
 * The sole approver's decision on a proposal's page. On a loaded machine the typed reason was seen to
 * vanish between typing and clicking (typed while the page was still hydrating, React reset it and the
 * click then waited on a disabled button until the test timed out): type and click until a click lands.
 */
export async function approveAlone(page: Page, m: Messages, reason: string): Promise<void> {
  const button = page.getByRole("button", { name: m.approvals.sole.approve });
  await expect(async () => {
    await page.getByLabel(m.approvals.sole.reason).fill(reason);
    await button.click({ timeout: 3_000 });
  }).toPass({ timeout: 90_000 });
}
