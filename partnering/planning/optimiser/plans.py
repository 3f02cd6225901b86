"""Ways to deliver the same course to the same learners, side by side: time on the road, mileage, CO2.

Every plan is one delivery of the course to every learner, and every journey is there and back:

- optimal: k sessions at the k venues that minimise total travel (each learner to the nearest);
- central: one session at the single most central venue;
- rotation: each time the course runs, a different partner council hosts it (one session at a
  time), so on average each learner travels to a typical partner's venue (the mean over them);
- trainer travels: a session at each council's own venue, learners stay local, the trainer tours;
- online: nobody travels.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .pmedian import Problem, Solution, solve
from .travel import KM_PER_MILE, Point, RoadModel, TravelProvider


@dataclass(frozen=True)
class Learner:
    id: str
    point: Point
    weight: float = 1.0
    council: str = ""  # which partner council they work for (for the rotation and trainer-travels plans)


@dataclass(frozen=True)
class Venue:
    id: str
    point: Point
    capacity: float | None = None
    council: str = ""


@dataclass(frozen=True)
class PlanSettings:
    k: int = 3
    pence_per_mile: int = 45  # HMRC's approved mileage rate for the first 10,000 business miles
    co2_kg_per_km: float = 0.17  # an average car (DESNZ greenhouse gas conversion factors)
    online_threshold_minutes: float = 60.0  # one way: beyond this, suggest delivering online
    objective: str = "total"
    capacity: bool = False
    time_limit: float = 10.0


@dataclass
class Plan:
    key: str  # optimal, central, rotation, trainer_travels, online
    venues: list[str]
    sessions: int
    learner_hours: float
    trainer_hours: float
    learner_km: float
    trainer_km: float
    mileage_pence: int
    co2_kg: float
    median_minutes: float  # the median learner's one-way journey
    max_minutes: float
    assignments: dict[str, str] = field(default_factory=dict)
    solution: Solution | None = None

    def as_dict(self) -> dict:
        data = {name: getattr(self, name) for name in (
            "key", "venues", "sessions", "learner_hours", "trainer_hours", "learner_km", "trainer_km", "mileage_pence",
            "co2_kg", "median_minutes", "max_minutes")}
        if self.solution is not None:
            data["gap"] = self.solution.gap
        return data


@dataclass
class Comparison:
    plans: list[Plan]
    online_suggested: bool  # even the k best venues leave the median learner travelling too long
    threshold_minutes: float

    def plan(self, key: str) -> Plan | None:
        return next((plan for plan in self.plans if plan.key == key), None)


def _weighted_median(values: np.ndarray, weights: np.ndarray) -> float:
    if len(values) == 0:
        return 0.0
    order = np.argsort(values, kind="stable")
    cumulative = np.cumsum(weights[order])
    return float(values[order][np.searchsorted(cumulative, cumulative[-1] / 2)])


def _plan(key, venues, sessions, weights, km_each, minutes_each, trainer_km, trainer_minutes, settings, **extra) -> Plan:
    """Costs of a plan from each learner's one-way journey and the trainer's total round trips."""
    learner_km = float(2 * weights @ km_each)
    miles = (learner_km + trainer_km) / KM_PER_MILE
    return Plan(
        key=key, venues=venues, sessions=sessions,
        learner_hours=float(2 * weights @ minutes_each) / 60, trainer_hours=trainer_minutes / 60,
        learner_km=learner_km, trainer_km=trainer_km,
        mileage_pence=round(miles * settings.pence_per_mile), co2_kg=(learner_km + trainer_km) * settings.co2_kg_per_km,
        median_minutes=_weighted_median(minutes_each, weights), max_minutes=float(minutes_each.max(initial=0.0)), **extra,
    )


def compare_plans(
    learners: list[Learner],
    venues: list[Venue],
    settings: PlanSettings,
    *,
    trainer_base: Point | None = None,
    council_venues: dict[str, Venue] | None = None,
    provider: TravelProvider | None = None,
) -> Comparison:
    """Every plan that applies. `council_venues` gives each partner council's own venue (for the
    rotation and trainer-travels plans); `trainer_base` is where the trainer sets out from (without
    one, trainer travel is not counted)."""
    provider = provider or RoadModel()
    weights = np.array([learner.weight for learner in learners], dtype=float)
    learner_points = [learner.point for learner in learners]
    plans: list[Plan] = []
    if learners and venues:
        travel = provider.travel(learner_points, [venue.point for venue in venues])
        trainer = provider.travel([trainer_base], [venue.point for venue in venues]) if trainer_base else None
        capacities = None
        if settings.capacity:
            capacities = np.array([np.nan if venue.capacity is None else venue.capacity for venue in venues], dtype=float)
        problem = Problem(travel.km, k=settings.k, weights=weights, capacities=capacities, objective=settings.objective)
        solution = solve(problem, time_limit=settings.time_limit)
        rows = np.arange(len(learners))
        chosen = solution.venues

        def trainer_round_trips(indexes):
            if trainer is None:
                return 0.0, 0.0
            return float(2 * trainer.km[0, indexes].sum()), float(2 * trainer.minutes[0, indexes].sum())

        plans.append(_plan(
            "optimal", [venues[j].id for j in chosen], len(chosen), weights,
            travel.km[rows, solution.assignment], travel.minutes[rows, solution.assignment], *trainer_round_trips(chosen), settings,
            assignments={learner.id: venues[j].id for learner, j in zip(learners, solution.assignment, strict=True)},
            solution=solution,
        ))
        central = int(np.argmin(weights @ travel.km))
        plans.append(_plan(
            "central", [venues[central].id], 1, weights, travel.km[:, central], travel.minutes[:, central],
            *trainer_round_trips([central]), settings, assignments={learner.id: venues[central].id for learner in learners},
        ))
    council_venues = council_venues or {}
    if learners and council_venues:
        keys = sorted(council_venues)
        local = provider.travel(learner_points, [council_venues[key].point for key in keys])
        trainer = provider.travel([trainer_base], [council_venues[key].point for key in keys]) if trainer_base else None
        trainer_km = float(2 * trainer.km.sum()) if trainer is not None else 0.0
        trainer_minutes = float(2 * trainer.minutes.sum()) if trainer is not None else 0.0
        plans.append(_plan(
            "rotation", [council_venues[key].id for key in keys], 1, weights,
            local.km.mean(axis=1), local.minutes.mean(axis=1), trainer_km / len(keys), trainer_minutes / len(keys), settings,
        ))
        index = {key: i for i, key in enumerate(keys)}
        own = np.array([index.get(learner.council, -1) for learner in learners])
        if (own >= 0).all():
            rows = np.arange(len(learners))
            hosting = sorted(set(own.tolist()))
            plans.append(_plan(
                "trainer_travels", [council_venues[keys[i]].id for i in hosting], len(hosting), weights,
                local.km[rows, own], local.minutes[rows, own],
                float(2 * trainer.km[0, hosting].sum()) if trainer is not None else 0.0,
                float(2 * trainer.minutes[0, hosting].sum()) if trainer is not None else 0.0, settings,
                assignments={learner.id: council_venues[learner.council].id for learner in learners},
            ))
    zeros = np.zeros(len(learners))
    plans.append(_plan("online", [], 1, weights, zeros, zeros, 0.0, 0.0, settings))
    # Judged on the k best venues, the plan being weighed: if even they leave the typical learner too long on the road, say so.
    best = next((plan for plan in plans if plan.key == "optimal"), None)
    online_suggested = best is not None and best.median_minutes > settings.online_threshold_minutes
    return Comparison(plans, online_suggested, settings.online_threshold_minutes)
