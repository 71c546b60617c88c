"""Tables for others: formatted Excel workbooks and Dutch CSV files, protected and safe to open.

:func:`export_tables` writes a set of tables that are published together: one formatted sheet
per table, a sheet ``Toelichting`` with the source, definitions and the disclosure-control rules
used, and one CSV per table (``;``, decimal comma, UTF-8 with BOM). Small counts are hidden by
:func:`evaluatie.privacy.suppress` (primary and secondary suppression, checked by the linear
programming audit :func:`evaluatie.privacy.audit`) and shown with the neutral marker ``x``
("geheim", as Statistics Netherlands writes it). Text that a spreadsheet would run as a formula
(starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) is written as text.

Examples
--------
>>> import pandas as pd, tempfile
>>> tab = pd.DataFrame({"met instantie": [40, 3, 12], "zonder": [100, 17, 9]},
...                    index=pd.Index(["School A", "School B", "School C"], name="school"))
>>> paths = export_tables({"leerlingen": tab}, tempfile.mkdtemp(), source="voorbeeld")
>>> sorted(paths)
['leerlingen.csv', 'tabellen.xlsx']
>>> print(paths["leerlingen.csv"].read_text(encoding="utf-8-sig"))  # doctest: +NORMALIZE_WHITESPACE
school;met instantie;zonder
School A;40;100
School B;x;x
School C;x;x
"""
from __future__ import annotations

import csv
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import InputError
from .privacy import HIDDEN, check_exportable, suppress
from .text import check_lang, t

__all__ = ["Table", "export_tables", "export_table", "escape_text", "unescape_text", "write_csv", "append_row",
           "HIDDEN"]

#: First characters that make a spreadsheet treat text as a formula (OWASP, "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PERCENT_WORDS = re.compile(r"(?i)%|\baandeel\b|\bpercentage\b|\bshare\b|\bproportion\b|\bproportie\b")
_BAD_NAME = re.compile(r"[\\/:*?\[\]<>|\"\x00-\x1f]")
#: Headers of p-value columns: shown with 3 decimals, and as ``< 0,001`` below 0.001 (never ``0,000``).
_P_HEADER = re.compile(r"(?i)^(p-waarde|p-value|p)\b")


def escape_text(value: str) -> str:
    """Make text safe for a CSV cell: a leading ``'`` before ``= + - @``, tab or carriage return.

    This is the OWASP rule against CSV injection: a spreadsheet then shows the text instead of
    running it as a formula (``=HYPERLINK(...)``). :func:`unescape_text` undoes it.

    Examples
    --------
    >>> escape_text("=HYPERLINK(\\"http://x\\")"), escape_text("Accare")
    ('\\'=HYPERLINK("http://x")', 'Accare')
    """
    return "'" + value if value.startswith(FORMULA_START) else value


def unescape_text(value):
    """Undo :func:`escape_text` (only a ``'`` followed by a formula character is removed).

    Examples
    --------
    >>> unescape_text("'=1+1"), unescape_text("'s-Hertogenbosch")
    ('=1+1', "'s-Hertogenbosch")
    """
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value


@dataclass(frozen=True)
class Table:
    """A table to publish, with what its columns are (default: recognised from the data).

    Parameters
    ----------
    frame : DataFrame
        The table with the headers as they should appear (Dutch). A named or non-default index
        becomes the first column(s).
    counts : sequence of str, optional
        Columns with counts of people (protected by suppression). Default: every numeric column
        (integer, nullable integer or float) whose values are all whole numbers ≥ 0 and that is
        not a percentage column. Pass ``()`` for a table without counts (e.g. effect estimates).
    percent : sequence of str, optional
        Columns with shares as fractions (0–1), shown as percentages. Default: columns whose
        header contains ``%``, ``aandeel``, ``percentage``, ``share`` or ``proportie``.
    derived : mapping of str to str or tuple of str, optional
        Other numeric columns computed from count columns (``{"aandeel 2+": "2 of meer"}``): hidden
        where one of those counts is hidden. Numeric columns not named here are hidden in every
        row in which any count is hidden.
    denominator : str, optional
        Count column holding the denominator of the percentages of a row (for ``min_denominator``).
    decimals : mapping of str to int, optional
        Decimals shown per column. Default: 0 for counts and percentages; 3 for p-values (columns
        whose header starts with ``p-waarde``); for other numbers three significant digits of the
        column's largest value, at most 3 (1,38; 30,4; 155; 0,042). A p-value below 0.001 is
        written as the text ``< 0,001``, as the factsheet writes it, never as ``0,000``.
    cross : bool, optional
        True when the count columns are one cross table whose row totals mean something (e.g.
        agency × school); then row and column totals are protected. False: each count column is
        protected over the rows (its column total is assumed public). Default: true when all
        numeric columns are counts.
    shares : mapping of str to str, optional
        Percentage columns that are disjoint parts of a count column (``{"oneens (%)": "antwoorden"}``):
        share times denominator gives a count of people back ("5% of 65" is 3), and so does the
        denominator minus all shares of it (the people in none of them). In a row where any such
        count is below the threshold, every share of that denominator is hidden.
    """

    frame: pd.DataFrame
    counts: tuple | list | None = None
    percent: tuple | list | None = None
    derived: Mapping | None = None
    denominator: str | None = None
    decimals: Mapping | None = None
    cross: bool | None = None
    shares: Mapping | None = None


@dataclass(frozen=True)
class _Prepared:
    """One table ready to write: values (numbers rounded, text), hidden mask and column kinds."""

    frame: pd.DataFrame   # object columns; numbers rounded; hidden cells hold HIDDEN
    kinds: dict           # column -> "count" | "percent" | "number" | "p" | "text"
    decimals: dict        # column -> decimals shown
    n_hidden: int


def _flat(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    if not isinstance(frame, pd.DataFrame):
        raise InputError(t("export_not_table", lang, type=type(frame).__name__))
    plain = isinstance(frame.index, pd.RangeIndex) and frame.index.name is None
    if plain:
        out = frame.copy()
    else:  # the index becomes the first column(s); an unnamed index gets an empty header
        out = frame.reset_index()
        out.columns = ["" if n is None else n for n in frame.index.names] + list(frame.columns)
    out.columns = [str(c) for c in out.columns]
    if out.columns.duplicated().any():
        dup = out.columns[out.columns.duplicated()][0]
        raise InputError(t("export_duplicate_column", lang, column=dup), column=dup)
    return out.reset_index(drop=True)


def _is_numeric(series: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)


def _is_whole(series: pd.Series) -> bool:
    values = pd.to_numeric(series, errors="coerce").dropna().to_numpy(dtype=float)
    return bool(np.all(values >= 0) and np.all(values == np.round(values)))


def _default_decimals(series: pd.Series) -> int:
    """Decimals for a column of other numbers: three significant digits of its largest value, at most 3."""
    values = np.abs(pd.to_numeric(series, errors="coerce").to_numpy(dtype=float, na_value=np.nan))
    largest = np.nanmax(values, initial=0)
    return 0 if largest == 0 else int(np.clip(2 - np.floor(np.log10(largest)), 0, 3))


def _p_below(lang: str) -> str:
    """How a table writes a p-value below 0.001 (as :func:`evaluatie.text.format_p` does, without ``p``)."""
    return "< 0,001" if lang == "nl" else "< 0.001"


def _half_up(values: np.ndarray, decimals: int) -> np.ndarray:
    """Round half away from zero (2,5 → 3), as people expect in a published table."""
    factor = 10.0 ** decimals
    return np.sign(values) * np.floor(np.abs(values) * factor + 0.5 + 1e-9) / factor


@dataclass(frozen=True)
class _Layout:
    """What the columns of one table are, before protection."""

    flat: pd.DataFrame    # index moved into columns, RangeIndex
    kinds: dict           # column -> "count" | "percent" | "number" | "text"
    decimals: dict
    counts: pd.DataFrame  # the count columns with the table's own row labels (for suppression and links)
    cross: bool
    derived: dict
    denominator: str | None
    shares: dict


def _layout(name: str, spec: Table, lang: str) -> _Layout:
    flat = _flat(spec.frame, lang)
    columns = list(flat.columns)
    for given in (spec.counts or (), spec.percent or (), list(spec.derived or {}), list(spec.decimals or {}),
                  [spec.denominator] if spec.denominator else [], list(spec.shares or {}),
                  list((spec.shares or {}).values()),
                  [c for v in (spec.derived or {}).values() for c in ((v,) if isinstance(v, str) else v)]):
        unknown = [c for c in given if str(c) not in columns]
        if unknown:
            raise InputError(t("export_unknown_column", lang, table=name, column=unknown[0], columns=", ".join(columns)),
                             column=unknown[0])
    numeric = [c for c in columns if _is_numeric(flat[c])]
    percent = ([str(c) for c in spec.percent] if spec.percent is not None
               else [c for c in numeric if _PERCENT_WORDS.search(c)])
    counts = ([str(c) for c in spec.counts] if spec.counts is not None
              else [c for c in numeric if c not in percent and _is_whole(flat[c])])
    for c in counts + percent:
        if not _is_numeric(flat[c]):
            raise InputError(t("export_not_numeric", lang, table=name, column=c), column=c)
    for c in counts:
        if not _is_whole(flat[c]):
            raise InputError(t("export_not_count", lang, table=name, column=c), column=c)
    for c in percent:
        values = flat[c].dropna().to_numpy(dtype=float)
        if values.size and (values.min() < 0 or values.max() > 1):
            raise InputError(t("export_not_fraction", lang, table=name, column=c), column=c)
    kinds = {c: "count" if c in counts else "percent" if c in percent else
             "p" if c in numeric and _P_HEADER.match(c) else "number" if c in numeric else "text" for c in columns}
    decimals = {c: _default_decimals(flat[c]) if kinds[c] == "number" else 3 if kinds[c] == "p" else 0
                for c in columns}
    decimals.update({str(k): int(v) for k, v in (spec.decimals or {}).items()})
    labels = spec.frame.index if len(flat.columns) > len(spec.frame.columns) else flat.index
    count_frame = flat[counts].astype(float).set_axis(labels, axis=0)
    derived = {str(k): (v,) if isinstance(v, str) else tuple(map(str, v)) for k, v in (spec.derived or {}).items()}
    cross = spec.cross if spec.cross is not None else set(counts) == set(numeric)
    shares = {str(k): str(v) for k, v in (spec.shares or {}).items()}
    for c in shares:
        if c not in percent:
            raise InputError(t("export_share_not_percent", lang, table=name, column=c), column=c)
    return _Layout(flat, kinds, decimals, count_frame, bool(cross), derived, spec.denominator, shares)


def _small_shares(lay: _Layout, threshold: int) -> pd.DataFrame:
    """Share cells that give a count below ``threshold`` back: share × denominator, or the denominator minus all
    its shares (see :class:`Table` ``shares``); every share of that denominator in such a row."""
    out = pd.DataFrame(False, index=lay.flat.index, columns=list(lay.flat.columns))
    for denominator in dict.fromkeys(lay.shares.values()):
        columns = [c for c, d in lay.shares.items() if d == denominator]
        n = pd.to_numeric(lay.flat[denominator], errors="coerce").to_numpy(dtype=float)
        parts = np.rint(np.nan_to_num(np.column_stack([
            pd.to_numeric(lay.flat[c], errors="coerce").to_numpy(dtype=float) * n for c in columns])))
        implied = np.column_stack([parts, n - parts.sum(axis=1)])
        small = ((implied > 0) & (implied < threshold)).any(axis=1) & np.isfinite(n)
        out.loc[small, columns] = True
    return out


def _finish(name: str, lay: _Layout, hidden_counts: pd.DataFrame, *, rounding: int | None,
            min_denominator: int | None, lang: str, threshold: int = 1) -> _Prepared:
    """Hide derived figures with their counts and shares that give a small count back, apply the minimum
    denominator, round, mark."""
    flat, kinds = lay.flat, lay.kinds
    columns = list(flat.columns)
    counts = list(lay.counts.columns)
    hidden = pd.DataFrame(False, index=flat.index, columns=columns)
    hidden[counts] = hidden_counts.to_numpy(dtype=bool)
    row_hidden = hidden[counts].any(axis=1)
    for c in columns:
        if kinds[c] in ("percent", "number", "p"):
            hidden[c] = hidden[list(lay.derived[c])].any(axis=1) if c in lay.derived else row_hidden
    if lay.shares and threshold > 1:
        hidden |= _small_shares(lay, threshold)
    if lay.shares and threshold > 1:
        hidden |= _small_shares(lay, threshold)
    percent = [c for c in columns if kinds[c] == "percent"]
    if min_denominator is not None and percent:
        if not lay.denominator:
            raise InputError(t("export_no_denominator", lang, table=name, columns=", ".join(percent)))
        small = (pd.to_numeric(flat[lay.denominator], errors="coerce") < min_denominator).to_numpy()
        hidden.loc[small, percent] = True
    out = flat.astype(object)
    for c in columns:
        if kinds[c] == "text":
            out[c] = flat[c].map(lambda v: v if isinstance(v, (str, int, float, np.number, bool)) or pd.isna(v)
                                 or hasattr(v, "isoformat") else str(v)).astype(object)
            continue
        values = pd.to_numeric(flat[c], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        if kinds[c] == "count":
            shown = _half_up(values / rounding, 0) * rounding if rounding else values
            shown = [None if np.isnan(v) else int(v) for v in shown]
        else:
            extra = 2 if kinds[c] == "percent" else 0
            shown = [None if np.isnan(v) else float(v) for v in _half_up(values, lay.decimals[c] + extra)]
            if kinds[c] == "p":  # below 0.001 the rounded value would read 0,000: say "< 0,001"
                small = _p_below(lang)
                shown = [small if v is not None and raw < 0.001 else v for v, raw in zip(shown, values)]
        out[c] = pd.Series(shown, index=flat.index, dtype=object)
    out = out.mask(hidden, HIDDEN)
    out = out.astype(object).where(out.notna(), None)
    return _Prepared(out, kinds, lay.decimals, int(hidden.to_numpy().sum()))


def _protect(layouts: dict, *, threshold: int, links) -> dict:
    """Hidden count cells of every table, protected as one system (shared totals via ``links``)."""
    with_counts = {n: lay for n, lay in layouts.items() if lay.counts.shape[1]}
    if threshold <= 1 or not with_counts:
        return {n: pd.DataFrame(False, index=lay.counts.index, columns=lay.counts.columns)
                for n, lay in layouts.items()}
    frames = {n: lay.counts for n, lay in with_counts.items()}
    margins = {n: "both" if lay.cross else "columns" for n, lay in with_counts.items()}
    shown = suppress(frames, threshold, margins=margins, links=links)
    return {n: (shown[n].isna() & frames[n].notna()) if n in shown
            else pd.DataFrame(False, index=lay.counts.index, columns=lay.counts.columns)
            for n, lay in layouts.items()}


def _csv_text(value, kind: str, decimals: int, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return escape_text(value)
    if kind == "percent":
        value, decimals = 100 * value, decimals
    if kind in ("percent", "number", "p"):
        text = f"{value:.{decimals}f}"
        return text.replace(".", ",") if lang == "nl" else text
    if isinstance(value, (int, np.integer)) or (isinstance(value, float) and value == int(value)):
        return str(int(value))
    return escape_text(str(value))


def _headers(prepared: _Prepared) -> list[str]:
    return [c + " (%)" if prepared.kinds[c] == "percent" and "%" not in c else c for c in prepared.frame.columns]


def write_csv(frame: pd.DataFrame, path, *, kinds: Mapping | None = None, decimals: Mapping | None = None,
              lang: str = "nl") -> Path:
    """Write ``frame`` as CSV that is safe to open: ``;`` and decimal comma (``lang="nl"``), UTF-8 with BOM.

    Text cells and headers pass through :func:`escape_text`; percentages (``kinds[col] ==
    "percent"``) are written as percentage numbers. The one CSV writer of the package; it refuses
    personal data (:func:`evaluatie.privacy.check_exportable`).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = write_csv(pd.DataFrame({"instantie": ["=1+1"], "n": [3]}), pathlib.Path(tempfile.mkdtemp()) / "a.csv")
    >>> p.read_text(encoding="utf-8-sig").splitlines()
    ['instantie;n', "'=1+1;3"]
    """
    check_lang(lang)
    path = Path(path)
    check_exportable(frame, where=path.name, lang=lang)
    kinds = dict(kinds or {})
    decimals = dict(decimals or {})
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = [[escape_text(str(c)) for c in frame.columns]]
    columns = list(frame.columns)
    for record in frame.itertuples(index=False):
        rows.append([_csv_text(None if not isinstance(v, str) and pd.isna(v) else v,
                               kinds.get(c, "number" if isinstance(v, float) else "text"), decimals.get(c, 1), lang)
                     for c, v in zip(columns, record)])
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";" if lang == "nl" else ",", lineterminator="\r\n").writerows(rows)
    return path


def _number_format(kind: str, decimals: int, negative: bool = False) -> str:
    """Excel number format; with ``negative`` a second section shows the typographic minus (−20,8, not -20,8).

    The cell stays a number (sortable, computable); only what Excel shows changes.
    """
    digits = "." + "0" * decimals if decimals > 0 else ""
    shown = f"0{digits}%" if kind == "percent" else f"#,##0{digits}"
    return f'{shown};"−"{shown}' if negative else shown


def _text_cell(ws, row: int, col: int, value: str):
    """A cell that holds text, never a formula, even when the text starts with ``=``."""
    cell = ws.cell(row=row, column=col)
    cell.value = value
    cell.data_type = "s"
    return cell


def append_row(ws, values) -> None:
    """Append ``values`` as a row to an openpyxl sheet; text is stored as text, never as a formula.

    openpyxl's own ``append`` turns a string that starts with ``=`` into a live formula
    (``=HYPERLINK(...)`` in an agency name would run when the file is opened). Missing values
    become empty cells.

    Examples
    --------
    >>> import openpyxl
    >>> ws = openpyxl.Workbook().active
    >>> append_row(ws, ["=1+1", 3, None])
    >>> ws["A1"].data_type, ws["A1"].value, ws["B1"].value
    ('s', '=1+1', 3)
    """
    values = [None if not isinstance(v, str) and pd.isna(v) else v for v in values]
    ws.append(values)
    for cell, value in zip(ws[ws.max_row], values):
        if isinstance(value, str):
            cell.value, cell.data_type = value, "s"


def _sheet(book, title: str, prepared: _Prepared, n_index: int) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws = book.create_sheet(title)
    headers = _headers(prepared)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDDDDD")
    for j, header in enumerate(headers, start=1):
        cell = _text_cell(ws, 1, j, header)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    right = Alignment(horizontal="right")
    widths = [min(max(len(h), 6), 40) for h in headers]
    negative = {c: any(isinstance(v, (int, float)) and v < 0 for v in prepared.frame[c]) for c in prepared.frame.columns}
    for i, record in enumerate(prepared.frame.itertuples(index=False), start=2):
        for j, (column, value) in enumerate(zip(prepared.frame.columns, record), start=1):
            kind = prepared.kinds[column]
            if value is None:
                continue
            if isinstance(value, str):
                cell = _text_cell(ws, i, j, value)
                if kind != "text":  # x, or a p-value "< 0,001": aligned with the numbers
                    cell.alignment = right
                shown = value
            else:
                cell = ws.cell(row=i, column=j, value=value)
                cell.number_format = _number_format(kind, prepared.decimals[column], negative[column])
                shown = f"{value * (100 if kind == 'percent' else 1):,.{prepared.decimals[column]}f}" + "%" * (
                    kind == "percent")
            widths[j - 1] = max(widths[j - 1], min(len(shown), 60))
    for j, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = width + 2
    ws.freeze_panes = ws.cell(row=2, column=n_index + 1)


def _explanation(book, title: str, *, tables: dict, prepared: dict, source: str, notes: Mapping, threshold: int,
                 rounding: int | None, min_denominator: int | None, lang: str) -> None:
    from openpyxl.styles import Font

    ws = book.create_sheet(title, 0)
    lines: list[tuple[str, bool]] = [(t("export_title", lang), True), (t("export_source", lang, source=source), False),
                                     ("", False), (t("export_tables_heading", lang), True)]
    for name in tables:
        note = notes.get(name)
        lines.append((f"{name}: {note}" if note else name, False))
    lines += [("", False), (t("export_rules_heading", lang), True)]
    if any(p.n_hidden for p in prepared.values()):
        lines.append((t("export_rule_hidden", lang, marker=HIDDEN, threshold=threshold), False))
    else:
        lines.append((t("export_rule_none_hidden", lang, threshold=threshold), False))
    if rounding:
        lines.append((t("export_rule_rounding", lang, base=rounding), False))
    if min_denominator:
        lines.append((t("export_rule_denominator", lang, n=min_denominator, marker=HIDDEN), False))
    if any("percent" in p.kinds.values() for p in prepared.values()):
        lines.append((t("export_rule_percent", lang), False))
    for i, (text, heading) in enumerate(lines, start=1):
        if text:
            cell = _text_cell(ws, i, 1, text)
            if heading:
                cell.font = Font(bold=True)
    ws.column_dimensions["A"].width = 110


def _check_name(name, lang: str) -> str:
    name = str(name)
    if not name.strip() or _BAD_NAME.search(name) or name.startswith(".") or len(name) > 31:
        raise InputError(t("export_bad_name", lang, name=name))
    return name


def export_tables(tables: Mapping, folder, *, workbook: str = "tabellen.xlsx", source: str,
                  notes: Mapping | None = None, threshold: int = 5, rounding: int | None = None,
                  min_denominator: int | None = None, links=None, lang: str = "nl") -> dict[str, Path]:
    """Write tables that are published together: one Excel workbook plus one CSV per table.

    Parameters
    ----------
    tables : mapping of str to DataFrame or Table
        Sheet/file name (at most 31 characters, no ``/\\:*?[]``) → table with its headers as
        they should appear. A :class:`Table` says which columns are counts, percentages and
        derived figures; a plain DataFrame is recognised from its data (see :class:`Table`).
    folder : path
        Folder to write in (created when missing). Existing files with the same names are replaced
        (these are generated outputs).
    workbook : str, default "tabellen.xlsx"
        File name of the workbook.
    source : str
        Source line (``Bron: …``) on the explanation sheet.
    notes : mapping of str to str, optional
        Definition or footnote per table, shown on the explanation sheet.
    threshold : int, default 5
        Smallest count shown; smaller counts, and the cells needed to keep them from being
        recomputed, are shown as ``x``.
    rounding : int, optional
        Round published counts to multiples of this base (5: 0, 5, 10, …, as Statistics
        Netherlands does for youth-care tables); applied after suppression.
    min_denominator : int, optional
        Percentages whose denominator (``Table.denominator``) is below this number are shown as ``x``.
    links : list, optional
        Count cells of one table that equal a sum of count cells of another, e.g. a column
        ``koppelingen`` in a key-figure table that equals the column total of a cross table:
        ``[(("kern", "School A", "koppelingen"), [("instanties", "Totaal", "School A")])]``. Rows
        are named by the table's index labels; ``Totaal`` names a total (see
        :func:`evaluatie.privacy.audit`). The tables are protected as one system.
    lang : {"nl", "en"}

    Returns
    -------
    dict mapping file name to path: the workbook and ``<name>.csv`` for every table.

    Raises
    ------
    InputError
        Personal data in a table (:func:`evaluatie.privacy.check_exportable`), a bad name, an
        unknown column in a :class:`Table`, or a count column that does not hold counts.

    Notes
    -----
    All count columns of all tables are suppressed together with
    :func:`evaluatie.privacy.suppress` (every hidden cell keeps an interval at least ``threshold``
    wide given all published cells, totals and ``links``; see :func:`evaluatie.privacy.audit`).
    A cross table (``Table.cross``) is protected against its row, column and grand totals, other
    tables against their column totals. Derived numbers in a row with a hidden count are hidden
    too (or, with ``Table.derived``, where their own counts are hidden). Output is byte-identical for identical
    input. Numbers are stored as numbers with Excel number formats (Dutch Excel shows decimal
    commas); text is stored as text, never as a formula.
    """
    check_lang(lang)
    if not isinstance(source, str) or not source.strip():
        raise InputError(t("export_no_source", lang))
    if rounding is not None and (not isinstance(rounding, int) or rounding < 2):
        raise InputError(t("bad_option", lang, value=rounding, param="rounding", allowed="None, 2, 3, 5, 10, …"))
    if min_denominator is not None and (not isinstance(min_denominator, int) or min_denominator < 1):
        raise InputError(t("bad_option", lang, value=min_denominator, param="min_denominator",
                           allowed="None of een geheel getal ≥ 1"))
    if not isinstance(threshold, int) or threshold < 1:
        raise InputError(t("bad_option", lang, value=threshold, param="threshold", allowed="een geheel getal ≥ 1"))
    if not tables:
        raise InputError(t("export_no_tables", lang))
    if not str(workbook).endswith(".xlsx") or _BAD_NAME.search(str(workbook)):
        raise InputError(t("export_bad_name", lang, name=workbook))
    notes = dict(notes or {})
    unknown = set(notes) - set(tables)
    if unknown:
        raise InputError(t("export_unknown_note", lang, name=sorted(map(str, unknown))[0], names=", ".join(tables)))
    names = [_check_name(n, lang) for n in tables]
    explanation = t("export_sheet", lang)
    if len({n.lower() for n in names} | {explanation.lower()}) != len(names) + 1:
        raise InputError(t("export_bad_name", lang, name=explanation))
    specs = {name: spec if isinstance(spec, Table) else Table(spec) for name, spec in zip(names, tables.values())}
    layouts = {name: _layout(name, spec, lang) for name, spec in specs.items()}
    hidden = _protect(layouts, threshold=threshold, links=links)
    prepared = {name: _finish(name, layouts[name], hidden[name], rounding=rounding,
                              min_denominator=min_denominator, lang=lang, threshold=threshold) for name in names}
    # the guard sees exactly what is written, with the flags set at load
    for name, p in prepared.items():
        written = p.frame.set_axis(_headers(p), axis=1)
        written.attrs["identifier_columns"] = list(getattr(specs[name].frame, "attrs", {}).get("identifier_columns", []))
        check_exportable(written, where=f"{name}.csv, {workbook}", lang=lang)
    check_exportable({"bron": source, **{f"toelichting {k}": str(v) for k, v in notes.items()},
                      **{f"bestandsnaam {i + 1}": n for i, n in enumerate([workbook, *names])}}, where=workbook,
                     lang=lang)
    import openpyxl

    from .io import save_workbook

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, spec in specs.items():
        frame = spec.frame
        n_index = 0 if isinstance(frame.index, pd.RangeIndex) and frame.index.name is None else frame.index.nlevels
        _sheet(book, name, prepared[name], n_index)
    _explanation(book, explanation, tables=dict(zip(names, tables.values())), prepared=prepared, source=source,
                 notes={str(k): v for k, v in notes.items()}, threshold=threshold, rounding=rounding,
                 min_denominator=min_denominator, lang=lang)
    paths = {workbook: save_workbook(book, folder / workbook)}
    for name in names:
        p = prepared[name]
        paths[f"{name}.csv"] = write_csv(p.frame.set_axis(_headers(p), axis=1), folder / f"{name}.csv",
                                         kinds=dict(zip(_headers(p), p.kinds.values())),
                                         decimals=dict(zip(_headers(p), p.decimals.values())), lang=lang)
    return paths


def export_table(table: pd.DataFrame, name: str, *, folder=None, counts=None, threshold: int = 5,
                 source: str | None = None, lang: str = "nl") -> dict[str, Path]:
    """Write one table as ``<name>.csv`` and ``<name>.xlsx``: :func:`export_tables` for a single table.

    Parameters
    ----------
    table : DataFrame
    name : str
        File and sheet name without extension.
    folder : path, optional
        Default ``$EVALUATIE_RAPPORTEN`` or ``./reports``.
    counts : list of str, optional
        Count columns to protect (default: recognised, see :class:`Table`).
    threshold : int, default 5
    source : str, optional
        Source line on the explanation sheet (default: "niet opgegeven").
    lang : {"nl", "en"}

    Returns
    -------
    dict with the paths of the ``csv`` and ``xlsx`` files.
    """
    folder = Path(folder or os.environ.get("EVALUATIE_RAPPORTEN", "reports"))
    paths = export_tables({name: Table(table, counts=counts)}, folder, workbook=f"{name}.xlsx",
                          source=source or t("export_source_unknown", lang), threshold=threshold, lang=lang)
    return {"csv": paths[f"{name}.csv"], "xlsx": paths[f"{name}.xlsx"]}
