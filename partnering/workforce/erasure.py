"""Erasing what the workforce app holds about a person (partnering.ops.retention runs every app's eraser): the
time they gave and the posts and secondments they held stay, for the partnership's cost and time figures; their
own comments on timesheets go."""

from .models import Timesheet

# Every model of this app that points at a person, and what erasure does with it (a test compares this with the models).
HANDLES = {
    "workforce.Timesheet": "kept for time given and got (hours, council, period); the person's comment is blanked",
    "workforce.SharedPost": "kept for cost sharing: the post holder reads as the anonymised person",
    "workforce.Secondment": "kept for cost and time figures: the secondee reads as the anonymised person",
    "workforce.Unlock": "kept: who unlocked a timesheet reads as the anonymised person",
    "workforce.Recruitment": "kept: who recorded it reads as the anonymised person",
    "workforce.RecruitmentPartner": "kept: who signed off reads as the anonymised person",
    "workforce.CouncilTerms": "kept: who recorded them reads as the anonymised person",
}

# Fields blanked, by model, with the path from the model to the person: their history goes from the audit trail too.
ERASED_FIELDS = {"workforce.Timesheet": ("person", ("comment",))}


def anonymise_person(person, former) -> int:
    """Call inside `audit.quiet()`: an entry per change would copy into the trail what is being erased."""
    return Timesheet.objects.filter(person=person).exclude(comment="").update(comment="")
