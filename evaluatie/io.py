"""Load real-world files into canonical tables: ``read_table(path, kind) -> (DataFrame, QualityReport)``.

Handles what students bring: CSV with ``,``, ``;`` or tab; UTF-8 (with or without BOM),
UTF-16 and Windows-1252; decimal comma and thousands point; ``.xlsx`` with a title block above
the header and several sheets; Dutch dates (``3-9-2024``, ``03-09-2024``, ``3 september 2024``,
Excel serial numbers); Dutch column names; ``Totaal`` rows; blank rows; exact duplicates.
Every row read is used or listed in the :class:`~evaluatie.quality.QualityReport` with a reason.
Input that cannot be loaded at all raises :class:`~evaluatie.InputError` naming file, row and column.

Examples
--------
>>> parse_date("3 september 2024")
Timestamp('2024-09-03 00:00:00')
>>> parse_number("1.234,5")
1234.5
"""
from __future__ import annotations

import csv
import datetime as dt
import io as _io
import re
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd

from . import privacy
from .errors import InputError
from .quality import QualityReport
from .schemas import KindSpec, check_kind, failures, match_column, normalize_header
from .text import check_lang, t

__all__ = ["read_table", "parse_date", "parse_number", "parse_period", "parse_bool"]

MONTHS = {
    "januari": 1, "jan": 1, "january": 1, "februari": 2, "feb": 2, "february": 2, "maart": 3, "mrt": 3,
    "mar": 3, "march": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7, "augustus": 8, "aug": 8, "august": 8, "september": 9, "sep": 9,
    "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "october": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
EXCEL_EPOCH = pd.Timestamp("1899-12-30")
_TOTAL = {"totaal", "total", "totalen", "eindtotaal", "subtotaal", "som", "generaltotal", "grandtotal"}
_TRUE = {"1", "ja", "j", "yes", "y", "true", "waar", "x", "wel"}
_FALSE = {"0", "nee", "n", "no", "false", "onwaar", "niet", "geen"}
_SCAN_ROWS = 30


# --------------------------------------------------------------------------------------- cells
def _is_missing(value) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and np.isnan(value):
        return True
    return isinstance(value, str) and value.strip() in {"", "-", "n.v.t.", "nvt", "NA", "#N/A", "onbekend"}


def _is_number(value) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_))


def _check_finite(value) -> None:
    """Reject infinite values and integers too large for a float (no real cell holds them)."""
    if isinstance(value, (float, np.floating)) and not np.isfinite(value):
        raise ValueError(f"not a finite number: {value!r}")
    if isinstance(value, (int, np.integer)) and abs(int(value)) > 2**53:
        raise ValueError(f"number too large: {value!r}")


def parse_number(value, decimal: str = ",") -> float:
    """Parse one number written the Dutch (``decimal=","``) or English (``"."``) way.

    Thousands separators (``.`` in Dutch, ``,`` in English), spaces and a leading ``+`` are
    allowed. Missing cells give ``nan``; anything else raises ``ValueError``.

    Examples
    --------
    >>> parse_number("1.234.567"), parse_number("-3,5"), parse_number("2.5", decimal=".")
    (1234567.0, -3.5, 2.5)
    """
    if _is_missing(value):
        return float("nan")
    _check_finite(value)
    if _is_number(value):
        return float(value)
    s = re.sub(r"[\s\u00a0\u202f']", "", str(value)).lstrip("+").replace("\u2212", "-")
    thousands = "." if decimal == "," else ","
    pattern = rf"-?(\d{{1,3}}(\{thousands}\d{{3}})+|\d+)(\{decimal}\d+)?|-?\{decimal}\d+"
    if not re.fullmatch(pattern, s):
        raise ValueError(f"not a number: {value!r}")
    return float(s.replace(thousands, "").replace(decimal, "."))


def _detect_decimal(values, default: str) -> str:
    """Decimal separator of a column: ``","`` or ``"."`` judged from its text cells."""
    texts = [str(v).strip() for v in values if isinstance(v, str)]
    if any(re.search(r"\d\.\d{3},\d", s) or re.search(r",\d{1,2}$|,\d{4,}$", s) for s in texts):
        return ","
    if any(re.search(r"\d,\d{3}\.\d", s) or re.search(r"\.\d{1,2}$|\.\d{4,}$", s) for s in texts):
        return "."
    return default


def parse_date(value) -> pd.Timestamp:
    """Parse one date as written in Dutch files; missing gives ``NaT``, unreadable raises ``ValueError``.

    Accepts ``3-9-2024``, ``03-09-2024``, ``3/9/24``, ``3.9.2024`` (day first), ISO ``2024-09-03``,
    ``3 september 2024`` / ``3 sep. 2024``, Excel serial numbers (``45538``) and date objects.

    Examples
    --------
    >>> parse_date("03-09-2024") == parse_date(45538) == parse_date("2024-09-03")
    True
    """
    if _is_missing(value):
        return pd.NaT
    _check_finite(value)
    if isinstance(value, (dt.datetime, dt.date, pd.Timestamp, np.datetime64)):
        return pd.Timestamp(value).normalize()
    if _is_number(value) or (isinstance(value, str) and re.fullmatch(r"\d{5}(\.0+)?", value.strip())):
        serial = float(value)
        if not 1 <= serial <= 2958465 or (serial != int(serial) and not _is_number(value)):
            raise ValueError(f"not a date: {value!r}")  # 2958465 = 31-12-9999, Excel's last date
        stamp = EXCEL_EPOCH + pd.Timedelta(days=int(serial))
        if not pd.Timestamp("1950-01-01") <= stamp <= pd.Timestamp("2100-12-31"):
            raise ValueError(f"not a date: {value!r}")
        return stamp
    s = re.sub(r"\s+", " ", str(value).strip().lower())
    s = re.sub(r"^(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|ma|di|wo|do|vr|za|zo)\.?,? ", "", s)
    s = re.sub(r"[ t]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$", "", s)
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", s):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    elif m := re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})", s):
        d, mo, y = int(m[1]), int(m[2]), int(m[3])
        y = y + (2000 if y < 70 else 1900) if len(m[3]) == 2 else y
    elif m := re.fullmatch(rf"(\d{{1,2}})[ -]({_MONTH_RE})\.?[ -](\d{{4}})", s):
        d, mo, y = int(m[1]), MONTHS[m[2]], int(m[3])
    else:
        raise ValueError(f"not a date: {value!r}")
    return pd.Timestamp(dt.date(y, mo, d))  # raises ValueError for 31-2-2024


def parse_period(value) -> tuple[object, str]:
    """Parse one period; return ``(value, freq)``.

    ``freq`` is ``"M"`` (month: ``2024-09``, ``sep 2024``, ``9-2024``), ``"Q"`` (quarter:
    ``2024K3``, ``2024-Q3``, ``K3 2024``), ``"SY"`` (school year 1 Aug–31 Jul: ``2024/2025``,
    ``2024-25``; value is 1 August of the first year), ``"Y"`` (calendar year ``2024``), ``"D"``
    (a full date) or ``"int"`` (a period number such as 1…36). Dates and months are returned as the
    first day of the period.

    Examples
    --------
    >>> parse_period("2024K3")
    (Timestamp('2024-07-01 00:00:00'), 'Q')
    >>> parse_period("2024/2025")
    (Timestamp('2024-08-01 00:00:00'), 'SY')
    """
    if _is_missing(value):
        raise ValueError("missing period")
    _check_finite(value)
    if _is_number(value) and float(value) == int(value):
        n = int(value)
        if 1900 <= n <= 2100:
            return pd.Timestamp(year=n, month=1, day=1), "Y"
        if 0 <= n < 1900:
            return n, "int"
        return parse_date(value), "D"
    if isinstance(value, (dt.datetime, dt.date, pd.Timestamp)):
        return parse_date(value), "D"
    s = re.sub(r"\s+", " ", str(value).strip().lower()).replace("schooljaar ", "").replace("sj ", "")
    if re.fullmatch(r"\d{1,4}", s):
        return parse_period(int(s))
    if m := re.fullmatch(r"(\d{4}) ?[-/] ?(\d{4}|\d{2})", s):
        y1, y2 = int(m[1]), int(m[2])
        if y2 == y1 + 1 or (len(m[2]) == 2 and y2 == (y1 + 1) % 100):
            return pd.Timestamp(year=y1, month=8, day=1), "SY"
        if len(m[2]) <= 2 and 1 <= y2 <= 12:
            return pd.Timestamp(year=y1, month=y2, day=1), "M"
    if m := re.fullmatch(r"(\d{4}) ?[-/]? ?[kq]([1-4])|[kq]([1-4]) ?[-/]? ?(\d{4})", s):
        y, q = (int(m[1]), int(m[2])) if m[1] else (int(m[4]), int(m[3]))
        return pd.Timestamp(year=y, month=3 * q - 2, day=1), "Q"
    if m := re.fullmatch(r"(\d{1,2})[-/](\d{4})", s):
        if 1 <= int(m[1]) <= 12:
            return pd.Timestamp(year=int(m[2]), month=int(m[1]), day=1), "M"
    if m := re.fullmatch(rf"({_MONTH_RE})\.? ?[-']? ?(\d{{4}})", s):
        return pd.Timestamp(year=int(m[2]), month=MONTHS[m[1]], day=1), "M"
    return parse_date(value), "D"


def parse_bool(value) -> float:
    """Parse ja/nee, yes/no, 1/0, x: ``1.0``, ``0.0`` or ``nan`` when missing; else ``ValueError``."""
    if _is_missing(value):
        return float("nan")
    _check_finite(value)
    if _is_number(value) and float(value) in (0.0, 1.0):
        return float(value)
    s = str(value).strip().lower()
    if s in _TRUE:
        return 1.0
    if s in _FALSE:
        return 0.0
    raise ValueError(f"not yes/no: {value!r}")


def _clean_text(value):
    if _is_missing(value):
        return None
    if _is_number(value) and float(value) == int(value):
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return pd.Timestamp(value).strftime("%Y-%m-%d")
    return re.sub(r"\s+", " ", str(value)).strip()


# ------------------------------------------------------------------------------------ reading
def _decode(raw: bytes, path: Path, lang: str) -> tuple[str, str]:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), "UTF-8 (BOM)"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "UTF-16"
    if b"\x00" in raw[:4096]:
        raise InputError(t("bad_text", lang, file=path.name), file=path)
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), "Windows-1252"


def _read_csv_grid(path: Path, report: QualityReport, lang: str) -> tuple[list[list], str]:
    text, encoding = _decode(path.read_bytes(), path, lang)
    lines = [line for line in text.splitlines() if line.strip()][:_SCAN_ROWS]
    sample = "\n".join(lines)
    counts = {d: min((line.count(d) for line in lines[-5:]), default=0) for d in ";\t,|"}
    delimiter = max(counts, key=lambda d: (counts[d], d == ";"))
    if counts[delimiter] == 0:
        try:
            delimiter = csv.Sniffer().sniff(sample, delimiters=";,\t|").delimiter
        except csv.Error:
            delimiter = ";"
    grid = [row for row in csv.reader(_io.StringIO(text, newline=""), delimiter=delimiter)]
    report.notes.append(t("note_encoding", lang, encoding=encoding,
                          delimiter={"\t": "tab"}.get(delimiter, delimiter)))
    return grid, delimiter


def _sheet_score(rows: list[list], spec: KindSpec) -> int:
    return max((len({match_column(c, spec.name) for c in row} - {None}) for row in rows[:_SCAN_ROWS]), default=0)


def _read_excel_grid(path: Path, sheet, spec: KindSpec, report: QualityReport, lang: str) -> list[list]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as err:
        raise InputError(t("bad_excel", lang, file=path.name, detail=type(err).__name__), file=path) from None
    try:
        names = book.sheetnames
        if sheet is not None:
            if isinstance(sheet, int) and 0 <= sheet < len(names):
                sheet = names[sheet]
            if sheet not in names:
                raise InputError(t("sheet_missing", lang, file=path.name, sheet=sheet, sheets=", ".join(names)),
                                 file=path)
            chosen = sheet
        grids = {}
        for name in ([chosen] if sheet is not None else names):
            ws = book[name]
            first = ws.min_row or 1
            rows = [list(r) for r in ws.iter_rows(values_only=True)]
            grids[name] = [[] for _ in range(first - 1)] + rows
        if sheet is None:  # the first sheet whose header fits the kind best
            chosen = max(names, key=lambda n: (_sheet_score(grids[n], spec), -names.index(n)))
    finally:
        book.close()
    report.notes.append(t("note_sheet", lang, sheet=chosen))
    return grids[chosen]


def _find_header(grid: list[list], spec: KindSpec, path: Path, lang: str) -> tuple[int, dict[int, str]]:
    best = (-1, 0, {})
    for i, row in enumerate(grid[:_SCAN_ROWS]):
        mapping: dict[int, str] = {}
        for exact in (True, False):  # exact header names first, then names that start with an alias
            for j, cell in enumerate(row):
                name = None if _is_missing(cell) or j in mapping else match_column(cell, spec.name, exact=exact)
                if name and name not in mapping.values():
                    mapping[j] = name
        n_req = sum(c in mapping.values() for c in spec.required)
        if (n_req, len(mapping)) > (best[1], len(best[2])):
            best = (i, n_req, mapping)
        if n_req == len(spec.required):
            return i, mapping
    row, _, mapping = best
    missing = [c for c in spec.required if c not in mapping.values()]
    aliases = "; ".join(f"{c.name}: {', '.join(c.aliases[:5])}" for c in spec.columns if c.name in missing)
    raise InputError(
        t("no_header", lang, file=path.name, kind=spec.name, required=", ".join(spec.required),
          row=max(row, 0) + 1, missing=", ".join(missing), aliases=aliases),
        file=path, row=max(row, 0) + 1, column=missing[0] if missing else None)


# ------------------------------------------------------------------------------------- parsing
def _parse_column(name: str, ctype: str, raw: pd.Series, decimal: str):
    """Parse a column; return (parsed Series, dict row -> reason key for unreadable cells)."""
    bad: dict = {}
    out = []
    parser = {"int": lambda v: parse_number(v, decimal), "number": lambda v: parse_number(v, decimal),
              "date": parse_date, "bool": parse_bool}.get(ctype)
    for idx, value in raw.items():
        if parser is None:
            out.append(_clean_text(value))
            continue
        try:
            parsed = parser(value)
        except ValueError:
            bad[idx] = {"int": "reason_not_number", "number": "reason_not_number", "date": "reason_not_date",
                        "bool": "reason_not_bool"}[ctype]
            parsed = np.nan if ctype != "date" else pd.NaT
        if ctype == "int" and not pd.isna(parsed) and parsed != int(parsed):
            bad[idx] = "reason_not_integer"
            parsed = np.nan
        out.append(parsed)
    series = pd.Series(out, index=raw.index, name=name)
    if ctype in ("int", "bool"):
        series = series.astype("Int64")
    elif ctype == "number":
        series = series.astype("Float64")
    elif ctype == "date":
        series = pd.to_datetime(series).astype("datetime64[ns]")
    else:
        series = series.astype("object")
    return series, bad


def _parse_periods(raw: pd.Series):
    parsed, bad = {}, {}
    for idx, value in raw.items():
        try:
            parsed[idx] = parse_period(value)
        except ValueError:
            bad[idx] = "reason_not_period"
    freqs = pd.Series([f for _, f in parsed.values()], dtype=object)
    freq = freqs.mode().iloc[0] if len(freqs) else "int"
    if freq == "D" and all(v.day == 1 for v, f in parsed.values() if f == "D"):
        freq = "M"
    compatible = {"M": {"M", "D"}, "D": {"D"}}.get(freq, {freq})
    for idx, (_, f) in list(parsed.items()):
        if f not in compatible:
            bad[idx] = "reason_mixed_periods"
            del parsed[idx]
    values = [parsed[i][0] if i in parsed else None for i in raw.index]
    if freq == "int":
        series = pd.Series(values, index=raw.index, name="period").astype("Int64")
    else:
        series = pd.to_datetime(pd.Series(values, index=raw.index, name="period")).astype("datetime64[ns]")
    return series, bad, freq


def read_table(path, kind: str, *, sheet=None, pseudonymize: bool = True, key=None, raw_items: bool = False,
               lang: str = "nl") -> tuple[pd.DataFrame, QualityReport]:
    """Read a CSV or Excel file into a validated canonical table plus a quality report.

    Parameters
    ----------
    path : str or Path
        A ``.csv``, ``.txt``, ``.tsv`` or ``.xlsx``/``.xlsm`` file.
    kind : {"dossier", "panel", "referrals", "survey", "fragments", "trajectories"}
        Which canonical table the file holds (see ``evaluatie.schemas.KINDS``).
    sheet : str or int, optional
        Excel sheet; by default the sheet whose header fits ``kind`` best.
    pseudonymize : bool, default True
        Replace the identifier column (pupil, respondent, case) by keyed pseudonyms on load.
    key : str, optional
        Pseudonymization key; default :func:`evaluatie.privacy.get_key`.
    raw_items : bool, default False
        ``survey`` only: keep item columns as read (answer labels such as "weet niet" intact) for
        :func:`evaluatie.survey.prepare`, instead of turning text cells into missing numbers.
    lang : {"nl", "en"}
        Language of messages and the report.

    Returns
    -------
    data : DataFrame
        Canonical columns (English names, typed) plus any extra columns from the file.
        ``data.attrs`` holds ``kind``, ``source``, ``period_freq`` (panel) and ``identifier_columns``.
    report : QualityReport
        ``n_read == n_used + n_dropped``; ``report.to_frame()`` lists every dropped or changed row.

    Raises
    ------
    InputError
        When the file cannot be loaded at all (missing, empty, no recognisable header, wrong sheet,
        no usable row); the Dutch message names the file, row and column and how to fix it.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "panel.csv"
    >>> _ = p.write_text("School;Maand;Aantal;Leerlingen\\nA;2024-09;2;1.250\\nA;2024-10;-1;1.250\\n")
    >>> df, rapport = read_table(p, kind="panel")
    >>> df[["unit", "count", "exposure"]].to_dict("records")
    [{'unit': 'A', 'count': 2, 'exposure': 1250.0}]
    >>> rapport.n_read, rapport.n_used, rapport.n_dropped
    (2, 1, 1)
    """
    check_lang(lang)
    spec = check_kind(kind)
    path = Path(path)
    if not path.is_file():
        raise InputError(t("file_not_found", lang, file=path, cwd=Path.cwd()), file=path)
    if path.stat().st_size == 0:
        raise InputError(t("file_empty", lang, file=path.name), file=path)
    report = QualityReport(source=path.name, kind=kind, lang=lang)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        grid, default_decimal = _read_excel_grid(path, sheet, spec, report, lang), ","
    elif suffix in (".csv", ".txt", ".tsv", ""):
        grid, delimiter = _read_csv_grid(path, report, lang)
        default_decimal = "." if delimiter == "," else ","
    else:
        raise InputError(t("unsupported_format", lang, file=path.name, suffix=suffix), file=path)
    if not any(any(not _is_missing(c) for c in row) for row in grid):
        raise InputError(t("file_empty", lang, file=path.name), file=path)
    header_idx, mapping = _find_header(grid, spec, path, lang)
    header = grid[header_idx]
    if header_idx:
        report.notes.append(t("note_header", lang, row=header_idx + 1, n=header_idx))

    # columns: canonical, extra, and personal-data headers that are not loaded
    extra: dict[int, str] = {}
    for j, cell in enumerate(header):
        if j in mapping or _is_missing(cell):
            continue
        hit = privacy.IDENTIFYING_HEADERS.get(normalize_header(cell))
        if hit:
            report.notes.append(t("note_dropped_column", lang, column=cell, kind=hit))
        else:
            extra[j] = _clean_text(cell)
    report.notes.append(t("note_columns", lang, mapping=", ".join(f"'{header[j]}' → {c}" for j, c in mapping.items())))
    if extra:
        report.notes.append(t("note_extra", lang, columns=", ".join(extra.values())))

    data_rows = grid[header_idx + 1:]
    width = max(len(header), max((len(r) for r in data_rows), default=0))
    rownums = list(range(header_idx + 2, header_idx + 2 + len(data_rows)))
    raw = pd.DataFrame([list(r) + [None] * (width - len(r)) for r in data_rows], index=rownums,
                       columns=range(width), dtype=object)
    report.n_read = len(raw)
    if report.n_read == 0:
        raise InputError(t("no_data_rows", lang, file=path.name, row=header_idx + 1), file=path, row=header_idx + 1)
    cols = {**mapping, **extra}
    raw = raw[list(cols)].rename(columns=cols)
    label = {c: (header[j] if j < len(header) else c) for j, c in cols.items()}  # user's own column names

    def drop(idx, column, reason):
        report.add(row=idx, column=label.get(column, column) if column else "", value=raw.at[idx, column]
                   if column in raw.columns else "", reason=reason, action="dropped")

    # 1. blank rows, total rows, exact duplicates
    keep = []
    seen: dict[tuple, int] = {}
    for idx, row in raw.iterrows():
        cells = [_clean_text(v) for v in row]
        if all(c is None for c in cells):
            drop(idx, None, t("reason_blank", lang))
            continue
        if any(c is not None and normalize_header(c) in _TOTAL for c in cells[:4]):
            drop(idx, None, t("reason_total", lang))
            continue
        sig = tuple(cells)
        if sig in seen:
            drop(idx, None, t("reason_duplicate", lang, first=seen[sig]))
            continue
        seen[sig] = idx
        keep.append(idx)
    raw = raw.loc[keep]

    # 2. parse canonical columns
    data = pd.DataFrame(index=raw.index)
    bad_rows: dict = {}
    period_freq = None
    for col in spec.columns:
        if col.name not in raw.columns:
            continue
        if col.type == "period":
            series, bad, freq = _parse_periods(raw[col.name])
            period_freq = freq
        else:
            decimal = _detect_decimal(raw[col.name], default_decimal)
            series, bad = _parse_column(col.name, col.type, raw[col.name], decimal)
        if col.categories:
            lookup = {normalize_header(k): v for k, v in col.categories.items()}
            mapped = pd.Series([None if _is_missing(v) else lookup.get(normalize_header(v), v) for v in series],
                               index=series.index, dtype=object, name=col.name)
            known = set(col.categories.values())
            for idx, v in mapped.items():
                if v is not None and v not in known and col.on_unknown == "warn":
                    report.add(row=idx, column=label[col.name], value=v, action="warning",
                               reason=t("reason_category_kept", lang, allowed=", ".join(sorted(known))))
            series = mapped
        for idx, reason in bad.items():
            bad_rows.setdefault(idx, (col.name, t(reason, lang)))
        if col.required:
            for idx in series.index[series.isna()]:
                if idx not in bad:
                    bad_rows.setdefault(idx, (col.name, t("reason_missing", lang)))
        data[col.name] = series
    for j, name in extra.items():
        data[name] = raw[name].map(_clean_text).astype("object")
    for idx, (column, reason) in bad_rows.items():
        drop(idx, column, reason)
    data = data.drop(index=list(bad_rows))

    # 3. survey items: numeric columns, with text cells reported and treated as missing
    if spec.extra_numeric and not raw_items:
        for name in extra.values():
            values = raw.loc[data.index, name]
            decimal = _detect_decimal(values, default_decimal)
            numeric, text_cells = {}, []
            for idx, v in values.items():
                try:
                    numeric[idx] = parse_number(v, decimal)
                except ValueError:
                    text_cells.append(idx)
            n_filled = sum(not _is_missing(v) for v in values)
            if n_filled and len(text_cells) <= 0.5 * n_filled:
                for idx in text_cells:
                    report.add(row=idx, column=name, value=values[idx], action="changed",
                               reason=t("reason_text_in_number", lang))
                data[name] = pd.Series(numeric, dtype="Float64").reindex(data.index)

    # 4. schema checks (ranges, categories, date order), then duplicate keys
    for case in failures(data, kind, lang).itertuples(index=False):
        if case.index in data.index:
            drop(case.index, case.column, case.reason)
            data = data.drop(index=case.index)
    keys = [k for k in spec.keys if k in data.columns]
    if keys:
        dup = data.duplicated(subset=keys, keep=False)
        firsts: dict[tuple, int] = {}
        for idx in data.index[dup]:
            k = tuple(data.loc[idx, keys])
            if k in firsts:
                drop(idx, keys[0], t("reason_duplicate_key", lang, keys=" × ".join(label.get(c, c) for c in keys),
                                     first=firsts[k]))
            else:
                firsts[k] = idx
        data = data.drop(index=[i for i in data.index[dup] if i not in firsts.values()])

    if data.empty:
        first = report.entries[0] if report.entries else {"row": None, "column": "", "reason": ""}
        raise InputError(t("no_usable_rows", lang, file=path.name, row=first["row"], column=first["column"],
                           reason=first["reason"]), file=path, row=first["row"], column=first["column"])

    # 5. privacy: flag personal data, pseudonymize the identifier column
    text_cols = [c for c in data.columns if c != spec.identifier and data[c].dtype == object]
    for hit in privacy.find_identifiers(data, columns=text_cols).itertuples(index=False):
        report.add(row=hit.row, column=label.get(hit.column, hit.column), value=hit.value, action="warning",
                   reason=t("reason_identifier", lang, kind=hit.kind))
        if hit.column not in report.identifier_columns:
            report.identifier_columns.append(hit.column)
    if spec.identifier and pseudonymize:
        ident = spec.identifier
        for hit in privacy.find_identifiers(data, columns=[ident]).itertuples(index=False):
            report.add(row=hit.row, column=label[ident], value=hit.value, action="warning",
                       reason=t("reason_identifier_pseudo", lang, kind=hit.kind))
        if key is None:
            key, source, note = privacy.get_key(lang=lang)
            if note:
                report.notes.append(note)
        else:
            source = "opgegeven sleutel" if lang == "nl" else "given key"
        data[ident] = privacy.pseudonymize(data[ident], key)
        report.notes.append(t("note_pseudonymized", lang, columns=label[ident], key_source=source))

    data.index.name = "row"
    data = data.reset_index(drop=False).rename(columns={"row": "source_row"})
    data.attrs.update({"kind": kind, "source": path.name, "identifier_columns": list(report.identifier_columns)})
    if period_freq:
        data.attrs["period_freq"] = period_freq
    return data, report


# ------------------------------------------------------------------------------------- writing
FIXED_TIME = "2024-01-01T00:00:00Z"


def save_workbook(book, path) -> Path:
    """Save an openpyxl workbook byte-for-byte reproducibly (fixed zip and document timestamps)."""
    path = Path(path)
    buffer = _io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(buffer) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)", rb"\g<1>" +
                              FIXED_TIME.encode() + rb"\g<3>", data)
            info = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = item.external_attr
            zout.writestr(info, data)
    return path


def write_template(kind: str, path, lang: str = "nl") -> Path:
    """Write an empty Excel input template for ``kind``: a data sheet with the Dutch headers and
    drop-down lists for categorical columns, and a sheet explaining every column with an example.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = write_template("trajectories", pathlib.Path(tempfile.mkdtemp()) / "trajecten.xlsx")
    >>> p.suffix
    '.xlsx'
    """
    import openpyxl
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    spec = check_kind(kind)
    nl = check_lang(lang) == "nl"
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Gegevens" if nl else "Data"
    headers = [next((a for a in c.aliases if a != c.name), c.name) if nl else c.name for c in spec.columns]
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for j, col in enumerate(spec.columns, start=1):
        letter = openpyxl.utils.get_column_letter(j)
        ws.column_dimensions[letter].width = max(14, len(headers[j - 1]) + 4)
        if col.categories:
            labels = {"first": "eerstelijns", "second": "tweedelijns"} if nl else {}
            options = [labels.get(v, v) for v in sorted(set(col.categories.values()))]
            dv = DataValidation(type="list", formula1='"' + ",".join(options) + '"', allow_blank=not col.required)
            dv.error = "Kies een waarde uit de lijst." if nl else "Choose a value from the list."
            ws.add_data_validation(dv)
            dv.add(f"{letter}2:{letter}5000")
        if col.type == "bool":
            dv = DataValidation(type="list", formula1='"ja,nee"' if nl else '"yes,no"', allow_blank=True)
            ws.add_data_validation(dv)
            dv.add(f"{letter}2:{letter}5000")
    info = book.create_sheet("Uitleg" if nl else "Explanation")
    info.append(["Kolom" if nl else "Column", "Verplicht" if nl else "Required", "Uitleg" if nl else "Meaning",
                 "Voorbeeld" if nl else "Example",
                 "Andere toegestane kolomnamen" if nl else "Other accepted column names"])
    for cell in info[1]:
        cell.font = Font(bold=True)
    for h, col in zip(headers, spec.columns):
        info.append([h, ("ja" if col.required else "nee") if nl else ("yes" if col.required else "no"),
                     col.help_nl if nl else col.help_en, col.example, ", ".join(col.aliases)])
    info.append([])
    info.append([spec.description["nl" if nl else "en"]])
    if spec.extra_numeric:
        info.append(["Voeg per vraag een kolom toe (antwoord 1-5); open antwoorden als tekst." if nl else
                     "Add one column per item (answer 1-5); open answers as text."])
    info.append(["Zet geen namen, BSN of geboortedata in dit bestand." if nl else
                 "Do not put names, BSNs or birth dates in this file."])
    for letter, width in zip("ABCDE", (22, 10, 70, 20, 60)):
        info.column_dimensions[letter].width = width
    return save_workbook(book, path)
