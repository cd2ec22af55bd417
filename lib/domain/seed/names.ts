import type { TRandom } from "./random";

// Arabic company names are built as "<kind> <core> <line of business>", e.g. "مؤسسة النخبة للتجارة".
// Each part carries a Latin slug so contact e-mail domains read like a real transliteration.
// prettier-ignore
const AR_KINDS = [
  ["شركة", "sharikat"],
  ["مؤسسة", "muassasat"],
  ["مجموعة", "majmouat"],
  ["مكتب", "maktab"],
  ["مركز", "markaz"],
] as const;
// prettier-ignore
const AR_CORES = [
  ["النخبة", "alnukhba"], ["الأفق", "alofoq"], ["الريادة", "alriyada"], ["الوفاء", "alwafa"],
  ["البيان", "albayan"], ["السنابل", "alsanabel"], ["الرواد", "alrowad"], ["الإتقان", "aletqan"],
  ["المدار", "almadar"], ["الصفوة", "alsafwa"], ["الواحة", "alwaha"], ["النخيل", "alnakheel"],
  ["الفجر", "alfajr"], ["الجزيرة", "aljazeera"], ["الأصالة", "alasala"], ["المستقبل", "almustaqbal"],
  ["الضياء", "aldiyaa"], ["الهدى", "alhuda"], ["الخليج", "alkhaleej"], ["السلام", "alsalam"],
  ["الرياض الخضراء", "alriyadh-alkhadra"], ["دار المعرفة", "dar-almarifa"], ["نجمة الشرق", "najmat-alsharq"],
  ["بوابة الإبداع", "bawabat-alibdaa"], ["أرض الخير", "ard-alkhair"], ["ينابيع", "yanabee"],
  ["مسار", "masar"], ["إشراق", "ishraq"], ["تمكين", "tamkeen"], ["رؤية", "ruya"],
] as const;
// prettier-ignore
const AR_LINES = [
  ["للتجارة", "trading"], ["للتقنية", "tech"], ["للمقاولات", "contracting"], ["للأغذية", "foods"],
  ["للتعليم", "education"], ["للإعلان", "advertising"], ["للضيافة", "hospitality"], ["للعقارات", "realestate"],
  ["للخدمات الطبية", "medical"], ["للسياحة والسفر", "travel"], ["للأزياء", "fashion"], ["للحلول الرقمية", "digital"],
] as const;

// prettier-ignore
const EN_FIRST = [
  "Northwind", "Bluepeak", "Silverline", "Harbor", "Cedar", "Oasis", "Summit", "Crescent", "Falcon", "Palmgrove",
  "Meridian", "Horizon", "Atlas", "Pioneer", "Lumen", "Sandstone", "Red Sea", "Golden Dune", "Brightside", "Ironwood",
  "Juniper", "Keystone", "Lighthouse", "Maple", "Nimbus", "Orbit", "Pinnacle", "Quartz", "Riverstone", "Skyline",
  "Tidewater", "Urban", "Vantage", "Westgate", "Zenith", "Amberly", "Copperleaf", "Driftwood", "Evergreen", "Foxglove",
] as const;
// prettier-ignore
const EN_LINES = [
  "Retail", "Media", "Clinics", "Foods", "Motors", "Logistics", "Hotels", "Fitness", "Pharmacy", "Academy",
  "Realty", "Cafés", "Dental", "Labs", "Signage", "Malls", "Bakery", "Cinemas", "Airlines", "Banking",
  "Outfitters", "Studios", "Markets", "Hospitality", "Gyms", "Eyewear", "Furniture", "Electronics", "Salons", "Travel",
] as const;
// prettier-ignore
const EN_SUFFIXES = [["", 6], ["Group", 2], ["Co.", 1], ["LLC", 1], ["Ltd", 1], ["Holding", 1]] as const;

// prettier-ignore
const AR_GIVEN = [
  ["محمد", "mohammed"], ["أحمد", "ahmed"], ["عبدالله", "abdullah"], ["خالد", "khalid"], ["سعود", "saud"],
  ["فهد", "fahad"], ["ريم", "reem"], ["نورة", "noura"], ["سارة", "sara"], ["هند", "hind"], ["ليلى", "layla"],
  ["يوسف", "yousef"], ["عمر", "omar"], ["مريم", "maryam"], ["دانة", "dana"], ["طارق", "tariq"], ["هيفاء", "haifa"],
  ["منى", "mona"], ["بدر", "badr"], ["لمى", "lama"],
] as const;
// prettier-ignore
const AR_FAMILY = [
  ["العتيبي", "alotaibi"], ["القحطاني", "alqahtani"], ["الشهري", "alshehri"], ["الحربي", "alharbi"],
  ["الدوسري", "aldosari"], ["الزهراني", "alzahrani"], ["الغامدي", "alghamdi"], ["المطيري", "almutairi"],
  ["السبيعي", "alsubaie"], ["العنزي", "alanazi"], ["المصري", "almasri"], ["حداد", "haddad"], ["الخطيب", "alkhatib"],
  ["النجار", "alnajjar"], ["يوسف", "yousef"],
] as const;
// prettier-ignore
const EN_GIVEN = [
  "James", "Olivia", "Liam", "Emma", "Noah", "Ava", "Ethan", "Sophia", "Lucas", "Mia", "Daniel", "Grace",
  "Henry", "Chloe", "Adam", "Hannah", "Ryan", "Zara", "Priya", "Arjun",
] as const;
// prettier-ignore
const EN_FAMILY = [
  "Smith", "Mitchell", "Carter", "Johnson", "Brown", "Taylor", "Wilson", "Evans", "Walker", "Patel", "Khan",
  "Murphy", "Clarke", "Hughes", "Fernandes",
] as const;

export type TCompanyName = { name: string; domain: string };
export type TPersonName = { name: string; emailLocal: string };

const slug = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** Domains use the reserved `.example` TLD (RFC 2606), so demo e-mail can never reach a real inbox. */
export function companyName(random: TRandom, language: "ar" | "en"): TCompanyName {
  if (language === "ar") {
    const [kind] = random.pick(AR_KINDS);
    const [core, coreSlug] = random.pick(AR_CORES);
    const [line, lineSlug] = random.pick(AR_LINES);
    return { name: `${kind} ${core} ${line}`, domain: `${coreSlug}-${lineSlug}.example` };
  }
  const first = random.pick(EN_FIRST);
  const line = random.pick(EN_LINES);
  const suffix = random.weighted(EN_SUFFIXES.map(([s, w]) => [s, w] as const));
  const name = [first, line, suffix].filter(Boolean).join(" ");
  return { name, domain: `${slug(`${first} ${line}`)}.example` };
}

/** Arabic-script names carry their usual Latin transliteration for the e-mail address. */
export function personName(random: TRandom, script: "ar" | "en" | "ar-latin"): TPersonName {
  if (script === "en") {
    const given = random.pick(EN_GIVEN);
    const family = random.pick(EN_FAMILY);
    return { name: `${given} ${family}`, emailLocal: `${given}.${family}`.toLowerCase() };
  }
  const [givenAr, given] = random.pick(AR_GIVEN);
  const [familyAr, family] = random.pick(AR_FAMILY);
  if (script === "ar") return { name: `${givenAr} ${familyAr}`, emailLocal: `${given}.${family}` };
  const latinFamily = family.startsWith("al") ? `Al-${family[2]?.toUpperCase()}${family.slice(3)}` : capital(family);
  return { name: `${capital(given)} ${latinFamily}`, emailLocal: `${given}.${family}` };
}

const capital = (word: string) => `${word[0]?.toUpperCase() ?? ""}${word.slice(1)}`;
