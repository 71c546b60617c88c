"""DuckDB path of :func:`evaluatie.zorgvraag.panel_from_file`: a referral extract to the panel in bounded memory.

The file (CSV or Parquet) is read by DuckDB into a compressed table in a temporary database on disk;
every check of :func:`evaluatie.read_table` and :func:`evaluatie.zorgvraag.to_panel` then runs as SQL
over the whole table. Columns with few distinct values (school, date, care level, provider) are parsed
in Python by the same functions as the pandas path, once per distinct value, and joined back, so a
date or a school is read exactly as :func:`evaluatie.read_table` reads it. Pupil codes never enter
Python: they are used inside DuckDB only, to find exact duplicate rows.
"""
from __future__ import annotations

import csv
import logging
import time
import io as _io
import mmap
import shutil
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from . import io as rt
from . import privacy
from .errors import InputError
from .quality import QualityReport
from .schemas import allowed_values, check_kind, normalize_header
from .text import format_number, t

#: White space as Python's ``\\s`` sees it (RE2's ``\\s`` is ASCII only).
_WS = r"[\s\x{0b}\x{1c}-\x{1f}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]"
_MISSING_SQL = ", ".join("'" + v.replace("'", "''") + "'" for v in sorted(rt._MISSING_TEXT) if v)
_TOTAL_SQL = ", ".join(f"'{v}'" for v in sorted(rt._TOTAL))
_HEAD_BYTES = 1 << 20
#: Reason codes of a dropped row, in the order the pandas path checks them.
_CODES = ("blank", "total", "duplicate", "parse", "category", "unit", "period")
_LOW_CARD = ("unit", "date", "care_level", "provider")


_log = logging.getLogger(__name__)


def _sql(con, query: str, *args):
    """Run one statement; its duration is logged (``logging.DEBUG``) to see where time goes on large files."""
    start = time.perf_counter()
    out = con.execute(query, *args)
    _log.debug("%.2f s  %s", time.perf_counter() - start, " ".join(query.split())[:120])
    return out


def _collapse_sql(col: str) -> str:
    """SQL, first half of :func:`evaluatie.io._clean_text`: white space collapsed and trimmed (cells without
    white space, nearly all codes, skip the two replacements)."""
    collapsed = f"regexp_replace(regexp_replace({col}, '{_WS}+', ' ', 'g'), '^ | $', '', 'g')"
    return f"(CASE WHEN regexp_matches({col}, '{_WS}') THEN {collapsed} ELSE {col} END)"


def _missing_sql(col: str) -> str:
    """SQL, second half: a collapsed cell that means "missing" (``-``, ``n.v.t.``, ...) becomes NULL."""
    return f"(CASE WHEN {col} IN ({_MISSING_SQL}) OR {col} = '' THEN NULL ELSE {col} END)"


def _total_sql(col: str) -> str:
    """SQL: the cell is a total row label (``Totaal``), as read_table tests it (normalized header text)."""
    normalized = f"regexp_replace(lower(strip_accents({col})), '[^a-z0-9]', '', 'g')"
    return (f"(CASE WHEN strlen({col}) < 40 AND regexp_matches({col}, '(?i)tot|som') "
            f"THEN {normalized} IN ({_TOTAL_SQL}) ELSE false END)")


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
        self.header_row, self.encoding, self.empty_lines, self.n_lines = 1, None, np.zeros(0, np.int64), None
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
        self.empty_lines, self.n_lines = _empty_lines(self.path, self.header_row)

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

    def lines(self, records: np.ndarray) -> np.ndarray:
        """Line number in the file (Parquet: record number + 1) of data records numbered from 1."""
        records = np.asarray(records, dtype=np.int64)
        if not len(self.empty_lines):
            return self.header_row + records
        breaks = self.empty_lines - self.header_row - np.arange(len(self.empty_lines))
        return self.header_row + records + np.searchsorted(breaks, records, side="right")


def _empty_lines(path: Path, header_row: int) -> tuple[np.ndarray, int]:
    """Line numbers of empty lines after the header (DuckDB skips them; read_table reports them as blank
    rows) and the number of lines, from a scan of the bytes in blocks (no decoding, no copy of the file)."""
    if path.stat().st_size == 0:
        return np.zeros(0, np.int64), 0
    empty, n_lines, last = [], 0, -1
    with open(path, "rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mm:
        data = np.frombuffer(mm, dtype=np.uint8)
        block = 1 << 26
        for offset in range(0, len(data), block):
            nl = np.flatnonzero(data[offset:offset + block] == 10) + offset
            if len(nl):
                starts = np.concatenate([[last + 1], nl[:-1] + 1])
                length = nl - starts
                is_empty = (length == 0) | ((length == 1) & (data[np.minimum(starts, len(data) - 1)] == 13))
                empty.append(n_lines + 1 + np.flatnonzero(is_empty))
                n_lines += len(nl)
                last = int(nl[-1])
        if last < len(data) - 1:
            n_lines += 1
        del data
    lines = np.concatenate(empty) if empty else np.zeros(0, np.int64)
    return lines[lines > header_row].astype(np.int64), n_lines


def _values(con, table: str, column: str) -> np.ndarray:
    """Distinct raw values of one column (NULL = empty cell is not among them)."""
    found = _sql(con, f"SELECT DISTINCT {_quote(column)} FROM {table} WHERE {_quote(column)} IS NOT NULL").fetchall()
    return np.array(sorted(v[0] for v in found), dtype=object)


def panel_duckdb(path: Path, enrolment: pd.DataFrame, *, freq: str, start, lang: str, max_listed: int,
                 memory_limit: str, reason: str) -> pd.DataFrame:
    """The panel and its quality report (``.attrs["report"]``) from a referral file, checked in SQL."""
    try:
        import duckdb
    except ImportError:  # pragma: no cover - duckdb is a dependency
        raise InputError(t("duckdb_missing", lang)) from None
    from .zorgvraag import _REASON_PERIOD, _REASON_UNIT, _assemble, _enrolment_cells, period_start

    spec = check_kind("referrals")
    report = QualityReport(source=path.name, kind="referrals", lang=lang)
    report.notes.append(t("note_engine", lang, engine="DuckDB", reason=reason))
    source = _Source(path, spec, report, lang)
    label, cols = source.label, source.cols
    report.masked_columns += [label[c] for c in (spec.identifier, *report.identifier_columns) if c in label]
    folder = Path(tempfile.mkdtemp(prefix="evaluatie_duckdb_"))
    con = duckdb.connect(str(folder / "verwijzingen.duckdb"))
    try:
        _sql(con, f"SET memory_limit = '{memory_limit}'")
        _sql(con, f"SET temp_directory = '{folder / 'tmp'}'")
        _sql(con, "SET preserve_insertion_order = true")
        # columns with few distinct values stay raw (parsed per distinct value in Python); the others (pupil
        # codes, extra columns) are cleaned here, once, with their raw text kept only where it means "missing"
        inner, outer = [], []
        for c in cols.values():
            raw = f"{_quote(source.source_names[c])}::VARCHAR"
            if c in _LOW_CARD:
                inner.append(f"{raw} AS {_quote(c)}")
                outer.append(_quote(c))
            else:
                inner += [f"{_collapse_sql(raw)} AS {_quote(c + '__c')}", f"{raw} AS {_quote(c + '__raw')}"]
                cleaned = _missing_sql(_quote(c + "__c"))
                outer += [f"{cleaned} AS {_quote(c)}",
                          f"CASE WHEN {_quote(c + '__c')} IS NULL OR {cleaned} IS NULL THEN {_quote(c + '__raw')} END"
                          f" AS {_quote(c + '__raw')}"]
        for parallel in (True, False):  # DuckDB reads a file with cells over several lines in one thread only
            try:
                _sql(con, f"""CREATE OR REPLACE TABLE t AS SELECT _r, {', '.join(outer)} FROM (
                    SELECT row_number() OVER () AS _r, {', '.join(inner)} FROM {source.relation(parallel)})""")
                break
            except duckdb.Error as err:
                if parallel and "parallel" in str(err):
                    continue
                raise InputError(t("duckdb_read", lang, file=path.name, detail=str(err).splitlines()[0][:300]),
                                 file=path) from None
        n_records = _sql(con, "SELECT count(*) FROM t").fetchall()[0][0]
        if source.n_lines is not None and n_records < source.n_lines - source.header_row - len(source.empty_lines):
            first = _sql(con, "SELECT min(_r) FROM t WHERE " + " OR ".join(
                f"contains({_quote(c if c in _LOW_CARD else c + '__raw')}, chr(10))" for c in cols.values())
                ).fetchall()[0][0]
            report.notes.append(t("note_duckdb_multiline", lang, line=int(source.lines([first or 1])[0])))
        report.n_read = n_records + len(source.empty_lines)
        if report.n_read == 0:
            raise InputError(t("no_data_rows", lang, file=path.name, row=source.header_row), file=path,
                             row=source.header_row)
        names = list(cols.values())
        maps = {}
        for name in [c for c in _LOW_CARD if c in names]:
            maps[name] = _value_map(con, name, spec, source, report, lang)
            con.register(f"m_{name}", maps[name])
        for name in maps:
            _sql(con, f"CREATE TABLE map_{name} AS SELECT * FROM m_{name}")
            con.unregister(f"m_{name}")
        return _classify(con, source, maps, names, spec, enrolment, report, freq=freq, start=start, lang=lang,
                         max_listed=max_listed, helpers=(_REASON_UNIT, _REASON_PERIOD, _assemble, _enrolment_cells,
                                                         period_start))
    finally:
        con.close()
        shutil.rmtree(folder, ignore_errors=True)


def _value_map(con, name: str, spec, source: _Source, report: QualityReport, lang: str) -> pd.DataFrame:
    """One row per distinct raw value: ``raw``, ``cid`` (id of the cleaned text, for duplicates), the parsed
    ``value`` and ``reason`` (key of the parse failure, or missing)."""
    uniques = _values(con, "t", name)
    col = spec.column(name)
    codes = np.arange(len(uniques))
    series, reasons = rt._parse_column(col, codes, uniques, source.default_decimal, source.label[name], report, lang)
    if col.categories:
        lookup = {normalize_header(k): v for k, v in col.categories.items()}
        series = pd.Series([None if v is None else lookup.get(normalize_header(v), v) for v in series], dtype=object)
    cleaned = rt._clean_uniques(uniques)
    total = np.array([c is not None and normalize_header(c) in rt._TOTAL for c in cleaned], dtype=bool)
    cid, _ = pd.factorize(pd.Series(cleaned, dtype=object), use_na_sentinel=True)
    frame = pd.DataFrame({"raw": pd.Series(uniques, dtype=object), "cid": cid.astype(np.int64),
                          "reason": pd.Series(reasons, dtype=object), "total": total})
    frame.loc[frame["cid"] < 0, "cid"] = np.nan
    frame["cid"] = frame["cid"].astype("Int64")
    if col.type == "date":
        frame["value"] = pd.to_datetime(series.to_numpy())
    else:
        frame["value"] = pd.Series(series.to_numpy(dtype=object), dtype=object).astype("string")
    return frame


def _classify(con, source: _Source, maps: dict, names: list, spec, enrolment: pd.DataFrame,
              report: QualityReport, *, freq: str, start, lang: str, max_listed: int, helpers) -> pd.DataFrame:
    reason_unit, reason_period, assemble, enrolment_cells, period_start = helpers
    label = source.label
    q = _quote
    # per row: cleaned-value ids for duplicates, parsed values, the first parse failure (spec column order)
    joins, select, hash_parts = [], [], []
    for name in names:
        if name in maps:
            joins.append(f"LEFT JOIN map_{name} AS {q('m_' + name)} ON t.{q(name)} = {q('m_' + name)}.raw")
            hash_parts.append(f"{q('m_' + name)}.cid")
        else:
            hash_parts.append(f"t.{q(name)}")
    first4 = names[:4]
    total_terms = [f"{q('m_' + c)}.total" if c in maps else _total_sql(f"t.{q(c)}") for c in first4]
    blank = " AND ".join(f"({p}) IS NULL" for p in hash_parts)
    parse_cases = []  # (condition, column, reason key)
    for i, col in enumerate(spec.columns):
        if col.name not in names:
            continue
        if col.name in maps:
            alias = q("m_" + col.name)
            parse_cases.append((f"{alias}.reason IS NOT NULL", col.name, f"{alias}.reason"))
            if col.required:
                parse_cases.append((f"{alias}.value IS NULL", col.name, "'reason_missing'"))
        elif col.required:
            parse_cases.append((f"t.{q(col.name)} IS NULL", col.name, "'reason_missing'"))
    parse_col = " ".join(f"WHEN {c} THEN '{n}'" for c, n, _ in parse_cases)
    parse_key = " ".join(f"WHEN {c} THEN {k}" for c, _, k in parse_cases)
    known_levels = sorted(set(spec.column("care_level").categories.values()))
    category = ("m_care_level.value IS NOT NULL AND m_care_level.value NOT IN ("
                + ", ".join(f"'{v}'" for v in known_levels) + ")")
    # to_panel's checks need the schools and (with enrolment per period) the cells before the counting
    enrolled = set(enrolment["unit"])
    maps["unit"]["known"] = maps["unit"]["value"].map(lambda v: v is not pd.NA and v in enrolled).astype(bool)
    maps["date"]["period"] = period_start(maps["date"]["value"], freq).to_numpy()
    for name in ("unit", "date"):
        con.register("m", maps[name])
        _sql(con, f"CREATE OR REPLACE TABLE map_{name} AS SELECT * FROM m")
        con.unregister("m")
    by_period = "period" in enrolment
    if by_period:
        enrol = enrolment_cells(enrolment, freq, None, unit="unit", period="period", exposure="exposure")
        con.register("cells", pd.DataFrame({"unit": enrol["unit"].astype(str).to_numpy(), "period": enrol["period"]}))
        joins.append("LEFT JOIN cells k ON m_unit.value = k.unit AND m_date.period = k.period")
    outside = "k.unit IS NULL" if by_period else "false"
    # one pass: the first reason of every row (read_table's order, then to_panel's), and its cell
    _sql(con, f"""
        CREATE TABLE rows AS
        SELECT t._r, hash({', '.join(hash_parts)}) AS h,
               CASE WHEN {blank} THEN 1 WHEN {' OR '.join(f'coalesce({x}, false)' for x in total_terms)} THEN 2
                    WHEN {' OR '.join(c for c, _, _ in parse_cases)} THEN 4 WHEN {category} THEN 5
                    WHEN NOT m_unit.known THEN 6 WHEN {outside} THEN 7 ELSE 0 END AS pre,
               CASE {parse_col} ELSE NULL END AS parse_col,
               CASE {parse_key} ELSE NULL END AS parse_key,
               m_unit.value AS unit, m_date.value AS date, m_date.period AS period, m_care_level.value AS care_level,
               {'m_provider.value' if 'provider' in maps else 'NULL::VARCHAR'} AS provider, hash(t.pupil) AS ph
        FROM t {' '.join(joins)}""")
    # exact duplicates among rows that are neither blank nor a total: hash candidates, then compared in full
    partition = ", ".join(hash_parts)
    _sql(con, f"""
        CREATE TABLE dup AS
        WITH cand AS (SELECT h FROM rows WHERE pre NOT IN (1, 2) GROUP BY h HAVING count(*) > 1),
        full_rows AS (
            SELECT t._r, min(t._r) OVER (PARTITION BY {partition}) AS first
            FROM rows SEMI JOIN cand ON rows.h = cand.h JOIN t USING (_r) {' '.join(joins)}
            WHERE rows.pre NOT IN (1, 2))
        SELECT _r, first FROM full_rows WHERE _r <> first""")
    _sql(con, """CREATE VIEW placed AS
        SELECT rows.*, CASE WHEN pre IN (1, 2) OR dup._r IS NULL THEN pre ELSE 3 END AS final
        FROM rows LEFT JOIN dup USING (_r)""")
    allowed = allowed_values(spec.column("care_level"), lang)
    reasons = {1: t("reason_blank", lang), 2: t("reason_total", lang), 5: t("reason_category", lang, allowed=allowed),
               6: reason_unit, 7: reason_period}
    span = _sql(con, "SELECT count(*), min(period), max(period) FROM placed WHERE final IN (0, 6, 7)").fetchall()[0]
    if span[0] == 0:
        _list(con, source, report, lang, max_listed, range(1, 6), reasons)
        first = report.entries[0] if report.entries else {"row": None, "column": "", "reason": ""}
        raise InputError(t("no_usable_rows", lang, file=source.path.name, row=first["row"], column=first["column"],
                           reason=first["reason"]), file=source.path, row=first["row"], column=first["column"])
    if not by_period:  # as to_panel: every period between the first and the last referral read_table keeps
        enrol = enrolment_cells(enrolment, freq, [pd.Timestamp(span[1]), pd.Timestamp(span[2])], unit="unit",
                                period="period", exposure="exposure")
    counts = _sql(con, "SELECT unit, period, care_level, count(*) AS count FROM placed WHERE final = 0 "
                       "GROUP BY ALL").df()
    _list(con, source, report, lang, max_listed, range(1, 6), reasons)
    _privacy(con, source, maps, names, report, lang, max_listed)
    _future(con, source, report, lang, max_listed)
    _list(con, source, report, lang, max_listed, (6, 7), reasons)
    counts["period"] = pd.to_datetime(counts["period"]).astype(enrol["period"].dtype)
    counts["count"] = counts["count"].astype(np.int64)
    # the same route as to_panel (groupby keys become an index), so the dtypes agree too
    counts = counts.astype({"unit": object, "care_level": object}).groupby(
        ["unit", "period", "care_level"])["count"].sum().reset_index()
    levels = sorted(counts["care_level"].dropna().unique())
    return assemble(enrol, counts, levels, enrolment, start, freq, report, unit="unit", period="period",
                    care_level="care_level", exposure="exposure")


_COLUMN_OF = {5: "care_level", 6: "unit", 7: "date"}


def _list(con, source: _Source, report: QualityReport, lang: str, max_listed: int, codes, reasons: dict) -> None:
    """Dropped rows into the report: every row up to ``max_listed`` per reason, in row order; the rest counted
    in ``report.unlisted``."""
    label = source.label
    totals = dict(_sql(con, "SELECT final, count(*) FROM placed WHERE final > 0 GROUP BY ALL").fetchall())
    for code in codes:
        n = totals.get(code, 0)
        if code == 1:  # empty lines are blank rows too
            listed = source.empty_lines[:max_listed]
            for row in listed:
                report.add(row=int(row), column="", value="", reason=reasons[1], action="dropped")
            limit, n_empty = max_listed - len(listed), len(source.empty_lines) - len(listed)
            if n_empty:
                report.unlisted.append({"column": "", "reason": reasons[1], "action": "dropped", "n": n_empty})
        else:
            limit = max_listed
        if not n:
            continue
        if code == 4:
            _list_parse(con, source, report, lang, max_listed)
            continue
        column = _COLUMN_OF.get(code)
        value = f"t.{_quote(column)}" if code == 5 else "NULL"
        got = _sql(con, f"""WITH p AS (SELECT _r, unit, date FROM placed WHERE final = {code} ORDER BY _r
                                        LIMIT {max(limit, 0)})
            SELECT p._r, {value}, p.unit, p.date, d.first FROM p JOIN t USING (_r) LEFT JOIN dup d USING (_r)
            ORDER BY p._r""").fetchall()
        rows = source.lines([g[0] for g in got])
        for g, row in zip(got, rows):
            row = int(row)
            if code in (1, 2):
                report.add(row=row, column="", value="", reason=reasons[code], action="dropped")
            elif code == 3:
                report.add(row=row, column="", value="", action="dropped",
                           reason=t("reason_duplicate", lang, first=int(source.lines([g[4]])[0])))
            elif code == 5:
                report.add(row=row, column=label.get(column, column), value=g[1] or "", action="dropped",
                           reason=reasons[5])
            elif code == 6:
                report.add(row=row, column=label.get("unit", "unit"), value=g[2], action="dropped", reason=reasons[6])
            else:
                report.add(row=row, column=label.get("date", "date"), value=pd.Timestamp(g[3]), action="dropped",
                           reason=reasons[7])
        if n > len(got):
            shown = label.get(column, column) if code in (5, 6, 7) else (column or "")
            reason = t("reason_duplicate", lang, first="…") if code == 3 else reasons[code]
            report.unlisted.append({"column": shown, "reason": reason, "action": "dropped", "n": n - len(got)})


def _list_parse(con, source: _Source, report: QualityReport, lang: str, max_listed: int) -> None:
    """Rows with an unreadable or missing required value: per column, in row order, as read_table lists them."""
    label = source.label
    found = _sql(con, "SELECT parse_col, parse_key, count(*) FROM placed WHERE final = 4 GROUP BY ALL").fetchall()
    order = [c.name for c in check_kind("referrals").columns]
    for column in sorted({f[0] for f in found}, key=order.index):
        shown = _quote(column) if column in _LOW_CARD else _quote(column + "__raw")
        got = _sql(con, f"""WITH c AS (SELECT _r, parse_key FROM placed WHERE final = 4 AND parse_col = '{column}'
                                        ORDER BY _r LIMIT {max_listed})
            SELECT c._r, t.{shown}, c.parse_key FROM c JOIN t USING (_r) ORDER BY c._r""").fetchall()
        for g, row in zip(got, source.lines([g[0] for g in got])):
            report.add(row=int(row), column=label.get(column, column), value=g[1] or "", action="dropped",
                       reason=t(g[2], lang))
        for col, key, n in found:
            shown = sum(g[2] == key for g in got)
            if col == column and n > shown:
                report.unlisted.append({"column": label.get(column, column), "reason": t(key, lang),
                                        "action": "dropped", "n": n - shown})


#: A superset, in RE2 syntax, of the cells :func:`evaluatie.privacy.find_identifiers` can flag (BSN, e-mail,
#: telephone, postcode, street, date of birth, title + name, pseudonym): only these distinct values of a
#: column with many values (pupil codes, remarks) are sent to Python to be checked exactly.
_PERSONAL_SQL = ("'(?i)\\d{9}|\\d{4}[.\\s]\\d{2}[.\\s]\\d{3}|\\d{3}[.\\s-]\\d{3}[.\\s-]\\d{3}"
                 "|\\d{2}[.\\s]\\d{3}[.\\s]\\d{2}[.\\s]\\d{2}|\\d{2}[\\s./_\\x{2010}-\\x{2015}-]\\d{2}|@|[(\\[]at[)\\]]|\\sat\\s|apenstaartje|(\\+|00)31"
                 "|[\\x{0660}-\\x{0669}\\x{06F0}-\\x{06F9}\\x{0966}-\\x{096F}\\x{FF10}-\\x{FF20}]"
                 "|0[1-9][\\d\\s.()/\\x{2010}-\\x{2015}-]{7,}\\d|[1-9]\\d{3}\\s?[a-z]{2}"
                 "|(straat|laan|weg|plein|singel|gracht|kade|dijk|steeg|dreef)\\s+\\d"
                 "|geb|born|birth|dob|d\\.o\\.b|\\b(dhr|mevr|mw|mevrouw|meneer|juf|meester|mrs?|ms)\\b|ps_[0-9a-f]{4}'")


def _privacy(con, source: _Source, maps: dict, names: list, report: QualityReport, lang: str,
             max_listed: int) -> None:
    """Personal data in the text columns and in the pupil codes (warnings, as read_table gives them), and
    schools that look alike or have one pupil (:func:`_flag_units`)."""
    spec = check_kind("referrals")
    label = source.label
    texts = [c for c in names if c != spec.identifier and c not in ("date", "care_level")]
    for name in texts:
        _identifiers(con, source, maps, name, report, lang, max_listed, "reason_identifier")
    _flag_units(con, source, names, report, lang)
    _identifiers(con, source, maps, spec.identifier, report, lang, max_listed, "reason_identifier_pseudo")
    report.notes.append(t("note_duckdb_pupils", lang, column=label.get(spec.identifier, spec.identifier)))


def _identifiers(con, source: _Source, maps: dict, name: str, report: QualityReport, lang: str, max_listed: int,
                 key: str) -> None:
    """Warnings for cells of ``name`` that hold personal data, on the rows read_table keeps."""
    label = source.label
    if name in maps:
        candidates = maps[name].dropna(subset=["value"])[["raw", "value"]]
    else:
        found = _sql(con, f"SELECT DISTINCT {_quote(name)} FROM t WHERE strlen({_quote(name)}) >= 6 AND "
                          f"regexp_matches({_quote(name)}, {_PERSONAL_SQL})").fetchall()
        values = pd.Series([f[0] for f in found], dtype=object)
        candidates = pd.DataFrame({"raw": values, "value": values})
    if candidates.empty:
        return
    hits = privacy.find_identifiers(pd.DataFrame({name: candidates["value"].to_numpy(dtype=object)}), [name])
    hits = hits[hits["row"].notna()]
    if hits.empty:
        return
    order = {k: i for i, k in enumerate(privacy._PATTERNS)}
    con.register("hit_values", pd.DataFrame({"raw": candidates["raw"].iloc[hits["row"].astype(int)].to_numpy(),
                                             "kind": hits["kind"].to_numpy(), "value": hits["value"].to_numpy(),
                                             "o": hits["kind"].map(order).to_numpy()}))
    where = f"FROM t JOIN hit_values h ON t.{_quote(name)} = h.raw JOIN placed c USING (_r) WHERE c.final IN (0, 6, 7)"
    n = _sql(con, f"SELECT count(*) {where}").fetchall()[0][0]
    got = _sql(con, f"SELECT t._r, h.kind, h.value {where} ORDER BY t._r, h.o LIMIT {max_listed}").fetchall()
    con.unregister("hit_values")
    for (_, kind, value), row in zip(got, source.lines([g[0] for g in got])):
        report.add(row=int(row), column=label.get(name, name), value=value, action="warning",
                   reason=t(key, lang, kind=kind))
    if n > len(got):
        report.unlisted.append({"column": label.get(name, name), "reason": t(key, lang, kind="…"),
                                "action": "warning", "n": n - len(got)})
    if key == "reason_identifier" and name not in report.identifier_columns:
        report.identifier_columns.append(name)
        report.masked_columns.append(label.get(name, name))


def _future(con, source: _Source, report: QualityReport, lang: str, max_listed: int) -> None:
    """Warnings for referral dates after today on the rows read_table keeps, as read_table gives them."""
    today = pd.Timestamp.today().normalize()
    reason = t("reason_date_future", lang, today=today.strftime("%d-%m-%Y"))
    where = f"FROM placed c JOIN t USING (_r) WHERE c.final IN (0, 6, 7) AND c.date > TIMESTAMP '{today:%Y-%m-%d}'"
    n = _sql(con, f"SELECT count(*) {where}").fetchall()[0][0]
    got = _sql(con, f"SELECT t._r, t.date {where} ORDER BY t._r LIMIT {max_listed}").fetchall()
    for (_, value), row in zip(got, source.lines([g[0] for g in got])):
        report.add(row=int(row), column=source.label.get("date", "date"), value=value or "", action="warning",
                   reason=reason)
    if n > len(got):
        report.unlisted.append({"column": source.label.get("date", "date"), "reason": reason, "action": "warning",
                                "n": n - len(got)})


def _flag_units(con, source: _Source, names: list, report: QualityReport, lang: str) -> None:
    """:func:`evaluatie.quality.flag_units` from per-school counts in SQL: spellings that look alike, and
    schools with a single pupil (the pupil codes are compared inside DuckDB)."""
    from .privacy import mask_value
    from .quality import SINGLETON_COLUMNS, UNIT_COLUMNS, near_duplicates

    for col in [c for c in UNIT_COLUMNS if c in names]:
        # pupils compared by a 64-bit hash of their code: one pupil ⇔ the smallest and largest hash agree
        spread = "min(ph) AS lo, max(ph) AS hi" if col in SINGLETON_COLUMNS else "NULL AS lo, NULL AS hi"
        per = _sql(con, f"""SELECT {col} AS value, count(*) AS n, min(_r) AS first, {spread} FROM placed
            WHERE final IN (0, 6, 7) AND {col} IS NOT NULL AND trim({col}) <> '' GROUP BY {col}""").df()
        if per.empty:
            continue
        per = per.sort_values("first", kind="stable")
        first = dict(zip(per["value"], source.lines(per["first"].to_numpy())))
        found = []
        counts = pd.Series(per["n"].to_numpy(), index=per["value"].astype(str).to_numpy())
        for p in near_duplicates(None, counts=counts).itertuples(index=False):
            found.append((p.value, "near", first[p.value],
                          t("reason_near_duplicate", lang, similar=p.similar_to, score=format_number(p.score, 0, lang),
                            n=p.n_similar)))
        single = per["lo"].notna() & (per["lo"] == per["hi"])
        if col in SINGLETON_COLUMNS and len(per) > 1 and single.any():
            con.register("per", per[["value", "lo", "hi"]])
            several = _sql(con, f"""SELECT 1 FROM placed c JOIN per s ON c.{col} = s.value
                WHERE c.final IN (0, 6, 7) AND c.ph <> s.lo AND c.ph <> s.hi LIMIT 1""").fetchall()
            con.unregister("per")
            if several:  # some school has three pupils or more: a school of one sticks out
                for value in per.loc[single, "value"]:
                    found.append((value, "single", first[value], t("reason_singleton_unit", lang)))
        singles = {v for v, kind, _, _ in found if kind == "single"}
        for value, _, row, reason in found:
            shown = mask_value(value) if value in singles else value
            report.add(row=int(row), column=source.label.get(col, col), value=shown, reason=reason, action="warning")


def describe_size(n_bytes: int, lang: str) -> str:
    """File size for people: ``1,1 GB`` / ``350 MB``."""
    if n_bytes >= 1e9:
        return f"{format_number(n_bytes / 1e9, 1, lang)} GB"
    return f"{format_number(n_bytes / 1e6, 0 if n_bytes >= 1e7 else 1, lang)} MB"
