"""Resampling inference shared by the before/after and roll-out analyses.

* :func:`assignments` and :func:`ri_statistics` — randomization inference over the assignment of
  schools to treatment (keeping the adoption pattern), with the score statistic computed for every
  assignment by array arithmetic from one null fit;
* :func:`wild_cluster_bootstrap` — the restricted wild cluster bootstrap (WCR) for linear models;
* :func:`invert_test` — a confidence interval by inverting any of these tests.

Examples
--------
>>> import numpy as np
>>> table, exact, total = assignments(np.array([2, -1, -1, 2]), 999, np.random.default_rng(1))
>>> exact, total, table.shape
(True, 6, (6, 4))
"""
from __future__ import annotations

import itertools
import math

import numpy as np

__all__ = ["assignments", "ri_statistics", "invert_test", "wild_cluster_bootstrap"]


def assignments(starts: np.ndarray, n_resamples: int, rng) -> tuple[np.ndarray, bool]:
    """Treatment-start assignments that keep the adoption pattern (how many units start when).

    Returns (A × units) start indices (the observed one first), whether all were enumerated, and
    the number of distinct assignments.
    """
    n = len(starts)
    values, counts = np.unique(starts[starts >= 0], return_counts=True)
    total = math.factorial(n) // math.factorial(n - counts.sum())
    for c in counts:
        total //= math.factorial(c)
    if total <= n_resamples:
        out = []

        def place(free, k):
            if k == len(values):
                row = np.full(n, -1)
                for v, idx in zip(values, chosen):
                    row[list(idx)] = v
                out.append(row)
                return
            for idx in itertools.combinations(free, counts[k]):
                chosen.append(idx)
                place([f for f in free if f not in idx], k + 1)
                chosen.pop()

        chosen: list = []
        place(list(range(n)), 0)
        table = np.array(out)
        observed = np.flatnonzero((table == starts).all(axis=1))[0]
        return np.vstack([table[observed], np.delete(table, observed, axis=0)]), True, total
    perms = np.array([rng.permutation(starts) for _ in range(n_resamples)])
    return np.vstack([starts, perms]), False, total


def ri_statistics(p, resid: np.ndarray, table: np.ndarray) -> np.ndarray:
    """Score statistic Σ D'ᵢₜ rᵢₜ for every assignment (rows of ``table``)."""
    n_units, n_periods = p.starts.size, int(p.period_codes.max()) + 1
    grid = np.zeros((n_units, n_periods))
    np.add.at(grid, (p.unit_codes, p.period_codes), resid)
    tail = np.cumsum(grid[:, ::-1], axis=1)[:, ::-1]          # Σ_{t ≥ s} r_it
    tail = np.column_stack([tail, np.zeros(n_units)])          # column -1 (never) → 0
    return tail[np.arange(n_units)[None, :], np.where(table >= 0, table, n_periods)].sum(axis=1)



def invert_test(pfun, estimate: float, scale: float, alpha: float, limit: float = 20.0) -> tuple[float, float]:
    """Confidence interval {β0 : p(β0) > alpha} by bisection on each side of the estimate.

    A side is open (±inf) when the test does not reject within ``limit`` of the estimate (on the
    log scale for counts: a rate ratio of e^20). A null model that cannot be fitted at an extreme
    β0 counts as a rejection of that β0.
    """
    def accepted(beta0) -> bool:
        try:
            with np.errstate(all="ignore"):
                return pfun(beta0) > alpha
        except (ValueError, np.linalg.LinAlgError):
            return False

    bounds = []
    for sign in (-1, 1):
        inside, distance, step = estimate, max(scale, 1e-3), max(scale, 1e-3)
        while distance < limit and accepted(estimate + sign * distance):
            inside, step = estimate + sign * distance, 2 * step
            distance = min(distance + step, limit)
        outside = estimate + sign * distance
        if distance >= limit and accepted(outside):
            bounds.append(sign * np.inf)
            continue
        for _ in range(25):
            mid = (inside + outside) / 2
            inside, outside = (mid, outside) if accepted(mid) else (inside, mid)
        bounds.append((inside + outside) / 2)
    return bounds[0], bounds[1]


def wild_cluster_bootstrap(p, level: float, n_resamples: int, rng, weights: str | None, conf_int: bool = True):
    """Restricted wild cluster bootstrap (WCR) t-test and interval for the linear TWFE model.

    Partialling out the fixed effects (Frisch–Waugh–Lovell), each bootstrap sample is
    ``y* = ŷ_r + u_r · w_g`` with ``u_r`` the residuals under H0 and one weight per unit
    (Rademacher, or Webb's six-point weights with fewer than 12 clusters). All 2^G Rademacher
    draws are enumerated when that is at most ``n_resamples``.
    """
    fe = p.X[:, 1:]
    q, _ = np.linalg.qr(fe)
    resid_on_fe = lambda v: v - q @ (q.T @ v)  # noqa: E731
    d_t = resid_on_fe(p.X[:, 0])
    dd = d_t @ d_t
    y_t = resid_on_fe(p.y)
    g = p.unit_codes
    n_clusters = g.max() + 1
    n, k = len(p.y), p.X.shape[1]
    factor = n_clusters / (n_clusters - 1) * (n - 1) / (n - k)
    kind = weights or ("webb" if n_clusters < 12 else "rademacher")
    if kind == "rademacher" and 2**n_clusters <= n_resamples:
        w = np.array(list(itertools.product([-1.0, 1.0], repeat=n_clusters)))
        enumerated = True
    elif kind == "rademacher":
        w, enumerated = rng.choice([-1.0, 1.0], size=(n_resamples, n_clusters)), False
    else:
        six = np.sqrt(np.array([0.5, 1.0, 1.5]))
        w, enumerated = rng.choice(np.r_[-six, six], size=(n_resamples, n_clusters)), False

    def cluster_se(resid_cols):
        """Cluster-robust (HC1) standard error of the coefficient for every column of residuals (n × B)."""
        scores = np.zeros((n_clusters, resid_cols.shape[1]))
        np.add.at(scores, g, d_t[:, None] * resid_cols)
        return np.sqrt(factor * (scores**2).sum(axis=0)) / dd

    beta_hat = (d_t @ y_t) / dd
    e_hat = y_t - beta_hat * d_t
    se_hat = float(cluster_se(e_hat[:, None])[0])

    def pvalue(beta0):
        u = y_t - beta0 * d_t                       # restricted residuals (FE already removed)
        star = u[:, None] * w[:, g].T               # n × B
        star = star - q @ (q.T @ star)
        b = beta0 + (d_t @ star) / dd
        e = star - np.outer(d_t, b - beta0)
        t_star = (b - beta0) / cluster_se(e)
        t_obs = (beta_hat - beta0) / se_hat
        return float(np.mean(np.abs(t_star) >= abs(t_obs)))

    ci = invert_test(pvalue, beta_hat, se_hat, 1 - level) if conf_int else (np.nan, np.nan)
    return float(beta_hat), se_hat, ci, pvalue(0.0), len(w), enumerated, kind
