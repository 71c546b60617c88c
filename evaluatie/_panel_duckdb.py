"""DuckDB path of :func:`evaluatie.zorgvraag.panel_from_file`: a referral extract to the panel in one scan.

DuckDB reads the file (CSV or Parquet) once, as a stream in file order, and hands Python a few small
numbers per row: the ids of the school, date, care-level and provider cells in lists of their distinct
values (a DuckDB ``ENUM`` built before the scan from values sampled across the file; values the sample
missed arrive as text and are appended), a 64-bit hash of the cleaned pupil code, and flags (empty, total
row, multi-line cell), each id in the smallest integer column that holds it. Nothing is materialized in
DuckDB and no table is copied. Per pupil code DuckDB runs one regular expression (``_SUSPECT_SQL``: white
space, or anything that could be personal data or a total label); the clean-up and the exact prefilter run
only on the few cells it flags. The file's lines are counted in a thread during the scan; empty lines (which
DuckDB skips) are searched for only when it read fewer records than there are lines.

Python then works on distinct values and integer arrays only: every distinct school, date, care level
and provider is parsed once by the functions :func:`evaluatie.read_table` uses (so a date is read exactly
as the pandas path reads it), each row's first reason is the smallest of its cells' ranks in one table per
column (the few rows with an empty pupil code or a total label are looked at apart), exact duplicate rows are found
by sorting 32-bit hashes and confirming the candidates on the cleaned school/date/level/provider and a
64-bit hash of the cleaned pupil code (and remaining columns), and the panel is a ``bincount`` of the cells
of the rows that are kept, handed to the panel assembly cell by cell (no merge on text keys). Only the dropped rows (up to ``max_listed`` per reason) and cells that may hold
personal data come back as text. Pupil codes never enter Python except those cells.
"""
from __future__ import annotations

import csv
import json
import logging
import os
import re
import shutil
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
import pandas as pd

from . import io as rt
from . import privacy
from .errors import InputError
from .quality import QualityReport
from .schemas import allowed_values, check_kind, normalize_header
from .text import format_date, format_number, t

#: White space as Python's ``\\s`` sees it (RE2's ``\\s`` is ASCII only).
_WS = r"[\s\x{0b}\x{1c}-\x{1f}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]"
_MISSING_SQL = ", ".join("'" + v.replace("'", "''") + "'" for v in sorted(rt._MISSING_TEXT) if v)
_HEAD_BYTES = 1 << 20
_LOW_CARD = ("unit", "date", "care_level", "provider")


_log = logging.getLogger(__name__)


def _identifier_hits(values, name: str) -> dict:
    """Personal data in distinct cell values: position → ``[(pattern rank, kind, masked value), ...]``."""
    hits = privacy.find_identifiers(pd.DataFrame({name: np.asarray(values, dtype=object)}), [name])
    hits = hits[hits["row"].notna()]
    order = {k: i for i, k in enumerate(privacy._PATTERNS)}
    found: dict = {}
    for row, kind, value in zip(hits["row"].astype(int), hits["kind"], hits["value"]):
        found.setdefault(int(row), []).append((order[kind], kind, value))
    return found


def _sql(con, query: str, *args):
    """Run one statement; its duration is logged (``logging.DEBUG``) to see where time goes on large files."""
    start = time.perf_counter()
    out = con.execute(query, *args)
    _log.debug("%.2f s  %s", time.perf_counter() - start, " ".join(query.split())[:120])
    return out


class _Clock:
    """Wall and CPU time (all threads, DuckDB's too) of the path's phases, logged (``logging.DEBUG``) as
    ``phase <name> <wall> <cpu>``: ``benchmarks/to_panel_scale.py --breakdown`` reports them per phase."""

    def __init__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def lap(self, name: str) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        _log.debug("phase %s %.4f %.4f", name, wall - self.wall, cpu - self.cpu)
        self.wall, self.cpu = wall, cpu


def _collapse_sql(col: str) -> str:
    """SQL, first half of :func:`evaluatie.io._clean_text`: white space collapsed and trimmed."""
    return f"regexp_replace(regexp_replace({col}, '{_WS}+', ' ', 'g'), '^ | $', '', 'g')"


def _missing_sql(col: str) -> str:
    """SQL, second half: a collapsed cell that means "missing" (``-``, ``n.v.t.``, ...) becomes NULL. Written
    as comparisons, not ``IN (...)``, which DuckDB planned as a hash join (a mark join) over every row."""
    test = " OR ".join(f"{col} = {v}" for v in _MISSING_SQL.split(", "))
    return f"(CASE WHEN {col} = '' OR {test} THEN NULL ELSE {col} END)"


def _quote(name: str) -> str:
    return '"' + str(name).replace('"', '""') + '"'


def _sql_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


class _Source:
    """Header, columns and line numbering of the file, found from its first megabyte as read_table does."""

    def __init__(self, path: Path, spec, report: QualityReport, lang: str):
        self.path, self.lang = path, lang
        self.suffix = path.suffix.lower()
        if self.suffix == ".parquet":
            self._parquet(spec, report)
        else:
            self._csv(spec, report)

    def _parquet(self, spec, report):
        import duckdb

        names = [r[0] for r in duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet({_sql_path(self.path)})").fetchall()]
        header = list(names)
        mapping = self._mapping([header], spec, [1])
        self.header_row, self.encoding, self.empty_lines, self._n_lines = 1, None, np.zeros(0, np.int64), None
        self.cols = rt._loaded_columns(header, mapping, spec, report, self.path, 1, self.lang)
        self.label = {c: rt._clean_text(header[j]) for j, c in self.cols.items()}
        self.source_names = {c: names[j] for j, c in self.cols.items()}
        self.default_decimal = ","

    def _csv(self, spec, report):
        with open(self.path, "rb") as fh:
            head = fh.read(_HEAD_BYTES)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise InputError(t("duckdb_encoding", self.lang, file=self.path.name, encoding="UTF-16"), file=self.path)
        data, label, _ = rt._decode(head[: head.rfind(b"\n") + 1] or head, self.path, self.lang)
        if label not in ("UTF-8", "UTF-8 (BOM)"):
            raise InputError(t("duckdb_encoding", self.lang, file=self.path.name, encoding=label), file=self.path)
        self.encoding = label
        text = data.decode("utf-8", errors="ignore")
        self.delimiter = rt._sniff_delimiter(text)
        lines = text.splitlines()[: rt._SCAN_ROWS]
        grid, rownums = [], []
        for i, line in enumerate(lines, start=1):
            record = next(csv.reader([line], delimiter=self.delimiter), [])
            grid.append([c if c != "" else None for c in record])
            rownums.append(i)
        if not any(any(c is not None and str(c).strip() for c in row) for row in grid):
            raise InputError(t("file_empty", self.lang, file=self.path.name), file=self.path)
        mapping = self._mapping(grid, spec, rownums)
        header = self.header
        self.width = max(len(header), max((len(r) for r in grid), default=0))
        if self.header_pos:
            report.notes.append(t("note_header", self.lang, row=self.header_row, n=self.header_pos))
        self.cols = rt._loaded_columns(header, mapping, spec, report, self.path, self.header_row, self.lang)
        self.label = {c: rt._clean_text(header[j]) for j, c in self.cols.items()}
        self.source_names = {c: f"c{j}" for j, c in self.cols.items()}
        self.default_decimal = "." if self.delimiter == "," else ","
        report.notes.append(t("note_encoding", self.lang, encoding=self.encoding,
                              delimiter={"\t": "tab"}.get(self.delimiter, self.delimiter)))
        self._n_lines = _Background(_count_lines, self.path)  # counted while DuckDB scans
        self.empty_lines = np.zeros(0, np.int64)  # found after the scan, only if records are missing

    def _mapping(self, grid, spec, rownums):
        pos, mapping = rt._find_header(grid, spec, self.path, self.lang, rownums)
        self.header_pos, self.header_row, self.header = pos, rownums[pos], grid[pos]
        return mapping

    def relation(self, parallel: bool = True) -> str:
        """SQL table function reading the data rows as text (DuckDB keeps the file's row order)."""
        if self.suffix == ".parquet":
            return f"read_parquet({_sql_path(self.path)})"
        columns = "{" + ", ".join(f"'c{j}': 'VARCHAR'" for j in range(self.width)) + "}"
        delim = self.delimiter.replace("'", "''")
        return (f"read_csv({_sql_path(self.path)}, delim='{delim}', header=false, skip={self.header_row}, "
                f"columns={columns}, quote='\"', escape='\"', null_padding=true, strict_mode=false, "
                f"auto_detect=false, parallel={str(parallel).lower()})")

    @property
    def n_lines(self) -> int | None:
        """Lines in the file (CSV; None for Parquet)."""
        if isinstance(self._n_lines, _Background):
            self._n_lines = self._n_lines.result()
        return self._n_lines

    def settle(self, n_records: int) -> None:
        """After the scan: when DuckDB read fewer records than the file has lines after the header, find the
        empty lines (it skips them); the usual file has none, and its bytes are then searched only once."""
        if self.n_lines is not None and n_records < self.n_lines - self.header_row:
            self.empty_lines, _ = _empty_lines(self.path, self.header_row)

    def lines(self, records: np.ndarray) -> np.ndarray:
        """Line number in the file (Parquet: record number + 1) of data records numbered from 1."""
        records = np.asarray(records, dtype=np.int64)
        if not len(self.empty_lines):
            return self.header_row + records
        breaks = self.empty_lines - self.header_row - np.arange(len(self.empty_lines))
        return self.header_row + records + np.searchsorted(breaks, records, side="right")

#: A superset, in RE2 syntax, of the cells :func:`evaluatie.privacy.find_identifiers` can flag (BSN, e-mail,
#: telephone, postcode, street, date of birth, title + name, pseudonym): only these distinct values of a
#: column with many values (pupil codes, remarks) are sent to Python to be checked exactly.
_PERSONAL_SQL = ("'(?i)\\d{9}|\\d{4}[.\\s]\\d{2}[.\\s]\\d{3}|\\d{3}[.\\s-]\\d{3}[.\\s-]\\d{3}"
                 "|\\d{2}[.\\s]\\d{3}[.\\s]\\d{2}[.\\s]\\d{2}|\\d{2}[\\s./_\\x{2010}-\\x{2015}-]\\d{2}|@|[(\\[]at[)\\]]|\\sat\\s|apenstaartje|(\\+|00)31"
                 "|[\\x{0660}-\\x{0669}\\x{06F0}-\\x{06F9}\\x{0966}-\\x{096F}\\x{FF10}-\\x{FF20}]"
                 "|0[1-9][\\d\\s.()/\\x{2010}-\\x{2015}-]{7,}\\d|[1-9]\\d{3}\\s?[a-z]{2}"
                 "|(straat|laan|weg|plein|singel|gracht|kade|dijk|steeg|dreef)\\s+\\d"
                 "|geb|born|birth|dob|d\\.o\\.b|\\b(dhr|mevr|mw|mevrouw|meneer|juf|meester|mrs?|ms)\\b|ps_[0-9a-f]{4}'")

#: One regular expression per pupil code (and other text cell): white space (the cell needs cleaning), or
#: anything ``_PERSONAL_SQL`` or a total label could match. A cell it does not match needs no other test.
_SUSPECT_SQL = _PERSONAL_SQL[:-1] + "|tot|som|" + _WS + "'"


_EMPTY = re.compile(rb"\n\r?\n")


def _ends_of_empty(text: bytes, start: int = 0, first: int = 0) -> list:
    """Positions in ``text`` of the newline that ends an empty line, from ``start``; only those at or after
    ``first``. A newline that ends one empty line may begin the next: the search goes on from it."""
    ends, m = [], _EMPTY.search(text, start)
    while m:
        if m.end() - 1 >= first:
            ends.append(m.end() - 1)
        m = _EMPTY.search(text, m.end() - 1)
    return ends


class _Background:
    """``fn(*args)`` in a thread (reading releases the GIL, and DuckDB releases it while it scans); ``result()``
    waits for it and raises what it raised."""

    def __init__(self, fn, *args):
        self._out: dict = {}
        self._thread = threading.Thread(target=self._run, args=(fn, args), daemon=True)
        self._thread.start()

    def _run(self, fn, args) -> None:
        try:
            self._out["value"] = fn(*args)
        except BaseException as err:  # noqa: BLE001 - handed to the caller by result()
            self._out["error"] = err

    def result(self):
        self._thread.join()
        if "error" in self._out:
            raise self._out["error"]
        return self._out["value"]


def _count_lines(path: Path, block: int = 1 << 24) -> int:
    """Number of lines of the file (as :func:`_empty_lines` counts them): newlines counted in blocks read
    into one reused buffer, plus one for a last line without a newline."""
    n_lines, last = 0, b"\n"
    buf = bytearray(block)
    view = memoryview(buf)
    with open(path, "rb", buffering=0) as fh:
        while True:
            n = fh.readinto(view)
            if not n:
                break
            n_lines += buf.count(b"\n", 0, n)
            last = buf[n - 1:n]
    return n_lines + (last != b"\n")


def _empty_lines(path: Path, header_row: int, block: int = 1 << 24) -> tuple[np.ndarray, int]:
    """Line numbers of empty lines after the header (DuckDB skips them; read_table reports them as blank
    rows) and the number of lines: one pass over the bytes in blocks with C-speed searches (no decoding)."""
    empty, n_lines, tail = [], 0, b""
    with open(path, "rb") as fh:
        while True:
            data = fh.read(block)
            if not data:
                break
            # an empty line across the boundary: the last two bytes before it and the first two of this block
            edge = tail + data[:2]
            for end in _ends_of_empty(edge, 0, len(tail)):
                if end - len(tail) < 2:
                    empty.append(n_lines - tail.count(b"\n") + edge.count(b"\n", 0, end) + 1)
            last, before = 0, n_lines
            for end in _ends_of_empty(data):
                before += data.count(b"\n", last, end)
                last = end
                line = before + 1
                if not empty or empty[-1] < line:  # not already found across the boundary
                    empty.append(line)
            n_lines += data.count(b"\n")
            tail = data[-2:] if len(data) >= 2 else (tail + data)[-2:]
        if tail and not tail.endswith(b"\n"):
            n_lines += 1
    lines = np.array(empty, dtype=np.int64)
    return lines[lines > header_row], n_lines


#: Rows per chunk of the stream from DuckDB (200 vectors of 2,048).
_CHUNK_VECTORS = 200
#: Bytes read for the sample of distinct values (evenly spaced blocks) before the scan.
_SAMPLE_BLOCKS, _SAMPLE_BLOCK = 64, 1 << 14
#: Share of rows with a value the sample missed above which the scan restarts after a full pass for the
#: distinct values (a file sorted by date, say): the stream would carry text for too many rows.
_RESTART_SHARE = 0.02
_F_PUPIL_NULL, _F_TOTAL, _F_EXTRA_NULL, _F_RARE = 1, 2, 4, 8
#: Rank of a row no reason applies to (the largest: a row's rank is the smallest of its cells'), the status
#: code of each rank (0 kept, 1 blank, 2 total, 4 unreadable, 5 category, 6 unknown school, 7 outside the
#: enrolment periods; 3, a duplicate, is set later), and whether a status keeps the row for read_table.
_KEPT = 9
_STATUS_OF_RANK = np.array([0, 1, 2, 3, 4, 5, 6, 7, 0, 0], dtype=np.int8)
_KEPT_STATUS = np.array([True, False, False, False, False, False, True, True], dtype=bool)
_ELIGIBLE = np.array([True, False, False, True, True, True, True, True], dtype=bool)  # for the duplicate search


class _Restart(Exception):
    """The sample missed too many distinct values: scan again with complete value lists."""


class _Values:
    """Distinct raw values of one low-cardinality column, numbered: the DuckDB ENUM built before the scan
    (ids ``0 .. n_enum - 1``), then the values found during the scan. Id ``-1`` is an empty cell."""

    def __init__(self, name: str, values, attempt: int):
        self.name, self.type = name, f"evaluatie_{name}_{attempt}"
        self.raw = list(dict.fromkeys(["", *[v for v in values if v is not None]]))  # "" keeps the ENUM non-empty
        self.n_enum = 0

    def create(self, con) -> None:
        con.register("evaluatie_enum_values", pd.DataFrame({"v": pd.Series(self.raw, dtype=object)}))
        try:
            _sql(con, f"CREATE TYPE {self.type} AS ENUM (SELECT v FROM evaluatie_enum_values)")
        finally:
            con.unregister("evaluatie_enum_values")
        self.raw = [r[0] for r in _sql(con, f"SELECT unnest(enum_range(NULL::{self.type}))").fetchall()]
        self.index = {v: i for i, v in enumerate(self.raw)}
        self.n_enum = len(self.raw)

    def add(self, value: str) -> int:
        i = self.index.get(value)
        if i is None:
            i = self.index[value] = len(self.raw)
            self.raw.append(value)
        return i


def _sample(source: _Source, low: list) -> dict:
    """Raw values of the low-cardinality columns in evenly spaced blocks of the file (CSV) or all distinct
    values (Parquet: a columnar pass is cheap)."""
    import duckdb

    if source.suffix == ".parquet":
        cols = ", ".join(f"list(DISTINCT {_quote(source.source_names[c])}::VARCHAR)" for c in low)
        return dict(zip(low, duckdb.sql(f"SELECT {cols} FROM {source.relation()}").fetchall()[0]))
    found = {c: set() for c in low}
    where = {c: int(source.source_names[c][1:]) for c in low}
    top = max(where.values())
    size = source.path.stat().st_size
    step = max(size // _SAMPLE_BLOCKS, 1)
    with open(source.path, "rb") as fh:
        for k in range(_SAMPLE_BLOCKS):
            fh.seek(k * step)
            data = fh.read(_SAMPLE_BLOCK)
            if not data:
                break
            lines = data.decode("utf-8", errors="replace").splitlines()[1:-1]  # whole lines only
            records = list(csv.reader(lines, delimiter=source.delimiter))
            wide = [r for r in records if len(r) > top]
            if wide:  # columns of the records that have them all: one transposition, no test per cell
                columns = list(zip(*wide))
                for c, j in where.items():
                    found[c].update(columns[j])
            for r in records:
                if len(r) <= top:
                    for c, j in where.items():
                        if j < len(r):
                            found[c].add(r[j])
    return {c: sorted(v - {""}) for c, v in found.items()}


def _prescan(con, source: _Source, low: list, parallel: bool) -> dict:
    """Every distinct value of the low-cardinality columns (one extra pass; only after a poor sample)."""
    cols = ", ".join(f"list(DISTINCT {_quote(source.source_names[c])}::VARCHAR)" for c in low)
    return dict(zip(low, _sql(con, f"SELECT {cols} FROM {source.relation(parallel)}").fetchall()[0]))


class _Rows:
    """What the scan keeps per row, in chunks: value ids, flags, hashes; and the few cells kept as text."""

    def __init__(self, low: list, n_extra: int):
        self.low, self.n_extra = low, n_extra
        self.ids = {c: [] for c in low}
        self.flags, self.ph, self.hx, self.offsets = [], [], [], [0]
        self.pupil_raw = []  # (record, raw text) of pupil cells that mean "missing"
        self.personal = []  # (column, record, cleaned text) of cells that may hold personal data
        self.n_missed = 0

    @property
    def n(self) -> int:
        return self.offsets[-1]


def _scan_sql(source: _Source, vals: dict, pupil: str, extras: list, parallel: bool) -> str:
    """The one query: per row the value ids, the pupil hash, flags, and the text of the rare cells Python needs.

    Three projection layers, so that each regular expression runs at most once per cell: one test per text
    cell (white space, possible personal data or a total label: ``_SUSPECT_SQL``), and only for the few cells
    it flags the clean-up and the exact prefilter (``CASE`` evaluates its branches on the flagged rows only).
    The rare cells travel as one JSON text in a BLOB: a mostly empty BLOB column converts three times faster
    than a list, and than a text column, which pandas (3.x) checks value by value to make it ``str``."""
    q = _quote
    raw_cols, middle, outer, rare, packed = [], [], [], [], []
    for name, v in vals.items():
        raw_cols.append(f"{q(source.source_names[name])}::VARCHAR AS {q('r_' + name)}")
        middle += [q("r_" + name), f"TRY_CAST({q('r_' + name)} AS {v.type}) AS {q('e_' + name)}"]
        packed.append((name, f"COALESCE(enum_code({q('e_' + name)})::{_id_type(v.n_enum)}, -1)"))
        rare.append(f"({q('e_' + name)} IS NULL AND {q('r_' + name)} IS NOT NULL)")
    texts = [("r_pupil", "c_pupil", "s_pupil", source.source_names[pupil])]
    texts += [(f"r_x{k}", f"c_x{k}", f"s_x{k}", source.source_names[x]) for k, x in enumerate(extras)]
    # possible personal data and possible total labels ("Totaal", "som") on the cleaned cell: those few
    # cells go to Python, which decides exactly
    either = _PERSONAL_SQL[:-1] + "|tot|som'"
    cleaned, personal = [], []
    for r, c, s, name in texts:
        raw_cols.append(f"{q(name)}::VARCHAR AS {r}")
        middle += [r, f"regexp_matches({r}, {_SUSPECT_SQL}) AS {s}"]
        cleaned.append(f"{_missing_sql(f'(CASE WHEN {s} THEN {_collapse_sql(r)} ELSE {r} END)')} AS {c}")
        personal.append(f"(CASE WHEN {s} THEN regexp_matches({c}, {either}) ELSE false END)")
    extra_null = " AND ".join(f"c_x{k} IS NULL" for k in range(len(extras))) or "true"
    flags = f"((c_pupil IS NULL)::INTEGER * {_F_PUPIL_NULL} + ({extra_null})::INTEGER * {_F_EXTRA_NULL})::UTINYINT"
    # the value ids (-1: empty or not in the list) in the smallest integer type that holds them, and the flags:
    # columns without NULLs, which arrive in numpy as they are (no unpacking in Python)
    outer += [f"{e} AS {q('i_' + n)}" for n, e in packed] + [f"{flags} AS f", "hash(c_pupil) AS ph"]
    if extras:
        outer.append(f"hash({', '.join(f'c_x{k}' for k in range(len(extras)))}) AS hx")
    shown = [q("r_" + name) for name in vals] + ["r_pupil", "c_pupil"] + [f"c_x{k}" for k in range(len(extras))]
    cond = " OR ".join(rare + ["(c_pupil IS NULL AND r_pupil IS NOT NULL)"] + personal)
    outer += [f"({cond}) AS is_rare"] + shown
    # the rare rows also set a flag bit: Python finds them in the small flags column (a test for NULL on the
    # text column, an array of Python objects, cost more than the rest of the chunk's unpacking)
    last = [q("i_" + n) for n, _ in packed] + [f"(f + is_rare::UTINYINT * {_F_RARE})::UTINYINT AS f", "ph"]
    last += ["hx"] if extras else []
    last.append(f"CASE WHEN is_rare THEN encode(to_json([{', '.join(shown)}])) END AS rare")
    carried = [q("r_" + name) for name in vals] + [q("e_" + name) for name in vals]
    carried += [x for r, _, s, _ in texts for x in (r, s)]
    return (f"SELECT {', '.join(last)} FROM (SELECT {', '.join(outer)} FROM (SELECT {', '.join(carried + cleaned)} "
            f"FROM (SELECT {', '.join(middle)} FROM (SELECT {', '.join(raw_cols)} FROM {source.relation(parallel)}))))")


def _id_type(n_values: int) -> str:
    """SQL integer type of the value ids of a list of ``n_values`` values (id -1: empty or not in the list)."""
    return "TINYINT" if n_values < 127 else "SMALLINT" if n_values < 32000 else "INTEGER"


_ID_DTYPE = {"TINYINT": np.int8, "SMALLINT": np.int16, "INTEGER": np.int32}


def _scan(con, source: _Source, vals: dict, pupil: str, extras: list, first4: list, parallel: bool,
          restart: bool) -> _Rows:
    """Stream the file once; keep per row the value ids, flags and hashes (small integer arrays)."""
    low = list(vals)
    rows = _Rows(low, len(extras))
    res = _sql(con, _scan_sql(source, vals, pupil, extras, parallel))
    while True:
        chunk = res.fetch_df_chunk(_CHUNK_VECTORS)
        n = len(chunk)
        if not n:
            break
        offset = rows.n
        ids = {c: chunk["i_" + c].to_numpy() for c in low}
        flags = chunk["f"].to_numpy()
        at = np.flatnonzero(flags & _F_RARE)
        rare = chunk["rare"].to_numpy(dtype=object) if len(at) else None
        missed, totals = 0, []
        for i in at:
            texts = json.loads(rare[i])
            row_missed = False
            for k, c in enumerate(low):
                if ids[c][i] < 0 and texts[k] is not None:
                    new = vals[c].add(texts[k])
                    if not ids[c].flags.writeable or new > np.iinfo(ids[c].dtype).max:
                        ids[c] = ids[c].astype(np.int32)  # a copy: pandas hands out read-only arrays
                    ids[c][i] = new
                    row_missed = True
            missed += row_missed
            r_pupil = texts[len(low)]
            for name, value in zip([pupil, *extras], texts[len(low) + 1:]):
                if value is None:
                    if name == pupil and r_pupil is not None:
                        rows.pupil_raw.append((offset + i, r_pupil))
                    continue
                if len(value) >= 6:
                    rows.personal.append((name, offset + i, value))
                if name in first4 and normalize_header(value) in rt._TOTAL:
                    totals.append(i)
        rows.n_missed += missed
        if restart and offset == 0 and missed > _RESTART_SHARE * n:
            raise _Restart  # the pending result is dropped with the next query
        if totals:
            flags = flags.copy()
            flags[totals] |= _F_TOTAL
        for c in low:  # the smallest integers that hold the ids: about 6 bytes a row for four columns
            rows.ids[c].append(ids[c].astype(_ID_DTYPE[_id_type(len(vals[c].raw))], copy=False))
        rows.flags.append(flags)
        rows.ph.append(chunk["ph"].to_numpy(dtype=np.uint64))
        if extras:
            rows.hx.append(chunk["hx"].to_numpy(dtype=np.uint64))
        rows.offsets.append(offset + n)
        del chunk, rare
    _log.debug("%d rows streamed; %d with a value the sample missed", rows.n, rows.n_missed)
    return rows


def _cores() -> int:
    """Cores this process may run on (its CPU affinity; all cores where that is unknown)."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except (AttributeError, OSError):  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def panel_duckdb(path: Path, enrolment: pd.DataFrame, *, freq: str, start, lang: str, max_listed: int,
                 memory_limit: str, reason: str, threads: int | None = None) -> pd.DataFrame:
    """The panel and its quality report (``.attrs["report"]``) from a referral file, in one DuckDB scan."""
    try:
        import duckdb
    except ImportError:  # pragma: no cover - duckdb is a dependency
        raise InputError(t("duckdb_missing", lang)) from None

    clock = _Clock()
    spec = check_kind("referrals")
    report = QualityReport(source=path.name, kind="referrals", lang=lang)
    report.notes.append(t("note_engine", lang, engine="DuckDB", reason=reason))
    source = _Source(path, spec, report, lang)
    label, cols = source.label, source.cols
    report.masked_columns += [label[c] for c in (spec.identifier, *report.identifier_columns) if c in label]
    names = list(cols.values())
    low = [c for c in _LOW_CARD if c in names]
    pupil = spec.identifier
    extras = [c for c in names if c not in low and c != pupil]
    first4 = names[:4]
    folder = Path(tempfile.mkdtemp(prefix="evaluatie_duckdb_"))
    con = duckdb.connect()
    try:
        _sql(con, f"SET memory_limit = '{memory_limit}'")
        _sql(con, f"SET threads = {int(threads or _cores())}")
        _sql(con, f"SET temp_directory = '{folder / 'tmp'}'")
        _sql(con, "SET preserve_insertion_order = true")  # the stream comes in file order: position = record
        _sql(con, "SET enable_progress_bar = false")
        sample, rows, parallel, restart = _sample(source, low), None, True, True
        clock.lap("sample")  # with the header found and the connection set up
        for attempt in range(4):
            vals = {c: _Values(c, sample[c], attempt) for c in low}
            try:
                for v in vals.values():
                    v.create(con)
                rows = _scan(con, source, vals, pupil, extras, first4, parallel, restart)
                break
            except _Restart:  # the sample missed many values: one pass for all of them, then the scan again
                restart = False
                sample = None
            except duckdb.Error as err:  # DuckDB reads a file with cells over several lines in one thread only
                if parallel and "parallel" in str(err):
                    parallel = False
                    continue
                raise InputError(t("duckdb_read", lang, file=path.name, detail=str(err).splitlines()[0][:300]),
                                 file=path) from None
            if sample is None:
                try:
                    sample = _prescan(con, source, low, parallel)
                except duckdb.Error as err:
                    if parallel and "parallel" in str(err):
                        parallel = False
                        sample = _prescan(con, source, low, parallel)
                    else:
                        raise InputError(t("duckdb_read", lang, file=path.name,
                                           detail=str(err).splitlines()[0][:300]), file=path) from None
        if rows is None:  # pragma: no cover - the attempts either return or raise
            raise InputError(t("duckdb_read", lang, file=path.name, detail="?"), file=path)
    finally:
        con.close()
        shutil.rmtree(folder, ignore_errors=True)
    clock.lap("scan")  # the file streamed into numpy (and a second pass, after a poor sample)
    source.settle(rows.n)
    if source.n_lines is not None and rows.n < source.n_lines - source.header_row - len(source.empty_lines):
        first = _first_multiline(source, low + [pupil] + extras, parallel)  # only for files with such cells
        report.notes.append(t("note_duckdb_multiline", lang, line=int(source.lines([first])[0])))
    report.n_read = rows.n + len(source.empty_lines)
    if report.n_read == 0:
        raise InputError(t("no_data_rows", lang, file=path.name, row=source.header_row), file=path,
                         row=source.header_row)
    clock.lap("lines")  # the line count (a thread during the scan) and, when needed, empty or multi-line records
    return _Panel(source, spec, vals, rows, names, enrolment, report, freq=freq, lang=lang,
                  max_listed=max_listed, clock=clock).run(start)


def _first_multiline(source: _Source, names: list, parallel: bool) -> int:
    """Record number (from 1) of the first record with a cell over several lines (an extra pass)."""
    import duckdb

    cols = ", ".join(f"{_quote(source.source_names[c])}::VARCHAR AS {_quote(c)}" for c in names)
    test = " OR ".join(f"contains({_quote(c)}, chr(10))" for c in names)
    found = duckdb.sql(f"SELECT min(r) FROM (SELECT row_number() OVER () AS r, {cols} FROM "
                       f"{source.relation(parallel)}) WHERE {test}").fetchall()[0][0]
    return int(found or 1)


def _first_seen(ids: np.ndarray, offset: int, size: int, first: np.ndarray) -> None:
    """Record in ``first`` (−1 = not yet) the position of the first occurrence of each id in this chunk."""
    present = np.bincount(ids[ids >= 0], minlength=size)[:size] > 0
    new = np.flatnonzero(present & (first[:size] < 0))
    if not len(new):
        return
    if len(new) > 32:  # first occurrences by hashing (a sort of the whole chunk took ten times longer)
        found = pd.Series(ids).drop_duplicates()
        values, index = found.to_numpy(), found.index.to_numpy()
        keep = values >= 0
        values, index = values[keep], index[keep]
        fresh = first[values] < 0
        first[values[fresh]] = offset + index[fresh]
    else:
        for i in new:
            first[i] = offset + int(np.argmax(ids == i))


def _mix(h: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Combine a 64-bit hash with integers (splitmix64 finalizer): equal inputs, equal output."""
    h = (h ^ x.astype(np.uint64)) * np.uint64(0x9E3779B97F4A7C15)
    h ^= h >> np.uint64(31)
    h *= np.uint64(0xBF58476D1CE4E5B9)
    h ^= h >> np.uint64(29)
    return h


class _Panel:
    """Everything after the scan: the distinct values parsed once, each row's reason, duplicates, the
    panel, and the report (entries in the order and wording of the pandas path)."""

    def __init__(self, source, spec, vals, rows, names, enrolment, report, *, freq, lang, max_listed, clock=None):
        self.clock = clock or _Clock()
        self.source, self.spec, self.vals, self.rows, self.names = source, spec, vals, rows, names
        self.enrolment, self.report, self.freq, self.lang, self.max_listed = enrolment, report, freq, lang, max_listed
        self.low = list(vals)

    # ----------------------------------------------------------------- distinct values, parsed once
    def _chunks(self):
        rows = self.rows
        for k in range(len(rows.offsets) - 1):
            ids = {c: rows.ids[c][k] for c in self.low}
            yield k, rows.offsets[k], ids

    def _tables(self) -> None:
        """Per distinct value of each column (index = id, last entry = empty cell): cleaned id, total row,
        parse failure, parsed value, as :func:`evaluatie.read_table` finds them."""
        from .zorgvraag import period_start

        present = {}
        for c in self.low:  # the values that occur (the ENUM may hold values of an earlier, poorer sample)
            size = len(self.vals[c].raw)
            found = np.zeros(size, dtype=bool)
            for k, offset, ids in self._chunks():
                col = ids[c]
                found |= np.bincount(col[col >= 0], minlength=size)[:size] > 0
            present[c] = found
        self.tab = {}
        for c in self.low:
            raw = np.array(self.vals[c].raw + [None], dtype=object)
            size = len(raw)
            seen = np.flatnonzero(present[c])
            # sorted as the pandas path's categories of a CSV (its notes quote the first ambiguous date, say)
            seen = np.array(sorted(seen.tolist(), key=raw.__getitem__), dtype=np.int64)
            col = self.spec.column(c)
            uniques = raw[seen]
            series, reasons = rt._parse_column(col, np.arange(len(uniques)), uniques, self.source.default_decimal,
                                               self.source.label[c], self.report, self.lang)
            values = series.to_numpy(dtype=object) if col.type != "date" else series.to_numpy()
            if col.categories:
                lookup = {normalize_header(k): v for k, v in col.categories.items()}
                values = np.array([None if v is None else lookup.get(normalize_header(v), v) for v in values],
                                  dtype=object)
            cleaned = rt._clean_uniques(uniques)
            cid, _ = pd.factorize(pd.Series(cleaned, dtype=object), use_na_sentinel=True)
            t_ = {"cid": np.full(size, -1, dtype=np.int64), "total": np.zeros(size, dtype=bool),
                  "reason": np.full(size, None, dtype=object)}
            t_["cid"][seen] = cid
            t_["total"][seen] = [v is not None and normalize_header(v) in rt._TOTAL for v in cleaned]
            t_["reason"][seen] = reasons
            if col.type == "date":
                value = np.full(size, np.datetime64("NaT"), dtype="datetime64[ns]")
                value[seen] = values
                t_["missing"] = np.isnat(value)
            else:
                value = np.full(size, None, dtype=object)
                value[seen] = [None if v is None or (isinstance(v, float) and np.isnan(v)) else str(v) for v in values]
                t_["missing"] = np.array([v is None for v in value], dtype=bool)
            t_["value"], t_["raw"] = value, raw
            self.tab[c] = t_
        # the unit, period and care level of a value, as indices into lists of distinct ones
        unit = self.tab["unit"]
        self.units = np.unique(np.array([v for v in unit["value"] if v is not None], dtype=object))
        index = {u: i for i, u in enumerate(self.units)}
        unit["uval"] = np.array([index.get(v, -1) if v is not None else -1 for v in unit["value"]], dtype=np.int64)
        enrolled = set(self.enrolment["unit"])
        unit["known"] = np.array([v is not None and v in enrolled for v in unit["value"]], dtype=bool)
        date = self.tab["date"]
        periods = period_start(pd.Series(date["value"]), self.freq).to_numpy()
        self.periods = np.unique(periods[~np.isnat(periods)])
        date["pidx"] = np.where(np.isnat(periods), -1, np.searchsorted(self.periods, periods)).astype(np.int64)
        care = self.tab["care_level"]
        self.known_levels = sorted(set(self.spec.column("care_level").categories.values()))
        self.levels = np.array(sorted({v for v in care["value"] if v is not None}), dtype=object)
        lindex = {v: i for i, v in enumerate(self.levels)}
        care["lval"] = np.array([lindex.get(v, -1) if v is not None else -1 for v in care["value"]], dtype=np.int64)
        care["category"] = np.array([v is not None and v not in self.known_levels for v in care["value"]], dtype=bool)
        if "provider" in self.tab:
            prov = self.tab["provider"]
            self.providers = np.unique(np.array([v for v in prov["value"] if v is not None], dtype=object))
            pindex = {p: i for i, p in enumerate(self.providers)}
            prov["pval"] = np.array([pindex.get(v, -1) if v is not None else -1 for v in prov["value"]],
                                    dtype=np.int64)
        # parse failures: (column, reason key) pairs in the spec's column order
        self.fail_keys = []
        for col in self.spec.columns:
            if col.name == self.spec.identifier:
                if col.required:
                    self.fail_keys.append((col.name, "reason_missing"))
                continue
            if col.name not in self.tab:
                continue
            tab = self.tab[col.name]
            code = np.full(len(tab["raw"]), -1, dtype=np.int64)
            for i in range(len(code)):
                key = tab["reason"][i]
                if key is None and col.required and tab["missing"][i]:
                    key = "reason_missing"
                if key is not None:
                    if (col.name, key) not in self.fail_keys:
                        self.fail_keys.append((col.name, key))
                    code[i] = self.fail_keys.index((col.name, key))
            tab["fail"] = code
        self.by_period = "period" in self.enrolment
        if self.by_period:
            from .zorgvraag import _enrolment_cells

            self.enrol = _enrolment_cells(self.enrolment, self.freq, None, unit="unit", period="period",
                                          exposure="exposure")
            ok = np.zeros((len(self.units) + 1, len(self.periods) + 1), dtype=bool)
            cu = pd.Index(self.units).get_indexer(self.enrol["unit"].astype(object))
            cp = pd.Index(self.periods).get_indexer(pd.to_datetime(self.enrol["period"]).to_numpy("datetime64[ns]"))
            good = (cu >= 0) & (cp >= 0)
            ok[cu[good], cp[good]] = True
            self.cell_ok = ok

    # ----------------------------------------------------------------- each row's first reason
    def _row_tables(self) -> None:
        """Per column, per value id: the rank of the first reason the value alone gives a row (2 total,
        4 unreadable, 5 category, 6 unknown school, 9 none: a row's rank is the smallest of its columns'), the
        parse failure (index into ``fail_keys``; a large number for none) and the value's part of the row key."""
        tab, first4 = self.tab, self.names[:4]
        self.rank, self.fail_of, self.key_part = {}, {}, {}
        none = np.int64(len(self.fail_keys) + 1)
        for c in self.low:
            rank = np.full(len(tab[c]["raw"]), _KEPT, dtype=np.int8)
            if c == "unit":
                rank[~tab[c]["known"]] = 6
            if c == "care_level":
                rank[tab[c]["category"]] = 5
            fail = tab[c]["fail"] if c in [col.name for col in self.spec.columns] else np.full(len(rank), -1)
            rank[fail >= 0] = 4
            if c in first4:
                rank[tab[c]["total"]] = 2
            self.rank[c] = rank
            self.fail_of[c] = np.where(fail >= 0, fail, none)
        # the cleaned values' ids combined into one integer when their ranges allow (one mixing round, not four)
        sizes = [int(tab[c]["cid"].max()) + 2 for c in self.low]
        self.combined = float(np.prod(sizes, dtype=float)) < 2.0 ** 62
        stride = 1
        for c, size in reversed(list(zip(self.low, sizes))):
            self.key_part[c] = (tab[c]["cid"] + 1) * stride if self.combined else tab[c]["cid"]
            stride *= size
        pupil = next((col for col in self.spec.columns if col.name == self.spec.identifier), None)
        self.pupil_missing = (self.fail_keys.index((pupil.name, "reason_missing"))
                              if pupil is not None and pupil.required else None)

    def _status(self, k: int, ids: dict) -> tuple[np.ndarray, np.ndarray]:
        """Status code of each row before duplicates (0 kept, 1 blank, 2 total, 4 unreadable, 5 category,
        6 unknown school, 7 outside the enrolment periods) and the parse failure of the rows with code 4 (index
        into ``fail_keys``; in the order of ``np.flatnonzero(status == 4)``).

        A row's first reason is the smallest rank of its cells (one lookup per column in a table per value);
        the few rows with a flag (empty pupil code, a total label in a text cell) are then looked at one by one
        in numpy: blank, total or a missing pupil code."""
        tab, rows = self.tab, self.rows
        flags = rows.flags[k]
        rank = None
        for c in self.low:
            r = self.rank[c][ids[c]]
            rank = r if rank is None else np.minimum(rank, r, out=rank)
        special = np.flatnonzero(flags & (_F_PUPIL_NULL | _F_TOTAL))
        if len(special):
            f = flags[special]
            r = rank[special]
            r = np.where((f & _F_TOTAL) > 0, np.minimum(r, 2), r)
            null = (f & _F_PUPIL_NULL) > 0
            if self.pupil_missing is not None:
                r = np.where(null, np.minimum(r, 4), r)
            blank = null & ((f & _F_EXTRA_NULL) > 0)
            for c in self.low:
                blank &= tab[c]["cid"][ids[c][special]] < 0
            rank[special] = np.where(blank, 1, r)
        if self.by_period:
            outside = ~self.cell_ok[tab["unit"]["uval"][ids["unit"]], tab["date"]["pidx"][ids["date"]]]
            rank[outside & (rank == _KEPT)] = 7
        status = _STATUS_OF_RANK[rank]
        failed = np.flatnonzero(status == 4)
        fail = np.empty(0, dtype=np.int64)
        if len(failed):
            fail = None
            for c in self.low:
                f = self.fail_of[c][ids[c][failed]]
                fail = f if fail is None else np.minimum(fail, f)
            if self.pupil_missing is not None:
                null = (flags[failed] & _F_PUPIL_NULL) > 0
                fail = np.where(null, np.minimum(fail, self.pupil_missing), fail)
        return status, fail

    def _hash(self, k: int, ids: dict) -> np.ndarray:
        """Row hash: the pupil hash (and that of the other columns) mixed with the cleaned values' ids, which
        are first combined into one integer when their ranges allow (one mixing round instead of four)."""
        h = self.rows.ph[k]
        if self.rows.hx:
            h = _mix(h, self.rows.hx[k].view(np.int64))
        if self.combined:
            key = None
            for c in self.low:
                part = self.key_part[c][ids[c]]
                key = part if key is None else np.add(key, part, out=key)
            return _mix(h, key)
        for c in self.low:  # pragma: no cover - billions of combinations of distinct values
            h = _mix(h, self.key_part[c][ids[c]])
        return h

    def _pass_status(self) -> None:
        """Pass 1: status, the row hash (it replaces the pupil hash in place), schools with one, two or more
        pupils among the rows read_table keeps (duplicates do not change which pupils a school has)."""
        self._row_tables()
        n_units = len(self.units)
        self.pupil_first = np.zeros(n_units, dtype=np.uint64)
        self.pupil_second = np.zeros(n_units, dtype=np.uint64)
        has_first = np.zeros(n_units, dtype=bool)
        has_second = np.zeros(n_units, dtype=bool)
        several = False  # some school has three pupils or more
        self.status, self.fails = [], []
        self.n_half = np.zeros(2, dtype=np.int64)  # rows the duplicate search sorts, per top bit of their hash
        for k, offset, ids in self._chunks():
            status, fail = self._status(k, ids)
            self.status.append(status)
            self.fails.append((np.flatnonzero(status == 4), fail))
            kept = _KEPT_STATUS[status]
            uval = self.tab["unit"]["uval"][ids["unit"]]
            ph = self.rows.ph[k]
            if several:  # only schools without a second pupil yet can still change
                sel = kept & ~has_second[uval]
                uval, ph = uval[sel], ph[sel]
            else:
                uval, ph = uval[kept], ph[kept]
            new = ~has_first[uval]
            self.pupil_first[uval[new]] = ph[new]
            has_first[uval[new]] = True
            other = ph != self.pupil_first[uval]
            fresh = other & ~has_second[uval]
            self.pupil_second[uval[fresh]] = ph[fresh]
            has_second[uval[fresh]] = True
            if not several:
                several = bool((other & (ph != self.pupil_second[uval])).any())
            h = self._hash(k, ids)
            self.rows.ph[k] = h
            eligible = _ELIGIBLE[status]  # neither blank nor a total
            upper = int(np.count_nonzero(h[eligible] >> np.uint64(63)))
            self.n_half += [int(eligible.sum()) - upper, upper]
            self.rows.flags[k] = None  # no longer needed: the status says it all
        self.single = has_first & ~has_second
        self.several = several

    def _pass_duplicates(self) -> None:
        """Exact duplicate rows among rows that are neither blank nor a total: 32-bit hash candidates from a
        sort, confirmed on the 64-bit row hash and the cleaned school, date, level and provider. The sort runs
        twice, on the rows whose hash has its top bit 0 and then 1 (equal rows have equal hashes, so fall in the
        same half): the array sorted is half as long (40 MB less at 20 M rows)."""
        found = []
        for half in (0, 1):
            low32 = np.empty(int(self.n_half[half]), dtype=np.uint32)  # filled in place: nothing to concatenate
            n = 0
            for k in range(len(self.status)):
                h, status = self.rows.ph[k], self.status[k]
                take = _ELIGIBLE[status] & ((h >> np.uint64(63)) == np.uint64(half))
                low = (h[take] & np.uint64(0xFFFFFFFF)).astype(np.uint32)
                low32[n:n + len(low)] = low
                n += len(low)
            low32.sort()  # in place
            found.append(np.unique(low32[1:][low32[1:] == low32[:-1]]).astype(np.int64) + (half << 32))
            del low32
        repeated = np.concatenate(found)  # keys: top bit × 2^32 + low 32 bits, in increasing order
        self.dup_first = {}
        if not len(repeated):
            return
        cand = []
        # a first test on the top 21 of the 33 key bits, one gather per row in a table that stays in the cache
        bucket = np.zeros(1 << 21, dtype=bool)
        bucket[repeated >> 12] = True
        for k, offset, ids in self._chunks():
            h = self.rows.ph[k]
            status = self.status[k]
            key = ((h >> np.uint64(31)) & np.uint64(1 << 32)) | (h & np.uint64(0xFFFFFFFF))
            key = key.view(np.int64)
            at = np.flatnonzero(bucket[key >> 12])
            pos = np.searchsorted(repeated, key[at])
            hit = (repeated[np.minimum(pos, len(repeated) - 1)] == key[at]) & _ELIGIBLE[status[at]]
            at = at[hit]
            if len(at):
                part = {"pos": offset + at, "h": h[at]}
                for c in self.low:
                    part[c] = self.tab[c]["cid"][ids[c][at]]
                cand.append(pd.DataFrame(part))
        cand = pd.concat(cand, ignore_index=True)
        keys = ["h"] + self.low
        first = cand.groupby(keys, sort=False)["pos"].transform("min")
        later = cand["pos"].to_numpy() != first.to_numpy()
        self.dup_first = dict(zip(cand["pos"].to_numpy()[later].tolist(), first.to_numpy()[later].tolist()))

    # ----------------------------------------------------------------- the panel and the report
    def run(self, start) -> pd.DataFrame:
        from .zorgvraag import _REASON_PERIOD, _REASON_UNIT, _assemble, _enrolment_cells

        clock = self.clock
        self._tables()
        clock.lap("values")
        self._pass_status()
        clock.lap("status")
        self._pass_duplicates()
        clock.lap("duplicates")
        lang, report, label, max_listed = self.lang, self.report, self.source.label, self.max_listed
        dup_pos = np.array(sorted(self.dup_first), dtype=np.int64)
        n_cells = len(self.units) * max(len(self.periods), 1) * max(len(self.levels), 1)
        dense = n_cells <= 1 << 24
        counts = np.zeros(n_cells if dense else 0, dtype=np.int64)
        sparse = []
        totals = np.zeros(8, dtype=np.int64)
        listed = {s: [] for s in range(1, 8)}
        fail_rows = {c: [] for c, _ in self.fail_keys}
        fail_counts = np.zeros(len(self.fail_keys), dtype=np.int64)
        unit_n = np.zeros(len(self.units), dtype=np.int64)
        unit_first = np.full(len(self.units), -1, dtype=np.int64)
        prov = "provider" in self.tab
        if prov:
            prov_n = np.zeros(len(self.providers), dtype=np.int64)
            prov_first = np.full(len(self.providers), -1, dtype=np.int64)
        hit_ids = self._map_hits()
        hit_rows = {c: [] for c in hit_ids}
        hit_n = {c: 0 for c in hit_ids}
        # dates after today: kept, but warned (a typo such as '7-11-2030'), as read_table warns them
        today = pd.Timestamp.today().normalize()
        dates = pd.to_datetime(pd.Series(self.tab["date"]["value"]), errors="coerce")
        future_ids = (dates > today).fillna(False).to_numpy(dtype=bool)
        future_rows, future_n = [], 0
        span = [None, None]
        # a kept row's cell, (school × periods + period) × levels + level, as the sum of one part per column
        n_p, n_l = max(len(self.periods), 1), max(len(self.levels), 1)
        cell_u = self.tab["unit"]["uval"] * (n_p * n_l)
        cell_d = self.tab["date"]["pidx"] * n_l
        cell_l = self.tab["care_level"]["lval"]
        for k, offset, ids in self._chunks():
            status = self.status[k]  # from here on the final status: duplicates marked in place
            end = self.rows.offsets[k + 1]
            d = dup_pos[(dup_pos >= offset) & (dup_pos < end)] - offset
            status[d] = 3
            here = np.bincount(status, minlength=8)
            totals += here
            for s in (1, 2, 3, 5, 6, 7):
                need = max_listed - len(listed[s])
                if need > 0 and here[s]:
                    listed[s] += (offset + np.flatnonzero(status == s)[:need]).tolist()
            failed, fail = self.fails[k]
            still = status[failed] == 4  # not a duplicate
            failed, fail = failed[still], fail[still]
            if len(failed):
                fail_counts += np.bincount(fail, minlength=len(self.fail_keys))
                for c in fail_rows:
                    need = max_listed - len(fail_rows[c])
                    if need > 0:
                        mine = [i for i, (col, _) in enumerate(self.fail_keys) if col == c]
                        sel = np.isin(fail, mine)
                        fail_rows[c] += list(zip((offset + failed[sel][:need]).tolist(), fail[sel][:need].tolist()))
            kept = _KEPT_STATUS[status]
            if future_ids.any():
                mask = future_ids[ids["date"]] & kept
                future_n += int(mask.sum())
                need = max_listed - len(future_rows)
                if need > 0:
                    future_rows += (offset + np.flatnonzero(mask)[:need]).tolist()
            uval = self.tab["unit"]["uval"][ids["unit"]]
            pidx = self.tab["date"]["pidx"][ids["date"]]
            if kept.any():
                p = pidx[kept]
                lo, hi = int(p.min()), int(p.max())
                span = [lo if span[0] is None else min(span[0], lo), hi if span[1] is None else max(span[1], hi)]
            unit_n += np.bincount(uval[kept], minlength=len(self.units))
            if unit_first.min(initial=0) < 0:  # not every school's first row found yet
                _first_seen(np.where(kept, uval, -1), offset, len(self.units), unit_first)
            if prov:
                pval = self.tab["provider"]["pval"]
                pv = pval[ids["provider"][kept]]
                prov_n += np.bincount(pv[pv >= 0], minlength=len(self.providers))
                if prov_first.min(initial=0) < 0:
                    _first_seen(np.where(kept, pval[ids["provider"]], -1), offset, len(self.providers), prov_first)
            for c, bad in hit_ids.items():
                mask = bad[ids[c]] & kept
                hit_n[c] += int(mask.sum())
                need = max_listed - len(hit_rows[c])
                if need > 0:
                    hit_rows[c] += (offset + np.flatnonzero(mask)[:need]).tolist()
            ok = status == 0
            if here[0]:
                code = cell_u[ids["unit"][ok]]
                code += cell_d[ids["date"][ok]]
                code += cell_l[ids["care_level"][ok]]
                if dense:
                    counts += np.bincount(code, minlength=n_cells)
                else:
                    sparse.append(np.unique(code, return_counts=True))
        clock.lap("counts")
        reasons = {1: t("reason_blank", lang), 2: t("reason_total", lang),
                   5: t("reason_category", lang, allowed=allowed_values(self.spec.column("care_level"), lang)),
                   6: _REASON_UNIT, 7: _REASON_PERIOD}
        n_kept = int(totals[0] + totals[6] + totals[7])

        def dropped():
            self._list(listed, totals, reasons, fail_rows, fail_counts, range(1, 6))

        if n_kept == 0:
            dropped()
            first = report.entries[0] if report.entries else {"row": None, "column": "", "reason": ""}
            raise InputError(t("no_usable_rows", lang, file=self.source.path.name, row=first["row"],
                               column=first["column"], reason=first["reason"]), file=self.source.path,
                             row=first["row"], column=first["column"])
        dropped()
        self._privacy(hit_ids, hit_rows, hit_n, unit_n, unit_first, (prov_n, prov_first) if prov else None)
        future = t("reason_date_future", lang, today=format_date(today, lang))
        for record in future_rows:
            k, offset = self._locate(record)
            i = int(self.rows.ids["date"][k][record - offset])
            report.add(row=self._line(record), column=label.get("date", "date"), value=self.tab["date"]["raw"][i] or "",
                       action="warning", reason=future)
        if future_n > len(future_rows):
            report.unlisted.append({"column": label.get("date", "date"), "reason": future, "action": "warning",
                                    "n": future_n - len(future_rows)})
        self._list(listed, totals, reasons, fail_rows, fail_counts, (6, 7))
        clock.lap("report")
        if self.by_period:
            enrol = self.enrol
        else:  # as to_panel: every period between the first and the last referral read_table keeps
            enrol = _enrolment_cells(self.enrolment, self.freq, [pd.Timestamp(self.periods[span[0]]),
                                                                  pd.Timestamp(self.periods[span[1]])],
                                     unit="unit", period="period", exposure="exposure")
        n_p, n_l = max(len(self.periods), 1), max(len(self.levels), 1)
        if dense:  # each cell's count found by its codes: no table of counts, no merge on text keys
            levels = self.levels[np.unique(np.flatnonzero(counts) % n_l)].tolist() if len(self.levels) else []
            out = _assemble(enrol, None, levels, self.enrolment, start, self.freq, report, unit="unit",
                            period="period", care_level="care_level", exposure="exposure",
                            cell_counts=lambda cells: self._cell_counts(cells, counts))
            clock.lap("panel")
            return out
        else:
            found = pd.concat([pd.Series(n, index=c) for c, n in sparse]) if sparse else pd.Series(dtype=np.int64)
            found = found.groupby(level=0).sum()
            nz, counts = found.index.to_numpy(dtype=np.int64), found.to_numpy(dtype=np.int64)
        n_p, n_l = max(len(self.periods), 1), max(len(self.levels), 1)
        table = pd.DataFrame({"unit": self.units[nz // (n_p * n_l)], "period": self.periods[(nz // n_l) % n_p],
                              "care_level": self.levels[nz % n_l], "count": counts})
        table["period"] = pd.to_datetime(table["period"]).astype(enrol["period"].dtype)
        # cells come sorted by school, period and care level (sorted lists; codes in increasing order), with
        # the dtypes of to_panel's groupby route (checked by the tests that compare the panels)
        levels = sorted(table["care_level"].dropna().unique())
        out = _assemble(enrol, table, levels, self.enrolment, start, self.freq, report, unit="unit",
                        period="period", care_level="care_level", exposure="exposure")
        clock.lap("panel")
        return out

    def _cell_counts(self, cells: pd.DataFrame, counts: np.ndarray) -> np.ndarray:
        """The count of each cell (school, period, care level) of the panel from the dense counts array."""
        n_p, n_l = max(len(self.periods), 1), max(len(self.levels), 1)
        u = pd.Index(self.units.astype(object)).get_indexer(cells["unit"].to_numpy(dtype=object))
        p = pd.Index(np.asarray(self.periods, dtype="datetime64[ns]")).get_indexer(
            pd.to_datetime(cells["period"]).to_numpy(dtype="datetime64[ns]"))
        lv = pd.Index(self.levels.astype(object)).get_indexer(cells["care_level"].to_numpy(dtype=object))
        ok = (u >= 0) & (p >= 0) & (lv >= 0)
        out = np.zeros(len(cells), dtype=np.int64)
        out[ok] = counts[(u[ok] * n_p + p[ok]) * n_l + lv[ok]]
        return out

    def _line(self, record: int) -> int:
        return int(self.source.lines([record + 1])[0])

    def _list(self, listed, totals, reasons, fail_rows, fail_counts, codes) -> None:
        """Dropped rows into the report: every row up to ``max_listed`` per reason, in row order; the rest counted
        in ``report.unlisted``."""
        report, lang, label, max_listed, source = self.report, self.lang, self.source.label, self.max_listed, self.source
        for code in codes:
            n = int(totals[code])
            got = listed[code]
            if code == 1:  # empty lines are blank rows too; they come first, as DuckDB's records skip them
                empty = source.empty_lines[:max_listed]
                for row in empty:
                    report.add(row=int(row), column="", value="", reason=reasons[1], action="dropped")
                n_empty = len(source.empty_lines) - len(empty)
                if n_empty:
                    report.unlisted.append({"column": "", "reason": reasons[1], "action": "dropped", "n": n_empty})
                got = got[:max(max_listed - len(empty), 0)]
            if code == 4:
                self._list_parse(fail_rows, fail_counts)
                continue
            for record in got:
                row = self._line(record)
                if code in (1, 2):
                    report.add(row=row, column="", value="", reason=reasons[code], action="dropped")
                elif code == 3:
                    report.add(row=row, column="", value="", action="dropped",
                               reason=t("reason_duplicate", lang, first=self._line(self.dup_first[record])))
                else:
                    k, offset = self._locate(record)
                    c = {5: "care_level", 6: "unit", 7: "date"}[code]
                    i = int(self.rows.ids[c][k][record - offset])
                    if code == 5:
                        report.add(row=row, column=label.get(c, c), value=self.tab[c]["raw"][i] or "",
                                   action="dropped", reason=reasons[5])
                    elif code == 6:
                        report.add(row=row, column=label.get("unit", "unit"), value=self.tab["unit"]["value"][i],
                                   action="dropped", reason=reasons[6])
                    else:
                        report.add(row=row, column=label.get("date", "date"),
                                   value=pd.Timestamp(self.tab["date"]["value"][i]), action="dropped", reason=reasons[7])
            if n > len(got):
                column = {5: "care_level", 6: "unit", 7: "date"}.get(code, "")
                shown = label.get(column, column) if code in (5, 6, 7) else column
                reason = t("reason_duplicate", lang, first="…") if code == 3 else reasons[code]
                report.unlisted.append({"column": shown, "reason": reason, "action": "dropped", "n": n - len(got)})

    def _locate(self, record: int) -> tuple[int, int]:
        k = int(np.searchsorted(self.rows.offsets, record, side="right")) - 1
        return k, self.rows.offsets[k]

    def _list_parse(self, fail_rows, fail_counts) -> None:
        """Rows with an unreadable or missing required value: per column, in row order, as read_table lists them."""
        report, lang, label = self.report, self.lang, self.source.label
        pupil_raw = dict(self.rows.pupil_raw)
        order = [c.name for c in self.spec.columns]
        for column in sorted({c for (c, _), n in zip(self.fail_keys, fail_counts) if n}, key=order.index):
            got = fail_rows[column]
            for record, key in got:
                if column == self.spec.identifier:
                    value = pupil_raw.get(record, "")
                else:
                    k, offset = self._locate(record)
                    value = self.tab[column]["raw"][int(self.rows.ids[column][k][record - offset])] or ""
                report.add(row=self._line(record), column=label.get(column, column), value=value, action="dropped",
                           reason=t(self.fail_keys[key][1], lang))
            for i, ((col, key), n) in enumerate(zip(self.fail_keys, fail_counts)):
                shown = sum(g[1] == i for g in got)
                if col == column and n > shown:
                    report.unlisted.append({"column": label.get(column, column), "reason": t(key, lang),
                                            "action": "dropped", "n": int(n - shown)})

    # ----------------------------------------------------------------- privacy
    def _map_hits(self) -> dict:
        """Per text column with a value list (school, provider): which values hold personal data."""
        self.map_hits = {}
        out = {}
        for c in [c for c in self.names if c in ("unit", "provider")]:
            tab = self.tab[c]
            ids = np.flatnonzero(np.array([v is not None for v in tab["value"]], dtype=bool))
            if not len(ids):
                continue
            found = {int(ids[row]): kinds for row, kinds in _identifier_hits(tab["value"][ids], c).items()}
            if not found:
                continue
            bad = np.zeros(len(tab["raw"]), dtype=bool)
            bad[list(found)] = True
            self.map_hits[c] = {i: sorted(v) for i, v in found.items()}
            out[c] = bad
        return out

    def _privacy(self, hit_ids, hit_rows, hit_n, unit_n, unit_first, prov) -> None:
        """Personal data in the text columns and in the pupil codes (warnings, as read_table gives them), and
        schools that look alike or have one pupil (:func:`_flag_units`)."""
        spec, label = self.spec, self.source.label
        texts = [c for c in self.names if c != spec.identifier and c not in ("date", "care_level")]
        for name in texts:
            self._identifiers(name, hit_rows, hit_n, "reason_identifier")
        self._flag_units(unit_n, unit_first, prov)
        self._identifiers(spec.identifier, hit_rows, hit_n, "reason_identifier_pseudo")
        self.report.notes.append(t("note_duckdb_pupils", self.lang,
                                   column=label.get(spec.identifier, spec.identifier)))

    def _kept_at(self, records: np.ndarray) -> np.ndarray:
        k = np.searchsorted(self.rows.offsets, records, side="right") - 1
        out = np.zeros(len(records), dtype=bool)
        for j, (kk, r) in enumerate(zip(k, records)):
            out[j] = self.status[kk][r - self.rows.offsets[kk]] in (0, 6, 7)
        return out

    def _identifiers(self, name, hit_rows, hit_n, key) -> None:
        """Warnings for cells of ``name`` that hold personal data, on the rows read_table keeps."""
        report, lang, label, max_listed = self.report, self.lang, self.source.label, self.max_listed
        entries = []  # (record, kind, masked value) in row order, kinds in pattern order
        n = 0
        if name in self.map_hits:
            for record in hit_rows[name]:
                k, offset = self._locate(record)
                for _, kind, value in self.map_hits[name][int(self.rows.ids[name][k][record - offset])]:
                    entries.append((record, kind, value))
            n = self._count_map_entries(name, hit_n)  # per row: one entry per kind found
        elif name not in self.tab:
            cells = [(r, v) for c, r, v in self.rows.personal if c == name]
            if not cells:
                return
            records = np.array([r for r, _ in cells], dtype=np.int64)
            keep = self._kept_at(records)
            cells = [cell for cell, ok in zip(cells, keep) if ok]
            if not cells:
                return
            values = pd.Series(sorted({v for _, v in cells}), dtype=object)
            found = {values.iloc[row]: kinds for row, kinds in _identifier_hits(values, name).items()}
            if not found:
                return
            for record, value in cells:
                for _, kind, masked in sorted(found.get(value, [])):
                    entries.append((record, kind, masked))
            n = len(entries)
        if not n:
            return
        got = entries[:max_listed]
        for record, kind, value in got:
            report.add(row=self._line(record), column=label.get(name, name), value=value, action="warning",
                       reason=t(key, lang, kind=kind))
        if n > len(got):
            report.unlisted.append({"column": label.get(name, name), "reason": t(key, lang, kind="…"),
                                    "action": "warning", "n": n - len(got)})
        if key == "reason_identifier" and name not in report.identifier_columns:
            report.identifier_columns.append(name)
            report.masked_columns.append(label.get(name, name))

    def _count_map_entries(self, name, hit_n) -> int:
        """Warnings for a value-list column: rows kept with a flagged value × the kinds found in that value."""
        total = 0
        per_id = {i: len(v) for i, v in self.map_hits[name].items()}
        if len(set(per_id.values())) == 1:
            return hit_n[name] * next(iter(per_id.values()))
        for k, offset, ids in self._chunks():
            status = self.status[k]
            col = ids[name][_KEPT_STATUS[status]]
            counts = np.bincount(col[col >= 0], minlength=len(self.tab[name]["raw"]))
            total += sum(int(counts[i]) * m for i, m in per_id.items())
        return total

    def _flag_units(self, unit_n, unit_first, prov) -> None:
        """:func:`evaluatie.quality.flag_units` from per-value counts: spellings that look alike, and schools
        with a single pupil (pupils compared by a 64-bit hash of their cleaned code)."""
        from .privacy import mask_value
        from .quality import SINGLETON_COLUMNS, UNIT_COLUMNS, near_duplicates

        report, lang, label = self.report, self.lang, self.source.label
        per_col = {"unit": (self.units, unit_n, unit_first)}
        if prov is not None:
            per_col["provider"] = (self.providers, prov[0], prov[1])
        for col in [c for c in UNIT_COLUMNS if c in self.names and c in per_col]:
            values, n, first = per_col[col]
            present = np.flatnonzero(n > 0)
            if not len(present):
                continue
            present = present[np.argsort(first[present], kind="stable")]
            lines = dict(zip(values[present], self.source.lines(first[present] + 1)))
            found = []
            counts = pd.Series(n[present], index=values[present].astype(str))
            for p in near_duplicates(None, counts=counts).itertuples(index=False):
                found.append((p.value, "near", lines[p.value],
                              t("reason_near_duplicate", lang, similar=p.similar_to,
                                score=format_number(p.score, 0, lang), n=p.n_similar)))
            if col in SINGLETON_COLUMNS and len(present) > 1:
                single = self.single[present]
                if single.any() and self.several:  # some school has three pupils or more: one sticks out
                    for value in values[present][single]:
                        found.append((value, "single", lines[value], t("reason_singleton_unit", lang)))
            singles = {v for v, kind, _, _ in found if kind == "single"}
            for value, _, row, reason in found:
                shown = mask_value(value) if value in singles else value
                report.add(row=int(row), column=label.get(col, col), value=shown, reason=reason, action="warning")


def describe_size(n_bytes: int, lang: str) -> str:
    """File size for people: ``1,1 GB`` / ``350 MB``."""
    if n_bytes >= 1e9:
        return f"{format_number(n_bytes / 1e9, 1, lang)} GB"
    return f"{format_number(n_bytes / 1e6, 0 if n_bytes >= 1e7 else 1, lang)} MB"
