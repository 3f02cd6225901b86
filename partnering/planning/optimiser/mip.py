"""A thin layer over HiGHS: pass a sparse model in one call, get values, objective and proven bound back."""

from __future__ import annotations

import time
from dataclasses import dataclass

import highspy
import numpy as np

LARGE_MODEL_COLUMNS = 150_000


@dataclass(frozen=True)
class MipResult:
    status: str  # "optimal", "infeasible" or "time limit"
    values: np.ndarray | None  # None when no feasible solution was found
    objective: float
    bound: float  # no feasible solution is better than this


def solve(
    cost: np.ndarray,
    upper: np.ndarray,
    integer: np.ndarray,
    rows: np.ndarray,
    cols: np.ndarray,
    coefficients: np.ndarray,
    row_lower: np.ndarray,
    row_upper: np.ndarray,
    *,
    time_limit: float,
    relative_gap: float = 1e-6,
    start: np.ndarray | None = None,
) -> MipResult:
    """Minimise cost·x subject to row_lower <= A x <= row_upper and 0 <= x <= upper, where A is given
    as (row, column, coefficient) triples and `integer` marks the integer columns."""
    called = time.perf_counter()
    num_col, num_row = len(cost), len(row_lower)
    order = np.lexsort((rows, cols))
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = num_col, num_row
    lp.col_cost_ = np.asarray(cost, dtype=float)
    lp.col_lower_ = np.zeros(num_col)
    lp.col_upper_ = np.asarray(upper, dtype=float)
    lp.row_lower_ = np.asarray(row_lower, dtype=float)
    lp.row_upper_ = np.asarray(row_upper, dtype=float)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.num_col_, lp.a_matrix_.num_row_ = num_col, num_row
    lp.a_matrix_.start_ = np.searchsorted(cols[order], np.arange(num_col + 1)).astype(np.int32)
    lp.a_matrix_.index_ = rows[order].astype(np.int32)
    lp.a_matrix_.value_ = np.asarray(coefficients, dtype=float)[order]
    lp.integrality_ = [highspy.HighsVarType.kInteger if flag else highspy.HighsVarType.kContinuous for flag in integer]
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    # The limit covers building the model too; HiGHS checks its clock only now and then, so leave it a margin.
    highs.setOptionValue("time_limit", max(0.9 * (float(time_limit) - (time.perf_counter() - called)), 0.05))
    highs.setOptionValue("mip_rel_gap", relative_gap)
    highs.setOptionValue("random_seed", 0)
    if num_col > LARGE_MODEL_COLUMNS:
        # HiGHS's presolve cannot be interrupted and overruns the time limit on models this big, while
        # finding little to remove from an assignment model; without it the LP solve stops on time.
        highs.setOptionValue("presolve", "off")
    highs.passModel(lp)
    stop_at = called + float(time_limit)

    def stop_when_out_of_time(event):
        # A long LP solve only looks at the time limit now and then; this stops it when our time is up.
        if time.perf_counter() > stop_at:
            event.interrupt()

    highs.cbSimplexInterrupt += stop_when_out_of_time
    highs.cbIpmInterrupt += stop_when_out_of_time
    highs.cbMipInterrupt += stop_when_out_of_time
    if start is not None:
        solution = highspy.HighsSolution()
        solution.col_value = list(map(float, start))
        solution.value_valid = True
        highs.setSolution(solution)
    highs.run()
    status = highs.getModelStatus()
    info = highs.getInfo()
    if status == highspy.HighsModelStatus.kInfeasible:
        return MipResult("infeasible", None, float("inf"), float("inf"))
    has_solution = info.primal_solution_status == highspy.SolutionStatus.kSolutionStatusFeasible
    values = np.array(highs.getSolution().col_value) if has_solution else None
    objective = info.objective_function_value if has_solution else float("inf")
    bound = info.mip_dual_bound if np.isfinite(info.mip_dual_bound) else -float("inf")
    if status == highspy.HighsModelStatus.kOptimal:
        return MipResult("optimal", values, objective, min(bound, objective))
    return MipResult("time limit", values, objective, bound)
