import { expect, test } from "./fixtures";

const fill = (template: string, values: Record<string, string>) =>
  Object.entries(values).reduce((s, [k, v]) => s.replace(`{${k}}`, v), template);

// Issue 12 item 5: direction follows the text, never the contact's language. English to an Arabic contact
// read ",Hello Sara" and "?Could we book…"; each paragraph now takes its own text's direction.
test("an English message to an Arabic contact reads left-to-right in the approval card and the outbox", async ({
  page,
  m,
  lang,
  signIn,
  signInAs,
  expectAccessible,
}) => {
  // It walks account pages until one's contact reads Arabic, then two people and an axe scan.
  test.setTimeout(180_000);
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const subject = `A call on Tuesday? ${tag}`;
  const arabic = "مع التحية، فريق نجاح العملاء";
  await signIn("csm");
  await page.goto("/accounts?sort=name_asc");
  const hrefs = (await page.locator("tbody a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""))).filter(
    (h) => /^\/accounts\/[0-9a-f-]{36}$/.test(h),
  );
  // An account whose contact reads Arabic (about half the demo accounts); each language takes its own.
  const language = page.getByText(fill(m.propose.language, { language: m.languages.ar }));
  let found = false;
  for (const href of lang === "ar" ? hrefs.slice(1) : hrefs) {
    await page.goto(href);
    if ((await language.count()) > 0) {
      found = true;
      break;
    }
  }
  expect(found).toBe(true);
  await expect(page.getByLabel(m.propose.body, { exact: true })).toHaveAttribute("dir", "auto");
  await page.getByLabel(m.propose.subject, { exact: true }).fill(subject);
  await page
    .getByLabel(m.propose.body, { exact: true })
    .fill(`Hello Sara,\n\nCould we book a call on Tuesday?\n${arabic}`);
  await page.getByRole("button", { name: m.propose.submit }).click();
  await expect(page.getByText(m.propose.done)).toBeVisible();

  const readsRightWayRound = async (card: ReturnType<typeof page.getByRole>) => {
    const hello = card.getByText("Hello Sara,", { exact: true });
    await expect(hello).toHaveAttribute("dir", "ltr");
    expect(await hello.evaluate((el) => getComputedStyle(el).direction)).toBe("ltr");
    await expect(card.getByText("Could we book a call on Tuesday?", { exact: true })).toHaveAttribute("dir", "ltr");
    await expect(card.getByText(subject, { exact: true })).toHaveAttribute("dir", "ltr");
    const signOff = card.getByText(arabic, { exact: true });
    await expect(signOff).toHaveAttribute("dir", "rtl");
    expect(await signOff.evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
  };

  await page.goto("/approvals");
  const mine = page.getByRole("article").filter({ hasText: tag });
  await readsRightWayRound(mine);
  await mine.screenshot({ path: `/tmp/i12-text-approval-${lang}.png` });
  await expectAccessible();

  const founder = await signInAs("founder");
  await founder.goto("/approvals");
  const card = founder.getByRole("article").filter({ hasText: tag });
  await card.getByRole("button", { name: m.approvals.approve }).click();
  await expect(card).toHaveCount(0);
  await founder.goto("/outbox");
  const sent = founder.getByRole("listitem").filter({ hasText: tag });
  await expect(sent).toBeVisible();
  await readsRightWayRound(sent);
  await sent.screenshot({ path: `/tmp/i12-text-outbox-${lang}.png` });
  await expectAccessible(founder);
});
