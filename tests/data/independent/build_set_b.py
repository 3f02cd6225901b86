#!/usr/bin/env python3
"""Build set_b_written.csv: a hand-written, independent evaluation set for the
overlap matcher.

Every row below was written by hand from general knowledge of UK local-government
learning and development provision. Nothing here was derived from the matcher, its
rules, or any project glossary. The script only assigns record ids and writes the CSV
(deterministic, no randomness).

Cluster labels name the true course. Two rows share a cluster exactly when an L&D
coordinator would accept one as counting for the other.

NEVER train or tune the matcher on this file; it is for measurement only.
"""
import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "set_b_written.csv")

# council short codes -> council name (region in README)
COUNCILS = {
    "SHR": "Shropshire",          # English shire county (unitary)
    "WAR": "Warwickshire",        # English shire county
    "WIL": "Wiltshire",           # English shire county (unitary) - UPPERCASE coded export
    "NBL": "Northumberland",      # English shire county (unitary)
    "STA": "Staffordshire",       # English shire county - "L&D/0nn" codes
    "WGN": "Wigan",               # metropolitan borough - "eLearning - " prefix
    "GAT": "Gateshead",           # metropolitan borough
    "BNS": "Barnsley",            # metropolitan borough - terse acronyms
    "DUD": "Dudley",              # metropolitan borough - verbose
    "CLD": "Calderdale",          # metropolitan borough
    "FIF": "Fife",                # Scottish council
    "ANS": "Angus",               # Scottish council
    "WLN": "West Lothian",        # Scottish council
    "EAY": "East Ayrshire",       # Scottish council
    "GWN": "Gwynedd",             # Welsh council - Welsh-language titles
    "AGY": "Isle of Anglesey",    # Welsh council - Welsh-language titles
    "CMN": "Carmarthenshire",     # Welsh council - bilingual titles
}

# cluster -> rows of (council, title, topic, provider, accreditation, level, hours, method)
C = {}


def add(cluster, *rows):
    assert cluster not in C, cluster
    C[cluster] = [tuple(list(r) + [""] * (8 - len(r))) for r in rows]


# ---------------------------------------------------------------- fire
add("fire-warden",
    ("SHR", "Fire Warden Training", "Health & Safety", "In-house H&S team", "", "", "3", "classroom"),
    ("WAR", "HS07 Fire Marshal (half day)", "H&S", "", "", "", "3.5", "classroom"),
    ("WIL", "HS104 - FIRE WARDEN", "HEALTH AND SAFETY", "", "", "", "3", "classroom"),
    ("NBL", "Fire marshal training", "", "Northumberland Fire and Rescue", "", "", "", "classroom"),
    ("STA", "L&D/052 Fire Warden / Fire Marshal", "Health and Safety", "", "", "", "3", ""),
    ("WGN", "Fire Warden", "Mandatory", "in house", "", "", "2.5", "classroom"),
    ("BNS", "Fire Marshal", "", "", "", "", "", ""),
    ("FIF", "Fire Warden Training", "Health, Safety & Wellbeing", "", "", "", "4", "classroom"),
    ("ANS", "Fire Safety - Fire Warden Duties", "", "", "", "", "", "classroom"),
    ("GWN", "Hyfforddiant Wardeiniaid Tân", "Iechyd a Diogelwch", "Mewnol", "", "", "3", "classroom"),
    ("CMN", "Fire Warden / Warden Tân", "Health & Safety", "", "", "", "3", ""),
)
add("fire-safety-awareness-elearning",
    ("SHR", "Fire Safety Awareness (e-learning)", "Health & Safety", "Learning Pool", "", "", "0.5", "e-learning"),
    ("WGN", "eLearning - Fire Safety Awareness", "Mandatory", "LearningPool", "", "", "", "e-learning"),
    ("DUD", "Fire Safety in the Workplace - online module", "People Development", "iHasco", "", "", "0.75", "e-learning"),
    ("GAT", "Fire Awareness e-learning", "Workforce Development", "", "", "", "", "e-learning"),
    ("EAY", "Fire Safety Awareness", "", "", "", "", "1", "e-learning"),
    ("AGY", "Ymwybyddiaeth Diogelwch Tân (e-ddysgu)", "Iechyd a Diogelwch", "", "", "", "", "e-learning"),
)
add("evac-chair",
    ("WAR", "Evac Chair Operator", "H&S", "", "", "", "2", "classroom"),
    ("CLD", "Evacuation Chair Training", "Health and Safety", "Evac+Chair", "", "", "", "classroom"),
)

# ---------------------------------------------------------------- DSE
add("dse-user",
    ("SHR", "Display Screen Equipment (DSE) Awareness", "Health & Safety", "Learning Pool", "", "", "0.5", "e-learning"),
    ("WAR", "DSE Awareness", "H&S", "", "", "", "", "e-learning"),
    ("WIL", "HS110 - DISPLAY SCREEN EQUIPMENT", "HEALTH AND SAFETY", "", "", "", "", "e-learning"),
    ("STA", "DSE e-learning", "", "", "", "", "0.5", "e-learning"),
    ("WGN", "eLearning - Display Screen Equipment", "Mandatory", "LearningPool", "", "", "", "e-learning"),
    ("BNS", "DSE User Training", "", "", "", "", "", ""),
    ("CLD", "Display Screen Equipment - workstation self assessment", "Health and Safety", "", "", "", "", "e-learning"),
    ("FIF", "DSE Awareness and Self Assessment", "Health, Safety & Wellbeing", "", "", "", "1", "e-learning"),
    ("WLN", "Display Screen Equipment (DSE) User", "", "", "", "", "", ""),
    ("CMN", "Offer Sgrin Arddangos / Display Screen Equipment", "Health & Safety", "", "", "", "", "e-learning"),
)
add("dse-assessor",
    ("NBL", "DSE Assessor Training", "", "", "", "", "6", "classroom"),
    ("DUD", "Display Screen Equipment Assessor course", "People Development", "", "", "", "3", "classroom"),
    ("ANS", "DSE Assessor", "", "", "", "", "", ""),
    ("WIL", "HS111 - DSE ASSESSOR", "HEALTH AND SAFETY", "", "", "", "3", "classroom"),
)

# ---------------------------------------------------------------- handling
add("manual-handling-loads",
    ("SHR", "Manual Handling (Objects)", "Health & Safety", "", "", "", "3", "classroom"),
    ("WAR", "HS03 Manual Handling of Loads", "H&S", "", "", "", "3", "classroom"),
    ("WIL", "HS102 - MANUAL HANDLING", "HEALTH AND SAFETY", "", "", "", "", ""),
    ("NBL", "Manual handling - practical (loads)", "", "", "", "", "", "classroom"),
    ("STA", "L&D/049 Safe Lifting and Manual Handling", "Health and Safety", "", "", "", "2", ""),
    ("GAT", "Manual Handling Awareness", "Workforce Development", "", "", "", "", "blended"),
    ("DUD", "Manual Handling of Inanimate Loads", "People Development", "", "", "", "3", "classroom"),
    ("FIF", "Manual Handling Operations", "Health, Safety & Wellbeing", "", "", "", "", "classroom"),
    ("EAY", "Manual Handling - Inanimate Loads", "", "", "", "", "3", ""),
    ("GWN", "Codi a Chario (Trin â Llaw)", "Iechyd a Diogelwch", "", "", "", "3", "classroom"),
)
add("moving-handling-people",
    ("SHR", "Moving and Handling People", "Adult Social Care", "", "", "", "6", "classroom"),
    ("WAR", "Moving & Handling of People (care staff)", "Social Care", "", "", "", "6", "classroom"),
    ("STA", "Moving and Handling People (full day)", "Care", "", "", "", "6.5", "classroom"),
    ("WGN", "Moving and Assisting People", "Core Skills", "", "", "", "", "classroom"),
    ("BNS", "Moving & Handling of Service Users", "", "", "", "", "", ""),
    ("CLD", "Safer People Handling", "Adult Services", "", "", "", "6", "classroom"),
    ("ANS", "Moving and Handling of People (Care)", "", "", "", "", "", "classroom"),
    ("WLN", "Client Handling", "Social Policy", "", "", "", "6", ""),
    ("CMN", "Symud a Thrin Pobl / Moving and Handling People", "Social Care", "", "", "", "6", "classroom"),
    ("AGY", "Symud a Thrin Pobl", "Gofal Cymdeithasol", "", "", "", "", "classroom"),
)
add("moving-handling-key-trainer",
    ("NBL", "Moving and Handling Key Trainer", "", "", "", "", "18", "classroom"),
    ("DUD", "People Moving & Handling - Train the Trainer", "People Development", "", "", "", "21", "classroom"),
)

# ---------------------------------------------------------------- COSHH / risk
add("coshh-awareness",
    ("SHR", "COSHH Awareness", "Health & Safety", "", "", "", "2", ""),
    ("WIL", "HS106 - COSHH", "HEALTH AND SAFETY", "", "", "", "", "e-learning"),
    ("NBL", "Control of Substances Hazardous to Health (COSHH)", "", "", "", "", "", ""),
    ("GAT", "COSHH", "Workforce Development", "", "", "", "1", "e-learning"),
    ("BNS", "Hazardous Substances (COSHH) Awareness", "", "", "", "", "", ""),
    ("FIF", "COSHH Awareness", "Health, Safety & Wellbeing", "", "", "", "", "e-learning"),
    ("EAY", "Control of Substances Hazardous to Health Awareness", "", "", "", "", "1.5", ""),
)
add("coshh-assessor",
    ("WAR", "HS09 COSHH Risk Assessment (Assessors)", "H&S", "", "", "", "6", "classroom"),
    ("DUD", "COSHH Assessor Training", "People Development", "", "", "", "6", "classroom"),
    ("WLN", "COSHH Assessment", "", "", "", "", "", "classroom"),
)
add("risk-assessment",
    ("SHR", "Risk Assessment", "Health & Safety", "", "", "", "3", "classroom"),
    ("WAR", "HS02 Risk Assessment Principles", "H&S", "", "", "", "3", "classroom"),
    ("STA", "L&D/050 Undertaking Risk Assessments", "Health and Safety", "", "", "", "", ""),
    ("CLD", "Risk Assessment Training", "Health and Safety", "", "", "", "", ""),
    ("ANS", "Risk Assessment - Practical", "", "", "", "", "3", "classroom"),
    ("GWN", "Asesu Risg", "Iechyd a Diogelwch", "", "", "", "3", ""),
)
add("hs-for-managers",
    ("SHR", "Health and Safety for Managers", "Health & Safety", "", "", "", "6", "classroom"),
    ("GAT", "Managing Health & Safety (Managers)", "Workforce Development", "", "", "", "", ""),
    ("EAY", "Health and Safety for Line Managers", "", "", "", "", "", "classroom"),
)
add("iosh-managing-safely",
    ("SHR", "IOSH Managing Safely", "Health & Safety", "", "IOSH", "", "24", "classroom"),
    ("WIL", "HS120 - IOSH MANAGING SAFELY (4 DAY)", "HEALTH AND SAFETY", "", "IOSH", "", "28", "classroom"),
    ("NBL", "Managing Safely (IOSH)", "", "", "IOSH", "", "", ""),
    ("STA", "Institution of Occupational Safety and Health - Managing Safely", "Health and Safety", "", "", "", "24", "blended"),
    ("GAT", "IOSH Managing Safely Certificate", "Workforce Development", "", "IOSH", "", "", ""),
    ("FIF", "IOSH Managing Safely", "Health, Safety & Wellbeing", "", "IOSH", "", "", "live-online"),
    ("WLN", "Managing Safely - Institution of Occupational Safety & Health", "", "", "", "", "", ""),
)
add("iosh-working-safely",
    ("WAR", "IOSH Working Safely", "H&S", "", "IOSH", "", "7", "classroom"),
    ("BNS", "Working Safely (IOSH)", "", "", "IOSH", "", "", ""),
    ("DUD", "IOSH Working Safely (1 day)", "People Development", "", "IOSH", "", "7", "classroom"),
    ("EAY", "IOSH Working Safely", "", "", "", "", "", ""),
    ("FIF", "Working Safely - IOSH", "Health, Safety & Wellbeing", "", "IOSH", "", "6", ""),
)
add("iosh-managing-safely-refresher",
    ("SHR", "IOSH Managing Safely Refresher", "Health & Safety", "", "IOSH", "", "7", "classroom"),
    ("STA", "IOSH Managing Safely - Refresher (1 day)", "Health and Safety", "", "IOSH", "", "7", ""),
)
add("asbestos-awareness",
    ("WIL", "HS115 - ASBESTOS AWARENESS", "HEALTH AND SAFETY", "", "", "", "", "e-learning"),
    ("NBL", "Asbestos Awareness (UKATA)", "", "", "UKATA", "", "3", "classroom"),
    ("BNS", "Asbestos Awareness", "", "", "", "", "", ""),
    ("CLD", "Asbestos Awareness Category A", "Health and Safety", "", "UKATA", "Category A", "", ""),
    ("FIF", "Asbestos Awareness", "Health, Safety & Wellbeing", "", "", "", "", "e-learning"),
)
add("asbestos-duty-holders",
    ("WAR", "Managing Asbestos in Premises (Duty Holders)", "H&S", "", "", "", "6", "classroom"),
    ("DUD", "Asbestos Management for Duty Holders", "People Development", "", "", "", "", "classroom"),
)
add("working-at-height",
    ("STA", "L&D/055 Working at Height", "Health and Safety", "", "", "", "3", ""),
    ("GAT", "Work at Height & Ladder Safety", "Workforce Development", "", "", "", "", "classroom"),
    ("WLN", "Working at Heights", "", "", "", "", "", ""),
)
add("lone-working",
    ("SHR", "Lone Working and Personal Safety", "Health & Safety", "", "", "", "3", "classroom"),
    ("WAR", "Personal Safety for Lone Workers", "H&S", "Suzy Lamplugh Trust", "", "", "", ""),
    ("WGN", "eLearning - Lone Working", "Mandatory", "LearningPool", "", "", "", "e-learning"),
    ("DUD", "Lone Worker Safety", "People Development", "", "", "", "", ""),
    ("ANS", "Lone Working", "", "", "", "", "", ""),
    ("AGY", "Gweithio ar eich Pen eich Hun", "Iechyd a Diogelwch", "", "", "", "", "e-learning"),
)
add("legionella-awareness",
    ("NBL", "Legionella Awareness", "", "", "", "", "", ""),
    ("STA", "Legionella Awareness for Premises Managers", "Health and Safety", "", "", "", "3", ""),
)

# ---------------------------------------------------------------- first aid
add("first-aid-at-work",
    ("SHR", "First Aid at Work (3 day)", "Health & Safety", "St John Ambulance", "", "Level 3", "18", "classroom"),
    ("WAR", "HS20 FAW - First Aid at Work", "H&S", "St. John Ambulance", "", "", "18", "classroom"),
    ("WIL", "HS140 - FIRST AID AT WORK", "HEALTH AND SAFETY", "BRITISH RED CROSS", "", "", "", "classroom"),
    ("NBL", "First Aid at Work - Level 3 Award", "", "", "Qualsafe", "Level 3", "18", ""),
    ("STA", "FAW", "Health and Safety", "SJA", "", "", "", ""),
    ("WGN", "First Aid at Work", "Core Skills", "", "", "", "21", "classroom"),
    ("GAT", "First Aid at Work (3 days)", "Workforce Development", "Red Cross", "", "", "18", "classroom"),
    ("BNS", "FAW 3 Day", "", "", "", "", "", ""),
    ("FIF", "First Aid at Work", "Health, Safety & Wellbeing", "", "SQA", "SCQF 6", "18", "classroom"),
    ("ANS", "First Aid at Work (FAW)", "", "", "", "", "", "classroom"),
    ("GWN", "Cymorth Cyntaf yn y Gwaith (3 diwrnod)", "Iechyd a Diogelwch", "", "", "", "18", "classroom"),
    ("CMN", "First Aid at Work / Cymorth Cyntaf yn y Gwaith", "Health & Safety", "", "", "", "18", "classroom"),
)
add("first-aid-at-work-requalification",
    ("SHR", "First Aid at Work Requalification", "Health & Safety", "St John Ambulance", "", "", "12", "classroom"),
    ("WAR", "HS21 FAW Refresher (2 day)", "H&S", "St. John Ambulance", "", "", "12", "classroom"),
    ("WIL", "HS141 - FIRST AID AT WORK REQUALIFICATION", "HEALTH AND SAFETY", "BRITISH RED CROSS", "", "", "", ""),
    ("STA", "FAW Requal", "Health and Safety", "SJA", "", "", "", ""),
    ("GAT", "First Aid at Work - Refresher (2 days)", "Workforce Development", "", "", "", "12", ""),
    ("FIF", "First Aid at Work Requalification", "Health, Safety & Wellbeing", "", "", "", "12", "classroom"),
    ("ANS", "FAW Re-qualification", "", "", "", "", "", ""),
    ("GWN", "Cymorth Cyntaf yn y Gwaith - Adnewyddu", "Iechyd a Diogelwch", "", "", "", "12", "classroom"),
)
add("first-aid-annual-skills-update",
    ("SHR", "First Aid Annual Refresher (3 hours)", "Health & Safety", "", "", "", "3", "classroom"),
    ("NBL", "Annual First Aid Skills Update", "", "", "", "", "3", ""),
    ("DUD", "First Aid Annual Update (half day)", "People Development", "", "", "", "3", "classroom"),
)
add("emergency-first-aid-at-work",
    ("SHR", "Emergency First Aid at Work", "Health & Safety", "St John Ambulance", "", "", "6", "classroom"),
    ("WAR", "HS22 EFAW", "H&S", "", "", "", "6", ""),
    ("WIL", "HS142 - EMERGENCY FIRST AID AT WORK", "HEALTH AND SAFETY", "", "", "", "6", ""),
    ("NBL", "Emergency First Aid at Work (1 day)", "", "", "Qualsafe", "Level 3", "", ""),
    ("WGN", "Emergency First Aid at Work", "Core Skills", "", "", "", "", "classroom"),
    ("BNS", "EFAW", "", "", "", "", "", ""),
    ("DUD", "Emergency First Aid in the Workplace", "People Development", "", "", "", "6", "classroom"),
    ("CLD", "Emergency First Aid at Work (EFAW) - Level 3", "Health and Safety", "", "", "Level 3", "6", ""),
    ("EAY", "Emergency First Aid at Work", "", "", "", "", "", ""),
    ("WLN", "Emergency First Aid", "", "", "", "", "6", ""),
    ("AGY", "Cymorth Cyntaf Brys yn y Gwaith", "Iechyd a Diogelwch", "", "", "", "6", "classroom"),
)
add("paediatric-first-aid",
    ("STA", "Paediatric First Aid (12 hour)", "Early Years", "", "", "", "12", "classroom"),
    ("WGN", "Paediatric First Aid", "Early Years", "", "", "", "12", ""),
    ("GAT", "Paediatric First Aid - 2 day", "Early Years", "", "", "", "", ""),
    ("DUD", "Level 3 Award in Paediatric First Aid", "Early Years", "", "", "Level 3", "12", "blended"),
    ("FIF", "Paediatric First Aid", "Early Learning and Childcare", "", "", "", "12", ""),
    ("CMN", "Cymorth Cyntaf Pediatrig / Paediatric First Aid", "Blynyddoedd Cynnar", "", "", "", "12", ""),
)
add("emergency-paediatric-first-aid",
    ("WAR", "Emergency Paediatric First Aid (6 hour)", "Early Years", "", "", "", "6", "classroom"),
    ("BNS", "Emergency Paediatric First Aid", "", "", "", "", "", ""),
)

# ---------------------------------------------------------------- mental health
add("mental-health-awareness-elearning",
    ("SHR", "Mental Health Awareness (e-learning)", "Wellbeing", "Learning Pool", "", "", "1", "e-learning"),
    ("WAR", "Mental Health Awareness - eLearning", "Wellbeing", "", "", "", "", "e-learning"),
    ("WGN", "eLearning - Mental Health Awareness", "Mandatory", "LearningPool", "", "", "", "e-learning"),
    ("GAT", "Mental Health Awareness (online)", "Workforce Development", "", "", "", "", "e-learning"),
    ("DUD", "Mental Health Awareness e-Module", "People Development", "iHasco", "", "", "0.75", "e-learning"),
    ("FIF", "Mental Health Awareness", "Health, Safety & Wellbeing", "", "", "", "", "e-learning"),
    ("GWN", "Ymwybyddiaeth Iechyd Meddwl (e-ddysgu)", "Llesiant", "", "", "", "", "e-learning"),
)
add("mental-health-first-aid-2day",
    ("SHR", "Mental Health First Aid (2 day)", "Wellbeing", "MHFA England", "MHFA England", "", "12", "classroom"),
    ("WAR", "MHFA Adult Two Day", "Wellbeing", "", "", "", "", ""),
    ("WIL", "WB201 - MENTAL HEALTH FIRST AID", "WELLBEING", "", "", "", "12", "classroom"),
    ("NBL", "Mental Health First Aider course", "", "", "", "", "", ""),
    ("STA", "MHFA", "Corporate", "", "MHFA England", "", "", "live-online"),
    ("BNS", "Mental Health First Aid England - Adult 2 day", "", "", "", "", "14", ""),
    ("CLD", "Mental Health First Aid (MHFA)", "Wellbeing", "", "", "", "", ""),
    ("CMN", "Mental Health First Aid (MHFA) - 2 ddiwrnod", "Llesiant", "", "", "", "12", "classroom"),
)
add("mhfa-refresher",
    ("STA", "MHFA Refresher", "Corporate", "", "MHFA England", "", "4", "live-online"),
    ("BNS", "Mental Health First Aid Refresher (half day)", "", "", "", "", "4", ""),
)
add("mental-health-for-managers",
    ("SHR", "Supporting Mental Health in Your Team (Managers)", "Wellbeing", "", "", "", "3", ""),
    ("WGN", "Mental Health for Managers", "Management", "", "", "", "", "live-online"),
    ("FIF", "Mentally Healthy Workplace for Managers", "Health, Safety & Wellbeing", "", "", "", "", ""),
    ("DUD", "Managing Mental Health at Work - for line managers", "People Development", "", "", "", "3", ""),
)
add("personal-resilience",
    ("SHR", "Personal Resilience", "Wellbeing", "", "", "", "3", ""),
    ("NBL", "Building resilience", "", "", "", "", "", ""),
    ("DUD", "Resilience and Wellbeing Workshop", "People Development", "", "", "", "3", "classroom"),
)
add("stress-for-managers",
    ("WAR", "Managing Stress in Your Team", "Management Development", "", "", "", "3", ""),
    ("CLD", "Stress Risk Assessment for Managers", "Health and Safety", "", "", "", "", ""),
)
add("suicide-awareness",
    ("WGN", "Suicide Awareness (Zero Suicide Alliance)", "Wellbeing", "Zero Suicide Alliance", "", "", "0.33", "e-learning"),
    ("BNS", "Suicide Prevention Awareness", "", "", "", "", "", ""),
    ("GAT", "Zero Suicide Alliance - Suicide Awareness Training", "Workforce Development", "", "", "", "", "e-learning"),
)
add("asist",
    ("NBL", "ASIST - Applied Suicide Intervention Skills Training (2 day)", "", "LivingWorks", "", "", "14", "classroom"),
    ("FIF", "ASIST", "Health, Safety & Wellbeing", "", "", "", "", ""),
)
add("menopause-all-staff",
    ("SHR", "Menopause Awareness", "Wellbeing", "", "", "", "1.5", "live-online"),
    ("WIL", "WB210 - MENOPAUSE AWARENESS", "WELLBEING", "", "", "", "", ""),
    ("GAT", "Menopause Awareness for All Staff", "Workforce Development", "", "", "", "", ""),
    ("AGY", "Ymwybyddiaeth y Menopos", "Llesiant", "", "", "", "", ""),
)
add("menopause-managers",
    ("WAR", "Supporting Menopause at Work - Managers", "Management Development", "", "", "", "2", "live-online"),
    ("DUD", "Menopause Awareness for Managers", "People Development", "", "", "", "", ""),
    ("FIF", "Menopause - Guidance for Managers", "OD", "", "", "", "", ""),
)

# ---------------------------------------------------------------- safeguarding
add("safeguarding-awareness-all-staff",
    ("SHR", "Safeguarding Awareness for All Staff", "Safeguarding", "Learning Pool", "", "", "1", "e-learning"),
    ("WAR", "Corporate Safeguarding (All Staff) e-learning", "Safeguarding", "", "", "", "", "e-learning"),
    ("WIL", "SG001 - SAFEGUARDING AWARENESS", "SAFEGUARDING", "", "", "", "", "e-learning"),
    ("NBL", "Safeguarding - everyone's responsibility", "", "", "", "", "", "e-learning"),
    ("STA", "Safeguarding Essentials for all employees", "Corporate", "", "", "", "1", "e-learning"),
    ("WGN", "eLearning - Safeguarding Awareness", "Mandatory", "LearningPool", "", "", "", "e-learning"),
    ("GAT", "Basic Safeguarding Awareness", "Workforce Development", "", "", "", "", ""),
    ("BNS", "Safeguarding Adults and Children - Awareness", "", "", "", "", "", ""),
    ("DUD", "Corporate Safeguarding Awareness", "People Development", "", "", "", "", "e-learning"),
    ("CLD", "Safeguarding Awareness", "Safeguarding", "", "", "", "", ""),
    ("FIF", "Public Protection Awareness (Adults and Children)", "Public Protection", "", "", "", "", "e-learning"),
    ("GWN", "Ymwybyddiaeth Diogelu", "Diogelu", "", "", "", "", "e-learning"),
    ("AGY", "Ymwybyddiaeth Diogelu - pob aelod o staff", "Diogelu", "", "", "", "", "e-learning"),
    ("CMN", "Safeguarding Awareness / Ymwybyddiaeth Diogelu", "Safeguarding", "", "", "", "1", "e-learning"),
)
add("safeguarding-for-managers",
    ("SHR", "Safeguarding for Managers", "Safeguarding", "", "", "", "3", "classroom"),
    ("WIL", "SG002 - SAFEGUARDING FOR MANAGERS", "SAFEGUARDING", "", "", "", "3", ""),
    ("STA", "Safeguarding - Managers' Responsibilities", "Corporate", "", "", "", "", ""),
    ("DUD", "Safeguarding Responsibilities for Managers", "People Development", "", "", "", "", "live-online"),
    ("GWN", "Diogelu i Reolwyr", "Diogelu", "", "", "", "3", ""),
)
add("safeguarding-children-level-2",
    ("WAR", "Safeguarding Children Level 2", "Safeguarding", "", "", "Level 2", "3", ""),
    ("NBL", "Safeguarding Children - Level 2 (Multi-agency)", "", "", "", "Level 2", "", ""),
    ("BNS", "Child Protection Level 2", "", "", "", "2", "", ""),
    ("CLD", "Safeguarding Children and Young People Level 2", "Safeguarding", "", "", "Level 2", "", ""),
)
add("safeguarding-children-level-3",
    ("WAR", "Safeguarding Children Level 3", "Safeguarding", "", "", "Level 3", "6", ""),
    ("NBL", "Working Together to Safeguard Children - Level 3", "", "", "", "Level 3", "", "classroom"),
    ("BNS", "Safeguarding Children Level 3 (2 day)", "", "", "", "3", "12", ""),
    ("CLD", "Level 3 Safeguarding Children (Multi-Agency)", "Safeguarding", "", "", "Level 3", "", ""),
)
add("safeguarding-adults-level-2",
    ("SHR", "Safeguarding Adults Level 2", "Safeguarding", "", "", "Level 2", "3", ""),
    ("STA", "Safeguarding Adults at Risk - Level 2", "Care", "", "", "Level 2", "", ""),
    ("GAT", "Safeguarding Adults - Alerters (Level 2)", "Workforce Development", "", "", "Level 2", "", ""),
    ("WGN", "Safeguarding Adults Level 2", "Core Skills", "", "", "", "", "live-online"),
)
add("safeguarding-adults-level-3",
    ("SHR", "Safeguarding Adults Level 3 - Enquiries", "Safeguarding", "", "", "Level 3", "6", ""),
    ("STA", "Safeguarding Adults - Section 42 Enquiry Training (Level 3)", "Care", "", "", "Level 3", "", ""),
    ("GAT", "Safeguarding Adults Level 3", "Workforce Development", "", "", "Level 3", "", ""),
)
add("child-protection-general-contact-scotland",
    ("FIF", "Child Protection - General Contact Workforce", "Public Protection", "", "", "", "", "e-learning"),
    ("ANS", "Child Protection Awareness (General Workforce)", "", "", "", "", "", ""),
    ("WLN", "Child Protection - Level 1 General Contact", "", "", "", "Level 1", "", ""),
    ("EAY", "Child Protection Awareness", "", "", "", "", "", "e-learning"),
)
add("adult-support-protection-level-2",
    ("FIF", "Adult Support and Protection Level 2", "Public Protection", "", "", "Level 2", "6", ""),
    ("ANS", "ASP Level 2 - Specific Workforce", "", "", "", "Level 2", "", ""),
    ("WLN", "Adult Support & Protection (Level 2)", "", "", "", "Level 2", "", ""),
)
add("asp-council-officer",
    ("FIF", "ASP Council Officer Training", "Public Protection", "", "", "", "", ""),
    ("EAY", "Adult Support and Protection - Council Officer (5 days)", "", "", "", "", "32", "classroom"),
)
add("prevent-awareness-elearning",
    ("SHR", "Prevent Awareness (Home Office e-learning)", "Safeguarding", "Home Office", "", "", "1", "e-learning"),
    ("WAR", "Prevent Duty e-learning", "Safeguarding", "Home Office", "", "", "", "e-learning"),
    ("STA", "Prevent awareness", "Corporate", "", "", "", "", "e-learning"),
    ("WGN", "eLearning - Prevent", "Mandatory", "", "", "", "", "e-learning"),
    ("DUD", "Prevent - Home Office online training", "People Development", "Home Office", "", "", "", "e-learning"),
    ("CMN", "Prevent / Atal", "Safeguarding", "Home Office", "", "", "", "e-learning"),
)
add("prevent-wrap",
    ("NBL", "WRAP - Workshop to Raise Awareness of Prevent", "", "Prevent Coordinator", "", "", "1.5", "classroom"),
    ("GAT", "WRAP", "Workforce Development", "", "", "", "", ""),
    ("BNS", "Workshop to Raise Awareness of Prevent", "", "", "", "", "", ""),
    ("CLD", "Prevent WRAP Session", "Safeguarding", "", "", "", "1.5", "live-online"),
)
add("vawdasv-group-1",
    ("GWN", "Trais yn erbyn Menywod, Cam-drin Domestig a Thrais Rhywiol - Grŵp 1", "Diogelu", "", "", "Grŵp 1", "", "e-learning"),
    ("AGY", "VAWDASV Grŵp 1 (e-ddysgu)", "Diogelu", "", "", "Grŵp 1", "", "e-learning"),
    ("CMN", "VAWDASV Group 1 e-learning", "Safeguarding", "", "", "Group 1", "", "e-learning"),
)
add("vawdasv-group-2-ask-and-act",
    ("GWN", "Gofyn a Gweithredu (VAWDASV Grŵp 2)", "Diogelu", "", "", "Grŵp 2", "6", "classroom"),
    ("AGY", "Gofyn a Gweithredu", "Diogelu", "", "", "Grŵp 2", "", ""),
    ("CMN", "Ask and Act - VAWDASV Group 2", "Safeguarding", "", "", "Group 2", "6", "live-online"),
)
add("vawdasv-group-3",
    ("CMN", "VAWDASV Group 3", "Safeguarding", "", "", "Group 3", "12", "classroom"),
    ("AGY", "VAWDASV Grŵp 3", "Diogelu", "", "", "Grŵp 3", "", ""),
)
add("domestic-abuse-awareness",
    ("SHR", "Domestic Abuse Awareness", "Safeguarding", "", "", "", "3", ""),
    ("WAR", "Domestic Abuse - Recognising and Responding", "Safeguarding", "", "", "", "3", "live-online"),
    ("STA", "Domestic Abuse and Coercive Control Awareness", "Corporate", "", "", "", "", ""),
    ("WGN", "Domestic Abuse Awareness", "Core Skills", "", "", "", "", ""),
    ("GAT", "Domestic Abuse Basic Awareness", "Workforce Development", "", "", "", "", ""),
)
add("dash-risk-identification",
    ("STA", "DASH Risk Identification Checklist Training", "Safeguarding", "", "", "", "3", ""),
    ("DUD", "DASH RIC and MARAC", "People Development", "", "", "", "", ""),
    ("BNS", "Domestic Abuse Risk Assessment (DASH)", "", "", "", "", "", ""),
)
add("safer-recruitment",
    ("SHR", "Safer Recruitment", "HR", "", "", "", "6", "classroom"),
    ("WAR", "Safer Recruitment in Education", "Education", "", "", "", "6", ""),
    ("WIL", "HR050 - SAFER RECRUITMENT", "HR", "", "", "", "", ""),
    ("STA", "L&D/012 Safer Recruitment Training", "HR", "", "", "", "", "live-online"),
    ("DUD", "Safer Recruitment (Children's Workforce)", "People Development", "", "", "", "6", ""),
    ("CLD", "Safer Recruitment", "HR", "", "", "", "", ""),
    ("GWN", "Recriwtio'n Fwy Diogel", "Adnoddau Dynol", "", "", "", "6", ""),
)

# ---------------------------------------------------------------- people management
add("recruitment-and-selection",
    ("SHR", "Recruitment and Selection", "HR", "", "", "", "3", ""),
    ("WAR", "MD04 Recruitment and Selection for Managers", "Management Development", "", "", "", "3", ""),
    ("WIL", "HR051 - RECRUITMENT AND SELECTION", "HR", "", "", "", "", ""),
    ("NBL", "Recruitment & Selection Skills", "", "", "", "", "", ""),
    ("STA", "L&D/011 Recruitment and Selection", "HR", "", "", "", "3", ""),
    ("BNS", "Interviewing and Selection Skills", "", "", "", "", "", ""),
    ("FIF", "Recruitment and Selection (Managers)", "OD", "", "", "", "", ""),
    ("AGY", "Recriwtio a Dethol", "Adnoddau Dynol", "", "", "", "", ""),
)
add("managing-attendance",
    ("SHR", "Managing Sickness Absence", "HR", "", "", "", "3", ""),
    ("WAR", "MD02 Managing Attendance", "Management Development", "", "", "", "3", "classroom"),
    ("WIL", "HR020 - MANAGING ATTENDANCE", "HR", "", "", "", "", ""),
    ("NBL", "Managing attendance at work", "", "", "", "", "", ""),
    ("STA", "L&D/014 Attendance Management", "HR", "", "", "", "", "live-online"),
    ("GAT", "Managing Absence", "Workforce Development", "", "", "", "", ""),
    ("BNS", "Managing Sickness Absence Policy Training", "", "", "", "", "", ""),
    ("DUD", "Supporting Attendance", "People Development", "", "", "", "3", ""),
    ("FIF", "Maximising Attendance", "OD", "", "", "", "3", ""),
    ("WLN", "Managing Attendance", "", "", "", "", "", ""),
    ("EAY", "Maximising Attendance - Managers", "", "", "", "", "", ""),
    ("GWN", "Rheoli Absenoldeb Salwch", "Adnoddau Dynol", "", "", "", "3", ""),
)
add("disciplinary-investigations",
    ("WAR", "MD06 Conducting Investigations", "Management Development", "", "", "", "6", ""),
    ("WIL", "HR030 - DISCIPLINARY INVESTIGATIONS", "HR", "", "", "", "6", ""),
    ("STA", "L&D/016 Investigating Officer Training", "HR", "", "", "", "", ""),
    ("GAT", "Conducting Disciplinary Investigations", "Workforce Development", "", "", "", "", ""),
    ("FIF", "Investigation Skills (Discipline)", "OD", "", "", "", "", ""),
)
add("managing-capability",
    ("SHR", "Managing Performance and Capability", "HR", "", "", "", "3", ""),
    ("DUD", "Managing Underperformance and Capability", "People Development", "", "", "", "", ""),
    ("EAY", "Managing Capability", "", "", "", "", "", ""),
)
add("appraisal-for-managers",
    ("SHR", "Appraisal Skills for Managers", "HR", "", "", "", "3", ""),
    ("WGN", "Having Effective Appraisal Conversations", "Management", "", "", "", "", "live-online"),
    ("CLD", "Performance and Development Review (PDR) for Managers", "Management", "", "", "", "", ""),
    ("FIF", "PRD - Personal Review and Development for Reviewers", "OD", "", "", "", "", ""),
    ("ANS", "Personal Development Review (Reviewers)", "", "", "", "", "", ""),
)
add("coaching-skills",
    ("SHR", "Coaching Skills for Managers", "Management", "", "", "", "6", "classroom"),
    ("STA", "L&D/023 Coaching Skills", "Management", "", "", "", "6", ""),
    ("WIL", "MD200 - COACHING SKILLS", "MANAGEMENT DEVELOPMENT", "", "", "", "", ""),
    ("NBL", "Introduction to coaching", "", "", "", "", "", ""),
    ("DUD", "Coaching Skills", "People Development", "", "", "", "", ""),
    ("FIF", "Coaching Conversations for Managers", "OD", "", "", "", "3", ""),
)
add("ilm-l5-coaching-mentoring",
    ("NBL", "ILM Level 5 Certificate in Coaching and Mentoring", "", "", "ILM", "Level 5", "", "blended"),
    ("GAT", "ILM 5 Coaching & Mentoring", "Workforce Development", "", "ILM", "5", "", ""),
)
add("ilm-l3-certificate-leadership-management",
    ("SHR", "ILM Level 3 Certificate in Leadership and Management", "Management", "", "ILM", "Level 3", "", "blended"),
    ("WAR", "ILM 3 Leadership & Management", "Management Development", "", "ILM", "3", "", ""),
    ("STA", "Level 3 Certificate in Leadership and Management (ILM)", "Management", "", "ILM", "Level 3", "", ""),
    ("DUD", "ILM Level 3 Certificate in Leadership & Management", "People Development", "", "ILM", "L3", "", ""),
    ("FIF", "ILM Level 3 Certificate in Leadership and Management", "OD", "", "ILM", "SCQF 6", "", ""),
)
add("ilm-l5-certificate-leadership-management",
    ("SHR", "ILM Level 5 Certificate in Leadership and Management", "Management", "", "ILM", "Level 5", "", "blended"),
    ("STA", "Level 5 Certificate in Leadership and Management (ILM)", "Management", "", "ILM", "Level 5", "", ""),
    ("GAT", "ILM 5 Leadership & Management", "Workforce Development", "", "ILM", "5", "", ""),
    ("DUD", "ILM Level 5 Certificate in Leadership & Management", "People Development", "", "ILM", "L5", "", ""),
    ("WLN", "ILM Level 5 in Leadership and Management", "", "", "ILM", "Level 5", "", ""),
)
add("cipd-level-5",
    ("WAR", "CIPD Level 5 Associate Diploma in People Management", "HR", "", "CIPD", "Level 5", "", "live-online"),
    ("DUD", "CIPD Level 5 Associate Diploma in People Management", "People Development", "", "CIPD", "5", "", ""),
    ("FIF", "CIPD L5 Associate Diploma (People Management)", "OD", "", "CIPD", "L5", "", ""),
    ("GWN", "CIPD Lefel 5 - Diploma Cyswllt mewn Rheoli Pobl", "Adnoddau Dynol", "", "CIPD", "Lefel 5", "", ""),
)
add("cipd-level-7",
    ("WAR", "CIPD Level 7 Advanced Diploma in Strategic People Management", "HR", "", "CIPD", "Level 7", "", ""),
    ("DUD", "CIPD Level 7 Advanced Diploma", "People Development", "", "CIPD", "7", "", ""),
    ("FIF", "CIPD Level 7 Advanced Diploma in Strategic People Management", "OD", "", "CIPD", "L7", "", ""),
)
add("budget-management-non-finance",
    ("SHR", "Budget Management for Non-Financial Managers", "Finance", "", "", "", "3", ""),
    ("WAR", "MD10 Finance for Non-Finance Managers", "Management Development", "", "", "", "6", ""),
    ("WIL", "FN010 - FINANCE FOR NON-FINANCE MANAGERS", "FINANCE", "", "", "", "", ""),
    ("GAT", "Understanding Budgets (non-finance managers)", "Workforce Development", "", "", "", "", ""),
    ("FIF", "Budget Management for Budget Holders", "Finance", "", "", "", "3", ""),
    ("ANS", "Finance for Non-Financial Managers", "", "", "", "", "", ""),
)
add("contract-management",
    ("STA", "L&D/041 Contract Management Essentials", "Commercial", "", "", "", "6", ""),
    ("DUD", "Contract Management Training", "People Development", "", "", "", "", ""),
    ("FIF", "Contract and Supplier Management", "Procurement", "", "", "", "", ""),
)

# ---------------------------------------------------------------- customer / conflict
add("customer-care",
    ("SHR", "Customer Care", "Customer Service", "", "", "", "3", ""),
    ("WAR", "Excellent Customer Service", "Customer Service", "", "", "", "3", ""),
    ("NBL", "Customer service skills", "", "", "", "", "", ""),
    ("WGN", "Customer Care", "Core Skills", "", "", "", "", ""),
    ("BNS", "Delivering Excellent Customer Service", "", "", "", "", "", ""),
    ("EAY", "Customer Care Skills", "", "", "", "", "", ""),
    ("GWN", "Gofal Cwsmer", "Gwasanaeth Cwsmer", "", "", "", "3", ""),
)
add("challenging-customer-behaviour",
    ("SHR", "Challenging Customer Behaviour", "Customer Service", "", "", "", "3", ""),
    ("WAR", "Dealing with Difficult Customers", "Customer Service", "", "", "", "3", ""),
    ("WIL", "CS020 - DEALING WITH DIFFICULT SITUATIONS AND CUSTOMERS", "CUSTOMER SERVICE", "", "", "", "", ""),
    ("STA", "L&D/027 Handling Challenging Conversations with Customers", "Customer Service", "", "", "", "", ""),
    ("GAT", "Dealing with Difficult and Challenging Customers", "Workforce Development", "", "", "", "", ""),
    ("DUD", "Managing Challenging Customer Behaviour", "People Development", "", "", "", "3", ""),
    ("AGY", "Delio â Chwsmeriaid Anodd", "Gwasanaeth Cwsmer", "", "", "", "", ""),
)
add("conflict-resolution",
    ("SHR", "Conflict Resolution", "Health & Safety", "", "", "", "3", "classroom"),
    ("NBL", "Managing aggression", "", "", "", "", "", ""),
    ("STA", "L&D/053 Conflict Management and De-escalation", "Health and Safety", "", "", "", "3", ""),
    ("WGN", "Conflict Resolution Training", "Core Skills", "", "", "", "", ""),
    ("BNS", "Managing Violence and Aggression (de-escalation)", "", "", "", "", "", ""),
    ("CLD", "Managing Conflict and Aggression", "Health and Safety", "", "", "", "", ""),
    ("FIF", "Managing Aggression and Violence", "Health, Safety & Wellbeing", "", "", "", "", ""),
)
add("breakaway-techniques",
    ("WAR", "Breakaway Techniques", "H&S", "", "", "", "3", "classroom"),
    ("GAT", "Breakaway Training", "Workforce Development", "", "", "", "", "classroom"),
)

# ---------------------------------------------------------------- personal effectiveness
add("report-writing",
    ("SHR", "Report Writing", "Personal Development", "", "", "", "3", ""),
    ("WAR", "Writing Effective Reports", "Personal Development", "", "", "", "3", ""),
    ("WIL", "PD030 - REPORT WRITING", "PERSONAL DEVELOPMENT", "", "", "", "", ""),
    ("STA", "L&D/031 Effective Report Writing", "Personal Development", "", "", "", "", ""),
    ("DUD", "Report Writing Skills", "People Development", "", "", "", "", "live-online"),
    ("FIF", "Writing Effective Reports", "OD", "", "", "", "", ""),
)
add("minute-taking",
    ("SHR", "Minute Taking", "Personal Development", "", "", "", "3", ""),
    ("WAR", "Effective Minute Taking", "Personal Development", "", "", "", "3", ""),
    ("NBL", "Minute taking skills", "", "", "", "", "", ""),
    ("GAT", "Minute Taking", "Workforce Development", "", "", "", "", ""),
    ("BNS", "Minute Taking", "", "", "", "", "", ""),
    ("ANS", "Minute Taking Skills", "", "", "", "", "", ""),
    ("CMN", "Cymryd Cofnodion / Minute Taking", "Personal Development", "", "", "", "3", ""),
)
add("chairing-meetings",
    ("STA", "L&D/034 Chairing Meetings Effectively", "Personal Development", "", "", "", "3", ""),
    ("DUD", "Effective Chairing Skills", "People Development", "", "", "", "", ""),
)
add("time-management",
    ("SHR", "Time Management", "Personal Development", "", "", "", "3", ""),
    ("NBL", "Managing your time and priorities", "", "", "", "", "", ""),
    ("WGN", "Time Management", "Core Skills", "", "", "", "", "live-online"),
    ("DUD", "Time and Workload Management", "People Development", "", "", "", "", ""),
)
add("assertiveness",
    ("WAR", "Assertiveness Skills", "Personal Development", "", "", "", "3", ""),
    ("STA", "L&D/017 Assertiveness", "Personal Development", "", "", "", "", ""),
    ("GAT", "Assertiveness at Work", "Workforce Development", "", "", "", "", ""),
)
add("presentation-skills",
    ("SHR", "Presentation Skills", "Personal Development", "", "", "", "6", ""),
    ("WIL", "PD040 - PRESENTATION SKILLS", "PERSONAL DEVELOPMENT", "", "", "", "", ""),
    ("BNS", "Effective Presentations", "", "", "", "", "", ""),
)
add("project-management-intro",
    ("STA", "L&D/044 Introduction to Project Management", "Personal Development", "", "", "", "6", ""),
    ("FIF", "Project Management Fundamentals", "OD", "", "", "", "", ""),
)
add("prince2-foundation",
    ("WAR", "PRINCE2 Foundation", "IT", "", "PeopleCert", "Foundation", "21", ""),
    ("WLN", "PRINCE2 Foundation Certificate", "", "", "AXELOS", "Foundation", "", ""),
)

# ---------------------------------------------------------------- digital
add("excel-introduction",
    ("SHR", "Excel - Introduction", "Digital", "", "", "", "3", "live-online"),
    ("WAR", "IT01 Microsoft Excel Beginners", "IT", "", "", "", "6", "classroom"),
    ("WIL", "IT010 - EXCEL INTRODUCTION", "IT", "", "", "", "", ""),
    ("STA", "Excel Level 1", "Digital Skills", "", "", "", "", ""),
    ("WGN", "Microsoft Excel - Introduction", "Core Skills", "", "", "", "", ""),
    ("FIF", "Excel Essentials (Beginners)", "Digital", "", "", "", "", ""),
    ("CMN", "Excel - Cyflwyniad / Introduction", "Digital", "", "", "", "3", ""),
)
add("excel-intermediate",
    ("SHR", "Excel - Intermediate", "Digital", "", "", "", "3", "live-online"),
    ("WIL", "IT011 - EXCEL INTERMEDIATE", "IT", "", "", "", "", ""),
    ("STA", "Excel Level 2", "Digital Skills", "", "", "", "", ""),
    ("FIF", "Excel Intermediate", "Digital", "", "", "", "", ""),
)
add("excel-pivot-tables",
    ("WAR", "IT05 Excel Pivot Tables", "IT", "", "", "", "3", ""),
    ("STA", "Excel - PivotTables and PivotCharts", "Digital Skills", "", "", "", "", ""),
    ("GAT", "Excel Pivot Tables and Data Analysis", "Workforce Development", "", "", "", "", ""),
)
add("microsoft-teams-essentials",
    ("SHR", "Microsoft Teams Essentials", "Digital", "", "", "", "1.5", "live-online"),
    ("BNS", "Using Microsoft Teams", "", "", "", "", "", ""),
    ("DUD", "MS Teams - Getting Started", "People Development", "", "", "", "", "e-learning"),
)
add("cyber-security-awareness",
    ("SHR", "Cyber Security Awareness", "Information Governance", "", "", "", "0.5", "e-learning"),
    ("WGN", "eLearning - Cyber Security", "Mandatory", "", "", "", "", "e-learning"),
    ("GAT", "Cyber Security Essentials", "Workforce Development", "", "", "", "", "e-learning"),
    ("DUD", "Cyber Security Awareness", "People Development", "", "", "", "", "e-learning"),
    ("FIF", "Cyber Resilience Awareness", "Information Governance", "", "", "", "", "e-learning"),
    ("ANS", "Cyber Security", "", "", "", "", "", "e-learning"),
)
add("data-protection-elearning",
    ("SHR", "Data Protection (GDPR) e-learning", "Information Governance", "", "", "", "1", "e-learning"),
    ("WAR", "Information Governance & Data Protection", "IG", "", "", "", "", "e-learning"),
    ("WIL", "IG001 - DATA PROTECTION AWARENESS", "INFORMATION GOVERNANCE", "", "", "", "", "e-learning"),
    ("NBL", "GDPR - Data Protection Essentials", "", "", "", "", "", "e-learning"),
    ("STA", "Data Protection Awareness", "Corporate", "", "", "", "", "e-learning"),
    ("WGN", "eLearning - Data Protection", "Mandatory", "", "", "", "", "e-learning"),
    ("BNS", "UK GDPR Awareness", "", "", "", "", "", ""),
    ("DUD", "Data Protection and Information Security", "People Development", "", "", "", "", "e-learning"),
    ("FIF", "Data Protection Essentials", "Information Governance", "", "", "", "", "e-learning"),
    ("WLN", "Data Protection (GDPR)", "", "", "", "", "", ""),
    ("GWN", "Diogelu Data (GDPR)", "Llywodraethu Gwybodaeth", "", "", "", "", "e-learning"),
)
add("subject-access-requests",
    ("WAR", "Handling Subject Access Requests", "IG", "", "", "", "3", ""),
    ("STA", "Subject Access Requests - Practitioner", "Information Governance", "", "", "", "", ""),
    ("FIF", "Responding to Subject Access Requests", "Information Governance", "", "", "", "", ""),
)
add("foi-request-handling-england",
    ("SHR", "Freedom of Information - Handling Requests", "Information Governance", "", "", "", "3", ""),
    ("DUD", "FOI and EIR for Practitioners", "People Development", "", "", "", "", ""),
)

# ---------------------------------------------------------------- equality
add("equality-diversity-elearning",
    ("SHR", "Equality, Diversity and Inclusion (e-learning)", "Equality", "", "", "", "1", "e-learning"),
    ("WAR", "Equality and Diversity Awareness", "Equality", "", "", "", "", "e-learning"),
    ("WIL", "EQ001 - EQUALITY AND DIVERSITY", "EQUALITY", "", "", "", "", "e-learning"),
    ("WGN", "eLearning - Equality, Diversity & Inclusion", "Mandatory", "", "", "", "", "e-learning"),
    ("GAT", "Equality and Diversity", "Workforce Development", "", "", "", "", ""),
    ("BNS", "EDI Essentials", "", "", "", "", "", ""),
    ("FIF", "Equality and Diversity", "OD", "", "", "", "", "e-learning"),
    ("CMN", "Cydraddoldeb ac Amrywiaeth / Equality and Diversity", "Equality", "", "", "", "", "e-learning"),
)
add("unconscious-bias-workshop",
    ("SHR", "Unconscious Bias Workshop", "Equality", "", "", "", "3", "classroom"),
    ("STA", "Understanding Unconscious Bias", "Corporate", "", "", "", "", "live-online"),
    ("DUD", "Unconscious Bias Training", "People Development", "", "", "", "", ""),
    ("WLN", "Unconscious Bias", "", "", "", "", "", ""),
)

# ---------------------------------------------------------------- Welsh language
add("welsh-for-work-entry",
    ("GWN", "Cymraeg Gwaith – Lefel Mynediad", "Iaith Gymraeg", "Dysgu Cymraeg", "", "Mynediad", "60", "blended"),
    ("AGY", "Dysgu Cymraeg - Mynediad", "Iaith Gymraeg", "Dysgu Cymraeg Gogledd Orllewin", "", "Mynediad", "", "live-online"),
    ("CMN", "Welsh for work – Entry level", "Welsh Language", "Learn Welsh", "", "Entry", "60", ""),
)
add("welsh-for-work-foundation",
    ("GWN", "Cymraeg Gwaith – Lefel Sylfaen", "Iaith Gymraeg", "Dysgu Cymraeg", "", "Sylfaen", "", "blended"),
    ("AGY", "Dysgu Cymraeg - Sylfaen", "Iaith Gymraeg", "", "", "Sylfaen", "", ""),
    ("CMN", "Welsh for work – Foundation level", "Welsh Language", "Learn Welsh", "", "Foundation", "", ""),
)
add("welsh-for-work-intermediate",
    ("GWN", "Cymraeg Gwaith – Lefel Canolradd", "Iaith Gymraeg", "Dysgu Cymraeg", "", "Canolradd", "", ""),
    ("CMN", "Welsh for work – Intermediate (Canolradd)", "Welsh Language", "", "", "Intermediate", "", ""),
)
add("welsh-language-awareness",
    ("AGY", "Ymwybyddiaeth Iaith Gymraeg", "Iaith Gymraeg", "", "", "", "1.5", ""),
    ("CMN", "Welsh Language Awareness", "Welsh Language", "", "", "", "1.5", "e-learning"),
)

# ---------------------------------------------------------------- care & health
add("dementia-friends",
    ("NBL", "Dementia Friends Information Session", "", "Alzheimer's Society", "", "", "1", ""),
    ("DUD", "Dementia Friends session", "People Development", "", "", "", "1", ""),
    ("ANS", "Dementia Friends Scotland session", "", "Alzheimer Scotland", "", "", "1", ""),
)
add("dementia-level-2",
    ("SHR", "Dementia Awareness Level 2", "Adult Social Care", "", "", "Level 2", "6", ""),
    ("STA", "Dementia Care - Level 2", "Care", "", "", "Level 2", "", ""),
)
add("mca-awareness",
    ("SHR", "Mental Capacity Act Awareness", "Adult Social Care", "", "", "", "3", ""),
    ("WAR", "Mental Capacity Act (MCA) e-learning", "Social Care", "", "", "", "", "e-learning"),
    ("STA", "MCA and DoLS Awareness", "Care", "", "", "", "", ""),
    ("WGN", "Mental Capacity Act 2005 - Introduction", "Core Skills", "", "", "", "", ""),
    ("GAT", "MCA Awareness", "Workforce Development", "", "", "", "", ""),
)
add("mca-capacity-assessment-practitioners",
    ("SHR", "Assessing Capacity and Best Interests Decisions", "Adult Social Care", "", "", "", "6", ""),
    ("STA", "Mental Capacity Assessment for Practitioners", "Care", "", "", "", "", ""),
    ("GAT", "MCA - Capacity Assessment and Best Interests (Practitioners)", "Workforce Development", "", "", "", "", ""),
)
add("best-interests-assessor",
    ("WAR", "Best Interests Assessor (BIA) Qualification", "Social Care", "University of Warwick", "", "Level 7", "", ""),
    ("DUD", "Best Interests Assessor training (university accredited)", "People Development", "", "", "", "", ""),
)
add("medication-administration",
    ("SHR", "Medication Administration (Care Staff)", "Adult Social Care", "", "", "", "6", ""),
    ("STA", "Safe Handling of Medicines", "Care", "", "", "", "", ""),
    ("BNS", "Administration of Medication", "", "", "", "", "", ""),
    ("WGN", "Medication Awareness for Care Staff", "Core Skills", "", "", "", "", ""),
    ("GAT", "Safe Administration of Medicines", "Workforce Development", "", "", "", "", ""),
)
add("medication-competency-assessor",
    ("STA", "Medication Competency Assessor", "Care", "", "", "", "6", ""),
    ("BNS", "Medication Competency Assessment Training for Managers", "", "", "", "", "", ""),
)
add("diploma-care-level-2",
    ("SHR", "Level 2 Diploma in Care", "Adult Social Care", "", "City & Guilds", "Level 2", "", "blended"),
    ("STA", "Level 2 Diploma in Care (RQF)", "Care", "", "", "RQF Level 2", "", ""),
    ("BNS", "L2 Diploma in Care", "", "", "", "2", "", ""),
    ("WGN", "Level 2 Diploma in Care (Adult Social Care)", "Core Skills", "", "", "Level 2", "", ""),
)
add("diploma-adult-care-level-3",
    ("SHR", "Level 3 Diploma in Adult Care", "Adult Social Care", "", "City & Guilds", "Level 3", "", "blended"),
    ("STA", "Level 3 Diploma in Adult Care (RQF)", "Care", "", "", "RQF Level 3", "", ""),
    ("BNS", "Adult Care Level 3 Diploma", "", "", "", "3", "", ""),
    ("GAT", "Level 3 Diploma in Adult Care", "Workforce Development", "", "", "Level 3", "", ""),
)
add("diploma-l5-leadership-adult-care",
    ("SHR", "Level 5 Diploma in Leadership and Management for Adult Care", "Adult Social Care", "", "", "Level 5", "", ""),
    ("STA", "Level 5 Diploma in Leadership & Management for Adult Care (RQF)", "Care", "", "", "RQF Level 5", "", ""),
    ("GAT", "L5 Leadership and Management in Adult Care", "Workforce Development", "", "", "5", "", ""),
)
add("svq-social-services-healthcare-l3",
    ("FIF", "SVQ Social Services and Healthcare SCQF Level 7", "Social Work", "", "SQA", "SCQF 7", "", ""),
    ("ANS", "SVQ 3 Social Services and Healthcare", "", "", "SQA", "3", "", ""),
    ("WLN", "SVQ Level 3 Social Services & Healthcare", "", "", "SQA", "Level 3", "", ""),
)
add("care-certificate",
    ("SHR", "Care Certificate", "Adult Social Care", "", "", "", "", "blended"),
    ("STA", "Care Certificate Induction", "Care", "", "", "", "", ""),
    ("WGN", "The Care Certificate (15 Standards)", "Core Skills", "", "", "", "", ""),
)
add("infection-prevention-control",
    ("SHR", "Infection Prevention and Control", "Adult Social Care", "", "", "", "2", "e-learning"),
    ("STA", "Infection Control", "Care", "", "", "", "", ""),
    ("BNS", "IPC Awareness", "", "", "", "", "", ""),
)
add("food-hygiene-level-2",
    ("SHR", "Level 2 Food Safety and Hygiene", "Catering", "", "Highfield", "Level 2", "6", ""),
    ("NBL", "Food Hygiene Level 2", "", "", "", "Level 2", "", ""),
    ("WGN", "Food Safety Level 2 (Catering)", "Core Skills", "", "", "Level 2", "", "e-learning"),
    ("BNS", "Level 2 Award in Food Safety in Catering", "", "", "", "2", "", ""),
    ("FIF", "Elementary Food Hygiene", "Facilities", "", "REHIS", "", "6", ""),
    ("ANS", "REHIS Elementary Food Hygiene", "", "", "REHIS", "", "6", "classroom"),
)
add("food-hygiene-level-3",
    ("NBL", "Level 3 Supervising Food Safety", "", "", "", "Level 3", "", ""),
    ("BNS", "Level 3 Award in Supervising Food Safety in Catering", "", "", "", "3", "", ""),
    ("ANS", "REHIS Intermediate Food Hygiene", "", "", "REHIS", "", "", ""),
)
add("allergen-awareness",
    ("WGN", "Food Allergen Awareness", "Core Skills", "Food Standards Agency", "", "", "1", "e-learning"),
    ("ANS", "Allergen Awareness", "", "", "", "", "", ""),
)
add("autism-awareness",
    ("SHR", "Autism Awareness", "Adult Social Care", "", "", "", "3", ""),
    ("WAR", "Understanding Autism", "Social Care", "", "", "", "", ""),
    ("DUD", "Autism Awareness Training", "People Development", "", "", "", "", ""),
)
add("oliver-mcgowan-tier-1",
    ("STA", "Oliver McGowan Mandatory Training - Tier 1", "Care", "", "", "Tier 1", "1", "live-online"),
    ("GAT", "Oliver McGowan Tier 1 (webinar)", "Workforce Development", "", "", "Tier 1", "1", "live-online"),
)
add("oliver-mcgowan-tier-2",
    ("SHR", "Oliver McGowan Mandatory Training - Tier 2", "Adult Social Care", "", "", "Tier 2", "6", "classroom"),
    ("BNS", "Oliver McGowan Tier 2 face to face", "", "", "", "Tier 2", "", "classroom"),
)

# ---------------------------------------------------------------- corporate misc
add("carbon-literacy",
    ("SHR", "Carbon Literacy", "Climate", "", "Carbon Literacy Project", "", "8", ""),
    ("WGN", "Carbon Literacy Training (1 day)", "Core Skills", "", "", "", "7", ""),
    ("GAT", "Carbon Literacy for Staff", "Workforce Development", "", "", "", "", "live-online"),
)
add("corporate-induction",
    ("SHR", "Corporate Induction", "Corporate", "", "", "", "3", ""),
    ("WAR", "Welcome to Warwickshire - Corporate Induction", "Corporate", "", "", "", "", ""),
    ("GAT", "Corporate Welcome Event", "Workforce Development", "", "", "", "", "conference"),
)
add("midas-minibus",
    ("WAR", "MiDAS Minibus Driver Awareness", "Transport", "CTA", "", "", "6", ""),
    ("NBL", "MiDAS Standard", "", "", "", "", "", ""),
    ("GAT", "Minibus Driver Awareness Scheme (MiDAS)", "Workforce Development", "", "", "", "", ""),
)
add("trauma-informed-practice",
    ("WGN", "Trauma Informed Practice", "Core Skills", "", "", "", "3", ""),
    ("BNS", "Trauma-informed approaches", "", "", "", "", "", ""),
    ("FIF", "Trauma Informed Practice - Informed Level", "Public Protection", "NES", "", "Informed", "", "e-learning"),
)
add("loggist-training",
    ("NBL", "Loggist Training", "", "", "", "", "3", ""),
    ("CLD", "Emergency Response - Loggist", "Emergency Planning", "", "", "", "", ""),
    ("EAY", "Resilience: Loggist Training", "", "", "", "", "", ""),
)
add("rest-centre-volunteer",
    ("STA", "Rest Centre Training", "Emergency Planning", "", "", "", "3", ""),
    ("DUD", "Emergency Rest Centre Volunteer Training", "People Development", "", "", "", "", ""),
)

# ---------------------------------------------------------------- singletons (no cross-council equivalent here)
add("abrasive-wheels", ("WIL", "HS130 - ABRASIVE WHEELS", "HEALTH AND SAFETY", "", "", "", "6", "classroom"))
add("chainsaw-cs30", ("FIF", "Chainsaw Maintenance and Cross-cutting (CS30)", "Grounds", "Lantra", "City & Guilds NPTC", "", "", "classroom"))
add("pesticide-pa1-pa6", ("NBL", "PA1 & PA6 Pesticide Application", "", "", "City & Guilds NPTC", "", "", ""))
add("personal-licence", ("WAR", "Licensing Act 2003 Personal Licence Holder", "Licensing", "", "", "Level 2", "6", ""))
add("planning-enforcement-update", ("STA", "L&D/061 Planning Enforcement Update", "Planning", "", "", "", "3", ""))
add("court-skills-social-workers", ("DUD", "Court Skills for Social Workers", "People Development", "", "", "", "6", ""))
add("writing-committee-reports", ("CLD", "Writing Committee Reports", "Democratic Services", "", "", "", "3", ""))
add("foisa-request-handling", ("EAY", "Freedom of Information (Scotland) Act - Responding to Requests", "Information Governance", "", "", "", "", ""))
add("mapa-foundation", ("BNS", "MAPA - Management of Actual or Potential Aggression (Foundation)", "", "Crisis Prevention Institute", "", "Foundation", "", ""))
add("cipd-level-3", ("BNS", "CIPD Level 3 Foundation Certificate in People Practice", "", "", "CIPD", "3", "", ""))
add("shropshire-management-essentials", ("SHR", "Management Essentials Programme", "Management", "", "", "", "", "blended"))
add("positive-behaviour-support", ("NBL", "Positive Behaviour Support", "", "", "", "", "", ""))
add("motivational-interviewing", ("WGN", "Motivational Interviewing", "Core Skills", "", "", "", "6", ""))
add("signs-of-safety-practitioner", ("GAT", "Signs of Safety - 2 day practitioner", "Workforce Development", "", "", "", "12", ""))
add("gaelic-awareness", ("FIF", "Gaelic Awareness", "OD", "", "", "", "1", "e-learning"))
add("lean-six-sigma-yellow", ("WLN", "Lean Six Sigma Yellow Belt", "", "", "", "Yellow Belt", "", ""))
add("welsh-language-improvement", ("AGY", "Gloywi Iaith", "Iaith Gymraeg", "", "", "Uwch", "", ""))
add("simultaneous-translation", ("GWN", "Cyfieithu ar y Pryd", "Iaith Gymraeg", "", "", "", "", ""))
add("powerpoint", ("WIL", "IT030 - POWERPOINT", "IT", "", "", "", "3", ""))
add("root-cause-analysis", ("DUD", "Root Cause Analysis", "People Development", "", "", "", "", ""))
add("welfare-benefits-update", ("SHR", "Welfare Benefits Update", "Revenues and Benefits", "", "", "", "3", ""))
add("social-media-officers", ("STA", "L&D/072 Social Media for Council Officers", "Communications", "", "", "", "", ""))
add("contextual-safeguarding", ("WAR", "Contextual Safeguarding", "Safeguarding", "", "", "", "3", ""))
add("pvg-scheme-awareness", ("WLN", "PVG Scheme - Disclosure Scotland Awareness", "", "", "", "", "", ""))
add("makaton-foundation", ("STA", "Makaton Foundation Workshop", "Early Years", "The Makaton Charity", "", "Foundation", "6", ""))


def main():
    rows = []
    rid = 1
    for cluster, recs in C.items():
        for (cc, title, topic, provider, accr, level, hours, method) in recs:
            assert cc in COUNCILS, cc
            assert method in ("", "classroom", "e-learning", "live-online", "blended", "coaching", "conference"), method
            rows.append([rid, COUNCILS[cc], title, topic, provider, accr, level, hours, method, cluster])
            rid += 1
    # interleave deterministically by council so councils are not in one block
    rows.sort(key=lambda r: (r[1], r[0]))
    for i, r in enumerate(rows, 1):
        r[0] = i
    with open(OUT, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["record_id", "council", "title", "topic", "provider_name", "accreditation",
                    "level", "duration_hours", "delivery_method", "cluster"])
        w.writerows(rows)
    print(f"wrote {len(rows)} rows, {len(C)} clusters -> {OUT}")


if __name__ == "__main__":
    main()
