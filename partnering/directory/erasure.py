"""Erasing what the expertise directory holds about a person (partnering.ops.retention runs every app's eraser):
their profile leaves the directory and loses their own words; the skills stay, for the partnership's skills figures."""

from django.db.models import Q

from .models import Ask, Profile, ProfileSkill

# Every model of this app that points at a person, and what erasure does with it (a test compares this with the models).
HANDLES = {
    "directory.Profile": "kept for skills and Welsh-language figures, unlisted, with their own words and languages blanked",
    "directory.ProfileSkill": "kept for skills figures with the note blanked; who verified a skill reads as the anonymised person",
    "directory.Ask": "kept for brokering figures (status, fit score); the message to them, their note and the matcher's reasons are blanked",
    "directory.CouncilTier": "kept: who set a council's tier reads as the anonymised person",
    "directory.HelpRequest": "kept: the request belongs to its council and partnership; who asked reads as the anonymised person",
}

# Fields blanked, by model, with the path from the model to the person: their history goes from the audit trail too.
ERASED_FIELDS = {
    "directory.Profile": ("person", ("about", "training_languages")),
    "directory.ProfileSkill": ("profile__person", ("note",)),
    "directory.Ask": ("person", ("message", "response_note", "reasons")),
}


def anonymise_person(person, former) -> int:
    """Call inside `audit.quiet()`: an entry per change would copy into the trail what is being erased."""
    touched = Profile.objects.filter(person=person).update(about="", training_languages="", listed_to=Profile.Listed.NOBODY)
    touched += ProfileSkill.objects.filter(profile__person=person).exclude(note="").update(note="")
    touched += Ask.objects.filter(Q(person=person), ~Q(message="") | ~Q(response_note="") | ~Q(reasons=[])).update(
        message="", response_note="", reasons=[])
    return touched
