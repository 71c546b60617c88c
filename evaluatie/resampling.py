"""Resampling inference shared by the before/after and roll-out analyses.

* :func:`assignments` and :class:`RandomizationTable` — randomization inference over the assignment
  of schools (or of clusters of schools) to treatment, keeping the adoption pattern, with the score
  statistic of every assignment computed by one matrix product from one null fit;
* :func:`fe_fit` / :func:`fe_glm` and :class:`FixedEffects` — GLMs (Poisson, quasi-Poisson, negative
  binomial, gaussian) with unit and period fixed effects absorbed: IRLS on the working response with
  both sets of effects partialled out by exact block elimination, never a dummy matrix, warm starts;
  :func:`sandwich` for cluster-robust errors. Used by ``panel_did`` at every scale (thousands of
  schools × months) and for the null fits of the randomization test;
* :func:`wild_cluster_bootstrap` — the restricted wild cluster bootstrap (WCR) for linear models by
  cluster sums (Roodman et al. 2019): one draw costs O(G²), not O(rows);
* :func:`invert_test` — a confidence interval by inverting any of these tests;
* :func:`score_bootstrap` / :class:`ScoreBootstrap` — the wild score cluster bootstrap (Kline &
  Santos 2012) for Poisson and quasi-Poisson models with fixed effects: restricted fits, no refit
  per draw, all draws by one matrix product.

References
----------
Roodman, D., Nielsen, M. Ø., MacKinnon, J. G., & Webb, M. D. (2019). Fast and wild: Bootstrap
inference in Stata using boottest. Stata Journal 19, 4–60. https://doi.org/10.1177/1536867X19830877
MacKinnon, J. G., & Webb, M. D. (2020). Randomization inference for difference-in-differences with
few treated clusters. J. Econometrics 218, 435–450. https://doi.org/10.1016/j.jeconom.2020.04.024

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
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from .errors import InputError
from .text import check_lang, t as msg

__all__ = ["assignments", "RandomizationTable", "FixedEffects", "FeFit", "fe_fit", "fe_glm", "sandwich", "invert_test", "wild_cluster_bootstrap", "single_thread",
           "ScoreBootstrap", "score_bootstrap"]


@contextmanager
def single_thread():
    """Limit BLAS/OpenMP to one thread around many small fits (threads only thrash on small matrices).

    Examples
    --------
    >>> with single_thread():
    ...     pass
    """
    global _CONTROLLER
    if _CONTROLLER is None:  # inspecting the loaded BLAS libraries costs ~20 ms: once per session
        from threadpoolctl import ThreadpoolController

        _CONTROLLER = ThreadpoolController()
    with _CONTROLLER.limit(limits=1):
        yield


_CONTROLLER = None


def assignments(starts: np.ndarray, n_resamples: int, rng) -> tuple[np.ndarray, bool, int]:
    """Treatment-start assignments that keep the adoption pattern (how many units start when).

    Returns (A × units) start indices (the observed one first), whether all were enumerated, and
    the number of distinct assignments. ``starts`` may be per unit or per cluster (the level at which
    the intervention was assigned).
    """
    n = len(starts)
    values, counts = np.unique(starts[starts >= 0], return_counts=True)
    total = math.factorial(n) // math.factorial(n - counts.sum())
    for c in counts:
        total //= math.factorial(c)
    if total <= n_resamples:  # enumerate: each start value in turn takes every combination of the free places
        table = np.full((1, n), -1)
        for v, c in zip(values, counts):
            free = np.sort(np.argsort(table >= 0, axis=1, kind="stable")[:, :n - int((table[0] >= 0).sum())], axis=1)
            combos = np.array(list(itertools.combinations(range(free.shape[1]), int(c))), dtype=np.intp)
            places = free[:, combos]                                   # rows × combinations × c
            table = np.repeat(table, len(combos), axis=0)
            np.put_along_axis(table, places.reshape(len(table), int(c)), v, axis=1)
        observed = np.flatnonzero((table == starts).all(axis=1))[0]
        return np.vstack([table[observed], np.delete(table, observed, axis=0)]), True, total
    perms = rng.permuted(np.broadcast_to(starts, (n_resamples, n)), axis=1)
    return np.vstack([starts, perms]), False, total


class RandomizationTable:
    """Assignments (A × units, start period index or −1) prepared for fast score statistics.

    The statistic of assignment a is ``Σ_i Σ_{t ≥ s_ai} r_it``; with V distinct start periods it is
    one product of an (A × units·V) indicator matrix with the tail sums of the residual grid.
    """

    def __init__(self, table: np.ndarray, n_periods: int):
        self.table = table
        self.n_periods = n_periods
        self.values = np.unique(table[table >= 0])
        self.indicator = np.concatenate([(table == v).astype(float) for v in self.values], axis=1)

    def statistics(self, resid: np.ndarray, unit_codes: np.ndarray, period_codes: np.ndarray) -> np.ndarray:
        """Score statistic Σ D'ᵢₜ rᵢₜ for every assignment (observed first); ``resid`` may be n × m (A × m out)."""
        n_units = self.table.shape[1]
        cells = unit_codes * self.n_periods + period_codes
        cols = [resid] if resid.ndim == 1 else list(resid.T)
        out = []
        for r in cols:
            grid = np.bincount(cells, r, n_units * self.n_periods)
            tail = np.cumsum(grid.reshape(n_units, self.n_periods)[:, ::-1], axis=1)[:, ::-1]  # Σ_{t ≥ s} r_it
            out.append(tail[:, self.values].T.ravel())
        return self.indicator @ (out[0] if resid.ndim == 1 else np.stack(out, axis=1))

    def margin(self, resid, slope, unit_codes, period_codes, alpha: float) -> tuple[float, float]:
        """How far the test is from rejecting, and its derivative: ``g = |s|₍ₘ₎ − |s₀|``.

        ``|s|₍ₘ₎`` is the m-th largest |statistic| among the other assignments, ``m = ⌊alpha·A⌋`` (A
        assignments with the observed one), so ``p > alpha`` exactly when ``g ≥ 0`` (with the tie tolerance
        of :meth:`pvalue`). ``slope`` is d resid / d β0; ``g`` is continuous in β0, which lets
        :func:`invert_test` find the interval bounds by Newton steps. Requires ``m ≥ 1`` (otherwise no
        β0 is rejected).
        """
        s = self.statistics(np.column_stack([resid, slope]), unit_codes, period_codes)
        size = np.abs(s[1:, 0])
        m = int(np.floor(alpha * len(s)))
        j = int(np.argpartition(-size, m - 1)[m - 1]) + 1
        g = abs(s[j, 0]) - abs(s[0, 0]) + 1e-9 * (1 + abs(s[0, 0]))
        return float(g), float(np.sign(s[j, 0]) * s[j, 1] - np.sign(s[0, 0]) * s[0, 1])

    def pvalue(self, resid, unit_codes, period_codes) -> float:
        """Two-sided randomization p-value: share of assignments with |statistic| at least the observed."""
        s = self.statistics(resid, unit_codes, period_codes)
        return float(np.mean(np.abs(s) >= np.abs(s[0]) - 1e-9 * (1 + np.abs(s[0]))))


class FixedEffects:
    """Unit and period fixed effects held as integer codes: weighted projections without dummy matrices.

    The weighted least-squares fit of a column on both sets of effects is solved exactly by block
    elimination: the effects of the larger dimension (usually the units) are eliminated in closed
    form (their block of the normal equations is diagonal), leaving an ``m × m`` system for the
    smaller dimension (``m`` = periods, say 60 months), whose matrix ``S = diag(W_t) − Cᵀ diag(1/W_u) C``
    is built from the cell sums ``C`` of the weights. Cost per projection: O(rows + units·m²), memory
    O(rows + units·m); no n × (units + periods) matrix is ever formed.

    Examples
    --------
    >>> fe = FixedEffects(np.repeat([0, 1], 3), np.tile([0, 1, 2], 2))
    >>> np.round(fe.project(np.array([1., 2, 3, 2, 4, 7]), np.ones(6)), 6).tolist()
    [0.666667, 0.166667, -0.833333, -0.666667, -0.166667, 0.833333]
    """

    def __init__(self, unit_codes, period_codes):
        u, t = np.asarray(unit_codes, np.intp), np.asarray(period_codes, np.intp)
        self.n_units, self.n_periods = int(u.max()) + 1, int(t.max()) + 1
        swap = self.n_units < self.n_periods
        self.a, self.b = (t, u) if swap else (u, t)          # a: eliminated (larger), b: kept (smaller)
        self.na, self.nb = (self.n_periods, self.n_units) if swap else (self.n_units, self.n_periods)
        self.cell = self.a * self.nb + self.b
        graph = coo_matrix((np.ones(u.size), (u, t + self.n_units)), shape=(self.n_units + self.n_periods,) * 2)
        self.n_groups = int(connected_components(graph, directed=False)[0])
        # rank of the unit and period dummies with an intercept: one constraint per connected group
        self.n_params = self.n_units + self.n_periods - self.n_groups
        self._w = None

    def _sums(self, codes, V, n):
        if V.ndim == 1:
            return np.bincount(codes, V, n)
        return np.stack([np.bincount(codes, V[:, j], n) for j in range(V.shape[1])], axis=1)

    def _factor(self, w) -> None:
        if self._w is w:
            return
        Wa = np.bincount(self.a, w, self.na)
        C = np.bincount(self.cell, w, self.na * self.nb).reshape(self.na, self.nb)
        S = np.diag(C.sum(axis=0))[1:, 1:] - (C.T @ (C / Wa[:, None]))[1:, 1:]
        if self.n_groups == 1:   # connected: S is positive definite once the first effect is fixed at 0
            self._solve = lambda r: np.linalg.solve(S, r)
        else:                    # unconnected groups of units and periods: any solution projects
            pinv = np.linalg.pinv(S)
            self._solve = lambda r: pinv @ r
        self._Wa, self._C, self._w = Wa, C, w

    def project(self, V, w) -> np.ndarray:
        """Residuals of the ``w``-weighted least-squares fit of ``V`` (vector or n × m) on both sets of effects.

        The normal equations are factorized once per weight array (by identity): pass a new array for new
        weights, never the same array changed in place."""
        V = np.asarray(V, float)
        self._factor(w)
        wV = V * (w if V.ndim == 1 else w[:, None])
        ra, rb = self._sums(self.a, wV, self.na), self._sums(self.b, wV, self.nb)
        Wa = self._Wa if V.ndim == 1 else self._Wa[:, None]
        beta = np.zeros_like(rb)
        beta[1:] = self._solve((rb - self._C.T @ (ra / Wa))[1:])
        alpha = (ra - self._C @ beta) / Wa
        return V - alpha[self.a] - beta[self.b]


@dataclass(frozen=True)
class FeFit:
    """A GLM fit with absorbed unit and period effects (:func:`fe_fit`).

    ``gamma`` are the coefficients of the columns of ``Z``; ``Z_tilde`` those columns with the fixed
    effects partialled out at the final IRLS weights (Frisch–Waugh–Lovell), from which the sandwich
    of ``gamma`` in the full dummy model follows exactly; ``n_params`` counts every coefficient of that
    model (effects + ``Z``), as the small-sample factor of R ``sandwich::vcovCL(type = "HC1")`` does.
    """

    mu: np.ndarray
    eta: np.ndarray
    gamma: np.ndarray
    Z_tilde: np.ndarray
    weights: np.ndarray
    score: np.ndarray        # d loglik / d eta per row
    n_params: int
    iterations: int

    def vcov(self, clusters=None) -> np.ndarray:
        """Sandwich covariance of ``gamma`` (:func:`sandwich` on the partialled-out columns): the ``gamma``
        block of the same sandwich on the dummy model, HC1 (``clusters=None``) or clustered."""
        return sandwich(self.Z_tilde, self.weights, self.score, clusters, self.n_params)


def sandwich(X, w, score, clusters, n_params: int) -> np.ndarray:
    """Sandwich covariance with expected-information bread ``B = (XᵀWX)⁻¹``, R ``sandwich`` type HC1.

    HC1 (``clusters=None``): ``n/(n−k) · B (Σ s_i² x_i x_iᵀ) B``; cluster (codes 0…G−1):
    ``G/(G−1)·(n−1)/(n−k) · B (Σ_g S_g S_gᵀ) B`` with ``S_g = Σ_{i∈g} x_i s_i``; ``k = n_params``.
    With ``X`` the regressors after partialling out fixed effects at the weights ``w``
    (Frisch–Waugh–Lovell) this is exactly their block of the sandwich on the model with dummies.

    Examples
    --------
    >>> X = np.array([[1.0], [2.0], [3.0], [4.0]])
    >>> round(float(sandwich(X, np.ones(4), np.array([0.5, -0.5, 1.0, -1.0]), None, 1)[0, 0]), 6)
    0.038889
    """
    X = np.asarray(X, float)
    n = len(X)
    bread = np.linalg.pinv(X.T @ (w[:, None] * X))
    contrib = X * score[:, None]
    if clusters is None:
        meat, factor = contrib.T @ contrib, n / (n - n_params)
    else:
        codes = np.asarray(clusters)
        g = int(codes.max()) + 1
        summed = np.stack([np.bincount(codes, contrib[:, j], g) for j in range(contrib.shape[1])], axis=1)
        meat, factor = summed.T @ summed, g / (g - 1) * (n - 1) / (n - n_params)
    return factor * bread @ meat @ bread


def fe_fit(y, unit_codes, period_codes, family: str = "poisson", *, Z=None, offset=None, alpha: float | None = None,
           eta=None, tol: float = 1e-10, max_iter: int = 100, fe: FixedEffects | None = None) -> FeFit:
    """GLM with unit and period fixed effects absorbed (log link for counts, identity for gaussian).

    IRLS (Fisher scoring) on ``η = a_unit + b_period + Zγ + offset``: each step regresses the working
    response on ``Z`` after partialling both sets of effects out of both with the current weights
    (Frisch–Waugh–Lovell, exact projections by :class:`FixedEffects`), so nothing grows with a dummy
    matrix. ``family`` is ``"poisson"`` (also for quasi-Poisson, which has the same estimates),
    ``"negbin"`` (NB2 with the given ``alpha``) or ``"gaussian"``. ``eta`` warm-starts from a previous
    fit. Converged when no linear predictor moves by more than ``tol``.

    Every unit and period needs a positive total count for counts (a unit without any event has
    effect −∞ and is dropped beforehand, as ``pyfixest.fepois`` does).

    Validated against: statsmodels GLM with dummy columns and ``pyfixest.fepois``/``feols``
    (tests/test_fixed_effects.py).

    Examples
    --------
    >>> u, t = np.repeat([0, 1, 2], 4), np.tile([0, 1, 2, 3], 3)
    >>> d = ((u == 0) & (t >= 2)).astype(float)
    >>> fit = fe_fit(np.array([4., 5, 2, 3, 6, 7, 8, 9, 3, 4, 5, 5]), u, t, Z=d)
    >>> round(float(fit.gamma[0]), 4)  # = statsmodels GLM with dummy columns
    -0.8879
    """
    y = np.asarray(y, float)
    n = len(y)
    fe = fe or FixedEffects(unit_codes, period_codes)
    Z = np.zeros((n, 0)) if Z is None else np.asarray(Z, float).reshape(n, -1)
    k = Z.shape[1]
    off = np.zeros(n) if offset is None else np.asarray(offset, float)
    gaussian = family == "gaussian"
    if eta is None and gaussian:
        eta = off + y
    elif eta is None:  # start at the independence model: unit rates times period factors (exact without treatment)
        e = np.exp(off - off.max())
        rate = (np.bincount(fe.a, y, fe.na) + 0.1) / np.bincount(fe.a, e, fe.na)
        factor = (np.bincount(fe.b, y, fe.nb) + 0.1) / np.bincount(fe.b, e * rate[fe.a], fe.nb)
        eta = off - off.max() + np.log(rate)[fe.a] + np.log(factor)[fe.b]
    gamma = np.zeros(k)
    for it in range(1, max_iter + 1):
        if gaussian:
            mu, w, z = eta, np.ones(n), y - off
        else:
            mu = np.exp(np.minimum(eta, 700))
            w = mu / (1 + alpha * mu) if family == "negbin" else mu
            z = eta - off + (y - mu) / mu
        R = fe.project(np.column_stack([z, Z]), w)
        zt, Zt = R[:, 0], R[:, 1:]
        if k:
            WZ = Zt * w[:, None]
            gamma = np.linalg.solve(Zt.T @ WZ, WZ.T @ zt)
            resid = zt - Zt @ gamma
        else:
            resid = zt
        new = off + z - resid
        change = float(np.max(np.abs(new - eta)))
        eta = new
        if gaussian or change <= tol:
            break
    else:
        raise np.linalg.LinAlgError("fixed-effects fit did not converge")
    if gaussian:
        mu, w, score = eta, np.ones(n), y - eta
    else:
        mu = np.exp(np.minimum(eta, 700))
        w = mu / (1 + alpha * mu) if family == "negbin" else mu
        score = (y - mu) / (1 + alpha * mu) if family == "negbin" else y - mu
        Zt = fe.project(Z, w) if k else Z
    return FeFit(mu, eta, gamma, Zt, w, score, fe.n_params + k, it)


def fe_glm(y, unit_codes, period_codes, family: str = "poisson", *, Z=None, offset=None, alpha: float | None = None,
           eta=None, tol: float = 1e-10, max_iter: int = 100):
    """:func:`fe_fit` returning only ``(mu, eta, gamma)`` (the null fits of the resampling tests).

    Examples
    --------
    >>> u, t = np.repeat([0, 1], 3), np.tile([0, 1, 2], 2)
    >>> mu, _, _ = fe_glm(np.array([1., 2, 3, 2, 4, 6]), u, t)
    >>> np.round(mu, 6).tolist()  # a two-way table of counts is fitted by its margins
    [1.0, 2.0, 3.0, 2.0, 4.0, 6.0]
    """
    fit = fe_fit(y, unit_codes, period_codes, family, Z=Z, offset=offset, alpha=alpha, eta=eta, tol=tol,
                 max_iter=max_iter)
    return fit.mu, fit.eta, fit.gamma


def invert_test(pfun, estimate: float, scale: float, alpha: float, limit: float = 20.0,
                tol: float = 1e-4, *, margin=None) -> tuple[float, float]:
    """Confidence interval {β0 : p(β0) > alpha} by bisection on each side of the estimate.

    A side is open (±inf) when the test does not reject within ``limit`` of the estimate (on the
    log scale for counts: a rate ratio of e^20). A null model that cannot be fitted at an extreme
    β0 counts as a rejection of that β0. The bounds are found to ``tol × scale``.

    ``margin(β0) -> (g, dg/dβ0)``, optional: a continuous function with ``p(β0) > alpha`` exactly when
    ``g ≥ 0`` (:meth:`RandomizationTable.margin`). The bounds are then found by safeguarded Newton
    steps on ``g`` (bisection whenever a step leaves the bracket): the same bounds to the same
    tolerance with a handful of tests per side instead of ~17.
    """
    if margin is not None:
        return _invert_margin(margin, estimate, scale, limit, tol)

    def accepted(beta0) -> bool:
        try:
            with np.errstate(all="ignore"):
                return pfun(beta0) > alpha
        except (ValueError, np.linalg.LinAlgError, FloatingPointError):
            return False

    bounds = []
    width = max(scale, 1e-3)
    for sign in (-1, 1):
        inside, distance, step = estimate, width, width
        while distance < limit and accepted(estimate + sign * distance):
            inside, step = estimate + sign * distance, 2 * step
            distance = min(distance + step, limit)
        outside = estimate + sign * distance
        if distance >= limit and accepted(outside):
            bounds.append(sign * np.inf)
            continue
        while abs(outside - inside) > tol * width:
            mid = (inside + outside) / 2
            inside, outside = (mid, outside) if accepted(mid) else (inside, mid)
        bounds.append((inside + outside) / 2)
    return bounds[0], bounds[1]


def _invert_margin(margin, estimate: float, scale: float, limit: float, tol: float) -> tuple[float, float]:
    """:func:`invert_test` by safeguarded Newton steps on a continuous margin (accepted when ``g ≥ 0``)."""
    width = max(scale, 1e-3)

    def evaluate(beta0):
        try:
            with np.errstate(all="ignore"):
                g, dg = margin(beta0)
        except (ValueError, np.linalg.LinAlgError, FloatingPointError):
            return -1.0, float("nan")  # a null model that cannot be fitted: rejected
        return (g, dg) if np.isfinite(g) else (-1.0, float("nan"))

    bounds = []
    for sign in (-1, 1):
        inside, outside = estimate, None
        x, step = estimate + 2 * sign * width, 2 * width
        for _ in range(200):
            g, dg = evaluate(x)
            if g >= 0:
                inside = x
            else:
                outside = x
            if outside is None and abs(x - estimate) >= limit:
                break                                           # accepted at the limit: open side
            if outside is not None and abs(outside - inside) <= tol * width:
                break
            newton = x - g / dg if np.isfinite(dg) and dg != 0 else float("nan")
            if outside is None:                                 # no rejection yet: Newton outward, else double
                if np.isfinite(newton) and abs(newton - x) < tol * width / 4:
                    x += sign * tol * width / 2                 # converged from inside: test just across the root
                    continue
                step *= 2
                ok = np.isfinite(newton) and 0 < sign * (newton - inside) <= 2 * step
                x = estimate + sign * min(abs((newton if ok else inside + sign * step) - estimate), limit)
                continue
            if np.isfinite(newton) and abs(newton - x) < tol * width / 4:  # converging from one side: test just
                newton = x + np.sign((outside if x == inside else inside) - x) * tol * width / 2  # across the root
            lo, hi = sorted((inside, outside))
            x = newton if np.isfinite(newton) and lo < newton < hi else (inside + outside) / 2
        bounds.append(sign * np.inf if outside is None else (inside + outside) / 2)
    return bounds[0], bounds[1]


def wild_weights(kind: str, n_clusters: int, n_resamples: int, rng) -> tuple[np.ndarray, bool]:
    """Bootstrap weights (B × G): all 2^G Rademacher sign vectors when that is at most ``n_resamples``."""
    if kind == "rademacher" and 2**n_clusters <= n_resamples:
        return np.array(list(itertools.product([-1.0, 1.0], repeat=n_clusters))), True
    if kind == "rademacher":
        return rng.choice([-1.0, 1.0], size=(n_resamples, n_clusters)), False
    six = np.sqrt(np.array([0.5, 1.0, 1.5]))
    return rng.choice(np.r_[-six, six], size=(n_resamples, n_clusters)), False


def wild_cluster_bootstrap(y_t: np.ndarray, d_t: np.ndarray, project, clusters: np.ndarray, n_params: int,
                           level: float, n_resamples: int, rng, weights: str | None, conf_int: bool = True,
                           lang: str = "nl"):
    """Restricted wild cluster bootstrap (WCR) t-test and interval for one coefficient of a linear model.

    ``y_t`` and ``d_t`` are the outcome and the regressor with every other term (fixed effects,
    covariates) partialled out (Frisch–Waugh–Lovell); ``project(V)`` partials them out of the columns
    of V; ``clusters`` are cluster codes 0…G−1; ``n_params`` the number of coefficients of the full
    model (small-sample factor). Each bootstrap sample is ``y* = ŷ_r + u_r · w_g`` with one weight per
    cluster (Rademacher, or Webb's six-point weights with fewer than 12 clusters).

    Cluster sums (Roodman et al. 2019, WCR): with ``a_g = Σ_{i∈g} d̃_i u_i`` and the G × G matrix
    ``C_hg = Σ_{j∈g} [M(1_h d̃)]_j u_j`` (linear in β0, so computed once), a draw is
    ``β* − β0 = wᵀa / d̃ᵀd̃`` and its cluster scores ``S*_h = Σ_g w_g C_hg − (β* − β0) Σ_{i∈h} d̃_i²``:
    O(B·G²) per tested value, independent of the number of rows.

    Returns ``(beta, se, ci, p_value, n_draws, enumerated, kind)``.
    """
    check_lang(lang)
    G = int(clusters.max()) + 1
    n = len(y_t)
    factor = G / (G - 1) * (n - 1) / (n - n_params)
    kind = weights or ("webb" if G < 12 else "rademacher")
    w, enumerated = wild_weights(kind, G, n_resamples, rng)
    dd = d_t @ d_t
    if dd <= 1e-12 * max(1.0, float(np.abs(d_t).max()) ** 2 * n):
        raise InputError(msg("rs_err_treatment_absorbed", lang))
    onehot = np.zeros((n, G))
    onehot[np.arange(n), clusters] = 1.0
    MV = project(d_t[:, None] * onehot)                     # n × G: M(1_h d̃)
    C_y = (MV * y_t[:, None]).T @ onehot                    # C_hg for u = y_t
    C_d = (MV * d_t[:, None]).T @ onehot                    # C_hg for u = d_t
    a_y, a_d = onehot.T @ (d_t * y_t), onehot.T @ (d_t * d_t)
    D_h = a_d
    beta_hat = (d_t @ y_t) / dd
    s_hat = onehot.T @ (d_t * (y_t - beta_hat * d_t))
    se_hat = float(np.sqrt(factor * s_hat @ s_hat) / dd)
    if not np.isfinite(se_hat) or se_hat <= 1e-12 * max(1.0, abs(beta_hat)):
        raise InputError(msg("rs_err_zero_residuals", lang))
    WT = w.T.copy()

    def pvalue(beta0):
        a = a_y - beta0 * a_d
        C = C_y - beta0 * C_d
        diff = (w @ a) / dd                                 # β* − β0 per draw
        S = (C @ WT).T - np.outer(diff, D_h)                # B × G cluster scores
        se = np.sqrt(factor * np.einsum("bg,bg->b", S, S)) / dd
        with np.errstate(divide="ignore", invalid="ignore"):
            t_star = np.where(se > 0, diff / se, 0.0)
        t_obs = (beta_hat - beta0) / se_hat
        return float(np.mean(np.abs(t_star) >= abs(t_obs) - 1e-12 * (1 + abs(t_obs))))

    ci = invert_test(pvalue, beta_hat, se_hat, 1 - level) if conf_int else (np.nan, np.nan)
    return float(beta_hat), se_hat, ci, pvalue(0.0), len(w), enumerated, kind


# ------------------------------------------------------------------------------ score bootstrap (count models)
ScoreFamily = ("poisson", "quasipoisson", "gaussian")


class ScoreBootstrap:
    """Wild score cluster bootstrap of one coefficient in a GLM with unit and period fixed effects.

    For a tested value ``β0`` of the coefficient of ``d`` the model is fitted under the null (``β0·d``
    in the offset, fixed effects absorbed by :func:`fe_glm`); from that restricted fit come the
    observation scores ``s_i = x_i r_i`` (``r = y − μ̃``), the cluster scores ``S_g`` and the Hessian
    ``H = Σ_g H_g`` (``H_g = Σ_{i∈g} w_i x_i x_iᵀ``, ``w = μ̃`` for the log link, 1 for gaussian). A
    draw multiplies the cluster scores by weights ``v_g`` (Rademacher; Webb's six points with fewer
    than 12 clusters): the one-step estimate is ``θ* − θ̃ = H⁻¹ Σ_g v_g S_g`` (no refit per draw) and
    its cluster scores, re-evaluated to first order, are ``S*_h = v_h S_h − H_h (θ* − θ̃)``. The
    statistic of a draw is the cluster-robust t of the coefficient, ``t* = (β* − β0) / se(S*)`` with
    ``se(S*)`` the sandwich ``H⁻¹ (Σ_h S*_h S*_hᵀ) H⁻¹``; the observed statistic is the same function
    at ``v = 1`` (a one-step Wald statistic from the restricted fit, studentized by the scores at the
    one-step estimate; it is 0 at the maximum-likelihood estimate, where the interval is centred).
    The p-value is the share of draws with ``|t*| ≥ |t|``. Kline & Santos studentize with the
    perturbed scores ``v_h S_h``, which in the linear model agrees with the wild bootstrap up to
    ``O_p(1/n)``; the re-evaluation term ``− H_h (θ* − θ̃)`` makes it agree exactly.

    Only the coefficient's row is needed, so everything is profiled: with ``d̃`` the residual of ``d``
    after a weighted projection on the fixed effects and covariates (weights ``w``,
    :class:`FixedEffects`), ``J = Σ w d̃²``, ``a_g = Σ_{i∈g} d̃_i r_i`` and ``β* − β0 = vᵀa / J``; the
    bootstrap cluster scores are ``S* = K v`` with the G × G matrix
    ``K_hg = Σ_{i∈h} d̃_i w_i [M(r·1_g / w)]_i`` (``M`` the weighted residual maker of all regressors).
    One restricted fit and G projections per ``β0``, then one matrix product for all draws. For a linear model this is exactly the restricted wild
    cluster bootstrap (WCR) of :func:`wild_cluster_bootstrap`; quasi-Poisson has the same statistic
    as Poisson (the dispersion cancels in a studentized statistic).

    Parameters
    ----------
    y, d : array
        Outcome (counts) and the regressor tested (treatment indicator).
    unit_codes, period_codes, clusters : int arrays
        Codes 0… of unit, period and cluster per row (units nested in clusters).
    family : {"poisson", "quasipoisson", "gaussian"}
    Z : array, optional
        Other regressors (covariates), n × k.
    offset : array, optional
        Offset (log exposure for counts).
    weights : array
        Bootstrap weights, draws × clusters (:func:`wild_weights`).

    References
    ----------
    Kline, P., & Santos, A. (2012). A score based approach to wild bootstrap inference. J. Econometric
    Methods 1, 23–41. https://doi.org/10.1515/2156-6674.1006
    Roodman, D., Nielsen, M. Ø., MacKinnon, J. G., & Webb, M. D. (2019). Fast and wild. Stata Journal 19, 4–60.

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> u, t = np.repeat(np.arange(6), 8), np.tile(np.arange(8), 6)
    >>> d = ((u < 2) & (t >= 4)).astype(float)
    >>> y = rng.poisson(5 * np.exp(0.1 * u), 48).astype(float)
    >>> w, _ = wild_weights("rademacher", 6, 999, rng)
    >>> boot = ScoreBootstrap(y, d, u, t, u, "poisson", weights=w)
    >>> 0 < boot.pvalue(0.0) <= 1, len(boot.statistics(0.0)) == len(w) + 1
    (True, True)
    """

    def __init__(self, y, d, unit_codes, period_codes, clusters, family: str = "poisson", *, Z=None, offset=None,
                 weights, lang: str = "nl"):
        self.lang = check_lang(lang)
        if family not in ScoreFamily:
            raise InputError(msg("rs_err_score_family", lang, family=family,
                                 allowed=", ".join(repr(f) for f in ScoreFamily)))
        self.y, self.d = np.asarray(y, float), np.asarray(d, float)
        n = len(self.y)
        self.unit_codes, self.period_codes = np.asarray(unit_codes), np.asarray(period_codes)
        self.clusters = np.asarray(clusters)
        self.G = int(self.clusters.max()) + 1
        self.family = "gaussian" if family == "gaussian" else "poisson"
        self.Z = np.zeros((n, 0)) if Z is None else np.asarray(Z, float).reshape(n, -1)
        self.offset = np.zeros(n) if offset is None else np.asarray(offset, float)
        self.weights = np.asarray(weights, float)
        self._v = np.vstack([np.ones(self.G), self.weights])   # the observed (v = 1) first, then the draws
        self.fe = FixedEffects(self.unit_codes, self.period_codes)
        self._warm: dict[float, np.ndarray] = {}

    def restricted_fit(self, beta0: float) -> FeFit:
        """The model with the coefficient fixed at ``beta0`` (``β0·d`` in the offset), warm-started from the nearest fit."""
        near = min(self._warm, key=lambda b: abs(b - beta0)) if self._warm else None
        eta = None if near is None else self._warm[near] + (beta0 - near) * self.d
        fit = fe_fit(self.y, self.unit_codes, self.period_codes, self.family, Z=self.Z if self.Z.shape[1] else None,
                     offset=self.offset + beta0 * self.d, eta=eta, fe=self.fe)
        self._warm[beta0] = fit.eta
        return fit

    def profile(self, beta0: float):
        """Restricted fit and profiled scores at ``beta0``: ``(mu, a, J, K)`` (see the class notes).

        ``a_g / J`` is the coefficient's row of ``H⁻¹ S_g``; ``1 / J`` the coefficient's diagonal element
        of ``H⁻¹``; ``K v`` (times ``1 / J``) the coefficient's row of ``H⁻¹ S*`` per cluster for weights ``v``.
        """
        fit = self.restricted_fit(beta0)
        w, r = fit.weights, fit.score                     # μ̃ and y − μ̃ (1 and y − μ̃ for gaussian)
        G, g, n, k = self.G, self.clusters, len(self.y), self.Z.shape[1]
        V = np.zeros((n, G))
        V[np.arange(n), g] = r / w                        # r·1_g / w, one column per cluster
        R = self.fe.project(np.column_stack([self.d, self.Z, V]), w)   # fixed effects partialled out
        d_t, Z_t, V_t = R[:, 0], R[:, 1:1 + k], R[:, 1 + k:]
        if k:                                             # then the covariates (Frisch–Waugh–Lovell)
            WZ = w[:, None] * Z_t
            coef = np.linalg.lstsq(Z_t.T @ WZ, WZ.T @ np.column_stack([d_t, V_t]), rcond=None)[0]
            d_t, V_t = d_t - Z_t @ coef[:, 0], V_t - Z_t @ coef[:, 1:]
        J = float(w @ d_t**2)
        if J <= 1e-12 * max(1.0, float(w @ self.d**2)):
            raise InputError(msg("rs_err_treatment_absorbed", self.lang))
        dw = d_t * w
        V_t -= np.outer(d_t, dw @ V_t) / J                # and the treatment: residual maker of all regressors
        a = np.bincount(g, d_t * r, G)
        K = np.stack([np.bincount(g, dw * V_t[:, j], G) for j in range(G)], axis=1)  # K_hg = Σ_{i∈h} d̃ w [M v_g]_i
        return fit.mu, a, J, K

    def statistics(self, beta0: float) -> np.ndarray:
        """Bootstrap t statistics for ``beta0``: the observed one (weights 1) first, then one per draw."""
        _, a, _, K = self.profile(beta0)
        out = self._v @ np.column_stack([a, K.T])      # one product: numerators and cluster scores of all draws
        num, S = out[:, 0], out[:, 1:]
        scale = np.sqrt(np.einsum("bg,bg->b", S, S))   # J and the small-sample factor cancel in the ratio
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(scale > 0, num / scale, 0.0)

    def pvalue(self, beta0: float) -> float:
        """Two-sided p-value of H0: coefficient = ``beta0`` (share of draws with ``|t*| ≥ |t|``)."""
        t_all = self.statistics(beta0)
        t_obs, t_star = abs(t_all[0]), np.abs(t_all[1:])
        return float(np.mean(t_star >= t_obs - 1e-12 * (1 + t_obs)))


def score_bootstrap(y, d, unit_codes, period_codes, clusters, family: str = "poisson", *, Z=None, offset=None,
                    estimate: float, scale: float, level: float = 0.95, n_resamples: int = 9999, rng=None,
                    weights: str | None = None, conf_int: bool = True, lang: str = "nl"):
    """Wild score cluster bootstrap p-value (H0: coefficient 0) and interval by test inversion.

    See :class:`ScoreBootstrap` for the method. ``estimate`` and ``scale`` (the maximum-likelihood
    estimate and its standard error) only start the search of :func:`invert_test`. Weights:
    Rademacher (all 2^G sign vectors when that is at most ``n_resamples``), or Webb's six-point
    weights by default with fewer than 12 clusters. With all 2^G sign vectors the smallest possible
    p-value is 2 / 2^G (the vectors ±1 reproduce the data); when that exceeds ``1 − level`` the
    interval is unbounded.

    Returns ``(p_value, ci, n_draws, enumerated, kind)``.

    Examples
    --------
    >>> rng = np.random.default_rng(2)
    >>> u, t = np.repeat(np.arange(8), 10), np.tile(np.arange(10), 8)
    >>> d = ((u < 3) & (t >= 5)).astype(float)
    >>> y = rng.poisson(4 * np.exp(-0.5 * d)).astype(float)
    >>> p, ci, n, enumerated, kind = score_bootstrap(y, d, u, t, u, estimate=-0.5, scale=0.2, n_resamples=999,
    ...                                               rng=np.random.default_rng(1))
    >>> kind, n, bool(ci[0] < -0.5 < ci[1])
    ('webb', 999, True)
    """
    G = int(np.max(clusters)) + 1
    kind = weights or ("webb" if G < 12 else "rademacher")
    w, enumerated = wild_weights(kind, G, n_resamples, rng if rng is not None else np.random.default_rng())
    boot = ScoreBootstrap(y, d, unit_codes, period_codes, clusters, family, Z=Z, offset=offset, weights=w, lang=lang)
    p = boot.pvalue(0.0)
    if not conf_int:
        ci = (np.nan, np.nan)
    elif enumerated and 2 / len(w) > 1 - level:  # v = ±1 always tie with the data: no value can be rejected
        ci = (-np.inf, np.inf)
    else:
        ci = invert_test(boot.pvalue, estimate, scale, 1 - level)
    return p, (float(ci[0]), float(ci[1])), len(w), enumerated, kind
