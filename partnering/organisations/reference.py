"""The councils and partnerships named in the source studies (`data/councils.csv`), as plain data.

No Django here: the demo loader and tests turn these rows into records.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

COUNCILS_CSV = Path(__file__).parent / "data" / "councils.csv"

# How each partnership in the studies works, by name; anything else from the
# shared-management study is a shared-management partnership.
PARTNERSHIP_KINDS = {
    "South West Wales Workforce Development Network": "network",
    "North Wales Legal Services Collaboration": "consortium",
    "ICT Enabled Schools Transformation Programme": "project",
    "North West skills group": "network",
    "GO Shared Services": "hub",
}


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass(frozen=True)
class ReferenceCouncil:
    name: str
    short_name: str
    slug: str
    gss_code: str | None
    country: str
    region: str
    partnership: str
    joined_year: int | None
    headcount: int | None
    service_expenditure_pence: int | None
    hq_town: str
    latitude: float
    longitude: float


def _int(value: str) -> int | None:
    return int(value) if value.strip() else None


def _pence_from_millions(value: str) -> int | None:
    # "29.8" (£ millions) → 2_980_000_000 pence, without float rounding.
    if not value.strip():
        return None
    pounds, _, fraction = value.strip().partition(".")
    return (int(pounds) * 1_000_000 + int((fraction + "000000")[:6])) * 100


def read_councils(path: Path = COUNCILS_CSV) -> list[ReferenceCouncil]:
    with path.open(newline="", encoding="utf-8") as handle:
        return [
            ReferenceCouncil(
                name=row["name"],
                short_name=row["short_name"],
                slug=slugify(row["short_name"]),
                gss_code=row["gss_code"] or None,
                country=row["country"],
                region=row["region"],
                partnership=row["partnership"],
                joined_year=_int(row["partnership_formed"]),
                headcount=_int(row["headcount_2014"]),
                service_expenditure_pence=_pence_from_millions(row["service_expenditure_2013_14_gbp_m"]),
                hq_town=row["hq_town"],
                latitude=float(row["hq_lat"]),
                longitude=float(row["hq_lon"]),
            )
            for row in csv.DictReader(handle)
        ]


def partnership_kind(name: str) -> str:
    return PARTNERSHIP_KINDS.get(name, "shared_management")
