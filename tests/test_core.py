"""Text, quality report, schemas and export: small units."""
import pandas as pd
import pytest

from evaluatie import InputError
from evaluatie.quality import QualityReport
from evaluatie.report import export_table
from evaluatie.schemas import failures, match_column, validate
from evaluatie.text import format_number, format_percent, t


def test_format_number_and_messages():
    assert format_number(1234567.891, 2) == "1.234.567,89"
    assert format_number(-0.0001, 1) == "0,0"
    assert format_number(float("nan")) == "–"
    assert format_percent(0.243) == "24%" and format_percent(0.2436, 1, lang="en") == "24.4%"
    assert t("rows_read", "en", n=2) == "2 rows read"
    with pytest.raises(InputError, match="Kies uit: nl, en"):
        t("rows_read", "de", n=1)


def test_quality_report_counts_and_rendering():
    rep = QualityReport(source="f.csv", kind="panel", n_read=5)
    rep.add(row=3, column="aantal", value="-1", reason="aantal mag niet negatief zijn", action="dropped")
    rep.add(row=3, column="leerlingen", value="0", reason="moet groter dan 0 zijn", action="dropped")
    rep.add(row=4, column="vraag", value="x", reason="tekst in getalkolom", action="changed")
    rep.add(row=None, column="opmerking", value="…33", reason="lijkt persoonsgegeven", action="warning")
    assert (rep.n_read, rep.n_used, rep.n_dropped, rep.n_changed, rep.n_warnings) == (5, 4, 1, 1, 1)
    assert rep.to_counts().to_dict("list") == {"outcome": ["gebruikt", "aantal mag niet negatief zijn"], "n": [4, 1]}
    html = rep._repr_html_()
    assert "<table" in html and "verwijderd" in html and "rij" in html
    assert "5 rijen gelezen, 4 gebruikt, 1 verwijderd" in str(rep)
    assert rep.plot().get_title(loc="left") == "4 van 5 rijen bruikbaar"
    with pytest.raises(ValueError):
        rep.add(row=1, column="x", value="", reason="", action="weg")
    empty = QualityReport(source="g.csv", kind="panel", n_read=2, lang="en")
    assert "No problems found" in empty.summary() and "No problems" in empty._repr_html_()
    assert empty.plot().get_title(loc="left") == "2 of 2 rows usable"


def test_schemas_validate_clean_frames():
    good = pd.DataFrame({"unit": ["A", "B"], "period": [1, 2], "count": [0, 3], "exposure": [100.0, 50.0]})
    assert validate(good, "panel")["count"].dtype == "Int64"
    bad = good.assign(count=[0, -2])
    assert failures(bad, "panel")["reason"].tolist() == ["aantal mag niet negatief zijn"]
    with pytest.raises(InputError, match="index 1, kolom 'count'"):
        validate(bad, "panel")
    with pytest.raises(InputError, match="mist kolom"):
        validate(good.drop(columns="count"), "panel")
    assert match_column("Verwijzingen tweedelijns", "panel") is None
    assert match_column("Verwijzingen tweedelijns", "panel", exact=False) == "count"
    assert match_column("", "panel") is None


def test_export_table_suppresses_and_refuses(tmp_path):
    tab = pd.DataFrame({"met": [40, 3, 12], "zonder": [100, 17, 9]}, index=["A", "B", "C"])
    paths = export_table(tab, "tabel", folder=tmp_path)
    text = paths["csv"].read_text(encoding="utf-8-sig")
    assert ";" in text and "<5" not in text  # one neutral marker: a secondary cell is not "<5"
    assert pd.read_csv(paths["csv"], sep=";", index_col=0).loc["B", "met"] == "x"
    with pytest.raises(InputError, match="Export naar 'x.csv.*geweigerd: kolom 'opmerking'.*e-mail, waarde …nl"):
        export_table(pd.DataFrame({"opmerking": ["mail ouder@example.nl"]}), "x", folder=tmp_path)


def test_messages_complete_and_unique(root):
    """Every message exists in Dutch and English with the same placeholders; no key is defined twice."""
    import ast
    import collections
    import string

    from evaluatie.text import MESSAGES

    tree = ast.parse((root / "evaluatie" / "text.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
            assert not [k for k, c in collections.Counter(keys).items() if c > 1], node.lineno

    def fields(s):
        return {f for _, f, _, _ in string.Formatter().parse(s) if f}

    for key, texts in MESSAGES.items():
        assert set(texts) == {"nl", "en"}, key
        assert fields(texts["nl"]) == fields(texts["en"]), key


def test_every_public_module_is_reachable_as_an_attribute():
    """``ev.power.simulate_did`` as the README writes it: every public module is an attribute of the package."""
    from pathlib import Path

    import evaluatie as ev

    public = {p.stem for p in Path(ev.__file__).parent.glob("*.py") if not p.stem.startswith("_")}
    assert public <= set(dir(ev))
    assert callable(ev.power.simulate_did)
