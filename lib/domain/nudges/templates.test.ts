import { describe, expect, it } from "vitest";
import { NUDGE_TEMPLATES } from "./heuristic";
import { NUDGE_EMAIL_TEMPLATES, NUDGE_SENT_KEY, NUDGE_TEXTS, renderNudgeEmail } from "./templates";

const ARABIC = /[\u0600-\u06FF]/;

describe("nudge email templates", () => {
  it("cover every heuristic template except none", () => {
    expect([...NUDGE_EMAIL_TEMPLATES, "none"].sort()).toEqual([...NUDGE_TEMPLATES].sort());
    expect(Object.keys(NUDGE_TEXTS).sort()).toEqual([...NUDGE_EMAIL_TEMPLATES].sort());
  });

  it.each(NUDGE_EMAIL_TEMPLATES)("%s has an English and an Arabic email greeting the recipient", (template) => {
    const en = renderNudgeEmail(template, "en", "Sam");
    const ar = renderNudgeEmail(template, "ar", "ريم");
    expect(en.subject.trim()).not.toBe("");
    expect(en.body).toContain("Hi Sam,");
    expect(ARABIC.test(en.subject + en.body)).toBe(false);
    expect(ARABIC.test(ar.subject)).toBe(true);
    expect(ar.body).toContain("مرحبًا ريم،");
    expect(ar.subject).not.toBe(en.subject);
  });

  it("speaks to the step each template is about", () => {
    expect(renderNudgeEmail("day1-pair-screen", "en", "x").body).toMatch(/pair/i);
    expect(renderNudgeEmail("day3-upload-content", "en", "x").body).toMatch(/upload/i);
    expect(renderNudgeEmail("day7-create-schedule", "en", "x").body).toMatch(/schedule/i);
    expect(renderNudgeEmail("day1-pair-screen", "ar", "x").body).toContain("ربط");
    expect(renderNudgeEmail("day3-upload-content", "ar", "x").body).toContain("رفع");
    expect(renderNudgeEmail("day7-create-schedule", "ar", "x").body).toContain("جدول");
  });

  it("falls back to a neutral greeting without a name", () => {
    expect(renderNudgeEmail("day1-pair-screen", "en", "  ").body.startsWith("Hi there,")).toBe(true);
    expect(renderNudgeEmail("day1-pair-screen", "ar", "").body.startsWith("مرحبًا عميلنا العزيز،")).toBe(true);
  });

  it("maps each template to its sent flag", () => {
    expect(NUDGE_SENT_KEY).toEqual({
      "day1-pair-screen": "day1",
      "day3-upload-content": "day3",
      "day7-create-schedule": "day7",
    });
  });
});
