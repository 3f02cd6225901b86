"""Translatable labels for the return's fields (the importer itself is plain Python, without Django)."""

from django.utils.translation import gettext_lazy as _

FIELD_LABELS = {
    "title": _("Title"),
    "topic": _("Topic"),
    "delivery_method": _("Delivery method"),
    "provider_type": _("Provider type"),
    "provider_name": _("Provider name"),
    "accreditation": _("Accreditation"),
    "level": _("Level"),
    "duration_hours": _("Duration (hours)"),
    "sessions_per_year": _("Sessions per year"),
    "learners_per_year": _("Learners per year"),
    "annual_cost_gbp": _("Annual cost (£)"),
    "venue": _("Venue"),
    "notes": _("Notes"),
}

DELIVERY_METHOD_LABELS = {
    "classroom": _("Classroom"),
    "e-learning": _("E-learning"),
    "live-online": _("Live online"),
    "blended": _("Blended"),
    "coaching": _("Coaching or mentoring"),
    "event": _("Conference or event"),
}
PROVIDER_TYPE_LABELS = {"in-house": _("In-house"), "external": _("External (commissioned)")}
ARRANGEMENT_KIND_LABELS = {
    "informal": _("Informal"),
    "sla": _("Service level agreement"),
    "joint-commissioning": _("Joint commissioning"),
    "shared-post": _("Shared post"),
    "host-authority": _("Host authority"),
}
