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
from .schemas import check_kind
from .text import format_number, t

#: White space as Python's ``\\s`` sees it (RE2's ``\\s`` is ASCII only).
_WS = r"[\s\x{0b}\x{1c}-\x{1f}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]"
_MISSING_SQL = ", ".join("'" + v.replace("'", "''") + "'" for v in sorted(rt._MISSING_TEXT) if v)
_TOTAL_SQL = ", ".join(f"'{v}'" for v in sorted(rt._TOTAL))
_HEAD_BYTES = 1 << 20
#: Reason codes of a dropped row, in the order the pandas path checks them.
_CODES = ("blank", "total", "duplicate", "parse", "category", "unit", "period")
_LOW_CARD = ("unit", "date", "care_level", "provider")


def _clean_sql(col: str) -> str:
    """SQL for :func:`evaluatie.io._clean_text` of a text cell: white space collapsed and trimmed, missing → NULL."""
    collapsed = f"regexp_replace(regexp_replace({col}, '{_WS}+', ' ', 'g'), '^ | $', '', 'g')"
    return f"(CASE WHEN {collapsed} IN ({_MISSING_SQL}) OR {collapsed} = '' THEN NULL ELSE {collapsed} END)"


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
            self.encoding, text = "utf-16", head.decode("utf-16", errors="ignore")
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

    def relation(self) -> str:
        """SQL table function reading the data rows as text."""
        if self.suffix == ".parquet":
            return f"read_parquet({_sql_path(self.path)})"
        columns = "{" + ", ".join(f"'c{j}': 'VARCHAR'" for j in range(self.width)) + "}"
        delim = self.delimiter.replace("'", "''")
        return (f"read_csv({_sql_path(self.path)}, delim='{delim}', header=false, skip={self.header_row}, "
                f"columns={columns}, quote='\"', escape='\"', null_padding=true, strict_mode=false, "
                f"auto_detect=false, parallel=false)")

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
    found = con.execute(f"SELECT DISTINCT {_quote(column)} FROM {table} WHERE {_quote(column)} IS NOT NULL").fetchall()
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
        con.execute(f"SET memory_limit = '{memory_limit}'")
        con.execute(f"SET temp_directory = '{folder / 'tmp'}'")
        con.execute("SET preserve_insertion_order = true")
        select = ", ".join(f"{_quote(source.source_names[c])}::VARCHAR AS {_quote(c)}" for c in cols.values())
        try:
            con.execute(f"CREATE TABLE t AS SELECT row_number() OVER () AS _r, {select} FROM {source.relation()}")
        except duckdb.Error as err:
            raise InputError(t("duckdb_read", lang, file=path.name, detail=str(err).splitlines()[0][:300]),
                             file=path) from None
        n_records = con.execute("SELECT count(*) FROM t").fetchall()[0][0]
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
            con.execute(f"CREATE TABLE map_{name} AS SELECT * FROM m_{name}")
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
    if col.type == "date":
        series, reasons = rt._parse_column(col, codes, uniques, source.default_decimal, source.label[name], report,
                                           lang)
    else:
        series, reasons = rt._parse_column(col, codes, uniques, source.default_decimal, source.label[name], report,
                                           lang)
    if col.categories:
        from .schemas import normalize_header

        lookup = {normalize_header(k): v for k, v in col.categories.items()}
        series = pd.Series([None if v is None else lookup.get(normalize_header(v), v) for v in series], dtype=object)
    cleaned = rt._clean_uniques(uniques)
    cid, _ = pd.factorize(pd.Series(cleaned, dtype=object), use_na_sentinel=True)
    frame = pd.DataFrame({"raw": pd.Series(uniques, dtype=object), "cid": cid.astype(np.int64),
                          "reason": pd.Series(reasons, dtype=object)})
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
            hash_parts.append(_clean_sql(f"t.{q(name)}"))
    first4 = names[:4]
    total_terms = [f"(regexp_replace(lower(strip_accents(t.{q(c)})), '[^a-z0-9]', '', 'g') IN ({_TOTAL_SQL}))"
                   for c in first4]
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
            parse_cases.append((f"{_clean_sql('t.' + q(col.name))} IS NULL", col.name, "'reason_missing'"))
    parse_col = " ".join(f"WHEN {c} THEN '{n}'" for c, n, _ in parse_cases)
    parse_key = " ".join(f"WHEN {c} THEN {k}" for c, _, k in parse_cases)
    known_levels = sorted(set(spec.column("care_level").categories.values()))
    category = ("m_care_level.value IS NOT NULL AND m_care_level.value NOT IN ("
                + ", ".join(f"'{v}'" for v in known_levels) + ")") if "care_level" in maps else "false"
    con.execute(f"""
        CREATE TABLE rows AS
        SELECT t._r,
               {blank} AS blank,
               {' OR '.join(total_terms) if total_terms else 'false'} AS total,
               hash({', '.join(hash_parts)}) AS h,
               CASE {parse_col} ELSE NULL END AS parse_col,
               CASE {parse_key} ELSE NULL END AS parse_key,
               {category} AS bad_category,
               m_unit.value AS unit, m_date.value AS date,
               {'m_care_level.value' if 'care_level' in maps else "'second'"} AS care_level
        FROM t {' '.join(joins)}""")
    con.execute("UPDATE rows SET total = false WHERE blank OR total IS NULL")
    # exact duplicates among rows that are neither blank nor a total: hash candidates, then compared in full
    partition = ", ".join(hash_parts)
    con.execute(f"""
        CREATE TABLE dup AS
        WITH cand AS (SELECT h FROM rows WHERE NOT blank AND NOT total GROUP BY h HAVING count(*) > 1),
        full_rows AS (
            SELECT t._r, min(t._r) OVER (PARTITION BY {partition}) AS first
            FROM t {' '.join(joins)} JOIN rows USING (_r) SEMI JOIN cand ON rows.h = cand.h
            WHERE NOT rows.blank AND NOT rows.total)
        SELECT _r, first FROM full_rows WHERE _r <> first""")
    # the reason of every dropped row, the first as in read_table, then to_panel's
    con.execute("""
        CREATE TABLE checked AS
        SELECT rows.*, dup.first AS dup_first,
               CASE WHEN blank THEN 1 WHEN total THEN 2 WHEN dup.first IS NOT NULL THEN 3
                    WHEN parse_key IS NOT NULL THEN 4 WHEN bad_category THEN 5 ELSE 0 END AS code
        FROM rows LEFT JOIN dup USING (_r)""")
    allowed = ", ".join(known_levels)
    reasons = {1: t("reason_blank", lang), 2: t("reason_total", lang), 5: t("reason_category", lang, allowed=allowed),
               6: reason_unit, 7: reason_period}
    n_valid = con.execute("SELECT count(*) FROM checked WHERE code = 0").fetchall()[0][0]
    if n_valid == 0:
        con.execute("CREATE TABLE placed AS SELECT _r, code AS final, unit, care_level FROM checked")
        _list(con, source, report, lang, max_listed, range(1, 6), reasons)
        first = report.entries[0] if report.entries else {"row": None, "column": "", "reason": ""}
        raise InputError(t("no_usable_rows", lang, file=source.path.name, row=first["row"], column=first["column"],
                           reason=first["reason"]), file=source.path, row=first["row"], column=first["column"])
    # the periods: as to_panel, from the dates of the rows read_table keeps
    dates = maps["date"][["value"]].dropna().drop_duplicates()
    con.register("period_of", dates.assign(period=period_start(dates["value"], freq).to_numpy()))
    span = con.execute("SELECT min(p.period), max(p.period) FROM checked c JOIN period_of p ON c.date = p.value "
                       "WHERE c.code = 0").fetchall()[0]
    enrol = enrolment_cells(enrolment, freq, [pd.Timestamp(span[0]), pd.Timestamp(span[1])], unit="unit",
                            period="period", exposure="exposure")
    con.register("cells", pd.DataFrame({"unit": enrol["unit"].astype(str).to_numpy(), "period": enrol["period"]}))
    con.register("units", pd.DataFrame({"unit": pd.Series(enrol["unit"].astype(str).unique(), dtype=object)}))
    con.execute("""
        CREATE TABLE placed AS
        SELECT c._r, c.unit, c.care_level, p.period,
               CASE WHEN c.code > 0 THEN c.code WHEN u.unit IS NULL THEN 6 WHEN k.unit IS NULL THEN 7 ELSE 0 END
                   AS final
        FROM checked c LEFT JOIN period_of p ON c.date = p.value
        LEFT JOIN units u ON c.unit = u.unit
        LEFT JOIN cells k ON c.unit = k.unit AND p.period = k.period""")
    counts = con.execute("SELECT unit, period, care_level, count(*) AS count FROM placed WHERE final = 0 "
                         "GROUP BY ALL").df()
    _list(con, source, report, lang, max_listed, range(1, 6), reasons)
    _privacy(con, source, maps, names, report, lang, max_listed)
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
    totals = dict(con.execute("SELECT final, count(*) FROM placed WHERE final > 0 GROUP BY ALL").fetchall())
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
        got = con.execute(f"""SELECT p._r, {value}, p.unit, c.date, d.first FROM placed p JOIN t USING (_r)
            JOIN checked c USING (_r) LEFT JOIN dup d USING (_r)
            WHERE p.final = {code} ORDER BY p._r LIMIT {max(limit, 0)}""").fetchall()
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
                report.add(row=row, column="unit", value=g[2], action="dropped", reason=reasons[6])
            else:
                report.add(row=row, column="date", value=pd.Timestamp(g[3]), action="dropped", reason=reasons[7])
        if n > len(got):
            shown = label.get(column, column) if code == 5 else (column or "")
            reason = t("reason_duplicate", lang, first="…") if code == 3 else reasons[code]
            report.unlisted.append({"column": shown, "reason": reason, "action": "dropped", "n": n - len(got)})


def _list_parse(con, source: _Source, report: QualityReport, lang: str, max_listed: int) -> None:
    """Rows with an unreadable or missing required value: per column, in row order, as read_table lists them."""
    label = source.label
    found = con.execute("SELECT parse_col, parse_key, count(*) FROM checked WHERE code = 4 GROUP BY ALL").fetchall()
    order = [c.name for c in check_kind("referrals").columns]
    for column in sorted({f[0] for f in found}, key=order.index):
        got = con.execute(f"""SELECT c._r, t.{_quote(column)}, c.parse_key FROM checked c JOIN t USING (_r)
            WHERE c.code = 4 AND c.parse_col = '{column}' ORDER BY c._r LIMIT {max_listed}""").fetchall()
        for g, row in zip(got, source.lines([g[0] for g in got])):
            report.add(row=int(row), column=label.get(column, column), value=g[1] or "", action="dropped",
                       reason=t(g[2], lang))
        for col, key, n in found:
            shown = sum(g[2] == key for g in got)
            if col == column and n > shown:
                report.unlisted.append({"column": label.get(column, column), "reason": t(key, lang),
                                        "action": "dropped", "n": n - shown})


def _privacy(con, source: _Source, maps: dict, names: list, report: QualityReport, lang: str,
             max_listed: int) -> None:
    """Personal data in the text columns (warnings, as read_table gives them) and the pupil-code note."""
    spec = check_kind("referrals")
    label = source.label
    texts = [c for c in names if c != spec.identifier and c not in ("date", "care_level")]
    for name in texts:
        if name in maps:
            values = maps[name].dropna(subset=["value"])
            candidates = values[["raw", "value"]]
        else:
            prefilter = (f"regexp_matches({_quote(name)}, '\\d.*\\d.*\\d.*\\d|@|\\(at\\)|\\[at\\]|ps_|geb|born|dob|"
                         "dhr|mevr|mw|meneer|juf|meester|mr|ms|straat|laan|weg|plein|singel|gracht|kade|dijk|"
                         "steeg|dreef', 'i')")
            found = con.execute(f"SELECT DISTINCT {_quote(name)} FROM t WHERE {prefilter}").fetchall()
            raw = pd.Series([f[0] for f in found], dtype=object)
            candidates = pd.DataFrame({"raw": raw, "value": rt._clean_uniques(raw.to_numpy(dtype=object))})
        if candidates.empty:
            continue
        hits = privacy.find_identifiers(pd.DataFrame({name: candidates["value"].to_numpy(dtype=object)}), [name])
        hits = hits[hits["row"].notna()]
        if hits.empty:
            continue
        con.register("hit_values", pd.DataFrame({"raw": candidates["raw"].iloc[hits["row"].astype(int)].to_numpy(),
                                                 "kind": hits["kind"].to_numpy(), "value": hits["value"].to_numpy()}))
        got = con.execute(f"""SELECT t._r, h.kind, h.value FROM t JOIN hit_values h ON t.{_quote(name)} = h.raw
            JOIN checked c USING (_r) WHERE c.code = 0 ORDER BY t._r LIMIT {max_listed}""").fetchall()
        con.unregister("hit_values")
        for (r, kind, value), row in zip(got, source.lines([g[0] for g in got])):
            report.add(row=int(row), column=label.get(name, name), value=value, action="warning",
                       reason=t("reason_identifier", lang, kind=kind))
        if label.get(name, name) not in report.masked_columns and got:
            report.identifier_columns.append(name)
            report.masked_columns.append(label.get(name, name))
    _flag_units(con, source, names, report, lang)
    report.notes.append(t("note_duckdb_pupils", lang, column=label.get(spec.identifier, spec.identifier)))


def _flag_units(con, source: _Source, names: list, report: QualityReport, lang: str) -> None:
    """:func:`evaluatie.quality.flag_units` from per-school counts in SQL: spellings that look alike, and
    schools with a single pupil (the pupil codes are compared inside DuckDB)."""
    from .privacy import mask_value
    from .quality import SINGLETON_COLUMNS, UNIT_COLUMNS, near_duplicates

    pupil = _clean_sql("t.pupil")
    for col in [c for c in UNIT_COLUMNS if c in names]:
        per = con.execute(f"""SELECT m.value, count(*) AS n, min(c._r) AS first, min({pupil}) AS lo,
                max({pupil}) AS hi FROM checked c JOIN t USING (_r) JOIN map_{col} m ON t.{_quote(col)} = m.raw
            WHERE c.code = 0 AND m.value IS NOT NULL AND trim(m.value) <> '' GROUP BY m.value""").df()
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
        if col in SINGLETON_COLUMNS and len(per) > 1:
            single = per["lo"].notna() & (per["lo"] == per["hi"])
            several = con.execute(f"""SELECT count(*) FROM checked c JOIN t USING (_r)
                JOIN map_{col} m ON t.{_quote(col)} = m.raw
                JOIN (SELECT value, lo, hi FROM per) s ON m.value = s.value
                WHERE c.code = 0 AND {pupil} <> s.lo AND {pupil} <> s.hi""").fetchall()[0][0]
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
