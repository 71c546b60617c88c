import os

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evaluatie import InputError
from evaluatie.privacy import check_exportable, find_identifiers, get_key, is_bsn, pseudonymize, suppress

KEY = "sleutel-voor-tests-0123456789"


@pytest.mark.parametrize("number, valid", [
    ("111222333", True), ("123456782", True), ("1234.56.782", True), ("123456789", False),
    ("000000000", False), ("12345678", False), ("11122233a", False),
])
def test_bsn_eleven_test(number, valid):
    assert is_bsn(number) is valid


def test_pseudonymize_is_keyed_and_stable():
    a = pseudonymize(pd.Series(["L001", "L002", None, "L001"], index=[5, 6, 7, 8]), KEY)
    assert list(a.index) == [5, 6, 7, 8] and a[5] == a[8] != a[6] and pd.isna(a[7])
    assert a[5].startswith("ps_") and len(a[5]) == 19
    assert pseudonymize(["L001"], "een-heel-andere-sleutel-000")[0] != a[5]
    # HMAC-SHA256 of the normalized id "l001" (trimmed, case-folded; see privacy.normalize_id) under KEY,
    # computed independently with the standard library recipe
    import hashlib
    import hmac
    assert a[5] == "ps_" + hmac.new(KEY.encode(), b"l001", hashlib.sha256).hexdigest()[:16]


def test_get_key_order(monkeypatch, tmp_path):
    monkeypatch.setenv("EVALUATIE_SLEUTEL", "x" * 20)
    assert get_key() == (b"x" * 20, "EVALUATIE_SLEUTEL", None)
    monkeypatch.setenv("EVALUATIE_SLEUTEL", "kort")
    with pytest.raises(InputError, match="te kort"):
        get_key()
    monkeypatch.delenv("EVALUATIE_SLEUTEL")
    keyfile = tmp_path / "thuis" / "sleutel"
    monkeypatch.setenv("EVALUATIE_SLEUTELBESTAND", str(keyfile))
    key, source, note = get_key()
    assert keyfile.exists() and "aangemaakt" in note and source == str(keyfile)
    assert get_key() == (key, str(keyfile), None)  # the same key the next time
    (tmp_path / "thuis" / ".git").mkdir()
    with pytest.raises(InputError, match="git-project"):
        get_key()


def test_get_key_never_falls_back_to_a_temporary_key(monkeypatch, tmp_path):
    monkeypatch.delenv("EVALUATIE_SLEUTEL", raising=False)
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    monkeypatch.setenv("EVALUATIE_SLEUTELBESTAND", str(blocker / "sleutel"))
    with pytest.raises(InputError, match="kan niet gelezen of aangemaakt worden.*EVALUATIE_SLEUTEL"):
        get_key()
    # HOME inside a git project: the default key file would land in the project
    home = tmp_path / "project" / "thuis"
    home.mkdir(parents=True)
    (tmp_path / "project" / ".git").mkdir()
    monkeypatch.delenv("EVALUATIE_SLEUTELBESTAND")
    monkeypatch.setenv("HOME", str(home))
    with pytest.raises(InputError, match="git-project"):
        get_key()
    assert not (home / ".config").exists()
    monkeypatch.setenv("EVALUATIE_SLEUTELBESTAND", str(tmp_path / "nergens" / "sleutel"))
    with pytest.raises(InputError, match="Geen pseudonimiseringssleutel"):
        get_key(create=False)


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_get_key_warns_when_others_can_read_it(monkeypatch, tmp_path):
    monkeypatch.delenv("EVALUATIE_SLEUTEL", raising=False)
    keyfile = tmp_path / "sleutel"
    keyfile.write_text("k" * 40)
    keyfile.chmod(0o644)
    monkeypatch.setenv("EVALUATIE_SLEUTELBESTAND", str(keyfile))
    with pytest.warns(UserWarning, match="leesbaar voor anderen.*644"):
        key, _, note = get_key()
    assert key == b"k" * 40 and "chmod 600" in note
    keyfile.chmod(0o600)
    assert get_key()[2] is None


def test_ids_are_normalized_before_hashing():
    same = pseudonymize([" L001 ", "l001", "L001"], KEY)
    assert len(set(same)) == 1
    numbers = pseudonymize([123, 123.0, "123", "123.0", " 00123 ", "0123"], KEY)
    assert len(set(numbers)) == 1
    assert len(set(pseudonymize(["L001", "L1", "L0001", "124"], KEY))) == 4
    assert pseudonymize(["0", "000"], KEY)[0] == pseudonymize(["0", "000"], KEY)[1]


def test_find_identifiers_kinds():
    df = pd.DataFrame({
        "opmerking": ["mail: ouder@example.nl", "tel +31 6 12345678", "woont 1234 AB 12", "geboren op 3-9-2015",
                      "BSN 123456782", "nummer 123456789", "niets"],
        "aantal": [1, 2, 3, 4, 5, 6, 7],
    })
    hits = find_identifiers(df)
    assert hits["kind"].tolist() == ["e-mail", "telefoon", "postcode+huisnummer", "geboortedatum", "BSN"]
    assert hits["row"].tolist() == [0, 1, 2, 3, 4]
    assert find_identifiers(pd.DataFrame({"Naam": ["x"]}))["kind"].tolist() == ["naam"]


def test_check_exportable():
    check_exportable(pd.DataFrame({"school": ["A"], "n": [3]}), where="t.csv")
    with pytest.raises(InputError, match="Export naar 't.csv' geweigerd.*opmerking"):
        check_exportable(pd.DataFrame({"opmerking": ["bel 0612345678"]}), where="t.csv")
    flagged = pd.DataFrame({"tekst": ["ok"]})
    flagged.attrs["identifier_columns"] = ["tekst"]
    with pytest.raises(InputError, match="tekst"):
        check_exportable(flagged, where="t.csv")


@pytest.mark.parametrize("text, kind", [
    ("zijn nummer is 12-34-56-782", "BSN"), ("BSN: 1234-56-782", "BSN"), ("bsn 12345 6782", "BSN"),
    ("123/456/782", "BSN"), ("123\u2013456\u2013782", "BSN"), ("bsn.nr. 123.45.67.82", "BSN"),
    ("123_456_782", "BSN"), ("\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff12", "BSN"),
    ("bsn \u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0662", "BSN"),
    ("bel 06 - 1234 5678", "telefoon"), ("06\u201312345678", "telefoon"), ("tel. 050 - 123 45 67", "telefoon"),
    ("Ik sprak met dhr. P. Jansen.", "naam"), ("mevr. A.B. de Vries belde", "naam"),
    ("Mail naar jan at school dot nl werkt nooit", "e-mail"), ("piet apenstaartje ikc punt nl", "e-mail"),
])
def test_odd_spellings_are_found_and_never_crash_the_guard(text, kind):
    """Adversary: BSNs in any grouping or digit script, phone numbers with ' - ', names after initials.

    Full-width or Arabic-Indic digits crashed the guard (UnicodeEncodeError) instead of refusing.
    """
    from evaluatie.privacy import find_in_text, scrub

    assert find_in_text([text])["kind"].tolist()[:1] == [kind]
    with pytest.raises(InputError, match="geweigerd"):
        check_exportable([text], where="f.png")
    assert find_identifiers(pd.DataFrame({"t": [text]}))["kind"].tolist()[:1] == [kind]
    assert scrub(text) != text


def test_grouped_numbers_that_are_not_nine_digits_pass():
    from evaluatie.privacy import find_in_text

    texts = ["op 12-03-2024 kwamen 12 leerlingen", "periode 2021-2024, 11.000 leerlingen, 42 scholen",
             "1.234.567 euro", "12 34 56 7820", "schooljaar 2023-2024 en 2024-2025",
             # adversary: a SHA-256 in the method note with '120411039' (passes the eleven-test) refused it
             "| `pilot.toml` | `9a4aa4fea062346059997d8bcda126cff3f46c39a120411039c01240cc507a40` |"]
    assert find_in_text(texts).empty
    check_exportable(texts, where="verantwoording.md")
    assert find_in_text(["ps_9a4aa4fea062346059997d8bcda126cff3f46c39", "bsn 123456782"])["kind"].tolist() == [
        "pseudoniem", "BSN"]


def test_suppress_known_table():
    tab = pd.DataFrame({"a": [12, 3, 8], "b": [20, 30, 6], "c": [7, 9, 15]}, index=["x", "y", "z"])
    out = suppress(tab)
    expected = np.array([[0, 0, 0], [1, 0, 1], [1, 0, 1]], dtype=bool)
    np.testing.assert_array_equal(out.isna().to_numpy(), expected)
    assert tab.loc["y", "a"] == 3  # the caller's table is unchanged


def test_suppress_series_zero_and_errors():
    s = pd.Series([10, 2, 0, 7], index=list("abcd"), name="n")
    out = suppress(s)
    assert out.isna().tolist() == [False, True, False, True] and out.name == "n"
    # hiding only 2 and 0 would leave both within [0, 2] (they add up to 19 - 10 - 7): 7 is hidden too
    assert suppress(s, zero=True).isna().tolist() == [False, True, True, True]
    with pytest.raises(InputError):
        suppress(pd.Series([-1, 5]))


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 5), st.integers(1, 5), st.data())
def test_suppress_properties(n_rows, n_cols, data):
    values = data.draw(st.lists(st.integers(0, 30), min_size=n_rows * n_cols, max_size=n_rows * n_cols))
    tab = pd.DataFrame(np.array(values).reshape(n_rows, n_cols))
    grid = suppress(tab, totals=True)
    hidden = grid.isna().to_numpy()
    small = (grid.to_numpy() > 0) & (grid.to_numpy() < 5)
    assert hidden[small].all()  # every small cell is hidden, small totals too
    inner = hidden[:n_rows, :n_cols]
    for i, line in enumerate(inner):  # no lone hidden cell in a row or column whose total is shown
        assert line.sum() != 1 or n_cols == 1 or hidden[i, n_cols]
    for j, line in enumerate(inner.T):
        assert line.sum() != 1 or n_rows == 1 or hidden[n_rows, j]


def test_rounding_rule_refuses_a_bad_base_in_dutch():
    from evaluatie.privacy import rounding_rule

    with pytest.raises(InputError, match="afronden"):
        with rounding_rule(1):
            pass
