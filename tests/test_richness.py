"""Richness: iChao2, the binomial–log-normal prediction interval, the continuous band, and coverage (slow)."""
import numpy as np
import pytest
from numpy.testing import assert_allclose
from scipy import stats

from evaluatie.richness import _predictive_interval, _undetected_improved, _unseen_reach, accumulation

ROWS2 = ["110000000000", "100100000000", "101000000001", "100000010000", "111000000000",
         "100110000000", "010000100000", "100000001000", "110000000100", "000000000011",
         "100000000001", "000001000000"]


def _matrix(rows):
    return np.array([[int(c) for c in r] for r in rows])


def test_ichao2_equals_spader_formula():
    # Q1..Q4 = 5, 2, 2, 1 in m = 10 files. SpadeR SpecInciiChao2 (Chao's lab, R):
    #   s_Chao2 = D + (t-1)/t q1^2/(2 q2) = D + 0.9 * 25 / 4 = D + 5.625
    #   s_iChao2 = s_Chao2 + (t-3)/t q3/4/q4 max(q1 - (t-3)/(t-1) q2 q3/2/q4, 0) = s_Chao2 + 0.35 * (5 - 14/9)
    freq = np.array([1, 1, 1, 1, 1, 2, 2, 3, 3, 4, 7])
    assert_allclose(_undetected_improved(freq, 10), [5.625 + 0.35 * (5 - 14 / 9)], rtol=1e-12)
    # Q4 = 0: taken as 1 (SpadeR's q4 + 1 branch); no Q3: plain Chao2
    assert_allclose(_undetected_improved(np.array([1, 1, 1, 2, 3, 5]), 10), [0.9 * 9 / 2 + 0.175 * 1 * max(3 - 7 / 18, 0)])
    assert_allclose(_undetected_improved(np.array([1, 1, 2, 5]), 10), [0.9 * 4 / 2])


def test_predictive_interval_limits():
    # no estimation error: the interval is the Poisson (reach 0) or binomial interval of the count
    for lam in (0.7, 4.3, 25.0):
        lo, hi = stats.poisson.interval(0.95, lam)
        assert _predictive_interval(lam, 0.0, 0.95) == (int(lo), int(hi))
    for trials, reach in ((12, 0.5), (40, 0.2), (7, 0.9)):
        lo, hi = stats.binom.interval(0.95, trials, reach)
        assert _predictive_interval(trials * reach, 0.0, 0.95, reach) == (int(lo), int(hi))
    # a fractional number of trials lies between its whole neighbours
    lo11, hi11 = _predictive_interval(5.5, 0.0, 0.95, 0.5)
    lo12, hi12 = _predictive_interval(6.0, 0.0, 0.95, 0.5)
    assert lo11 <= lo12 and hi11 <= hi12
    assert _predictive_interval(0.0, 3.0, 0.95) == (0, 0)
    narrow, wide = _predictive_interval(10.0, 1.0, 0.95), _predictive_interval(10.0, 100.0, 0.95)
    assert wide[0] <= narrow[0] and wide[1] > narrow[1] + 5  # estimation error widens, mostly upwards
    # the finite-population part: the more of the undetected agencies the unread files reach, the narrower
    widths = [np.diff(_predictive_interval(20.0, 4.0, 0.95, r))[0] for r in (0.0, 0.3, 0.6, 0.9)]
    assert widths == sorted(widths, reverse=True) and widths[0] >= widths[-1] + 6


def test_unseen_reach_follows_shen_and_is_capped_at_double_the_files_read():
    # Q1, Q2 = 5, 2 (no Q3): iChao2 = Chao2 = 0.9 * 25 / 4 in m = 10 files; p0 = Q1 / (m Q0 + Q1)
    freq = np.array([1, 1, 1, 1, 1, 2, 2, 5, 7, 0, 0])
    q0 = 0.9 * 25 / 4
    p0 = 5 / (10 * q0 + 5)
    assert_allclose(_unseen_reach(freq, 10, 6), 1 - (1 - p0) ** 6, rtol=1e-12)
    assert_allclose(_unseen_reach(freq, 10, 50), 1 - (1 - p0) ** 10, rtol=1e-12)  # horizon m, not 50
    assert _unseen_reach(np.array([2, 3, 4]), 10, 20) == 0.0  # no singletons: nothing undetected


def test_prediction_is_whole_numbers_and_shrinks_as_files_are_read():
    y = _matrix(ROWS2)
    totals = [accumulation(y, n_total=n, seed=1).total for n in (13, 20, 40)]
    for tot in totals:
        assert tot["lower"] == round(tot["lower"]) and tot["upper"] == round(tot["upper"])
        assert 12 <= tot["lower"] <= tot["estimate"] <= tot["upper"]
    widths = [t["upper"] - t["lower"] for t in totals]
    assert widths == sorted(widths) and widths[-1] > widths[0]
    assert accumulation(y, sizes=[5, 20]).total["upper"] == 12  # no n_total: nothing to predict


def test_band_is_continuous_at_the_files_read():
    """#13: one bootstrap band for interpolation and extrapolation, so no notch at the observed point."""
    y = _matrix(ROWS2)
    c = accumulation(y, sizes=range(1, 31), n_total=30, seed=2).to_frame().set_index("files")
    z = stats.norm.ppf(0.975)
    assert_allclose(c["upper"] - c["estimate"], z * c["se"])  # one formula along the whole curve
    for col in ("lower", "upper", "se"):
        steps = c[col].diff().abs().dropna()
        at_read = steps.loc[[12, 13]]  # the steps into and out of the observed point
        assert at_read.max() <= 2 * steps.drop([12, 13]).max()
    assert c.loc[12, "upper"] > c.loc[12, "estimate"] > c.loc[12, "lower"]  # the band does not pinch to a point


@pytest.mark.slow  # 10 × 1000 synthetic schools, about 1 CPU minute: CI (make test-all) runs it
@pytest.mark.parametrize("setting", ["sbo", "large_flat"])
@pytest.mark.parametrize("files_read", [20, 40, 80, 120, 150])
def test_prediction_interval_coverage(files_read, setting):
    """Known truth: synthetic schools; the students read ``files_read`` of 160 random files (the same share of 300).

    1000 schools per design (Monte Carlo SE ≤ 0.7 points at 95%); the claims in ``accumulation``'s
    docstring are the output of ``benchmarks/richness_coverage.py`` with the same seed (deterministic):
    160 pupils 94.6, 96.5, 96.0, 96.7, 98.6%; 300 pupils 95.9, 95.5, 95.8, 96.8, 99.3%.
    """
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from richness_coverage import coverage

    result = coverage(files_read, 1000, setting)
    assert result["mc_se"] < 0.008
    if files_read < 150:
        assert 0.93 <= result["coverage"] <= 0.97
    else:  # about one new agency expected: whole-number bounds round outward (see accumulation, Notes)
        assert 0.975 <= result["coverage"] <= 0.995


def test_errors_in_english_with_lang_en():
    """lang="en" gives the richness estimators' refusals in English."""
    from evaluatie import InputError
    from evaluatie.richness import accumulation, chao1, chao2

    y = np.array([[1, 1, 0], [1, 0, 1], [0, 0, 0]])
    with pytest.raises(InputError, match="^chao1: give a row of whole counts"):
        chao1([1.5, 2], lang="en")
    with pytest.raises(InputError, match="^chao2: at least 2 files read are needed"):
        chao2(y[:1], lang="en")
    with pytest.raises(InputError, match="^n_total \\(2\\) is smaller than the number of files read \\(3\\)"):
        accumulation(y, n_total=2, lang="en")
    with pytest.raises(InputError, match="^sizes: give numbers of files as whole numbers from 1 up"):
        accumulation(y, sizes=[0, 2], lang="en")


def test_dutch_error_text_is_unchanged_by_default():
    from evaluatie import InputError
    from evaluatie.richness import accumulation

    with pytest.raises(InputError) as info:
        accumulation(np.ones(3), n_boot=10)
    assert str(info.value) == "accumulation: geef een tabel met één rij per leerling en één kolom per instantie (0/1)."
    with pytest.raises(InputError) as info:
        accumulation(np.ones((3, 2)), level=1.5)
    assert str(info.value) == "level moet tussen 0 en 1 liggen, niet 1.5."
