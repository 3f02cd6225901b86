"""Savings sharing: each council's cost alone against its share of the joint cost.

Spec (JSON), either every coalition's cost::

    {"councils": [{"id": "A", "alone": "100000.00"}, {"id": "B", "alone": "80000.00"},
                  {"id": "C", "alone": "60000.00"}],
     "coalitions": [{"members": ["A", "B"], "cost": "150000.00"},
                    {"members": ["A", "C"], "cost": "140000.00"},
                    {"members": ["B", "C"], "cost": "125000.00"},
                    {"members": ["A", "B", "C"], "cost": "190000.00"}]}

(every coalition of two or more councils, the grand coalition's cost being the joint cost;
a council alone costs its ``alone``), or a cost function::

    {"councils": [...], "joint_cost": "190000.00", "rule": "proportional"}

where ``rule`` gives each coalition S of two or more councils short of all of them a cost:
``proportional``: S saves the same fraction of its stand-alone cost as the grand coalition
does (cost(S) = alone(S) x joint_cost / alone(all)); ``grand_only``: only the whole group
saves (cost(S) = alone(S)).

Optional: ``split`` is the agreed rule for sharing the saving: ``shapley`` (the default:
each council's average marginal saving over every order of joining), ``equal``, or
``proportional`` (to stand-alone cost; ``equal`` and ``proportional`` need only
``joint_cost``). ``method``: ``auto`` (default: exact for up to 12 councils, sampled
beyond), ``exact`` (at most 12 councils) or ``sampled``; ``samples`` (default 10000) and
``seed`` (default 0) fix the Monte-Carlo sample of joining orders, so a run is repeatable.

Output::

    {"split": "shapley", "method": "exact",      # or "sampled", with "samples" and "seed"
     "total_alone": "240000.00", "joint_cost": "190000.00", "saving": "50000.00",
     "councils": {"A": {"alone": "100000.00", "saving": "...", "share_of_joint_cost": "...",
                        "better_off": true}, ...}}

Savings add up exactly to the saving and shares exactly to the joint cost (largest
remainder, ties by council order). When sampled, each council also has
``"standard_error"``: the standard error of its sampled saving, in pounds to the penny.
"""

import random
from fractions import Fraction
from math import factorial, sqrt

from .money import SpecError, fmt, gettext_noop, identified_items, largest_remainder, split_by_weights, to_pence

EXACT_LIMIT = 12
RULES = ("proportional", "grand_only")
SPLITS = ("shapley", "equal", "proportional")
METHODS = ("auto", "exact", "sampled")


def shapley_exact(n: int, v) -> list[Fraction]:
    """Exact Shapley values of the game v(mask) on n players (v(0) == 0)."""
    vals = [Fraction(v(m)) for m in range(1 << n)]
    weight = [Fraction(factorial(k) * factorial(n - k - 1), factorial(n)) for k in range(n)]
    phi = [Fraction(0)] * n
    for mask in range(1 << n):
        k = bin(mask).count("1")
        if k == n:
            continue
        for i in range(n):
            if not mask >> i & 1:
                phi[i] += weight[k] * (vals[mask | 1 << i] - vals[mask])
    return phi


def shapley_sampled(n: int, v, samples: int, seed: int) -> tuple[list[Fraction], list[float]]:
    """Mean marginal contributions over ``samples`` random joining orders, and their standard errors.

    Each order's marginals add up to v(all), so the means do too, exactly."""
    rng = random.Random(seed)
    sums = [Fraction(0)] * n
    squares = [0.0] * n
    order = list(range(n))
    for _ in range(samples):
        rng.shuffle(order)
        mask, before = 0, Fraction(0)
        for i in order:
            mask |= 1 << i
            after = Fraction(v(mask))
            d = after - before
            sums[i] += d
            squares[i] += float(d) ** 2
            before = after
    means = [s / samples for s in sums]
    errors = []
    for i in range(n):
        m = float(means[i])
        var = max(0.0, (squares[i] - samples * m * m) / (samples - 1)) if samples > 1 else 0.0
        errors.append(sqrt(var / samples))
    return means, errors


def _mask(ids, index, members, where):
    if not isinstance(members, list) or len(members) < 2:
        raise SpecError(gettext_noop("%(field)s: expected a list of two or more councils"), field=f"{where}.members")
    mask = 0
    for j, m in enumerate(members):
        if m not in index:
            raise SpecError(gettext_noop("%(field)s: %(value)s is not one of the councils"), field=f"{where}.members[{j}]",
                            value=repr(m))
        if mask >> index[m] & 1:
            raise SpecError(gettext_noop("%(field)s: %(value)s appears twice"), field=f"{where}.members[{j}]", value=m)
        mask |= 1 << index[m]
    return mask


def run(spec) -> dict:
    if not isinstance(spec, dict):
        raise SpecError(gettext_noop("%(field)s: expected a JSON object"), field="spec")
    unknown = set(spec) - {"councils", "coalitions", "joint_cost", "rule", "split", "method", "samples", "seed"}
    if unknown:
        raise SpecError(gettext_noop("%(field)s: unknown field"), field=sorted(unknown)[0])
    ids, alone = [], []
    for cid, c, where in identified_items(spec, "councils", {"id", "alone"}):
        if "alone" not in c:
            raise SpecError(gettext_noop("%(field)s: missing; each council's stand-alone cost is needed"), field=f"{where}.alone")
        ids.append(cid)
        alone.append(to_pence(c["alone"], f"{where}.alone"))
    n = len(ids)
    index = {c: i for i, c in enumerate(ids)}
    full = (1 << n) - 1
    split = spec.get("split", "shapley")
    if split not in SPLITS:
        raise SpecError(gettext_noop("%(field)s: expected one of %(expected)s, got %(value)s"), field="split",
                        expected=", ".join(SPLITS), value=repr(split))
    method = spec.get("method", "auto")
    if method not in METHODS:
        raise SpecError(gettext_noop("%(field)s: expected one of %(expected)s, got %(value)s"), field="method",
                        expected=", ".join(METHODS), value=repr(method))

    def alone_of(mask):
        return sum(alone[i] for i in range(n) if mask >> i & 1)

    costs: dict[int, int] | None = None
    if "coalitions" in spec:
        if "joint_cost" in spec or "rule" in spec:
            raise SpecError(gettext_noop("%(field)s: give either %(field)s or %(joint)s and %(rule)s, not both"),
                            field="coalitions", joint="joint_cost", rule="rule")
        rc = spec["coalitions"]
        if not isinstance(rc, list):
            raise SpecError(gettext_noop("%(field)s: expected a list"), field="coalitions")
        costs = {}
        for k, item in enumerate(rc):
            where = f"coalitions[{k}]"
            if not isinstance(item, dict):
                raise SpecError(gettext_noop("%(field)s: expected an object"), field=where)
            mask = _mask(ids, index, item.get("members"), where)
            if mask in costs:
                raise SpecError(gettext_noop("%(field)s: that coalition is given twice"), field=f"{where}.members")
            if "cost" not in item:
                raise SpecError(gettext_noop("%(field)s: missing"), field=f"{where}.cost")
            costs[mask] = to_pence(item["cost"], f"{where}.cost")
        if n == 1:
            costs[full] = alone[0]
        if full not in costs:
            raise SpecError(gettext_noop("%(field)s: no cost for the grand coalition of all the councils"), field="coalitions")
        joint = costs[full]
    else:
        if "joint_cost" not in spec:
            raise SpecError(gettext_noop("%(field)s: missing (or give every coalition's cost in %(other)s)"), field="joint_cost",
                            other="coalitions")
        joint = to_pence(spec["joint_cost"], "joint_cost")
        rule = spec.get("rule")
        if rule is None and split == "shapley":
            raise SpecError(gettext_noop("%(field)s: missing; a Shapley split needs every coalition's cost or a %(field)s"
                                         " (%(expected)s)"), field="rule", expected=", ".join(RULES))
        if rule is not None and rule not in RULES:
            raise SpecError(gettext_noop("%(field)s: expected one of %(expected)s, got %(value)s"), field="rule",
                            expected=", ".join(RULES), value=repr(rule))

    total_alone = alone_of(full)

    def cost(mask) -> Fraction:
        if mask == full:
            return Fraction(joint)
        if mask & (mask - 1) == 0:  # a single council (or nobody)
            return Fraction(alone_of(mask))
        if costs is not None:
            if mask not in costs:
                names = ", ".join(ids[i] for i in range(n) if mask >> i & 1)
                raise SpecError(gettext_noop("%(field)s: no cost for the coalition of %(names)s"), field="coalitions", names=names)
            return Fraction(costs[mask])
        if spec["rule"] == "grand_only" or total_alone == 0:
            return Fraction(alone_of(mask))
        return Fraction(alone_of(mask) * joint, total_alone)

    def v(mask):
        return alone_of(mask) - cost(mask)

    saving = total_alone - joint
    out = {"split": split}
    errors = None
    if split == "equal":
        savings = split_by_weights(saving, [1] * n)
    elif split == "proportional":
        if total_alone == 0:
            raise SpecError(gettext_noop("%(field)s: every stand-alone cost is zero; nothing to split in proportion to"),
                            field="councils")
        savings = split_by_weights(saving, alone) if saving else [0] * n
    else:
        sampled = method == "sampled" or (method == "auto" and n > EXACT_LIMIT)
        if method == "exact" and n > EXACT_LIMIT:
            raise SpecError(gettext_noop("%(field)s: %(value)s is for up to %(limit)s councils; there are %(count)s"),
                            field="method", value="exact", limit=EXACT_LIMIT, count=n)
        if costs is not None and not sampled:
            for mask in range(1, full + 1):
                cost(mask)  # a missing coalition is named before any arithmetic
        if sampled:
            samples = spec.get("samples", 10000)
            seed = spec.get("seed", 0)
            if not isinstance(samples, int) or isinstance(samples, bool) or samples < 2:
                raise SpecError(gettext_noop("%(field)s: expected a whole number of at least %(least)s"), field="samples", least=2)
            if not isinstance(seed, int) or isinstance(seed, bool):
                raise SpecError(gettext_noop("%(field)s: expected a whole number"), field="seed")
            phi, errors = shapley_sampled(n, v, samples, seed)
            out.update(method="sampled", samples=samples, seed=seed)
        else:
            phi = shapley_exact(n, v)
            out["method"] = "exact"
        savings = largest_remainder(saving, phi)
    out.update(total_alone=fmt(total_alone), joint_cost=fmt(joint), saving=fmt(saving))
    councils = {}
    for i, c in enumerate(ids):
        row = {"alone": fmt(alone[i]), "saving": fmt(savings[i]),
               "share_of_joint_cost": fmt(alone[i] - savings[i]), "better_off": savings[i] > 0}
        if errors is not None:
            row["standard_error"] = fmt(round(errors[i]))
        councils[c] = row
    out["councils"] = councils
    return out
