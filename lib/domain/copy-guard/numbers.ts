import type { TCopyCategory } from "./categories";
import { isNumberWord, type TToken } from "./tokens";
import { wordForms } from "./words";

// Numbers in promises, read in both digit systems (normalize.ts folds ٠-٩ to 0-9):
//   a quantity of results within a short time  «١٠ عملاء خلال ٢٤ ساعة», "1M SAR in a month"  → speed
//   growth of 100 % or more, or a multiple      «نمو ١٠٠٠٪ أسبوعياً», "3x your revenue"    → results
//   a multiple of speed                          "10x faster", «أسرع بعشر مرات»              → speed
// A figure the customer already reached is a report, not a promise ("your leads grew 120% last
// quarter", «نما استخدامكم ١٢٠٪ هذا الربع»), and a number of minutes to a reply is a service promise.

const RESULT_NOUNS = new Set(
  (
    "client customer lead deal sale meeting demo call booking appointment signup conversion sar riyal dollar usd revenue " +
    "profit growth roi return income follower order " +
    "عملاء عميل زبون زبائن صفقه صفقات مبيعات اجتماعات اجتماع مواعيد موعد حجوزات حجز ريال ر.س دولار ارباح ربح عائد " +
    "دخل نمو ايرادات متابعين طلبات تحويلات فرص"
  ).split(" "),
);
const GROWTH_NOUNS = new Set(
  (
    "growth grow increase boost more revenue sale profit roi return lead client customer income conversion " +
    "نمو زياده ارباح مبيعات عائد عملاء دخل ايرادات تحويلات"
  ).split(" "),
);
const TIME_UNITS = new Set(
  (
    "second minute hour day week month night " +
    "ثانيه ثواني ثوان دقيقه دقائق ساعه ساعات ساعت يوم ايام اسبوع اسابيع شهر اشهر شهور ليله"
  ).split(" "),
);
const TIME_PREPOSITIONS = new Set([
  "in",
  "within",
  "inside",
  "under",
  "per",
  "a",
  "an",
  "every",
  "each",
  "خلال",
  "في",
  "كل",
  "بعد",
]);
const RATE_ADVERBS = new Set([
  "weekly",
  "daily",
  "monthly",
  "hourly",
  "overnight",
  "اسبوعيا",
  "يوميا",
  "شهريا",
  "يومياً",
]);
// How far from the quantity a time frame may stand, in tokens, either side.
const TIME_REACH = 7;
const FASTER = new Set(["faster", "quicker", "اسرع"]);
const MULTIPLIERS = new Set(["x", "times", "fold", "مرات", "مره", "اضعاف", "ضعف", "ضعفا"]);
// A figure reached already: a report to the customer, not a promise.
const PAST_MARKERS = new Set([
  "last",
  "ago",
  "grew",
  "rose",
  "increased",
  "was",
  "were",
  "had",
  "since",
  "achieved",
  "reached",
  "الماضي",
  "الماضيه",
  "السابق",
  "منذ",
  "نما",
  "ارتفع",
  "ارتفعت",
  "زاد",
  "زادت",
  "كان",
  "كانت",
  "حققتم",
  "سجلتم",
  "وصلتم",
]);

const hasStem = (t: TToken | undefined, set: ReadonlySet<string>) =>
  !!t && (set.has(t.text) || [...wordForms(t.text).stems].some((s) => set.has(s)));

/** The value of a number token (1,000 → 1000; 1.5m → 1 500 000; "ten" → 10), or null. */
export function numberValue(t: TToken): number | null {
  if (t.kind === "number") {
    const m = /^(\d+(?:[.,]\d+)*)(k|m|mn|bn|b|x)?$/.exec(t.text);
    if (!m) return null;
    // "1,000" groups thousands; "1.5" / "1,5" is a decimal when the last group is not three digits.
    const digits = m[1]!;
    const groups = digits.split(/[.,]/);
    const base =
      groups.length > 1 && groups.slice(1).every((g) => g.length === 3)
        ? Number(groups.join(""))
        : Number(digits.replace(",", "."));
    const scale = { k: 1e3, m: 1e6, mn: 1e6, bn: 1e9, b: 1e9, x: 1 }[m[2] ?? "x"] ?? 1;
    return base * scale;
  }
  const words: Record<string, number> = { ten: 10, hundred: 100, thousand: 1000, million: 1e6, double: 2, triple: 3 };
  if (words[t.text] !== undefined) return words[t.text]!;
  // A spelled-out number stands for "several" («عشرة»، «بعشرين»): enough to make a quantity.
  return [...wordForms(t.text).stems].some(isNumberWord) ? 10 : null;
}

export type TNumberFinding = { category: TCopyCategory; rule: string; from: number; to: number };

/** The number claims in one clause's tokens (indexes into `tokens`, end exclusive). Pure. */
export function numberClaims(tokens: readonly TToken[], from: number, to: number): TNumberFinding[] {
  const clause = tokens.slice(from, to);
  if (clause.some((t) => PAST_MARKERS.has(t.text) || hasStem(t, PAST_MARKERS))) return [];
  const out: TNumberFinding[] = [];
  clause.forEach((t, k) => {
    const value = numberValue(t);
    if (value === null) return;
    const at = from + k;
    const next = clause[k + 1];
    // Growth or a multiple: "300% more leads", «نمو ١٠٠٠٪», "3x revenue", «٥ أضعاف».
    const percent = next?.kind === "percent";
    const multiple = t.text.endsWith("x") || hasStem(next, MULTIPLIERS);
    if ((percent && value >= 100) || (multiple && value >= 2)) {
      const near = clause.slice(Math.max(0, k - 5), k + 5);
      const end = at + (percent || (multiple && !t.text.endsWith("x")) ? 2 : 1);
      if (near.some((n) => hasStem(n, FASTER)))
        out.push({ category: "exaggerated_speed", rule: "number.faster", from: at, to: end });
      else if (near.some((n) => hasStem(n, GROWTH_NOUNS)))
        out.push({ category: "guaranteed_results", rule: "number.growth", from: at, to: end });
      return;
    }
    // A quantity of results («١٠ عملاء», "1M SAR", "SAR 1M") and a short time frame after it.
    const noun = [clause[k + 1], clause[k + 2], clause[k - 1]].find((n) => hasStem(n, RESULT_NOUNS));
    if (!noun) return;
    // The time frame may come after the quantity or before it («خلال ٧ أيام ستحصل على ٣٠ عميلاً»).
    for (let u = Math.max(0, k - TIME_REACH); u < clause.length && u <= k + TIME_REACH; u++) {
      if (u === k) continue;
      const unit = clause[u]!;
      const rate = RATE_ADVERBS.has(unit.text);
      const timed =
        hasStem(unit, TIME_UNITS) &&
        [clause[u - 1], clause[u - 2]].some((p) => !!p && (TIME_PREPOSITIONS.has(p.text) || p.kind === "number"));
      // «بأسبوع», «بيومين»: the preposition glued to the unit.
      const glued =
        unit.script === "ar" && /^[بف]/.test(unit.text) && hasStem({ ...unit, text: unit.text.slice(1) }, TIME_UNITS);
      if (rate || timed || glued) {
        const a = Math.min(k, u - (timed ? 2 : 0));
        out.push({
          category: "exaggerated_speed",
          rule: "number.results_in_time",
          from: from + Math.max(0, a),
          to: from + Math.min(clause.length, Math.max(k + 2, u + 1)),
        });
        return;
      }
    }
  });
  return out;
}
