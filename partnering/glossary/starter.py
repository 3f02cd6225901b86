"""A starter glossary for a new partnership: common L&D terms in English and Welsh, and the
other names councils use for them. Loaded by the demo; a real partnership can load it too
(`python manage.py shell -c "from partnering.glossary.starter import load; load()"`)."""

from .models import Term

STARTER_TERMS = [
    ("Cyber security awareness", "Ymwybyddiaeth seiberddiogelwch", "Staying safe online at work.", ["Cyber Ninjas", "Cyber essentials for staff"]),
    ("Safeguarding", "Diogelu", "Protecting children and adults at risk from harm.", ["Child protection", "POVA"]),
    ("First aid", "Cymorth cyntaf", "", []),
    ("Welsh language", "Y Gymraeg", "", ["Cymraeg", "Welsh for adults"]),
    ("Learning and development", "Dysgu a datblygu", "Training and development of the workforce (L&D).", ["L&D", "Training and development", "OD"]),
    ("Induction", "Cyflwyniad", "What new starters learn in their first weeks.", ["Welcome day", "Corporate welcome"]),
    ("Equality and diversity", "Cydraddoldeb ac amrywiaeth", "", ["E&D", "EDI", "Equalities"]),
    ("Manual handling", "Codi a chario", "", ["Moving and handling"]),
]


def load() -> int:
    created = 0
    for english, welsh, definition, synonyms in STARTER_TERMS:
        _, made = Term.objects.get_or_create(english=english, defaults={"welsh": welsh, "definition": definition, "synonyms": "\n".join(synonyms)})
        created += made
    return created
