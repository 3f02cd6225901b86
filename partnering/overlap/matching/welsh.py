"""Welsh course titles read in English (plain Python, no labels, no Django).

Welsh councils name courses in Welsh ("Iechyd Meddwl i Reolwyr", "Delio â Chwsmeriaid Anodd"), often with no
English beside them. A small word list of the words learning and development titles use, written by hand for
the project from general Welsh (not from any evaluation set), turns such a title into English words before the
matcher compares it, so it meets "Mental Health for Managers" and "Difficult Customers".

Welsh words change their first letter after some words (mutation: rheolwyr → i reolwyr, trin → a thrin,
cwsmeriaid → â chwsmeriaid), so a word not in the list is also looked up with each possible radical first letter.
Only titles that read as Welsh are translated: at least one unambiguous Welsh word, making up at least a third
of the title's words (a bilingual "Rheoli Amser / Time Management" counts), so "Plant Operator" stays English.
The glossary's names take priority: this runs after them, on what they left.
"""

from __future__ import annotations

from functools import lru_cache

# Phrases first (whole phrases, longest first), where word order or meaning differs from word by word.
PHRASES = {
    "cymorth cyntaf brys": "emergency first aid",
    "cymorth cyntaf yn y gwaith": "first aid at work",
    "cymorth cyntaf": "first aid",
    "cymorth cyntaf pediatrig": "paediatric first aid",
    "iechyd meddwl": "mental health",
    "iechyd a diogelwch": "health and safety",
    "diogelu data": "data protection",
    "diogelu plant": "safeguarding children",
    "diogelu oedolion": "safeguarding adults",
    "rhyddid gwybodaeth": "freedom of information",
    "llywodraethu gwybodaeth": "information governance",
    "diogelwch gwybodaeth": "information security",
    "codi a chario": "manual handling",
    "codi a thrin": "manual handling",
    "trin a chodi": "manual handling",
    "symud a thrin": "moving and handling",
    "symud a chodi": "moving and handling",
    "gofal cwsmer": "customer care",
    "gofal cwsmeriaid": "customer care",
    "gwasanaeth cwsmer": "customer service",
    "gwasanaeth cwsmeriaid": "customer service",
    "rheoli amser": "time management",
    "rheoli straen": "stress management",
    "rheoli prosiectau": "project management",
    "rheoli prosiect": "project management",
    "rheoli newid": "change management",
    "rheoli perfformiad": "performance management",
    "rheoli presenoldeb": "managing attendance",
    "rheoli absenoldeb": "managing absence",
    "rheoli heintiau": "infection control",
    "atal a rheoli heintiau": "infection prevention and control",
    "rheoli contractau": "contract management",
    "rheoli cyllideb": "budget management",
    "rheoli cyllidebau": "budget management",
    "asesu risg": "risk assessment",
    "asesiad risg": "risk assessment",
    "asesiadau risg": "risk assessments",
    "hylendid bwyd": "food hygiene",
    "diogelwch bwyd": "food safety",
    "diogelwch tân": "fire safety",
    "diogelwch tan": "fire safety",
    "warden tân": "fire warden",
    "warden tan": "fire warden",
    "gweithio ar uchder": "working at height",
    "sylweddau peryglus": "hazardous substances",
    "rhoi meddyginiaeth": "medication administration",
    "gweinyddu meddyginiaeth": "medication administration",
    "rhianta corfforaethol": "corporate parenting",
    "cod ymddygiad": "code of conduct",
    "ymddygiad heriol": "challenging behaviour",
    "datrys gwrthdaro": "conflict resolution",
    "rheoli gwrthdaro": "conflict management",
    "rhagfarn ddiarwybod": "unconscious bias",
    "rhagfarn anymwybodol": "unconscious bias",
    "rhagfarn diarwybod": "unconscious bias",
    "cydraddoldeb ac amrywiaeth": "equality and diversity",
    "cydraddoldeb amrywiaeth a chynhwysiant": "equality diversity and inclusion",
    "hawliau dynol": "human rights",
    "adnoddau dynol": "human resources",
    "masnachu pobl": "human trafficking",
    "caethwasiaeth fodern": "modern slavery",
    "caethwasiaeth modern": "modern slavery",
    "cam drin domestig": "domestic abuse",
    "camdriniaeth ddomestig": "domestic abuse",
    "trais yn erbyn menywod": "violence against women",
    "trais rhywiol": "sexual violence",
    "camfanteisio rhywiol": "sexual exploitation",
    "gwyngalchu arian": "money laundering",
    "chwythu r chwiban": "whistleblowing",
    "chwythur chwiban": "whistleblowing",
    "ymwybyddiaeth ofalgar": "mindfulness",
    "ymwybyddiaeth iaith": "language awareness",
    "anableddau dysgu": "learning disabilities",
    "anabledd dysgu": "learning disability",
    "gwaith cymdeithasol": "social work",
    "gofal cymdeithasol": "social care",
    "pobl ifanc": "young people",
    "offer sgrin arddangos": "display screen equipment",
    "sgiliau digidol": "digital skills",
    "ysgrifennu adroddiadau": "report writing",
    "sgiliau cyflwyno": "presentation skills",
    "gofal sy n seiliedig ar drawma": "trauma informed care",
    "wedi ei lywio gan drawma": "trauma informed",
    "llywio gan drawma": "trauma informed",
    "fforch godi": "forklift",
    "ymyrraeth gorfforol": "physical intervention",
    "atal cwympiadau": "falls prevention",
    "cyfle cyfartal": "equal opportunities",
    "lles staff": "staff wellbeing",
    "lles yn y gwaith": "wellbeing at work",
    "cyflwyniad i": "introduction to",
    "yn y gwaith": "at work",
    "yn erbyn": "against",
    "cam drin": "abuse",
    "mwy diogel": "safer",
    "yn ddiogel": "safely",
    "gweithion ddiogel": "working safely",
    "gweithio n ddiogel": "working safely",
    "rheolin ddiogel": "managing safely",
    "rheoli n ddiogel": "managing safely",
    "aelodau etholedig": "elected members",
    "sesiwn briffio": "briefing",
    "cyfryngau cymdeithasol": "social media",
    "cynllunio argyfwng": "emergency planning",
}

WORDS = {
    # small words
    "a": "and", "ac": "and", "â": "with", "ag": "with", "i": "for", "yn": "in", "ar": "on", "o": "of", "y": "", "yr": "",
    "r": "", "gyda": "with", "am": "about", "neu": "or", "eich": "your", "ein": "our", "mewn": "in", "dros": "for",
    "trwy": "through", "drwy": "through", "gan": "by", "heb": "without", "rhwng": "between", "ei": "", "eu": "",
    "sy": "", "n": "", "wedi": "", "ymlaen": "",
    # the course
    "cwrs": "course", "cyrsiau": "courses", "hyfforddiant": "training", "sesiwn": "session", "gweithdy": "workshop",
    "cyflwyniad": "introduction", "rhagarweiniad": "introduction", "ymwybyddiaeth": "awareness", "sylfaenol": "basic",
    "dechreuwyr": "beginners", "uwch": "advanced", "gloywi": "refresher", "diweddaru": "update", "adnewyddu": "renewal",
    "ailddilysu": "requalification", "lefel": "level", "rhan": "part", "grŵp": "group", "grwp": "group", "haen": "tier",
    "tystysgrif": "certificate", "dyfarniad": "award", "cymhwyster": "qualification", "cymwysterau": "qualifications",
    "ar-lein": "online", "arlein": "online", "rhithwir": "virtual", "briffio": "briefing",
    "cyffredinol": "general", "cenedlaethol": "national", "arbenigol": "specialist", "ymarferydd": "practitioner",
    "ymarferwyr": "practitioners", "ymarfer": "practice", "newydd": "new", "hanfodion": "essentials", "sgiliau": "skills",
    "effeithiol": "effective", "diogel": "safe", "diogelach": "safer", "mwy": "more", "gwell": "better",
    # people
    "plant": "children", "plentyn": "child", "oedolion": "adults", "oedolyn": "adult", "pobl": "people", "teuluoedd": "families",
    "gofalwyr": "carers", "cwsmer": "customer", "cwsmeriaid": "customers", "rheolwr": "manager", "rheolwyr": "managers",
    "goruchwylwyr": "supervisors", "goruchwyliwr": "supervisor", "arweinwyr": "leaders", "arweinydd": "leader",
    "aelodau": "members", "aelod": "member", "cynghorwyr": "councillors", "cynghorydd": "councillor", "staff": "staff",
    "gweithwyr": "workers", "gweithiwr": "worker", "gyrwyr": "drivers", "hyfforddwyr": "trainers", "hyfforddwr": "trainer",
    "athrawon": "teachers", "cynorthwywyr": "assistants", "menywod": "women", "dynion": "men", "defnyddwyr": "users",
    "cyhoedd": "public", "gwirfoddolwyr": "volunteers", "mentoriaid": "mentors", "mentor": "mentor",
    # health, safety, care
    "cymorth": "aid", "cyntaf": "first", "brys": "emergency", "pediatrig": "paediatric", "iechyd": "health",
    "diogelwch": "safety", "diogelu": "safeguarding", "meddwl": "mind", "lles": "wellbeing", "llesiant": "wellbeing",
    "straen": "stress", "gwydnwch": "resilience", "menopos": "menopause", "profedigaeth": "bereavement", "galar": "grief",
    "awtistiaeth": "autism", "dementia": "dementia", "anabledd": "disability", "anableddau": "disabilities",
    "gofal": "care", "cymdeithasol": "social", "codi": "lifting", "cario": "carrying", "symud": "moving", "trin": "handling",
    "asesu": "assessing", "asesiad": "assessment", "asesiadau": "assessments", "risg": "risk", "risgiau": "risks",
    "tân": "fire", "tan": "fire", "sylweddau": "substances", "peryglus": "hazardous", "uchder": "height", "ysgolion": "ladders",
    "meddyginiaeth": "medication", "meddyginiaethau": "medication", "bwyd": "food", "hylendid": "hygiene",
    "alergenau": "allergens", "alergedd": "allergy", "heintiau": "infection", "haint": "infection", "atal": "prevention",
    "ataliaeth": "restraint", "ymyrraeth": "intervention", "corfforol": "physical", "cwympiadau": "falls",
    "symudedd": "mobility", "trawma": "trauma", "gwybodus": "informed", "hunanladdiad": "suicide", "hunan": "self",
    "niwed": "harm", "camddefnyddio": "misuse", "alcohol": "alcohol", "cyffuriau": "drugs",
    "gyrru": "driving", "cerbydau": "vehicles", "cerbyd": "vehicle", "peiriannau": "machinery", "offer": "equipment",
    "sgrin": "screen", "arddangos": "display", "asbestos": "asbestos", "sŵn": "noise", "swn": "noise", "dirgryniad": "vibration",
    "gweithio": "working", "unigol": "lone", "unig": "lone", "cynnal": "maintaining", "archwilio": "inspection",
    # abuse, crime
    "camdriniaeth": "abuse", "domestig": "domestic", "trais": "violence", "rhywiol": "sexual",
    "caethwasiaeth": "slavery", "fodern": "modern", "camfanteisio": "exploitation", "ecsbloetio": "exploitation",
    "radicaleiddio": "radicalisation", "eithafiaeth": "extremism", "twyll": "fraud", "llwgrwobrwyo": "bribery",
    "trosedd": "crime", "troseddau": "crime", "aflonyddu": "harassment", "bwlio": "bullying", "urddas": "dignity",
    "hiliaeth": "racism", "gwrth": "anti",
    # people management
    "rheoli": "managing", "rheolaeth": "management", "arweinyddiaeth": "leadership", "arwain": "leading",
    "goruchwylio": "supervision", "goruchwyliaeth": "supervision", "amser": "time", "gwaith": "work", "llwyth": "load",
    "gweithle": "workplace", "recriwtio": "recruitment", "dethol": "selection", "cyfweld": "interviewing",
    "cyfweliad": "interview", "cyfweliadau": "interviews", "sefydlu": "induction", "cynefino": "induction",
    "mentora": "mentoring", "hyfforddi": "coaching", "perfformiad": "performance", "arfarnu": "appraisal",
    "arfarniad": "appraisal", "adolygiad": "review", "absenoldeb": "absence", "salwch": "sickness",
    "presenoldeb": "attendance", "disgyblu": "disciplinary", "disgyblaeth": "discipline", "cwynion": "complaints",
    "cwyn": "complaint", "achwyniad": "grievance", "achwyniadau": "grievance", "cyflogaeth": "employment",
    "polisi": "policy", "polisïau": "policies", "gweithdrefnau": "procedures", "newid": "change", "datblygu": "development",
    "datblygiad": "development", "proffesiynol": "professional", "personol": "personal", "gyrfa": "career",
    "hyder": "confidence", "pendantrwydd": "assertiveness", "arloesi": "innovation", "gwella": "improvement",
    "ansawdd": "quality", "tîm": "team", "tim": "team", "timau": "teams", "cynllunio": "planning", "strategol": "strategic",
    "penderfyniadau": "decisions", "gwneud": "making", "datrys": "solving", "problemau": "problems",
    # communication and behaviour
    "cyfathrebu": "communication", "ysgrifennu": "writing", "adroddiadau": "reports", "adroddiad": "report",
    "cyflwyno": "presenting", "cyflwyniadau": "presentations", "trafod": "negotiating", "negodi": "negotiation",
    "gwrthdaro": "conflict", "ymddygiad": "behaviour", "heriol": "challenging", "anodd": "difficult",
    "delio": "dealing", "ymdrin": "dealing", "tawelu": "deescalation", "ymosodol": "aggressive", "cwrteisi": "courtesy",
    "gwrando": "listening", "ffôn": "telephone", "ffon": "telephone", "cyfryngau": "media", "e-bost": "email", "ebost": "email",
    # equality and language
    "cydraddoldeb": "equality", "amrywiaeth": "diversity", "cynhwysiant": "inclusion", "cynhwysol": "inclusive",
    "rhagfarn": "bias", "diarwybod": "unconscious", "anymwybodol": "unconscious", "hawliau": "rights", "dynol": "human",
    "rhywedd": "gender", "traws": "trans", "dyletswydd": "duty", "dyletswyddau": "duties", "iaith": "language",
    "cymraeg": "welsh", "saesneg": "english", "dwyieithog": "bilingual", "dwyieithrwydd": "bilingualism",
    # council business
    "etholedig": "elected", "craffu": "scrutiny", "rhianta": "parenting",
    "corfforaethol": "corporate", "llywodraethu": "governance", "safonau": "standards", "moeseg": "ethics",
    "cadeirio": "chairing", "cyfarfodydd": "meetings", "cyfarfod": "meeting", "pwyllgor": "committee",
    "pwyllgorau": "committees", "cyngor": "council", "gwasanaeth": "service", "gwasanaethau": "services",
    "cymuned": "community", "cymunedol": "community", "cymunedau": "communities", "tai": "housing", "addysg": "education",
    "ysgol": "school", "dysgu": "learning", "cyllid": "finance", "cyllideb": "budget", "cyllidebau": "budgets",
    "ariannol": "financial", "arian": "money", "caffael": "procurement", "contractau": "contracts", "contract": "contract",
    "prosiect": "project", "prosiectau": "projects", "cyfraith": "law", "cyfreithiol": "legal", "deddf": "act",
    "deddfwriaeth": "legislation", "gwybodaeth": "information", "data": "data", "cofnodion": "records",
    "seiberddiogelwch": "cyber security", "seiber": "cyber", "digidol": "digital", "cyfrifiadur": "computer",
    "taenlenni": "spreadsheets", "taenlen": "spreadsheet", "argyfwng": "emergency", "argyfyngau": "emergencies",
    "parhad": "continuity", "busnes": "business",
}

# Welsh words that are also English words (or names) and so say nothing about the title's language.
AMBIGUOUS = {"plant", "data", "dementia", "staff", "alcohol", "asbestos", "mentor", "contract", "tan", "am", "a", "i",
             "o", "y", "yn", "ar", "r", "n", "cam", "drin", "wrth", "gan", "tim", "sy", "ei", "eu", "ag", "ac", "ffon",
             "arian", "polisi", "hunan", "traws", "unig", "ysgol", "ymlaen", "mwy", "heb", "eich", "ein"}

# Mutated first letters → the radical ones they may come from (soft, nasal and aspirate mutation).
_MUTATIONS = (
    ("ngh", ("c",)), ("mh", ("p",)), ("nh", ("t",)), ("ng", ("g",)), ("ph", ("p",)), ("th", ("t",)), ("ch", ("c",)),
    ("dd", ("d",)), ("b", ("p",)), ("d", ("t",)), ("g", ("c",)), ("f", ("b", "m")), ("l", ("ll",)), ("r", ("rh",)),
    ("m", ("b",)), ("n", ("d",)), ("h", ("",)),
)
_VOWELS = "aeiouwyâêîôûŵŷ"


def _radicals(word: str):
    """The forms this word may have before mutation, most likely first."""
    for mutated, radicals in _MUTATIONS:
        if word.startswith(mutated) and len(word) > len(mutated) + 1:
            for radical in radicals:
                yield radical + word[len(mutated):]
    if word[:1] in _VOWELS:
        yield "g" + word  # soft mutation drops a g: "gofal" → "ofal"


@lru_cache(maxsize=65536)
def lookup(word: str) -> str | None:
    """The English for a Welsh word (mutated or not; with "'n" or "'r" run on), or None."""
    if word in WORDS:
        return WORDS[word]
    for candidate in _radicals(word):
        if candidate in WORDS and candidate not in AMBIGUOUS and len(candidate) > 3:
            return WORDS[candidate]
    if len(word) > 4 and word[-1] in "nr":  # gweithio'n, chwythu'r: the apostrophe is gone by now
        return lookup(word[:-1])
    return None


_PHRASES = sorted(PHRASES, key=lambda p: (-len(p), p))


@lru_cache(maxsize=65536)
def _is_welsh_word(word: str) -> bool:
    return word not in AMBIGUOUS and len(word) > 2 and lookup(word) is not None


def reads_as_welsh(words: list[str]) -> bool:
    welsh = sum(1 for w in words if _is_welsh_word(w))
    return welsh >= 1 and 3 * welsh >= len(words)


def _radical(word: str) -> str:
    """The word in the radical form the list knows, where it knows one (so phrases match after mutation)."""
    if word in WORDS:
        return word
    return next((c for c in _radicals(word) if c in WORDS and c not in AMBIGUOUS and len(c) > 3), word)


_DONE = "\x00"  # marks words already in English, so they are not looked up again


def _phrases(words: list[str]) -> list[str]:
    text = " " + " ".join(words) + " "
    for phrase in _PHRASES:
        if f" {phrase} " in text:
            text = text.replace(f" {phrase} ", " " + " ".join(_DONE + w for w in PHRASES[phrase].split()) + " ")
    return text.split()


def to_english(words: list[str]) -> list[str]:
    """A title's words (lower case, no punctuation) in English when the title reads as Welsh; otherwise as they were.
    Phrases as written first ("cam drin" is abuse), then phrases after undoing mutations ("a thrin" → "trin"), then words."""
    if not words or not reads_as_welsh(words):
        return words
    words = _phrases(_phrases(words))
    words = _phrases([w if w.startswith(_DONE) else _radical(w) for w in words])
    out: list[str] = []
    for word in words:
        if word.startswith(_DONE):
            out.append(word[1:])
            continue
        english = lookup(word)
        if english is None:
            out.append(word)
        elif english:
            out.extend(english.split())
    return out
