"""A thin wrapper around :func:`scipy.optimize.milp` (HiGHS): rows ``A x <= b``, minimise ``c x``.

>>> import numpy as np
>>> solve_min(np.array([1.0, 1.0]), rows=[([0, 1], [-1.0, -1.0], -1.0)], integer=np.array([1, 1]),
...           lower=np.zeros(2), upper=np.ones(2), time_limit=10)[1]
True
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint, milp

from graph.errors import PowergraphError

__all__ = ["solve_min"]


def solve_min(
    cost: np.ndarray,
    *,
    rows: list[tuple[list[int], list[float], float]],
    integer: np.ndarray,
    lower: np.ndarray,
    upper: np.ndarray,
    time_limit: float,
) -> tuple[np.ndarray, bool]:
    """Minimise ``cost @ x`` subject to each row ``sum(coef * x[cols]) <= rhs``; (x, proven optimal)."""
    r, c, v = [], [], []
    for k, (cols, coefs, _) in enumerate(rows):
        r += [k] * len(cols)
        c += cols
        v += coefs
    matrix = sp.csr_matrix((v, (r, c)), shape=(len(rows), len(cost)))
    rhs = np.array([row[2] for row in rows], dtype=float)
    constraints = [LinearConstraint(matrix, -np.inf, rhs)] if rows else []
    result = milp(cost, constraints=constraints, integrality=integer, bounds=Bounds(lower, upper),
                  options={"time_limit": time_limit, "disp": False})
    if result.x is None:
        raise PowergraphError(f"the integer programme found no solution: {result.message}",
                              hint="use exact=False (the heuristic) or raise time_limit")
    return np.round(result.x), result.status == 0
