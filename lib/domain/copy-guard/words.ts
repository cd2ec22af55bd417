// Light morphology: the stems a written word may stand for. A phrase word matches a token when its
// stem is among the token's stems, so a list holds «مضمون» once and catches «والمضمونة», «مضمونه»,
// and "guarantee" catches "guaranteed", "guaranteeing". Nothing here guesses roots: only clitics,
// verb prefixes and endings come off, and a stem keeps at least two letters.

/** What a token can be read as. */
export type TWordForms = {
  /** Stems with proclitics and endings removed (nouns, adjectives, English words). */
  stems: ReadonlySet<string>;
  /** Stems of a present or future verb (prefix ن ي ت أ, with س or ل before it). */
  verbStems: ReadonlySet<string>;
  /** The word minus proclitics, endings kept: for phrase words that take any ending ("مضمون*"). */
  cores: readonly string[];
  /** The word starts with a conjunction «و» / «ف» glued to a verb or an indefinite noun. */
  conjunction: boolean;
};

// Proclitics, outermost first: and/so, then with/for/like/will, then the article (or لل = ل + ال).
const CONJ = ["", "و", "ف"];
const PREP = ["", "ب", "ل", "ك", "س"];
const ARTICLE = ["", "ال"];
const VERB_PREFIX = /^[نيتا]/;
const PRONOUNS = ["", "ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "نا", "ي", "ني"];
// Endings before a pronoun: plural and dual, feminine (ة before a pronoun is ت), nisba, tanween
// alef («فوراً» → فورا), verb endings (ون، وا، تم).
const ENDINGS = [
  "",
  "ات",
  "ون",
  "ين",
  "ان",
  "تين",
  "ه",
  "ت",
  "ي",
  "يه",
  "يا",
  "يات",
  "يين",
  "ا",
  "وا",
  "تم",
  "ته",
  "تا",
];
const SUFFIXES = [...new Set(ENDINGS.flatMap((e) => PRONOUNS.map((p) => e + p)))].sort((a, b) => b.length - a.length);
const MIN_STEM = 2;

function arabicForms(word: string): TWordForms {
  const stems = new Set<string>();
  const verbStems = new Set<string>();
  const cores: string[] = [];
  for (const c of CONJ)
    for (const p of PREP)
      for (const a of [...ARTICLE, ...(p === "ل" ? ["ل"] : [])]) {
        // لل is ل + ال with the alef dropped: «للعملاء».
        const prefix = c + p + (p === "ل" && a === "ل" ? "ل" : a);
        if (!word.startsWith(prefix) || word.length - prefix.length < MIN_STEM) continue;
        if (p === "س" && a) continue; // the future س takes a verb, never an article
        const core = word.slice(prefix.length);
        cores.push(core);
        addStems(core, stems);
        if (p !== "ب" && p !== "ك" && !a && VERB_PREFIX.test(core) && core.length > MIN_STEM)
          addStems(core.slice(1), verbStems);
      }
  // «ونضمن», «وضمان»: a new claim joined by «و»; «والسحب» (a definite noun) continues a list.
  const rest = word.slice(1);
  const conjunction = word.startsWith("و") && rest.length >= 3 && !/^(?:ال|لل|بال|كال)/.test(rest);
  return { stems, verbStems, cores, conjunction };
}

function addStems(core: string, into: Set<string>): void {
  for (const s of SUFFIXES) {
    if (!core.endsWith(s) || core.length - s.length < MIN_STEM) continue;
    const stem = core.slice(0, core.length - s.length);
    into.add(stem);
    // «موافقتك»: the ة of موافقة is written ت before a pronoun.
    if (s && stem.endsWith("ت")) into.add(`${stem.slice(0, -1)}ه`);
  }
}

function englishForms(word: string): TWordForms {
  const stems = new Set<string>([word]);
  const w = word.replace(/'s$/, "");
  stems.add(w);
  const add = (s: string) => {
    if (s.length >= 3) stems.add(s);
  };
  const undouble = (s: string) => (/([bcdfgklmnprstvz])\1$/.test(s) ? s.slice(0, -1) : s);
  for (const [end, repl] of [
    ["ies", "y"],
    ["ied", "y"],
    ["es", ""],
    ["s", ""],
  ] as const)
    if (w.endsWith(end)) add(w.slice(0, -end.length) + repl);
  for (const end of ["ed", "ing", "er", "ers", "ly"]) {
    if (!w.endsWith(end)) continue;
    const base = w.slice(0, -end.length);
    add(base);
    add(`${base}e`);
    add(undouble(base));
  }
  if (w.endsWith("d")) add(w.slice(0, -1)); // guaranteed → guarantee
  if (w.endsWith("r") || w.endsWith("rs")) add(w.replace(/rs?$/, "")); // scraper → scrape
  return { stems, verbStems: stems, cores: [w], conjunction: false };
}

const cache = new Map<string, TWordForms>();
const CACHE_LIMIT = 50_000;

/** The readings of one normal-form token (cached: drafts repeat words). Pure. */
export function wordForms(token: string): TWordForms {
  let f = cache.get(token);
  if (f) return f;
  f = /[\u0621-\u064A]/.test(token) ? arabicForms(token) : englishForms(token);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(token, f);
  return f;
}

/** Whether a token holds nothing but proclitics written apart («الـ CRM», «والـ»): skipped in phrases. */
export const isBareClitic = (token: string): boolean => BARE_CLITICS.has(token);
const BARE_CLITICS = new Set(["ال", "وال", "فال", "بال", "كال", "لل", "ولل", "وبال", "و"]);
