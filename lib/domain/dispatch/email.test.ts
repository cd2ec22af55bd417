import { describe, expect, it } from "vitest";
import { renderMessage, sealPayload } from "../proposals/payloads";
import { DEFAULT_FROM, checkSealed, messageIdFor, previewText, renderEmail, unsendableReason } from "./email";
import { PAYLOAD_CHANGED_ERROR } from "./retry";

const outboxId = "6a0e2f4c-1b2d-4e3f-8a9b-0c1d2e3f4a5b";
const ar = renderMessage(
  { subject: "مرحبا", body: "أهلا <بكم>\nسطر ثان" },
  { name: "ريم", email: "reem@example.test" },
  "ar",
);
const en = renderMessage({ subject: "Hello", body: "Welcome" }, { name: "Sam", email: "sam@example.test" }, "en");

describe("sealed payload check", () => {
  it("accepts exactly the approved payload, whatever the key order of its text", () => {
    const { text, hash } = sealPayload(ar);
    expect(checkSealed(text, hash, hash)).toEqual({ ok: true, payload: ar });
    expect(checkSealed(JSON.stringify(JSON.parse(text)), hash, hash)).toMatchObject({ ok: true });
  });

  it("refuses a payload edited after approval, or an outbox hash that differs from the approved one", () => {
    const { hash } = sealPayload(ar);
    expect(checkSealed(sealPayload({ ...ar, body: "changed" }).text, hash, hash)).toEqual({
      ok: false,
      error: PAYLOAD_CHANGED_ERROR,
    });
    expect(checkSealed(sealPayload(ar).text, hash, sealPayload(en).hash)).toMatchObject({ ok: false });
    expect(checkSealed(sealPayload(ar).text, hash, null)).toMatchObject({ ok: false });
    expect(checkSealed("{not json", hash, hash)).toMatchObject({ ok: false });
  });

  it("refuses a sealed payload that is not a message", () => {
    const { text, hash } = sealPayload({ reason: "freeze" });
    expect(checkSealed(text, hash, hash)).toMatchObject({ ok: false });
  });
});

describe("email rendering", () => {
  it("uses the outbox id as Message-ID and the default sender", () => {
    const email = renderEmail(en, outboxId);
    expect(email).toMatchObject({ messageId: `<${outboxId}@lifecycle-console>`, from: DEFAULT_FROM, html: null });
    expect(messageIdFor(outboxId)).toBe(email.messageId);
  });

  it("gives Arabic a right-to-left HTML part, one block per paragraph, with escaped text, next to the plain text", () => {
    const email = renderEmail(ar, outboxId, "Ops <ops@example.test>");
    expect(email.text).toBe(ar.body);
    expect(email.html).toContain('<html lang="ar" dir="rtl">');
    expect(email.html).toContain('<title dir="rtl">مرحبا</title>');
    expect(email.html).toContain(
      '<div dir="rtl" lang="ar" style="text-align:right;text-align:start">أهلا &lt;بكم&gt;</div>\n' +
        '<div dir="rtl" lang="ar" style="text-align:right;text-align:start">سطر ثان</div>',
    );
    expect(email.from).toBe("Ops <ops@example.test>");
  });

  it("sends English to an Arabic contact left-to-right: no HTML part, the plain text unchanged", () => {
    const body = "Hello Sara,\n\nCould we book a call on Tuesday?";
    const email = renderEmail(renderMessage({ subject: "Call?", body }, ar.to, "ar"), outboxId);
    expect(email).toMatchObject({ language: "ar", text: body, html: null });
  });

  it("gives each paragraph of a mixed message its own direction, language and alignment", () => {
    const body = "Hello Sara,\r\nمرحباً سارة،\n\nhttps://example.test/guide هو الدليل\nThanks";
    const email = renderEmail(renderMessage({ subject: "Hello", body }, ar.to, "ar"), outboxId);
    expect(email.text).toBe(body);
    expect(email.html).toContain('<html lang="ar" dir="ltr">');
    expect(email.html).toContain('<title dir="ltr">Hello</title>');
    const blocks = email.html!.split("\n").filter((l) => l.startsWith("<div"));
    expect(blocks).toEqual([
      '<div dir="ltr" lang="en" style="text-align:left;text-align:start">Hello Sara,</div>',
      '<div dir="rtl" lang="ar" style="text-align:right;text-align:start">مرحباً سارة،</div>',
      '<div dir="rtl" style="text-align:right;text-align:start"><br></div>',
      '<div dir="rtl" lang="ar" style="text-align:right;text-align:start">https://example.test/guide هو الدليل</div>',
      '<div dir="ltr" lang="en" style="text-align:left;text-align:start">Thanks</div>',
    ]);
  });

  it("gives an English message with an Arabic subject an HTML part for the subject's sake", () => {
    const email = renderEmail(renderMessage({ subject: "مرحبا", body: "Hello" }, en.to, "en"), outboxId);
    expect(email.html).toContain('<title dir="rtl">مرحبا</title>');
    expect(email.html).toContain('<div dir="ltr" lang="en" style="text-align:left;text-align:start">Hello</div>');
  });

  it("ignores the direction a payload sealed before issue 12 carries: the text decides", () => {
    const legacy = { ...renderMessage({ subject: "Hi", body: "Hello Sara," }, ar.to, "ar"), dir: "rtl" as const };
    expect(renderEmail(legacy, outboxId).html).toBeNull();
    expect(checkSealed(sealPayload(legacy).text, sealPayload(legacy).hash, sealPayload(legacy).hash)).toMatchObject({
      ok: true,
    });
  });

  it("previews headers and body as they would be sent", () => {
    const text = previewText(renderEmail(ar, outboxId));
    expect(text).toContain("To: ريم <reem@example.test>");
    expect(text).toContain(`Message-ID: <${outboxId}@lifecycle-console>`);
    expect(text.endsWith(ar.body)).toBe(true);
  });
});

describe("unsendableReason (issue 10: rows stored before the door refused control characters)", () => {
  const email = (over: Partial<typeof en>, to = en.to) => renderEmail({ ...en, ...over, to }, outboxId);
  it("lets ordinary English and Arabic messages, with line breaks and tabs in the body, through", () => {
    expect(unsendableReason(renderEmail(ar, outboxId))).toBeNull();
    expect(unsendableReason(email({ body: "Hi,\r\n\tthanks\n" }))).toBeNull();
  });
  it("refuses CR/LF or any control in a header, naming the field and the code point only", () => {
    expect(unsendableReason(email({ subject: "Hi\r\nBcc: all@example.test" }))).toBe(
      "unsendable: subject contains control character U+000D",
    );
    expect(unsendableReason(email({ subject: "Hi\nX" }))).toBe("unsendable: subject contains control character U+000A");
    expect(unsendableReason(email({}, { name: "Sam\u0000", email: "sam@example.test" }))).toBe(
      "unsendable: to.name contains control character U+0000",
    );
  });
  it("refuses NUL and other controls in the body, in the text and the HTML part", () => {
    expect(unsendableReason(email({ body: "a\u0000b" }))).toBe("unsendable: text contains control character U+0000");
    expect(unsendableReason(renderEmail({ ...ar, body: "x\u0085" }, outboxId))).toContain("text contains");
  });
});
