"""Pooled support days: each council's entitlement, use and balance, exact.

A pool of support days is funded by councils' individual drawdowns, each council drawing
at most ``cap_days`` in total; the days are used as one-to-one support or through theme
groups whose facilitator days are shared among the group's councils, equally unless
``weights`` are given.

Spec (JSON)::

    {"pool_days": "14",                   # days available to draw (required)
     "cap_days": "3",                     # most any one council may draw (optional)
     "councils": ["Bolton", "Bury", ...], # required, in the order to report
     "drawdowns": [{"council": "Bolton", "days": "3", "date": "2013-05-01"}],   # date optional
     "one_to_one": [{"council": "Bury", "days": "1"}],
     "groups": [{"id": "Workforce", "days": "4", "members": ["Bolton", "Bury", "Wigan"],
                 "weights": {"Bolton": "2", "Bury": "1", "Wigan": "1"}}]}   # weights optional

Days are decimals held in hundredths of a day. Drawdowns are taken in the order given; one
that would take a council over its cap, or the pool below zero, is refused and listed (the
others stand). A group's days are split among its members by largest remainder (ties by
member order) so the shares add up exactly to the group's days.

Output::

    {"pool_days": "14.00", "drawn": "14.00", "undrawn": "0.00",
     "refused": [{"drawdown": 6, "council": "Bolton", "days": "1.00",
                  "reason": "over the cap of 3.00 days (already drawn 3.00)"}],
     "groups": {"Workforce": {"days": "4.00", "shares": {"Bolton": "2.00", "Bury": "1.00", "Wigan": "1.00"}}},
     "councils": {"Bolton": {"entitlement": "3.00", "one_to_one": "0.00", "groups": "2.00",
                             "used": "2.00", "balance": "1.00"}, ...},
     "overused": []}          # councils whose use exceeds their entitlement (negative balance)
"""

from .money import SpecError, fmt, gettext_noop, split_by_weights, to_decimal, to_pence

fmt_days = fmt


def _days(value, field, *, positive=False):
    n = to_pence(value, field)  # hundredths of a day, same exactness rules as money
    if positive and n <= 0:
        raise SpecError(gettext_noop("%(field)s: must be positive"), field=field)
    return n


def _items(spec, key):
    v = spec.get(key, [])
    if not isinstance(v, list):
        raise SpecError(gettext_noop("%(field)s: expected a list"), field=key)
    for i, item in enumerate(v):
        if not isinstance(item, dict):
            raise SpecError(gettext_noop("%(field)s: expected an object"), field=f"{key}[{i}]")
    return v


def run(spec) -> dict:
    if not isinstance(spec, dict):
        raise SpecError(gettext_noop("%(field)s: expected a JSON object"), field="spec")
    unknown = set(spec) - {"pool_days", "cap_days", "councils", "drawdowns", "one_to_one", "groups"}
    if unknown:
        raise SpecError(gettext_noop("%(field)s: unknown field"), field=sorted(unknown)[0])
    if "pool_days" not in spec:
        raise SpecError(gettext_noop("%(field)s: missing"), field="pool_days")
    pool = _days(spec["pool_days"], "pool_days")
    cap = _days(spec["cap_days"], "cap_days") if spec.get("cap_days") is not None else None
    councils = spec.get("councils")
    if not isinstance(councils, list) or not councils:
        raise SpecError(gettext_noop("%(field)s: expected a non-empty list of council names"), field="councils")
    for i, c in enumerate(councils):
        if not isinstance(c, str) or not c.strip():
            raise SpecError(gettext_noop("%(field)s: not a council name"), field=f"councils[{i}]")
        if c in councils[:i]:
            raise SpecError(gettext_noop("%(field)s: %(value)s appears twice"), field=f"councils[{i}]", value=c)
    known = set(councils)

    def council(item, where):
        c = item.get("council")
        if c not in known:
            raise SpecError(gettext_noop("%(field)s: %(value)s is not one of the councils"), field=f"{where}.council",
                            value=repr(c))
        return c

    drawn = {c: 0 for c in councils}
    refused = []
    for i, d in enumerate(_items(spec, "drawdowns")):
        c = council(d, f"drawdowns[{i}]")
        where = f"drawdowns[{i}] ({c})"
        if set(d) - {"council", "days", "date"}:
            raise SpecError(gettext_noop("%(where)s: unknown field '%(name)s'"), where=where,
                            name=sorted(set(d) - {"council", "days", "date"})[0])
        if "days" not in d:
            raise SpecError(gettext_noop("%(field)s: missing"), field=f"{where}.days")
        n = _days(d["days"], f"{where}.days", positive=True)
        if cap is not None and drawn[c] + n > cap:
            refused.append({"drawdown": i, "council": c, "days": fmt_days(n),
                            "reason": f"over the cap of {fmt_days(cap)} days (already drawn {fmt_days(drawn[c])})"})
        elif sum(drawn.values()) + n > pool:
            refused.append({"drawdown": i, "council": c, "days": fmt_days(n),
                            "reason": f"more than the pool has left ({fmt_days(pool - sum(drawn.values()))} days)"})
        else:
            drawn[c] += n

    one = {c: 0 for c in councils}
    for i, u in enumerate(_items(spec, "one_to_one")):
        c = council(u, f"one_to_one[{i}]")
        if "days" not in u:
            raise SpecError(gettext_noop("%(field)s: missing"), field=f"one_to_one[{i}] ({c}).days")
        one[c] += _days(u["days"], f"one_to_one[{i}] ({c}).days", positive=True)

    grp = {c: 0 for c in councils}
    groups = {}
    for i, g in enumerate(_items(spec, "groups")):
        gid = g.get("id")
        if not isinstance(gid, str) or not gid.strip():
            raise SpecError(gettext_noop("%(field)s: missing or not a string"), field=f"groups[{i}].id")
        if gid in groups:
            raise SpecError(gettext_noop("%(field)s: %(value)s appears twice"), field=f"groups[{i}].id", value=gid)
        where = f"groups[{i}] ({gid})"
        if "days" not in g:
            raise SpecError(gettext_noop("%(field)s: missing"), field=f"{where}.days")
        n = _days(g["days"], f"{where}.days")
        members = g.get("members")
        if not isinstance(members, list) or not members:
            raise SpecError(gettext_noop("%(field)s: expected a non-empty list of councils"), field=f"{where}.members")
        for j, m in enumerate(members):
            if m not in known:
                raise SpecError(gettext_noop("%(field)s: %(value)s is not one of the councils"), field=f"{where}.members[{j}]",
                                value=repr(m))
            if m in members[:j]:
                raise SpecError(gettext_noop("%(field)s: %(value)s appears twice"), field=f"{where}.members[{j}]", value=m)
        if g.get("weights") is None:
            weights = [1] * len(members)
        else:
            raw = g["weights"]
            if not isinstance(raw, dict):
                raise SpecError(gettext_noop("%(field)s: expected an object of council: weight"), field=f"{where}.weights")
            for m in raw:
                if m not in members:
                    raise SpecError(gettext_noop("%(field)s: %(value)s is not a member of the group"), field=f"{where}.weights",
                                    value=repr(m))
            weights = []
            for m in members:
                if m not in raw:
                    raise SpecError(gettext_noop("%(field)s: no weight for member %(value)s"), field=f"{where}.weights", value=m)
                w = to_decimal(raw[m], f"{where}.weights.{m}")
                if w < 0:
                    raise SpecError(gettext_noop("%(field)s: must not be negative"), field=f"{where}.weights.{m}")
                weights.append(w)
            if sum(weights) <= 0:
                raise SpecError(gettext_noop("%(field)s: all zero"), field=f"{where}.weights")
        shares = split_by_weights(n, weights) if n else [0] * len(members)
        for m, s in zip(members, shares, strict=True):
            grp[m] += s
        groups[gid] = {"days": fmt_days(n), "shares": {m: fmt_days(s) for m, s in zip(members, shares, strict=True)}}

    out_councils, overused = {}, []
    for c in councils:
        used = one[c] + grp[c]
        out_councils[c] = {"entitlement": fmt_days(drawn[c]), "one_to_one": fmt_days(one[c]),
                           "groups": fmt_days(grp[c]), "used": fmt_days(used),
                           "balance": fmt_days(drawn[c] - used)}
        if used > drawn[c]:
            overused.append(c)
    total = sum(drawn.values())
    return {"pool_days": fmt_days(pool), "drawn": fmt_days(total), "undrawn": fmt_days(pool - total),
            "refused": refused, "groups": groups, "councils": out_councils, "overused": overused}
