"""Where joint sessions should run: the travel model and the venue solver (plain Python, no Django)."""

from .plans import PlanSettings, compare_plans
from .pmedian import PlanningProblem, Problem, Solution, enumerate_best, evaluate, heuristic, solve
from .travel import OsrmTable, Point, RoadModel, Travel, great_circle_km

__all__ = [
    "OsrmTable", "PlanSettings", "PlanningProblem", "Point", "Problem", "RoadModel", "Solution", "Travel",
    "compare_plans", "enumerate_best", "evaluate", "great_circle_km", "heuristic", "solve",
]
