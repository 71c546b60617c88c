"""CBS StatLine / open-data exports as comparison series: municipal youth-care trends next to a pilot.

Reads the files Statistics Netherlands (CBS) publishes — the data-set download of opendata.cbs.nl
(``<table>_UntypedDataSet_<date>.csv``: ``Perioden`` = ``2023JJ00``, ``RegioS`` = ``GM0080    ``, numbers
right-aligned with leading spaces, ``"       ."`` for unknown) and a StatLine table downloaded as CSV or
Excel, with the periods down the rows or, as the website lays a table out by default, across the columns
(labels such as ``2023*``, ``2023 1e kwartaal`` or ``2023 januari`` in a header line, topics and units in
the lines above, region names such as ``Fryslân (PV)``, decimal comma, ``Bron: CBS`` below) — into one
tidy table (:func:`read_statline`), keeping what the CBS symbols mean:

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

__all__ = ["read_statline", "percent_to_count", "comparison_series", "download", "parse_period", "period_code",
           "parse_region", "REGION_KINDS", "SYMBOLS"]

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
_MONTHS_EN = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december"]
_PERIOD_HEADERS = {"perioden", "periode", "periods", "period", "jaar"}
_REGION_HEADERS = {"regios", "regio", "wijkenenbuurten", "gemeenten", "gemeente", "codering3", "codering",
                   "regioaanduiding", "regions", "region", "municipalities", "municipality",
                   "districtsandneighbourhoods", "regionaldesignation"}


def parse_period(value) -> tuple[pd.Period, str]:
    """A CBS period code or StatLine label → ``(Period, flag)``; ``ValueError`` when it is neither.

    Codes: ``2023JJ00`` (year), ``2023HJ01``/``HJ02`` (half year, a 6-month Period), ``2023KW01`` …
    ``KW04`` (quarter), ``2023MM01`` … ``MM12`` (month). Labels: ``2023``, ``2023 1e halfjaar``,
    ``2023 3e kwartaal``, ``2023 oktober``, and the English StatLine's ``2023 1st half year``,
    ``2023 3rd quarter``, ``2023 October``. A trailing ``*`` / ``**`` gives the flag ``voorlopig`` /
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
    # the English StatLine (tables ...ENG): "2023 1st half year", "2023 3rd quarter", "2023 October"
    if m := re.fullmatch(r"(\d{4}) (1st|2nd) half(?: year)?", text):
        return pd.Period(f"{m[1]}-{1 if m[2] == '1st' else 7:02d}", freq="6M"), flag
    if m := re.fullmatch(r"(\d{4}) (1st|2nd|3rd|4th) quarter", text):
        return pd.Period(year=int(m[1]), quarter=int(m[2][0]), freq="Q"), flag
    if m := re.fullmatch(rf"(\d{{4}}) ({'|'.join(_MONTHS_EN)})", text):
        return pd.Period(year=int(m[1]), month=_MONTHS_EN.index(m[2]) + 1, freq="M"), flag
    raise ValueError(f"not a CBS period: {value!r}")


def period_code(period: pd.Period) -> str:
    """The CBS code of a period, as the open-data tables key it: the inverse of :func:`parse_period`.

    Examples
    --------
    >>> [period_code(parse_period(x)[0]) for x in ["2023", "2023 2e halfjaar", "2023 1e kwartaal*", "2023 oktober"]]
    ['2023JJ00', '2023HJ02', '2023KW01', '2023MM10']
    """
    if period.freqstr in ("Y-DEC", "A-DEC", "Y", "A"):
        return f"{period.year}JJ00"
    if period.freqstr.startswith("Q"):
        return f"{period.year}KW{period.quarter:02d}"
    if period.freqstr == "6M":
        return f"{period.year}HJ{1 if period.month == 1 else 2:02d}"
    return f"{period.year}MM{period.month:02d}"


def parse_region(value) -> tuple[str, str | None]:
    """A CBS region code (trailing spaces allowed) → ``(code, kind)``; a name gives ``(name, None)``.

    A name with the suffix StatLine writes after it gives its kind: ``Fryslân (PV)`` → provincie,
    ``Noord-Nederland (LD)`` → landsdeel, ``Groningen (gemeente)`` → gemeente, ``... (CR)`` → COROP-gebied.

    Examples
    --------
    >>> parse_region("GM0080    "), parse_region("PV21"), parse_region("NL01")
    (('GM0080', 'gemeente'), ('PV21', 'provincie'), ('NL01', 'land'))
    >>> parse_region("Fryslân (PV)"), parse_region("Leeuwarden")
    (('Fryslân (PV)', 'provincie'), ('Leeuwarden', None))
    """
    text = str(value).strip()
    if _REGION.fullmatch(text.upper()):
        return text.upper(), REGION_KINDS[text[:2].upper()]
    m = re.search(r"\((LD|PV|CR|gemeente)\)$", text, flags=re.IGNORECASE)
    return text, (_SUFFIX_KINDS[m[1].lower()] if m else None)


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
    value = parse_number(text, decimal)
    if np.isnan(value):  # a word a user typed for missing ("n.v.t.", "NA", "onbekend"): missing, with its reason
        return value, SYMBOLS["" if text.lower().replace(".", "") in ("nvt", "na") else "."][1], flag
    return value, None, flag


def read_statline(path, *, regions=None, sheet=None, lang: str = "nl") -> pd.DataFrame:
    """Read a CBS StatLine or open-data table (CSV or Excel) into a tidy table (one row per region × period × measure).

    Two layouts are read into the same table:

    - *long*: one line per period (and region), a ``Perioden`` column: the data set of opendata.cbs.nl
      (codes such as ``2023JJ00`` and ``GM0080``, padded values) and a StatLine export with the periods
      down the rows;
    - *wide*: the periods across the columns, as the StatLine website exports a table with its default
      layout: a title, header lines with the topic (``Onderwerp``), other column dimensions and the
      periods (``2021``, ``2023*``, ``2023 1e kwartaal``, ``2023 januari``), a unit line (``aantal``,
      ``%``), one line per region (``Leeuwarden``, ``Fryslân (PV)``) and a footer (``Bron: CBS``,
      explanation of symbols). Topics may also run down the rows with a unit column beside them;
    - *topics down the rows, one dimension across*: ``"Onderwerpen_1";"Perioden";"Regio's";"Leeuwarden"``
      with the unit (``aantal``) under ``Regio's`` (the 2017 StatLine export and a pivoted table of today).

    The English StatLine (tables ``...ENG``: ``Periods``, ``Regions``, ``Topic``/``Subjects``, ``number``,
    ``2023 1st quarter``, ``2023 January``, ``Source: CBS``) is read the same way.

    Parameters
    ----------
    path : str or Path
        A ``.csv`` (``;`` or ``,``, quoted or not, decimal comma or point, UTF-8 with or without BOM or
        Windows-1252) or an ``.xlsx``/``.xlsm`` file.
    regions : dict or DataFrame or list of dict, optional
        Region names → CBS codes, for files that name regions instead of coding them: a dict
        ``{"Leeuwarden": "GM0080"}`` or the region list of the OData table (``Key`` and ``Title``, as
        ``cbsodata.get_meta("84134NED", "RegioS")`` returns it). Names not in it are kept, with a note.
    sheet : str or int, optional
        Excel sheet (default: the first visible one).
    lang : {"nl", "en"}
        Language of the quality report.

    Returns
    -------
    DataFrame with ``region`` (code; the name when the file has no codes and ``regions`` does not give one;
    missing for a table without a region dimension, such as a national table, with a note in the report),
    ``region_kind`` (:data:`REGION_KINDS`; from a StatLine suffix such as ``(PV)`` for names; missing
    otherwise), ``region_name`` (the name as written in the file, when it was a name), ``period`` (pandas
    Period), ``period_code`` (its CBS code: ``2023JJ00``, ``2023HJ01``, ``2023KW01``, ``2023MM10``),
    ``period_start`` (its first day), ``freq`` (``Y``, ``6M``, ``Q``, ``M``), any other dimension
    columns of the table, ``measure`` (the column name; in a wide export the topic and its unit),
    ``value`` (float; missing where CBS gives a symbol), ``missing`` (why the value is missing), ``flag``
    (``voorlopig`` / ``nader voorlopig``) and ``row`` (line in the file). ``.attrs["report"]`` is the
    :class:`~evaluatie.quality.QualityReport`: every line read is used or listed with its reason (title,
    source and symbol-explanation lines, unreadable periods or regions in a long file), and notes count
    the symbols and say how the file was read.

    Raises
    ------
    InputError
        In Dutch, naming the file, line and column: no ``Perioden`` column or period header, no rows
        with values, a period label in a wide header that is no CBS period, a period that occurs twice
        for the same topic, or text in a value cell (neither a number nor a CBS symbol).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "jeugdhulp.csv"
    >>> _ = p.write_text('"Jeugdhulp; regio"\\n"Onderwerp";"Jongeren met jeugdhulp";"Jongeren met jeugdhulp"\\n'
    ...                  '"Perioden";"2022";"2023*"\\n"Regio\\'s";"aantal";"aantal"\\n'
    ...                  '"Leeuwarden";"7 830";"."\\n"Bron: CBS"\\n', encoding="utf-8")
    >>> data = read_statline(p, regions={"Leeuwarden": "GM0080"})
    >>> data[["region", "period", "flag", "value", "missing"]]
       region period       flag   value             missing
    0  GM0080   2022             7830.0                None
    1  GM0080   2023  voorlopig     NaN  onbekend of geheim
    >>> data["measure"].unique().tolist()
    ['Jongeren met jeugdhulp (aantal)']
    """
    check_lang(lang)
    path = Path(path)
    if not path.is_file():
        raise InputError(t("file_not_found", lang, file=path, cwd=Path.cwd()), file=path)
    report = QualityReport(source=path.name, kind="cbs", lang=lang)
    lines, widths, read_note, delimiter = _read_lines(path, sheet, report, lang)
    excel = delimiter is None
    layout = _find_layout(lines)
    if layout is None:
        raise InputError(t("cbs_no_periods", lang, file=path.name), file=path)
    # the English StatLine writes 1,702 and 10.5; the Dutch one 1.702 (or 1 702) and 10,5
    english = any(_norm(_text(c)) == "periods" for r in lines[:40] for c in r)
    if layout[0] == "wide":
        out, dims = _read_wide(lines, widths, layout[1], layout[2], path, excel, report, lang,
                               default_decimal="." if english or excel else ",")
    else:
        texts = [[_text(c) for c in r] for r in lines]
        out, dims = _read_long(texts, layout[1], path, "," if delimiter == ";" and not english else ".", report,
                               lang)
    out = _name_regions(out, regions, report, lang)
    out["period_start"] = [p.start_time for p in out["period"]]
    out["freq"] = [p.freqstr for p in out["period"]]
    out["freq"] = out["freq"].replace({"Y-DEC": "Y", "Q-DEC": "Q", "A-DEC": "Y"})
    out["period_code"] = [period_code(p) for p in out["period"]]
    if out["freq"].nunique() == 1:  # one kind of period: a period column (selectable by "2022"); else objects
        out["period"] = pd.PeriodIndex(list(out["period"])).array
    columns = ["region", "region_kind", "region_name", "period", "period_code", "period_start", "freq", *dims,
               "measure", "value", "missing", "flag", "row"]
    out = out[columns].astype({"region_kind": object, "region_name": object, "missing": object})
    out = out.reset_index(drop=True)
    for column in ("missing", "region_kind", "region_name"):
        out[column] = out[column].where(out[column].notna(), None)
    out.attrs["identifier_columns"] = _flag_cells(out, ["region", "region_name", *dims, "measure"], report, lang)
    report.notes.append(read_note)
    counts = out["missing"].dropna().value_counts(sort=False)
    if len(counts):
        report.notes.append(t("cbs_note_symbols", lang, counts=", ".join(f"{n}× {r}" for r, n in counts.items())))
    out.attrs["report"] = report
    out.attrs["source"] = path.name
    return out


def _flag_cells(out: pd.DataFrame, columns: list, report: QualityReport, lang: str) -> list:
    """Warn (masked) about text cells that hold personal data or read as an Excel formula; return the personal columns.

    A StatLine table holds no personal data: a BSN, e-mail address or name after a title in a region or
    dimension cell means a wrong or edited file. Such columns are returned, so that the export guard refuses
    them as flagged at load; a cell starting with ``=``, ``+``, ``@`` or ``-`` followed by a letter is kept as
    text (exports never write it as a formula) with a warning.
    """
    from .privacy import find_identifiers

    flagged = []
    for column in dict.fromkeys(columns):
        if column not in out or out[column].dropna().empty:
            continue
        values = out[column].dropna().astype(str)
        first = ~values.duplicated()
        unique = values[first]
        hits = find_identifiers(unique.to_frame(name=column))
        hits = hits[hits["row"].notna()]
        if len(hits):
            flagged.append(column)
            report.masked_columns.append(column)
            for label, kind in hits.drop_duplicates("row")[["row", "kind"]].itertuples(index=False):
                report.add(row=int(out.loc[label, "row"]), column=column, value=unique[label],
                           reason=t("cbs_personal_cell", lang, kind=kind), action="warning")
        formula = unique[unique.str.match(r"^\s*(?:[=@+]|-[A-Za-z])")]
        for label, value in formula.items():
            report.add(row=int(out.loc[label, "row"]), column=column, value=value if column not in flagged else "",
                       reason=t("cbs_formula_cell", lang), action="warning")
    return flagged


def _text(cell) -> str:
    """A cell as text: ``None`` → ``""``, a whole float from Excel (``2021.0``) → ``"2021"``."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _read_lines(path: Path, sheet, report: QualityReport, lang: str):
    """The file as a list of rows of cells, the raw width of each row, a note on how it was read, the delimiter.

    CSV cells are strings; Excel cells keep their type (numbers stay numbers) and the delimiter is ``None``.
    """
    from .io import _decode, _sniff_delimiter, open_workbook

    if path.suffix.lower() in (".xlsx", ".xlsm"):
        book = open_workbook(path, lang)
        try:
            names = book.sheetnames
            if sheet is None:
                chosen = next((n for n in names if book[n].sheet_state == "visible"), names[0])
            else:
                chosen = names[sheet] if isinstance(sheet, int) and 0 <= sheet < len(names) else sheet
                if chosen not in names:
                    raise InputError(t("sheet_missing", lang, file=path.name, sheet=sheet, sheets=", ".join(names)),
                                     file=path)
            ws = book[chosen]
            ws.reset_dimensions()
            lines = []
            for row in ws.iter_rows(values_only=True):
                values = [None if isinstance(v, str) and not v.strip() else v for v in row]
                while values and values[-1] is None:
                    values.pop()
                lines.append(values)
        finally:
            book.close()
        return lines, [len(r) for r in lines], t("note_sheet", lang, sheet=chosen), None
    import csv
    import io as _io

    data, encoding, _ = _decode(path.read_bytes(), path, lang)
    text = data.decode("utf-8")
    delimiter = _sniff_delimiter(text[:200_000])
    lines = list(csv.reader(_io.StringIO(text, newline=""), delimiter=delimiter))
    note = t("note_encoding", lang, encoding=encoding, delimiter={"\t": "tab"}.get(delimiter, delimiter))
    return lines, [len(r) for r in lines], note, delimiter


def _is_period(text: str) -> bool:
    try:
        parse_period(text)
        return True
    except ValueError:
        return False


def _find_layout(lines) -> tuple | None:
    """``("long", header line)``, ``("wide", period line, first period column)`` or ``None``.

    The first line from the top decides: a line with a ``Perioden`` header cell and no period to its right
    is the header of a long file; a line with periods right of a ``Perioden`` label (the values start right
    after the label), or without the label at least two periods from some column on, making up at least
    half of the cells from there, is the period header of a wide file (so that one bad label is reported
    by name, not as a file without periods).
    """
    for i, row in enumerate(lines[:40]):
        cells = [_text(c) for c in row]
        periods = [j for j, c in enumerate(cells) if c and _is_period(c)]
        labels = [j for j, c in enumerate(cells) if _norm(c) in _PERIOD_HEADERS]
        j0 = labels[-1] + 1 if labels else (periods[0] if periods and periods[0] >= 1 else None)
        if j0 is not None:
            right = [c for c in cells[j0:] if c]
            n = sum(j >= j0 for j in periods)
            if right and n >= (1 if labels else 2) and n >= len(right) / 2:
                return "wide", i, j0
        if labels and not periods:
            return "long", i
    return None


def _col_ref(j: int, excel: bool) -> str:
    if excel:
        from openpyxl.utils import get_column_letter

        return get_column_letter(j + 1)
    return str(j + 1)


def _cell_value(cell, decimal: str, path: Path, row: int, column: str, header: str, lang: str):
    """One value cell → (value, missing reason, flag); a Dutch ``InputError`` naming file, line and column if unreadable."""
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):  # an Excel number
        return float(cell), None, ""
    try:
        return _value("" if cell is None else cell, decimal)
    except ValueError:
        raise InputError(t("cbs_value_text", lang, file=path.name, row=row, column=column, header=header,
                           value=_text(cell)), file=path, row=row, column=header) from None


def _read_long(lines, header_at: int, path: Path, default_decimal: str, report: QualityReport, lang: str):
    """The long layout (a ``Perioden`` column): rows of region, period, other dimensions and measure columns."""
    header = lines[header_at]
    names = []
    for j, cell in enumerate(header):  # measures may be named in a line above (StatLine's "Onderwerp")
        above = [r[j].strip() for r in lines[:header_at] if j < len(r) and r[j].strip() and len(r) > 1]
        name = cell.strip() or (above[-1] if above else f"kolom {j + 1}")
        if above and _UNIT.fullmatch(cell.strip()):  # "Perioden";"aantal": the unit line under the topics
            name = above[-1] if cell.strip() in above[-1] else f"{above[-1]} ({cell.strip()})"
        names.append(name)
    period_col = next(j for j, c in enumerate(header) if _norm(c) in _PERIOD_HEADERS)
    body = lines[header_at + 1:]
    rows = np.arange(header_at + 2, header_at + 2 + len(body))
    width = len(header)
    for i, r in enumerate(body):  # a figure right of the last header cell has no name: refused, not dropped
        if any(c.strip() for c in r[width:]):
            j = width + next(k for k, c in enumerate(r[width:]) if c.strip())
            raise InputError(t("cbs_long_extra", lang, file=path.name, row=header_at + 2 + i, column=j + 1,
                               value=r[j].strip()), file=path, row=header_at + 2 + i, column=str(j + 1))
    body = [r[:width] for r in body]
    grid = pd.DataFrame([r + [""] * (width - len(r)) for r in body], columns=range(max(width, 1)),
                        dtype=object).iloc[:, :width] if body else pd.DataFrame(columns=range(width))
    grid.index = rows
    across = _across_column(grid, header, period_col)
    if across is not None:
        return _read_across(lines, grid, header_at, period_col, across, path, default_decimal, report, lang)
    named = [j for j, c in enumerate(header) if _norm(c) in _REGION_HEADERS]
    coded = [j for j in range(width) if j != period_col and
             grid[j].astype(str).str.strip().str.upper().str.fullmatch(_REGION.pattern).mean() > 0.5]
    # the codes are the region; a column of names beside them (an OData export has both) is region_name
    region_col = next((j for j in named if j in coded), coded[0] if coded else (named[0] if named else None))
    name_col = next((j for j in named if j != region_col and j not in coded), None) if region_col in coded else None
    if region_col is None:  # a national table (e.g. 37296ned "Bevolking; kerncijfers") has no region dimension
        report.notes.append(t("cbs_note_no_region", lang))
    keep = _filled(grid)
    # the decimal sign from the value cells only (a title such as "versie 2.1" says nothing); when they
    # do not tell (only "12.345"), a StatLine table with ";" writes a decimal comma, a typed data set a point
    from .io import _detect_decimal

    cells = grid.loc[keep, [j for j in range(width) if j not in (period_col, region_col, name_col)]].stack()
    typed = any(_norm(h) == "id" or (re.search(r"_\d+$", h.strip()) and not _is_topic(h)) for h in header)
    decimal = _detect_decimal(list(cells.astype(str).unique()), "." if typed else default_decimal)

    def numeric_share(j):
        cells = grid.loc[keep, j].astype(str).unique()
        return np.mean([_safe_value(c, decimal) is not None for c in cells]) if len(cells) else 0.0

    others = [j for j in range(width) if j not in (period_col, region_col, name_col) and _norm(header[j]) != "id"]
    # a measure: no name in the header line (StatLine names it above), a typed-data-set name (..._3), or numbers
    measures = [j for j in others if not header[j].strip() or re.search(r"_\d+$", header[j].strip())
                or numeric_share(j) >= 0.8]
    dims = [j for j in others if j not in measures]
    grid = _drop_title_lines(grid, header_at, keep, report, lang)
    # periods and regions: each distinct cell parsed once
    period_of, ok = _periods(grid, period_col, header, report, lang)
    regions = {cell: parse_region(cell) for cell in grid[region_col].unique()} if region_col is not None else {}
    coded = any(_REGION.fullmatch(code) for code, _ in regions.values())
    for row, cell in (grid.loc[ok, region_col].items() if region_col is not None else ()):
        code, kind = regions[cell]
        if not code or (coded and not _REGION.fullmatch(code)):
            report.add(row=int(row), column=header[region_col], value=cell, action="dropped",
                       reason=t("cbs_reason_region", lang))
            ok[row] = False
    grid = grid[ok]
    if grid.empty or not measures:
        raise InputError(t("cbs_no_rows", lang, file=path.name), file=path)
    frames = []
    for j in measures:
        cells = grid[j].astype(str)
        first = cells.drop_duplicates()  # each distinct cell once, at its first line (named in a refusal)
        parsed = {c: _cell_value(c, decimal, path, int(row), str(j + 1), names[j], lang) for row, c in first.items()}
        values = cells.map(parsed)
        frames.append(pd.DataFrame({"row": grid.index.to_numpy(), "measure": names[j],
                                    "value": [v[0] for v in values], "missing": [v[1] for v in values],
                                    "value_flag": [v[2] for v in values]}))
    long = pd.concat(frames, ignore_index=True)
    base = pd.DataFrame({"row": grid.index.to_numpy(),
                         "region": [regions[c][0] for c in grid[region_col]] if region_col is not None else None,
                         "region_kind": [regions[c][1] for c in grid[region_col]] if region_col is not None else None,
                         "period": pd.Series([period_of[c][0] for c in grid[period_col]], dtype=object),
                         "period_flag": [period_of[c][1] for c in grid[period_col]]})
    if name_col is not None:
        base["region_name"] = grid[name_col].astype(str).str.strip().to_numpy()
    for j in dims:
        base[names[j]] = grid[j].astype(str).str.strip().to_numpy()
    out = long.merge(base, on="row", how="left")  # measure by measure, rows in file order
    out["flag"] = np.where(out["value_flag"] != "", out["value_flag"], out["period_flag"])
    return out, [names[j] for j in dims]


def _drop_title_lines(grid: pd.DataFrame, header_at: int, keep: pd.Series, report: QualityReport,
                      lang: str) -> pd.DataFrame:
    """Count every line read; the lines above the header and those under it without figures (``~keep``) are
    title, source or blank lines, reported as dropped. Returns the lines kept."""
    report.n_read = len(grid) + header_at  # the lines above the header are read too
    for row in [*range(1, header_at + 1), *grid.index[~keep]]:
        report.add(row=int(row), column="", value="", reason=t("cbs_reason_title", lang), action="dropped")
    return grid[keep]


def _periods(grid: pd.DataFrame, period_col: int, header: list, report: QualityReport, lang: str):
    """Each distinct period cell parsed once → ``{cell: (Period, flag)}`` and the mask of lines with a readable
    period; a line without one is reported as dropped (with its period cell)."""
    period_of = {}
    for cell in grid[period_col].unique():
        try:
            period_of[cell] = parse_period(cell)
        except ValueError:
            period_of[cell] = None
    ok = grid[period_col].map(lambda c: period_of[c] is not None)
    for row, cell in grid.loc[~ok, period_col].items():
        report.add(row=int(row), column=header[period_col], value=cell, action="dropped",
                   reason=t("cbs_reason_period", lang))
    return period_of, ok


def _filled(grid: pd.DataFrame) -> pd.Series:
    """Per line: more than one cell filled (a line with figures; a title or source line has one)."""
    return grid.apply(lambda c: c.astype(str).str.strip().ne("")).sum(axis=1) > 1


def _across_column(grid: pd.DataFrame, header: list, period_col: int) -> int | None:
    """The unit column of a table with topics down the rows and one dimension across, else ``None``.

    StatLine (2017 and the pivot of today's site) writes ``"Onderwerpen_1";"Perioden";"Regio's";"Leeuwarden";"Ede"``
    with the unit (``aantal``, ``x 1 000``, any text) under the dimension's name and its values (here regions)
    as the names of the columns after it. It is this layout only when the topics run down the rows (a topic
    column left of the periods), or when the dimension across is the region and no region column stands left:
    a file with regions down the rows and a column "Eenheid" before its measures is the long layout.
    """
    left = [j for j in range(period_col) if header[j].strip()]
    topics = any(_is_topic(header[j]) for j in left)
    region_left = any(_norm(header[j]) in _REGION_HEADERS for j in left) or any(
        grid[j].astype(str).str.strip().str.upper().str.fullmatch(_REGION.pattern).mean() > 0.5 for j in left)
    lines = _filled(grid)
    for u in range(period_col + 1, len(header) - 1):
        if not header[u].strip() or not (topics or (_norm(header[u]) in _REGION_HEADERS and not region_left)):
            continue
        cells = grid.loc[lines, u].astype(str).str.strip()
        text = cells[cells.ne("")].unique()
        if not len(text) or any(_safe_value(c, d) is not None for c in text for d in (",", ".")):
            continue
        if topics or all(_UNIT.fullmatch(c) for c in text):  # without topics: only units such as "aantal"
            return u
    return None


def _read_across(lines, grid: pd.DataFrame, header_at: int, period_col: int, u: int, path: Path,
                 default_decimal: str, report: QualityReport, lang: str):
    """The layout of :func:`_across_column`: one value per line × column, its measure the line's topic and unit.

    Topic levels (``Onderwerpen_1``, ``Onderwerpen_2``) are joined with " / " as in the wide layout; a topic
    written only on its first line (merged cells) holds for the lines under it, and so does a topic's unit. A column across without a
    name, or the same name twice, is refused: its values could not be told apart.
    """
    from .io import _detect_decimal

    header = lines[header_at]
    excel = path.suffix.lower() in (".xlsx", ".xlsm")
    value_cols = list(range(u + 1, len(header)))
    # a line without figures ("Bron:";"CBS StatLine") is a title or source line
    keep = _filled(grid) & grid[value_cols].apply(lambda c: c.astype(str).str.strip().ne("")).any(axis=1)
    grid = _drop_title_lines(grid, header_at, keep, report, lang)
    seen = {}
    for k in value_cols:
        name = header[k].strip().rstrip("*").strip().lower()
        if not name or name in seen:
            key = "cbs_across_twice" if name else "cbs_across_empty"
            raise InputError(t(key, lang, file=path.name, row=header_at + 1, column=_col_ref(k, excel),
                               value=header[k].strip(), first=_col_ref(seen.get(name, k), excel)), file=path,
                             row=header_at + 1, column=header[k].strip() or _col_ref(k, excel))
        seen[name] = k
    left = [j for j in range(u) if j != period_col]
    topic_cols = [j for j in left if _is_topic(header[j])]
    dims = [j for j in left if j not in topic_cols]
    for j in topic_cols:  # merged cells: the topic holds for the lines under it
        grid[j] = grid[j].astype(str).str.strip().replace("", np.nan).ffill().fillna("")
    topic_key = grid[topic_cols].astype(str).agg("|".join, axis=1) if topic_cols else pd.Series("", index=grid.index)
    # and so does its unit (an empty unit cell under "aantal" of the same topic)
    grid[u] = grid[u].astype(str).str.strip().replace("", np.nan).groupby(topic_key).ffill().fillna("")
    title = next((r[0].strip() for r in lines[:header_at] if r and r[0].strip()), "")
    period_of, ok = _periods(grid, period_col, header, report, lang)
    grid = grid[ok]
    if grid.empty:
        raise InputError(t("cbs_no_rows", lang, file=path.name), file=path)
    decimal = _detect_decimal(list(grid[value_cols].stack().astype(str).unique()), default_decimal)
    is_region = _norm(header[u]) in _REGION_HEADERS
    # a provisional region or group ("Leeuwarden*"): the star is the flag of its column, not part of the name
    column_flag = {k: _FLAGS.get(re.search(r"\**$", header[k].strip())[0], "") for k in value_cols}
    names = {k: header[k].strip().rstrip("*").strip() for k in value_cols}
    across = {k: parse_region(names[k]) if is_region else (None, None) for k in value_cols}
    if not is_region:
        report.notes.append(t("cbs_note_no_region", lang))
    dim_names = [header[j].strip() for j in dims] + ([] if is_region else [header[u].strip()])
    records = []
    for row, cells in zip(grid.index, grid.itertuples(index=False)):
        topic = " / ".join(dict.fromkeys(c for c in (cells[j].strip() for j in topic_cols) if c)) or title or "waarde"
        unit = cells[u].strip()
        measure = f"{topic} ({unit})" if unit and unit not in topic else topic
        period, period_flag = period_of[cells[period_col]]
        for k in value_cols:
            value, missing, flag = _cell_value(cells[k], decimal, path, int(row), _col_ref(k, excel),
                                               f"{measure}, {names[k]}", lang)
            records.append((int(row), measure, value, missing, flag or column_flag[k], *across[k], period,
                            period_flag, *(cells[j].strip() for j in dims), *([] if is_region else [names[k]])))
    names = ["row", "measure", "value", "missing", "value_flag", "region", "region_kind", "period", "period_flag",
             *dim_names]
    out = pd.DataFrame({n: pd.Series(list(c), dtype=object if n == "period" else None)
                        for n, c in zip(names, zip(*records))}, columns=names)
    out["flag"] = np.where(out["value_flag"] != "", out["value_flag"], out["period_flag"])
    return out, dim_names


_TOPIC_HEADERS = {"onderwerp", "onderwerpen", "topic", "topics", "subject", "subjects"}


def _is_topic(header) -> bool:
    """A topic header: ``Onderwerp``, ``Onderwerpen_1`` (StatLine numbers repeated topic columns), ``Subjects``."""
    return _norm(header).rstrip("0123456789") in _TOPIC_HEADERS
#: Lines under a StatLine table: the source, the copyright and the explanation of the symbols.
_FOOTER = re.compile(r"\s*(bron\b|source\b|©|\(c\)|centraal bureau voor de statistiek|statistics netherlands|"
                     r"verklaring van tekens|explanation of symbols|\S{1,2} = )", re.IGNORECASE)
#: The units StatLine writes in a unit line ("aantal", "%", "x 1 000", "euro", "1 000 euro", "per 1 000 inwoners").
_UNIT = re.compile(r"aantal|%|x ?1 ?000( ?000)?|x (mln|mld)\.?|((x )?(1 ?000 |mln\.? |mld\.? )?euro('?s)?)|"
                   r"per 1 ?000.*|jaar|jaren|maanden|dagen|uren|index.*|numbers?|years?|months|days|hours",
                   re.IGNORECASE)


def _read_wide(lines, widths, p: int, j0: int, path: Path, excel: bool, report: QualityReport, lang: str,
               default_decimal: str = ","):
    """The wide layout: periods across the columns (line ``p``, from column ``j0`` on), reshaped to long.

    Header lines above the period line that have text over the value columns are column dimensions, each
    named by its last text left of the values (``Onderwerp`` → the topic, ``Regio's`` → the region, other
    names → a dimension column; merged cells in Excel are filled to the right). Lines right under the
    period line whose value cells are all text are unit lines (``aantal``). The columns left of the values
    are named by the header text above them that is not a line's label: ``Regio's`` (or, unnamed, the
    region names), ``Onderwerp`` (topics down the rows; an unnamed column beside it holds their unit), or
    another dimension.
    """
    texts = [[_text(c) for c in r] for r in lines]
    period_line = texts[p]
    value_cols = [j for j in range(j0, len(period_line)) if period_line[j]]

    def cell(k, j):
        return texts[k][j] if j < len(texts[k]) else ""

    header_rows = [k for k in range(p) if any(cell(k, j) for j in range(j0, len(period_line)))]

    def label_at(k):  # the last text left of the values is the line's label
        return max((j for j in range(j0) if cell(k, j)), default=None)

    # a unit line above the periods (all its cells units such as "aantal" or "%") is no dimension
    above_units = [k for k in header_rows if all(_UNIT.fullmatch(cell(k, j)) for j in value_cols)]
    header_rows = [k for k in header_rows if k not in above_units]
    col_dims = []  # (label, {column: value}, line)
    for k in header_rows:
        at = label_at(k)
        values, last = {}, ""
        for j in range(j0, max(value_cols) + 1):
            last = cell(k, j) or last  # merged cells (Excel) hold their text in the first column only
            if j in value_cols:
                values[j] = last
        col_dims.append(("" if at is None else cell(k, at), values, k))
    unit_rows = []
    q = p + 1
    while q < len(texts):
        row_cells = [cell(q, j) for j in value_cols]
        if all(row_cells) and not any(_safe_value(c, d) for c in row_cells for d in (",", ".")):
            unit_rows.append(q)
            q += 1
        else:
            break
    unit_rows = above_units + unit_rows
    units = {j: " ".join(cell(k, j) for k in unit_rows).strip() for j in value_cols}
    labelled = {k: label_at(k) for k in [*header_rows, p]}
    stub_names = {}
    for k in sorted([*header_rows, p, *unit_rows]):
        for j in range(j0):
            if cell(k, j) and labelled.get(k) != j:
                stub_names[j] = cell(k, j)
    body = list(range(q, len(texts)))
    last = max((r for r in body if any(cell(r, j) for j in value_cols)), default=q - 1)
    data_rows, footer = [], []
    for r in body:
        values = [cell(r, j) for j in value_cols]
        # a line without figures is a title, source, symbol-explanation or blank line when it has no label,
        # reads as one ("Bron: CBS", ". = gegevens ontbreken"), is shorter than the table in a CSV ("Bron: CBS"
        # is one field there) or, in Excel (which keeps no empty cells), comes after the last figure; otherwise
        # it is a region whose figures do not apply (empty cells), and kept
        label = " ".join(cell(r, j) for j in range(j0) if cell(r, j))
        if not any(values) and (not label or _FOOTER.match(label) or (excel and r > last)
                                or (not excel and widths[r] <= max(value_cols))):
            footer.append(r)
        elif not any(cell(r, j) for j in range(j0)):
            report.add(row=r + 1, column="", value=" ".join(v for v in values if v)[:40], action="dropped",
                       reason=t("cbs_reason_no_label", lang))
        else:
            data_rows.append(r)
    # stub columns: region, topic, unit or another dimension
    used_stubs = [j for j in range(j0) if any(cell(r, j) for r in data_rows)]
    region_header = next((label for label, _, _ in col_dims if _norm(label) in _REGION_HEADERS), None)
    roles = {}
    for j in used_stubs:
        name = stub_names.get(j, "")
        codes = np.mean([bool(_REGION.fullmatch(cell(r, j).upper())) for r in data_rows]) > 0.5
        if codes or _norm(name) in _REGION_HEADERS:
            roles[j] = "region"
        elif _is_topic(name):
            roles[j] = "topic"
        else:
            roles[j] = "other"
    region_cols = [j for j in used_stubs if roles[j] == "region"]
    if len(region_cols) > 1:  # a name column and a code column: the codes are the region, the names region_name
        coded = [j for j in region_cols if np.mean([bool(_REGION.fullmatch(cell(r, j).upper())) for r in data_rows]) > .5]
        keep = coded[0] if coded else region_cols[0]
        for j in region_cols:
            if j != keep:
                roles[j] = "name" if coded and j not in coded else "other"
    has_topic_rows = any(r == "topic" for r in roles.values())
    for j in used_stubs:
        if roles[j] == "other" and not stub_names.get(j):
            if has_topic_rows:
                roles[j] = "unit"  # the unit beside topics down the rows ("aantal")
            elif region_header is None and "region" not in roles.values():
                roles[j] = "region"  # rows of region names without a header
    region_col = next((j for j in used_stubs if roles[j] == "region"), None)
    name_col = next((j for j in used_stubs if roles[j] == "name"), None)
    stub_dims = [j for j in used_stubs if roles[j] == "other"]
    dim_names = [stub_names.get(j) or f"kolom {j + 1}" for j in stub_dims]
    topic_dims = [(values) for label, values, _ in col_dims if _norm(label) in _TOPIC_HEADERS | {""}]
    other_dims = [(label, values) for label, values, _ in col_dims
                  if _norm(label) not in _TOPIC_HEADERS | {""} and label != region_header]
    region_values = next((values for label, values, _ in col_dims if label == region_header), None)
    dim_names += [label for label, _ in other_dims]
    taken = {"row", "region", "region_kind", "region_name", "period", "period_code", "period_start", "freq",
             "flag", "measure", "value", "missing"}
    for i, name in enumerate(dim_names):  # a dimension never overwrites another column
        if name in taken:
            dim_names[i] = name = f"{name} ({i + 1})"
        taken.add(name)
    if region_col is None and region_values is None:
        report.notes.append(t("cbs_note_no_region", lang))
    # the period of each value column; a column with figures but no readable period is refused
    period_of = {}
    for j in value_cols:
        try:
            period_of[j] = parse_period(period_line[j])
        except ValueError:
            raise InputError(t("cbs_wide_period", lang, file=path.name, row=p + 1, column=_col_ref(j, excel),
                               value=period_line[j]), file=path, row=p + 1, column=period_line[j]) from None
    for j in range(j0, max((len(texts[r]) for r in data_rows), default=0)):
        if j not in value_cols and any(cell(r, j) for r in data_rows):
            raise InputError(t("cbs_wide_period", lang, file=path.name, row=p + 1, column=_col_ref(j, excel),
                               value=""), file=path, row=p + 1, column=_col_ref(j, excel))
    title = next((cell(k, 0) for k in range(p) if k not in header_rows and cell(k, 0)), "")

    def topic(j):
        levels = []
        for values in topic_dims:
            if values[j] and (not levels or levels[-1] != values[j]):
                levels.append(values[j])
        return " / ".join(levels)

    key_of = {}
    for j in value_cols:  # the same period twice for the same topic and dimensions cannot be placed
        key = (topic(j), units[j], tuple(v[j] for _, v in other_dims),
               region_values[j] if region_values else None, period_of[j][0])
        if key in key_of:
            raise InputError(t("cbs_wide_duplicate", lang, file=path.name, row=p + 1, value=period_line[j],
                               first=_col_ref(key_of[key], excel), second=_col_ref(j, excel)),
                             file=path, row=p + 1, column=period_line[j])
        key_of[key] = j
    if not data_rows:
        raise InputError(t("cbs_no_rows", lang, file=path.name), file=path)
    from .io import _detect_decimal

    cells = [lines[r][j] for r in data_rows for j in value_cols if j < len(lines[r])]
    # Excel numbers are numbers; text cells (and CSV) tell their decimal sign, else StatLine's decimal comma
    decimal = _detect_decimal(list({c for c in cells if isinstance(c, str)}), default_decimal)

    def measure(r, j):
        name = " / ".join(x for x in (topic(j), *(cell(r, s) for s in used_stubs if roles[s] == "topic")) if x)
        unit = " ".join(x for x in (units[j], *(cell(r, s) for s in used_stubs if roles[s] == "unit")) if x)
        name = name or title or "waarde"
        return f"{name} ({unit})" if unit and unit not in name else name

    records = []
    for r in data_rows:
        for j in value_cols:
            raw = lines[r][j] if j < len(lines[r]) else None
            m = measure(r, j)
            value, missing, flag = _cell_value(raw, decimal, path, r + 1, _col_ref(j, excel),
                                               f"{m}, {period_line[j]}", lang)
            period, period_flag = period_of[j]
            region = cell(r, region_col) if region_col is not None else (region_values[j] if region_values else None)
            records.append((r + 1, region, period, flag or period_flag, m, value, missing,
                            *(cell(r, s) for s in stub_dims), *(v[j] for _, v in other_dims)))
    names = ["row", "region", "period", "flag", "measure", "value", "missing", *dim_names]
    if name_col is not None:
        records = [(*rec, cell(rec[0] - 1, name_col)) for rec in records]
        names.append("region_name")
    # periods of several lengths (a 6-month and a month Period of January) stay objects: pandas would try one
    # PeriodArray and fail on mixed frequencies
    out = pd.DataFrame({name: pd.Series(list(column), dtype=object if name == "period" else None)
                        for name, column in zip(names, zip(*records))}, columns=names)
    parsed = {c: parse_region(c) for c in out["region"].dropna().unique()}
    out["region_kind"] = out["region"].map(lambda c: parsed[c][1] if c in parsed else None)
    out["region"] = out["region"].map(lambda c: parsed[c][0] if c in parsed else None)
    header = [*header_rows, p, *unit_rows]
    report.n_read = len(texts) - len(header)
    for k in range(len(texts)):
        if k not in header and (k < p or k in footer):
            report.add(row=k + 1, column="", value="", reason=t("cbs_reason_title", lang), action="dropped")
    report.notes.append(t("cbs_note_wide", lang, periods=len({period_of[j][0] for j in value_cols}),
                          columns=len(value_cols), rows=len(data_rows)))
    return out, dim_names


_SUFFIX_KINDS = {"ld": "landsdeel", "pv": "provincie", "cr": "COROP-gebied", "gemeente": "gemeente"}


def _name_regions(out: pd.DataFrame, regions, report: QualityReport, lang: str) -> pd.DataFrame:
    """Region names → CBS codes with ``regions`` where it gives one; otherwise the name stays, with a note."""
    names = out["region"].notna() & ~out["region"].astype(str).str.fullmatch(_REGION.pattern)
    given = out["region_name"] if "region_name" in out else None  # a name column beside the codes
    out["region_name"] = out["region"].where(names, None)
    if given is not None:
        out["region_name"] = given.where(given.notna() & (given != ""), out["region_name"])
    if regions is None:
        if names.any():
            report.notes.append(t("cbs_note_region_names", lang))
        return out
    if isinstance(regions, pd.DataFrame) and {"Key", "Title"} <= set(regions.columns):
        pairs = zip(regions["Title"], regions["Key"])
    elif isinstance(regions, dict):
        pairs = regions.items()
    elif isinstance(regions, (list, tuple)) and all(isinstance(r, dict) and {"Key", "Title"} <= set(r) for r in regions):
        pairs = ((r["Title"], r["Key"]) for r in regions)
    else:
        raise InputError(t("cbs_bad_regions", lang, type=type(regions).__name__))
    codes = {}
    for name, code in pairs:
        code, kind = parse_region(code)
        if kind is None:
            raise InputError(t("cbs_bad_regions", lang, type=f"{name!r} → {code!r}"))
        codes[str(name).strip()] = code
    folded = {name.casefold(): code for name, code in codes.items()}  # "Súdwest-fryslân" as "Súdwest-Fryslân"
    found = out["region_name"].map(lambda n: codes.get(n, folded.get(n.casefold())) if isinstance(n, str) else None)
    mapped = found.notna()
    out.loc[mapped, "region"] = found[mapped]
    out.loc[mapped, "region_kind"] = [REGION_KINDS[c[:2]] for c in found[mapped]]
    unmapped = sorted(set(out.loc[names & ~mapped, "region_name"]))
    if mapped.any():
        report.notes.append(t("cbs_note_region_mapped", lang, n=found[mapped].nunique()))
    if unmapped:
        report.notes.append(t("cbs_note_region_unmapped", lang, n=len(unmapped), names=", ".join(unmapped[:10])
                              + (f" … (+{len(unmapped) - 10})" if len(unmapped) > 10 else "")))
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
