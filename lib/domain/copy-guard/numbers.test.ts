import { describe, expect, it } from "vitest";
import { scanText } from "./guard";
import { normalizeCopy } from "./normalize";
import { numberValue } from "./numbers";
import { tokenize } from "./tokens";

const numbers = (text: string) =>
  scanText(text, "body")
    .filter((f) => f.rule.startsWith("number."))
    .map((f) => [f.rule, f.category, f.phrase]);

describe("numbers in promises", () => {
  it("reads values in both digit systems, with separators and k/m suffixes", () => {
    const v = (s: string) => numberValue(tokenize(normalizeCopy(s))[0]!);
    expect(v("١٠")).toBe(10);
    expect(v("1,000")).toBe(1000);
    expect(v("١٬٠٠٠")).toBe(1000);
    expect(v("1.5m")).toBe(1_500_000);
    expect(v("١٫٥")).toBe(1.5);
    expect(v("hundred")).toBe(100);
  });

  it("a quantity of results in a short time is exaggerated speed, in either digit system and order", () => {
    expect(numbers("١٠ عملاء خلال ٢٤ ساعة")).toEqual([
      ["number.results_in_time", "exaggerated_speed", "١٠ عملاء خلال ٢٤ ساعة"],
    ]);
    expect(numbers("10 عملاء خلال 24 ساعة")[0]?.[1]).toBe("exaggerated_speed");
    expect(numbers("Make 1M SAR in a month")[0]?.[2]).toBe("1M SAR in a month");
    expect(numbers("خلال ٧ أيام فقط ستحصل على ٣٠ عميلاً")[0]?.[1]).toBe("exaggerated_speed");
    expect(numbers("Ten new customers a week")[0]?.[1]).toBe("exaggerated_speed");
    expect(numbers("٢٠٠ عميل محتمل بأسبوع")[0]?.[1]).toBe("exaggerated_speed");
  });

  it("growth of 100 % or more, or a multiple, is a guaranteed result; a multiple of speed is speed", () => {
    expect(numbers("نمو ١٠٠٠٪ أسبوعياً")[0]?.slice(0, 2)).toEqual(["number.growth", "guaranteed_results"]);
    expect(numbers("300% more leads")[0]?.slice(0, 2)).toEqual(["number.growth", "guaranteed_results"]);
    expect(numbers("We can 3x your revenue")[0]?.slice(0, 2)).toEqual(["number.growth", "guaranteed_results"]);
    expect(numbers("10x faster outreach")[0]?.slice(0, 2)).toEqual(["number.faster", "exaggerated_speed"]);
  });

  it("lets service promises, small growth, plain counts and reports of the past through", () => {
    for (const text of [
      "We will reply within 30 minutes.",
      "سنرد عليك خلال ٣٠ دقيقة",
      "A 20% increase in replies is realistic.",
      "تقرير الأسبوع: ٣ اجتماعات مؤكدة و٥ فرص جديدة.",
      "The campaign brought 120 new leads last month.",
      "ارتفعت مبيعاتكم ١٢٠٪ هذا الربع",
      "Your usage grew 140% this quarter.",
      "Our onboarding call takes 30 minutes and covers your first three goals.",
    ])
      expect([text, numbers(text)]).toEqual([text, []]);
  });
});
