import type { TCopyCategory } from "./categories";

/**
 * The guard's phrase lists as shipped; founders replace them in Settings → Copy guard (stored in the
 * database, ledgered). Syntax: phrase.ts. Every phrase applies to every draft, whatever its language.
 *   block  phrases that make a claim of the category
 *   allow  phrases that, in the same clause, make such a phrase ordinary: a reply promise («سنرد
 *          عليك فوراً»), an incident described («تم الوصول دون إذن»), a bug being fixed («نعالج الخلل»)
 * Kept narrow on purpose: a false alarm blocks a real reply, perhaps the one a data leak needs.
 */
export type TCategoryList = { block: string[]; allow: string[] };
export type TGuardLists = { categories: Record<TCopyCategory, TCategoryList>; competitors: string[] };

// Shared word sets, spelled out into the phrases below (a founder sees them written in full).
const RESULTS_EN =
  "results|growth|roi|leads|sales|revenue|clients|customers|success|traction|profit|profits|bookings|meetings|deals|conversions";
const RESULTS_AR = "نتائج|نتيجه|نمو|زياده|عملاء|عميل|زبائن|مبيعات|ارباح|ربح|نجاح|مواعيد|صفقات|ايرادات|عوائد|دخل";
const PLATFORMS =
  "linkedin|لينكدان|لينكد|لنكدان|google|جوجل|قوقل|غوغل|instagram|انستقرام|انستغرام|انستا|facebook|فيسبوك|twitter|تويتر|tiktok|تيك|snapchat|سناب|maps|خرائط|directories|websites|مواقع|profiles|بروفايلات";
const DATA_EN = "data|emails|email|numbers|contacts|profiles|leads|details|info|information|addresses";
const DATA_AR = "بيانات|ارقام|ايميلات|عناوين|حسابات|معلومات|ملفات|جهات|بروفايلات|اسماء";
const REGULATION =
  "pdpl|gdpr|regulation|regulations|law|laws|zatca|citc|sdaia|compliance|consent|حمايه|قانون|قوانين|لوائح|انظمه|تشريعات|زكاه|ضريبه|ضرائب|سدايا|هيئه|رقابه";
// Replies, incident work and fixes: what a service promise or a crisis reply is about. («نجيب» is
// also "we bring", so only «نجيب على / عن» counts as answering.)
const SERVICE_EN =
  "reply|respond|response|answer|update|notify|inform|contact|call|fix|patch|investigate|investigation|stop|pause|halt|revoke|rotate|freeze|contain|restore|support|ticket|import|sync|export|migrate";
const SERVICE_AR =
  "+رد|رد|ردنا|اجابه|+بلغ|ابلاغ|+خبر|+وافي|+تواصل|نتصل|سنتصل|اتصال|+حدث|تحديث|تحديثات|+صلح|اصلاح|+وقف|ايقاف|+جمد|تجميد|تحقيق|+لغي|الغاء|استعاده|دعم|تذكره|مراجعه|فحص";
const INCIDENT_EN =
  "accessed|access|breach|leak|leaked|attacker|unauthorised|unauthorized|exposed|incident|apologise|apologize|apology|sorry|mistake|mistakenly|error|bug";
const INCIDENT_AR = "وصول|+طلع|اختراق|تسرب|تسريب|مخترق|+عتذر|اعتذار|خطأ|خطا|مصرح|حادث|حادثه|ثغره|خلل";
const TECHNICAL = `مشكله|مشاكل|خلل|ثغره|ثغرات|عطل|اعطال|بيانات|طلبات|طلب|شكاوي|شكوي|تذاكر|تذكره|حادثه|اخطاء|problem|problems|issue|issues|bug|incident|ticket|error`;

export const DEFAULT_LISTS: TGuardLists = {
  categories: {
    guaranteed_results: {
      block: [
        "guarantee",
        "risk free",
        "zero risk",
        "sure fire",
        "surefire",
        "can't|cannot fail|lose",
        "double|triple|quadruple|10x ... sales|revenue|leads|income|pipeline|profits|bookings|conversions|business|customers|clients",
        "proven to double|triple|increase|boost|skyrocket|explode",
        "skyrocket|explode ... sales|revenue|leads|income|pipeline|profits|growth",
        "sales|revenue|leads|income|pipeline|profits|growth ... skyrocket|explode",
        `promise ... ${RESULTS_EN}`,
        "get|bring|deliver|land|generate|send|book you # clients|customers|leads|deals|meetings|sales",
        "100 % success|results|guaranteed|effective",
        "+ضمن",
        "ضمان نتائج|نجاح|ارباح|ربح|عملاء|مبيعات|عائد|نمو|زياده|كامل|تام|مطلق",
        "ضمان # %",
        `${RESULTS_AR} ... مضمون*`,
        "مضمون* 100|#",
        "نتائج|نجاح|نمو|ارباح|عملاء|زياده ... مؤكد*",
        "100 % نجاح|نتائج",
        "نجاح|نتائج 100 %",
        "بدون|بلا|صفر|لا مخاطر|مخاطره",
        "+ضاعف|مضاعفه ... مبيعات|ارباح|عملاء|دخل|ايرادات|نتائج",
        "مبيعات|ارباح|عملاء|دخل|ايرادات|نتائج ... +تضاعف|+ضاعف",
        "impossible ... not to grow|succeed|sell|win|profit",
        "+عد ... # عملاء|عميل|صفقه|صفقات|مبيعات|مواعيد",
        "+جيب|+جلب|+وفر ... # عملاء|عميل|صفقه|صفقات|مواعيد",
      ],
      // "We guarantee a reply within one business day": a service promise, not a result.
      allow: [
        "reply|replies|respond|response|answer ... within|in|by|same",
        "الرد|+رد|رد|ردنا|الاستجابه|استجابه ... خلال|في|قبل|نفس",
      ],
    },
    scraping: {
      block: [
        "scrape",
        "scraping",
        "crawl|crawler ... linkedin|profiles|websites|google|instagram|facebook|twitter|maps|directories",
        `harvest|extract|pull|grab|mine|lift|rip|collect|copy ... ${DATA_EN} ... ${PLATFORMS}`,
        `${DATA_EN} harvesting|harvester|extraction|extractor|scraper`,
        "harvest emails|contacts|profiles|leads|numbers|data",
        `harvest|extract|pull|grab|mine|collect|copy ... ${PLATFORMS} ... ${DATA_EN}`,
        "كشط",
        "+كشط",
        "سكراب*",
        "سكرابنج|سكرابينج|سكريبنج|سكريبينج",
        `+سحب|سحب|مسحوب*|+ستخرج|استخراج|+ستخلص|استخلاص|+جمع|جمع|+نسخ|+قتبس ... ${DATA_AR} ... ${PLATFORMS}`,
        `+سحب|سحب|مسحوب*|+ستخرج|استخراج ... ${PLATFORMS}`,
        "زاحف|زواحف|+زحف ... مواقع|لينكدان|linkedin|جوجل|google|بروفايلات",
      ],
      allow: [],
    },
    full_automation: {
      block: [
        "fully|completely|totally|entirely automated|automatic|automate",
        "100 % automated|automatic|automation",
        "full|total|complete automation",
        // Scheduled screens "on autopilot" are a product feature; selling or messaging on autopilot is the claim.
        "sales|selling|outreach|prospecting|messages|messaging|marketing|leads|pipeline|dms|whatsapp ... autopilot",
        "autopilot ... sales|selling|outreach|prospecting|messages|messaging|marketing|leads|pipeline|dms|whatsapp",
        "set it and forget it",
        "no human|humans|people needed|required|involved|necessary",
        "without ... human review|oversight|intervention|input|involvement|touch|hands",
        "no human ... in the loop",
        "auto dm|dms|message|messages|connect|post|comment|follow|reply",
        "automated|automatic dm|dms",
        "mass|bulk dm|dms|whatsapp|messages|messaging|outreach|blast|texts|sms",
        "cold whatsapp|dm|dms|sms|texts|messages|messaging|outreach|calls",
        "cold email|emails campaign|campaigns|blast|blasts",
        "whatsapp blast|blasts|campaign|campaigns ... cold|unsolicited",
        "automatically ... everyone|everybody|thousands",
        "automatically ... all ... contacts|leads|prospects|numbers",
        "اتمته كامل*|شامل*|تام*|كليه",
        "اتمته 100 %",
        "مؤتمت*|موتمت*|تلقائي*|اوتوماتيك* بالكامل|كليا|تماما|كامل*|100",
        "بدون|دون|بلا|صفر ... تدخل بشري*",
        "تدخل بشري* صفر",
        "بدون|دون|بلا ... عنصر بشري",
        "+رسل|ارسال ... تلقائي*|اوتوماتيك*|الي ... للجميع|جميع|لكل|الكل|جماعي*|الاف|بالجمله",
        "تلقائي*|اوتوماتيك* للجميع|لكل|لجميع|للكل",
        "رسائل|رساله|حملات|حمله|+رسل ... جماعي*|عشوائي*|بالجمله",
        "واتساب|whatsapp|رسائل|حملات|حمله|تواصل|اتصالات بارد*",
        "رسائل|رساله مباشره تلقائي*",
        "+رسل ... تلقائي*|اوتوماتيك* ... لينكدان|linkedin|واتساب|whatsapp|انستقرام",
        "طيار الي",
      ],
      allow: [
        "reminder|reminders|backup|backups|notification|notifications|invoice|invoices|report|reports|receipt|receipts",
        "تذكير|تذكيرات|نسخ|احتياطي|اشعار|اشعارات|فواتير|فاتوره|تقرير|تقارير|ايصال",
        // Automation being switched off, in an incident reply: «أوقفنا الإرسال التلقائي بالكامل».
        "stop|stopped|pause|paused|disable|disabled|halt|halted|+وقف|ايقاف|+عطل|تعطيل",
        INCIDENT_EN,
        INCIDENT_AR,
      ],
    },
    bypassing_approvals: {
      block: [
        "without ... approval|approvals|signoff|sign|consent|permission|authorisation|authorization|asking|checking",
        "no approval|approvals|review|signoff|sign|permission ... needed|required|necessary",
        "skip|bypass|circumvent|override|sidestep ... approval|approvals|review|signoff|sign|approver",
        "auto approve|approves|approved|approval",
        "never|no need ... to approve|review|sign",
        "don't|dont ... need ... to approve|review|sign",
        "بدون|دون|بلا ... موافقه|موافقات|اذن|مراجعه|اعتماد|الرجوع|علم",
        "من غير ... موافقه|اذن|مراجعه|اعتماد|الرجوع|علم",
        "+تجاوز|تجاوز|+تخطي|تخطي ... موافقه|موافقات|مراجعه|اعتماد",
        "موافقه تلقائي*",
        "لا حاجه|داعي ... موافقه|مراجعه|اعتماد|اذن",
      ],
      allow: [INCIDENT_EN, INCIDENT_AR],
    },
    competitor_attacks: {
      block: [
        "better|cheaper|faster|smarter|stronger|cooler|easier than ... @",
        "superior to @",
        "more ... than @",
        "kill|killer|crush|destroy|bury|dominate|beat|outperform|obliterate ... @",
        "@ killer",
        "@ ... dead|garbage|trash|useless|scam|scams|overpriced|junk|obsolete|joke|rubbish|liars|frauds|sucks|suck|incompetent|amateurs",
        "ditch|dump @",
        "ارخص|افضل|اسرع|اقوي|اذكي|احسن|ارقي|اوفر|اسهل ... من ... @",
        "+قتل|+سحق|+دمر|+هزم|+تفوق|+كتسح ... @",
        "قاتل @",
        "@ ... فاشل*|نصاب*|محتال*|كذاب*|سيء|سيئه|سيئين|حرامي*|لصوص|غشاش*|ميت|انتهي|عفا|مبالغ|غالي*|بدائي*",
      ],
      allow: [],
    },
    legal_financial_promises: {
      block: [
        "money back",
        "full refund",
        "refund|refunded in full",
        "استرداد|استرجاع ... كامل*",
        "refund ... guarantee|guaranteed",
        "guaranteed|assured|certain ... returns|return|profit|profits|income|roi|earnings|payout",
        "tax deductible|free|exempt|writeoff",
        "vat free|exempt",
        "avoid|skip|dodge|evade ... tax|taxes|vat|zakat",
        `bypass|circumvent|around|ignore|evade|sidestep|dodge|skirt|break ... ${REGULATION}`,
        `exempt from ... ${REGULATION}`,
        "100 % compliant|legal",
        "fully|always|completely compliant|legal",
        "compliant ... all|every|any ... law|laws|regulation|regulations|rules",
        "legally guaranteed|bulletproof",
        "no legal risk|liability|consequences",
        "take|accept ... legal responsibility|liability",
        "pay|cover ... fines|penalties|damages",
        "compensate ... any loss|losses|damage|damages",
        "certified|approved|endorsed by ... sdaia|citc|zatca|government|ministry|regulator",
        "loophole|loopholes",
        `+تجاوز|تجاوز|+تخطي|تخطي|+تحايل|تحايل|+تهرب|تهرب|+لتف|التفاف ... ${REGULATION}`,
        `معفي|معفاه ... من ... ${REGULATION}`,
        "خصم ضريبي",
        "+خصم من ... زكاه|ضريبه|ضرائب",
        "عائد|عوائد|ربح|ارباح|دخل مضمون*|مؤكد*|ثابت*",
        "ضمان استرداد|استرجاع",
        "استرداد|استرجاع ... اموالك|اموالكم|فلوسك|فلوسكم",
        "متوافق*|مطابق* ... 100|بالكامل|تماما|كليا",
        "متوافق*|مطابق* ... جميع|كل ... انظمه|قوانين|لوائح|تشريعات",
        "+تحمل ... مسؤوليه قانوني*",
        "+تحمل|+دفع ... غرامات|غرامه|تعويضات",
        "+عوض ... اي|كل ... خسائر|خساره|اضرار",
        "بدون|بلا|لا|صفر ... مخاطر* قانوني*",
        "معتمد*|مرخص* من ... سدايا|sdaia|حكومه|حكومي*|وزاره|citc|زاتكا|zatca",
        "ثغره|ثغرات قانوني*|نظاميه",
      ],
      allow: [
        // A refund for a billing error is a service reply, not a promise.
        "duplicate|double|twice|overcharged|mistake|mistakenly|error|apologise|apologize|sorry",
        "مكرر|مكرره|خطأ|خطا|مرتين|+عتذر|نأسف|اسف",
      ],
    },
    medical_language: {
      block: [
        "cure",
        "miracle",
        "heal|heals|healing",
        "diagnose|diagnosis|diagnosing ... illness|disease|condition|symptoms|disorder|medical|patient|patients|health",
        "treat|treatment|therapy ... disease|illness|depression|anxiety|diabetes|symptoms|pain|insomnia|obesity|cancer|adhd|disorder",
        "clinically|medically proven|tested|approved",
        "doctor|doctors recommended|approved",
        "fda approved",
        "medical grade",
        "prescription",
        "therapeutic",
        "relieve|relieves ... anxiety|pain|depression",
        "weight loss",
        "lose weight",
        "immune system|immunity",
        "+عالج",
        "علاج",
        "تشخيص ... مرض*|امراض|صحي*|اعراض|طبي*",
        "شفاء",
        "+شفي",
        "طبيا|سريريا",
        "وصفه طبيه",
        "دواء|ادويه|عقار",
        "+خفف ... قلق|اكتئاب|الم|اعراض",
        "مناعه",
        "انقاص|خساره|نزول الوزن",
      ],
      allow: [TECHNICAL],
    },
    exaggerated_speed: {
      block: [
        `instant|instantly|instantaneous|overnight|immediate|immediately ... ${RESULTS_EN}`,
        `${RESULTS_EN} ... instantly|overnight|immediately|instant`,
        `${RESULTS_EN} ... in|within seconds|minutes|hours`,
        "lightning|blazing|rocket ... fast|speed|quick",
        "speed of light",
        "# times faster|quicker",
        "in a flash",
        `${RESULTS_AR} ... فوري*|فورا|لحظي*`,
        `فوري*|فورا|لحظي* ... ${RESULTS_AR}`,
        "بين ليله وضحاها",
        "سرعه البرق|الصاروخ|الضوء",
        "لمح|لمحه البصر|بصر",
        `${RESULTS_AR} ... خلال|في ثواني|ثوان|ثانيه|دقائق|دقيقه|ساعات|ليله`,
        "اسرع ... # مرات|مره|اضعاف|ضعف",
      ],
      allow: [SERVICE_EN, SERVICE_AR, "+جيب على|عن", INCIDENT_EN, INCIDENT_AR],
    },
  },
  competitors: [
    "salesforce",
    "سيلزفورس",
    "سيلز فورس",
    "hubspot",
    "hub spot",
    "هبسبوت",
    "هب سبوت",
    "gong",
    "جونج",
    "قونق",
    "zoho",
    "زوهو",
    "pipedrive",
    "بايبدرايف",
    "بايب درايف",
    "freshworks",
    "freshsales",
    "odoo",
    "اودو",
    "zendesk",
    "زندسك",
    "intercom",
    "lemlist",
    "apollo",
    "dynamics",
    "crm|crms",
    "سي ار ام",
    "competitor|competitors|competition|rivals",
    "other ... tool|tools|platform|platforms|agency|agencies|vendor|vendors|provider|providers|company|companies|solution|solutions",
    "منافس|منافسين|منافسه|منافسينا|المنافسه",
    "غيرنا",
    "اخرين",
    "باقي ... شركات|ادوات|انظمه|منصات|وكالات",
    "شركات|ادوات|انظمه|منصات|وكالات|شركه|اداه|نظام|منصه|وكاله ... اخري|اخر",
  ],
};
