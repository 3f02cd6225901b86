"""Build ``built_in_celtic_nations.csv``: a labelled overlap set for Scottish, Northern Irish and Welsh councils.

Written by hand from general knowledge of learning and development in Scottish, Northern Irish and Welsh local
government (SSSC / SVQ / PVG / GIRFEC / Adult Support and Protection / NES trauma framework / Safe and Together in
Scotland; Section 75, adult safeguarding and AccessNI in Northern Ireland; the Social Services and Well-being (Wales)
Act, All Wales Induction Framework, VAWDASV National Training Framework groups and Welsh-language levels in Wales),
plus corporate and operational courses. Each cluster lists at most one title per council, in the wording that
council would use; ``_style`` then applies each council's export habits deterministically.

Run: ``.venv/bin/python partnering/overlap/matching/data/build_built_in_celtic_nations.py``
"""

from __future__ import annotations

import csv
from pathlib import Path

OUT = Path(__file__).with_name("built_in_celtic_nations.csv")

FIELDS = [
    "record_id", "council", "title", "topic", "provider_name", "accreditation", "level",
    "duration_hours", "delivery_method", "cluster",
]

# code -> (real council name, export gives a topic column)
COUNCILS = {
    # Scotland
    "CLK": ("Clackmannanshire Council", True),
    "ELC": ("East Lothian Council", False),
    "CES": ("Comhairle nan Eilean Siar", False),
    "SIC": ("Shetland Islands Council", False),
    "SAC": ("South Ayrshire Council", False),
    # Northern Ireland
    "ANB": ("Antrim and Newtownabbey Borough Council", True),
    "AND": ("Ards and North Down Borough Council", False),
    "ABC": ("Armagh City, Banbridge and Craigavon Borough Council", False),
    "FOD": ("Fermanagh and Omagh District Council", True),
    "MEA": ("Mid and East Antrim Borough Council", False),
    # Wales
    "CDF": ("Cardiff Council", False),
    "FLN": ("Flintshire County Council", False),
    "MON": ("Monmouthshire County Council", False),
    "RCT": ("Rhondda Cynon Taf County Borough Council", True),
    "VOG": ("Vale of Glamorgan Council", False),
    "BGC": ("Blaenau Gwent County Borough Council", False),
}

# Which optional columns each council's return actually fills in (others are left blank).
GIVES = {
    "CLK": {"hours", "method", "provider", "accreditation", "level"},
    "ELC": {"hours", "method"},
    "CES": set(),
    "SIC": {"method"},
    "SAC": set(),
    "ANB": {"method", "provider"},
    "AND": {"hours"},
    "ABC": {"method", "provider"},
    "FOD": {"provider", "accreditation", "level"},
    "MEA": {"hours", "method"},
    "CDF": {"method", "accreditation", "level"},
    "FLN": {"hours"},
    "MON": {"hours", "method", "provider", "accreditation"},
    "RCT": {"method"},
    "VOG": {"method"},
    "BGC": {"hours", "accreditation", "level"},
}

# Provider shown when a council fills the provider column but the course is delivered internally.
IN_HOUSE = {"CLK": "Learning & Development", "ANB": "Internal", "ABC": "In-house", "FOD": "", "MON": "Internal L&D"}

# Courses Antrim and Newtownabbey flags as mandatory in its export.
MANDATORY = {
    "fire_awareness", "data_protection", "cyber_security", "section75_awareness", "adult_safeguarding_ni",
    "child_safeguarding_ni", "manual_handling_loads", "corporate_induction", "dse_user",
}

TOPIC_CODE = {
    "Health and Safety": "HS", "First Aid": "HS", "Roads and Street Works": "RD", "Grounds Maintenance": "GM",
    "Waste Services": "WS", "Social Care": "SW", "Adult Protection": "SW", "Child Protection": "SW",
    "Violence Against Women": "SW", "Fleet and Driving": "FL",
}

# (cluster, topic, "hours^method^provider^accreditation^level" defaults, ["CODE^title^hours^method^provider^accr^level"])
CLUSTERS = [
    # ---------------------------------------------------------------- first aid
    ("faw", "First Aid", "18^classroom^^Qualsafe^3", [
        "ANB^First Aid at Work^^^St John Ambulance NI",
        "FOD^Level 3 Award in First Aid at Work^^^British Red Cross",
        "RCT^Cymorth Cyntaf yn y Gwaith",
        "FLN^Cymorth Cyntaf yn y Gwaith / First Aid at Work",
    ]),
    ("faw_requal", "First Aid", "12^classroom^^Qualsafe^3", [
        "CLK^First Aid at Work Requalification",
        "ABC^First Aid at Work Renewal",
        "CDF^First Aid at Work Requalification | Ailgymhwyso Cymorth Cyntaf yn y Gwaith",
        "VOG^Ailgymhwyso Cymorth Cyntaf yn y Gwaith",
    ]),
    ("efaw", "First Aid", "6^classroom^^Qualsafe^3", [
        "ELC^Emergency First Aid at Work (EFAW)",
        "ANB^Emergency First Aid at Work^^^St John Ambulance NI",
        "CDF^Emergency First Aid at Work | Cymorth Cyntaf Brys yn y Gwaith",
        "RCT^Cymorth Cyntaf Brys yn y Gwaith",
    ]),
    ("paediatric_first_aid", "First Aid", "12^classroom^^Qualsafe^3", [
        "CLK^Paediatric First Aid (12 hour)",
        "SAC^Paediatric First Aid for Early Years Staff",
        "VOG^Cymorth Cyntaf Pediatrig",
        "BGC^Paediatric First Aid (Childcare Staff)",
    ]),
    ("mhfa", "Wellbeing", "14^classroom^MHFA England^^", [
        "ELC^Mental Health First Aid (MHFA) - 2 Day",
        "FOD^MHFA Adult Two Day",
        "CDF^Mental Health First Aid | Cymorth Cyntaf Iechyd Meddwl",
        "RCT^Cymorth Cyntaf Iechyd Meddwl",
    ]),
    ("mhfa_refresher", "Wellbeing", "4^live-online^MHFA England^^", [
        "MEA^Mental Health First Aid - Refresher",
        "FOD^Mental Health First Aid Refresher",
        "MON^Mental Health First Aider Refresher",
        "ABC^MHFA Requalification",
    ]),
    ("mh_awareness", "Wellbeing", "1^e-learning^^^", [
        "ANB^Mental Health in the Workplace Awareness",
        "FOD^Understanding Mental Health (e-learning)",
        "VOG^Ymwybyddiaeth Iechyd Meddwl",
        "BGC^Mental Health Awareness for All Staff",
    ]),
    ("mh_managers", "Wellbeing", "3^live-online^^^", [
        "ELC^Supporting Mental Health in your Team - Managers",
        "ANB^Mental Health for Managers",
        "CDF^Managing Mental Health at Work (Managers) | Rheoli Iechyd Meddwl yn y Gwaith (Rheolwyr)",
        "BGC^Line Managers: Supporting Staff Wellbeing and Mental Health",
    ]),
    # ---------------------------------------------------------------- fire
    ("fire_awareness", "Health and Safety", "1^e-learning^^^", [
        "CES^Fire Awareness",
        "ANB^Fire Safety Awareness",
        "AND^Fire Awareness Training",
        "RCT^Ymwybyddiaeth Diogelwch Tân",
        "VOG^Ymwybyddiaeth o Ddiogelwch Tân / Fire Safety Awareness",
    ]),
    ("fire_warden", "Health and Safety", "3^classroom^^^", [
        "ELC^Fire Marshal Training",
        "ANB^Fire Marshal / Warden Training",
        "CDF^Fire Warden | Warden Tân",
        "FLN^Warden Tân / Fire Warden",
    ]),
    # ---------------------------------------------------------------- manual handling / DSE / COSHH / asbestos
    ("manual_handling_loads", "Health and Safety", "3^classroom^^^", [
        "ANB^Manual Handling",
        "MEA^Safe Manual Handling",
        "RCT^Codi a Chario",
        "FLN^Codi a Chario / Manual Handling",
        "BGC^Manual Handling Theory & Practical",
    ]),
    ("moving_handling_people", "Social Care", "6^classroom^^^", [
        "CLK^Moving and Handling of People",
        "SAC^People Moving and Handling - Care at Home",
        "CDF^Moving and Handling People | Symud a Thrin Pobl",
        "VOG^Symud a Thrin Pobl",
        "BGC^Moving and Handling of Service Users",
    ]),
    ("moving_handling_people_refresher", "Social Care", "3^classroom^^^", [
        "CLK^Moving and Handling of People - Refresher",
        "SIC^Moving & Handling People Update",
        "VOG^Symud a Thrin Pobl - Diweddariad",
    ]),
    ("manual_handling_key_trainer", "Health and Safety", "18^classroom^^^", [
        "ELC^Manual Handling Key Trainer (Train the Trainer)",
        "ANB^Manual Handling Instructor Course",
        "RCT^Manual Handling Train the Trainer",
    ]),
    ("dse_user", "Health and Safety", "1^e-learning^^^", [
        "ANB^DSE User Training",
        "AND^Working Safely with Display Screens",
        "RCT^Offer Sgrin Arddangos (DSE)",
        "FLN^Offer Sgrin Arddangos / Display Screen Equipment",
        "MON^DSE - Display Screen Equipment User",
    ]),
    ("dse_assessor", "Health and Safety", "6^classroom^^^", [
        "MEA^DSE Workstation Assessor",
        "ANB^Display Screen Equipment Assessor",
        "FOD^DSE Assessor Course",
        "CDF^DSE Assessor | Aseswr Offer Sgrin Arddangos",
    ]),
    ("coshh_awareness", "Health and Safety", "2^e-learning^^^", [
        "ELC^Control of Substances Hazardous to Health",
        "ABC^COSHH Awareness",
        "FOD^Control of Substances Hazardous to Health Awareness",
        "BGC^COSHH (Control of Substances Hazardous to Health)",
    ]),
    ("coshh_assessor", "Health and Safety", "6^classroom^^^", [
        "ELC^COSHH Risk Assessor",
        "FOD^COSHH Assessment Training",
        "BGC^COSHH Assessor",
    ]),
    ("asbestos_awareness", "Health and Safety", "3^e-learning^^UKATA^", [
        "AND^Asbestos Awareness (UKATA)",
        "MEA^Asbestos Awareness (Cat A)",
        "RCT^Ymwybyddiaeth Asbestos",
        "BGC^Asbestos Awareness",
    ]),
    ("asbestos_duty_to_manage", "Health and Safety", "6^classroom^^^", [
        "ELC^Asbestos - Duty to Manage",
        "AND^Duty to Manage Asbestos (Dutyholders)",
        "CDF^Managing Asbestos in Buildings (Duty Holders) | Rheoli Asbestos mewn Adeiladau",
    ]),
    # ---------------------------------------------------------------- IOSH / NEBOSH / general H&S
    ("iosh_managing_safely", "Health and Safety", "24^classroom^^IOSH^", [
        "ELC^IOSH Managing Safely (4 Day)",
        "FOD^IOSH Managing Safely Certificate",
        "MEA^IOSH Managing Safely (4 days)",
        "MON^IOSH Managing Safely",
        "VOG^IOSH Rheoli'n Ddiogel / IOSH Managing Safely",
    ]),
    ("iosh_managing_safely_refresher", "Health and Safety", "7^classroom^^IOSH^", [
        "ELC^IOSH Managing Safely Refresher",
        "FOD^IOSH Managing Safely Refresher",
        "MON^IOSH Managing Safely - Refresher Course",
    ]),
    ("iosh_working_safely", "Health and Safety", "6^classroom^^IOSH^", [
        "CLK^IOSH Working Safely",
        "AND^Working Safely (IOSH)",
        "BGC^IOSH Working Safely",
    ]),
    ("nebosh_general", "Health and Safety", "60^blended^^NEBOSH^3", [
        "ELC^NEBOSH National General Certificate",
        "ABC^NEBOSH General Certificate in Occupational Health and Safety",
        "CDF^NEBOSH National General Certificate",
    ]),
    ("risk_assessment", "Health and Safety", "3^classroom^^^", [
        "AND^Risk Assessment",
        "MEA^Carrying out Risk Assessments",
        "RCT^Asesu Risg",
        "FLN^Asesu Risg / Risk Assessment",
    ]),
    ("lone_working", "Health and Safety", "2^e-learning^^^", [
        "SIC^Lone Working and Personal Safety",
        "FOD^Personal Safety for Lone Workers",
        "AND^Lone Working",
        "VOG^Gweithio ar eich Pen eich Hun / Lone Working",
        "MON^Lone Working Awareness",
    ]),
    ("conflict_resolution", "Health and Safety", "6^classroom^^^", [
        "ELC^Conflict Resolution",
        "CES^Dealing with Aggression and Violence",
        "ANB^Conflict Management",
        "MEA^Defusing Conflict / De-escalation",
        "RCT^Datrys Gwrthdaro",
    ]),
    ("infection_control", "Social Care", "2^e-learning^^^", [
        "CLK^Infection Prevention and Control",
        "SAC^IPC - Infection Prevention & Control",
        "VOG^Atal a Rheoli Heintiau",
        "CDF^Infection Prevention and Control | Atal a Rheoli Heintiau",
    ]),
    # ---------------------------------------------------------------- wellbeing
    ("stress_awareness", "Wellbeing", "3^live-online^^^", [
        "CLK^Stress Awareness",
        "SAC^Managing Your Own Stress",
        "ABC^Stress Management for Staff",
        "FLN^Rheoli Straen / Stress Management",
    ]),
    ("stress_managers", "Wellbeing", "3^live-online^^^", [
        "CLK^Managing Stress in Your Team (Managers)",
        "ABC^Managing Work-Related Stress for Managers (HSE Management Standards)",
        "MON^Stress Management for Managers",
    ]),
    ("dementia_friends", "Wellbeing", "1^classroom^Alzheimer's Society^^", [
        "ANB^Dementia Friends Information Session",
        "MEA^Dementia Friends",
        "MON^Dementia Friends Session",
        "RCT^Sesiwn Ffrindiau Dementia",
    ]),
    ("dementia_informed", "Social Care", "2^e-learning^NHS Education for Scotland^^", [
        "CLK^Promoting Excellence - Dementia Informed",
        "ELC^Dementia Informed Practice",
        "SAC^Dementia Informed Practice (Promoting Excellence)",
    ]),
    # ---------------------------------------------------------------- food
    ("food_hygiene_l2", "Health and Safety", "6^classroom^^^2", [
        "CLK^REHIS Elementary Food Hygiene^^^^REHIS",
        "CES^Elementary Food Hygiene (REHIS)^^^^REHIS",
        "FOD^Food Safety Level 2 (Catering)^^^^CIEH",
        "RCT^Hylendid Bwyd Lefel 2",
        "MON^Level 2 Award in Food Safety in Catering^^^^Highfield",
    ]),
    ("food_hygiene_l3", "Health and Safety", "18^classroom^^^3", [
        "CLK^REHIS Intermediate Food Hygiene^^^^REHIS",
        "FOD^Level 3 Food Safety (Supervising)^^^^CIEH",
        "RCT^Hylendid Bwyd Lefel 3",
        "MON^Level 3 Award in Supervising Food Safety in Catering^^^^Highfield",
    ]),
    # ---------------------------------------------------------------- roads and street works
    ("nrswa_operative", "Roads and Street Works", "18^classroom^^City & Guilds^", [
        "ELC^NRSWA Operative - Signing, Lighting and Guarding",
        "CES^New Roads and Street Works Act - Signing, Lighting & Guarding",
        "MON^New Roads & Street Works Act (NRSWA) Operative",
        "BGC^NRSWA - Signing, Lighting and Guarding (Operatives)",
    ]),
    ("nrswa_supervisor", "Roads and Street Works", "30^classroom^^City & Guilds^", [
        "ELC^NRSWA Supervisor",
        "SIC^New Roads and Street Works Act Supervisor (Full)",
        "RCT^NRSWA Supervisor Course",
        "MON^Street Works Supervisor (NRSWA)",
    ]),
    ("nrswa_operative_reassessment", "Roads and Street Works", "6^classroom^^City & Guilds^", [
        "CES^NRSWA Operative Reassessment",
        "SAC^NRSWA Reassessment (Operatives)",
        "BGC^NRSWA Operative Re-assessment (5 yearly)",
    ]),
    ("chapter8_traffic_management", "Roads and Street Works", "7^classroom^^Lantra^", [
        "ELC^Chapter 8 - Traffic Management",
        "SAC^Chapter 8 Temporary Traffic Management",
        "MON^Lantra Highway Works - Chapter 8",
        "CDF^Chapter 8 Temporary Traffic Management",
    ]),
    ("winter_maintenance", "Roads and Street Works", "7^classroom^^City & Guilds^", [
        "CES^Winter Maintenance - Gritter Driver",
        "SIC^Winter Service Operations (Gritting)",
        "CDF^Winter Maintenance | Cynnal a Chadw yn y Gaeaf",
        "BGC^Gritting and Snow Clearing Operations",
    ]),
    # ---------------------------------------------------------------- grounds maintenance
    ("brushcutter", "Grounds Maintenance", "7^classroom^^Lantra^", [
        "ANB^Brushcutter / Strimmer Operation",
        "FOD^Lantra Brushcutter and Trimmer",
        "VOG^Safe Use of Brushcutters (Lantra)",
        "BGC^Strimmer and Brushcutter Training",
    ]),
    ("pesticides_pa1", "Grounds Maintenance", "7^classroom^^City & Guilds^2", [
        "CLK^PA1 Foundation Module (Pesticides)",
        "ELC^PA1 Safe Use of Pesticides",
        "ANB^Pesticides PA1",
        "MON^City & Guilds PA1 Principles of Safe Handling and Application of Pesticides",
    ]),
    ("pesticides_pa6", "Grounds Maintenance", "7^classroom^^City & Guilds^2", [
        "CLK^PA6 Hand Held Applicators",
        "ELC^PA6A Knapsack Sprayer",
        "ANB^Pesticides PA6 (Hand Held)",
        "MON^Safe Application of Pesticides Using Pedestrian Hand Held Equipment (PA6)",
    ]),
    ("chainsaw_cs30", "Grounds Maintenance", "18^classroom^^City & Guilds^2", [
        "CES^Chainsaw Maintenance and Cross-cutting (CS30/31)",
        "SIC^Chainsaw CS30 & CS31",
        "FOD^NPTC Chainsaw Maintenance & Crosscutting",
        "RCT^Chainsaw CS30/31",
    ]),
    ("chainsaw_cs38", "Grounds Maintenance", "18^classroom^^City & Guilds^2", [
        "SIC^Tree Climbing and Aerial Rescue (CS38)",
        "FOD^Tree Climbing & Aerial Rescue CS38",
        "RCT^CS38 Climb a Tree and Perform Aerial Rescue",
    ]),
    ("ride_on_mower", "Grounds Maintenance", "7^classroom^^Lantra^", [
        "CLK^Ride-on Mower Operation",
        "ABC^Ride-On Mower Training",
        "VOG^Safe Use of Ride-on Mowers",
        "BGC^Ride On Mower (Sit On)",
    ]),
    ("pedestrian_mower", "Grounds Maintenance", "4^classroom^^Lantra^", [
        "SAC^Pedestrian Mowers",
        "ABC^Pedestrian Mower Safety",
        "VOG^Safe Use of Pedestrian Mowers",
    ]),
    # ---------------------------------------------------------------- waste
    ("reversing_assistant", "Waste Services", "3^classroom^^^", [
        "CES^Vehicle Reversing Assistant (Banksman)",
        "MEA^Reversing Assistant Training (Waste Collection)",
        "CDF^Vehicle Banksman - Waste Services",
        "BGC^Banksman Training (Refuse & Recycling)",
    ]),
    ("driver_cpc", "Fleet and Driving", "7^classroom^^JAUPT^", [
        "SIC^Driver CPC Periodic Training",
        "ANB^Driver CPC Module - Periodic Training (7 hours)",
        "ABC^Driver CPC",
        "VOG^Driver CPC Periodic Training",
    ]),
    # ---------------------------------------------------------------- fleet and driving
    ("midas_standard", "Fleet and Driving", "6^classroom^CTA^MiDAS^", [
        "CES^MiDAS Minibus Driver Awareness (Standard)",
        "ABC^MiDAS Standard",
        "MON^MiDAS Minibus Driver Training",
    ]),
    ("midas_accessible", "Fleet and Driving", "4^classroom^CTA^MiDAS^", [
        "CES^MiDAS Accessible",
        "ABC^MiDAS Accessible Minibus",
    ]),
    ("stcw_basic_safety", "Health and Safety", "30^classroom^^MCA^", [
        "SIC^STCW Basic Safety Training (Ferry Crew)",
    ]),
    # ---------------------------------------------------------------- information governance
    ("data_protection", "Information Governance", "1^e-learning^^^", [
        "SIC^UK GDPR Essentials",
        "ANB^Data Protection (GDPR) Awareness",
        "CDF^Data Protection | Diogelu Data",
        "RCT^Diogelu Data",
        "FLN^Diogelu Data / Data Protection",
        "BGC^GDPR Awareness for Staff",
    ]),
    ("data_protection_managers", "Information Governance", "2^live-online^^^", [
        "ELC^Data Protection for Managers and Information Asset Owners",
        "ABC^Data Protection for Managers",
        "RCT^Data Protection for Managers",
        "MON^Data Protection Responsibilities for Managers",
    ]),
    ("subject_access_requests", "Information Governance", "3^live-online^^^", [
        "CLK^Handling Subject Access Requests",
        "AND^Subject Access Requests - Processing and Redaction",
        "VOG^Subject Access Request Handling",
    ]),
    ("foisa_awareness", "Information Governance", "1^e-learning^^^", [
        "CLK^FOISA Awareness",
        "ELC^Freedom of Information (Scotland) Act 2002 Awareness",
        "CES^Freedom of Information Scotland",
        "SAC^FOI(S)A Awareness",
    ]),
    ("foisa_practitioners", "Information Governance", "3^live-online^^^", [
        "ELC^FOISA and EIRs for FOI Officers",
        "SIC^Freedom of Information - Handling Requests and Reviews (FOISA Practitioners)",
        "SAC^FOISA - Responding to Requests (Practitioners)",
    ]),
    ("foi_act_2000", "Information Governance", "1^e-learning^^^", [
        "ANB^Freedom of Information Awareness",
        "AND^FOI Act 2000 - An Introduction",
        "FOD^Freedom of Information",
        "CDF^Freedom of Information | Rhyddid Gwybodaeth",
        "FLN^Rhyddid Gwybodaeth / Freedom of Information",
    ]),
    ("cyber_security", "Information Governance", "1^e-learning^^^", [
        "MEA^Cyber Security Awareness",
        "RCT^Ymwybyddiaeth Seiberddiogelwch",
        "VOG^Seiberddiogelwch / Cyber Security",
        "BGC^Cyber Security Essentials",
    ]),
    # ---------------------------------------------------------------- leadership and management
    ("ilm2_team_leading", "Leadership and Management", "^blended^^ILM^2", [
        "CLK^ILM Level 2 Award in Leadership and Team Skills",
        "ABC^ILM Level 2 Team Leading",
        "RCT^ILM Lefel 2 Arwain Tîm",
        "BGC^ILM L2 Award in Team Leading",
    ]),
    ("ilm3_award", "Leadership and Management", "^blended^^ILM^3", [
        "ELC^ILM Level 3 Award in Leadership & Management",
        "ANB^ILM L3 Award in Leadership and Management",
        "FOD^Level 3 Award in Leadership & Management (ILM)",
        "CDF^ILM Level 3 Award in Leadership and Management | Dyfarniad ILM Lefel 3 mewn Arwain a Rheoli",
    ]),
    ("ilm3_certificate", "Leadership and Management", "^blended^^ILM^3", [
        "ELC^ILM Level 3 Certificate in Leadership and Management",
        "ANB^ILM Level 3 Certificate in Leadership & Management",
        "CDF^ILM Level 3 Certificate in Leadership and Management | Tystysgrif ILM Lefel 3 mewn Arwain a Rheoli",
        "VOG^Tystysgrif ILM Lefel 3 mewn Arwain a Rheoli",
    ]),
    ("ilm5_certificate", "Leadership and Management", "^blended^^ILM^5", [
        "CLK^ILM Level 5 Certificate in Leadership & Management",
        "AND^ILM 5 Certificate in Leadership and Management",
        "FLN^Tystysgrif ILM Lefel 5 mewn Arwain a Rheoli / ILM Level 5 Certificate in Leadership and Management",
        "RCT^ILM Level 5 Certificate in Leadership and Management",
    ]),
    ("cmi5_diploma", "Leadership and Management", "^blended^^CMI^5", [
        "ELC^CMI Level 5 Diploma in Management and Leadership",
        "ABC^CMI L5 Diploma Management & Leadership",
        "MEA^Level 5 Diploma in Management and Leadership (CMI)",
        "MON^CMI Level 5 Diploma in Management & Leadership",
    ]),
    ("cmi5_certificate", "Leadership and Management", "^blended^^CMI^5", [
        "ABC^CMI L5 Certificate in Management & Leadership",
        "MEA^Level 5 Certificate in Management and Leadership (CMI)",
        "BGC^CMI Level 5 Certificate in Management and Leadership",
    ]),
    ("new_managers", "Leadership and Management", "12^classroom^^^", [
        "CLK^Management Essentials for New Managers",
        "SIC^New Managers Programme",
        "FOD^Introduction to Management",
        "CDF^New Managers Induction | Sefydlu Rheolwyr Newydd",
        "BGC^First Line Manager Essentials",
    ]),
    ("coaching_skills_managers", "Leadership and Management", "6^classroom^^^", [
        "ELC^Coaching Skills for Managers",
        "ANB^Coaching Conversations for Line Managers",
        "RCT^Coaching Skills for Managers",
        "MON^Coaching for Managers",
    ]),
    ("stilt", "Leadership and Management", "6^live-online^NHS Education for Scotland^^", [
        "CLK^Scottish Trauma Informed Leaders Training (STILT)",
        "ELC^STILT - Trauma Informed Leadership",
        "CES^Trauma Informed Leadership (STILT)",
    ]),
    # ---------------------------------------------------------------- HR and people management
    ("managing_attendance", "HR and People Management", "3^classroom^^^", [
        "ELC^Managing Attendance",
        "CES^Supporting Attendance at Work",
        "SIC^Managing Sickness Absence",
        "ABC^Sickness Absence Management",
        "RCT^Rheoli Presenoldeb",
        "VOG^Rheoli Presenoldeb / Managing Attendance",
        "BGC^Supporting Attendance - Managers' Workshop",
    ]),
    ("attendance_policy_staff", "HR and People Management", "1^e-learning^^^", [
        "SIC^Attendance Policy - Employee Briefing",
        "ABC^Attendance at Work - What Staff Need to Know",
        "RCT^Absence Policy for Employees",
    ]),
    ("recruitment_selection", "HR and People Management", "6^classroom^^^", [
        "ANB^Recruitment and Selection",
        "FOD^Recruitment & Selection Skills",
        "CDF^Recruitment and Selection | Recriwtio a Dethol",
        "MON^Recruitment and Selection",
    ]),
    ("safer_recruitment", "HR and People Management", "6^live-online^^^", [
        "ANB^Safer Recruitment",
        "FOD^Safer Recruitment (Regulated Activity)",
        "CDF^Safer Recruitment | Recriwtio Mwy Diogel",
        "VOG^Recriwtio Mwy Diogel",
        "FLN^Recriwtio Mwy Diogel / Safer Recruitment",
        "BGC^Safer Recruitment Training",
    ]),
    ("pvg_scheme", "HR and People Management", "2^live-online^^^", [
        "CLK^PVG Scheme Awareness for Recruiting Managers",
        "ELC^Protecting Vulnerable Groups (PVG) Scheme",
        "CES^Disclosure Scotland and PVG - Managers' Briefing",
        "SAC^PVG Scheme Membership - Managers Guidance",
    ]),
    ("accessni_checks", "HR and People Management", "2^live-online^^^", [
        "ANB^AccessNI Checks - Guidance for Managers",
        "ABC^AccessNI Disclosure Training",
        "MEA^AccessNI and Vetting Awareness",
    ]),
    ("investigation_skills", "HR and People Management", "6^classroom^^^", [
        "ELC^Investigation Skills (Disciplinary & Grievance)",
        "FOD^Conducting Investigations",
        "RCT^Investigation Skills for Managers",
        "BGC^Investigating Officer Skills",
    ]),
    ("discipline_grievance", "HR and People Management", "3^classroom^^^", [
        "CES^Discipline and Grievance for Managers",
        "SAC^Disciplinary Procedure - Managers",
        "ABC^Managing Discipline and Grievance",
        "MON^Disciplinary & Grievance Procedures",
    ]),
    ("hearing_note_taking", "HR and People Management", "3^classroom^^^", [
        "ELC^Note Taking for Disciplinary and Grievance Hearings",
        "ABC^Note Taker Training (HR Hearings)",
        "MON^Note Taking at Formal Hearings",
    ]),
    ("appraisal", "HR and People Management", "3^live-online^^^", [
        "SIC^ERD - Reviewer Training",
        "ANB^Carrying Out Appraisals",
        "MEA^Performance and Development Reviews - Reviewers",
        "CDF^Personal Review | Adolygiad Personol",
        "VOG^Arfarniadau / Appraisals",
    ]),
    ("corporate_induction", "HR and People Management", "6^classroom^^^", [
        "ANB^Corporate Induction Programme",
        "RCT^Sefydlu Corfforaethol",
        "CDF^Corporate Induction | Sefydlu Corfforaethol",
        "BGC^Corporate Induction Day",
    ]),
    ("dignity_at_work", "Equality", "3^classroom^^^", [
        "ELC^Dignity at Work",
        "FOD^Dignity at Work - Preventing Bullying & Harassment",
        "MEA^Bullying and Harassment Awareness",
        "VOG^Urddas yn y Gwaith / Dignity at Work",
    ]),
    ("sexual_harassment_prevention", "Equality", "2^e-learning^^^", [
        "ELC^Preventing Sexual Harassment at Work",
        "ABC^Sexual Harassment in the Workplace - Preventative Duty",
        "CDF^Preventing Sexual Harassment at Work | Atal Aflonyddu Rhywiol yn y Gwaith",
    ]),
    # ---------------------------------------------------------------- equality
    ("equality_diversity", "Equality", "1^e-learning^^^", [
        "FOD^Equality and Diversity in the Workplace",
        "CDF^Equality and Diversity | Cydraddoldeb ac Amrywiaeth",
        "RCT^Cydraddoldeb ac Amrywiaeth",
        "MON^Equality, Diversity and Inclusion Essentials",
    ]),
    ("section75_awareness", "Equality", "2^e-learning^^^", [
        "ANB^Section 75 Awareness",
        "AND^Section 75 Equality Duties",
        "ABC^Section 75 - Statutory Equality and Good Relations Duties",
        "FOD^Section 75 of the Northern Ireland Act 1998",
        "MEA^Section 75 Equality of Opportunity & Good Relations",
    ]),
    ("section75_screening", "Equality", "3^classroom^^^", [
        "ANB^Equality Screening and Equality Impact Assessment",
        "AND^Section 75 Screening for Policy Makers",
        "MEA^Equality Screening (S75) Workshop",
    ]),
    ("section75_elected_members", "Equality", "2^classroom^^^", [
        "ABC^Section 75 Briefing for Elected Members",
        "FOD^Section 75 for Councillors",
    ]),
    ("good_relations", "Equality", "3^classroom^^^", [
        "ANB^Good Relations Awareness",
        "ABC^Good Relations & Cultural Diversity",
        "MEA^Good Relations and Cultural Awareness",
    ]),
    ("disability_duties_ni", "Equality", "2^e-learning^^^", [
        "ANB^Disability Duties Awareness",
    ]),
    # ---------------------------------------------------------------- customer service and complaints
    ("customer_care", "Customer Service", "3^classroom^^^", [
        "ABC^Customer Care Essentials",
        "CDF^Customer Care | Gofal Cwsmeriaid",
        "FLN^Gofal Cwsmeriaid / Customer Care",
        "MON^Customer Care Skills",
    ]),
    ("difficult_customers", "Customer Service", "3^classroom^^^", [
        "ELC^Dealing with Difficult Customers",
        "SIC^Handling Challenging Customer Behaviour",
        "FOD^Challenging Customer Interactions",
        "RCT^Delio â Chwsmeriaid Anodd",
        "BGC^Dealing with Challenging Customers",
    ]),
    ("telephone_skills", "Customer Service", "2^live-online^^^", [
        "MEA^Telephone Skills",
    ]),
    ("complaints_frontline", "Customer Service", "2^e-learning^^^", [
        "CLK^Complaints Handling - Frontline Resolution (Stage 1)",
        "ANB^Complaints Handling for Frontline Staff",
        "AND^Customer Complaints - Frontline Handling",
        "FOD^Model Complaints Handling Procedure - Stage 1 (NIPSO)",
        "CDF^Handling Complaints | Ymdrin â Chwynion",
        "VOG^Ymdrin â Chwynion",
    ]),
    ("complaints_investigation", "Customer Service", "6^classroom^^^", [
        "ELC^Complaints Investigation (Stage 2) for Investigating Officers",
        "SAC^Stage 2 Complaints Investigations",
        "AND^Investigating Complaints (Stage 2)",
        "RCT^Investigating Complaints",
    ]),
    # ---------------------------------------------------------------- business skills
    ("minute_taking", "Business Skills", "3^classroom^^^", [
        "ELC^Effective Minute Taking",
        "VOG^Cymryd Cofnodion",
        "FLN^Cymryd Cofnodion / Minute Taking",
        "BGC^Minute Taking for Meetings",
    ]),
    ("report_writing", "Business Skills", "3^classroom^^^", [
        "CLK^Report Writing",
        "FOD^Report Writing Skills",
        "RCT^Ysgrifennu Adroddiadau",
        "MON^Writing Reports",
    ]),
    ("committee_report_writing", "Business Skills", "3^live-online^^^", [
        "ELC^Writing Committee Reports",
        "AND^Writing Reports for Council and Committee",
        "CDF^Writing Cabinet and Committee Reports | Ysgrifennu Adroddiadau Cabinet a Phwyllgor",
    ]),
    ("project_management_intro", "Business Skills", "6^classroom^^^", [
        "ELC^Project Management Basics",
        "ANB^Introduction to Project Management",
        "RCT^Rheoli Prosiectau - Cyflwyniad",
        "BGC^Managing Projects - An Introduction",
    ]),
    ("prince2_foundation", "Business Skills", "18^live-online^^PeopleCert^", [
        "ELC^PRINCE2 Foundation",
        "ABC^PRINCE2 Foundation Certificate",
        "CDF^PRINCE2 Foundation",
        "MON^PRINCE2 7 Foundation",
    ]),
    ("prince2_practitioner", "Business Skills", "18^live-online^^PeopleCert^", [
        "ELC^PRINCE2 Practitioner",
        "ABC^PRINCE2 Practitioner",
        "MON^PRINCE2 Practitioner Certificate",
    ]),
    ("apm_pfq", "Business Skills", "18^live-online^^APM^", [
        "SIC^APM Project Fundamentals Qualification (PFQ)",
        "FOD^APM PFQ",
        "VOG^APM Project Fundamentals Qualification",
    ]),
    ("budget_holders", "Finance", "3^classroom^^^", [
        "CLK^Budget Management for Budget Holders",
        "SIC^Finance for Non-Finance Managers",
        "ANB^Budget Holder Training",
        "CDF^Finance for Non-Financial Managers | Cyllid i Reolwyr Anariannol",
        "MON^Understanding Budgets (Budget Holders)",
    ]),
    # ---------------------------------------------------------------- digital skills
    ("excel_beginners", "Digital Skills", "3^live-online^^^", [
        "ELC^Microsoft Excel - Introduction",
        "CES^Excel Basics",
        "RCT^Excel i Ddechreuwyr",
        "BGC^Intro to Excel",
    ]),
    ("excel_intermediate", "Digital Skills", "3^live-online^^^", [
        "AND^Excel - Intermediate Skills",
        "ABC^Microsoft Excel Intermediate",
        "RCT^Excel Canolradd",
        "MON^Excel Intermediate",
    ]),
    ("excel_advanced", "Digital Skills", "3^live-online^^^", [
        "ELC^Microsoft Excel - Advanced",
        "ABC^Microsoft Excel Advanced",
        "MON^Advanced Excel",
    ]),
    ("excel_pivot_tables", "Digital Skills", "3^live-online^^^", [
        "CLK^Excel Pivot Tables",
        "ANB^Excel - PivotTables and PivotCharts",
        "MEA^Analysing Data with Pivot Tables in Excel",
        "BGC^Excel Pivot Tables & Data Analysis",
    ]),
    ("excel_formulas", "Digital Skills", "3^live-online^^^", [
        "CES^Excel Formulas and Functions",
        "FOD^Excel Functions (VLOOKUP, IF, XLOOKUP)",
        "VOG^Excel - Formulas & Functions",
    ]),
    ("teams_basics", "Digital Skills", "2^live-online^^^", [
        "SIC^Getting Started with MS Teams",
        "AND^Microsoft Teams - Introduction",
        "VOG^Cyflwyniad i Microsoft Teams / Introduction to Microsoft Teams",
        "MON^Teams Essentials",
    ]),
    ("teams_webinars", "Digital Skills", "2^live-online^^^", [
        "SIC^Running Webinars in Teams",
        "AND^Microsoft Teams - Hosting Webinars and Town Halls",
        "MON^Delivering Webinars using MS Teams",
    ]),
    # ---------------------------------------------------------------- governance / elected members
    ("prevent_awareness", "Safeguarding", "1^e-learning^Home Office^^", [
        "SIC^Prevent Awareness (CONTEST)",
        "CDF^Prevent Awareness | Ymwybyddiaeth Prevent",
        "RCT^Prevent Duty Awareness",
        "MON^Prevent - Radicalisation Awareness",
        "BGC^Home Office Prevent Awareness",
    ]),
    ("gaelic_awareness", "Gaelic Language", "2^classroom^^^", [
        "CES^Gaelic Language Awareness",
    ]),
    ("gaelic_beginners", "Gaelic Language", "20^classroom^^^", [
        "CES^Gàidhlig airson Luchd-tòiseachaidh (Gaelic for Beginners)",
    ]),
    # ---------------------------------------------------------------- Scotland: social services workforce
    ("sssc_registration_workers", "Social Care", "2^e-learning^^^", [
        "CLK^SSSC Registration and Codes of Practice",
        "CES^SSSC Codes of Practice (Workers)",
        "SIC^Registering with the SSSC - What Workers Need to Know",
        "SAC^SSSC Registration & Codes of Practice - Care at Home Staff",
    ]),
    ("sssc_employers", "Social Care", "2^live-online^^^", [
        "ELC^SSSC Code of Practice for Employers - Managers' Briefing",
        "CES^SSSC Registration: Employers' Responsibilities",
        "SAC^SSSC - Employer Responsibilities for Registration (Managers)",
    ]),
    ("svq_sshc_scqf6", "Social Care", "^blended^^SQA^SCQF 6", [
        "CLK^SVQ Social Services and Healthcare SCQF Level 6",
        "ELC^SVQ 2 Social Services and Healthcare",
        "SIC^SVQ Social Services & Healthcare at SCQF 6",
        "SAC^SVQ 2 Social Services and Healthcare (SCQF 6)",
    ]),
    ("svq_sshc_scqf7", "Social Care", "^blended^^SQA^SCQF 7", [
        "CLK^SVQ Social Services and Healthcare SCQF Level 7",
        "ELC^SVQ 3 Social Services and Healthcare",
        "SIC^SVQ Social Services & Healthcare at SCQF 7",
        "SAC^SVQ 3 Social Services and Healthcare (SCQF 7)",
    ]),
    ("svq_cyp_scqf7", "Social Care", "^blended^^SQA^SCQF 7", [
        "CLK^SVQ Social Services (Children and Young People) SCQF Level 7",
        "ELC^SVQ 3 Social Services (Children & Young People)",
        "CES^SVQ Level 3 Children and Young People",
    ]),
    ("hnc_social_services", "Social Care", "^blended^^SQA^SCQF 7", [
        "CLK^HNC Social Services^^^Forth Valley College",
        "SIC^HNC Social Services (SCQF 7)",
        "SAC^HNC Social Services (College)",
    ]),
    ("pda_supervision", "Social Care", "^blended^^SQA^SCQF 8", [
        "ELC^PDA Health and Social Care Supervision (SCQF 8)",
        "CES^Professional Development Award in Health & Social Care Supervision",
        "SIC^PDA HSC Supervision",
    ]),
    ("pda_childhood_practice", "Social Care", "^blended^^SQA^SCQF 8", [
        "CLK^PDA Childhood Practice (SCQF 8)",
        "ELC^Professional Development Award in Childhood Practice",
        "SAC^PDA Childhood Practice",
    ]),
    ("health_social_care_standards", "Social Care", "2^e-learning^^^", [
        "CLK^Health and Social Care Standards",
        "CES^Health and Social Care Standards Awareness",
        "SIC^HSCS - Health and Social Care Standards",
    ]),
    ("care_inspectorate_inspection", "Social Care", "3^live-online^^^", [
        "CLK^Preparing for Care Inspectorate Inspection",
        "SIC^Care Inspectorate Inspections - Managers' Briefing",
        "SAC^Care Inspectorate Quality Framework - Service Managers",
    ]),
    ("sds_awareness", "Social Care", "2^e-learning^^^", [
        "ELC^SDS - Self Directed Support: An Introduction",
        "SIC^Self-Directed Support (SDS) Awareness",
        "SAC^Self-Directed Support - Overview",
    ]),
    ("sds_practitioners", "Social Care", "6^classroom^^^", [
        "ELC^Self-Directed Support for Practitioners - Outcome Focused Assessment & Support Planning",
        "CES^SDS Practitioner Training",
        "SAC^SDS Practitioner - Outcomes-Focused Support Planning",
    ]),
    ("mho_award", "Social Care", "^blended^^^SCQF 11", [
        "ELC^Mental Health Officer Award (PG Cert)",
        "SIC^MHO Award",
        "SAC^Mental Health Officer Award",
    ]),
    ("mho_refresher", "Social Care", "6^classroom^^^", [
        "ELC^Mental Health Officer Refresher",
        "SAC^MHO Refresher Training",
    ]),
    # ---------------------------------------------------------------- Scotland: adult support and protection
    ("asp_level1", "Adult Protection", "1^e-learning^^^", [
        "CLK^Adult Support and Protection - Level 1 Awareness",
        "ELC^ASP Level 1 (General Contact)",
        "SIC^Adult Support and Protection (ASP) Awareness",
        "SAC^ASP Level 1 - General Awareness",
    ]),
    ("asp_level2", "Adult Protection", "6^classroom^^^", [
        "CLK^Adult Support and Protection - Level 2",
        "ELC^ASP Level 2 (Specific Contact)",
        "SAC^ASP Level 2 - Specific Contact",
    ]),
    ("asp_council_officer", "Adult Protection", "18^classroom^^^", [
        "CLK^ASP Council Officer Training",
        "ELC^Adult Support and Protection - Council Officer",
        "SIC^Council Officer Training (Adult Support & Protection)",
        "SAC^ASP Council Officer (Level 3)",
    ]),
    ("asp_second_worker", "Adult Protection", "6^classroom^^^", [
        "ELC^ASP Second Worker Training",
        "CES^Adult Support and Protection - Second Worker",
        "SAC^ASP Second Worker",
    ]),
    # ---------------------------------------------------------------- Scotland: children
    ("cp_scotland_awareness", "Child Protection", "1^e-learning^^^", [
        "CLK^Child Protection Awareness",
        "CES^Child Protection Awareness (All Staff)",
        "SIC^Child Protection Basic Awareness",
        "SAC^Child Protection Level 1",
    ]),
    ("girfec_awareness", "Child Protection", "1^e-learning^^^", [
        "ELC^Getting It Right For Every Child (GIRFEC)",
        "CES^GIRFEC - An Introduction",
        "SIC^Getting it Right for Every Child - Awareness",
        "SAC^GIRFEC Awareness - All Staff",
    ]),
    ("girfec_lead_professional", "Child Protection", "6^classroom^^^", [
        "ELC^GIRFEC Lead Professional and the Child's Plan",
        "SIC^Child's Plan and Lead Professional Training",
        "SAC^GIRFEC - Lead Professional Role",
    ]),
    # ---------------------------------------------------------------- Scotland: trauma, VAWG, domestic abuse
    ("trauma_informed", "Wellbeing", "1^e-learning^NHS Education for Scotland^^", [
        "CLK^Trauma Informed Practice (Informed Level)",
        "ELC^Trauma-Informed Practice - Level 1 Informed",
        "CES^Trauma Informed - NES Informed Level",
        "SIC^Trauma Informed Practice: Informed Level",
    ]),
    ("trauma_skilled", "Wellbeing", "6^live-online^NHS Education for Scotland^^", [
        "CLK^Trauma Skilled Practice",
        "ELC^Trauma-Informed Practice - Level 2 Skilled",
        "SIC^Trauma Skilled Level",
        "SAC^Trauma Skilled Practice",
    ]),
    ("trauma_enhanced", "Wellbeing", "12^classroom^NHS Education for Scotland^^", [
        "ELC^Trauma-Informed Practice - Enhanced Level",
        "SAC^Trauma Enhanced Practice",
    ]),
    ("equally_safe", "Violence Against Women", "3^live-online^^^", [
        "CLK^Equally Safe - Gender Based Violence Awareness",
        "ELC^Equally Safe Awareness",
        "SAC^Equally Safe - Violence Against Women and Girls",
    ]),
    ("equally_safe_at_work", "Violence Against Women", "3^live-online^Close the Gap^^", [
        "CES^Equally Safe at Work - Line Manager Training",
        "ELC^Equally Safe at Work: Managers",
    ]),
    ("safe_together_overview", "Violence Against Women", "6^live-online^Safe & Together Institute^^", [
        "ELC^Safe & Together Model - Overview",
        "SIC^Safe and Together Overview (1 day)",
        "SAC^Safe and Together Overview",
    ]),
    ("safe_together_core", "Violence Against Women", "24^live-online^Safe & Together Institute^^", [
        "ELC^Safe and Together CORE Training (4 Days)",
        "SIC^Safe & Together Core Practice Training",
        "SAC^Safe and Together Core (4 Day)",
    ]),
    ("dash_marac", "Violence Against Women", "3^live-online^^^", [
        "CLK^DASH Risk Identification and MARAC",
        "CES^Domestic Abuse - DASH RIC and MARAC Referrals",
        "CDF^DASH RIC and MARAC Training",
    ]),
    # ---------------------------------------------------------------- Northern Ireland: safeguarding and regulation
    ("adult_safeguarding_ni", "Safeguarding", "2^e-learning^^^", [
        "ANB^Adult Safeguarding Awareness (Level 1)",
        "AND^Adult Safeguarding - Level 1",
        "ABC^Safeguarding Adults at Risk of Harm - Awareness",
        "FOD^Adult Safeguarding Level 1 Awareness",
        "MEA^Adult Safeguarding Awareness",
    ]),
    ("adult_safeguarding_champion", "Safeguarding", "6^classroom^^^", [
        "ANB^Adult Safeguarding Champion Training",
        "ABC^Adult Safeguarding Champion",
        "FOD^Adult Safeguarding Champions Course",
    ]),
    ("designated_safeguarding_officer_ni", "Safeguarding", "6^classroom^^^", [
        "AND^Designated Safeguarding Officer Training",
        "MEA^Designated Safeguarding Officer",
        "ABC^Designated Officer - Safeguarding Children and Adults",
    ]),
    ("child_safeguarding_ni", "Safeguarding", "2^e-learning^^^", [
        "ANB^Safeguarding Children Awareness",
        "AND^Child Safeguarding Awareness",
        "FOD^Safeguarding Children & Young People Level 1",
        "MEA^Keeping Children Safe - Awareness",
    ]),
    ("gateway_referrals", "Safeguarding", "2^live-online^^^", [
        "FOD^Gateway Referrals - Reporting Concerns about a Child",
        "ABC^Referring to Gateway (Children's Social Services)",
    ]),
    ("niscc_standards_workers", "Social Care", "2^e-learning^^^", [
        "ANB^NISCC Registration and Standards of Conduct",
        "MEA^NISCC Standards of Conduct and Practice for Social Care Workers",
    ]),
    ("niscc_standards_employers", "Social Care", "2^live-online^^^", [
        "FOD^Northern Ireland Social Care Council - Standards for Employers",
    ]),
    # ---------------------------------------------------------------- Wales: social services and workforce
    ("sswba_overview", "Social Care", "3^e-learning^^^", [
        "CDF^Social Services and Well-being (Wales) Act 2014 - Overview | "
        "Deddf Gwasanaethau Cymdeithasol a Llesiant (Cymru) 2014 - Trosolwg",
        "FLN^Deddf Gwasanaethau Cymdeithasol a Llesiant (Cymru) 2014 / SSWB Act Overview",
        "RCT^Social Services and Well-being (Wales) Act Awareness",
        "VOG^Deddf Gwasanaethau Cymdeithasol a Llesiant (Cymru)",
        "MON^Social Services & Wellbeing Act (Wales) - Overview",
    ]),
    ("what_matters_conversations", "Social Care", "6^classroom^^^", [
        "FLN^Sgyrsiau 'Beth sy'n Bwysig' / 'What Matters' Conversations",
        "RCT^What Matters Conversations",
        "MON^Collaborative Communication - What Matters Conversations",
        "BGC^What Matters Conversations - Practitioners",
    ]),
    ("awif_health_social_care", "Social Care", "^blended^Social Care Wales^^", [
        "CDF^All Wales Induction Framework for Health and Social Care | "
        "Fframwaith Sefydlu Cymru Gyfan ar gyfer Iechyd a Gofal Cymdeithasol",
        "FLN^Fframwaith Sefydlu Cymru Gyfan / AWIF (Health and Social Care)",
        "RCT^AWIF - All Wales Induction Framework (H&SC)",
        "VOG^Fframwaith Sefydlu Cymru Gyfan ar gyfer Iechyd a Gofal Cymdeithasol",
        "BGC^All-Wales Induction Framework for Health & Social Care Workers",
    ]),
    ("awif_early_years", "Social Care", "^blended^Social Care Wales^^", [
        "CDF^All Wales Induction Framework for Early Years and Childcare",
        "FLN^Fframwaith Sefydlu Cymru Gyfan ar gyfer y Blynyddoedd Cynnar a Gofal Plant / AWIF Early Years",
        "MON^AWIF Early Years & Childcare",
    ]),
    ("social_care_wales_registration", "Social Care", "2^e-learning^Social Care Wales^^", [
        "CDF^Registering with Social Care Wales | Cofrestru gyda Gofal Cymdeithasol Cymru",
        "RCT^Social Care Wales Registration and Code of Professional Practice",
        "BGC^Social Care Wales - Code of Professional Practice",
    ]),
    ("safeguarding_awareness_wales", "Safeguarding", "1^e-learning^^^", [
        "CDF^Safeguarding Awareness | Ymwybyddiaeth Diogelu",
        "FLN^Ymwybyddiaeth Diogelu / Safeguarding Awareness",
        "RCT^Ymwybyddiaeth Diogelu",
        "VOG^Ymwybyddiaeth Diogelu - Grŵp A",
        "MON^Safeguarding Awareness (Group A)",
        "BGC^Corporate Safeguarding Awareness",
    ]),
    ("wales_safeguarding_procedures", "Safeguarding", "6^live-online^^^", [
        "CDF^Wales Safeguarding Procedures for Practitioners | Gweithdrefnau Diogelu Cymru i Ymarferwyr",
        "RCT^Wales Safeguarding Procedures - Practitioners",
        "VOG^Gweithdrefnau Diogelu Cymru - Ymarferwyr",
    ]),
    ("designated_safeguarding_person_wales", "Safeguarding", "6^classroom^^^", [
        "FLN^Person Diogelu Dynodedig / Designated Safeguarding Person",
        "MON^Designated Safeguarding Lead Training",
        "BGC^Designated Safeguarding Person",
    ]),
    # ---------------------------------------------------------------- Wales: VAWDASV National Training Framework
    ("vawdasv_group1", "Violence Against Women", "1^e-learning^Welsh Government^^", [
        "CDF^VAWDASV Group 1 | Trais yn erbyn Menywod, Cam-drin Domestig a Thrais Rhywiol Grŵp 1",
        "FLN^VAWDASV Grŵp 1 / Group 1 Awareness",
        "RCT^Trais yn erbyn Menywod, Cam-drin Domestig a Thrais Rhywiol - Grŵp 1",
        "VOG^Ymwybyddiaeth VAWDASV Grŵp 1",
        "BGC^Violence Against Women, Domestic Abuse and Sexual Violence (Group 1)",
    ]),
    ("vawdasv_group2", "Violence Against Women", "6^classroom^^^", [
        "CDF^Ask and Act (VAWDASV Group 2) | Gofyn a Gweithredu (Grŵp 2)",
        "FLN^Gofyn a Gweithredu Grŵp 2 / Ask and Act Group 2",
        "RCT^VAWDASV Group 2 - Ask and Act",
        "MON^Ask & Act - Group 2",
        "BGC^Ask and Act Training (NTF Group 2)",
    ]),
    ("vawdasv_group3", "Violence Against Women", "12^classroom^^^", [
        "CDF^VAWDASV Group 3 | Grŵp 3",
        "RCT^VAWDASV National Training Framework - Group 3",
        "VOG^VAWDASV Grŵp 3",
    ]),
    ("vawdasv_group6", "Violence Against Women", "3^classroom^^^", [
        "CDF^VAWDASV Group 6 - Leaders | Grŵp 6 - Arweinwyr",
        "MON^VAWDASV Group 6 Leadership",
        "VOG^VAWDASV Grŵp 6 - Arweinwyr",
    ]),
    # ---------------------------------------------------------------- Wales: Welsh language
    ("welsh_language_awareness", "Welsh Language", "1^e-learning^^^", [
        "CDF^Welsh Language Awareness | Ymwybyddiaeth Iaith Gymraeg",
        "FLN^Ymwybyddiaeth Iaith / Language Awareness",
        "MON^Welsh Language Awareness",
        "RCT^Ymwybyddiaeth Iaith Gymraeg",
        "VOG^Ymwybyddiaeth o'r Gymraeg / Welsh Language Awareness",
    ]),
    ("welsh_mynediad", "Welsh Language", "60^live-online^Dysgu Cymraeg^^Mynediad", [
        "CDF^Welsh for Beginners - Mynediad | Cymraeg Mynediad",
        "FLN^Cymraeg Gwaith - Mynediad / Work Welsh Entry",
        "RCT^Cymraeg Lefel Mynediad",
        "VOG^Cwrs Cymraeg - Mynediad",
        "BGC^Learn Welsh - Entry Level (Mynediad)",
    ]),
    ("welsh_sylfaen", "Welsh Language", "60^live-online^Dysgu Cymraeg^^Sylfaen", [
        "CDF^Welsh Foundation Level | Cymraeg Sylfaen",
        "FLN^Cymraeg Gwaith - Sylfaen / Work Welsh Foundation",
        "RCT^Cymraeg Lefel Sylfaen",
        "VOG^Cwrs Cymraeg - Sylfaen",
    ]),
    ("welsh_canolradd", "Welsh Language", "60^live-online^Dysgu Cymraeg^^Canolradd", [
        "CDF^Welsh Intermediate | Cymraeg Canolradd",
        "FLN^Cymraeg Gwaith - Canolradd / Work Welsh Intermediate",
        "RCT^Cymraeg Lefel Canolradd",
    ]),
    ("welsh_language_standards_managers", "Welsh Language", "2^live-online^^^", [
        "CDF^Welsh Language Standards for Managers | Safonau'r Gymraeg i Reolwyr",
        "VOG^Safonau'r Gymraeg - Canllawiau i Reolwyr",
        "MON^Welsh Language Standards - Compliance for Service Managers",
    ]),
]


def _entries():
    """Yield (cluster, topic, code, title, hours, method, provider, accreditation, level) per record."""
    for slug, topic, defaults, items in CLUSTERS:
        d = (defaults.split("^") + [""] * 5)[:5]
        for item in items:
            parts = (item.split("^") + [""] * 7)[:7]
            code, title = parts[0], parts[1]
            vals = [p if p else dv for p, dv in zip(parts[2:], d, strict=False)]
            yield (slug, topic, code, title, *vals)


def _hours_str(h: float) -> str:
    if h >= 6:
        days = max(1, round(h / 6.5))
        return f"{days} day" if days == 1 else f"{days} days"
    return f"{int(h)} hr" if h == 1 else f"{int(h)} hrs"


def _level(code: str, level: str) -> str:
    if not level:
        return ""
    if not level.isdigit():
        return level
    return {"FOD": f"Level {level}", "CDF": f"Lefel {level}", "BGC": f"L{level}"}.get(code, level)


def _style(code: str, title: str, n: int, method: str, slug: str, topic: str, hours: str) -> str:
    """Apply council ``code``'s export habit to ``title`` (``n`` = the council's running record number)."""
    if code == "ELC":  # upper case with a topic code
        return f"{TOPIC_CODE.get(topic, 'LD')}-{100 + n} {title.upper()}"
    if code == "CES":  # trailing year on alternate rows
        return f"{title} - 2025/26" if n % 2 == 0 else title
    if code == "SIC":  # eLearn: prefix on e-learning
        return f"eLearn: {title}" if method == "e-learning" else title
    if code == "SAC":  # all lower case
        return title.lower()
    if code == "ANB":  # Mandatory: prefix
        return f"Mandatory: {title}" if slug in MANDATORY else title
    if code == "AND":  # [AN-0412] codes
        return f"[AN-{400 + 7 * n:04d}] {title}"
    if code == "ABC":  # LMS export with delivery code
        tag = {"e-learning": "ELEARN", "live-online": "VC", "blended": "BL"}.get(method, "ILT")
        return f"{title} ({tag}-{40 + n:04d})"
    if code == "MEA":  # classroom cohorts
        return f"Course: {title} - Cohort {n % 4 + 1}" if method == "classroom" else title
    if code == "CDF":  # (v2) suffix on some rows
        return f"{title} (v2)" if n % 4 == 0 else title
    if code == "MON":  # duration in the title
        low = title.lower()
        if hours and "day" not in low and "hour" not in low:
            return f"{title} ({_hours_str(float(hours))})"
        return title
    if code == "VOG":  # bilingual e-learning prefix
        return f"E-ddysgu / eLearning: {title}" if method == "e-learning" else title
    if code == "BGC":  # edition noise
        return f"{title} (2024 edition)" if n % 3 == 0 else title
    return title  # CLK, FOD, FLN, RCT: titles as written


def rows() -> list[dict]:
    out: list[dict] = []
    counters: dict[str, int] = {c: 0 for c in COUNCILS}
    seen: set[tuple[str, str]] = set()
    for slug, topic, code, title, hours, method, provider, accr, level in _entries():
        assert code in COUNCILS, code
        assert (slug, code) not in seen, (slug, code)
        seen.add((slug, code))
        counters[code] += 1
        n = counters[code]
        name, gives_topic = COUNCILS[code]
        g = GIVES[code]
        if "provider" in g and not provider:
            provider = IN_HOUSE.get(code, "")
        out.append({
            "record_id": len(out) + 1,
            "council": name,
            "title": _style(code, title, n, method, slug, topic, hours),
            "topic": topic if gives_topic else "",
            "provider_name": provider if "provider" in g else "",
            "accreditation": accr if "accreditation" in g else "",
            "level": _level(code, level) if "level" in g else "",
            "duration_hours": hours if "hours" in g else "",
            "delivery_method": method if "method" in g else "",
            "cluster": slug,
        })
    return out


def main() -> None:
    data = rows()
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=FIELDS)
        w.writeheader()
        for r in data:
            w.writerow(r)
    print(f"wrote {len(data)} rows to {OUT}")


if __name__ == "__main__":
    main()
