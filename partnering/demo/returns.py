"""Realistic L&D returns for the demo councils, written as the spreadsheets councils send
(three header styles, .xlsx and Windows-1252 .csv, title rows, £ text, a totals row)
so the demo goes through the real importer.

Shared courses appear under different names, the same accredited course is bought from
different suppliers, and e-learning and classroom versions of a subject sit side by side.
Everything is seeded by the council's slug, so the demo is the same every time.
"""

from __future__ import annotations

import csv
import io
import random

from partnering.reference.spreadsheets import xlsx_bytes

# (topic, accreditation, level, hours, method, names councils use, external suppliers or None for in-house)
SHARED_COURSES = [
    ("Leadership and management", "ILM", "Level 3", 30, "classroom",
     ["ILM L3 Award - Leadership & Mgmt", "Level 3 ILM Award in Leadership & Management", "ILM Level 3 Award in Leadership and Management",
      "Leadership and Management ILM L3 Award (cohort 2)"], ["Acorn Leadership Ltd", "Cambrian Training Company", "Mentor Training", "Coleg Gwyr Abertawe"]),
    ("Leadership and management", "ILM", "Level 3", 60, "blended",
     ["ILM Level 3 Certificate in Leadership & Management", "ILM L3 Cert in Leadership and Mgmt"], ["Cambrian Training Company", "Acorn Leadership Ltd"]),
    ("Leadership and management", "ILM", "Level 5", 60, "blended",
     ["ILM Level 5 Certificate in Leadership and Management", "ILM L5 Certificate - Leadership & Management"], ["Coleg Gwyr Abertawe", "Mentor Training"]),
    ("Leadership and management", "CMI", "Level 5", 45, "blended",
     ["CMI Level 5 Award in Management and Leadership", "CMI L5 Award Mgmt & Leadership"], ["Acorn Leadership Ltd"]),
    ("First aid", "", "", 18, "classroom", ["First Aid at Work", "FAW (3 day)", "First Aid at Work - 3 days"], ["St John Ambulance Cymru", "British Red Cross", "Safety First Wales"]),
    ("First aid", "", "", 6, "classroom", ["Emergency First Aid at Work", "EFAW (1 day)", "Emergency First Aid at Work (EFAW)"], ["St John Ambulance Cymru", "British Red Cross", "Safety First Wales"]),
    ("Health and safety", "IOSH", "", 7, "classroom", ["IOSH Working Safely", "Working Safely (IOSH)"], ["Safety First Wales", "Principle Safety Ltd"]),
    ("Health and safety", "IOSH", "", 24, "classroom", ["IOSH Managing Safely", "Managing Safely - IOSH (4 day)", "IOSH Managing Safely 5th edition"], ["Principle Safety Ltd", "Safety First Wales", "RoSPA"]),
    ("Health and safety", "NEBOSH", "", 80, "blended", ["NEBOSH National General Certificate", "NEBOSH NGC"], ["RoSPA", "Principle Safety Ltd"]),
    ("Health and safety", "", "", 3, "classroom", ["Manual Handling", "Manual Handling Awareness", "Moving and handling of loads"], None),
    ("Health and safety", "", "", 3, "classroom", ["Fire Marshal Training", "Fire Warden Training", "Fire warden / marshal"], ["Mid and West Wales Fire and Rescue Service", None]),
    ("Safeguarding", "", "Level 1", 1, "e-learning", ["Safeguarding Children Level 1", "Safeguarding Children - L1 (e-learning)", "Child Protection Awareness Level 1"], None),
    ("Safeguarding", "", "Level 2", 6, "classroom", ["Safeguarding Children Level 2", "Safeguarding Children L2", "Child Protection Level 2"], None),
    ("Safeguarding", "", "Level 1", 1, "e-learning", ["Safeguarding Adults Level 1", "Safeguarding Adults at Risk - Awareness"], None),
    ("Safeguarding", "", "", 2, "e-learning", ["VAWDASV Ask and Act", "Violence against Women, Domestic Abuse and Sexual Violence - Group 1"], None),
    ("Customer service", "", "", 6, "classroom", ["Customer Care", "Excellent Customer Service", "Customer Service Skills"], None),
    ("Customer service", "", "", 3, "live-online", ["Dealing with Difficult Customers (webinar)", "Handling Challenging Conversations"], ["Impact Training Wales", None]),
    ("Equality and diversity", "", "", 1, "e-learning", ["Equality & Diversity", "Equality and Diversity e-learning", "E&D Awareness"], None),
    ("Equality and diversity", "", "", 3, "classroom", ["Unconscious Bias", "Unconscious Bias Workshop"], ["Diverse Cymru", None]),
    ("Information governance", "", "", 1, "e-learning", ["Data Protection (GDPR)", "GDPR Awareness", "Information Governance e-learning"], None),
    ("Information governance", "", "", 1, "e-learning", ["Cyber Security Awareness", "Cyber Ninjas"], None),
    ("IT and digital", "", "", 6, "classroom", ["Excel Intermediate", "Microsoft Excel - Intermediate", "Excel Level 2"], ["QA Ltd", None]),
    ("IT and digital", "", "", 3, "e-learning", ["Microsoft Teams Essentials", "Getting started with M365"], None),
    ("Welsh language", "", "", 60, "classroom", ["Cwrs Mynediad", "Welsh for Adults - Mynediad (Entry)", "Learn Welsh Entry level"], ["Learn Welsh Swansea Bay", "Dysgu Cymraeg"]),
    ("Welsh language", "", "", 1, "e-learning", ["Welsh Language Awareness", "Croeso i'r Gymraeg - Welsh language awareness"], None),
    ("Health and wellbeing", "MHFA England", "", 12, "classroom", ["Mental Health First Aid", "MHFA Adult (2 day)", "Mental Health First Aider"], ["MHFA Wales", "Platfform"]),
    ("Health and wellbeing", "", "", 3, "live-online", ["Managing Stress and Building Resilience", "Resilience webinar"], None),
    ("Health and wellbeing", "", "", 2, "live-online", ["Menopause Awareness for Managers", "Menopause in the Workplace"], None),
    ("HR and people management", "", "", 6, "classroom", ["Recruitment and Selection", "Safer Recruitment", "Recruitment & Selection for Managers"], None),
    ("HR and people management", "", "", 3, "classroom", ["Managing Attendance", "Attendance Management for Managers"], None),
    ("HR and people management", "CIPD", "Level 5", 120, "blended", ["CIPD Level 5 Associate Diploma", "CIPD L5 Diploma in People Management"], ["Coleg Gwent", "ESP Training"]),
    ("Managing change", "PRINCE2", "", 30, "classroom", ["PRINCE2 Foundation", "Prince 2 Foundation 6th edition"], ["QA Ltd", "ILX Group"]),
    ("Managing change", "", "", 6, "classroom", ["Leading through Change", "Managing Change Workshop"], None),
    ("Personal effectiveness", "", "", 3, "classroom", ["Time Management", "Managing your Time"], None),
    ("Personal effectiveness", "", "", 3, "classroom", ["Report Writing", "Writing Reports for Committee"], None),
    ("Induction", "", "", 6, "blended", ["Corporate Induction", "Welcome to the Council - Induction"], None),
    ("Finance", "", "", 3, "classroom", ["Budget Management for Managers", "Understanding Budgets"], None),
    ("Elected members", "", "", 3, "classroom", ["Code of Conduct for Members", "Members' Code of Conduct"], None),
    ("Elected members", "", "", 3, "live-online", ["Chairing Skills for Members", "Effective Scrutiny"], None),
]

SERVICES = ["Social Services", "Education", "Housing", "Highways", "Waste and Recycling", "Planning", "Environmental Health",
            "Revenues and Benefits", "Leisure", "Libraries", "Catering", "Legal", "Regeneration", "Customer Contact"]
LOCAL_COURSES = [
    ("Professional and technical", "classroom", 6, "{service}: service update briefing"),
    ("Professional and technical", "classroom", 3, "{service} procedures refresher"),
    ("Professional and technical", "coaching", 12, "{service} team coaching"),
    ("Health and safety", "classroom", 3, "Risk assessment for {service}"),
    ("Health and safety", "classroom", 2, "Lone working in {service}"),
    ("Professional and technical", "event", 6, "{service} conference"),
    ("Professional and technical", "e-learning", 1, "{service} systems e-learning"),
    ("IT and digital", "live-online", 2, "{service} case management system (webinar)"),
]
LOCAL_SUPPLIERS = ["Agored Cymru", "Coleg Sir Gar", "Gower College", "NPTC Group", "Pembrokeshire College", "Grwp Llandrillo Menai",
                   "Coleg Cambria", "Gloucestershire College", "Abingdon and Witney College", "Learning Pool"]

STYLES = {
    # The template's own labels, in an .xlsx with the investment and arrangements sheets.
    "template": ["Title", "Topic", "Delivery method", "Provider type", "Provider name", "Accreditation", "Level", "Duration (hours)",
                 "Sessions per year", "Learners per year", "Annual cost (£)", "Venue", "Notes"],
    # A finance-style export: title rows above, £ text, a totals row, saved as Windows-1252 CSV.
    "finance": ["Course Title", "Category", "Method", "In-house/External", "Supplier", "Accredited by", "Level", "Hours",
                "No. of sessions", "No. of Learners", "Cost (£)", "Venue", "Comments"],
    # An L&D team's own workbook, with a summary sheet in front.
    "team": ["Programme", "Training Area", "Mode of delivery", "Delivered by", "Training provider", "Awarding body", "Qualification level",
             "Duration", "Cohorts", "Delegates", "Annual spend", "Location", "Notes"],
}
METHOD_WORDS = {
    "finance": {"classroom": "F2F", "e-learning": "eLearning", "live-online": "Webinar", "blended": "Blended", "coaching": "Coaching", "event": "Conference"},
    "team": {"classroom": "Face to face", "e-learning": "Online module", "live-online": "Virtual classroom", "blended": "Blended learning",
             "coaching": "Coaching/mentoring", "event": "Event"},
    "template": {"classroom": "Classroom", "e-learning": "E-learning", "live-online": "Live online", "blended": "Blended",
                 "coaching": "Coaching or mentoring", "event": "Conference or event"},
}
PROVIDER_WORDS = {"finance": ("Internal", "Ext."), "team": ("In house", "Commissioned"), "template": ("In-house", "External (commissioned)")}


def demo_lines(slug: str, rng: random.Random, venues: list[str]) -> list[dict]:
    lines = []
    for topic, accreditation, level, hours, method, names, suppliers in SHARED_COURSES:
        if rng.random() > 0.8:
            continue
        supplier = rng.choice(suppliers) if suppliers else None
        learners = rng.randint(6, 40) if supplier else rng.randint(20, 400)
        sessions = max(1, learners // rng.randint(8, 14)) if method != "e-learning" else None
        cost = learners * rng.randint(90, 450) if supplier else (rng.choice([0, 0, rng.randint(200, 3000)]))
        # Some councils run both an e-learning and a classroom version of the same subject.
        variants = [method] + (["e-learning"] if method == "classroom" and not accreditation and rng.random() < 0.25 else [])
        for variant in variants:
            lines.append({
                "title": rng.choice(names) + (" (e-learning)" if variant != method else ""),
                "topic": topic if rng.random() < 0.8 else "", "method": variant, "external": bool(supplier),
                "provider": supplier or "", "accreditation": accreditation, "level": level, "hours": hours if variant == method else 1,
                "sessions": sessions if variant == method else None, "learners": learners, "cost": cost if variant == method else 0,
                "venue": rng.choice(venues) if variant in ("classroom", "blended") else "",
            })
    services = rng.sample(SERVICES, k=rng.randint(9, 13))
    for service in services:
        for topic, method, hours, pattern in LOCAL_COURSES:
            for _ in range(rng.randint(1, 3)):
                external = rng.random() < 0.3
                learners = rng.randint(4, 60)
                lines.append({
                    "title": pattern.format(service=service) + ("" if _ == 0 else f" ({['spring', 'autumn', 'new starters'][_ - 1]})"),
                    "topic": topic if rng.random() < 0.6 else "", "method": method, "external": external,
                    "provider": rng.choice(LOCAL_SUPPLIERS) if external else "", "accreditation": "", "level": "", "hours": hours,
                    "sessions": max(1, learners // 10), "learners": learners,
                    "cost": learners * rng.randint(40, 150) if external else rng.choice([0, rng.randint(50, 800)]),
                    "venue": rng.choice(venues) if method == "classroom" else "",
                })
    rng.shuffle(lines)
    return lines


def _row(style: str, line: dict) -> list:
    internal, external = PROVIDER_WORDS[style]
    cost = line["cost"]
    return [
        line["title"], line["topic"], METHOD_WORDS[style][line["method"]], external if line["external"] else internal, line["provider"],
        line["accreditation"] or ("n/a" if style == "finance" else ""), line["level"], line["hours"],
        line["sessions"] if line["sessions"] is not None else ("n/a" if style == "finance" else None), line["learners"],
        f"£{cost:,.2f}" if style == "finance" else cost, line["venue"], "",
    ]


def demo_investment(slug: str, year: int, headcount: int) -> dict:
    """What a council puts into L&D, for councils whose return (a CSV) has no investment sheet."""
    rng = random.Random(f"demo-investment-{slug}-{year}")
    return {"budget_pence": headcount * rng.randint(80, 220) * 100, "trainer_fte": rng.choice([1, 1.5, 2, 3]),
            "elearning_platform": rng.choice(["Learning Pool", "Thinqi", "Moodle"]), "headcount": headcount}


def demo_return_file(*, council_name: str, slug: str, year: int, venues: list[str], partners: list[str], headcount: int) -> tuple[str, bytes]:
    """The council's return as (filename, bytes), in the header style its slug picks."""
    rng = random.Random(f"demo-return-{slug}-{year}")
    lines = demo_lines(slug, rng, venues)
    style = ["template", "finance", "team"][sum(map(ord, slug)) % 3]
    headers = STYLES[style]
    rows = [_row(style, line) for line in lines]
    if style == "finance":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([f"{council_name} - Learning & Development Return {year}/{str(year + 1)[-2:]}"])
        writer.writerow([])
        writer.writerow(headers)
        writer.writerows(rows)
        writer.writerow(["Total", "", "", "", "", "", "", "", "", sum(line["learners"] for line in lines), f"£{sum(line['cost'] for line in lines):,.2f}"])
        return f"{slug}-ld-return-{year}.csv", buffer.getvalue().encode("cp1252", errors="replace")
    budget = headcount * rng.randint(80, 220)
    investment = ("Investment", ["Item", "Value"], [["L&D budget (£)", budget], ["Trainer FTE", rng.choice([1, 1.5, 2, 2.5, 3, 4])],
                                                     ["E-learning platform", rng.choice(["Learning Pool", "Thinqi", "Moodle", "Cornerstone"])],
                                                     ["Staff headcount", headcount]])
    arrangement_rows = [[partner, subject, kind, ""] for partner, subject, kind in zip(
        rng.sample(partners, k=min(2, len(partners))),
        ["ILM Level 3 cohort", "E-learning content sharing", "Welsh language tutor"],
        ["Joint commissioning", "Informal", "Shared post"],
        strict=False,
    )]
    arrangements = ("Arrangements", ["Partner councils", "What", "Arrangement", "Description"], arrangement_rows)
    if style == "template":
        sheets = [("Provision", headers, rows), investment, arrangements]
    else:
        summary = ("Summary", ["Learning and development return", ""], [["Council", council_name], ["Lines", len(rows)]])
        sheets = [summary, (f"Provision {year}-{str(year + 1)[-2:]}", headers, rows), investment, arrangements]
    return f"{slug}-ld-return-{year}.xlsx", xlsx_bytes(sheets)
