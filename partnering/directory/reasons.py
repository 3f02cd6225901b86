"""The matcher's reasons in words, in the reader's language."""

from django.utils.translation import gettext as _

from .models import ProfileSkill, WelshLevel


def reason_text(code: str, values: dict, points: int = 0) -> str:
    v = values or {}
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


def reasons_of(match) -> list[str]:
    return [reason_text(r.code, dict(r.values), r.points) for r in match.reasons]


def stored_reasons(ask) -> list[str]:
    return [reason_text(r.get("code", ""), r.get("values", {}), r.get("points", 0)) for r in ask.reasons or []]
