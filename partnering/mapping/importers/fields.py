"""The fields of a council's L&D return, and the header names councils use for them."""

from __future__ import annotations

import re
from dataclasses import dataclass

DELIVERY_METHODS = {
    "classroom": "Classroom",
    "e-learning": "E-learning",
    "live-online": "Live online",
    "blended": "Blended",
    "coaching": "Coaching or mentoring",
    "event": "Conference or event",
}
PROVIDER_TYPES = {"in-house": "In-house", "external": "External (commissioned)"}
ARRANGEMENT_KINDS = {
    "informal": "Informal",
    "sla": "Service level agreement",
    "joint-commissioning": "Joint commissioning",
    "shared-post": "Shared post",
    "host-authority": "Host authority",
}


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    synonyms: tuple[str, ...]
    required: bool = False


# The longest text each column may hold (the database's limits); longer text is a problem to fix, not to cut.
MAX_LENGTHS = {"title": 300, "topic": 200, "provider_name": 200, "accreditation": 200, "level": 50, "venue": 200}


PROVISION_FIELDS = (
    Field("title", "Title", ("title", "course title", "course", "course name", "name of course", "programme",
                             "programme title", "training", "training course", "learning activity", "activity",
                             "intervention", "teitl", "teitl y cwrs"), required=True),
    Field("topic", "Topic", ("topic", "category", "subject", "theme", "area", "training area", "learning area", "pwnc")),
    Field("delivery_method", "Delivery method", ("delivery method", "method", "delivery", "mode", "mode of delivery",
                                                 "format", "how delivered", "delivery type", "dull cyflwyno")),
    Field("provider_type", "Provider type", ("provider type", "in house external", "in house or external",
                                             "internal external", "internal or external", "delivered by", "source",
                                             "type of provider")),
    Field("provider_name", "Provider name", ("provider", "provider name", "supplier", "training provider",
                                             "trainer", "company", "darparwr")),
    Field("accreditation", "Accreditation", ("accreditation", "accredited", "awarding body", "accrediting body",
                                             "qualification", "accredited by", "achrediad")),
    Field("level", "Level", ("level", "qualification level", "lefel")),
    Field("duration_hours", "Duration (hours)", ("duration hours", "duration", "hours", "length hours", "length",
                                                 "course length", "hours per course", "duration hrs")),
    Field("sessions_per_year", "Sessions per year", ("sessions per year", "sessions", "no of sessions",
                                                     "number of sessions", "courses run", "cohorts", "events",
                                                     "sessions year", "no sessions")),
    Field("learners_per_year", "Learners per year", ("learners per year", "learners", "no of learners",
                                                     "number of learners", "delegates", "attendees", "participants",
                                                     "staff trained", "numbers trained", "learners year",
                                                     "no learners", "dysgwyr")),
    Field("annual_cost_gbp", "Annual cost (£)", ("annual cost", "annual cost gbp", "cost", "total cost", "spend",
                                                "annual spend", "cost gbp", "cost per year", "total spend",
                                                "expenditure", "cost pa", "cost p a")),
    Field("venue", "Venue", ("venue", "location", "where", "lleoliad")),
    Field("notes", "Notes", ("notes", "comments", "remarks", "nodiadau")),
)
FIELD_NAMES = tuple(field.name for field in PROVISION_FIELDS)
FIELDS_BY_NAME = {field.name: field for field in PROVISION_FIELDS}


def header_key(text: str) -> str:
    """Header text reduced to what identifies it: 'No. of Learners (2024/25)' → 'no of learners'."""
    text = str(text).lower().replace("&", " and ").replace("£", " gbp ")
    text = re.sub(r"\(.*?\)", " ", text)  # "(2024/25)", "(£)", "(hours)" qualify rather than name
    text = re.sub(r"[^a-z0-9\u00c0-\u017f]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


_SYNONYMS = {header_key(synonym): field.name for field in PROVISION_FIELDS for synonym in (field.name, *field.synonyms)}
# "Cost (£)" and "Duration (hours)" lose their brackets above; keep what the bracket says when it is all there is.
_SYNONYMS.update({"gbp": "annual_cost_gbp", "hrs": "duration_hours"})


def field_for_header(text: str) -> str | None:
    key = header_key(text)
    if not key:
        return None
    if key in _SYNONYMS:
        return _SYNONYMS[key]
    # "Annual cost gbp 2024" or "Learners 2024 25": drop trailing numbers and try again.
    trimmed = re.sub(r"(\s\d+)+$", "", key)
    return _SYNONYMS.get(trimmed)
