"""Words the lines being compared teach about themselves (plain Python, no labels, no Django).

Acronyms: a council writes "DSE Assessor", another "Display Screen Equipment Assessor Course". A short
word written in capitals inside a title that is not all capitals is read as an acronym, and the words
whose initials spell it elsewhere in the same lines (most often, if several do) as its expansion. The
matcher then reads the acronym as those words, so every similarity sees them. Only the lines being
compared are used: nothing is fixed in advance, so a new region's acronyms are learned from its titles.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from .normalise import AWARDING_BODIES, PHRASES, TOKENS, strip_noise

# Small words an acronym may spell or skip: COSHH is Control Of Substances Hazardous to Health.
SMALL = {"and", "of", "the", "for", "in", "to", "with", "at", "on", "a", "an", "from", "by", "or"}
LONGEST = 6  # letters in an acronym, and words in its expansion
_WORD = re.compile(r"[A-Za-z\u00c0-\u017f]+(?:&[A-Za-z])*")


def _acronyms_in(title: str) -> set[str]:
    """Words in capitals (2–6 letters, M&H read as MH) in a title that also has lower-case letters."""
    text = strip_noise(title)
    if not re.search(r"[a-z]", text):
        return set()
    found = set()
    for word in _WORD.findall(text):
        letters = word.replace("&", "")
        if 2 <= len(letters) <= LONGEST and letters.isupper() and letters.isalpha():
            found.add(letters.lower())
    return found


def _words(title: str) -> list[str]:
    return re.sub(r"[^a-z\u00c0-\u017f]+", " ", strip_noise(title).lower().replace("&", " and ")).split()


def _spelled(words: list[str], wanted: set[str]) -> Iterable[tuple[str, str]]:
    """(acronym, phrase) for every run of words whose initials spell a wanted acronym; small words inside
    a run may count or not, and a run starts and ends with a word that is not small."""
    for start, first in enumerate(words):
        if first in SMALL:
            continue
        spellings = {first[0]}
        for end in range(start + 1, min(start + 2 * LONGEST, len(words))):
            word = words[end]
            spellings = {s + word[0] for s in spellings if len(s) < LONGEST} | (spellings if word in SMALL else set())
            if not spellings:
                break
            if word in SMALL:
                continue
            phrase = " ".join(words[start:end + 1])
            for spelling in spellings & wanted:
                yield spelling, phrase


def corpus_acronyms(titles: Iterable[str], known: Iterable[str] = ()) -> dict[str, str]:
    """Acronym → the words it stands for, learned from these titles alone. Acronyms the matcher already
    knows (awarding bodies, its abbreviations, `known` names such as the glossary's) are left alone."""
    titles = sorted(set(titles))
    skip = {k for k in (*AWARDING_BODIES, *PHRASES, *TOKENS) if " " not in k} | {k.lower() for k in known}
    wanted = set().union(*(_acronyms_in(t) for t in titles)) - skip if titles else set()
    if not wanted:
        return {}
    phrases: dict[str, Counter] = defaultdict(Counter)
    for title in titles:
        words = _words(title)
        for acronym, phrase in _spelled(words, wanted):
            if acronym not in phrase.split():
                phrases[acronym][phrase] += 1
    return {acronym: min(counts.items(), key=lambda item: (-item[1], item[0]))[0] for acronym, counts in sorted(phrases.items())}


def _plain(text: str) -> str:
    text = strip_noise(text).lower().replace("&", " and ").replace("’", "").replace("'", "")
    return " ".join(re.sub(r"[^a-z0-9\u00c0-\u017f]+", " ", text).split())


def corpus_bilingual(titles: Iterable[str]) -> dict[str, str]:
    """Titles given in two languages ("Rheoli Amser / Time Management") say their halves name one course:
    each half → one name for all the halves so joined (the one written alone most often), learned from
    these titles alone, so a line in either language reads like the other."""
    titles = sorted(set(titles))
    alone = Counter(_plain(t) for t in titles)
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for title in titles:
        halves = [_plain(h) for h in re.split(r"\s+/\s+", title)]
        # two names of at least two words each, with the same numbers and tier letters (Grŵp 3 / Group 3), not two different
        # things listed together (Team Leader / Supervisor Apprenticeship (Level 3); Disciplinary / Grievance)
        if (len(halves) != 2 or halves[0] == halves[1] or min(len(h.split()) for h in halves) < 2
                or len({tuple(re.findall(r"\b(?:\d+|[a-z])\b", h)) for h in halves}) > 1):
            continue
        left, right = find(halves[0]), find(halves[1])
        if left != right:
            parent[max(left, right)] = min(left, right)
    groups: dict[str, list[str]] = defaultdict(list)
    for half in sorted(parent):
        groups[find(half)].append(half)
    names = {}
    for members in groups.values():
        name = min(members, key=lambda h: (-alone[h], -len(h), h))
        names.update({m: name for m in members if m != name})
    return names
