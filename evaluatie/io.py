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
from typing import Literal

import numpy as np
import pandas as pd

from . import privacy
from .errors import InputError
from .quality import QualityReport, flag_units
from .schemas import ColumnSpec, KindSpec, allowed_values, check_kind, failures, match_column, normalize_header
from .text import check_lang, format_date, t

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
DateOrder = Literal["dmy", "mdy"]
DATE_ORDERS: tuple[str, ...] = ("dmy", "mdy")
#: Two-digit years below this are read as 20xx, the others as 19xx (``3-9-24`` is 2024, ``3-9-85`` is 1985).
TWO_DIGIT_PIVOT = 70
_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})")


# --------------------------------------------------------------------------------------- cells
def _is_missing(value) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and np.isnan(value):
        return True
    return isinstance(value, str) and value.strip() in {"", "-", "n.v.t.", "nvt", "NA", "#N/A", "onbekend"}


#: Words for "no date yet" in an optional date column: in an end date, a child still waiting (the case is
#: open, censored at the reference date); dropping those rows would remove exactly the longest waits.
STILL_OPEN = frozenset({
    "nog niet", "nog niet geplaatst", "nog geen", "nog geen plek", "nog geen plaats", "nog geen plaatsing",
    "nog geen aanbod", "nog geen passend aanbod", "loopt nog", "loopt", "lopend", "nog lopend", "nog open",
    "open", "wacht nog", "wachtend", "wacht", "in afwachting", "staat nog open", "nog bezig", "nog onbekend",
})


def is_still_open(value) -> bool:
    """True for a cell that says the date is not there yet ("nog niet", "loopt nog", "nog open", "wacht nog").

    Examples
    --------
    >>> is_still_open("Nog niet!"), is_still_open("loopt  nog"), is_still_open("3-9-2024")
    (True, True, False)
    """
    if not isinstance(value, str):
        return False
    return re.sub(r"\s+", " ", value.strip().lower()).strip(" .!?…") in STILL_OPEN


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


def parse_date(value, order: DateOrder = "dmy") -> pd.Timestamp:
    """Parse one date as written in Dutch files; missing gives ``NaT``, unreadable raises ``ValueError``.

    Accepts ``3-9-2024``, ``03-09-2024``, ``3/9/24``, ``3.9.2024`` (day first; month first with
    ``order="mdy"``), ISO ``2024-09-03``, ``3 september 2024`` / ``3 sep. 2024``, Excel serial
    numbers (``45538``) and date objects; year first also with slashes or dots (``2024/09/03``,
    always year-month-day). Two-digit years below ``TWO_DIGIT_PIVOT`` (70) are read
    as 20xx, the others as 19xx. :func:`read_table` decides ``order`` per column from all its values.

    Examples
    --------
    >>> parse_date("03-09-2024") == parse_date(45538) == parse_date("2024-09-03")
    True
    >>> parse_date("09/13/2024", order="mdy")
    Timestamp('2024-09-13 00:00:00')
    """
    if order not in DATE_ORDERS:
        raise ValueError(f"order must be one of {DATE_ORDERS}, got {order!r}")
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
    if m := re.fullmatch(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})", s):  # year first: always year-month-day
        y, mo, d = int(m[1]), int(m[3]), int(m[4])
    elif m := _DMY.fullmatch(s):
        d, mo, y = int(m[1]), int(m[2]), int(m[3])
        if order == "mdy":
            d, mo = mo, d
        y = y + (2000 if y < TWO_DIGIT_PIVOT else 1900) if len(m[3]) == 2 else y
    elif m := re.fullmatch(rf"(\d{{1,2}})[ -]({_MONTH_RE})\.?[ -](\d{{4}})", s):
        d, mo, y = int(m[1]), MONTHS[m[2]], int(m[3])
    else:
        raise ValueError(f"not a date: {value!r}")
    return pd.Timestamp(dt.date(y, mo, d))  # raises ValueError for 31-2-2024


def parse_period(value, order: DateOrder = "dmy") -> tuple[object, str]:
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

    ``order`` (``"dmy"`` or ``"mdy"``) is passed on to :func:`parse_date` for full dates.
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
        return parse_date(value, order), "D"
    if isinstance(value, (dt.datetime, dt.date, pd.Timestamp)):
        return parse_date(value, order), "D"
    s = re.sub(r"\s+", " ", str(value).strip().lower()).replace("schooljaar ", "").replace("sj ", "")
    if re.fullmatch(r"\d{1,4}", s):
        return parse_period(int(s), order)
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
    return parse_date(value, order), "D"


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
_EMPTY_RUN = 1000  # Excel: an empty stretch longer than this is skipped without storing its rows
_PROGRESS_ROWS = 100_000
_CHECK_CHUNK = 200_000  # rows per schema check
_XML_CHUNK = 1 << 22  # bytes of sheet XML scanned at a time for merged cells and formulas


def _decode(raw: bytes, path: Path, lang: str) -> tuple[bytes, str, list[int]]:
    """UTF-8 bytes of a text file, the encoding found, and the lines that were Windows-1252.

    A file that is valid UTF-8 is used as is. Otherwise every line is decoded on its own: UTF-8
    where it is valid, Windows-1252 where not, so a file mixing both (one line pasted from an old
    export) is not garbled. The Windows-1252 lines are returned when the file mixes both.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16").encode("utf-8"), "UTF-16", []
    label = "UTF-8"
    if raw.startswith(b"\xef\xbb\xbf"):
        raw, label = raw[3:], "UTF-8 (BOM)"
    if b"\x00" in raw[:4096]:
        raise InputError(t("bad_text", lang, file=path.name), file=path)
    try:
        raw.decode("utf-8")
        return raw, label, []
    except UnicodeDecodeError:
        pass
    if not re.search(rb"[\xc2-\xf4][\x80-\xbf]", raw):  # no UTF-8 sequence at all: a Windows-1252 file
        return raw.decode("cp1252", errors="replace").encode("utf-8"), "Windows-1252", []
    lines = raw.split(b"\n")
    cp1252 = []
    for i, line in enumerate(lines):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            lines[i] = line.decode("cp1252", errors="replace").encode("utf-8")
            cp1252.append(i + 1)
    return b"\n".join(lines), "UTF-8 + Windows-1252", cp1252


def _sniff_delimiter(head: str) -> str:
    lines = [line for line in head.splitlines() if line.strip()][:_SCAN_ROWS]
    counts = {d: min((line.count(d) for line in lines[-5:]), default=0) for d in ";\t,|"}
    delimiter = max(counts, key=lambda d: (counts[d], d == ";"))
    if counts[delimiter] == 0:
        try:
            delimiter = csv.Sniffer().sniff("\n".join(lines), delimiters=";,\t|").delimiter
        except csv.Error:
            delimiter = ";"
    return delimiter


def _swallowed_lines(text: str, delimiter: str, width: int, unterminated: bool = False) -> tuple[int, int] | None:
    """First and last physical line of the record in which a stray quote swallowed whole lines.

    A quoted cell may legitimately span lines (a note typed with Alt+Enter); it is a stray quote when
    a line inside the cell holds as many delimiters as a full record. With ``unterminated`` (the quote
    never closes) the last record is returned.
    """
    reader = csv.reader(_io.StringIO(text, newline=""), delimiter=delimiter)
    start, span = 1, None
    for record in reader:
        span = (start, reader.line_num)
        for field_ in record:
            lines = field_.splitlines()
            if len(lines) > 1 and any(line.count(delimiter) >= max(1, width - 1) for line in lines):
                return span
        start = reader.line_num + 1
    return span if unterminated else None


def _read_csv_raw(path: Path, report: QualityReport, lang: str) -> tuple[pd.DataFrame, str, list[int]]:
    """All records of a CSV as categorical string columns (each distinct cell stored and parsed once),
    indexed by line number; also the delimiter and the lines decoded as Windows-1252."""
    data, encoding, cp1252 = _decode(path.read_bytes(), path, lang)
    delimiter = _sniff_delimiter(data[:200_000].decode("utf-8", errors="ignore"))
    head = data[:200_000].decode("utf-8", errors="ignore").splitlines()[:_SCAN_ROWS]
    width = max((len(r) for r in csv.reader(head, delimiter=delimiter)), default=1)
    for _ in range(50):  # widen when a later line has more fields than the first lines
        try:
            frame = pd.read_csv(_io.BytesIO(data), sep=delimiter, header=None, names=range(width), dtype="category",
                                na_filter=False, skip_blank_lines=False, engine="c", encoding="utf-8",
                                quotechar='"', doublequote=True)
            break
        except pd.errors.ParserError as err:
            if m := re.search(r"Expected \d+ fields in line \d+, saw (\d+)", str(err)):
                width = int(m[1])
                continue
            if "EOF inside string" in str(err):  # the quote never closes: the rest of the file would be one cell
                start, end = _swallowed_lines(data.decode("utf-8"), delimiter, width, unterminated=True)
                raise InputError(t("stray_quote", lang, file=path.name, line=start, end=end), file=path,
                                 row=start) from None
            raise InputError(t("bad_csv", lang, file=path.name, detail=str(err).split(":")[-1].strip()),
                             file=path) from None
    else:  # pragma: no cover - more than 50 widenings
        raise InputError(t("bad_csv", lang, file=path.name, detail="te veel kolommen"), file=path)
    # records against physical lines: a quoted cell over several lines shifts every later line number
    n_lines = data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n") + (not data.endswith((b"\n", b"\r")))
    rows = np.arange(1, len(frame) + 1)
    if n_lines != len(frame):
        extra = np.zeros(len(frame), dtype=np.int64)
        for col in frame.columns:
            cats = frame[col].cat.categories
            breaks = np.asarray(pd.Index(cats, dtype=object).str.count(r"\r\n|\r|\n"), dtype=np.int64)
            if breaks.any():
                codes = frame[col].cat.codes.to_numpy()
                extra += np.where(codes >= 0, np.append(breaks, 0)[codes], 0)
        if extra.any():
            swallowed = _swallowed_lines(data.decode("utf-8"), delimiter, width)
            if swallowed:
                raise InputError(t("stray_quote", lang, file=path.name, line=swallowed[0], end=swallowed[1]),
                                 file=path, row=swallowed[0])
            rows = 1 + np.concatenate([[0], np.cumsum(1 + extra)[:-1]])
            report.notes.append(t("note_multiline", lang, lines=_list_numbers(rows[extra > 0])))
    frame.index = rows
    report.notes.append(t("note_encoding", lang, encoding=encoding,
                          delimiter={"\t": "tab"}.get(delimiter, delimiter)))
    if cp1252:
        report.notes.append(t("note_mixed_encoding", lang, n=len(cp1252), lines=_list_numbers(cp1252)))
    return frame, delimiter, cp1252


def _list_numbers(numbers, limit: int = 10) -> str:
    numbers = [int(n) for n in numbers]
    shown = ", ".join(map(str, numbers[:limit]))
    return shown + (f" … (+{len(numbers) - limit})" if len(numbers) > limit else "")


def _sheet_score(rows: list[list], spec: KindSpec) -> tuple[int, int]:
    """(required columns found, all columns found) in the best header row of a sheet's first rows."""
    best = (0, 0)
    for row in rows[:_SCAN_ROWS]:
        found = {match_column(c, spec.name) for c in row if not _is_missing(c)} - {None}
        best = max(best, (sum(c in found for c in spec.required), len(found)))
    return best


def _sheet_xml_scan(book, ws) -> tuple[list[str], list[str]]:
    """Merged ranges and formula cells without a cached value, read from the sheet XML in chunks."""
    merged, no_value = [], []
    pattern = re.compile(rb'<mergeCell ref="([A-Z]+\d+:[A-Z]+\d+)"|<c r="([A-Z]+\d+)"[^>]*>\s*<f[^>]*(?:/>|>[^<]*</f>)'
                         rb'\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>')
    tail = b""
    with book._archive.open(ws._worksheet_path) as fh:
        while True:
            chunk = fh.read(_XML_CHUNK)
            buf = tail + chunk
            # the last cell or merge tag may be cut by the chunk boundary: search it again with the next chunk
            cut = max(buf.rfind(b"<c "), buf.rfind(b"<mergeCell")) if chunk else len(buf)
            if cut < 0:
                cut = max(len(buf) - 20, 0)
            for m in pattern.finditer(buf, 0, cut):
                (merged if m[1] else no_value).append((m[1] or m[2]).decode())
            tail = buf[cut:]
            if not chunk:
                return merged, no_value


def open_workbook(path: Path, lang: str = "nl"):
    """The workbook, streamed with cached values (never formulas); a damaged file is an InputError naming it."""
    import openpyxl

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, TypeError) as err:
        raise InputError(t("bad_excel", lang, file=path.name, detail=type(err).__name__), file=path) from None


def _read_excel_raw(path: Path, sheet, spec: KindSpec, report: QualityReport, lang: str) -> pd.DataFrame:
    """The chosen sheet as an object frame indexed by Excel row number, read in streaming mode."""
    from openpyxl.utils import range_boundaries

    book = open_workbook(path, lang)
    try:
        names = book.sheetnames
        hidden = [n for n in names if book[n].sheet_state != "visible"]
        visible = [n for n in names if n not in hidden]
        if sheet is not None:
            if isinstance(sheet, int) and 0 <= sheet < len(names):
                sheet = names[sheet]
            if sheet not in names:
                raise InputError(t("sheet_missing", lang, file=path.name, sheet=sheet, sheets=", ".join(names)),
                                 file=path)
            chosen = sheet
            if chosen in hidden:
                report.notes.append(t("note_hidden_chosen", lang, sheet=chosen))
        else:
            if not visible:
                raise InputError(t("no_visible_sheet", lang, file=path.name), file=path)
            scores = {}
            for name in visible:  # only the first rows of each visible sheet
                ws = book[name]
                ws.reset_dimensions()
                scores[name] = _sheet_score([list(r) for _, r in zip(range(_SCAN_ROWS), ws.iter_rows(values_only=True))],
                                            spec)
            complete = [n for n in visible if scores[n][0] == len(spec.required)]
            if len(complete) > 1:
                raise InputError(t("several_sheets", lang, file=path.name, kind=spec.name, sheets=", ".join(
                    f"'{n}'" for n in complete), first=complete[0]), file=path)
            chosen = complete[0] if complete else max(visible, key=lambda n: (scores[n], -visible.index(n)))
            if hidden:
                report.notes.append(t("note_hidden_skipped", lang, sheets=", ".join(f"'{n}'" for n in hidden)))
        ws = book[chosen]
        merged, no_value = _sheet_xml_scan(book, ws)
        ws.reset_dimensions()  # the declared size (e.g. A1:XFD1048576) is not trusted
        rows: list[list] = []
        index: list[int] = []
        empty_run, skipped = 0, []
        for i, row in enumerate(ws.iter_rows(values_only=True), start=1):
            if not row:  # rows absent from the file come as one shared empty tuple: cheap to skip
                empty_run += 1
                continue
            values = list(row)
            while values and _is_missing(values[-1]):
                values.pop()
            if not values:
                empty_run += 1
                continue
            if empty_run:
                if index and empty_run <= _EMPTY_RUN:
                    rows.extend([[]] * empty_run)
                    index.extend(range(i - empty_run, i))
                elif index:
                    skipped.append((i - empty_run, i - 1))
                empty_run = 0
            rows.append(values)
            index.append(i)
    finally:
        book.close()
    report.notes.append(t("note_sheet", lang, sheet=chosen))
    if skipped:
        report.notes.append(t("note_empty_skipped", lang, ranges=", ".join(f"{a}–{b}" for a, b in skipped)))
    width = max((len(r) for r in rows), default=0)
    frame = pd.DataFrame([r + [None] * (width - len(r)) for r in rows], index=np.asarray(index, dtype=np.int64),
                         columns=range(width), dtype=object)
    if no_value:  # openpyxl would read these cells as empty
        raise InputError(t("formula_no_value", lang, file=path.name, sheet=chosen, cells=_list_cells(no_value)),
                         file=path, row=int(re.sub(r"[A-Z]", "", no_value[0])))
    filled = []
    for ref in merged:
        min_col, min_row, max_col, max_row = range_boundaries(ref)
        if max_row == min_row or min_row not in frame.index or min_col - 1 >= width:
            continue
        targets = [r for r in range(min_row + 1, max_row + 1) if r in frame.index]
        value = frame.at[min_row, min_col - 1]
        if targets and not _is_missing(value):
            frame.loc[targets, min_col - 1] = value
            filled.append(f"{ref} ('{_clean_text(value)}')")
    if filled:
        report.notes.append(t("note_merged", lang, ranges="; ".join(filled)))
    return frame


def _list_cells(cells: list[str], limit: int = 8) -> str:
    return ", ".join(cells[:limit]) + (f" … (+{len(cells) - limit})" if len(cells) > limit else "")


def _find_header(grid: list[list], spec: KindSpec, path: Path, lang: str,
                 rownums: list[int], items: frozenset = frozenset()) -> tuple[int, dict[int, str]]:
    """Position (in ``grid``) of the header row and its mapping column position -> canonical name.

    ``items``: normalized headers (:func:`normalize_header`) that are questionnaire items; they are
    never taken as a canonical column (the codebook item wins)."""
    best = (-1, 0, {})
    for i, row in enumerate(grid[:_SCAN_ROWS]):
        mapping: dict[int, str] = {}
        for exact in (True, False):  # exact header names first, then names that start with an alias
            for j, cell in enumerate(row):
                item = not _is_missing(cell) and normalize_header(cell) in items
                name = None if _is_missing(cell) or item or j in mapping else match_column(cell, spec.name,
                                                                                             exact=exact)
                if name and name not in mapping.values():
                    mapping[j] = name
        n_req = sum(c in mapping.values() for c in spec.required)
        if (n_req, len(mapping)) > (best[1], len(best[2])):
            best = (i, n_req, mapping)
        if n_req == len(spec.required):
            return i, mapping
    row, _, mapping = best
    missing = [c for c in spec.required if c not in mapping.values()]
    def named(name):  # the Dutch header a user would write, with the canonical name
        col = spec.column(name)
        return f"{col.label} ({name})" if lang == "nl" and col.header else name

    aliases = "; ".join(f"{named(c.name)}: {', '.join(a for a in c.aliases[:6] if a != normalize_header(c.name))}"
                        for c in spec.columns if c.name in missing)
    raise InputError(
        t("no_header", lang, file=path.name, kind=spec.name, required=", ".join(named(c) for c in spec.required),
          row=rownums[max(row, 0)], missing=", ".join(named(c) for c in missing), aliases=aliases),
        file=path, row=rownums[max(row, 0)], column=missing[0] if missing else None)


def _check_header_names(header, mapping, extra, spec: KindSpec, path: Path, row: int, lang: str) -> None:
    """Refuse duplicate header names and extra columns named like an output column (no silent renaming)."""
    seen: dict[str, int] = {}
    for j in sorted({**mapping, **extra}):
        name = _clean_text(header[j]).casefold()
        if name in seen:
            from openpyxl.utils import get_column_letter  # only for the message (the import takes half a second)

            raise InputError(t("duplicate_header", lang, file=path.name, column=_clean_text(header[j]), row=row,
                               letters=f"{get_column_letter(seen[name] + 1)} en {get_column_letter(j + 1)}"),
                             file=path, row=row, column=_clean_text(header[j]))
        seen[name] = j
    reserved = {c.name for c in spec.columns} | {"source_row"}
    for j, name in extra.items():
        if name in reserved:
            raise InputError(t("reserved_header", lang, file=path.name, column=name, row=row,
                               reserved=", ".join(sorted(reserved))), file=path, row=row, column=name)


def _loaded_columns(header, mapping, spec: KindSpec, report: QualityReport, path: Path, header_row: int,
                    lang: str) -> dict[int, str]:
    """Columns to load (position → canonical or extra name): canonical, then extra columns; headers that
    announce personal data are not loaded (noted in ``report``). Shared by :func:`read_table` and the
    DuckDB path of :func:`evaluatie.zorgvraag.panel_from_file`."""
    extra: dict[int, str] = {}
    for j, cell in enumerate(header):
        if j in mapping or _is_missing(cell):
            continue
        hit = privacy.header_kind(cell)
        if hit:
            report.notes.append(t("note_dropped_column", lang, column=cell, kind=hit))
        else:
            extra[j] = _clean_text(cell)
    _check_header_names(header, mapping, extra, spec, path, header_row, lang)
    for j, name in mapping.items():  # a canonical column whose header announces personal data
        hit = privacy.header_kind(header[j])
        if hit:
            report.notes.append(t("note_personal_canonical", lang, column=header[j], kind=hit,
                                  role=spec.column(name).label))
            if name != spec.identifier:
                report.identifier_columns.append(name)
    # the template's Dutch header in Dutch, the canonical (English) column name in English
    report.notes.append(t("note_columns", lang, mapping=", ".join(
        f"'{header[j]}' → {spec.column(c).label if lang == 'nl' else c}" for j, c in mapping.items())))
    if extra:
        report.notes.append(t("note_extra", lang, columns=", ".join(extra.values())))
    return {**mapping, **extra}


# ------------------------------------------------------------------------------------- parsing
_MISSING_TEXT = {"", "-", "n.v.t.", "nvt", "NA", "#N/A", "onbekend"}
_REASON = {"int": "reason_not_number", "number": "reason_not_number", "date": "reason_not_date",
           "bool": "reason_not_bool"}


def _remark_rows(ids: list, blank: np.ndarray, value, columns: list) -> np.ndarray:
    """Rows at the end of the table that are a remark ("Let op: dossiers groep 8 nog niet gelezen"), not data.

    From the last row up, skipping blank rows: a row with exactly one filled cell whose text is a
    sentence (a colon, closing punctuation or six words or more) that occurs once in its column. Only
    the last rows are looked at, and no reference to the per-column ids outlives the call (they are
    large: one int32 per row and column).
    """
    note = np.zeros(len(blank), dtype=bool)
    if len(ids) < 2:
        return note
    for pos in range(len(blank) - 1, -1, -1):
        if blank[pos]:
            continue
        filled = [i for i, v in enumerate(ids) if v[pos] >= 0]
        if len(filled) != 1:
            break
        text = str(value(columns[filled[0]], pos)).strip()
        sentence = ":" in text or text[-1:] in ".!?" or len(text.split()) >= 6
        if not sentence or int((ids[filled[0]] == ids[filled[0]][pos]).sum()) > 1:
            break
        note[pos] = True
    return note


def _school_from_pupil(factors: dict, keep: np.ndarray, rows: np.ndarray, label: dict, report: QualityReport,
                       lang: str) -> None:
    """Dossier: an empty school cell on a row of a pupil whose other rows name exactly one school gets that school.

    Students write the school once per pupil (or once per block) and leave it empty on the pupil's next rows.
    Each filled cell is reported as changed, with the row it was taken from; a pupil with rows at two schools,
    or with no school at all, is left as it is (the row is dropped for its missing school, as before).
    ``factors["school"]`` and ``report.row_units`` are updated in place.
    """
    s_codes, s_uniques = factors["school"]
    p_codes, p_uniques = factors["pupil"]
    blank_s = np.append([v is None or not str(v).strip() for v in _clean_uniques(s_uniques)], True)[s_codes]
    blank_p = np.append([v is None or not str(v).strip() for v in _clean_uniques(p_uniques)], True)[p_codes]
    empty = blank_s & ~blank_p & keep
    if not empty.any():
        return
    known = ~blank_s & ~blank_p & keep
    seen = pd.DataFrame({"pupil": p_codes[known], "school": s_codes[known], "row": rows[known]})
    per_pupil = seen.groupby("pupil").agg(n=("school", "nunique"), school=("school", "first"), row=("row", "first"))
    single = per_pupil[per_pupil["n"] == 1]
    positions = np.flatnonzero(empty)
    positions = positions[np.isin(p_codes[positions], single.index.to_numpy())]
    if not len(positions):
        return
    s_codes = s_codes.copy()
    s_codes[positions] = single.loc[p_codes[positions], "school"].to_numpy()
    factors["school"] = (s_codes, s_uniques)
    names = _take(_clean_uniques(s_uniques), s_codes[positions], "")
    if isinstance(report.row_units, pd.Series):
        report.row_units.loc[rows[positions]] = names
    for pos, source in zip(positions, single.loc[p_codes[positions], "row"].to_numpy()):
        report.add(row=int(rows[pos]), column=label.get("school", "school"), value="", action="changed",
                   reason=t("reason_school_from_pupil", lang, row=int(source)))


def _factorize(series: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Codes (``-1`` = empty cell) and distinct values of a raw column, so every distinct cell is parsed once."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        series = series.cat.remove_unused_categories()
        return series.cat.codes.to_numpy(), series.cat.categories.to_numpy(dtype=object)
    codes, uniques = pd.factorize(series.to_numpy(dtype=object), use_na_sentinel=True)
    return codes, np.asarray(uniques, dtype=object)


def _take(values: np.ndarray, codes: np.ndarray, fill=None) -> np.ndarray:
    """``values[codes]`` with ``fill`` where the code is ``-1`` (an empty cell)."""
    out = np.append(np.asarray(values, dtype=object), np.array([fill], dtype=object))
    return out[codes]


def _missing_uniques(uniques: np.ndarray) -> np.ndarray:
    return np.fromiter((_is_missing(v) for v in uniques), dtype=bool, count=len(uniques))


def _clean_uniques(uniques: np.ndarray) -> np.ndarray:
    """:func:`_clean_text` of every distinct value; strings vectorized (trim, collapse white space)."""
    out = np.empty(len(uniques), dtype=object)
    is_str = np.fromiter((isinstance(v, str) for v in uniques), dtype=bool, count=len(uniques))
    if is_str.any():
        text = pd.Index(uniques[is_str], dtype=object)
        cleaned = text.str.replace(r"\s+", " ", regex=True).str.strip()
        stripped = text.str.strip()
        cleaned = np.where(stripped.isin(list(_MISSING_TEXT)), None, cleaned.to_numpy(dtype=object))
        out[is_str] = cleaned
    for i in np.flatnonzero(~is_str):
        out[i] = _clean_text(uniques[i])
    return out


def _parse_uniques(uniques: np.ndarray, parser) -> tuple[np.ndarray, np.ndarray]:
    """Apply a scalar parser to every distinct value: (parsed values, True where it raised ValueError)."""
    parsed = np.empty(len(uniques), dtype=object)
    bad = np.zeros(len(uniques), dtype=bool)
    for i, v in enumerate(uniques):
        try:
            parsed[i] = parser(v)
        except ValueError:
            bad[i] = True
    return parsed, bad


_FAST_NUMBER = {",": r"-?\d{1,3}(\.\d{3})*(,\d+)?|-?\d+(,\d+)?", ".": r"-?\d{1,3}(,\d{3})*(\.\d+)?|-?\d+(\.\d+)?"}


def _parse_numbers(uniques: np.ndarray, decimal: str) -> tuple[np.ndarray, np.ndarray]:
    """Numbers for distinct values: plain strings vectorized (``str.replace`` + ``to_numeric``), the rest per cell."""
    parsed = np.full(len(uniques), np.nan)
    done = np.zeros(len(uniques), dtype=bool)
    is_str = np.fromiter((isinstance(v, str) for v in uniques), dtype=bool, count=len(uniques))
    if is_str.sum() > 1000:
        text = pd.Series(uniques[is_str], dtype=object).str.strip()
        ok = text.str.fullmatch(_FAST_NUMBER[decimal]).fillna(False).to_numpy(dtype=bool)
        thousands = "." if decimal == "," else ","
        values = pd.to_numeric(text[ok].str.replace(thousands, "", regex=False).str.replace(decimal, ".", regex=False))
        where = np.flatnonzero(is_str)[ok]
        parsed[where] = values.to_numpy(dtype=float)
        done[where] = True
    bad = np.zeros(len(uniques), dtype=bool)
    for i in np.flatnonzero(~done):
        try:
            parsed[i] = parse_number(uniques[i], decimal)
        except ValueError:
            bad[i] = True
    return parsed, bad


def _parse_dates(uniques: np.ndarray, order: str) -> tuple[np.ndarray, np.ndarray]:
    """Dates for distinct values: ISO strings vectorized (``pd.to_datetime`` with a format), the rest per cell."""
    parsed = np.full(len(uniques), np.datetime64("NaT"), dtype="datetime64[ns]")
    done = np.zeros(len(uniques), dtype=bool)
    is_str = np.fromiter((isinstance(v, str) for v in uniques), dtype=bool, count=len(uniques))
    if is_str.sum() > 1000:
        text = pd.Series(uniques[is_str], dtype=object).str.strip()
        iso = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
        ok = iso.notna().to_numpy() & (iso >= "1900-01-01").to_numpy()
        where = np.flatnonzero(is_str)[ok]
        parsed[where] = iso[ok].to_numpy(dtype="datetime64[ns]")
        done[where] = True
    bad = np.zeros(len(uniques), dtype=bool)
    for i in np.flatnonzero(~done):
        try:
            parsed[i] = _to_datetime64(parse_date(uniques[i], order))
        except ValueError:
            bad[i] = True
    return parsed, bad


def _to_datetime64(stamp) -> np.datetime64:
    return np.datetime64("NaT", "ns") if pd.isna(stamp) else stamp.to_datetime64().astype("datetime64[ns]")


def _date_evidence(uniques: np.ndarray) -> dict:
    """Day/month evidence of the distinct values of one date column.

    Per value ``evidence`` is ``"dmy"`` (only day-first fits, ``13-2-2024``), ``"mdy"`` (only month-first
    fits, ``2-13-2024``), ``"?"`` (both fit, ``10-2-2024``) or ``""`` (no day/month question: ISO, a month
    name, an Excel date, a day equal to its month). Also returns the counts ``dmy``, ``mdy``, ``ambiguous``,
    ``two_digit`` (values with a two-digit year) and ``swapped`` (per value: day and month exchanged, the
    reading suggested for a value that only fits the other order).
    """
    evidence = np.full(len(uniques), "", dtype=object)
    swapped = np.full(len(uniques), None, dtype=object)
    two_digit = []
    for i, v in enumerate(uniques):
        if not isinstance(v, str):
            continue
        m = _DMY.fullmatch(re.sub(r"[ t]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$", "", v.strip().lower()))
        if not m:
            continue
        a, b = int(m[1]), int(m[2])
        if len(m[3]) == 2:
            two_digit.append(v)
        if a > 12 >= b >= 1:
            evidence[i] = "dmy"
        elif b > 12 >= a >= 1:
            evidence[i] = "mdy"
        elif a != b and a <= 12 and b <= 12:
            evidence[i] = "?"
        swapped[i] = f"{b}-{a}-{m[3]}"
    return {"evidence": evidence, "swapped": swapped, "two_digit": two_digit, "dmy": int((evidence == "dmy").sum()),
            "mdy": int((evidence == "mdy").sum()), "ambiguous": int((evidence == "?").sum())}


def _order_verdict(dmy: int, mdy: int, ambiguous: int) -> str | None:
    """What the counts of distinct values prove: ``"mdy"``, ``"dmy"``, ``"mixed"`` or ``None`` (nothing).

    Day-first is the Dutch default. Month-first needs overwhelming evidence: at least two values that only
    fit month-first, ten times as many as values that only fit day-first, and at least half as many as the
    values that fit both (in real month-first dates about 60% have a day above 12). ``"mixed"`` means
    both orders are really used (at least three values each, the smaller at least a quarter of the larger):
    then no order can be assumed for a value that fits both. A single ``12-13-2023`` among Dutch dates
    proves nothing: it is a bad cell.
    """
    if min(dmy, mdy) >= 3 and 4 * min(dmy, mdy) >= max(dmy, mdy):
        return "mixed"
    if mdy >= 2 and 10 * dmy <= mdy and 2 * mdy >= ambiguous:
        return "mdy"
    if dmy >= 2 and 10 * mdy <= dmy:
        return "dmy"
    return None


def _file_date_order(columns: list[np.ndarray]) -> dict:
    """Day/month order of a file, from the pooled evidence of all its date (and period) columns.

    Returns ``order`` (``"mdy"`` only when the pooled evidence is overwhelming, see
    :func:`_order_verdict`; else ``"dmy"``) and ``proof`` (a value proving month-first, or ``None``).
    """
    found = [(_date_evidence(u), u) for u in columns]
    pooled = _order_verdict(*(sum(e[k] for e, _ in found) for k in ("dmy", "mdy", "ambiguous")))
    if pooled == "mdy":
        proof = next(u[e["evidence"] == "mdy"][0] for e, u in found if e["mdy"])
        return {"order": "mdy", "proof": proof}
    return {"order": "dmy", "proof": None}


def _date_order(uniques: np.ndarray, file: dict | None = None) -> dict:
    """Day/month order of one date column: its own when its values prove one, else the file's.

    ``file`` is :func:`_file_date_order` of all date columns of the file (default: this column alone).
    Returns ``order`` ("dmy" or "mdy"), ``mixed`` (both orders really used: values that fit both cannot
    be read), ``own`` (the column's values prove ``order`` themselves), ``ambiguous`` (values such as
    ``10/02/2024`` that fit both), ``proof`` (a value proving the order chosen), ``other`` (positions of
    values that only fit the order not chosen: bad cells unless ``mixed``), ``two_digit``, ``swapped``
    and, per distinct value, its ``evidence``.
    """
    found = _date_evidence(uniques)
    evidence = found["evidence"]
    file = file or _file_date_order([uniques])
    verdict = _order_verdict(found["dmy"], found["mdy"], found["ambiguous"])
    mixed = verdict == "mixed"
    order = "dmy" if mixed else verdict or file["order"]
    own = uniques[evidence == order]
    proof = own[0] if len(own) else (file["proof"] if order == "mdy" else None)
    other = np.flatnonzero(evidence == ("mdy" if order == "dmy" else "dmy"))
    return {"order": order, "mixed": mixed, "own": bool(len(own)), "ambiguous": uniques[evidence == "?"],
            "proof": proof, "other": other, "two_digit": found["two_digit"], "swapped": found["swapped"],
            "evidence": evidence}


def _parse_column(col: ColumnSpec, codes: np.ndarray, uniques: np.ndarray, default_decimal: str, label: str,
                  report: QualityReport, lang: str, date_order: dict | None = None) -> tuple[pd.Series, np.ndarray]:
    """Parse one canonical column from its distinct values; return (typed values per row, reason key or None
    per distinct value). ``date_order`` is :func:`_file_date_order` of the file's date columns (default:
    this column alone)."""
    reasons = np.full(len(uniques), None, dtype=object)
    if col.type in ("int", "number"):
        parsed, bad = _parse_numbers(uniques, _detect_decimal(uniques, default_decimal))
        reasons[bad] = _REASON[col.type]
        if col.type == "int":
            frac = ~bad & ~np.isnan(parsed) & (parsed != np.floor(np.nan_to_num(parsed)))
            reasons[frac] = "reason_not_integer"
            parsed[frac] = np.nan
        values = np.append(parsed.astype(float), np.nan)[codes]
        series = pd.Series(values, dtype="Float64")
        series = series.round().astype("Int64") if col.type == "int" else series
    elif col.type == "date":
        info = _date_order(uniques, date_order)
        parsed, bad = _parse_dates(uniques, info["order"])
        reasons[bad] = "reason_not_date"
        if not col.required:  # "nog niet", "loopt nog": no date yet, an empty cell
            still_open = np.fromiter((is_still_open(v) for v in uniques), dtype=bool, count=len(uniques))
            if still_open.any():
                reasons[still_open] = None
                words = ", ".join(f"'{v}'" for v in dict.fromkeys(str(u).strip() for u in uniques[still_open]))
                n = int(np.isin(codes, np.flatnonzero(still_open)).sum())
                report.notes.append(t("note_end_still_open" if col.name == "end" else "note_date_still_open", lang,
                                      column=label, n=n, words=words))
        if info["mixed"]:  # both orders really used: cells that prove neither cannot be read without a guess
            ambiguous = info["evidence"] == "?"
            reasons[ambiguous] = "reason_date_ambiguous"
            parsed[ambiguous] = np.datetime64("NaT")
            for i in info["other"]:
                try:  # a value that proves the other order is read in that order
                    parsed[i] = _to_datetime64(parse_date(uniques[i], "mdy" if info["order"] == "dmy" else "dmy"))
                    reasons[i] = None
                except ValueError:
                    pass
            report.notes.append(t("note_dates_mixed", lang, column=label, n=len(info["ambiguous"])))
        else:
            if len(info["other"]):  # a few values that only fit the other order: those cells are wrong
                reasons[info["other"]] = f"reason_date_only_{'mdy' if info['order'] == 'dmy' else 'dmy'}"
                parsed[info["other"]] = np.datetime64("NaT")
                shown = [f"'{uniques[i]}' → {info['swapped'][i]}?" for i in info["other"][:5]]
                report.notes.append(t(f"note_dates_only_{'mdy' if info['order'] == 'dmy' else 'dmy'}", lang,
                                      column=label, n=len(info["other"]), values=", ".join(shown)))
            if info["order"] == "mdy":
                report.notes.append(t("note_dates_mdy", lang, column=label, example=info["proof"]))
            elif len(info["ambiguous"]) and not info["own"]:
                report.notes.append(t("note_dates_ambiguous", lang, column=label, n=len(info["ambiguous"]),
                                      example=info["ambiguous"][0]))
        if info["two_digit"]:
            report.notes.append(t("note_two_digit_year", lang, column=label, pivot=TWO_DIGIT_PIVOT,
                                  example=info["two_digit"][0]))
        values = np.append(parsed, np.datetime64("NaT"))[codes]
        series = pd.Series(values.astype("datetime64[ns]"))
    elif col.type == "bool":
        parsed, bad = _parse_uniques(uniques, parse_bool)
        reasons[bad] = _REASON["bool"]
        series = pd.Series(_take(np.where(bad, np.nan, parsed), codes, np.nan).astype(float)).astype("Int64")
    else:
        cleaned = _clean_uniques(uniques)
        stripped = [v.strip() if isinstance(v, str) else None for v in uniques]
        if "NA" in stripped:
            if any(v is not None and v != "NA" and v.casefold() == "na" for v in stripped):
                # the column uses the Dutch word "na" (after), so "NA" is that word in capitals, not R's
                # missing-value code: keep it (flag_units then warns that 'NA' and 'na' look alike)
                cleaned[[v == "NA" for v in stripped]] = "NA"
            else:
                report.notes.append(t("note_na_empty", lang, column=label,
                                      n=int(np.isin(codes, np.flatnonzero([v == "NA" for v in stripped])).sum())))
        series = pd.Series(_take(cleaned, codes), dtype=object)
    return series, reasons


def _parse_periods(codes: np.ndarray, uniques: np.ndarray, label: str, report: QualityReport, lang: str,
                   date_order: dict | None = None):
    """Periods from distinct values; the column's frequency is the most common one (by rows)."""
    info = _date_order(uniques, date_order)
    if info["order"] == "mdy":
        report.notes.append(t("note_dates_mdy", lang, column=label, example=info["proof"]))
    parsed, bad = _parse_uniques(uniques, lambda v: parse_period(v, info["order"]))
    reasons = np.where(bad, "reason_not_period", None).astype(object)
    rows_per_value = np.bincount(codes[codes >= 0], minlength=len(uniques))
    freq_of = np.array([None if b else p[1] for p, b in zip(parsed, bad)], dtype=object)
    counts: dict[str, int] = {}
    for f, n in zip(freq_of, rows_per_value):
        if f is not None and n:
            counts[f] = counts.get(f, 0) + int(n)
    freq = min(counts, key=lambda f: (-counts[f], f)) if counts else "int"
    used = [i for i in range(len(uniques)) if freq_of[i] == "D" and rows_per_value[i]]
    if freq == "D" and all(parsed[i][0].day == 1 for i in used):
        freq = "M"
    compatible = {"M": {"M", "D"}, "D": {"D"}}.get(freq, {freq})
    values = np.empty(len(uniques), dtype=object)
    for i in range(len(uniques)):
        if freq_of[i] is not None and freq_of[i] not in compatible:
            reasons[i] = "reason_mixed_periods"
        values[i] = parsed[i][0] if reasons[i] is None else None
    if freq == "int":
        series = pd.Series(_take(values, codes), dtype=object).astype("Int64")
    else:
        series = pd.Series(pd.to_datetime(pd.Series(values, dtype=object)).astype("datetime64[ns]").to_numpy()
                           [codes]).where(codes >= 0)
    return series, reasons, freq


def read_table(path, kind: str, *, sheet=None, pseudonymize: bool = True, key=None, raw_items: bool = False,
               items=None, lang: str = "nl", progress: bool | None = None) -> tuple[pd.DataFrame, QualityReport]:
    """Read a CSV or Excel file into a validated canonical table plus a quality report.

    Parameters
    ----------
    path : str or Path
        A ``.csv``, ``.txt``, ``.tsv`` or ``.xlsx``/``.xlsm`` file.
    kind : {"dossier", "panel", "referrals", "survey", "fragments", "trajectories"}
        Which canonical table the file holds (see ``evaluatie.schemas.KINDS``).
    sheet : str or int, optional
        Excel sheet. By default the one visible sheet whose header has every required column
        (hidden sheets are never chosen); with several such sheets an :class:`InputError` names them.
    pseudonymize : bool, default True
        Replace the identifier column (pupil, respondent, case) by keyed pseudonyms on load.
    key : str, optional
        Pseudonymization key; default :func:`evaluatie.privacy.get_key`.
    raw_items : bool, default False
        ``survey`` only: keep item columns as read (answer labels such as "weet niet" intact) for
        :func:`evaluatie.survey.prepare`, instead of turning text cells into missing numbers.
    items : codebook or list of str, optional
        ``survey`` only: the questionnaire's items — a codebook (path or DataFrame, see
        :func:`evaluatie.survey.read_codebook`) or item names and question texts. A header that names
        an item (its code or its text, as MS Forms exports it) is always a question, never the
        respondent, group, wave or school column.
    lang : {"nl", "en"}
        Language of messages and the report.
    progress : bool, optional
        Show progress on stderr; by default only for files with more than 100,000 rows.

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

    Notes
    -----
    Nothing is guessed silently: a stray quote that would swallow lines is refused with its line
    number; lines in another encoding are decoded on their own and listed; day/month order is
    day-first (Dutch) for all date columns of a file unless the values prove month-first
    overwhelmingly (a column follows the file unless its own values prove an order); a date that
    only fits the other order is a bad cell, dropped and reported with the day/month swap
    suggested (reported too when month-first, mixed or ambiguous); merged Excel cells are filled
    down and listed. Validation works on the distinct values of each column and on column masks,
    so large files load at close to ``pandas.read_csv`` speed (``make bench``).

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
        frame, default_decimal, cp1252 = _read_excel_raw(path, sheet, spec, report, lang), ",", []
    elif suffix in (".csv", ".txt", ".tsv", ""):
        frame, delimiter, cp1252 = _read_csv_raw(path, report, lang)
        default_decimal = "." if delimiter == "," else ","
    elif kind == "fragments" and suffix in (".html", ".htm"):  # MAXQDA and ATLAS.ti also export HTML
        raise InputError(t("qda_html", lang, file=path.name), file=path)
    else:
        raise InputError(t("unsupported_format", lang, file=path.name, suffix=suffix), file=path)
    bar = _Progress(len(frame), path.name, lang, progress)
    head = frame.iloc[:_SCAN_ROWS]
    grid = [[None if (isinstance(v, float) and np.isnan(v)) else v for v in row] for row in
            head.astype(object).itertuples(index=False)]
    if frame.empty or all(all(_is_missing(c) for c in row) for row in grid) and _all_missing(frame):
        raise InputError(t("file_empty", lang, file=path.name), file=path)
    try:
        header_pos, mapping = _find_header(grid, spec, path, lang, list(head.index), _item_headers(items, lang))
    except InputError:
        if kind == "fragments":
            _refuse_code_matrix(grid, list(head.index), path, lang)
        raise
    header = grid[header_pos]
    header_row = int(frame.index[header_pos])
    if header_pos:
        report.notes.append(t("note_header", lang, row=header_row, n=header_pos))

    cols = _loaded_columns(header, mapping, spec, report, path, header_row, lang)
    extra = {j: c for j, c in cols.items() if j not in mapping}
    unnamed = [j for j in frame.columns if j not in cols and (j >= len(header) or _is_missing(header[j]))]
    for j in unnamed:  # cells under no header are not loaded: say so
        codes, uniques = _factorize(frame[j].iloc[header_pos + 1:])
        filled = np.flatnonzero(np.append(~_missing_uniques(uniques), False)[codes])
        if len(filled):
            from openpyxl.utils import get_column_letter

            report.notes.append(t("note_unnamed_cells", lang, column=get_column_letter(j + 1), n=len(filled),
                                  rows=_list_numbers(frame.index[header_pos + 1:][filled])))
    raw = frame.iloc[header_pos + 1:][list(cols)]
    del frame
    raw.columns = list(cols.values())
    rows = raw.index.to_numpy(dtype=np.int64)  # row number in the file (Excel row or CSV line)
    report.n_read = len(raw)
    if report.n_read == 0:
        raise InputError(t("no_data_rows", lang, file=path.name, row=header_row), file=path, row=header_row)
    label = {c: _clean_text(header[j]) for j, c in cols.items()}  # user's own column names
    report.masked_columns += [label[c] for c in (spec.identifier, *report.identifier_columns) if c in label]
    factors = {c: _factorize(raw[c]) for c in raw.columns}
    unit_col = next((c for c in ("school", "unit") if c in factors), None)
    if unit_col:  # the school of every row, so the report can say per school what was lost
        codes, uniques = factors[unit_col]
        report.row_units = pd.Series(_take(_clean_uniques(uniques), codes, ""), index=rows, dtype=object)
        report.unit_column = label[unit_col]
    bar.update(0.2)

    def raw_value(column, positions):
        codes, uniques = factors[column]
        return _take(uniques, codes[positions], "")

    def drop(positions, column, reasons):
        """Report rows (positions into ``raw``) as dropped, with one reason each or one for all."""
        positions = np.asarray(positions, dtype=np.int64)
        values = raw_value(column, positions) if column else [""] * len(positions)
        reasons = [reasons] * len(positions) if isinstance(reasons, str) else reasons
        for pos, value, reason in zip(positions, values, reasons):
            report.add(row=int(rows[pos]), column=label.get(column, column) if column else "", value=value,
                       reason=reason, action="dropped")

    # 1. blank rows, total rows, exact duplicates (on the cleaned text of every loaded column)
    ids = []
    for c, (codes, uniques) in factors.items():
        uid, _ = pd.factorize(pd.Series(_clean_uniques(uniques), dtype=object), use_na_sentinel=True)
        ids.append(np.append(uid, -1).astype(np.int32)[codes])
    blank = np.logical_and.reduce([v < 0 for v in ids])
    # a remark under the table ("Let op: dossiers groep 8 nog niet gelezen"): not a school whose every row was lost
    note = _remark_rows(ids, blank, lambda column, pos: raw_value(column, [pos])[0], list(factors))
    if note.any() and isinstance(report.row_units, pd.Series):
        report.row_units.iloc[np.flatnonzero(note)] = ""
    blank &= ~note
    total = np.zeros(len(raw), dtype=bool)
    for c in list(factors)[:4]:
        codes, uniques = factors[c]
        is_total = np.fromiter((c2 is not None and normalize_header(c2) in _TOTAL for c2 in _clean_uniques(uniques)),
                               dtype=bool, count=len(uniques))
        total |= np.append(is_total, False)[codes]
    total &= ~blank & ~note
    rest = ~blank & ~total & ~note
    if rest.all():
        first_pos = _first_of_group(ids)
    else:
        rest = np.flatnonzero(rest)
        first_pos = np.arange(len(raw))
        first_pos[rest] = rest[_first_of_group([v[rest] for v in ids])]
    del ids
    dup = first_pos != np.arange(len(raw))
    drop(np.flatnonzero(blank), None, t("reason_blank", lang))
    drop(np.flatnonzero(note), None, t("reason_note_under_table", lang))
    drop(np.flatnonzero(total), None, t("reason_total", lang))
    dup_pos = np.flatnonzero(dup)
    drop(dup_pos, None, [t("reason_duplicate", lang, first=int(rows[first_pos[p]])) for p in dup_pos])
    keep = ~(blank | total | dup | note)
    if kind == "dossier" and "school" in factors and "pupil" in factors:
        _school_from_pupil(factors, keep, rows, label, report, lang)
    bar.update(0.4)

    # 2. parse canonical columns (each distinct value once), then drop rows with an unreadable value
    data = pd.DataFrame(index=pd.RangeIndex(len(raw)))
    reason_keys = ["reason_missing"]
    bad_reason = np.full(len(raw), -1, dtype=np.int16)  # index into reason_keys; -1 = readable
    bad_col = np.full(len(raw), -1, dtype=np.int16)  # index into spec.columns
    period_freq = None
    # one day/month order for all date columns of the file, unless a column's own values prove another
    date_order = _file_date_order([factors[c.name][1] for c in spec.columns
                                   if c.type in ("date", "period") and c.name in factors])
    for ci, col in enumerate(spec.columns):
        if col.name not in raw.columns:
            continue
        codes, uniques = factors[col.name]
        if col.type == "period":
            series, reasons, period_freq = _parse_periods(codes, uniques, label[col.name], report, lang,
                                                          date_order)
        else:
            series, reasons = _parse_column(col, codes, uniques, default_decimal, label[col.name], report, lang,
                                            date_order)
        if col.type == "date" and not col.required:  # still-open words read as empty: listed per row
            still_open = np.fromiter((is_still_open(v) for v in uniques), dtype=bool, count=len(uniques))
            for pos in np.flatnonzero(np.append(still_open, False)[codes] & keep):
                report.add(row=int(rows[pos]), column=label[col.name], value=raw_value(col.name, [pos])[0],
                           action="changed", reason=t("reason_end_still_open" if col.name == "end"
                                                      else "reason_date_still_open", lang))
        if col.categories:
            lookup = {normalize_header(k): v for k, v in col.categories.items()}
            s_codes, s_uniques = pd.factorize(series.to_numpy(dtype=object), use_na_sentinel=True)
            mapped = np.array([lookup.get(normalize_header(v), v) for v in s_uniques], dtype=object)
            series = pd.Series(_take(mapped, s_codes), dtype=object)
            known = set(col.categories.values())
            unknown = np.array([v not in known for v in mapped], dtype=bool)
            if col.on_unknown == "warn" and unknown.any():
                flagged = np.flatnonzero(keep & np.append(unknown, False)[s_codes])
                for pos, v in zip(flagged, _take(mapped, s_codes[flagged])):
                    report.add(row=int(rows[pos]), column=label[col.name], value=v, action="warning",
                               reason=t("reason_category_kept", lang, allowed=allowed_values(col, lang)))
        reason_idx = np.full(len(uniques) + 1, -1, dtype=np.int16)
        for i in np.flatnonzero(pd.notna(reasons)):
            if reasons[i] not in reason_keys:
                reason_keys.append(reasons[i])
            reason_idx[i] = reason_keys.index(reasons[i])
        row_reason = reason_idx[codes]
        new = (row_reason >= 0) & keep & (bad_col < 0)
        bad_col[new], bad_reason[new] = ci, row_reason[new]
        if col.required:
            missing = series.isna().to_numpy() & keep & (row_reason < 0) & (bad_col < 0)
            bad_col[missing], bad_reason[missing] = ci, 0
        del row_reason
        data[col.name] = series
    for j, name in extra.items():
        codes, uniques = factors[name]
        data[name] = pd.Series(_take(_clean_uniques(uniques), codes), dtype=object)
    bad = bad_col >= 0
    for ci, column in enumerate(spec.columns):  # report per column, in row order within each
        where = np.flatnonzero(bad_col == ci)
        if len(where):
            drop(where, column.name, [t(reason_keys[r], lang) for r in bad_reason[where]])
    keep &= ~bad
    bar.update(0.6)

    # 3. survey items: numeric columns, with text cells reported and treated as missing
    if spec.extra_numeric and not raw_items:
        for name in extra.values():
            codes, uniques = factors[name]
            parsed, text_cell = _parse_numbers(uniques, _detect_decimal(uniques, default_decimal))
            row_text = np.append(text_cell, False)[codes] & keep
            filled = np.append(~_missing_uniques(uniques), False)[codes] & keep
            if filled.any() and row_text.sum() <= 0.5 * filled.sum():
                for pos in np.flatnonzero(row_text):
                    report.add(row=int(rows[pos]), column=name, value=raw_value(name, [pos])[0], action="changed",
                               reason=t("reason_text_in_number", lang))
                data[name] = pd.Series(np.append(np.where(text_cell, np.nan, parsed), np.nan)[codes], dtype="Float64")

    # 4. schema checks (ranges, categories, date order), then duplicate keys
    data.index = rows
    if not keep.all():
        data = data[keep]
    if kind == "survey":  # 'Voor'/'voormeting'/'T0' are one wave, 'Ouder'/'ouder' one group (noted in the report)
        from .survey import harmonize_respondent_labels

        data = harmonize_respondent_labels(data, {r: (r, label.get(r, r)) for r in ("wave", "group")}, report, lang)
    elif kind == "trajectories" and "group" in data:  # 'Na'/'na': one group, as in a survey (noted in the report)
        from .survey import harmonize_respondent_labels

        data = harmonize_respondent_labels(data, {"group": ("group", label.get("group", "group"))}, report, lang)
    failed: dict = {}
    canonical = [c.name for c in spec.columns if c.name in data]
    for start in range(0, len(data), _CHECK_CHUNK):  # row-wise checks, in chunks to bound memory
        chunk = data.iloc[start:start + _CHECK_CHUNK][canonical]
        for case in failures(chunk, kind, lang).itertuples(index=False):
            if case.index in chunk.index and case.index not in failed:  # the first failure of a row is reported
                failed[case.index] = True
                drop([int(np.searchsorted(rows, case.index))], case.column, case.reason)
    if failed:
        data = data.drop(index=list(failed))
    keys = [k for k in spec.keys if k in data.columns]
    if keys and len(data):
        index = data.index.to_numpy()
        first = index[_first_of_group([pd.factorize(data[k].to_numpy(), use_na_sentinel=True)[0] for k in keys])]
        later = first != index
        keys_label = " × ".join(label.get(c, c) for c in keys)
        drop(np.searchsorted(rows, index[later]), keys[0],
             [t("reason_duplicate_key", lang, keys=keys_label, first=int(f)) for f in first[later]])
        data = data[~later]
    bar.update(0.8)

    if data.empty:
        first = report.entries[0] if report.entries else {"row": None, "column": "", "reason": ""}
        raise InputError(t("no_usable_rows", lang, file=path.name, row=first["row"], column=first["column"],
                           reason=first["reason"]), file=path, row=first["row"], column=first["column"])
    if cp1252:  # lines of a mixed-encoding file that were read as Windows-1252
        for line in sorted(set(cp1252) & set(data.index)):
            report.add(row=line, column="", value="", action="warning", reason=t("reason_cp1252_line", lang))

    # 5. privacy: flag personal data, pseudonymize the identifier column
    text_cols = [c for c in data.columns if c != spec.identifier and data[c].dtype == object]
    for hit in _find_identifiers(data, text_cols).itertuples(index=False):
        report.add(row=hit.row, column=label.get(hit.column, hit.column), value=hit.value, action="warning",
                   reason=t("reason_identifier", lang, kind=hit.kind))
        if hit.column not in report.identifier_columns:
            report.identifier_columns.append(hit.column)
            report.masked_columns.append(label.get(hit.column, hit.column))
    flag_units(data, report, identifier=spec.identifier, labels=label, lang=lang)
    if spec.identifier and pseudonymize:
        ident = spec.identifier
        for hit in _find_identifiers(data, [ident]).itertuples(index=False):
            report.add(row=hit.row, column=label[ident], value=hit.value, action="warning",
                       reason=t("reason_identifier_pseudo", lang, kind=hit.kind))
        if key is None:
            key, source, note = privacy.get_key(lang=lang)
            if note:
                report.notes.append(note)
        else:
            source = "opgegeven sleutel" if lang == "nl" else "given key"
        codes, uniques = pd.factorize(data[ident].to_numpy(dtype=object), use_na_sentinel=True)
        data[ident] = _take(np.asarray(privacy.pseudonymize(list(uniques), key), dtype=object), codes)
        report.notes.append(t("note_pseudonymized", lang, columns=label[ident], key_source=source))

    # 6. dates after today: kept, but a typo is likely ('7-11-2030'), and they move the default reference date
    today = pd.Timestamp.today().normalize()
    for col in spec.columns:
        if col.type == "date" and col.name in data:
            for row in data.index[(data[col.name] > today).to_numpy(dtype=bool)]:
                report.add(row=int(row), column=label[col.name], action="warning",
                           value=raw_value(col.name, [int(np.searchsorted(rows, row))])[0],
                           reason=t("reason_date_future", lang, today=format_date(today, lang)))

    if kind == "dossier" and "agency_raw" in data:  # "Accare, Wijkteam Noord": one row per agency
        from .agencies import split_cells

        typed = raw_value("agency_raw", np.searchsorted(rows, data.index.to_numpy()))  # line breaks kept
        data = split_cells(data, rows=pd.Series(data.index, index=data.index), report=report,
                           label=label["agency_raw"], written=typed, lang=lang)
    if kind == "fragments":  # one row per code, hierarchy as "a > b" (ATLAS.ti, MAXQDA, Taguette exports)
        from .interviews import normalize_codes

        where = np.searchsorted(rows, data.index.to_numpy())
        data = normalize_codes(data, written=raw_value("code", where), report=report, labels=label, lang=lang,
                               written_groups=raw_value("group", where) if "group" in data else None)
    data.insert(0, "source_row", data.index.to_numpy())
    data = data.reset_index(drop=True)
    data.attrs.update({"kind": kind, "source": path.name, "identifier_columns": list(report.identifier_columns),
                       "labels": {c: label[c] for c in data.columns if c in label}})  # headers as in the file
    if period_freq:
        data.attrs["period_freq"] = period_freq
    bar.close()
    return data, report


def _refuse_code_matrix(grid: list[list], rownums: list[int], path: Path, lang: str) -> None:
    """A code matrix (MAXQDA's "Code: ..." or "Parent > Child" column per code) is no fragments file: say so."""
    for i, row in enumerate(grid):
        codes = [str(c).strip() for c in row if isinstance(c, str) and re.match(r"^\s*code\s*:\s*\S|.+\S\s*(>|\\)\s*\S",
                                                                               c, flags=re.I)]
        if len(codes) >= 2:
            raise InputError(t("qda_code_matrix", lang, file=path.name, row=rownums[i],
                               columns=", ".join(f"'{c}'" for c in codes[:3]) + (" …" if len(codes) > 3 else "")),
                             file=path, row=rownums[i])


def _item_headers(items, lang: str) -> frozenset:
    """Normalized item names and question texts of a codebook (path or DataFrame) or a list of strings."""
    if items is None:
        return frozenset()
    if isinstance(items, (str, Path, pd.DataFrame)):
        from .survey import read_codebook

        cb = read_codebook(items, lang=lang)
        items = [*cb["item"], *cb["text"].dropna()]
    return frozenset(k for k in (normalize_header(v) for v in items if not _is_missing(v)) if k)


def _first_of_group(columns: list[np.ndarray]) -> np.ndarray:
    """For every row, the position of the first row with the same values in all ``columns`` (integer codes).

    One stable lexicographic sort of the codes: rows with equal values become neighbours, the first
    of each run is the earliest row. Memory stays at a few integer arrays of the row count.

    Examples
    --------
    >>> _first_of_group([np.array([0, 1, 0, 1]), np.array([5, 5, 5, 6])]).tolist()
    [0, 1, 0, 3]
    """
    n = len(columns[0]) if columns else 0
    if n == 0 or not columns:
        return np.arange(n)
    order = np.lexsort(columns[::-1])  # stable: equal rows stay in file order
    new = np.zeros(n, dtype=bool)
    new[0] = True
    for codes in columns:
        ranked = codes[order]
        new[1:] |= ranked[1:] != ranked[:-1]
        del ranked
    group = np.cumsum(new) - 1
    first = np.empty(n, dtype=np.int64)
    first[order] = order[new][group]
    return first


def _find_identifiers(data: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """:func:`evaluatie.privacy.find_identifiers` on the distinct values of each column, mapped back to rows."""
    found = []
    for col in columns:
        codes, uniques = pd.factorize(data[col].to_numpy(dtype=object), use_na_sentinel=True)
        hits = privacy.find_identifiers(pd.DataFrame({col: pd.Series(uniques, dtype=object)}), columns=[col])
        for hit in hits.itertuples(index=False):
            if hit.row is None or pd.isna(hit.row):
                found.append((col, None, hit.kind, hit.value))
                continue
            for row in data.index[codes == int(hit.row)]:
                found.append((col, row, hit.kind, hit.value))
    frame = pd.DataFrame(found, columns=["column", "row", "kind", "value"])
    return frame.sort_values(["column", "row"], key=lambda s: s.map(columns.index) if s.name == "column" else s,
                             kind="stable", na_position="first")


def _all_missing(frame: pd.DataFrame) -> bool:
    return all(_missing_uniques(_factorize(frame[c])[1]).all() for c in frame.columns)


class _Progress:
    """A small progress indicator on stderr (tqdm when installed) for files with more than 100,000 rows."""

    def __init__(self, n_rows: int, name: str, lang: str, show: bool | None):
        import sys

        self.bar = None
        if not (show if show is not None else n_rows > _PROGRESS_ROWS):
            return
        desc = f"{name} ({n_rows:,} {'rijen' if lang == 'nl' else 'rows'})".replace(",", "." if lang == "nl" else ",")
        try:
            from tqdm import tqdm

            self.bar = tqdm(total=100, desc=desc, unit="%", file=sys.stderr, leave=False)
        except ImportError:  # pragma: no cover - tqdm is a dependency of jupyter
            self.bar = _PlainBar(desc)
        self.done = 0

    def update(self, fraction: float) -> None:
        if self.bar is not None:
            step = int(round(fraction * 100)) - self.done
            self.bar.update(step)
            self.done += step

    def close(self) -> None:
        if self.bar is not None:
            self.update(1.0)
            self.bar.close()


class _PlainBar:  # pragma: no cover - used only without tqdm
    def __init__(self, desc: str):
        import sys

        self.desc, self.n, self.out = desc, 0, sys.stderr

    def update(self, step: int) -> None:
        self.n += step
        print(f"\r{self.desc}: {self.n}%", end="", file=self.out, flush=True)

    def close(self) -> None:
        print(file=self.out)


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
    headers = [c.label if nl else c.name for c in spec.columns]
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
                     col.help_nl if nl else col.help_en, col.example, ", ".join(
                         a for a in col.aliases if normalize_header(a) not in {normalize_header(h), normalize_header(col.name)})])
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
