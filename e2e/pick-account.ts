import { expect, type Page } from "@playwright/test";
import type { Messages } from "./fixtures";

/** The name of the first account whose name contains `q` (the accounts list, sorted by name). */
export async function accountNamed(page: Page, q: string): Promise<{ id: string; name: string }> {
  await page.goto(`/accounts?${new URLSearchParams({ q, sort: "name_asc" })}`);
  const link = page.locator("tbody a").first();
  return { id: (await link.getAttribute("href"))!.split("/")[2]!, name: (await link.innerText()).trim() };
}

/**
 * Picks an account in the ticket form's combobox with the keyboard: types a part of the name, moves
 * down the list to the option with the whole name, and presses Enter.
 */
export async function pickAccount(page: Page, m: Messages, name: string, typed = name.slice(0, -1)): Promise<void> {
  const box = page.getByRole("combobox", { name: m.support.create.account });
  await box.fill(typed);
  const option = page.getByRole("option", { name, exact: false }).filter({ hasText: name }).first();
  await expect(option).toBeVisible();
  for (let i = 0; i < 8; i++) {
    await box.press("ArrowDown");
    if ((await option.getAttribute("aria-selected")) === "true") break;
  }
  await expect(option).toHaveAttribute("aria-selected", "true");
  await box.press("Enter");
  await expect(box).toHaveValue(name);
  await expect(page.getByRole("listbox")).toBeHidden();
}
