"""Builds overlap_eval.csv: the labelled set for the overlap matcher.

Each true group below is one course as different councils write it; groups next to
each other are often *hard negatives* (similar words, different course). Every
council takes each group with some probability and writes it its own way (a
variant, then council habits: case, cohort and edition notes, day counts, the
delivery method in brackets). Clusters are split in two halves by a hash of their
key: `dev` may be used to choose thresholds, `holdout` never is.

    python tests/data/build_overlap_eval.py   # rewrites overlap_eval.csv
"""

import csv
import hashlib
import random
from pathlib import Path

COUNCILS = ["Bridgend", "Carmarthenshire", "Ceredigion", "Swansea", "Neath Port Talbot", "Pembrokeshire", "Powys",
            "Conwy", "Gwynedd", "Wrexham"]

# key, topic, accreditation, level, hours, method, variants
GROUPS = [
    ("ilm3-award", "Leadership and management", "ILM", "3", 30, "classroom", [
        "ILM L3 Award - Leadership & Mgmt", "Level 3 ILM Award in Leadership & Management", "ILM Level 3 Award in Leadership and Management",
        "Leadership and Management ILM L3 Award", "ILM Award in Leadership & Management (Level 3)", "L3 Award Leadership & Management (ILM)"]),
    ("ilm3-cert", "Leadership and management", "ILM", "3", 60, "blended", [
        "ILM Level 3 Certificate in Leadership & Management", "ILM L3 Cert in Leadership and Mgmt", "Level 3 Certificate in Leadership and Management (ILM)"]),
    ("ilm5-cert", "Leadership and management", "ILM", "5", 60, "blended", [
        "ILM Level 5 Certificate in Leadership and Management", "ILM L5 Certificate - Leadership & Management", "Level 5 ILM Cert in Leadership & Mgmt"]),
    ("ilm5-award", "Leadership and management", "ILM", "5", 40, "blended", [
        "ILM Level 5 Award in Leadership and Management", "ILM L5 Award Leadership & Mgmt"]),
    ("cmi5-award", "Leadership and management", "CMI", "5", 45, "blended", [
        "CMI Level 5 Award in Management and Leadership", "CMI L5 Award Mgmt & Leadership", "Level 5 Award in Management & Leadership (CMI)"]),
    ("cmi3-award", "Leadership and management", "CMI", "3", 30, "classroom", [
        "CMI Level 3 Award in Management and Leadership", "CMI L3 Award in Leadership & Management"]),
    ("faw", "First aid", "", "", 18, "classroom", [
        "First Aid at Work", "FAW (3 day)", "First Aid at Work - 3 days", "First Aid at Work (FAW)", "First aid at work course"]),
    ("faw-requal", "First aid", "", "", 12, "classroom", [
        "First Aid at Work Requalification", "FAW Requalification (2 day)", "First Aid at Work - requalification"]),
    ("efaw", "First aid", "", "", 6, "classroom", [
        "Emergency First Aid at Work", "EFAW (1 day)", "Emergency First Aid at Work (EFAW)", "EFAW", "Emergency First Aid in the Workplace"]),
    ("paediatric-fa", "First aid", "", "", 12, "classroom", [
        "Paediatric First Aid", "Paediatric First Aid (2 day)", "First Aid - Paediatric"]),
    ("mhfa", "Health and wellbeing", "MHFA England", "", 12, "classroom", [
        "Mental Health First Aid", "MHFA Adult (2 day)", "Mental Health First Aider", "MHFA"]),
    ("iosh-ws", "Health and safety", "IOSH", "", 7, "classroom", [
        "IOSH Working Safely", "Working Safely (IOSH)", "IOSH Working Safely 1 day", "Working Safely - IOSH"]),
    ("iosh-ms", "Health and safety", "IOSH", "", 24, "classroom", [
        "IOSH Managing Safely", "Managing Safely - IOSH (4 day)", "IOSH Managing Safely 5th edition", "Managing Safely (IOSH) 6th edition"]),
    ("nebosh-ngc", "Health and safety", "NEBOSH", "", 80, "blended", [
        "NEBOSH National General Certificate", "NEBOSH NGC", "NEBOSH General Certificate (NGC)"]),
    ("nebosh-igc", "Health and safety", "NEBOSH", "", 80, "blended", [
        "NEBOSH International General Certificate", "NEBOSH IGC International General Cert"]),
    ("manual-handling", "Health and safety", "", "", 3, "classroom", [
        "Manual Handling", "Manual Handling Awareness", "Moving and Handling", "Moving & handling of loads", "Manual handling training"]),
    ("fire-warden", "Health and safety", "", "", 3, "classroom", [
        "Fire Marshal Training", "Fire Warden Training", "Fire warden / marshal", "Fire Marshal", "Fire Wardens"]),
    ("fire-awareness", "Health and safety", "", "", 1, "e-learning", [
        "Fire Safety Awareness", "Fire Awareness e-learning", "Fire Safety Awareness (e-learning)"]),
    ("risk-assessment", "Health and safety", "", "", 3, "classroom", [
        "Risk Assessment", "Risk Assessment Training", "Undertaking Risk Assessments"]),
    ("sg-children-1", "Safeguarding", "", "1", 1, "e-learning", [
        "Safeguarding Children Level 1", "Safeguarding Children - L1 (e-learning)", "Child Protection Awareness Level 1", "Safeguarding Children L1"]),
    ("sg-children-2", "Safeguarding", "", "2", 6, "classroom", [
        "Safeguarding Children Level 2", "Safeguarding Children L2", "Child Protection Level 2", "Level 2 Safeguarding Children"]),
    ("sg-children-3", "Safeguarding", "", "3", 12, "classroom", [
        "Safeguarding Children Level 3", "Child Protection L3 (Designated Officers)", "Safeguarding Children L3"]),
    ("sg-adults-1", "Safeguarding", "", "1", 1, "e-learning", [
        "Safeguarding Adults Level 1", "Safeguarding Adults at Risk - Level 1", "Safeguarding Adults L1", "POVA Level 1"]),
    ("sg-adults-2", "Safeguarding", "", "2", 6, "classroom", [
        "Safeguarding Adults Level 2", "Safeguarding Adults at Risk L2", "Protection of Vulnerable Adults Level 2"]),
    ("vawdasv", "Safeguarding", "", "", 2, "e-learning", [
        "VAWDASV Ask and Act", "VAWDASV Group 1 e-learning", "Violence against Women, Domestic Abuse and Sexual Violence (VAWDASV)"]),
    ("customer-service", "Customer service", "", "", 6, "classroom", [
        "Customer Care", "Excellent Customer Service", "Customer Service Skills", "Customer Care Training", "Customer services"]),
    ("difficult-customers", "Customer service", "", "", 3, "live-online", [
        "Dealing with Difficult Customers", "Handling Difficult Customers (webinar)", "Dealing with difficult customers - virtual"]),
    ("e-and-d", "Equality and diversity", "", "", 1, "e-learning", [
        "Equality & Diversity", "Equality and Diversity e-learning", "E&D Awareness", "Equality and Diversity Awareness", "Equality & Diversity (online module)"]),
    ("unconscious-bias", "Equality and diversity", "", "", 3, "classroom", [
        "Unconscious Bias", "Unconscious Bias Workshop", "Unconscious bias training"]),
    ("gdpr", "Information governance", "", "", 1, "e-learning", [
        "Data Protection (GDPR)", "GDPR Awareness", "Data Protection Awareness", "General Data Protection Regulation e-learning"]),
    ("cyber", "Information governance", "", "", 1, "e-learning", [
        "Cyber Security Awareness", "Cyber Security e-learning", "Cyber Security Essentials"]),
    ("foi", "Information governance", "", "", 2, "classroom", [
        "Freedom of Information", "FOI Requests - handling", "Freedom of Information (FOI) Training"]),
    ("excel-int", "IT and digital", "", "", 6, "classroom", [
        "Excel Intermediate", "Microsoft Excel - Intermediate", "Intermediate Excel", "MS Excel Intermediate"]),
    ("excel-adv", "IT and digital", "", "", 6, "classroom", [
        "Excel Advanced", "Microsoft Excel - Advanced", "Advanced Excel"]),
    ("excel-intro", "IT and digital", "", "", 3, "classroom", [
        "Excel Introduction", "Introduction to Excel", "Microsoft Excel - Introduction"]),
    ("teams", "IT and digital", "", "", 2, "e-learning", [
        "Microsoft Teams Essentials", "MS Teams basics", "Microsoft Teams"]),
    ("welsh-entry", "Welsh language", "", "", 60, "classroom", [
        "Cwrs Mynediad", "Welsh for Adults - Mynediad (Entry)", "Learn Welsh Entry level", "Mynediad", "Welsh Entry"]),
    ("welsh-foundation", "Welsh language", "", "", 60, "classroom", [
        "Cwrs Sylfaen", "Welsh for Adults - Sylfaen (Foundation)", "Learn Welsh Foundation"]),
    ("welsh-awareness", "Welsh language", "", "", 1, "e-learning", [
        "Welsh Language Awareness", "Welsh language awareness e-learning", "Ymwybyddiaeth Iaith Gymraeg"]),
    ("stress-resilience", "Health and wellbeing", "", "", 3, "live-online", [
        "Managing Stress and Building Resilience", "Stress and Resilience", "Building Resilience & Managing Stress (webinar)"]),
    ("menopause", "Health and wellbeing", "", "", 2, "live-online", [
        "Menopause Awareness", "Menopause in the Workplace", "Menopause Awareness for Staff"]),
    ("menopause-managers", "Health and wellbeing", "", "", 2, "live-online", [
        "Menopause Awareness for Managers", "Supporting Menopause - for Managers"]),
    ("recruitment", "HR and people management", "", "", 6, "classroom", [
        "Recruitment and Selection", "Safer Recruitment", "Recruitment & Selection", "Recruitment and Selection Training"]),
    ("attendance", "HR and people management", "", "", 3, "classroom", [
        "Managing Attendance", "Attendance Management", "Managing Attendance Training", "Absence Management"]),
    ("cipd5", "HR and people management", "CIPD", "5", 120, "blended", [
        "CIPD Level 5 Associate Diploma", "CIPD L5 Diploma in People Management", "Level 5 Associate Diploma in People Management (CIPD)"]),
    ("cipd3", "HR and people management", "CIPD", "3", 60, "blended", [
        "CIPD Level 3 Certificate in People Practice", "CIPD L3 Certificate People Practice"]),
    ("prince2-f", "Managing change", "PRINCE2", "", 30, "classroom", [
        "PRINCE2 Foundation", "Prince 2 Foundation 6th edition", "PRINCE2 Foundation (3 day)", "Prince2 Foundation"]),
    ("prince2-p", "Managing change", "PRINCE2", "", 20, "classroom", [
        "PRINCE2 Practitioner", "Prince 2 Practitioner", "PRINCE2 Practitioner 7th edition"]),
    ("change", "Managing change", "", "", 6, "classroom", [
        "Leading through Change", "Leading Through Change Workshop", "Leading Teams through Change"]),
    ("time", "Personal effectiveness", "", "", 3, "classroom", [
        "Time Management", "Managing your Time", "Time management skills", "Managing Time Effectively"]),
    ("report-writing", "Personal effectiveness", "", "", 3, "classroom", [
        "Report Writing", "Report Writing Skills", "Effective Report Writing"]),
    ("minute-taking", "Personal effectiveness", "", "", 3, "classroom", [
        "Minute Taking", "Minute Taking Skills", "Effective Minute Taking"]),
    ("induction", "Induction", "", "", 6, "blended", [
        "Corporate Induction", "Corporate Induction Day", "Corporate Induction for new starters"]),
    ("budget", "Finance", "", "", 3, "classroom", [
        "Budget Management for Managers", "Budget Management - Managers", "Managing Budgets for Managers"]),
    ("budget-staff", "Finance", "", "", 3, "classroom", [
        "Understanding Budgets", "Understanding Budgets for Staff"]),
    ("members-conduct", "Elected members", "", "", 3, "classroom", [
        "Code of Conduct for Members", "Members' Code of Conduct", "Code of Conduct - Elected Members"]),
    ("members-chairing", "Elected members", "", "", 3, "classroom", [
        "Chairing Skills for Members", "Chairing Skills - Elected Members", "Effective Chairing for Councillors"]),
    ("scrutiny", "Elected members", "", "", 3, "classroom", [
        "Effective Scrutiny", "Scrutiny Skills for Members", "Effective Scrutiny for Councillors"]),
    ("food-hygiene-2", "Professional and technical", "CIEH", "2", 6, "classroom", [
        "Food Hygiene Level 2", "Level 2 Food Safety and Hygiene", "Food Safety Level 2 (CIEH)", "L2 Food Hygiene"]),
    ("food-hygiene-3", "Professional and technical", "CIEH", "3", 18, "classroom", [
        "Food Hygiene Level 3", "Level 3 Food Safety (CIEH)", "L3 Food Hygiene Supervisors"]),
    ("asbestos", "Health and safety", "UKATA", "", 3, "classroom", [
        "UKATA Asbestos Awareness", "Asbestos Awareness (UKATA)", "Asbestos Awareness"]),
    ("coaching-skills", "Leadership and management", "", "", 6, "classroom", [
        "Coaching Skills for Managers", "Coaching Skills - Managers", "Coaching for Managers"]),
]
PROVIDERS = ["Acorn Leadership Ltd", "Cambrian Training Company", "St John Ambulance Cymru", "British Red Cross", "Safety First Wales",
             "Principle Safety Ltd", "RoSPA", "QA Ltd", "Coleg Gwyr Abertawe", "Grwp Llandrillo Menai", "Learning Pool", ""]
LOCAL = ["{service} procedures refresher", "{service} team briefing", "{service} systems update", "Lone working in {service}",
         "{service} conference", "{service} case recording"]
SERVICES = ["Highways", "Waste", "Libraries", "Leisure", "Planning", "Housing", "Revenues", "Catering", "Parking", "Cemeteries"]


def council_habits(rng: random.Random, council: str, title: str, method: str, hours: int) -> str:
    habit = sum(map(ord, council)) % 5
    if habit == 0:
        title = title.upper() if rng.random() < 0.3 else title
    if rng.random() < 0.12:
        title += f" (cohort {rng.randint(1, 4)})"
    if rng.random() < 0.08 and hours >= 6:
        title += f" ({max(1, hours // 6)} day)"
    if habit == 3 and method == "e-learning" and rng.random() < 0.5:
        title += " - e-learning"
    if habit == 4 and rng.random() < 0.2:
        title += " 2024/25"
    return title


def build(path: Path) -> int:
    rng = random.Random(20151)
    rows = []
    for key, topic, accreditation, level, hours, method, variants in GROUPS:
        for council in COUNCILS:
            if rng.random() < 0.65:
                title = council_habits(rng, council, rng.choice(variants), method, hours)
                rows.append([council, title, topic if rng.random() < 0.8 else "", rng.choice(PROVIDERS), accreditation if rng.random() < 0.7 else "",
                             (f"Level {level}" if level and rng.random() < 0.6 else ""), hours if rng.random() < 0.7 else "", method, key])
    for council in COUNCILS:  # provision only one council has
        for pattern in rng.sample(LOCAL, 2):
            service = rng.choice(SERVICES)
            rows.append([council, pattern.format(service=service), "Professional and technical", "", "", "", 3, "classroom",
                         f"local-{council.lower().replace(' ', '-')}-{pattern[:8].strip()}-{service}".lower()])
    rng.shuffle(rows)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["record_id", "council", "title", "topic", "provider_name", "accreditation", "level", "duration_hours",
                         "delivery_method", "cluster", "half"])
        for number, row in enumerate(rows, start=1):
            half = "dev" if int(hashlib.sha256(row[-1].encode()).hexdigest(), 16) % 2 == 0 else "holdout"
            writer.writerow([number, *row, half])
    return len(rows)


if __name__ == "__main__":
    print(build(Path(__file__).with_name("overlap_eval.csv")), "records")
