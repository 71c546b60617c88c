"""CBS StatLine / open-data exports as comparison series: municipal youth-care trends next to a pilot.

Reads the CSV files Statistics Netherlands (CBS) publishes — the data-set download of opendata.cbs.nl
(``<table>_UntypedDataSet_<date>.csv``: ``Perioden`` = ``2023JJ00``, ``RegioS`` = ``GM0080    ``, numbers
right-aligned with leading spaces, ``"       ."`` for unknown) and a StatLine table exported as CSV
(labels such as ``2023*`` or ``2023 1e kwartaal``, decimal comma) — into one tidy table, keeping what
the CBS symbols mean:

- ``.`` unknown or secret (suppressed): missing, with the reason in ``missing``, never read as 0;
- ``x`` secret: missing, reason ``geheim``; ``-`` nil: 0 (CBS writes ``-`` for zero);
- an empty cell: not applicable (missing, reason ``niet van toepassing``);
- ``*`` / ``**`` after a period or value: provisional / revised provisional, in the ``flag`` column.

Percentages of youth become counts only with the population given (:func:`percent_to_count`);
:func:`comparison_series` gives one region's series in the shape :func:`evaluatie.rates.rate_ci` and
:func:`evaluatie.its.segmented` take. :func:`download` fetches a table with the ``cbsodata`` package
when there is internet.

Examples
--------
>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "84134NED.csv"
>>> _ = p.write_text('"ID";"Perioden";"RegioS";"Jongeren_1";"JongerenTot23Jaar_2"\\n'
...                  '"0";"2022JJ00";"GM0080    ";"7830";"74570"\\n"1";"2023JJ00";"GM0080    ";".";"75020"\\n')
>>> data = read_statline(p)
>>> data[["region", "region_kind", "period", "measure", "value", "missing"]].head(2)
   region region_kind period     measure   value             missing
0  GM0080    gemeente   2022  Jongeren_1  7830.0                None
1  GM0080    gemeente   2023  Jongeren_1     NaN  onbekend of geheim
"""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import InputError
from .quality import QualityReport
from .text import check_lang, t

__all__ = ["read_statline", "percent_to_count", "comparison_series", "download", "parse_period", "parse_region",
           "REGION_KINDS", "SYMBOLS"]

#: Prefix of a CBS region code → kind of region.
REGION_KINDS: dict[str, str] = {"NL": "land", "LD": "landsdeel", "PV": "provincie", "CR": "COROP-gebied",
                                "GM": "gemeente", "WK": "wijk", "BU": "buurt", "JZ": "jeugdzorgregio",
                                "GG": "GGD-regio", "RE": "arbeidsmarktregio"}
_REGION = re.compile(r"(NL|LD|PV|CR|JZ|GG|RE)\d{2}|GM\d{4}|WK\d{6}|BU\d{8}")
#: CBS symbols in a value cell → (value, reason the value is missing).
SYMBOLS: dict[str, tuple[float, str | None]] = {
    ".": (np.nan, "onbekend of geheim"), "x": (np.nan, "geheim"), "": (np.nan, "niet van toepassing"),
    "-": (0.0, None), "?": (np.nan, "onbekend of geheim"),
}
_FLAGS = {"*": "voorlopig", "**": "nader voorlopig"}
_MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"]
_PERIOD_HEADERS = {"perioden", "periode", "periods", "period", "jaar"}
_REGION_HEADERS = {"regios", "regio", "regioS".lower(), "wijkenenbuurten", "gemeenten", "gemeente", "codering3",
                   "codering", "regioaanduiding"}


def parse_period(value) -> tuple[pd.Period, str]:
    """A CBS period code or StatLine label → ``(Period, flag)``; ``ValueError`` when it is neither.

    Codes: ``2023JJ00`` (year), ``2023HJ01``/``HJ02`` (half year, a 6-month Period), ``2023KW01`` …
    ``KW04`` (quarter), ``2023MM01`` … ``MM12`` (month). Labels: ``2023``, ``2023 1e halfjaar``,
    ``2023 3e kwartaal``, ``2023 oktober``. A trailing ``*`` / ``**`` gives the flag ``voorlopig`` /
    ``nader voorlopig``.

    Examples
    --------
    >>> [str(parse_period(c)[0]) for c in ["2023JJ00", "2023HJ02", "2023KW01", "2023MM10"]]
    ['2023', '2023-07', '2023Q1', '2023-10']
    >>> parse_period("2023 1e halfjaar**")
    (Period('2023-01', '6M'), 'nader voorlopig')
    """
    text = str(value).strip()
    m = re.fullmatch(r"(.*?)\s*(\*{1,2})", text)
    flag = _FLAGS[m[2]] if m else ""
    text = (m[1] if m else text).lower()
    if m := re.fullmatch(r"(\d{4})(JJ00|HJ0[12]|KW0[1-4]|MM(?:0[1-9]|1[0-2]))", text.upper()):
        year, code = int(m[1]), m[2]
        if code == "JJ00":
            return pd.Period(year=year, freq="Y"), flag
        if code.startswith("HJ"):
            return pd.Period(f"{year}-{1 if code == 'HJ01' else 7:02d}", freq="6M"), flag
        if code.startswith("KW"):
            return pd.Period(year=year, quarter=int(code[2:]), freq="Q"), flag
        return pd.Period(year=year, month=int(code[2:]), freq="M"), flag
    if re.fullmatch(r"\d{4}", text):
        return pd.Period(year=int(text), freq="Y"), flag
    if m := re.fullmatch(r"(\d{4}) ([12])e halfjaar", text):
        return pd.Period(f"{m[1]}-{1 if m[2] == '1' else 7:02d}", freq="6M"), flag
    if m := re.fullmatch(r"(\d{4}) ([1-4])e kwartaal", text):
        return pd.Period(year=int(m[1]), quarter=int(m[2]), freq="Q"), flag
    if m := re.fullmatch(rf"(\d{{4}}) ({'|'.join(_MONTHS)})", text):
        return pd.Period(year=int(m[1]), month=_MONTHS.index(m[2]) + 1, freq="M"), flag
    raise ValueError(f"not a CBS period: {value!r}")


def parse_region(value) -> tuple[str, str | None]:
    """A CBS region code (trailing spaces allowed) → ``(code, kind)``; a name gives ``(name, None)``.

    Examples
    --------
    >>> parse_region("GM0080    "), parse_region("PV21"), parse_region("NL01")
    (('GM0080', 'gemeente'), ('PV21', 'provincie'), ('NL01', 'land'))
    """
    text = str(value).strip()
    if _REGION.fullmatch(text.upper()):
        return text.upper(), REGION_KINDS[text[:2].upper()]
    return text, None


def _norm(header) -> str:
    return re.sub(r"[^a-z0-9]", "", str(header).lower())


def _value(cell: str, decimal: str) -> tuple[float, str | None, str]:
    """One value cell → (value, missing reason, flag); ``ValueError`` when it is no number or symbol."""
    from .io import parse_number

    text = str(cell).strip()
    m = re.fullmatch(r"(.*?)\s*(\*{1,2})", text)
    flag = _FLAGS[m[2]] if m and m[1] else ""
    text = m[1] if m and m[1] else text
    if text.lower() in SYMBOLS:
        value, missing = SYMBOLS[text.lower()]
        return value, missing, flag
    return parse_number(text, decimal), None, flag


def read_statline(path, *, lang: str = "nl") -> pd.DataFrame:
    """Read a CBS StatLine or open-data CSV into a tidy table (one row per region × period × measure).

    Parameters
    ----------
    path : str or Path
        A CSV as downloaded from opendata.cbs.nl (the data set: codes such as ``2023JJ00`` and
        ``GM0080``, padded values) or exported from StatLine (labels such as ``2023*``, title and source lines).
    lang : {"nl", "en"}
        Language of the quality report.

    Returns
    -------
    DataFrame with ``region`` (code, or the name when the file has no codes; missing for a table without
    a region dimension, such as a national table, with a note in the report), ``region_kind``
    (:data:`REGION_KINDS`; missing for names), ``period`` (pandas Period), ``period_start``
    (its first day), ``freq`` (``Y``, ``6M``, ``Q``, ``M``), any other dimension columns of the table,
    ``measure`` (the column name), ``value`` (float; missing where CBS gives a symbol),
    ``missing`` (why the value is missing), ``flag`` (``voorlopig`` / ``nader voorlopig``) and
    ``row`` (line in the file). ``.attrs["report"]`` is the :class:`~evaluatie.quality.QualityReport`:
    every line read is used or listed with its reason (title and source lines, unreadable periods or
    regions), and a note counts the symbols.

    Raises
    ------
    InputError
        When the file has no ``Perioden`` column or no rows with values (Dutch message).
    """
    from .io import _decode, _sniff_delimiter

    check_lang(lang)
    path = Path(path)
    if not path.is_file():
        raise InputError(t("file_not_found", lang, file=path, cwd=Path.cwd()), file=path)
    data, encoding, _ = _decode(path.read_bytes(), path, lang)
    text = data.decode("utf-8")
    delimiter = _sniff_delimiter(text[:200_000])
    import csv
    import io as _io

    lines = list(csv.reader(_io.StringIO(text, newline=""), delimiter=delimiter))
    report = QualityReport(source=path.name, kind="cbs", lang=lang)
    header_at = next((i for i, r in enumerate(lines[:30]) if any(_norm(c) in _PERIOD_HEADERS for c in r)), None)
    if header_at is None:
        raise InputError(t("cbs_no_periods", lang, file=path.name), file=path)
    header = lines[header_at]
    names = []
    for j, cell in enumerate(header):  # measures may be named in a line above (StatLine's "Onderwerp")
        above = [r[j].strip() for r in lines[:header_at] if j < len(r) and r[j].strip() and len(r) > 1]
        names.append(cell.strip() or (above[-1] if above else f"kolom {j + 1}"))
    period_col = next(j for j, c in enumerate(header) if _norm(c) in _PERIOD_HEADERS)
    body = lines[header_at + 1:]
    rows = np.arange(header_at + 2, header_at + 2 + len(body))
    width = len(header)
    grid = pd.DataFrame([r + [""] * (width - len(r)) for r in body], columns=range(max(width, 1)),
                        dtype=object).iloc[:, :width] if body else pd.DataFrame(columns=range(width))
    grid.index = rows
    region_col = next((j for j, c in enumerate(header) if _norm(c) in _REGION_HEADERS), None)
    if region_col is None:  # a column whose cells are region codes
        region_col = next((j for j in range(width) if j != period_col and
                           grid[j].astype(str).str.strip().str.upper().str.fullmatch(_REGION.pattern).mean() > 0.5),
                          None)
    if region_col is None:  # a national table (e.g. 37296ned "Bevolking; kerncijfers") has no region dimension
        report.notes.append(t("cbs_note_no_region", lang))
    report.n_read = len(grid) + header_at  # the lines above the header are read too
    for line in range(1, header_at + 1):
        report.add(row=line, column="", value="", reason=t("cbs_reason_title", lang), action="dropped")
    filled = grid.apply(lambda c: c.astype(str).str.strip().ne("")).sum(axis=1)
    keep = filled > 1
    # the decimal sign from the value cells only (a title such as "versie 2.1" says nothing); when they
    # do not tell (only "12.345"), a StatLine table with ";" writes a decimal comma, a typed data set a point
    from .io import _detect_decimal

    cells = grid.loc[keep, [j for j in range(width) if j not in (period_col, region_col)]].stack()
    typed = any(_norm(h) == "id" or re.search(r"_\d+$", h.strip()) for h in header)
    decimal = _detect_decimal(list(cells.astype(str).unique()), "," if delimiter == ";" and not typed else ".")

    def numeric_share(j):
        cells = grid.loc[keep, j].astype(str).unique()
        return np.mean([_safe_value(c, decimal) is not None for c in cells]) if len(cells) else 0.0

    others = [j for j in range(width) if j not in (period_col, region_col) and _norm(header[j]) != "id"]
    # a measure: no name in the header line (StatLine names it above), a typed-data-set name (..._3), or numbers
    measures = [j for j in others if not header[j].strip() or re.search(r"_\d+$", header[j].strip())
                or numeric_share(j) >= 0.8]
    dims = [j for j in others if j not in measures]
    for row in grid.index[~keep]:  # a title, source or blank line under the header
        report.add(row=int(row), column="", value="", reason=t("cbs_reason_title", lang), action="dropped")
    grid = grid[keep]
    # periods and regions: each distinct cell parsed once
    period_of, bad_period = {}, set()
    for cell in grid[period_col].unique():
        try:
            period_of[cell] = parse_period(cell)
        except ValueError:
            bad_period.add(cell)
    regions = {cell: parse_region(cell) for cell in grid[region_col].unique()} if region_col is not None else {}
    coded = any(kind is not None for _, kind in regions.values())
    ok = pd.Series(True, index=grid.index)
    for row, cell in grid[period_col].items():
        if cell in bad_period:
            report.add(row=int(row), column=header[period_col], value=cell, action="dropped",
                       reason=t("cbs_reason_period", lang))
            ok[row] = False
    for row, cell in (grid.loc[ok, region_col].items() if region_col is not None else ()):
        code, kind = regions[cell]
        if not code or (coded and kind is None):
            report.add(row=int(row), column=header[region_col], value=cell, action="dropped",
                       reason=t("cbs_reason_region", lang))
            ok[row] = False
    grid = grid[ok]
    if grid.empty or not measures:
        raise InputError(t("cbs_no_rows", lang, file=path.name), file=path)
    frames = []
    counts: dict[str, int] = {}
    for j in measures:
        cells = grid[j].astype(str)
        parsed = {c: _safe_value(c, decimal) for c in cells.unique()}
        values = cells.map(parsed)
        for row, cell in cells[values.map(lambda v: v is None)].items():
            report.add(row=int(row), column=names[j], value=cell, action="changed", reason=t("cbs_reason_value", lang))
        values = values.map(lambda v: v if v is not None else (np.nan, "niet te lezen", ""))
        frame = pd.DataFrame({"row": grid.index.to_numpy(), "measure": names[j],
                              "value": [v[0] for v in values], "missing": [v[1] for v in values],
                              "value_flag": [v[2] for v in values]})
        for reason in frame["missing"].dropna():
            counts[reason] = counts.get(reason, 0) + 1
        frames.append(frame)
    long = pd.concat(frames, ignore_index=True)
    base = pd.DataFrame({"row": grid.index.to_numpy(),
                         "region": [regions[c][0] for c in grid[region_col]] if region_col is not None else None,
                         "region_kind": [regions[c][1] for c in grid[region_col]] if region_col is not None else None,
                         "period": [period_of[c][0] for c in grid[period_col]],
                         "period_flag": [period_of[c][1] for c in grid[period_col]]})
    for j in dims:
        base[names[j]] = grid[j].astype(str).str.strip().to_numpy()
    out = long.merge(base, on="row", how="left")  # measure by measure, rows in file order
    out["flag"] = np.where(out["value_flag"] != "", out["value_flag"], out["period_flag"])
    out["period_start"] = [p.start_time for p in out["period"]]
    out["freq"] = [p.freqstr for p in out["period"]]
    out["freq"] = out["freq"].replace({"Y-DEC": "Y", "Q-DEC": "Q", "A-DEC": "Y"})
    columns = ["region", "region_kind", "period", "period_start", "freq", *[names[j] for j in dims], "measure",
               "value", "missing", "flag", "row"]
    out = out[columns].astype({"region_kind": object, "missing": object}).reset_index(drop=True)
    out["missing"] = out["missing"].where(out["missing"].notna(), None)
    out["region_kind"] = out["region_kind"].where(out["region_kind"].notna(), None)
    report.notes.append(t("note_encoding", lang, encoding=encoding, delimiter={"\t": "tab"}.get(delimiter, delimiter)))
    if counts:
        report.notes.append(t("cbs_note_symbols", lang, counts=", ".join(f"{n}× {r}" for r, n in counts.items())))
    out.attrs["report"] = report
    out.attrs["source"] = path.name
    return out


def _safe_value(cell, decimal):
    try:
        return _value(cell, decimal)
    except ValueError:
        return None


def percent_to_count(data: pd.DataFrame, *, measure: str, population=None, name: str | None = None,
                     lang: str = "nl") -> pd.DataFrame:
    """Add counts computed from a percentage of youth: ``value / 100 × population`` per region and period.

    Parameters
    ----------
    data : DataFrame
        From :func:`read_statline`.
    measure : str
        The percentage measure (e.g. ``PercentageJongerenMetJeugdzorg_2``).
    population : str or DataFrame
        The number of youth the percentage is of: a measure of ``data`` (e.g. ``JongerenTot23Jaar_3``)
        or a DataFrame with ``region``, ``period`` and ``population``. Without it there is no count:
        the function refuses rather than guess.
    name : str, optional
        Name of the new measure (default ``measure + " (aantal)"``).

    Returns
    -------
    ``data`` with the new rows appended; a count is missing (with the reason) where the percentage or
    the population is. The counts are approximate: CBS rounds percentages to one decimal.

    Examples
    --------
    >>> d = pd.DataFrame({"region": "GM0080", "region_kind": "gemeente", "period": [pd.Period("2022", "Y")] * 2,
    ...                   "measure": ["Pct_1", "Jongeren_2"], "value": [10.0, 74570.0], "missing": None, "flag": ""})
    >>> row = percent_to_count(d, measure="Pct_1", population="Jongeren_2").iloc[-1]
    >>> row["measure"], float(row["value"])
    ('Pct_1 (aantal)', 7457.0)
    """
    check_lang(lang)
    if population is None:
        raise InputError(t("cbs_need_population", lang, measure=measure), column=measure)
    if measure not in set(data["measure"]):
        raise InputError(t("cbs_no_measure", lang, measure=measure, measures=", ".join(map(str, data["measure"].unique()))),
                         column=measure)
    keys = ["region", "period"]
    share = data[data["measure"] == measure]
    if isinstance(population, str):
        if population not in set(data["measure"]):
            raise InputError(t("cbs_no_measure", lang, measure=population,
                               measures=", ".join(map(str, data["measure"].unique()))), column=population)
        pop = data.loc[data["measure"] == population, keys + ["value"]].rename(columns={"value": "population"})
    else:
        missing = [c for c in (*keys, "population") if c not in population]
        if missing:
            raise InputError(t("cbs_population_columns", lang, missing=", ".join(missing)), column=missing[0])
        pop = population[keys + ["population"]]
    pop = pop.astype({"period": object}).drop_duplicates(keys)  # periods of mixed lengths: plain objects
    merged = share.astype({"period": object}).merge(pop, on=keys, how="left")
    counts = merged.assign(measure=name or f"{measure} (aantal)", value=merged["value"] / 100 * merged["population"])
    no_pop = merged["population"].isna() & merged["value"].notna()
    counts["missing"] = np.where(merged["value"].isna(), merged["missing"],
                                 np.where(no_pop, "geen aantal jongeren", None))
    counts["missing"] = counts["missing"].where(counts["missing"].notna(), None)
    out = pd.concat([data, counts[data.columns.intersection(counts.columns)]], ignore_index=True)
    out.attrs = dict(data.attrs)
    return out


def comparison_series(data: pd.DataFrame, *, measure: str, region: str | None, exposure: str | None = None,
                      freq: str | None = None, lang: str = "nl") -> pd.DataFrame:
    """One region's series of one measure, shaped for :func:`evaluatie.rates.rate_ci` and :func:`evaluatie.its.segmented`.

    Parameters
    ----------
    measure : str
        The count to follow (e.g. ``TotaalJongerenMetJeugdzorg_1``).
    region : str or None
        Region code (``GM0080``) or name as in the file; ``None`` for a table without regions.
    exposure : str, optional
        A measure with the population (e.g. ``JongerenTot23Jaar_3``), added as ``exposure``.
    freq : {"Y", "6M", "Q", "M"}, optional
        Which periods to keep when the table mixes years, half years, quarters and months; by
        default the most common.

    Returns
    -------
    DataFrame ``period`` (first day, a Timestamp), ``count``, [``exposure``], ``flag``, sorted by period.
    Periods whose value is missing (a CBS symbol) are left out and named in ``.attrs["notes"]``.

    Examples
    --------
    >>> from evaluatie.rates import rate_ci
    >>> d = pd.DataFrame({"region": "GM0080", "period": [pd.Period(y, "Y") for y in ("2021", "2022", "2023")] * 2,
    ...                   "freq": "Y", "measure": ["Jeugdzorg_1"] * 3 + ["Jongeren_3"] * 3,
    ...                   "value": [7690, 7830, np.nan, 73940, 74570, 75020],
    ...                   "missing": [None, None, "onbekend of geheim", None, None, None], "flag": ""})
    >>> s = comparison_series(d, measure="Jeugdzorg_1", region="GM0080", exposure="Jongeren_3")
    >>> s.attrs["notes"]
    ['GM0080 2023: onbekend of geheim']
    >>> rate_ci(s["count"], s["exposure"], per=1000)["rate"].round(1).tolist()
    [104.0, 105.0]
    """
    check_lang(lang)
    if freq is not None and freq not in ("Y", "6M", "Q", "M"):
        from .errors import check_option

        check_option("freq", freq, ("Y", "6M", "Q", "M"))
    in_region = data["region"].isna() if region is None else data["region"] == region
    rows = data[in_region & (data["measure"] == measure)]
    if rows.empty:
        raise InputError(t("cbs_no_series", lang, measure=measure, region=region), column=measure)
    freq = freq or rows["freq"].value_counts().index[0]
    rows = rows[rows["freq"] == freq]
    where = "" if region is None else f"{region} "
    notes = [f"{where}{p}: {m}" for p, m in zip(rows["period"], rows["missing"]) if isinstance(m, str)]
    rows = rows[rows["value"].notna()]
    out = pd.DataFrame({"period": [p.start_time for p in rows["period"]], "count": rows["value"].to_numpy(),
                        "flag": rows["flag"].to_numpy()})
    if exposure is not None:
        pop = data[in_region & (data["measure"] == exposure) & (data["freq"] == freq)]
        if pop.empty:
            raise InputError(t("cbs_no_series", lang, measure=exposure, region=region), column=exposure)
        out["exposure"] = out["period"].map(dict(zip([p.start_time for p in pop["period"]], pop["value"])))
        lacking = out["exposure"].isna()
        notes += [f"{where}{p:%Y-%m}: geen aantal jongeren" for p in out.loc[lacking, "period"]]
        out = out[~lacking]
    out = out.sort_values("period").reset_index(drop=True)
    out.attrs["notes"] = notes
    return out[["period", "count"] + (["exposure"] if exposure is not None else []) + ["flag"]]


def download(table_id: str, path=None, *, filters: str | None = None, select=None, lang: str = "nl") -> pd.DataFrame:
    """Download a CBS table (``cbsodata``, needs internet) with its codes and symbols, save it, and read it.

    Parameters
    ----------
    table_id : str
        StatLine table, e.g. ``"84134NED"``.
    path : str or Path, optional
        Where to keep the CSV (default ``<table_id>.csv`` in the working folder), so the analysis
        can be rerun offline with :func:`read_statline`.
    filters, select
        Passed to ``cbsodata.download_data`` (e.g. ``filters="RegioS eq 'GM0080    '"``; CBS pads
        region keys with spaces to ten characters).

    Notes
    -----
    ``cbsodata.get_data`` replaces every code by its title (``2023JJ00`` → ``2023``, ``GM0080`` →
    ``Leeuwarden``) and returns the typed data set, where a suppressed value (``.``) and a value that
    does not apply (empty) both become ``None``. This function keeps what the analysis needs: it takes
    the untyped data set (the strings CBS publishes, symbols included) with the codes as keys, and marks
    provisional periods from the ``Status`` of the period list (``Voorlopig`` → ``*``, ``Nader
    voorlopig`` → ``**``), the flags a StatLine export shows after the period.
    """
    try:
        import cbsodata
    except ImportError:
        raise InputError(t("cbs_no_cbsodata", lang)) from None
    path = Path(path or f"{table_id}.csv")
    tables = None
    try:
        # cbsodata 1.3 downloads the untyped data set when typed=True (and the typed one otherwise); ask
        # for it the other way round too so the symbols survive whichever way a version reads the flag
        for typed in (True, False):
            tables = cbsodata.download_data(table_id, typed=typed, filters=filters, select=select)
            if "UntypedDataSet" in tables:
                break
    except Exception as err:  # network errors come from requests, with many types
        raise InputError(t("cbs_download_failed", lang, table=table_id, detail=type(err).__name__)) from None
    if "UntypedDataSet" not in tables:
        raise InputError(t("cbs_download_failed", lang, table=table_id, detail="UntypedDataSet"))
    frame = pd.DataFrame(tables["UntypedDataSet"])
    if "Perioden" not in frame:
        raise InputError(t("cbs_no_periods", lang, file=table_id))
    marks = {"voorlopig": "*", "nader voorlopig": "**"}
    status = {r.get("Key"): marks.get(str(r.get("Status") or "").strip().lower(), "")
              for r in tables.get("Perioden", [])}
    frame["Perioden"] = [f"{key}{status.get(key, '')}" for key in frame["Perioden"]]
    frame.to_csv(path, sep=";", index=False, quoting=1)  # csv.QUOTE_ALL, as CBS writes its CSV files
    return read_statline(path, lang=lang)
