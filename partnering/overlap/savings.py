"""What joint commissioning of one group of equivalent provision would save (plain Python).

The model, in the words the report shows: combine the learners of every council,
work out the cohorts needed at the chosen cohort size, price them at today's median
external cost per cohort, and compare with what the councils spend today.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Line:
    council: str
    learners: int | None
    cost_pence: int | None
    sessions: int | None
    provider_type: str  # "in-house", "external" or ""
    provider_name: str = ""
    delivery_method: str = ""
    accreditation: str = ""


@dataclass(frozen=True)
class Assumptions:
    cohort_size: int = 12

    def __post_init__(self):
        if self.cohort_size < 1:
            raise ValueError("A cohort needs at least one learner.")


@dataclass
class Opportunity:
    councils: int
    learners: int
    spend_today_pence: int
    cohorts_needed: int
    cost_per_cohort_pence: int | None
    joint_cost_pence: int | None
    saving_pence: int
    flags: list[str] = field(default_factory=list)
    suppliers: list[str] = field(default_factory=list)


PROCUREMENT = "procurement"
CO_DELIVERY = "co-delivery"
SHARED_LICENCE = "shared-licence"


def _cohort_cost(line: Line, cohort_size: int) -> float | None:
    """What one cohort of this line cost: its cost over its sessions (or over the cohorts its learners make)."""
    if line.provider_type != "external" or not line.cost_pence:
        return None
    if line.sessions:
        return line.cost_pence / line.sessions
    if line.learners:
        return line.cost_pence / math.ceil(line.learners / cohort_size)
    return None


def opportunity(lines: list[Line], assumptions: Assumptions = Assumptions()) -> Opportunity:
    councils = {line.council for line in lines}
    learners = sum(line.learners or 0 for line in lines)
    spend = sum(line.cost_pence or 0 for line in lines)
    cohorts = math.ceil(learners / assumptions.cohort_size) if learners else 0
    prices = [p for p in (_cohort_cost(line, assumptions.cohort_size) for line in lines) if p is not None]
    per_cohort = round(statistics.median(prices)) if prices else None
    joint = cohorts * per_cohort if per_cohort is not None else None
    saving = max(0, spend - joint) if joint is not None else 0

    flags = []
    suppliers = sorted({line.provider_name for line in lines if line.provider_type == "external" and line.provider_name})
    accredited = any(line.accreditation for line in lines)
    if accredited and len(suppliers) >= 2:
        flags.append(PROCUREMENT)
    if len(councils) >= 2 and lines and all(line.provider_type == "in-house" for line in lines):
        flags.append(CO_DELIVERY)
    elearning_buyers = {line.council for line in lines if line.delivery_method == "e-learning" and line.provider_type == "external"}
    if len(elearning_buyers) >= 2:
        flags.append(SHARED_LICENCE)
    return Opportunity(len(councils), learners, spend, cohorts, per_cohort, joint, saving, flags, suppliers)
