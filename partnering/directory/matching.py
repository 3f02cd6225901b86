"""Match a request for help to the people who could give it, best first, with the reasons.

Plain Python over plain data (no Django): the app builds `Candidate`s from expertise profiles and a
`Need` from a request; the command line (`python -m partnering.directory match`) builds them from a CSV.

How a candidate is scored, out of 100 (an integer, so "equally good" means the same score):

- **skill** (up to 50): how much of a skill's name (or any of its other names: the Welsh name, the
  glossary's synonyms) the need's words cover, for the best-matching skill; words such as "training"
  or "course" count only when a name has nothing else. A candidate with no skill at least half covered
  (and no free text that covers half the need) is not a match at all.
- **depth** (up to 15): aware 3, practitioner 7, expert 11, can train others 15; **verified** by their
  council's lead +3.
- **Welsh** (up to 10): when the need is in Welsh, delivering in Welsh is a *requirement* (anyone who
  cannot is left out) and the Welsh level adds 2 a level.
- **distance** (up to 10): 10 at the requester's door, falling to 0 at 100 km.
- **availability** (up to 10): the days a quarter they can give, against the days needed (or five).

Ties are broken by putting people from other councils first when the need is shared across the network
and the requester's council is known, then by Welsh level, then by person id.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

DEPTHS = {1: "aware", 2: "practitioner", 3: "expert", 4: "can train others"}
DEPTH_POINTS = {None: 0, 1: 3, 2: 7, 3: 11, 4: 15}
WELSH_LEVELS = {0: "none", 1: "entry", 2: "foundation", 3: "intermediate", 4: "higher", 5: "proficient"}
SKILL_POINTS = 50
FREE_TEXT_POINTS = 25
VERIFIED_POINTS = 3
WELSH_POINTS_A_LEVEL = 2
DISTANCE_POINTS = 10
DISTANCE_LIMIT_KM = 100.0
AVAILABILITY_POINTS = 10
DEFAULT_DAYS_WANTED = 5.0
MATCH_THRESHOLD = 0.5

# Words that say nothing about *what* the help is: ignored unless a name has no other word.
GENERIC = {
    "training", "train", "trainer", "course", "courses", "session", "sessions", "skill", "skills", "awareness",
    "introduction", "basic", "advanced", "level", "help", "support", "staff", "manager", "managers", "people",
    "hyfforddiant", "hyfforddi", "cwrs", "cyrsiau", "sesiwn", "sgiliau", "ymwybyddiaeth", "cyflwyniad", "cymorth",
}
STOPWORDS = {
    "a", "an", "and", "the", "of", "for", "in", "on", "to", "with", "by", "at", "from", "or", "our", "we", "is", "are",
    "ac", "y", "yr", "i", "o", "ar", "yn", "gyda", "am", "ein", "neu", "mewn", "medium", "cyfrwng",
}


def fold(text: str) -> str:
    """Lower case without accents (ŵ → w, é → e), so Welsh written with or without its accents matches."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    return [_stem(w) for w in re.findall(r"[a-z0-9]+", fold(text)) if w not in STOPWORDS]


GENERIC_STEMS = {_stem(g) for g in GENERIC} | GENERIC
# Phrases that say how the help is given, not what it is about ("Welsh-medium equality training" is not about Welsh).
MEDIUM = re.compile(r"\b(?:through the medium of welsh|welsh[ -]?medium|in welsh|(?:trwy )?gyfrwng y gymraeg|cyfrwng cymraeg|yn gymraeg)\b")


def content_words(text: str) -> set[str]:
    """The words of a name that say what it is about; a name of only generic words keeps them."""
    found = set(words(text))
    specific = {w for w in found if w not in GENERIC_STEMS}
    return specific or found


@dataclass(frozen=True)
class Skill:
    name: str
    other_names: tuple[str, ...] = ()  # Welsh name, glossary synonyms, the glossary term itself
    depth: int | None = None  # 1 aware … 4 can train others; None when not known
    verified: bool = False


@dataclass(frozen=True)
class Candidate:
    person_id: str
    council: str
    skills: tuple[Skill, ...] = ()
    welsh_level: int = 0
    delivers_in_welsh: bool = False
    lat: float | None = None
    lon: float | None = None
    available_days: float | None = None
    about: str = ""  # free text: what else they can help with


@dataclass(frozen=True)
class Need:
    text: str
    welsh: bool = False
    council: str | None = None  # the requester's council
    near: tuple[float, float] | None = None
    days: float | None = None  # days of help wanted
    sharing: bool = True  # shared across the network: other councils first


@dataclass(frozen=True)
class Reason:
    """Why a candidate scored what they did: a code and its values, worded by whoever shows it."""

    code: str
    values: Mapping = field(default_factory=dict)
    points: int = 0


@dataclass(frozen=True)
class Match:
    person_id: str
    council: str
    score: int
    reasons: tuple[Reason, ...]
    other_council: bool


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def expand(text: str, synonyms: Mapping[str, str] | None) -> set[str]:
    """The need's words, plus the words of the term any glossary name in it stands for ("EDI" → equality, diversity)."""
    text = MEDIUM.sub(" ", fold(text))
    found = set(words(text))
    folded = " " + " ".join(re.findall(r"[a-z0-9]+", text)) + " "
    for name, term in (synonyms or {}).items():
        phrase = " ".join(re.findall(r"[a-z0-9]+", fold(name)))
        if phrase and f" {phrase} " in folded:
            found |= set(words(term))
    return found


def coverage(name: str, need_words: set[str]) -> float:
    """How much of a name the need's words cover, 0 to 1."""
    wanted = content_words(name)
    if not wanted:
        return 0.0
    return len(wanted & need_words) / len(wanted)


def _best_skill(candidate: Candidate, need_words: set[str]) -> tuple[Skill | None, str, float]:
    best: tuple[Skill | None, str, float] = (None, "", 0.0)
    for skill in candidate.skills:
        for name in (skill.name, *skill.other_names):
            strength = coverage(name, need_words)
            better_depth = best[0] is not None and strength == best[2] and (skill.depth or 0) > (best[0].depth or 0)
            if strength > best[2] or better_depth:
                best = (skill, name, strength)
    return best


def score(candidate: Candidate, need: Need, synonyms: Mapping[str, str] | None = None) -> Match | None:
    """The candidate's score and reasons, or None when they are not a match (no skill for it, or the need is in
    Welsh and they cannot deliver in Welsh)."""
    if need.welsh and not candidate.delivers_in_welsh:
        return None
    need_words = expand(need.text, synonyms)
    reasons: list[Reason] = []
    skill, name, strength = _best_skill(candidate, need_words)
    if skill is not None and strength >= MATCH_THRESHOLD:
        points = round(SKILL_POINTS * strength)
        values = {"skill": skill.name, "percent": round(strength * 100)}
        if name != skill.name:
            values["as"] = name
        reasons.append(Reason("skill", values, points))
        depth_points = DEPTH_POINTS.get(skill.depth, 0)
        if skill.depth in DEPTHS:
            reasons.append(Reason("depth", {"skill": skill.name, "depth": skill.depth, "label": DEPTHS[skill.depth]}, depth_points))
        if skill.verified:
            reasons.append(Reason("verified", {"skill": skill.name}, VERIFIED_POINTS))
    else:
        about = coverage(MEDIUM.sub(" ", fold(need.text)), set(words(candidate.about))) if candidate.about else 0.0
        if about < MATCH_THRESHOLD:
            return None
        reasons.append(Reason("about", {"percent": round(about * 100)}, round(FREE_TEXT_POINTS * about)))
    if need.welsh:
        level = max(0, min(5, candidate.welsh_level))
        reasons.append(Reason("welsh", {"level": level, "label": WELSH_LEVELS[level]}, WELSH_POINTS_A_LEVEL * level))
    if need.near is not None:
        if candidate.lat is None or candidate.lon is None:
            reasons.append(Reason("distance_unknown"))
        else:
            km = distance_km(need.near[0], need.near[1], candidate.lat, candidate.lon)
            points = round(DISTANCE_POINTS * max(0.0, 1 - km / DISTANCE_LIMIT_KM))
            reasons.append(Reason("distance", {"km": round(km)}, points))
    if candidate.available_days is None:
        reasons.append(Reason("availability_unknown"))
    else:
        wanted = need.days if need.days else DEFAULT_DAYS_WANTED
        days = max(0.0, candidate.available_days)
        code = "available" if days > 0 else "not_available"
        reasons.append(Reason(code, {"days": _days(days)}, round(AVAILABILITY_POINTS * min(1.0, days / wanted))))
    other = bool(need.council) and candidate.council != need.council
    if need.council:
        reasons.append(Reason("other_council" if other else "own_council", {"council": candidate.council}))
    total = min(100, sum(r.points for r in reasons))
    return Match(candidate.person_id, candidate.council, total, tuple(reasons), other)


def _days(value: float):
    return int(value) if float(value).is_integer() else round(value, 1)


def rank(candidates: Iterable[Candidate], need: Need, synonyms: Mapping[str, str] | None = None,
         top: int | None = None) -> list[Match]:
    """The matches, best first: by score; among equal scores, people from other councils first when the need is
    shared across the network; then the higher Welsh level (for a Welsh need), then by person id."""
    welsh = {c.person_id: c.welsh_level for c in candidates} if need.welsh else {}
    found = [m for m in (score(c, need, synonyms) for c in candidates) if m is not None]
    prefer_others = need.sharing and bool(need.council)
    found.sort(key=lambda m: (-m.score, not m.other_council if prefer_others else False, -welsh.get(m.person_id, 0),
                              _natural(m.person_id)))
    return found[:top] if top else found


def _natural(text: str):
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", str(text)) if part]


def describe(reason: Reason) -> str:
    """A reason in plain English, for the command line (the app words them through its translations)."""
    v = reason.values
    if reason.code == "skill":
        named = f" (as \"{v['as']}\")" if "as" in v else ""
        return f"skill: {v['skill']}{named}, {v['percent']}% of it in the need (+{reason.points})"
    if reason.code == "depth":
        return f"depth: {v['label']} (+{reason.points})"
    if reason.code == "verified":
        return f"skill verified by their council's lead (+{reason.points})"
    if reason.code == "about":
        return f"their own description covers {v['percent']}% of the need (+{reason.points})"
    if reason.code == "welsh":
        return f"delivers in Welsh, level {v['level']} ({v['label']}) (+{reason.points})"
    if reason.code == "distance":
        return f"{v['km']} km away (+{reason.points})"
    if reason.code == "distance_unknown":
        return "distance unknown: no location"
    if reason.code == "available":
        return f"{v['days']} days a quarter available (+{reason.points})"
    if reason.code == "not_available":
        return "no days available this quarter"
    if reason.code == "availability_unknown":
        return "availability unknown"
    if reason.code == "other_council":
        return f"from another council ({v['council']})"
    if reason.code == "own_council":
        return f"from the requester's own council ({v['council']})"
    return reason.code
