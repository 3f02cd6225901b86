"""Results and benefits arithmetic: plain data in, plain data out, no Django.

The studies' sharpest criticism of collaboration reports is that "savings" mix cashable money with cost
avoidance and that outcome measures are never compared with their baseline again. So:

- `progress` says how far an indicator's actual has come from its baseline towards its target, honouring
  whether higher or lower is better, and whether the target is met;
- `stale` says whether a typed-in figure is too old to trust;
- `benefits` totals cashable savings, cost avoidance and non-cash benefits separately. The only total that
  mixes money kinds is `money_together`, and it is named as such so no page can show it unlabelled;
- `risk_score`, `above_threshold` and `milestone_state` are the highlight report's rules.

Figures are `Decimal` (money in pounds with pence); percentages are numbers from 0 to 100.
Bad input raises `ResultsError` naming the field.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CASHABLE = "cashable"
AVOIDANCE = "avoidance"
NON_CASH = "non_cash"
BENEFIT_KINDS = (CASHABLE, AVOIDANCE, NON_CASH)
MEASURES = ("unit", "percentage", "qualitative")


class ResultsError(ValueError):
    """Bad input, with the field it concerns."""


def number(value, field: str) -> Decimal | None:
    """A figure as a Decimal (None stays None); anything else is refused naming the field."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ResultsError(f"{field}: expected a number, got {value!r}")
    try:
        result = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise ResultsError(f"{field}: expected a number, got {value!r}") from None
    if not result.is_finite():
        raise ResultsError(f"{field}: expected a number, got {value!r}")
    return result


@dataclass(frozen=True)
class Progress:
    """How an indicator stands. `share` is the fraction of the way from baseline to target (1 = there;
    above 1 = past it; negative = gone the wrong way); None when it cannot be said."""

    change: Decimal | None  # actual minus baseline
    change_percent: Decimal | None  # change as a percentage of the baseline
    share: Decimal | None
    met: bool | None  # None: no target, no actual, or qualitative


def _round(value: Decimal, places: str = "0.01") -> Decimal:
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def progress(*, baseline, target, actual, ascending: bool = True, measure: str = "unit") -> Progress:
    """Where `actual` stands between `baseline` and `target`. With `ascending` False, lower is better (costs)."""
    if measure not in MEASURES:
        raise ResultsError(f"measure: expected one of {', '.join(MEASURES)}, got {measure!r}")
    if measure == "qualitative":
        return Progress(None, None, None, None)
    baseline, target, actual = number(baseline, "baseline"), number(target, "target"), number(actual, "actual")
    if measure == "percentage":
        for name, value in (("baseline", baseline), ("target", target), ("actual", actual)):
            if value is not None and not Decimal(0) <= value <= Decimal(100):
                raise ResultsError(f"{name}: a percentage is between 0 and 100, got {value}")
    change = actual - baseline if actual is not None and baseline is not None else None
    change_percent = _round(change * 100 / baseline) if change is not None and baseline else None
    met = None
    if actual is not None and target is not None:
        met = actual >= target if ascending else actual <= target
    share = None
    if actual is not None and target is not None and baseline is not None and target != baseline:
        share = _round((actual - baseline) / (target - baseline), "0.001")
    return Progress(change, change_percent, share, met)


def target_from_reduction(baseline, *, percent=None, amount=None) -> Decimal:
    """The target for "reduce by at least X% (or £Y)": the lower of the two when both are given, since
    the objective is met only when both are."""
    baseline = number(baseline, "baseline")
    if baseline is None:
        raise ResultsError("baseline: needed to work out a reduction target")
    targets = []
    if percent is not None:
        targets.append(baseline - _round(baseline * number(percent, "percent") / 100))
    if amount is not None:
        targets.append(baseline - number(amount, "amount"))
    if not targets:
        raise ResultsError("percent: give a percentage or an amount to reduce by")
    return min(targets)


def stale(as_of: datetime.date | None, today: datetime.date, max_age_days: int) -> bool:
    """A figure is stale once it is older than `max_age_days` (or was never dated)."""
    if max_age_days < 0:
        raise ResultsError(f"max_age_days: must not be negative, got {max_age_days}")
    return as_of is None or (today - as_of).days > max_age_days


@dataclass(frozen=True)
class BenefitTotals:
    planned: dict  # kind -> Decimal (money kinds) ; non-cash count under NON_CASH
    realised: dict
    non_cash: list  # descriptions of the non-cash benefits
    money_together_planned: Decimal  # cashable + cost avoidance: only ever shown with that label
    money_together_realised: Decimal

    def as_dict(self) -> dict:
        return {
            "planned": {k: str(v) for k, v in self.planned.items()},
            "realised": {k: str(v) for k, v in self.realised.items()},
            "non_cash": self.non_cash,
            "money_together": {"label": "cashable savings and cost avoidance together (not all cash)",
                               "planned": str(self.money_together_planned), "realised": str(self.money_together_realised)},
        }


def benefits(rows: list[dict]) -> BenefitTotals:
    """Totals per kind. Each row: {"kind": cashable|avoidance|non_cash, "planned": money, "realised": money or
    None, "description": text}. Non-cash benefits carry no money: a figure on one is refused."""
    planned = {CASHABLE: Decimal("0.00"), AVOIDANCE: Decimal("0.00")}
    realised = {CASHABLE: Decimal("0.00"), AVOIDANCE: Decimal("0.00")}
    non_cash = []
    for i, row in enumerate(rows):
        kind = row.get("kind")
        if kind not in BENEFIT_KINDS:
            raise ResultsError(f"benefits[{i}].kind: expected one of {', '.join(BENEFIT_KINDS)}, got {kind!r}")
        if kind == NON_CASH:
            if row.get("planned") not in (None, "", 0, "0") or row.get("realised") not in (None, "", 0, "0"):
                raise ResultsError(f"benefits[{i}].planned: a non-cash benefit has no money figure")
            non_cash.append(str(row.get("description", "")))
            continue
        p = number(row.get("planned"), f"benefits[{i}].planned") or Decimal(0)
        r = number(row.get("realised"), f"benefits[{i}].realised") or Decimal(0)
        if p < 0 or r < 0:
            raise ResultsError(f"benefits[{i}].planned: a benefit is not negative (record a cost instead)")
        planned[kind] += p
        realised[kind] += r
    return BenefitTotals(planned, realised, non_cash, planned[CASHABLE] + planned[AVOIDANCE], realised[CASHABLE] + realised[AVOIDANCE])


def risk_score(likelihood: int, impact: int) -> int:
    for name, value in (("likelihood", likelihood), ("impact", impact)):
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
            raise ResultsError(f"{name}: expected a whole number from 1 to 5, got {value!r}")
    return likelihood * impact


def above_threshold(likelihood: int, impact: int, threshold: int) -> bool:
    return risk_score(likelihood, impact) >= threshold


def milestone_state(*, planned: datetime.date, forecast: datetime.date | None, actual: datetime.date | None,
                    today: datetime.date, window_days: int = 31) -> str:
    """done (met by its planned date), late_done, missed (past its planned date and not done),
    slipping (forecast after planned), due (within the window) or ahead."""
    if actual is not None:
        return "done" if actual <= planned else "late_done"
    if planned < today:
        return "missed"
    if forecast is not None and forecast > planned:
        return "slipping"
    if (planned - today).days <= window_days:
        return "due"
    return "ahead"


def run(spec: dict) -> dict:
    """The command line's work: {"indicators": [...], "benefits": [...], "today": "YYYY-MM-DD", "max_age_days": 90}."""
    if not isinstance(spec, dict):
        raise ResultsError("spec: expected a JSON object")
    today = _date(spec.get("today"), "today") if spec.get("today") else datetime.date.today()
    max_age = spec.get("max_age_days", 90)
    out: dict = {}
    indicators = spec.get("indicators", [])
    if not isinstance(indicators, list):
        raise ResultsError("indicators: expected a list")
    out["indicators"] = []
    for i, ind in enumerate(indicators):
        if not isinstance(ind, dict):
            raise ResultsError(f"indicators[{i}]: expected an object")
        try:
            p = progress(baseline=ind.get("baseline"), target=ind.get("target"), actual=ind.get("actual"),
                         ascending=ind.get("ascending", True), measure=ind.get("measure", "unit"))
        except ResultsError as e:
            raise ResultsError(f"indicators[{i}].{e}") from None
        as_of = _date(ind["as_of"], f"indicators[{i}].as_of") if ind.get("as_of") else None
        out["indicators"].append({
            "title": ind.get("title", ""), "change": _s(p.change), "change_percent": _s(p.change_percent),
            "share": _s(p.share), "met": p.met, "stale": stale(as_of, today, max_age),
        })
    if "benefits" in spec:
        if not isinstance(spec["benefits"], list):
            raise ResultsError("benefits: expected a list")
        out["benefits"] = benefits(spec["benefits"]).as_dict()
    return out


def _s(value):
    return None if value is None else str(value)


def _date(value, field: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise ResultsError(f"{field}: expected a date like 2026-03-31, got {value!r}") from None
