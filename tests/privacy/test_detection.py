"""Recall and false positives of the free-text detection on the corpus (tests/privacy/corpus.py).

Claim (privacy.find_identifiers docstring, README "Privacy"): every positive of the corpus is found,
with its kind, and no negative is flagged. Bounds: recall == 1, false positives == 0.
"""
import numpy as np
import pandas as pd
import pytest

from evaluatie.privacy import find_identifiers, find_in_text, is_bsn, mask_value

from .corpus import BSNS, NEGATIVES, NOT_BSNS, POSITIVES


def test_corpus_size():
    assert len(POSITIVES) >= 200 and len(NEGATIVES) >= 200
    assert len(set(NEGATIVES)) == len(NEGATIVES)


def test_recall_on_positives_is_one_with_the_right_kind():
    hits = find_in_text([text for text, _ in POSITIVES]).groupby("position")["kind"].first()
    missed = [(text, kind, hits.get(i)) for i, (text, kind) in enumerate(POSITIVES) if hits.get(i) != kind]
    assert missed == []


def test_no_false_positive_on_negatives():
    hits = find_in_text(NEGATIVES)
    assert [NEGATIVES[i] for i in hits["position"]] == []


@pytest.mark.parametrize("dtype", ["object", "string", "category"])
def test_every_positive_cell_is_flagged_in_a_table(dtype):
    frame = pd.DataFrame({"tekst": pd.Series([t for t, _ in POSITIVES] + NEGATIVES, dtype=dtype)})
    flagged = set(find_identifiers(frame)["row"])
    assert flagged == set(range(len(POSITIVES)))


def test_integers_and_floats():
    ints = pd.DataFrame({"n": [int(b) for b in BSNS] + [int(n) for n in NOT_BSNS] + [0, 1, 12, 1250, 12345678,
                                                                                       999999999, 100000000]})
    assert set(find_identifiers(ints)["row"]) == set(range(len(BSNS)))
    floats = ints.astype(float)
    floats.loc[len(floats)] = 111222333.5  # not an integer: no BSN
    assert set(find_identifiers(floats)["row"]) == set(range(len(BSNS)))
    nullable = ints.astype("Int64")
    nullable.loc[len(nullable)] = pd.NA
    assert set(find_identifiers(nullable)["row"]) == set(range(len(BSNS)))
    mixed = pd.DataFrame({"x": [111222333.0, "111222333.0", 12, None, "Accare"]}, dtype=object)
    assert find_identifiers(mixed)["row"].tolist() == [0, 1]
    # ordinary counts are never flagged
    counts = pd.DataFrame({"n": np.arange(0, 200_000, 7)})
    assert find_identifiers(counts).empty


def test_values_are_masked():
    hits = find_in_text(["bsn 111222333.", "ouder@example.nl"])
    assert hits["value"].tolist() == ["…33", "…nl"]
    assert mask_value(" Jan Jansen ") == "…en" and mask_value("") == ""


def test_eleven_test_vectorized_matches_scalar():
    rng = np.random.default_rng(7)
    numbers = [str(x) for x in rng.integers(100_000_000, 999_999_999, 3000)]
    flagged = set(find_in_text(numbers).loc[lambda d: d["kind"] == "BSN", "position"])
    assert flagged == {i for i, x in enumerate(numbers) if is_bsn(x)}
    assert 150 < len(flagged) < 400  # about one in eleven of 3000
