"""Course titles reduced to what identifies the course (plain Python, no Django).

Councils name the same course differently ("ILM L3 Award - Leadership & Mgmt",
"Level 3 ILM Award in Leadership & Management"); similar names are often different
courses (ILM Level 3 Award vs Certificate vs Level 5; EFAW vs FAW; IOSH Working
Safely vs Managing Safely; safeguarding children vs adults, level 1 vs 2). This
module turns a title (and the return's other fields) into a `Features` record:
a canonical core text for fuzzy comparison, and the facts that must agree exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .welsh import to_english

# Whole phrases first (longest first), then single tokens. Keys are already lower case,
# with "&" read as "and" and punctuation as spaces.
PHRASES = {
    "h and s": "health and safety",
    "e and d": "equality and diversity",
    "efaw": "emergency first aid at work",
    "faw": "first aid at work",
    "mhfa": "mental health first aid",
    "ngc": "national general certificate",
    "nebosh general certificate": "nebosh national general certificate",
    "fire marshal": "fire warden",
    "fire marshals": "fire warden",
    "fire wardens": "fire warden",
    "fire marshall": "fire warden",
    "child protection": "safeguarding children",
    "protection of vulnerable adults": "safeguarding adults",
    "pova": "safeguarding adults",
    "vulnerable adults": "adults",
    "adults at risk": "adults",
    "cymorth cyntaf": "first aid",
    "cymorth cyntaf brys": "emergency first aid",
    "diogelu plant": "safeguarding children",
    "diogelu oedolion": "safeguarding adults",
    "ymwybyddiaeth iaith gymraeg": "welsh language awareness",
    "welsh for adults": "welsh",
    "learn welsh": "welsh",
    "dysgu cymraeg": "welsh",
    "cwrs cymraeg": "welsh",
    "mynediad": "welsh entry",
    "sylfaen": "welsh foundation",
    "canolradd": "welsh intermediate",
    "entry level": "entry",
    "moving and handling": "manual handling",
    "moving and handling of loads": "manual handling",
    "customer care": "customer service",
    "customer services": "customer service",
    "time management": "managing your time",
    "managing time": "managing your time",
    "gdpr": "data protection",
    "general data protection regulation": "data protection",
    "information governance": "data protection",
    "prince 2": "prince2",
    "microsoft excel": "excel",
    "ms excel": "excel",
    "office 365": "m365",
    "microsoft 365": "m365",
    "recruitment and selection": "recruitment",
    "safer recruitment": "recruitment",
    "attendance management": "managing attendance",
    "absence management": "managing attendance",
    "code of conduct for members": "members code of conduct",
    "first aider": "first aid",
    "mental health first aider": "mental health first aid",
    "unconscious bias workshop": "unconscious bias",
    "handling difficult": "dealing with difficult",
    "managing difficult": "dealing with difficult",
    "food safety and hygiene": "food hygiene",
    "food safety": "food hygiene",
}
TOKENS = {
    "l1": "level 1", "l2": "level 2", "l3": "level 3", "l4": "level 4", "l5": "level 5", "l6": "level 6", "l7": "level 7",
    "lvl": "level", "lev": "level", "lefel": "level",
    "mgmt": "management", "mgt": "management", "managment": "management", "mngmt": "management",
    "mgr": "manager", "mgrs": "managers",
    "cert": "certificate", "certs": "certificate", "dip": "diploma", "dipl": "diploma",
    "intro": "introduction", "awareness": "", "course": "", "training": "", "programme": "", "program": "",
    "e": "", "learning": "", "elearning": "", "online": "", "module": "", "workshop": "", "session": "",
    "webinar": "", "virtual": "", "classroom": "", "essentials": "", "skills": "", "basic": "",
    "in": "", "the": "", "for": "", "of": "", "and": "", "a": "", "an": "", "to": "", "at": "",
    "with": "", "on": "", "your": "", "cwrs": "", "hyfforddiant": "",
    "day": "", "days": "", "half": "", "full": "", "hr": "", "hrs": "", "hour": "", "hours": "",
}
# Kept for the comparison but not used to find candidates: they appear in too many titles.
COMMON = {"level", "management", "leadership", "award", "certificate", "diploma", "health", "safety", "first", "aid",
          "work", "managers", "staff", "members", "introduction"}

NOISE = [
    re.compile(r"\((?:[^()]*?\b(?:cohort|group|intake|edition|day|days|hrs?|hours?|e-?learning|online|virtual|webinar|"
               r"classroom|refresh(?:ed)?|20\d\d(?:/\d\d)?|spring|summer|autumn|winter|new starters?)\b[^()]*)\)", re.I),
    re.compile(r"\b(?:cohort|group|intake)\s*\d+\b", re.I),
    re.compile(r"\b\d+(?:st|nd|rd|th)\s+edition\b", re.I),
    re.compile(r"\b\d+\s*(?:-\s*)?(?:day|days|hr|hrs|hour|hours)\b", re.I),
    *[re.compile(p, f) for p, f in (
        # course codes of a council's own catalogue: "[BCC-SG038]", "[SG800]", "HR/089 …", "SC631 - …"
        (r"\[[^\]]*\d[^\]]*\]", 0),
        (r"^\s*[A-Z]{1,4}[/-]?\d{2,3}\b\s*(?:[-–:]\s+)?", 0),
        # dates: "01/02/2023", "28.09.23", "w/c 13/12/24", "Jun-24", "(Feb 24)", "Feb 2023"
        (r"\b(?:w/c\s*)?\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b", re.I),
        (r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?[\s-]*(?:20)?\d\d\b", re.I),
    )],
    re.compile(r"\b20\d\d\s*(?:/|-)\s*\d\d\b|\b20\d\d\b"),
]

AWARDING_BODIES = {
    "ilm": "ILM", "cmi": "CMI", "iosh": "IOSH", "nebosh": "NEBOSH", "cipd": "CIPD", "prince2": "PRINCE2", "axelos": "PRINCE2",
    "ukata": "UKATA", "cieh": "CIEH", "rsph": "RSPH", "highfield": "Highfield", "qualsafe": "Qualsafe", "agored": "Agored Cymru",
    "city and guilds": "City & Guilds", "cipfa": "CIPFA", "aat": "AAT", "apm": "APM", "ecdl": "ICDL", "icdl": "ICDL",
    "mhfa england": "MHFA England",
}
QUALIFICATION_TYPES = ("award", "certificate", "diploma")
# Staff are everyone's default audience, so "for staff" says nothing; managers and members are different courses.
AUDIENCES = {"managers": "managers", "manager": "managers", "supervisors": "managers", "supervisor": "managers",
             "members": "members", "councillors": "members", "councillor": "members", "elected": "members"}
IGNORED_AUDIENCE = {"staff", "employees", "all"}
# Words that make a different course out of a similar title; both sides must have the same ones.
DISTINGUISHING = {
    "emergency", "paediatric", "children", "adults", "advanced", "foundation", "practitioner", "requalification",
    "refresher", "intermediate", "entry", "international", "national", "mental", "specialist", "designated",
}
# "IOSH Working Safely" is not "IOSH Managing Safely"; elsewhere "managing" is just a word.
SAFELY_DISTINGUISHING = {"working", "managing"}


def _plain(text: str) -> str:
    text = text.lower().replace("&", " and ").replace("’", "'").replace("'", "")
    return re.sub(r"[^a-z0-9\u00c0-\u017f]+", " ", text).strip()


def _ordered(phrases: dict[str, str]) -> list[tuple[str, str]]:
    """Longest first, so "cymorth cyntaf brys" is rewritten before "cymorth cyntaf"."""
    return [(f" {p} ", f" {phrases[p]} ") for p in sorted(phrases, key=lambda p: (-len(p), p))]


def _rewrite(words: list[str], phrases: list[tuple[str, str]]) -> list[str]:
    text = " " + " ".join(words) + " "
    for phrase, replacement in phrases:
        if phrase in text:
            text = text.replace(phrase, replacement)
    return text.split()


@dataclass(frozen=True)
class Features:
    """What the matcher knows about one line of provision."""

    core: str  # canonical words of the title, in order, for fuzzy comparison
    tokens: frozenset[str]
    awarding_body: str | None
    qualification_type: str | None
    level: str | None
    audience: str | None
    distinguishing: frozenset[str]
    topic: str | None = None
    delivery_method: str | None = None
    duration_hours: float | None = None
    extras: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def constraints(self) -> tuple:
        """Lines can only be equivalent if none of these differ (an unknown value differs from nothing)."""
        return (self.awarding_body, self.qualification_type, self.level, self.audience)


CONSTRAINT_NAMES = ("awarding body", "qualification", "level", "audience")


def stem(word: str) -> str:
    """Just enough stemming for course titles: budgets/budget, managing/management/manage."""
    for suffix, keep in (("ements", 5), ("ement", 5), ("ment", 5), ("ings", 5), ("ing", 5), ("ies", 4), ("es", 5), ("s", 4)):
        if word.endswith(suffix) and len(word) - len(suffix) >= keep - 1 and not word.endswith("ss"):
            word = word[: -len(suffix)] + ("y" if suffix == "ies" else "")
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def prepare_synonyms(synonyms) -> list[tuple[str, str]]:
    """Glossary names as the matcher compares them (lower case, no punctuation), longest first."""
    if isinstance(synonyms, list):
        return synonyms  # already prepared
    return _ordered({_plain(n): _plain(t) for n, t in (synonyms or {}).items() if _plain(n) and _plain(t)})


def strip_noise(title: str) -> str:
    """The title without cohort, edition, day-count, year, date and course-code noise."""
    text = title or ""
    for pattern in NOISE:
        text = pattern.sub(" ", text)
    return text


def normalise_title(title: str, synonyms=None) -> list[str]:
    """Lower case, punctuation and noise removed, abbreviations and synonyms expanded."""
    text = strip_noise(title)
    # "ILM5", "SVQ2": a qualification's letters and its level run together
    words = re.sub(r"\b([a-z]{2,})(\d{1,2})\b", r"\1 \2", _plain(text)).split()
    if synonyms:
        words = _rewrite(words, prepare_synonyms(synonyms))
    words = to_english(words)  # a title in Welsh, in English words (welsh.py); the glossary's names came first
    words = _rewrite(words, ORDERED_PHRASES)
    expanded: list[str] = []
    for word in words:
        replacement = TOKENS.get(word, word)
        if replacement:
            expanded.extend(replacement.split())
    # "level three" → "level 3"
    numbers = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7"}
    return [numbers.get(w, w) if i and expanded[i - 1] == "level" else w for i, w in enumerate(expanded)]


ORDERED_PHRASES = _ordered(PHRASES)


def _level(words: list[str], level_field: str | None) -> str | None:
    for source in (_plain(level_field or "").split(), words):
        for i, word in enumerate(source):
            if word == "level" and i + 1 < len(source) and source[i + 1].isdigit():
                return source[i + 1]
            if re.fullmatch(r"l\d", word):
                return word[1:]
        if source and source is not words and len(source) == 1 and source[0].isdigit():
            return source[0]
    return None


def features(title: str, *, accreditation: str = "", level: str = "", topic: str = "", delivery_method: str = "",
             duration_hours: float | None = None, synonyms: dict[str, str] | None = None) -> Features:
    words = normalise_title(title, synonyms)
    accreditation_words = " ".join(normalise_title(accreditation or ""))
    joined = " " + " ".join(words) + " " + accreditation_words + " "
    body = next((name for key, name in AWARDING_BODIES.items() if f" {key} " in joined), None)
    qualification = next((q for q in QUALIFICATION_TYPES if f" {q} " in joined), None)
    audience = next((AUDIENCES[w] for w in words if w in AUDIENCES), None)
    distinguishing = frozenset(
        w for w in words if w in DISTINGUISHING or ("safely" in words and w in SAFELY_DISTINGUISHING)
    )
    level_value = _level(words, level)
    core_words = list(dict.fromkeys(
        stem(w) for w in words if not w.isdigit() and w != "level" and w not in IGNORED_AUDIENCE
    ))
    return Features(
        core=" ".join(core_words),
        tokens=frozenset(core_words),
        awarding_body=body,
        qualification_type=qualification,
        level=level_value,
        audience=audience,
        distinguishing=distinguishing,
        topic=(_plain(topic) or None),
        delivery_method=(_plain(delivery_method) or None),
        duration_hours=duration_hours,
    )
