"""Resampling inference shared by the before/after and roll-out analyses.

* :func:`assignments` and :class:`RandomizationTable` — randomization inference over the assignment
  of schools (or of clusters of schools) to treatment, keeping the adoption pattern, with the score
  statistic of every assignment computed by one matrix product from one null fit;
* :func:`fe_glm` — the null fits themselves: a GLM with unit and period fixed effects absorbed
  (Newton/IRLS on the fixed effects through their sparse structure, warm starts), so inverting the
  randomization test costs milliseconds instead of dense-dummy refits;
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

import numpy as np

from .errors import InputError

__all__ = ["assignments", "RandomizationTable", "fe_glm", "invert_test", "wild_cluster_bootstrap", "single_thread",
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
        """Score statistic Σ D'ᵢₜ rᵢₜ for every assignment (observed first)."""
        n_units = self.table.shape[1]
        grid = np.bincount(unit_codes * self.n_periods + period_codes, resid, n_units * self.n_periods)
        tail = np.cumsum(grid.reshape(n_units, self.n_periods)[:, ::-1], axis=1)[:, ::-1]  # Σ_{t ≥ s} r_it
        return self.indicator @ tail[:, self.values].T.ravel()

    def pvalue(self, resid, unit_codes, period_codes) -> float:
        """Two-sided randomization p-value: share of assignments with |statistic| at least the observed."""
        s = self.statistics(resid, unit_codes, period_codes)
        return float(np.mean(np.abs(s) >= np.abs(s[0]) - 1e-9 * (1 + np.abs(s[0]))))


def fe_glm(y, unit_codes, period_codes, family: str = "poisson", *, Z=None, offset=None, alpha: float | None = None,
           eta=None, tol: float = 1e-10, max_iter: int = 100):
    """GLM with unit and period fixed effects absorbed (log link for counts, identity for gaussian).

    Fisher scoring (IRLS) on ``η = a_unit + b_period + Zγ + offset``; the normal equations are
    assembled from per-unit, per-period and per-cell sums (bincount), so the cost grows with units +
    periods, not with a dummy matrix. ``eta`` warm-starts from a previous fit (for test inversion).
    Converged when no linear predictor moves by more than ``tol``.

    Returns ``(mu, eta, gamma)``.

    Examples
    --------
    >>> u, t = np.repeat([0, 1], 3), np.tile([0, 1, 2], 2)
    >>> mu, _, _ = fe_glm(np.array([1., 2, 3, 2, 4, 6]), u, t)
    >>> np.round(mu, 6).tolist()  # a two-way table of counts is fitted by its margins
    [1.0, 2.0, 3.0, 2.0, 4.0, 6.0]
    """
    y = np.asarray(y, float)
    n = len(y)
    nu, nt = int(unit_codes.max()) + 1, int(period_codes.max()) + 1
    Z = np.zeros((n, 0)) if Z is None else np.asarray(Z, float).reshape(n, -1)
    k = Z.shape[1]
    off = np.zeros(n) if offset is None else np.asarray(offset, float)
    cell = unit_codes * nt + period_codes
    gaussian = family == "gaussian"
    if eta is None:
        eta = off + (y if gaussian else np.log(y + 0.5))
    p = nu + nt - 1 + k
    H = np.empty((p, p))
    rhs = np.empty(p)
    for _ in range(max_iter):
        if gaussian:
            mu, w, z = eta, np.ones(n), y - off
        else:
            mu = np.exp(np.minimum(eta, 700))
            w = mu / (1 + alpha * mu) if family == "negbin" else mu
            z = eta - off + (y - mu) / mu
        wz = w * z
        H[:] = 0
        H[np.arange(nu), np.arange(nu)] = np.bincount(unit_codes, w, nu)
        wt = np.bincount(period_codes, w, nt)[1:]
        H[np.arange(nu, nu + nt - 1), np.arange(nu, nu + nt - 1)] = wt
        cross = np.bincount(cell, w, nu * nt).reshape(nu, nt)[:, 1:]
        H[:nu, nu:nu + nt - 1] = cross
        H[nu:nu + nt - 1, :nu] = cross.T
        rhs[:nu] = np.bincount(unit_codes, wz, nu)
        rhs[nu:nu + nt - 1] = np.bincount(period_codes, wz, nt)[1:]
        if k:
            wZ = w[:, None] * Z
            zu = np.stack([np.bincount(unit_codes, wZ[:, j], nu) for j in range(k)], axis=1)
            zt = np.stack([np.bincount(period_codes, wZ[:, j], nt)[1:] for j in range(k)], axis=1)
            H[:nu, nu + nt - 1:] = zu
            H[nu + nt - 1:, :nu] = zu.T
            H[nu:nu + nt - 1, nu + nt - 1:] = zt
            H[nu + nt - 1:, nu:nu + nt - 1] = zt.T
            H[nu + nt - 1:, nu + nt - 1:] = Z.T @ wZ
            rhs[nu + nt - 1:] = Z.T @ wz
        theta = np.linalg.solve(H, rhs)
        b = np.r_[0.0, theta[nu:nu + nt - 1]]
        gamma = theta[nu + nt - 1:]
        new = off + theta[:nu][unit_codes] + b[period_codes] + Z @ gamma
        if gaussian:
            return new, new, gamma
        change = float(np.max(np.abs(new - eta)))
        eta = new
        if change <= tol:
            return np.exp(np.minimum(eta, 700)), eta, gamma
    raise np.linalg.LinAlgError("fixed-effects fit did not converge")


def invert_test(pfun, estimate: float, scale: float, alpha: float, limit: float = 20.0,
                tol: float = 1e-4) -> tuple[float, float]:
    """Confidence interval {β0 : p(β0) > alpha} by bisection on each side of the estimate.

    A side is open (±inf) when the test does not reject within ``limit`` of the estimate (on the
    log scale for counts: a rate ratio of e^20). A null model that cannot be fitted at an extreme
    β0 counts as a rejection of that β0. The bounds are found to ``tol × scale``.
    """
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


def wild_weights(kind: str, n_clusters: int, n_resamples: int, rng) -> tuple[np.ndarray, bool]:
    """Bootstrap weights (B × G): all 2^G Rademacher sign vectors when that is at most ``n_resamples``."""
    if kind == "rademacher" and 2**n_clusters <= n_resamples:
        return np.array(list(itertools.product([-1.0, 1.0], repeat=n_clusters))), True
    if kind == "rademacher":
        return rng.choice([-1.0, 1.0], size=(n_resamples, n_clusters)), False
    six = np.sqrt(np.array([0.5, 1.0, 1.5]))
    return rng.choice(np.r_[-six, six], size=(n_resamples, n_clusters)), False


def wild_cluster_bootstrap(y_t: np.ndarray, d_t: np.ndarray, project, clusters: np.ndarray, n_params: int,
                           level: float, n_resamples: int, rng, weights: str | None, conf_int: bool = True):
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
    G = int(clusters.max()) + 1
    n = len(y_t)
    factor = G / (G - 1) * (n - 1) / (n - n_params)
    kind = weights or ("webb" if G < 12 else "rademacher")
    w, enumerated = wild_weights(kind, G, n_resamples, rng)
    dd = d_t @ d_t
    if dd <= 1e-12 * max(1.0, float(np.abs(d_t).max()) ** 2 * n):
        raise InputError("De behandeling valt volledig samen met de vaste effecten (of covariaten): er is geen "
                         "verschil-in-verschillen te schatten.")
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
        raise InputError("De residuen zijn (vrijwel) nul: de uitkomst ligt volledig vast door scholen, perioden en "
                         "de behandeling (bijvoorbeeld een constante reeks). Een bootstrap heeft dan niets te "
                         "hertrekken; controleer de uitkomstkolom.")
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


class _FixedEffectsProjection:
    """Weighted least squares on unit and period fixed effects (and ``Z``) through their sparse structure.

    The normal equations ``N'WN θ = N'W v`` with ``N = [unit dummies, period dummies (first dropped), Z]``
    are solved by eliminating the diagonal unit block (a Schur complement of size periods + k), so
    the cost grows with units + periods, not with a dense dummy matrix.
    """

    def __init__(self, w, unit_codes, period_codes, Z):
        self.unit_codes, self.period_codes, self.Z = unit_codes, period_codes, Z
        nu, nt = int(unit_codes.max()) + 1, int(period_codes.max()) + 1
        self.nu, self.nt = nu, nt
        wZ = w[:, None] * Z
        self.A = np.bincount(unit_codes, w, nu)                                   # unit block (diagonal)
        cross = np.bincount(unit_codes * nt + period_codes, w, nu * nt).reshape(nu, nt)[:, 1:]
        self.B = np.hstack([cross, self._unit_sums(wZ)])                          # nu × q
        q = nt - 1 + Z.shape[1]
        C = np.zeros((q, q))
        C[np.arange(nt - 1), np.arange(nt - 1)] = np.bincount(period_codes, w, nt)[1:]
        if Z.shape[1]:
            zt = self._period_sums(wZ)
            C[:nt - 1, nt - 1:], C[nt - 1:, :nt - 1], C[nt - 1:, nt - 1:] = zt, zt.T, Z.T @ wZ
        self.schur = C - self.B.T @ (self.B / self.A[:, None])

    def _unit_sums(self, V):
        return np.stack([np.bincount(self.unit_codes, V[:, j], self.nu) for j in range(V.shape[1])], axis=1) \
            if V.shape[1] else np.zeros((self.nu, 0))

    def _period_sums(self, V):
        return np.stack([np.bincount(self.period_codes, V[:, j], self.nt)[1:] for j in range(V.shape[1])], axis=1)

    def solve(self, rhs_unit, rhs_rest):
        """Coefficients (unit part, period-and-Z part) for normal-equation right-hand sides (columns)."""
        rest = np.linalg.solve(self.schur, rhs_rest - self.B.T @ (rhs_unit / self.A[:, None]))
        return (rhs_unit - self.B @ rest) / self.A[:, None], rest

    def residual(self, v, w):
        """``v`` minus its weighted projection on the fixed effects and ``Z`` (one vector)."""
        wv = (w * v)[:, None]
        rhs_rest = np.vstack([self._period_sums(wv), self.Z.T @ wv])
        unit, rest = self.solve(self._unit_sums(wv), rhs_rest)
        nt = self.nt
        return v - unit[self.unit_codes, 0] - np.r_[0.0, rest[:nt - 1, 0]][self.period_codes] - self.Z @ rest[nt - 1:, 0]


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
    after a weighted projection on the fixed effects (weights ``w``), ``J = Σ w d̃²``,
    ``a_g = Σ_{i∈g} d̃_i r_i`` and ``β* − β0 = vᵀa / J``; the bootstrap cluster scores are ``S* = K v``
    with the G × G matrix ``K = diag(a) − C``, ``C_hg = Σ_{i∈h} d̃_i w_i [P(r·1_g / w)]_i`` (``P`` the
    weighted projection on all regressors). One restricted fit and G projections per ``β0``, then
    one matrix product for all draws. For a linear model this is exactly the restricted wild
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
                 weights):
        if family not in ScoreFamily:
            raise InputError(f"Ongeldige waarde {family!r} voor family van de score-bootstrap. Kies uit: "
                             + ", ".join(repr(f) for f in ScoreFamily) + ".")
        self.y, self.d = np.asarray(y, float), np.asarray(d, float)
        n = len(self.y)
        self.unit_codes, self.period_codes = np.asarray(unit_codes), np.asarray(period_codes)
        self.clusters = np.asarray(clusters)
        self.G = int(self.clusters.max()) + 1
        self.family = "gaussian" if family == "gaussian" else "poisson"
        self.Z = np.zeros((n, 0)) if Z is None else np.asarray(Z, float).reshape(n, -1)
        self.offset = np.zeros(n) if offset is None else np.asarray(offset, float)
        self.weights = np.asarray(weights, float)
        self._warm: dict[float, np.ndarray] = {}

    def restricted_fit(self, beta0: float) -> np.ndarray:
        """Fitted means of the model with the coefficient fixed at ``beta0`` (warm-started from the nearest fit)."""
        near = min(self._warm, key=lambda b: abs(b - beta0)) if self._warm else None
        eta = None if near is None else self._warm[near] + (beta0 - near) * self.d
        mu, eta, _ = fe_glm(self.y, self.unit_codes, self.period_codes, self.family, Z=self.Z if self.Z.shape[1] else None,
                            offset=self.offset + beta0 * self.d, eta=eta)
        self._warm[beta0] = eta
        return mu

    def profile(self, beta0: float):
        """Restricted fit and profiled scores at ``beta0``: ``(mu, a, J, K)`` (see the class notes).

        ``a_g / J`` is the coefficient's row of ``H⁻¹ S_g``; ``1 / J`` the coefficient's diagonal element
        of ``H⁻¹``; ``K v`` (times ``1 / J``) the coefficient's row of ``H⁻¹ S*`` per cluster for weights ``v``.
        """
        mu = self.restricted_fit(beta0)
        w = np.ones_like(mu) if self.family == "gaussian" else mu
        r = self.y - mu
        fe = _FixedEffectsProjection(w, self.unit_codes, self.period_codes, self.Z)
        d_t = fe.residual(self.d, w)
        J = float(w @ d_t**2)
        if J <= 1e-12 * max(1.0, float(w @ self.d**2)):
            raise InputError("De behandeling valt volledig samen met de vaste effecten (of covariaten): er is geen "
                             "verschil-in-verschillen te schatten.")
        G, g = self.G, self.clusters
        a = np.bincount(g, d_t * r, G)
        q = np.bincount(g, w * d_t**2, G)
        # right-hand sides N'(r·1_g) of the projections of r·1_g / w, one column per cluster g
        rhs_unit = np.bincount(self.unit_codes * G + g, r, fe.nu * G).reshape(fe.nu, G)
        rhs_period = np.bincount(self.period_codes * G + g, r, fe.nt * G).reshape(fe.nt, G)[1:]
        rhs_z = np.stack([np.bincount(g, self.Z[:, j] * r, G) for j in range(self.Z.shape[1])]) \
            if self.Z.shape[1] else np.zeros((0, G))
        theta_unit, theta_rest = fe.solve(rhs_unit, np.vstack([rhs_period, rhs_z]))
        # M_h = Σ_{i∈h} d̃_i w_i N_i, cluster × (unit, period, Z)
        dw = d_t * w
        M_unit = np.bincount(g * fe.nu + self.unit_codes, dw, G * fe.nu).reshape(G, fe.nu)
        M_period = np.bincount(g * fe.nt + self.period_codes, dw, G * fe.nt).reshape(G, fe.nt)[:, 1:]
        M_z = np.stack([np.bincount(g, dw * self.Z[:, j], G) for j in range(self.Z.shape[1])], axis=1) \
            if self.Z.shape[1] else np.zeros((G, 0))
        C = M_unit @ theta_unit + np.hstack([M_period, M_z]) @ theta_rest + np.outer(q, a) / J
        return mu, a, J, np.diag(a) - C

    def statistics(self, beta0: float) -> np.ndarray:
        """Bootstrap t statistics for ``beta0``: the observed one (weights 1) first, then one per draw."""
        _, a, _, K = self.profile(beta0)
        v = np.vstack([np.ones(self.G), self.weights])
        out = v @ np.column_stack([a, K.T])            # one product: numerators and cluster scores of all draws
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
                    weights: str | None = None, conf_int: bool = True):
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
    boot = ScoreBootstrap(y, d, unit_codes, period_codes, clusters, family, Z=Z, offset=offset, weights=w)
    p = boot.pvalue(0.0)
    if not conf_int:
        ci = (np.nan, np.nan)
    elif enumerated and 2 / len(w) > 1 - level:  # v = ±1 always tie with the data: no value can be rejected
        ci = (-np.inf, np.inf)
    else:
        ci = invert_test(boot.pvalue, estimate, scale, 1 - level)
    return p, (float(ci[0]), float(ci[1])), len(w), enumerated, kind
