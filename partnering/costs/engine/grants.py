"""A grant-funded project's statement: awards after amendments, spend, underspend to return.

Spec (JSON)::

    {"funders": [{"id": "ESF", "awarded": "144933.00"}, {"id": "WLGA", "awarded": "69767.00"}],
     "amendments": [{"funder": "ESF", "date": "2013-09-01", "change": "-5000.00", "reason": "cut"}],
     "spend": [{"date": "2013-04-30", "amount": "12000.00", "kind": "revenue"}],
     "in_kind": [{"party": "Denbighshire", "date": "2013-05-31", "days": "4", "day_rate": "300.00"}],
     "end_date": "2014-12-31"}

Optional planning and claiming, reported only when given::

     "profile": [{"year": "2013/14", "amount": "70000.00"}],     # planned spend by financial year
     "reprofiles": [{"date": "2014-01-10", "from_year": "2013/14", "to_year": "2014/15",
                     "amount": "8000.00", "reason": "recruitment delayed"}],
     "claims": [{"funder": "ESF", "date": "2013-07-15", "amount": "10000.00"}]

An amendment may name the ``year`` of the profile it changes ("the third year's funding
halved"); its change then moves that year's planned spend too.

``funders`` is required; ``amendments``, ``spend`` and ``in_kind`` default to empty and
``end_date`` to none (all spend claimable). Each amendment needs a known ``funder``, a
``date``, a signed ``change`` and a ``reason``; an award may not go below zero. ``kind``
is ``revenue`` or ``capital``. An in-kind entry has ``days`` and ``day_rate`` (valued at
days x day rate, rounded half up to the penny) or a ``value``.

Output::

    {"awarded": {"ESF": "139933.00", "WLGA": "69767.00"},   # after amendments, funder order
     "total_awarded": "209700.00",
     "spent": "12000.00",              # claimable: dated on or before end_date
     "spent_after_end": "0.00",        # not claimable, never in "spent"
     "spend_after_end": [{"date": ..., "amount": ..., "kind": ...}],   # those items, listed
     "by_kind": {"revenue": {"spent": ..., "spent_after_end": ...}, "capital": {...}},
     "underspend": "197700.00",        # or "overspend": ... when spent > total_awarded
     "return": {"ESF": ..., "WLGA": ...},   # underspend pro rata to awarded, exact to the penny
     "in_kind": {"Denbighshire": "1200.00"},
     "in_kind_total": "1200.00",       # in kind is never added to cash
     "by_year": {"2013/14": {"spent": ..., "revenue": ..., "capital": ...,
                             "spent_after_end": ..., "in_kind": ...}}}

With a profile, each year also has "profiled" (after amendments and re-profiling) and
"variance" (profiled minus spent), and there is "total_profiled". With claims, "claimed"
and "still_to_claim" give each funder's claims and what is left of its award, and
"over_claimed" lists funders claimed beyond their award.

``warnings(spec, output, today)`` lists what needs attention before (and after) the end
date, as codes with figures, for the app to put into words.

Financial years start on 1 April ("2013/14" is 1 April 2013 to 31 March 2014). With an
overspend every funder's return is "0.00".
"""

from datetime import date
from decimal import ROUND_HALF_UP

from .money import SpecError, fmt, gettext_noop, split_by_weights, to_decimal, to_pence

KINDS = ("revenue", "capital")


def financial_year(d: date) -> str:
    start = d.year if d >= date(d.year, 4, 1) else d.year - 1
    return f"{start}/{(start + 1) % 100:02d}"


def in_kind_pence(days, day_rate_pence: int) -> int:
    """Days at a day rate, rounded half up to the penny."""
    return int((days * day_rate_pence).quantize(1, rounding=ROUND_HALF_UP))


def _date(value, field):
    if not isinstance(value, str):
        raise SpecError(gettext_noop("%(field)s: missing or not a date (YYYY-MM-DD)"), field=field)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise SpecError(gettext_noop("%(field)s: not a date (YYYY-MM-DD): %(value)s"), field=field, value=repr(value)) from None


def _list(spec, key, required=False):
    if key not in spec:
        if required:
            raise SpecError(gettext_noop("%(field)s: missing"), field=key)
        return []
    v = spec[key]
    if not isinstance(v, list) or (required and not v):
        if required:
            raise SpecError(gettext_noop("%(field)s: expected a non-empty list"), field=key)
        raise SpecError(gettext_noop("%(field)s: expected a list"), field=key)
    for i, item in enumerate(v):
        if not isinstance(item, dict):
            raise SpecError(gettext_noop("%(field)s: expected an object"), field=f"{key}[{i}]")
    return v


def _check_fields(item, allowed, where):
    bad = set(item) - allowed
    if bad:
        raise SpecError(gettext_noop("%(where)s: unknown field '%(name)s'"), where=where, name=sorted(bad)[0])


def statement(spec) -> dict:
    if not isinstance(spec, dict):
        raise SpecError(gettext_noop("%(field)s: expected a JSON object"), field="spec")
    unknown = set(spec) - {"funders", "amendments", "spend", "in_kind", "end_date", "profile", "reprofiles", "claims"}
    if unknown:
        raise SpecError(gettext_noop("%(field)s: unknown field"), field=sorted(unknown)[0])
    awarded: dict[str, int] = {}
    for i, f in enumerate(_list(spec, "funders", required=True)):
        fid = f.get("id")
        if not isinstance(fid, str) or not fid.strip():
            raise SpecError(gettext_noop("%(field)s: missing or not a string"), field=f"funders[{i}].id")
        if fid in awarded:
            raise SpecError(gettext_noop("%(field)s: %(value)s appears twice"), field=f"funders[{i}].id", value=fid)
        _check_fields(f, {"id", "awarded"}, f"funders[{i}] ({fid})")
        if "awarded" not in f:
            raise SpecError(gettext_noop("%(field)s: missing"), field=f"funders[{i}] ({fid}).awarded")
        awarded[fid] = to_pence(f["awarded"], f"funders[{i}] ({fid}).awarded")
    amendments = _list(spec, "amendments")
    for i, a in enumerate(amendments):
        where = f"amendments[{i}]"
        _check_fields(a, {"funder", "date", "change", "reason", "year"}, where)
        fid = a.get("funder")
        if fid not in awarded:
            raise SpecError(gettext_noop("%(field)s: %(value)s is not one of the funders"), field=f"{where}.funder", value=repr(fid))
        where = f"{where} ({fid})"
        _date(a.get("date"), f"{where}.date")
        if "change" not in a:
            raise SpecError(gettext_noop("%(field)s: missing"), field=f"{where}.change")
        to_pence(a["change"], f"{where}.change", allow_negative=True)
        if not isinstance(a.get("reason"), str) or not a["reason"].strip():
            raise SpecError(gettext_noop("%(field)s: missing; every amendment needs a reason"), field=f"{where}.reason")
        if "year" in a:
            _year(a["year"], f"{where}.year")
    # apply in date order so "never below zero" holds at every point in time
    for i, a in sorted(enumerate(amendments), key=lambda ia: (ia[1]["date"], ia[0])):
        awarded[a["funder"]] += to_pence(a["change"], "change", allow_negative=True)
        if awarded[a["funder"]] < 0:
            raise SpecError(gettext_noop("%(field)s: takes the award below zero"), field=f"amendments[{i}] ({a['funder']}).change")
    end = _date(spec["end_date"], "end_date") if spec.get("end_date") is not None else None

    years: dict[str, dict[str, int]] = {}

    def year(d):
        return years.setdefault(financial_year(d), {"spent": 0, "revenue": 0, "capital": 0,
                                                    "spent_after_end": 0, "in_kind": 0})

    by_kind = {k: {"spent": 0, "spent_after_end": 0} for k in KINDS}
    after = []
    for i, s in enumerate(_list(spec, "spend")):
        where = f"spend[{i}]"
        _check_fields(s, {"date", "amount", "kind", "description"}, where)
        d = _date(s.get("date"), f"{where}.date")
        if "amount" not in s:
            raise SpecError(gettext_noop("%(field)s: missing"), field=f"{where}.amount")
        amount = to_pence(s["amount"], f"{where}.amount")
        kind = s.get("kind")
        if kind not in KINDS:
            raise SpecError(gettext_noop("%(field)s: expected %(revenue)s or %(capital)s, got %(value)s"),
                            field=f"{where}.kind", revenue="revenue", capital="capital", value=repr(kind))
        y = year(d)
        if end is not None and d > end:
            by_kind[kind]["spent_after_end"] += amount
            y["spent_after_end"] += amount
            after.append({"date": d.isoformat(), "amount": fmt(amount), "kind": kind})
        else:
            by_kind[kind]["spent"] += amount
            y["spent"] += amount
            y[kind] += amount
    in_kind: dict[str, int] = {}
    for i, k in enumerate(_list(spec, "in_kind")):
        where = f"in_kind[{i}]"
        _check_fields(k, {"party", "date", "days", "day_rate", "value", "description"}, where)
        party = k.get("party")
        if not isinstance(party, str) or not party.strip():
            raise SpecError(gettext_noop("%(field)s: missing or not a string"), field=f"{where}.party")
        where = f"{where} ({party})"
        d = _date(k.get("date"), f"{where}.date")
        if "value" in k:
            if "days" in k or "day_rate" in k:
                raise SpecError(gettext_noop("%(where)s: give either %(value)s or %(days)s and %(day_rate)s, not both"),
                                where=where, value="value", days="days", day_rate="day_rate")
            value = to_pence(k["value"], f"{where}.value")
        else:
            for field in ("days", "day_rate"):
                if field not in k:
                    raise SpecError(gettext_noop("%(field)s: missing (or give a %(other)s)"), field=f"{where}.{field}",
                                    other="value")
            days = to_decimal(k["days"], f"{where}.days")
            if days < 0:
                raise SpecError(gettext_noop("%(field)s: must not be negative"), field=f"{where}.days")
            value = in_kind_pence(days, to_pence(k["day_rate"], f"{where}.day_rate"))
        in_kind[party] = in_kind.get(party, 0) + value
        year(d)["in_kind"] += value

    total_awarded = sum(awarded.values())
    spent = sum(v["spent"] for v in by_kind.values())
    out = {"awarded": {f: fmt(a) for f, a in awarded.items()},
           "total_awarded": fmt(total_awarded),
           "spent": fmt(spent),
           "spent_after_end": fmt(sum(v["spent_after_end"] for v in by_kind.values())),
           "spend_after_end": after,
           "by_kind": {k: {kk: fmt(vv) for kk, vv in v.items()} for k, v in by_kind.items()}}
    if spent <= total_awarded:
        under = total_awarded - spent
        out["underspend"] = fmt(under)
        returns = split_by_weights(under, list(awarded.values())) if under else [0] * len(awarded)
    else:
        out["overspend"] = fmt(spent - total_awarded)
        returns = [0] * len(awarded)
    out["return"] = {f: fmt(r) for f, r in zip(awarded, returns, strict=True)}
    out["in_kind"] = {p: fmt(v) for p, v in in_kind.items()}
    out["in_kind_total"] = fmt(sum(in_kind.values()))
    profiled = _profile(spec, amendments)
    if profiled is not None:
        for fy, amount in profiled.items():
            year_figures = years.setdefault(fy, {"spent": 0, "revenue": 0, "capital": 0, "spent_after_end": 0, "in_kind": 0})
            year_figures["profiled"] = amount
        for figures in years.values():
            figures.setdefault("profiled", 0)
            figures["variance"] = figures["profiled"] - figures["spent"]
        out["total_profiled"] = fmt(sum(profiled.values()))
    out["by_year"] = {fy: {k: fmt(v) for k, v in years[fy].items()} for fy in sorted(years)}
    if "claims" in spec:
        claimed = dict.fromkeys(awarded, 0)
        for i, c in enumerate(_list(spec, "claims")):
            where = f"claims[{i}]"
            _check_fields(c, {"funder", "date", "amount", "reference"}, where)
            if c.get("funder") not in awarded:
                raise SpecError(gettext_noop("%(field)s: %(value)s is not one of the funders"), field=f"{where}.funder",
                                value=repr(c.get("funder")))
            _date(c.get("date"), f"{where} ({c['funder']}).date")
            if "amount" not in c:
                raise SpecError(gettext_noop("%(field)s: missing"), field=f"{where} ({c['funder']}).amount")
            claimed[c["funder"]] += to_pence(c["amount"], f"{where} ({c['funder']}).amount")
        out["claimed"] = {f: fmt(v) for f, v in claimed.items()}
        out["claimed_total"] = fmt(sum(claimed.values()))
        out["still_to_claim"] = {f: fmt(max(awarded[f] - v, 0)) for f, v in claimed.items()}
        out["over_claimed"] = {f: fmt(v - awarded[f]) for f, v in claimed.items() if v > awarded[f]}
    return out


def _year(value, field) -> str:
    """A financial year written "2013/14"."""
    if isinstance(value, str) and len(value) == 7 and value[4] == "/" and value[:4].isdigit() and value[5:].isdigit():
        if (int(value[:4]) + 1) % 100 == int(value[5:]):
            return value
    raise SpecError(gettext_noop("%(field)s: not a financial year like 2013/14: %(value)s"), field=field, value=repr(value))


def _profile(spec, amendments) -> dict[str, int] | None:
    """Planned spend by year after amendments that name a year and after re-profiling; None without a profile."""
    if "profile" not in spec and "reprofiles" not in spec:
        return None
    planned: dict[str, int] = {}
    for i, line in enumerate(_list(spec, "profile")):
        where = f"profile[{i}]"
        _check_fields(line, {"year", "amount"}, where)
        fy = _year(line.get("year"), f"{where}.year")
        if fy in planned:
            raise SpecError(gettext_noop("%(field)s: %(value)s appears twice"), field=f"{where}.year", value=fy)
        if "amount" not in line:
            raise SpecError(gettext_noop("%(field)s: missing"), field=f"{where} ({fy}).amount")
        planned[fy] = to_pence(line["amount"], f"{where} ({fy}).amount")
    for a in amendments:
        if "year" in a:
            planned[a["year"]] = planned.get(a["year"], 0) + to_pence(a["change"], "change", allow_negative=True)
    for i, r in enumerate(_list(spec, "reprofiles")):
        where = f"reprofiles[{i}]"
        _check_fields(r, {"date", "from_year", "to_year", "amount", "reason"}, where)
        _date(r.get("date"), f"{where}.date")
        source, target = _year(r.get("from_year"), f"{where}.from_year"), _year(r.get("to_year"), f"{where}.to_year")
        if source == target:
            raise SpecError(gettext_noop("%(field)s: the same year as %(other)s"), field=f"{where}.to_year", other="from_year")
        if "amount" not in r:
            raise SpecError(gettext_noop("%(field)s: missing"), field=f"{where}.amount")
        if not isinstance(r.get("reason"), str) or not r["reason"].strip():
            raise SpecError(gettext_noop("%(field)s: missing; every re-profiling needs a reason"), field=f"{where}.reason")
        amount = to_pence(r["amount"], f"{where}.amount")
        planned[source] = planned.get(source, 0) - amount
        planned[target] = planned.get(target, 0) + amount
    for fy, amount in planned.items():
        if amount < 0:
            raise SpecError(gettext_noop("%(field)s: %(year)s's planned spend goes below zero after amendments and re-profiling"),
                            field="profile", year=fy)
    return dict(sorted(planned.items()))


def _fy_end(fy: str) -> date:
    return date(int(fy[:4]) + 1, 3, 31)


def warnings(spec, out, today: date, warn_days: int = 90) -> list[dict]:
    """What needs attention on ``today``, most urgent first: each a ``code`` with its figures (strings)."""
    found = []
    end = _date(spec["end_date"], "end_date") if spec.get("end_date") is not None else None
    under = out.get("underspend", "0.00")
    if "overspend" in out:
        found.append({"code": "overspend", "amount": out["overspend"]})
    if end is not None and today > end and to_pence(under, "underspend") > 0:
        found.append({"code": "ended_with_underspend", "end_date": end.isoformat(), "amount": under,
                      "return": out["return"]})
    elif end is not None and today <= end and (end - today).days <= warn_days and to_pence(under, "underspend") > 0:
        found.append({"code": "ends_soon", "end_date": end.isoformat(), "days_left": str((end - today).days), "amount": under})
    if to_pence(out["spent_after_end"], "spent_after_end") > 0:
        found.append({"code": "spend_after_end", "amount": out["spent_after_end"]})
    for funder, amount in out.get("over_claimed", {}).items():
        found.append({"code": "over_claimed", "funder": funder, "amount": amount})
    for fy, figures in out["by_year"].items():
        if "variance" in figures and _fy_end(fy) < today and to_pence(figures["variance"], "variance", allow_negative=True) > 0:
            found.append({"code": "under_profile", "year": fy, "amount": figures["variance"]})
    return found


run = statement
