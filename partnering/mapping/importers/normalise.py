"""Turning what councils type into spreadsheets into clean values.

Each function takes a raw cell (str, int, float, bool, date or None) and returns
the clean value, or raises `BadValue` with a reason a council officer understands.
"""

from __future__ import annotations

import datetime
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .fields import ARRANGEMENT_KINDS, DELIVERY_METHODS, PROVIDER_TYPES
from .i18n import _

BLANKS = {"", "n/a", "na", "n.a.", "none", "nil", "-", "–", "—", "?", "tbc", "not known", "unknown", "dim"}
YES = {"yes", "y", "true", "1", "ie", "do", "oes"}
NO = {"no", "n", "false", "0", "na", "naddo", "nac oes"}


class BadValue(ValueError):
    """A cell whose value cannot be used; the message says why."""


def text(value) -> str | None:
    if value is None or isinstance(value, bool):
        return None if value is None else ("Yes" if value else "No")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    cleaned = " ".join(str(value).split())  # collapses any run of whitespace; faster than a regex
    return None if len(cleaned) <= 9 and cleaned.lower() in BLANKS else cleaned


def is_blank(value) -> bool:
    return text(value) is None


def _reject_dates(value):
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time, datetime.timedelta)):
        raise BadValue(_("is a date or time, not a number (check the column is formatted as a number)"))


DATE_TEXT = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}")


def _number_text(value) -> str | None:
    _reject_dates(value)
    if isinstance(value, bool):
        raise BadValue(_("is yes/no, not a number"))
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) else str(value)
    cleaned = text(value)
    if cleaned is None:
        return None
    if ("/" in cleaned or cleaned.count(".") > 1 or cleaned.count("-") > 1) and DATE_TEXT.fullmatch(cleaned):
        raise BadValue(_("looks like a date, not a number"))
    negative = cleaned.startswith("(") and cleaned.endswith(")")
    cleaned = cleaned.strip("()").replace("£", "").replace("GBP", "").replace(",", "").replace(" ", "")
    return f"-{cleaned}" if negative else cleaned


def decimal(value, *, unit_words: re.Pattern | None = None) -> Decimal | None:
    if type(value) is int or type(value) is float:  # the common case, straight from the spreadsheet
        number = Decimal(value) if type(value) is int else Decimal(repr(value))
        if not number.is_finite():
            raise BadValue(_("is not a number"))
        if number < 0:
            raise BadValue(_("must not be negative"))
        return number
    raw = _number_text(value)
    if raw is None:
        return None
    if unit_words is not None:
        raw = unit_words.sub("", raw)
    try:
        number = Decimal(raw)
    except InvalidOperation:
        raise BadValue(_("is not a number")) from None
    if not number.is_finite():
        raise BadValue(_("is not a number"))
    if number < 0:
        raise BadValue(_("must not be negative"))
    return number


def whole_number(value) -> int | None:
    if type(value) is int and value >= 0:
        return value
    if type(value) is float and value.is_integer() and value >= 0:
        return int(value)
    number = decimal(value)
    if number is None:
        return None
    if number != number.to_integral_value():
        raise BadValue(_("must be a whole number"))
    return int(number)


HOUR_WORDS = re.compile(r"(hours|hour|hrs|hr|h|awr)$", re.IGNORECASE)
TWO_PLACES = Decimal("0.01")


def hours(value) -> Decimal | None:
    number = decimal(value, unit_words=HOUR_WORDS)
    return None if number is None else number.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


PLAIN_AMOUNT = re.compile(r"\d+(\.\d+)?")


def pence(value) -> int | None:
    """Pounds as written ('£1,250.00', 1250.5, '1250') → whole pence."""
    if type(value) is str:
        # Fast path for the usual '£1,250.00' or '1250'; anything else takes the careful route below.
        plain = value.strip().lstrip("£").replace(",", "")
        if PLAIN_AMOUNT.fullmatch(plain):
            pounds, _, fraction = plain.partition(".")
            fraction = (fraction + "000")[:3]
            return int(pounds) * 100 + int(fraction[:2]) + (fraction[2] >= "5")  # half a penny rounds up
    number = decimal(value)
    if number is None:
        return None
    return int((number * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def yes_no(value) -> bool | None:
    if isinstance(value, bool):
        return value
    cleaned = text(value)
    if cleaned is None:
        return None
    lowered = cleaned.lower()
    if lowered in YES:
        return True
    if lowered in NO:
        return False
    raise BadValue(_("should be yes or no"))


def _key(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", value.lower()).strip()


_DELIVERY = {
    "classroom": [
        "classroom", "face to face", "f2f", "ftf", "in person", "workshop", "taught", "course", "training room",
        "wyneb yn wyneb", "ystafell ddosbarth", "practical", "on site",
    ],
    "e-learning": [
        "e learning", "elearning", "online module", "online course", "e module", "online learning", "self paced",
        "e dysgu", "learning pool", "lms",
    ],
    "live-online": [
        "live online", "webinar", "virtual classroom", "virtual", "teams", "zoom", "online live", "online", "remote",
        "gweminar",
    ],
    "blended": ["blended", "mixed", "hybrid", "blended learning", "cyfunol"],
    "coaching": ["coaching", "mentoring", "coaching mentoring", "coaching and mentoring", "one to one", "1 to 1", "1 1", "hyfforddi"],
    "event": ["conference", "event", "conference event", "seminar", "briefing", "cynhadledd", "digwyddiad"],
}
_DELIVERY_LOOKUP = {_key(alias): code for code, aliases in _DELIVERY.items() for alias in [code, *aliases]}
_DELIVERY_LOOKUP.update({_key(label): code for code, label in DELIVERY_METHODS.items()})

_PROVIDER = {
    "in-house": ["in house", "inhouse", "internal", "own staff", "council", "in house trainer", "mewnol", "ours"],
    "external": ["external", "commissioned", "ext", "bought in", "outsourced", "supplier", "contractor", "allanol", "third party"],
}
_PROVIDER_LOOKUP = {_key(alias): code for code, aliases in _PROVIDER.items() for alias in [code, *aliases]}
_PROVIDER_LOOKUP.update({_key(label): code for code, label in PROVIDER_TYPES.items()})

_ARRANGEMENT = {
    "informal": ["informal", "ad hoc", "goodwill", "anffurfiol"],
    "sla": ["sla", "service level agreement", "service agreement", "contract"],
    "joint-commissioning": ["joint commissioning", "jointly commissioned", "joint procurement", "framework"],
    "shared-post": ["shared post", "shared officer", "joint post", "secondment"],
    "host-authority": ["host authority", "hosted", "host", "lead authority"],
}
_ARRANGEMENT_LOOKUP = {_key(alias): code for code, aliases in _ARRANGEMENT.items() for alias in [code, *aliases]}
_ARRANGEMENT_LOOKUP.update({_key(label): code for code, label in ARRANGEMENT_KINDS.items()})


_CHOICE_CACHE: dict[tuple[int, str], str] = {}


def _choice(value, lookup: dict[str, str], labels: dict[str, str], what: str) -> str | None:
    # The same few words repeat on every row of a return: remember what each one meant.
    if type(value) is str:
        cached = _CHOICE_CACHE.get((id(lookup), value))
        if cached is not None:
            return cached
    cleaned = text(value)
    if cleaned is None:
        return None
    code = lookup.get(_key(cleaned))
    if code is None:
        raise BadValue(_("is not one we recognise; use one of: {choices}").format(choices=", ".join(_(v) for v in labels.values())))
    if type(value) is str and len(_CHOICE_CACHE) < 10_000:
        _CHOICE_CACHE[(id(lookup), value)] = code
    return code


def delivery_method(value) -> str | None:
    return _choice(value, _DELIVERY_LOOKUP, DELIVERY_METHODS, "delivery method")


def provider_type(value) -> str | None:
    return _choice(value, _PROVIDER_LOOKUP, PROVIDER_TYPES, "provider type")


def arrangement_kind(value) -> str | None:
    return _choice(value, _ARRANGEMENT_LOOKUP, ARRANGEMENT_KINDS, "kind of arrangement")


LEVEL = re.compile(r"(?:level|lvl|lefel|l)?\s*\.?\s*(\d{1,2})", re.IGNORECASE)


def level(value) -> str | None:
    """'L3', 'lvl 3', '3', 'Level 3' → 'Level 3'; anything else is kept as written."""
    cleaned = text(value)
    if cleaned is None:
        return None
    match = LEVEL.fullmatch(cleaned)
    return f"Level {int(match.group(1))}" if match else cleaned


def accreditation(value) -> str | None:
    """An awarding body as written; a plain yes/no column says only whether it is accredited."""
    cleaned = text(value)
    if cleaned is None:
        return None
    lowered = cleaned.lower()
    if lowered in NO:
        return None
    if lowered in YES:
        return "Accredited (body not given)"
    return cleaned


# The whole cell must be the label ("Total", "Grand total:", "Totals (2024/25)"), so a course called
# "Total reward for managers" is not mistaken for one.
TOTAL_LABEL = re.compile(r"^\s*(grand\s+|sub\s*-?\s*)?(totals?|sum|cyfanswm)\s*[:.]?\s*(\(.*\))?\s*$", re.IGNORECASE)


TOTAL_STARTS = frozenset(("tot", "gra", "sub", "sum", "cyf"))


def looks_like_total(value) -> bool:
    if type(value) is str and value.lstrip()[:3].lower() not in TOTAL_STARTS:
        return False
    cleaned = text(value)
    return cleaned is not None and bool(TOTAL_LABEL.match(cleaned))
