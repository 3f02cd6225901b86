"""Writes built_in_uk_paraphrase.csv: a built-in training set of hard positives and hard negatives.

Written from general knowledge of UK public-sector learning and development course naming, without opening
the independent evaluation sets' rows (tests/data/independent/set_*) and without running the matcher on
them. Each cluster lists one title per council, worded as that council would; each council's export style
(upper case with codes, "eLearn:" prefixes, version suffixes, bracketed codes, lower case) is applied by
`STYLES`, deterministically. Run: python partnering/overlap/matching/data/build_built_in_uk_paraphrase.py
"""

from __future__ import annotations

import csv
from pathlib import Path

OUT = Path(__file__).resolve().parent / "built_in_uk_paraphrase.csv"

# code: (council, gives a topic column)
COUNCILS = {
    "BRA": ("City of Bradford Metropolitan District Council", False),
    "KIR": ("Kirklees Council", True),
    "LEI": ("Leicester City Council", False),
    "BRI": ("Bristol City Council", True),
    "DER": ("Derby City Council", False),
    "OLD": ("Oldham Council", True),
    "MED": ("Medway Council", False),
    "MKC": ("Milton Keynes City Council", False),
    "STO": ("Stoke-on-Trent City Council", True),
    "STI": ("Stirling Council", True),
    "WDC": ("West Dunbartonshire Council", False),
    "MID": ("Midlothian Council", False),
    "MUL": ("Mid Ulster District Council", True),
    "CCG": ("Causeway Coast and Glens Borough Council", False),
    "CAE": ("Caerphilly County Borough Council", False),
    "DEN": ("Denbighshire County Council", False),
    "TOR": ("Torfaen County Borough Council", True),
}


def _style(code: str, title: str, n: int, method: str) -> str:
    """A council's export habits, applied to the title it would write."""
    if code == "BRA":
        return f"{['HS', 'HR', 'CD', 'SG'][n % 4]}-{100 + n:03d} {title.upper()}"
    if code == "WDC":
        return title.upper()
    if code == "KIR" and method == "e-learning":
        return f"eLearn: {title}"
    if code == "LEI" and n % 3 == 0:
        return f"{title} (v{2 + n % 2})"
    if code == "MED":
        return f"{title} [MW-{400 + n:04d}]"
    if code == "MKC":
        return title.lower()
    if code == "MID":
        return f"LD{200 + n} {title}"
    if code == "STO" and n % 2 == 0:
        return f"Mandatory: {title}" if "mandatory" not in title.lower() else title
    return title


# cluster id, topic, rows "CODE|title|hours|method|provider|accreditation|level" (trailing fields optional)
CLUSTERS: list[tuple[str, str, list[str]]] = [
    ("attendance", "People management", [
        "BRA|Sickness Absence Management|3|classroom",
        "KIR|Attendance Management for Managers|1|e-learning",
        "LEI|Managing Attendance Procedure",
        "BRI|Supporting Attendance at Work: Manager Briefing|2.5|live-online",
        "OLD|Handling sickness absence and helping staff back to work|3|classroom",
        "STI|Promoting Attendance at Work|3|classroom",
        "MUL|Absence Management Procedure|2|classroom",
        "CAE|Rheoli Presenoldeb / Managing Attendance|3",
        "DEN|Rheoli Absenoldeb Salwch|3|classroom",
        "MKC|Managing absence|2",
    ]),
    ("return-to-work", "People management", [
        "DER|Return to Work Interviews",
        "MED|Conducting Return to Work Meetings|1.5",
        "TOR|Return to Work Conversations for Line Managers|1.5|live-online",
    ]),
    ("difficult-customers", "Customer service", [
        "BRA|Challenging Behaviour from Customers|3|classroom",
        "KIR|Difficult Customer Interactions|1|e-learning",
        "LEI|Difficult Customer Situations",
        "BRI|Handling Challenging Behaviour from the Public|3|classroom",
        "STO|Managing Difficult Conversations with Customers|3",
        "STI|Responding to Challenging Customers|3|classroom",
        "CCG|Dealing with Angry and Aggressive Customers|3",
        "DEN|Delio â Chwsmeriaid Anodd|3",
        "WDC|Handling Difficult Customers|3",
    ]),
    ("customer-service", "Customer service", [
        "BRA|Customer Care Essentials|3",
        "OLD|Excellent customer service in the council|3|classroom",
        "MKC|Customer Service Skills|3",
        "MUL|Customer Service Excellence|6",
        "CAE|Gofal Cwsmer / Customer Care|3",
    ]),
    ("complaints-handling", "Customer service", [
        "LEI|Complaints Handling",
        "STI|Complaints Handling Procedure (Model CHP) for Staff|2|e-learning|SPSO",
        "MED|Handling Complaints Well|3",
        "DER|Corporate Complaints Process",
    ]),
    ("finance-non-finance", "Finance", [
        "BRA|Budgeting Skills for Non-Financial Managers|6",
        "KIR|Finance Essentials for Non-Finance Managers|6|classroom",
        "OLD|Understanding council budgets for budget holders|3|classroom",
        "DER|Finance for Budget Holders",
        "STI|Financial Awareness for Non-Finance Staff|3|classroom",
        "MID|Budget Holder Training|3",
        "TOR|Budget Management|3|classroom",
        "CAE|Rheoli Cyllidebau / Budget Management|3",
    ]),
    ("treasury-members", "Elected members", [
        "BRI|Treasury Management for Councillors|2|live-online",
        "MED|Treasury Management Briefing for Members|2",
        "STO|Treasury Management for Elected Members|2",
    ]),
    ("procurement", "Finance", [
        "LEI|Procurement Essentials",
        "MKC|Introduction to Public Procurement|3",
        "CCG|Procurement Rules and Contract Standing Orders|3",
        "STI|Procurement Basics for Buyers|3",
    ]),
    ("contract-management", "Finance", [
        "BRA|Contract Management|6",
        "OLD|Managing contracts and suppliers|6",
        "MUL|Contract Management Fundamentals|6",
    ]),
    ("conflict-resolution", "Health and safety", [
        "BRA|Conflict Resolution|6",
        "KIR|Conflict Management and De-escalation|3|classroom",
        "LEI|Dealing with Aggression and Violence at Work",
        "BRI|De-escalation Skills|3|classroom",
        "MED|Personal Safety and Conflict Resolution|6",
        "MID|Conflict Resolution Training|6",
        "CCG|Dealing with Conflict|3",
        "DEN|Datrys Gwrthdaro|6",
    ]),
    ("breakaway", "Health and safety", [
        "OLD|Breakaway techniques|6|classroom",
        "STO|Breakaway and Physical Intervention|6",
        "WDC|Breakaway Techniques|6",
    ]),
    ("lone-working", "Health and safety", [
        "KIR|Lone Working|1|e-learning",
        "LEI|Lone Worker Safety",
        "STI|Personal Safety for Lone Workers|3|classroom",
        "TOR|Lone Working Awareness|1|e-learning",
        "MKC|lone working and personal safety|3",
    ]),
    ("fire-warden", "Health and safety", [
        "BRA|Fire Marshal|3|classroom",
        "KIR|Fire Warden Training|3|classroom",
        "LEI|Fire Marshall Course",
        "OLD|Fire warden duties in council buildings|3|classroom",
        "MED|Fire Warden|3",
        "STI|Fire Warden Training (half day)|3|classroom",
        "CCG|Fire Marshal Training|3",
        "DEN|Hyfforddiant Warden Tân|3",
        "WDC|Fire Wardens|3",
    ]),
    ("fire-awareness", "Health and safety", [
        "KIR|Fire Safety Awareness|0.5|e-learning",
        "BRI|Fire Safety for All Staff|0.5|e-learning",
        "MUL|Fire Awareness|0.5|e-learning",
        "TOR|Ymwybyddiaeth Diogelwch Tân / Fire Safety Awareness|0.5|e-learning",
    ]),
    ("fire-risk-assessment", "Health and safety", [
        "LEI|Fire Risk Assessment",
        "STO|Fire Risk Assessment for Premises Managers|6",
        "DER|Fire Risk Assessor",
    ]),
    ("faw", "First aid", [
        "BRA|First Aid at Work|18|classroom|St John Ambulance",
        "KIR|First Aid at Work (3 day)|18|classroom",
        "DER|FAW 3 Day",
        "OLD|First aid at work - full course|18|classroom|British Red Cross",
        "STI|First Aid at Work|18|classroom",
        "MUL|First Aid at Work (18 hours)|18",
        "CAE|Cymorth Cyntaf yn y Gwaith / First Aid at Work|18",
        "MKC|faw full certificate course|18",
    ]),
    ("faw-requal", "First aid", [
        "BRA|First Aid at Work Requalification|12|classroom|St John Ambulance",
        "KIR|First Aid at Work Refresher - 2 days|12|classroom",
        "DER|FAW Requal",
        "OLD|First aid at work refresher - two days for existing first aiders|12|classroom|British Red Cross",
        "STI|FAW Requalification|12|classroom",
        "MED|First Aid at Work Renewal|12",
        "TOR|FAW Refresher|12|classroom",
        "MKC|first aid at work requalification 2 day|12",
    ]),
    ("fa-annual-update", "First aid", [
        "KIR|First Aid Annual Skills Update|3|classroom",
        "MED|Annual First Aid Refresher (3 hours)|3",
        "STO|First Aid Annual Update|3",
    ]),
    ("efaw", "First aid", [
        "BRA|Emergency First Aid at Work|6|classroom",
        "LEI|EFAW",
        "OLD|Emergency first aid at work (1 day)|6|classroom",
        "STI|Emergency First Aid at Work|6|classroom",
        "CCG|Emergency First Aid|6",
        "DEN|Cymorth Cyntaf Brys yn y Gwaith|6",
        "WDC|Emergency First Aid at Work|6",
    ]),
    ("paediatric-fa", "First aid", [
        "BRI|Paediatric First Aid (12 hour)|12|classroom",
        "DER|Paediatric First Aid",
        "MID|Paediatric First Aid|12",
        "TOR|Paediatric First Aid for Early Years Staff|12|classroom",
    ]),
    ("emergency-paediatric-fa", "First aid", [
        "KIR|Emergency Paediatric First Aid|6|classroom",
        "MKC|emergency paediatric first aid|6",
        "STO|Emergency Paediatric First Aid (1 day)|6",
    ]),
    ("mhfa", "Wellbeing", [
        "BRA|Mental Health First Aid|12|classroom|MHFA England",
        "KIR|Mental Health First Aider (2 day)|12|classroom|MHFA England",
        "LEI|MHFA Adult Two Day",
        "OLD|Becoming a mental health first aider|12|blended|MHFA England",
        "MED|Mental Health First Aid (MHFA) 2 Day|12",
        "TOR|Mental Health First Aid|12|classroom",
        "CAE|Cymorth Cyntaf Iechyd Meddwl / Mental Health First Aid|12",
    ]),
    ("mhfa-refresher", "Wellbeing", [
        "KIR|Mental Health First Aid Refresher|4|live-online|MHFA England",
        "MED|MHFA Refresher|4",
        "OLD|Mental health first aider refresher|4|live-online",
    ]),
    ("mh-awareness", "Wellbeing", [
        "BRA|Mental Health Awareness|1|e-learning",
        "KIR|Mental Health Awareness|0.5|e-learning",
        "DER|Mental Health Awareness for Staff",
        "STI|Mental Health Awareness|1|e-learning",
        "CCG|Mental Health Awareness|1",
        "DEN|Ymwybyddiaeth Iechyd Meddwl|1|e-learning",
    ]),
    ("mh-managers", "Wellbeing", [
        "BRI|Mental Health for Managers|3|classroom",
        "OLD|Supporting the mental health of your team: a course for managers|3|classroom",
        "MUL|Mental Health Awareness for Line Managers|3",
        "DEN|Iechyd Meddwl i Reolwyr|3",
    ]),
    ("resilience", "Wellbeing", [
        "LEI|Building Personal Resilience",
        "STO|Resilience at Work|3",
        "MID|Personal Resilience|3",
        "MKC|building resilience|3",
    ]),
    ("stress-managers", "Wellbeing", [
        "BRA|Stress Risk Assessment for Managers|3",
        "KIR|Managing Stress in Your Team|3|classroom",
        "STI|Stress Management for Managers|3|classroom",
    ]),
    ("menopause-all", "Wellbeing", [
        "BRI|Menopause Awareness|1|live-online",
        "OLD|Menopause awareness for all staff|1|live-online",
        "CCG|Menopause Awareness|1",
        "TOR|Menopause in the Workplace|1|live-online",
    ]),
    ("menopause-managers", "Wellbeing", [
        "KIR|Menopause Awareness for Managers|1.5|live-online",
        "MED|Supporting Colleagues through the Menopause: Managers|1.5",
        "STO|Menopause Training for Line Managers|1.5",
    ]),
    ("dse", "Health and safety", [
        "BRA|Display Screen Equipment|0.5|e-learning",
        "KIR|DSE Workstation Self Assessment|0.5|e-learning",
        "LEI|DSE User Training",
        "OLD|Display screen equipment - setting up your workstation|0.5|e-learning",
        "MID|DSE Awareness|0.5",
        "DEN|Offer Sgrin Arddangos|0.5|e-learning",
    ]),
    ("dse-assessor", "Health and safety", [
        "BRI|DSE Assessor Training|3|classroom",
        "STO|Display Screen Equipment Assessor|3",
        "WDC|DSE Assessor|3",
    ]),
    ("coshh", "Health and safety", [
        "BRA|COSHH Awareness|1|e-learning",
        "LEI|Control of Substances Hazardous to Health",
        "DER|COSHH",
        "STI|Control of Substances Hazardous to Health (COSHH) Awareness|1|e-learning",
        "MUL|Hazardous Substances Awareness|1",
        "TOR|COSHH Awareness|1|e-learning",
    ]),
    ("coshh-assessor", "Health and safety", [
        "KIR|COSHH Risk Assessment|3|classroom",
        "MED|COSHH Assessor|3",
        "CCG|Carrying out COSHH Assessments|3",
    ]),
    ("manual-handling", "Health and safety", [
        "BRA|Manual Handling|3|classroom",
        "KIR|Manual Handling of Loads|3|classroom",
        "LEI|Safe Lifting and Manual Handling",
        "OLD|Manual handling - lifting and carrying safely|3|classroom",
        "STI|Manual Handling Operations|3",
        "CCG|Manual Handling Awareness|1|e-learning",
        "DEN|Codi a Chario|3",
        "MKC|manual handling|3",
    ]),
    ("moving-people", "Social care", [
        "BRI|Moving and Handling People|6|classroom",
        "STO|Moving and Positioning of People|6",
        "MID|People Moving and Handling for Care Staff|6",
        "TOR|Moving and Handling of People|6|classroom",
        "MUL|Patient and Client Handling|6",
    ]),
    ("mh-key-trainer", "Health and safety", [
        "OLD|Manual handling key trainer|18|classroom",
        "WDC|Moving and Handling Key Trainer|18",
    ]),
    ("safer-recruitment", "People management", [
        "BRA|Safer Recruitment|6|classroom",
        "KIR|Safer Recruitment in Education|6|live-online",
        "OLD|Safer recruitment for schools and care settings|6|classroom",
        "MED|Safer Recruitment|6",
        "TOR|Recriwtio Mwy Diogel / Safer Recruitment|6",
    ]),
    ("recruitment-selection", "People management", [
        "LEI|Recruitment and Selection",
        "BRI|Recruitment & Selection for Hiring Managers|3|classroom",
        "STI|Recruitment and Selection Skills|3",
        "DER|Interviewing and Selection Skills",
        "MKC|recruitment and selection|3",
    ]),
    ("safeguarding-awareness", "Safeguarding", [
        "BRA|Safeguarding Awareness|1|e-learning",
        "KIR|Safeguarding is Everyone's Business|1|e-learning",
        "LEI|Corporate Safeguarding Awareness",
        "OLD|Safeguarding basics for all staff|1|e-learning",
        "STO|Safeguarding Awareness|1|e-learning",
        "MUL|Safeguarding Awareness|1",
        "DEN|Ymwybyddiaeth Diogelu Corfforaethol|1|e-learning",
        "CAE|Diogelu i Bawb / Safeguarding for Everyone|1|e-learning",
    ]),
    ("safeguarding-managers", "Safeguarding", [
        "BRI|Safeguarding for Managers|3|classroom",
        "OLD|Safeguarding: the manager's role|3|classroom",
        "MED|Safeguarding Responsibilities for Managers|3",
        "DEN|Diogelu i Reolwyr|3",
    ]),
    ("safeguarding-adults-l2", "Safeguarding", [
        "KIR|Safeguarding Adults Level 2|3|classroom",
        "LEI|Safeguarding Adults L2",
        "STO|Safeguarding Adults at Risk - Level 2|3",
    ]),
    ("safeguarding-adults-l3", "Safeguarding", [
        "BRI|Safeguarding Adults Level 3|6|classroom",
        "OLD|Safeguarding adults level 3 for practitioners|6|classroom",
    ]),
    ("asp-council-officer", "Safeguarding", [
        "STI|Adult Support and Protection Council Officer Training|18|classroom",
        "WDC|ASP Council Officer|18",
        "MID|Adult Support & Protection: Council Officer|18",
    ]),
    ("asp-awareness", "Safeguarding", [
        "STI|Adult Support and Protection Awareness|1|e-learning",
        "WDC|ADULT SUPPORT AND PROTECTION GENERAL AWARENESS|1",
        "MID|ASP Level 1 Awareness|1",
    ]),
    ("dsl", "Safeguarding", [
        "KIR|Designated Safeguarding Lead Training|6|classroom",
        "MED|DSL Training (new to role)|6",
        "LEI|Designated Safeguarding Lead - Initial",
    ]),
    ("dsl-refresher", "Safeguarding", [
        "KIR|Designated Safeguarding Lead Refresher|3|live-online",
        "MED|DSL Refresher|3",
        "LEI|DSL Update Training",
    ]),
    ("domestic-abuse", "Safeguarding", [
        "BRA|Domestic Abuse Awareness|3",
        "OLD|Understanding domestic abuse|3|classroom",
        "STI|Domestic Abuse Awareness (Safe and Together informed)|3",
        "CCG|Domestic and Sexual Abuse Awareness|3",
    ]),
    ("dash", "Safeguarding", [
        "KIR|DASH Risk Checklist|3|classroom",
        "LEI|Domestic Abuse, Stalking and Harassment (DASH) Risk Identification",
        "MED|DASH RIC Training|3",
    ]),
    ("vawdasv-g1", "Safeguarding", [
        "CAE|VAWDASV Group 1 / Grŵp 1 e-learning|1|e-learning",
        "DEN|Trais yn erbyn Menywod - Grŵp 1|1|e-learning",
        "TOR|VAWDASV National Training Framework Group 1|1|e-learning",
    ]),
    ("vawdasv-g2", "Safeguarding", [
        "CAE|Ask and Act - VAWDASV Group 2|6",
        "TOR|Group 2 Ask and Act|6|classroom",
        "DEN|Gofyn a Gweithredu (Grŵp 2)|6",
    ]),
    ("prevent-elearning", "Safeguarding", [
        "BRA|Prevent Duty Awareness|0.5|e-learning|Home Office",
        "KIR|Prevent Awareness|0.5|e-learning|Home Office",
        "OLD|Prevent duty training (Home Office course)|0.5|e-learning|Home Office",
        "MUL|Prevent Awareness|0.5",
    ]),
    ("exploitation-l1", "Safeguarding", [
        "BRI|Child Exploitation Awareness Level 1|1|e-learning",
        "STO|Exploitation Awareness (Level 1)|1",
    ]),
    ("exploitation-l2", "Safeguarding", [
        "BRI|Child Exploitation Level 2|3|classroom",
        "STO|Exploitation - Level 2 Practitioner|3",
    ]),
    ("modern-slavery", "Safeguarding", [
        "LEI|Modern Slavery Awareness",
        "OLD|Modern slavery and human trafficking|1|e-learning",
        "CCG|Human Trafficking and Modern Slavery|1",
        "DEN|Caethwasiaeth Fodern|1|e-learning",
    ]),
    ("excel-intro", "Digital", [
        "BRA|Excel Introduction|3|classroom",
        "KIR|Microsoft Excel for Beginners|3|live-online",
        "LEI|Excel Level 1",
        "OLD|Getting started with Excel|3|live-online",
        "MKC|excel basics|3",
        "WDC|Excel - Beginners|3",
    ]),
    ("excel-intermediate", "Digital", [
        "BRA|Excel Intermediate|3|classroom",
        "KIR|Microsoft Excel Intermediate|3|live-online",
        "LEI|Excel Level 2",
        "MKC|excel intermediate|3",
    ]),
    ("excel-pivot", "Digital", [
        "OLD|Excel pivot tables and charts|3|live-online",
        "STI|Excel: Pivot Tables|2",
        "WDC|Excel Pivot Tables|2",
    ]),
    ("teams-basics", "Digital", [
        "BRI|Getting Started with Microsoft Teams|1|live-online",
        "STO|MS Teams Essentials|1",
        "MID|Teams for Beginners|1",
        "CCG|Microsoft Teams Basics|1",
    ]),
    ("teams-webinars", "Digital", [
        "BRI|Running Teams Webinars and Town Halls|2|live-online",
        "STO|MS Teams Live Events Producer|2",
    ]),
    ("power-bi", "Digital", [
        "KIR|Power BI Introduction|3|live-online",
        "LEI|Introduction to Power BI",
        "STI|Power BI Desktop - Getting Started|3",
    ]),
    ("ilm3-award", "Leadership", [
        "BRA|ILM Level 3 Award in Leadership and Management|24|blended|ILM|ILM|Level 3",
        "OLD|ILM level 3 award - leadership & management|24|blended|ILM|ILM|3",
        "MUL|Level 3 Award in Leadership & Management (ILM)|24||ILM|ILM|Level 3",
        "TOR|ILM 3 Award Leadership and Management|24",
    ]),
    ("ilm3-cert", "Leadership", [
        "KIR|ILM Level 3 Certificate in Leadership and Management|60|blended|ILM|ILM|Level 3",
        "STI|ILM L3 Certificate Leadership & Management|60",
    ]),
    ("ilm5-cert", "Leadership", [
        "BRA|ILM Level 5 Certificate in Leadership and Management|90|blended|ILM|ILM|Level 5",
        "LEI|ILM5 Certificate in Leadership & Management",
        "CCG|ILM Level 5 Leadership and Management Certificate|90",
    ]),
    ("ilm5-coaching", "Leadership", [
        "OLD|ILM level 5 certificate in coaching and mentoring|60|blended|ILM|ILM|5",
        "STO|ILM 5 Coaching & Mentoring Certificate|60",
    ]),
    ("coaching-skills", "Leadership", [
        "KIR|Coaching Skills for Managers|3|classroom",
        "LEI|Coaching Conversations",
        "MED|Introduction to Coaching|3",
        "STI|Coaching Skills|3",
        "CAE|Sgiliau Hyfforddi / Coaching Skills|3",
    ]),
    ("iosh-ms", "Health and safety", [
        "BRA|IOSH Managing Safely|24|classroom|RoSPA|IOSH",
        "KIR|Managing Safely (IOSH)|24|classroom",
        "DER|IOSH MS 4 Day",
        "STI|IOSH Managing Safely|24|classroom||IOSH",
        "CCG|IOSH Managing Safely Course|24",
    ]),
    ("iosh-ms-refresher", "Health and safety", [
        "BRA|IOSH Managing Safely Refresher|6|classroom||IOSH",
        "STI|IOSH Managing Safely - Refresher|6",
    ]),
    ("iosh-ws", "Health and safety", [
        "KIR|IOSH Working Safely|6|classroom||IOSH",
        "MED|Working Safely (IOSH)|6",
        "WDC|IOSH WORKING SAFELY|6",
    ]),
    ("nebosh-gc", "Health and safety", [
        "BRA|NEBOSH National General Certificate|80|blended|NEBOSH|NEBOSH",
        "OLD|NEBOSH general certificate in occupational health and safety|80|blended",
        "STI|NEBOSH NGC|80",
    ]),
    ("food-l2", "Health and safety", [
        "BRI|Level 2 Food Safety and Hygiene|6|classroom|Highfield|Highfield|Level 2",
        "DER|L2 Food Hygiene",
        "STO|Food Hygiene Level 2|6",
        "MID|REHIS Elementary Food Hygiene|6",
        "DEN|Hylendid Bwyd Lefel 2|6",
    ]),
    ("food-l3", "Health and safety", [
        "BRI|Level 3 Supervising Food Safety|18|classroom|Highfield|Highfield|Level 3",
        "STO|Food Hygiene Level 3 for Supervisors|18",
        "DEN|Hylendid Bwyd Lefel 3|18",
    ]),
    ("data-protection", "Information governance", [
        "BRA|Data Protection and UK GDPR|1|e-learning",
        "KIR|GDPR Essentials|1|e-learning",
        "LEI|Information Governance Mandatory Training",
        "OLD|Protecting personal information - data protection for everyone|1|e-learning",
        "STI|Data Protection Awareness|1|e-learning",
        "MUL|Data Protection|1",
        "DEN|Diogelu Data|1|e-learning",
    ]),
    ("subject-access", "Information governance", [
        "KIR|Handling Subject Access Requests|2|live-online",
        "MED|Subject Access Requests (SARs)|2",
        "STO|Responding to SARs|2",
    ]),
    ("foi", "Information governance", [
        "BRA|Freedom of Information Requests|2",
        "MKC|freedom of information act|2",
        "LEI|FOI Request Handling",
    ]),
    ("foisa", "Information governance", [
        "STI|FOISA Awareness|2|live-online",
        "WDC|FREEDOM OF INFORMATION (SCOTLAND) ACT|2",
        "MID|FOI(S)A Training|2",
    ]),
    ("cyber", "Information governance", [
        "BRA|Cyber Security Awareness|0.5|e-learning",
        "KIR|Be Cyber Aware|0.5|e-learning",
        "OLD|Staying safe online: cyber security for staff|0.5|e-learning",
        "CCG|Cyber Security|0.5",
        "TOR|Information Security and Cyber Awareness|0.5|e-learning",
        "DEN|Diogelwch Seiber|0.5|e-learning",
    ]),
    ("edi", "Equality", [
        "BRA|Equality, Diversity and Inclusion|1|e-learning",
        "LEI|E&D Awareness",
        "BRI|EDI Essentials|1|e-learning",
        "STI|Equality and Diversity|1|e-learning",
        "CAE|Cydraddoldeb ac Amrywiaeth / Equality and Diversity|1|e-learning",
        "MKC|equality diversity & inclusion|1",
    ]),
    ("unconscious-bias", "Equality", [
        "KIR|Unconscious Bias|1.5|live-online",
        "OLD|Understanding unconscious bias|1.5|live-online",
        "MUL|Unconscious Bias Awareness|1.5",
    ]),
    ("report-writing", "Communication", [
        "BRA|Report Writing|3",
        "KIR|Writing Clear and Effective Reports|3|live-online",
        "LEI|Report Writing Skills",
        "STO|Clear Report Writing|3",
        "DEN|Ysgrifennu Adroddiadau|3",
    ]),
    ("committee-reports", "Communication", [
        "OLD|Writing reports for cabinet and committees|3|classroom",
        "MED|Committee Report Writing|3",
        "STI|Writing Committee Reports|3",
    ]),
    ("minute-taking", "Communication", [
        "BRA|Minute Taking|3",
        "KIR|Effective Minute Taking|3|live-online",
        "OLD|Taking minutes at meetings|3|live-online",
        "MID|Minute Taking Skills|3",
        "CCG|Minute-taking|3",
    ]),
    ("time-management", "Personal development", [
        "BRA|Time Management|3",
        "LEI|Managing Your Time Effectively",
        "STO|Time Management and Prioritisation|3",
        "CAE|Rheoli Amser / Time Management|3",
        "WDC|Time Management|3",
    ]),
    ("presentation", "Communication", [
        "KIR|Presentation Skills|3|classroom",
        "OLD|Presenting with confidence|3|classroom",
        "MUL|Effective Presentations|3",
        "TOR|Sgiliau Cyflwyno / Presentation Skills|3",
    ]),
    ("assertiveness", "Personal development", [
        "BRA|Assertiveness|3",
        "MED|Assertiveness at Work|3",
        "MKC|being assertive|3",
    ]),
    ("asbestos", "Health and safety", [
        "BRA|Asbestos Awareness|2|e-learning|UKATA|UKATA",
        "KIR|UKATA Asbestos Awareness|2|e-learning",
        "DER|Asbestos Awareness Cat A",
        "STI|Asbestos Awareness|2|e-learning",
        "MUL|Asbestos Awareness|2",
    ]),
    ("asbestos-duty", "Health and safety", [
        "BRA|Duty to Manage Asbestos|6",
        "STO|Asbestos Duty to Manage for Premises Managers|6",
        "CCG|Managing Asbestos in Premises|6",
    ]),
    ("legionella", "Health and safety", [
        "OLD|Legionella awareness|1|e-learning",
        "LEI|Legionella Awareness",
        "TOR|Legionella Awareness|1|e-learning",
    ]),
    ("legionella-rp", "Health and safety", [
        "STO|Legionella Control for Responsible Persons|6",
        "MED|Legionella Responsible Person|6",
    ]),
    ("work-at-height", "Health and safety", [
        "BRA|Working at Height|3",
        "KIR|Work at Height Awareness|1|e-learning",
        "STI|Working at Heights|3",
        "DEN|Gweithio ar Uchder|3",
    ]),
    ("risk-assessment", "Health and safety", [
        "KIR|Risk Assessment|3|classroom",
        "OLD|Carrying out risk assessments|3|classroom",
        "MKC|risk assessment training|3",
        "CAE|Asesu Risg / Risk Assessment|3",
    ]),
    ("oliver-mcgowan-t1", "Social care", [
        "BRI|Oliver McGowan Mandatory Training Tier 1|1.5|e-learning",
        "OLD|The Oliver McGowan Training on Learning Disability and Autism - Tier 1|1.5|e-learning",
        "STO|OMMT Tier 1 e-learning|1.5",
    ]),
    ("oliver-mcgowan-t2", "Social care", [
        "BRI|Oliver McGowan Mandatory Training Tier 2|7|classroom",
        "OLD|The Oliver McGowan Training on Learning Disability and Autism - Tier 2|7|classroom",
    ]),
    ("mca", "Social care", [
        "KIR|Mental Capacity Act Awareness|1|e-learning",
        "LEI|MCA Introduction",
        "MED|Mental Capacity Act 2005 Awareness|1",
        "TOR|Mental Capacity Act|1|e-learning",
    ]),
    ("mca-assessment", "Social care", [
        "BRI|Assessing Mental Capacity|6|classroom",
        "OLD|Mental capacity assessments in practice|6|classroom",
        "MED|MCA: Carrying out Capacity Assessments|6",
    ]),
    ("medication", "Social care", [
        "BRI|Safe Administration of Medication|6|classroom",
        "STO|Medication Administration|6",
        "MID|Medicines Management in Care|6",
        "DEN|Rhoi Meddyginiaeth|6",
    ]),
    ("medication-assessor", "Social care", [
        "BRI|Medication Competency Assessor|6|classroom",
        "STO|Assessing Medication Competence|6",
    ]),
    ("ipc", "Social care", [
        "BRA|Infection Prevention and Control|1|e-learning",
        "KIR|IPC Awareness|1|e-learning",
        "MID|Infection Control|1",
        "CAE|Atal a Rheoli Heintiau / Infection Prevention and Control|1|e-learning",
    ]),
    ("dementia-awareness", "Social care", [
        "LEI|Dementia Awareness",
        "OLD|Understanding dementia|3|classroom",
        "STI|Dementia Informed Practice|1|e-learning",
        "MUL|Dementia Awareness|3",
    ]),
    ("dementia-friends", "Social care", [
        "KIR|Dementia Friends Information Session|1|classroom|Alzheimer's Society",
        "MED|Dementia Friends|1",
        "TOR|Dementia Friends Session|1",
    ]),
    ("welsh-awareness", "Welsh language", [
        "CAE|Ymwybyddiaeth Iaith Gymraeg / Welsh Language Awareness|1|e-learning",
        "DEN|Ymwybyddiaeth Iaith|1|e-learning",
        "TOR|Welsh Language Awareness|1|e-learning",
    ]),
    ("welsh-entry", "Welsh language", [
        "CAE|Cymraeg Gwaith Mynediad / Work Welsh Entry|60|blended|Dysgu Cymraeg",
        "DEN|Cwrs Mynediad Cymraeg Gwaith|60",
        "TOR|Welsh for Work - Entry|60|blended",
    ]),
    ("welsh-foundation", "Welsh language", [
        "CAE|Cymraeg Gwaith Sylfaen / Work Welsh Foundation|60|blended",
        "DEN|Cwrs Sylfaen Cymraeg Gwaith|60",
        "TOR|Welsh for Work - Foundation|60|blended",
    ]),
    ("prince2-f", "Project management", [
        "BRA|PRINCE2 Foundation|18|classroom|QA|PRINCE2",
        "LEI|Prince 2 Foundation Certificate",
        "STI|PRINCE2 7 Foundation|18",
    ]),
    ("pm-intro", "Project management", [
        "KIR|Introduction to Project Management|3|live-online",
        "OLD|Project management basics|3|live-online",
        "MUL|Project Management Fundamentals|6",
        "CAE|Rheoli Prosiectau / Project Management Essentials|3",
    ]),
    ("appraisal", "People management", [
        "BRA|Appraisal Skills for Managers|3",
        "LEI|PDR Training for Reviewers",
        "OLD|Holding good performance and development reviews|3|classroom",
        "STI|Annual Review Conversations for Managers|3",
        "MED|My Performance Conversation - Manager Training|3",
    ]),
    ("induction", "Corporate", [
        "BRA|Corporate Induction|3",
        "KIR|Welcome to Kirklees - Corporate Induction|3|classroom",
        "LEI|New Starter Induction",
        "STI|Corporate Induction for New Employees|3",
        "CCG|Staff Induction|3",
    ]),
    ("planning-members", "Elected members", [
        "BRA|Planning Committee Training for Members|2",
        "MED|Planning Training for Councillors|2",
        "CCG|Planning Committee Member Training|2",
        "STO|Planning Committee Mandatory Training for Councillors|2",
    ]),
    ("licensing-members", "Elected members", [
        "BRA|Licensing Committee Training for Members|2",
        "MED|Licensing Training for Councillors|2",
        "STO|Licensing Committee Mandatory Training for Councillors|2",
    ]),
    ("chairing", "Elected members", [
        "KIR|Chairing Skills for Councillors|2|classroom",
        "OLD|Effective chairing for elected members|2|classroom",
        "CCG|Chairing Meetings - Councillor Development|2",
    ]),
    ("code-of-conduct-members", "Elected members", [
        "LEI|Members' Code of Conduct",
        "STI|Councillors' Code of Conduct|2",
        "DEN|Cod Ymddygiad Aelodau|2",
        "MUL|Code of Conduct for Councillors|2",
    ]),
    ("social-media-members", "Elected members", [
        "BRI|Social Media for Councillors|1.5|live-online",
        "MED|Using Social Media as an Elected Member|1.5",
    ]),
    ("social-media-staff", "Communication", [
        "KIR|Social Media Policy for Staff|0.5|e-learning",
        "OLD|Using social media at work|0.5|e-learning",
    ]),
    ("suicide-awareness", "Wellbeing", [
        "BRA|Suicide Awareness|0.5|e-learning|Zero Suicide Alliance",
        "STI|Suicide Prevention Awareness|0.5|e-learning",
        "CCG|Suicide Awareness and Prevention|1",
    ]),
    ("asist", "Wellbeing", [
        "KIR|ASIST - Applied Suicide Intervention Skills Training|12|classroom",
        "STI|Applied Suicide Intervention Skills Training (ASIST)|12",
        "MUL|ASIST 2 Day|12",
    ]),
    ("safetalk", "Wellbeing", [
        "OLD|safeTALK|3.5|classroom",
        "MUL|safeTALK Suicide Alertness|3.5",
    ]),
    ("trauma-informed", "Social care", [
        "STI|Trauma Informed Practice|1|e-learning|NES",
        "WDC|TRAUMA INFORMED|1",
        "MID|Trauma-Informed Practice Level 1|1",
        "BRI|Trauma Informed Approaches|3|live-online",
    ]),
    ("trauma-skilled", "Social care", [
        "STI|Trauma Skilled Practice|6|classroom|NES",
        "MID|Trauma Skilled Level 2|6",
    ]),
    ("aces", "Social care", [
        "WDC|ADVERSE CHILDHOOD EXPERIENCES (ACES)|2",
        "MUL|ACEs Awareness|2",
        "TOR|Adverse Childhood Experiences Awareness|2|live-online",
    ]),
    ("carbon-literacy", "Climate", [
        "BRI|Carbon Literacy Training|8|blended|Carbon Literacy Trust",
        "OLD|Carbon literacy for local authorities|8|live-online",
        "STI|Carbon Literacy Certification Course|8",
    ]),
    ("climate-awareness", "Climate", [
        "KIR|Climate Change Awareness|0.5|e-learning",
        "MKC|climate emergency awareness|0.5",
        "DEN|Ymwybyddiaeth Newid Hinsawdd|0.5|e-learning",
    ]),
    ("midas-standard", "Transport", [
        "BRA|MiDAS Standard|6|classroom|CTA",
        "OLD|Minibus driver awareness (MiDAS) standard|6|classroom",
        "WDC|MIDAS MINIBUS DRIVER|6",
    ]),
    ("midas-accessible", "Transport", [
        "BRA|MiDAS Accessible|3|classroom|CTA",
        "OLD|MiDAS accessible - passenger assistance and wheelchair securing|3|classroom",
    ]),
    ("fraud", "Finance", [
        "LEI|Fraud Awareness",
        "STI|Counter Fraud Awareness|0.5|e-learning",
        "MKC|fraud and corruption awareness|0.5",
        "TOR|Anti-Fraud and Corruption|0.5|e-learning",
    ]),
    ("aml", "Finance", [
        "KIR|Anti-Money Laundering|0.5|e-learning",
        "MED|Money Laundering Awareness|0.5",
    ]),
    ("whistleblowing", "Corporate", [
        "BRA|Whistleblowing|0.5|e-learning",
        "STO|Raising Concerns (Whistleblowing)|0.5",
        "DEN|Chwythu'r Chwiban|0.5|e-learning",
    ]),
    ("change", "Leadership", [
        "KIR|Leading Through Change|3|classroom",
        "OLD|Managing change in your team|3|classroom",
        "MED|Change Management for Managers|3",
        "CAE|Rheoli Newid / Managing Change|3",
    ]),
    ("loggist", "Emergency planning", [
        "BRA|Loggist Training|3",
        "STI|Loggist Course|3",
        "MUL|Emergency Loggist|3",
    ]),
    ("rest-centre", "Emergency planning", [
        "BRA|Rest Centre Volunteer Training|3",
        "STI|Rest Centre Training|3",
    ]),
    ("business-continuity", "Emergency planning", [
        "KIR|Business Continuity Awareness|1|e-learning",
        "CCG|Business Continuity Planning|3",
        "MKC|business continuity|1",
    ]),
    ("svq-l2", "Social care", [
        "STI|SVQ Social Services and Healthcare SCQF Level 6|200|blended|SSSC|SVQ|Level 2",
        "WDC|SVQ 2 SOCIAL SERVICES AND HEALTHCARE|200",
    ]),
    ("svq-l3", "Social care", [
        "STI|SVQ Social Services and Healthcare SCQF Level 7|300|blended|SSSC|SVQ|Level 3",
        "WDC|SVQ 3 SOCIAL SERVICES AND HEALTHCARE|300",
        "MID|SVQ3 Social Services & Healthcare|300",
    ]),
    ("care-diploma-l3", "Social care", [
        "BRI|Level 3 Diploma in Adult Care|300|blended||City & Guilds|Level 3",
        "STO|Adult Care Diploma L3|300",
        "CAE|Lefel 3 Iechyd a Gofal Cymdeithasol / Level 3 Health and Social Care|300",
    ]),
    ("neurodiversity", "Equality", [
        "BRI|Neurodiversity Awareness|1.5|live-online",
        "STO|Understanding Neurodiversity at Work|1.5",
        "MID|Neurodiversity in the Workplace|1.5",
    ]),
    ("autism-awareness", "Equality", [
        "KIR|Autism Awareness|1|e-learning",
        "CCG|Autism Awareness|1",
    ]),
]


def rows() -> list[dict]:
    out, n = [], 0
    for cluster, topic, entries in CLUSTERS:
        for entry in entries:
            n += 1
            code, title, hours, method, provider, accreditation, level = (entry.split("|") + [""] * 7)[:7]
            council, gives_topic = COUNCILS[code]
            out.append({"record_id": n, "council": council, "title": _style(code, title, n, method),
                        "topic": topic if gives_topic else "", "provider_name": provider, "accreditation": accreditation,
                        "level": level, "duration_hours": hours, "delivery_method": method, "cluster": cluster})
    return out


def main() -> None:
    fields = ["record_id", "council", "title", "topic", "provider_name", "accreditation", "level", "duration_hours",
              "delivery_method", "cluster"]
    with OUT.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows())


if __name__ == "__main__":
    main()
