"""The matcher's reasons in words, in the reader's language."""

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .models import ProfileSkill, Skill, WelshLevel


def skill_labels() -> dict[str, str]:
    """Each skill's English name → its name in the reader's language (the matcher names skills in English)."""
    if not (get_language() or "").startswith("cy"):
        return {}
    return {name: welsh for name, welsh in Skill.objects.exclude(welsh_name="").values_list("name", "welsh_name")}


def reason_text(code: str, values: dict, points: int = 0, labels: dict | None = None) -> str:
    v = dict(values or {})
    if "skill" in v and labels:
        v["skill"] = labels.get(v["skill"], v["skill"])
    plus = f" (+{points})" if points else ""
    if code == "skill":
        if "as" in v:
            return _("Skill: %(skill)s, known as “%(as)s”: %(percent)s%% of it in the request") % v + plus
        return _("Skill: %(skill)s: %(percent)s%% of it in the request") % v + plus
    if code == "depth":
        return _("Depth: %(depth)s") % {"depth": ProfileSkill.Depth(v["depth"]).label} + plus
    if code == "verified":
        return _("Skill verified by their council's lead") + plus
    if code == "about":
        return _("Their own description covers %(percent)s%% of the request") % v + plus
    if code == "welsh":
        return _("Delivers in Welsh; Welsh-language ability %(level)s") % {"level": WelshLevel(v["level"]).label} + plus
    if code == "distance":
        return _("%(km)s km from the council asking") % v + plus
    if code == "distance_unknown":
        return _("Distance not known")
    if code == "available":
        return _("%(days)s days a quarter to give") % v + plus
    if code == "not_available":
        return _("No days to give this quarter")
    if code == "availability_unknown":
        return _("Days to give not known")
    if code == "other_council":
        return _("From another council: sharing across the network")
    if code == "own_council":
        return _("From the council asking")
    return code


def reasons_of(match, labels: dict | None = None) -> list[str]:
    return [reason_text(r.code, dict(r.values), r.points, labels) for r in match.reasons]


def stored_reasons(ask, labels: dict | None = None) -> list[str]:
    return [reason_text(r.get("code", ""), r.get("values", {}), r.get("points", 0), labels) for r in ask.reasons or []]
