"""The built-in frameworks, the 2015 survey as a published benchmark, and the survey question bank.

`install(get_model)` is idempotent and takes a model getter, so both the data migration (historical models)
and the demo loader (the real ones) can run it. The 2015 figures come from
`partnering/organisations/data/hr_integration_survey_2015.csv` (a copy of the shared reference file)."""

from __future__ import annotations

import csv
from pathlib import Path

SURVEY_2015 = Path(__file__).resolve().parents[1] / "organisations" / "data" / "hr_integration_survey_2015.csv"
SOURCE_2015 = "Survey of 11 shared-management partnerships, 2015"

HR_DESCRIPTORS = [
    "Each council has its own policy",
    "Policies compared; differences known",
    "Some policies aligned",
    "Mostly one policy, some local variation",
    "A single policy across the partners",
]
ROLE_DESCRIPTORS = ["Not at all", "A little", "To some extent", "Largely", "Fully"]

WLGA_FACTORS = [
    ("Purpose and leadership", [
        "A shared vision and clear purpose for the collaboration",
        "Visible commitment from political and senior officer leaders",
        "Trust and good working relationships between the partners",
    ]),
    ("Governance and resources", [
        "Clear governance, decision-making and accountability",
        "A business case setting out costs, benefits and risks",
        "Dedicated capacity to manage the work (project or programme management)",
        "Agreed arrangements for sharing costs and benefits",
    ]),
    ("People and delivery", [
        "Staff, trade unions and stakeholders engaged and communicated with",
        "Workforce and HR arrangements aligned to support joint working",
        "Performance measured and the benefits evaluated",
        "Realistic timescales and a plan to sustain the collaboration",
    ]),
]

BANK = [
    ("engagement", "I am proud to work for my council", "likert", []),
    ("engagement", "I would recommend my council as a place to work", "recommend", []),
    ("engagement", "I know how my work contributes to the partnership's aims", "likert", []),
    ("change_fatigue", "The pace of change in my work is manageable", "likert", []),
    ("change_fatigue", "I understand why the changes in my service are happening", "likert", []),
    ("change_fatigue", "I have been consulted about changes that affect me", "likert", []),
    ("change_fatigue", "What one thing would make change easier for you?", "text", []),
    ("wellbeing", "I can manage the demands of my job", "likert", []),
    ("wellbeing", "My manager supports my wellbeing", "likert", []),
    ("satisfaction", "How would you rate the service you received?", "choice", ["Excellent", "Good", "Fair", "Poor"]),
    ("satisfaction", "How likely are you to recommend this service?", "recommend", []),
    ("satisfaction", "Is there anything we could do better?", "text", []),
]


def read_survey_2015(path: Path = SURVEY_2015) -> list[dict]:
    """The published rows: table, item and the count for each score 1 to 5."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = []
        for row in csv.DictReader(handle):
            counts = {str(score): int(row[f"score_{score}"]) for score in range(1, 6)}
            rows.append({"table": row["table"], "item": row["item"], "counts": counts, "respondents": int(row["respondents"])})
        return rows


def _framework(get_model, key, name, description, source, areas):
    """areas: [(area name, [(text, scale, descriptors, published_key)])]"""
    Framework, Version, Area, Criterion = (get_model("assessment", m) for m in ("Framework", "Version", "Area", "Criterion"))
    framework, created = Framework.objects.get_or_create(key=key, defaults={"name": name, "description": description, "source": source})
    if not created:
        return framework
    version = Version.objects.create(framework=framework, number=1, note="Built in")
    position = 0
    for area_position, (area_name, criteria) in enumerate(areas, start=1):
        area = Area.objects.create(version=version, position=area_position, name=area_name)
        for text, scale, descriptors, published_key in criteria:
            position += 1
            Criterion.objects.create(version=version, area=area, position=position, text=text, scale=scale, descriptors=descriptors,
                                     published_key=published_key)
    return framework


def install(get_model) -> None:
    rows = read_survey_2015()
    hr_rows = [r for r in rows if r["table"] == "hr_policy_integration"]
    role_rows = [r for r in rows if r["table"] == "roles_played_by_hr"]
    hr = _framework(get_model, "hr-policy-integration", "Integration of HR policies across partners",
                    "How far each HR policy area is integrated across the councils of a shared-management partnership, from 1 "
                    "(each council has its own) to 5 (a single policy).", SOURCE_2015,
                    [("HR policy areas", [(r["item"], "points", HR_DESCRIPTORS, r["item"]) for r in hr_rows])])
    roles = _framework(get_model, "hr-roles", "The roles HR plays",
                       "How far the shared HR service plays each of four roles, from 1 (not at all) to 5 (fully).", SOURCE_2015,
                       [("Roles of HR", [(r["item"], "points", ROLE_DESCRIPTORS, r["item"]) for r in role_rows])])
    _framework(get_model, "wlga-success-factors", "Critical success factors for collaboration",
               "The Welsh Local Government Association's critical success factors for collaboration between councils, as "
               "summarised for self-assessment: is each in place?", "Welsh Local Government Association",
               [(area, [(text, "ypn", [], "") for text in texts]) for area, texts in WLGA_FACTORS])
    _framework(get_model, "skills-award", "Skills award framework (40 criteria, to fill in)",
               "A blank framework in the style of a regional skills award: forty criteria in four areas for a coordinator to "
               "write. Copy it into your partnership, then edit each criterion.", "",
               [(f"Area {a}", [(f"Criterion {(a - 1) * 10 + c}", "points", [], "") for c in range(1, 11)]) for a in range(1, 5)])
    PublishedBenchmark, PublishedFigure = get_model("assessment", "PublishedBenchmark"), get_model("assessment", "PublishedFigure")
    for framework, subset in ((hr, hr_rows), (roles, role_rows)):
        benchmark, _ = PublishedBenchmark.objects.get_or_create(framework=framework, name="Shared-management partnerships, 2015",
                                                                defaults={"source": SOURCE_2015})
        for row in subset:
            PublishedFigure.objects.get_or_create(benchmark=benchmark, item=row["item"], defaults={"counts": row["counts"]})
    BankQuestion = get_model("assessment", "BankQuestion")
    for topic, text, kind, choices in BANK:
        BankQuestion.objects.get_or_create(topic=topic, text=text, defaults={"kind": kind, "choices": choices})
