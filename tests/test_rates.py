"""Rates and rate ratios equal R's poisson.test (R 4.2.2; script tests/reference/rates.R)."""
import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose

from evaluatie import InputError
from evaluatie.rates import rate_ci, rate_ratio_test

# poisson.test(x, 1)$conf.int for x = 0, 3, 12, 57
GARWOOD = {0: (0.0, 3.68887945411), 3: (0.618672122896, 8.76727306974), 12: (6.20057510872, 20.9615850482),
           57: (43.1712433629, 73.850111403)}
# poisson.test(c(x1, x0), c(t1, t0)): estimate, conf.int, p.value
RATIOS = [((11, 800, 23, 1000), (0.597826086957, 0.263103648566, 1.27660668894, 0.170705386526)),
          ((20, 4000, 40, 4000), (0.5, 0.276926298132, 0.875724527002, 0.0134892937312)),
          ((137, 52000.5, 412, 118000), (0.754567053734, 0.61733018202, 0.917634078199, 0.00404554167823)),
          ((0, 300, 7, 500), (0.0, 0.0, 1.15635663349, 0.0504622459412))]


def test_rate_ci_equals_poisson_test_and_scales():
    x = pd.Series(list(GARWOOD), index=list("abcd"))
    out = rate_ci(x, 1, per=1)
    assert_allclose(out[["lower", "upper"]].to_numpy(), np.array(list(GARWOOD.values())), rtol=1e-9)
    assert out.index.tolist() == list("abcd")
    per1000 = rate_ci(12, 2400)  # 12 referrals among 2,400 pupils: 5 per 1,000
    assert_allclose(per1000.iloc[0].to_numpy(), np.array([12, *GARWOOD[12]]) / 2400 * 1000, rtol=1e-9)


@pytest.mark.parametrize("args, ref", RATIOS)
def test_rate_ratio_equals_poisson_test(args, ref):
    r = rate_ratio_test(*args)
    assert_allclose([r.ratio, r.lower, r.upper, r.p_value], ref, rtol=1e-9, atol=1e-12)


def test_rate_input_errors_are_dutch():
    with pytest.raises(InputError, match="gehele getallen"):
        rate_ci(-1, 100)
    with pytest.raises(InputError, match="groter dan 0"):
        rate_ci(3, 0)
    with pytest.raises(InputError, match="beide groepen 0"):
        rate_ratio_test(0, 10, 0, 10)
    with pytest.raises(InputError, match="twee groepen"):
        rate_ratio_test([1, 2], [10, 10], 3, 10)


def test_rate_ci_coverage_on_simulated_counts():
    rng = np.random.default_rng(5)
    true_rate = 4.2  # per 1,000
    x = rng.poisson(true_rate / 1000 * 800, size=2000)
    ci = rate_ci(x, 800)
    covered = ((ci["lower"] <= true_rate) & (true_rate <= ci["upper"])).mean()
    assert 0.95 <= covered <= 0.99  # exact intervals are conservative


def test_errors_in_english_with_lang_en():
    with pytest.raises(InputError, match="^Counts must be whole numbers of 0 or more"):
        rate_ci([1.5], [100], lang="en")
    with pytest.raises(InputError, match="^The exposure \\(for example the number of pupils\\) must be greater than 0"):
        rate_ratio_test(3, 0, 4, 100, lang="en")
    with pytest.raises(InputError, match="^0 events in both groups: the rate ratio cannot be estimated"):
        rate_ratio_test(0, 100, 0, 100, lang="en")
    with pytest.raises(InputError, match="^level must lie between 0 and 1, not 95"):
        rate_ci([3], [100], level=95, lang="en")


def test_dutch_error_text_is_unchanged_by_default():
    with pytest.raises(InputError) as info:
        rate_ratio_test([1, 2], [100, 100], 3, 100)
    assert str(info.value) == "rate_ratio_test vergelijkt twee groepen: geef per groep één aantal en één blootstelling."
    with pytest.raises(InputError) as info:
        rate_ci([3], [100], level=95)
    assert str(info.value) == "level moet tussen 0 en 1 liggen, niet 95."
