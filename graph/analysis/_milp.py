"""A thin wrapper around :func:`scipy.optimize.milp` (HiGHS): rows ``A x <= b``, minimise ``c x``.

>>> import numpy as np
>>> x, optimal, bound = solve_min(np.array([1.0, 1.0]), rows=[([0, 1], [-1.0, -1.0], -1.0)],
...                               integer=np.array([1, 1]), lower=np.zeros(2), upper=np.ones(2), time_limit=10)
>>> int(x.sum()), optimal, bound
(1, True, 1.0)
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint, milp

__all__ = ["solve_min"]


def solve_min(
    cost: np.ndarray,
    *,
    rows: list[tuple[list[int], list[float], float]],
    integer: np.ndarray,
    lower: np.ndarray,
    upper: np.ndarray,
    time_limit: float,
) -> tuple[np.ndarray | None, bool, float]:
    """Minimise ``cost @ x`` subject to each row ``sum(coef * x[cols]) <= rhs``.

    Returns ``(x, proven optimal, lower bound)``: ``x`` is None when the time ran out before
    any solution was found; the bound is the solver's dual bound (the optimum when proven).
    """
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
    bound = getattr(result, "mip_dual_bound", None)
    if bound is None or not np.isfinite(bound):
        bound = float(result.fun) if result.status == 0 else -np.inf
    x = None if result.x is None else np.round(result.x)
    return x, result.status == 0, float(bound)
