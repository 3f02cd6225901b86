"""Erasing what the learning app holds about a person (partnering.ops.retention runs every app's eraser).

Bookings, attendance and training records stay, linked to the anonymised person: the partnership's figures
(places used, hours trained, costs shared) count them. What the person wrote in their own words and the
certificates they uploaded go."""

from django.db import transaction
from django.db.models import Q

from .models import Evaluation, Evidence

# Every model of this app that points at a person, and what erasure does with it (a test compares this with the models).
HANDLES = {
    "learning.Booking": "kept for places, attendance and cost figures; the evaluation's own words are blanked, its score kept",
    "learning.TrainingRecord": "kept for training hours and completions",
    "learning.RecordShare": "kept: which councils could read the record, and when",
    "learning.Interest": "kept for demand figures",
    "learning.Session": "kept: a session's trainers are employments, and who trained reads as the anonymised person",
    "learning.Evidence": "kept as a completion with its hours; the uploaded certificate file is deleted",
}

# Fields blanked, by model, with the path from the model to the person: their history goes from the audit trail too.
ERASED_FIELDS = {
    "learning.Evaluation": ("booking__person", ("learned", "intended_use", "follow_up")),
    "learning.Evidence": ("person", ("certificate",)),
}


def anonymise_person(person, former) -> int:
    """Call inside `audit.quiet()`: an entry per change would copy into the trail what is being erased."""
    touched = Evaluation.objects.filter(Q(booking__person=person), ~Q(learned="") | ~Q(intended_use="") | ~Q(follow_up="")).update(
        learned="", intended_use="", follow_up="")
    for evidence in Evidence.objects.filter(person=person).exclude(certificate=""):
        stored, storage = evidence.certificate.name, evidence.certificate.storage
        Evidence.objects.filter(pk=evidence.pk).update(certificate="")
        # The file goes only once the blanked row is committed, so a rolled-back erasure loses nothing.
        transaction.on_commit(lambda name=stored, files=storage: files.delete(name))
        touched += 1
    return touched
