"""Quality report: what happened to every row read from a file.

Every row read is either used or listed here with a reason, so that nothing is lost silently.
``n_read == n_used + n_dropped`` always holds.

Examples
--------
>>> rep = QualityReport(source="a.csv", kind="panel", n_read=3)
>>> rep.add(row=4, column="aantal", value="-1", reason="aantal mag niet negatief zijn", action="dropped")
>>> rep.n_used, rep.n_dropped
(2, 1)
"""
from __future__ import annotations

import functools
import html
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

from .text import check_lang, format_number, t

__all__ = ["QualityReport", "flag_units", "near_duplicates", "normalize_label"]

Action = Literal["dropped", "changed", "warning"]
#: Schools/units with fewer rows than this are named only masked in reports (see ``QualityReport.losses``).
SMALL_UNIT = 5
ACTIONS: tuple[str, ...] = ("dropped", "changed", "warning")


@functools.lru_cache(maxsize=4096)
def _scrub(text: str) -> str:
    """:func:`evaluatie.privacy.scrub`, remembered: a report repeats the same reasons and values thousands
    of times (a pure function of the text, so the result is the same)."""
    from .privacy import scrub

    return scrub(text)


@dataclass
class QualityReport:
    """Rows read, used and dropped for one loaded table, with a reason for every change.

    Attributes
    ----------
    source : str
        File name (or description) the table came from.
    kind : str
        Canonical table kind (``dossier``, ``panel``, ...).
    n_read : int
        Data rows read below the header, blank rows included.
    entries : list of dict
        One entry per dropped, changed or flagged cell: ``row`` (row number as shown in Excel or
        the line number in a CSV), ``column``, ``value``, ``reason``, ``action``.
    notes : list of str
        File-level remarks (encoding, header row, pseudonymization).
    identifier_columns : list of str
        Columns that appear to contain personal data and will not be exported.
    masked_columns : list of str
        Columns (as named in the file) whose values are only shown masked (``…33``) in entries,
        the summary, the table and the HTML view.
    lang : {"nl", "en"}
        Language of reasons and the summary.
    row_units : dict or Series
        Row number → school/unit as written in the file (set by the loader, as a Series),
        so that losses can be reported per school (:meth:`losses`) and repeated reasons summarised per school.
    unit_column : str
        The file's own header of that school/unit column (``"School"``).
    unlisted : list of dict
        Rows counted but not listed one by one (a very large file lists the first rows of each
        reason only): ``column``, ``reason``, ``action``, ``n``. Counted in ``n_dropped``,
        :meth:`to_counts` and the summary.
    """

    source: str = ""
    kind: str = ""
    n_read: int = 0
    entries: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    identifier_columns: list[str] = field(default_factory=list)
    lang: str = "nl"
    masked_columns: list[str] = field(default_factory=list)
    row_units: dict = field(default_factory=dict)
    unit_column: str = ""
    unlisted: list[dict] = field(default_factory=list)

    def add(self, *, row, column, value, reason: str, action: Action) -> None:
        """Record one row-level event; ``action`` is one of ``dropped``, ``changed``, ``warning``.

        Values are never stored in the clear when they are personal: a value in one of
        ``masked_columns`` (the identifier column before pseudonymization, columns flagged as
        personal) is masked to its last two characters, and personal data inside any other value
        (:func:`evaluatie.privacy.scrub`) is masked too.
        """
        from .privacy import mask_value

        if action not in ACTIONS:
            raise ValueError(f"action must be one of {ACTIONS}, got {action!r}")
        text = "" if value is None else str(value)
        text = mask_value(text) if column in self.masked_columns else _scrub(text)
        self.entries.append({"row": row, "column": column, "value": text, "reason": _scrub(reason),
                             "action": action})

    def _rows(self, action: str) -> set:
        return {e["row"] for e in self.entries if e["action"] == action}

    @property
    def n_dropped(self) -> int:
        """Number of distinct rows that were not used."""
        return len(self._rows("dropped")) + sum(u["n"] for u in self.unlisted if u["action"] == "dropped")

    @property
    def n_used(self) -> int:
        """Number of rows of the file that were used: the rows of the returned table, except that a file-study
        cell naming several agencies becomes one row per agency (listed as changed)."""
        return self.n_read - self.n_dropped

    @property
    def n_changed(self) -> int:
        """Number of distinct used rows in which a value was changed."""
        return len(self._rows("changed") - self._rows("dropped"))

    @property
    def n_warnings(self) -> int:
        return sum(e["action"] == "warning" for e in self.entries) + sum(
            u["n"] for u in self.unlisted if u["action"] == "warning")

    def dropped_rows(self) -> list:
        """Row numbers that were dropped, in order."""
        return sorted(self._rows("dropped"), key=lambda r: (r is None, r))

    def to_frame(self) -> pd.DataFrame:
        """One row per dropped, changed or flagged cell: ``row, column, value, reason, action``.

        The ``action`` column is in the report's language (``verwijderd``/``aangepast``/``waarschuwing``).
        """
        from .privacy import mask_value

        frame = pd.DataFrame(self.entries, columns=["row", "column", "value", "reason", "action"])
        private = frame["column"].isin(self.masked_columns) & ~frame["value"].astype(str).str.startswith("…")
        frame.loc[private, "value"] = frame.loc[private, "value"].map(mask_value)
        labels = {a: t(f"action_{a}", self.lang) for a in ACTIONS}
        frame["action"] = frame["action"].map(labels)
        return frame.sort_values("row", kind="stable", na_position="first").reset_index(drop=True)

    def _gone(self, r) -> str:
        """'Let op: … is helemaal weggevallen' for a row of :meth:`losses` (one row: 'de enige rij')."""
        return t("unit_removed" if r.n_read != 1 else "unit_removed_one", self.lang, unit=r.unit, n=r.n_read)

    def summary(self, published: bool = False) -> str:
        """Short text: counts, file-level notes and (if any) the problems, one per line.

        ``published=True`` (the method note of ``evaluatie rapport``): every cell value is masked to its
        last two characters. An unreadable date or number is free text ("navragen bij moeder van Daan"),
        and a name in it cannot be recognised; the row, column and reason say what to fix.
        """
        check_lang(self.lang)
        from .privacy import count_text, mask_value, scrub

        # published: the row counts follow the rounding rule in force, as every other published count does; an
        # exact number of rows read is the margin that gives a left-out small group back (rows - groups shown)
        count = (lambda n: count_text(n, self.lang)) if published else (lambda n: n)
        lines = [
            t("report_title", self.lang) + " — " + t(
                "report_line", self.lang, file=self.source, kind=self.kind, n_read=count(self.n_read),
                n_used=count(self.n_used), n_dropped=count(self.n_dropped), n_changed=count(self.n_changed),
                n_warn=self.n_warnings)
        ]

        lines += [f"  {scrub(n)}" for n in self.notes]
        losses = self.losses()
        for r in losses[losses["removed"]].itertuples(index=False):
            lines.append("  " + scrub(self._gone(r)))
        if not self.entries:
            lines.append("  " + t("no_problems", self.lang))
        for e in self._grouped().itertuples(index=False):
            if e.n > 1:  # the same problem on many rows of one school: one line
                where = t("rows_of_unit", self.lang, n=e.n, unit=e.unit, rows=_ranges(e.rows)) if e.unit else (
                    t("rows_many", self.lang, n=e.n, rows=_ranges(e.rows)))
                where += f", {t('col_column', self.lang)} '{e.column}'" if e.column else ""
            else:
                where = ", ".join(p for p in (f"{t('col_row', self.lang)} {e.row}" if e.row is not None else "",
                                              f"{t('col_column', self.lang)} '{e.column}'" if e.column else "") if p)
            shown = mask_value(e.value) if published and e.value and not str(e.value).startswith("…") else e.value
            value = f" (waarde: '{shown}')" if shown and self.lang == "nl" else (
                f" (value: '{shown}')" if shown else "")
            lines.append(f"  - {where}: {e.reason} [{e.action}]{value}")
        for u in self.unlisted:
            lines.append("  - " + t("rows_unlisted", self.lang, n=format_number(u["n"], 0, self.lang),
                                    reason=scrub(u["reason"]), action=t(f"action_{u['action']}", self.lang)))
        return "\n".join(lines)

    def _unit_labels(self) -> dict:
        """School/unit label per unit as shown in the report: masked (``…og``) for units with fewer than
        :data:`SMALL_UNIT` rows, which are often a pupil's name typed in the School cell."""
        from .privacy import mask_value

        counts = pd.Series(self.row_units).astype(object).value_counts()  # dict or Series
        return {u: (str(u) if n >= SMALL_UNIT else mask_value(u)) for u, n in counts.items()}

    def _grouped(self) -> pd.DataFrame:
        """Entries with the same school, column, value, reason and action merged (first row's order)."""
        frame = self.to_frame()
        frame["unit"] = frame["row"].map(self.row_units).map(self._unit_labels()).astype(object).fillna("").astype(str)
        keys = ["unit", "column", "value", "reason", "action"]
        grouped = frame.groupby(keys, sort=False, dropna=False)["row"]
        out = grouped.agg(row="first", n="size", rows=lambda r: sorted(x for x in r if x is not None)).reset_index()
        return out[["row", "column", "value", "reason", "action", "unit", "n", "rows"]]

    def losses(self) -> pd.DataFrame:
        """Rows read, used and dropped per school/unit (``unit, n_read, n_used, n_dropped, removed``).

        ``removed`` is True when every row of the school was dropped: the school is gone from the
        analysis. Rows without a school (blank rows) and total rows are not counted. Empty when the
        loader did not record the school of each row. Units with fewer than :data:`SMALL_UNIT` rows
        are shown masked: such a "school" is often a name in the wrong cell.

        Examples
        --------
        >>> units = {r: "IKC De Zon" for r in range(2, 8)} | {8: "Jan Jansen"}
        >>> rep = QualityReport(source="a.csv", kind="panel", n_read=7, row_units=units)
        >>> for row in (2, 3, 4, 5, 6, 7, 8):
        ...     rep.add(row=row, column="Startdatum", value="32-13-2023", reason="datum onleesbaar", action="dropped")
        >>> rep.losses()
                 unit  n_read  n_used  n_dropped  removed
        0  IKC De Zon       6       0          6     True
        1         …en       1       0          1     True
        """
        columns = ["unit", "n_read", "n_used", "n_dropped", "removed"]
        if len(self.row_units) == 0:  # a dict, or a Series (the loader's: compact for large files)
            return pd.DataFrame(columns=columns).astype({"removed": bool})
        total = t("reason_total", self.lang)  # a total row ("Totaal") is not a school that disappeared
        totals = [e["row"] for e in self.entries if e["reason"] == total]
        units = pd.Series(self.row_units).astype(object)  # vectorized: the loader's Series has a row per row read
        units = units[~units.index.isin(totals) & units.notna() & (units != "")]
        read = units.value_counts(sort=False)
        dropped = units[units.index.isin(list(self._rows("dropped")))].value_counts(sort=False)
        frame = pd.DataFrame({"unit": read.index, "n_read": read.to_numpy()})
        frame["n_dropped"] = frame["unit"].map(dropped).fillna(0).astype(int)
        frame["n_used"] = frame["n_read"] - frame["n_dropped"]
        frame["removed"] = frame["n_used"] == 0
        frame["unit"] = frame["unit"].map(self._unit_labels())
        frame = frame.sort_values(["n_dropped", "unit"], ascending=[False, True], kind="stable")
        return frame[columns].reset_index(drop=True)

    def to_counts(self) -> pd.DataFrame:
        """Rows per outcome: used rows, then dropped rows per reason (``outcome``, ``n``)."""
        dropped = [e for e in self.entries if e["action"] == "dropped"]
        first = {}
        for e in dropped:  # one reason per dropped row: the first recorded
            first.setdefault(e["row"], e["reason"].split(" (")[0])
        counts = pd.Series(list(first.values()), dtype=object).value_counts()
        for u in self.unlisted:
            if u["action"] == "dropped":
                reason = u["reason"].split(" (")[0]
                counts[reason] = counts.get(reason, 0) + u["n"]
        counts = counts.sort_values(ascending=False, kind="stable")
        label = "gebruikt" if self.lang == "nl" else "used"
        frame = pd.DataFrame({"outcome": [label, *counts.index], "n": [self.n_used, *counts.to_numpy()]})
        return frame.astype({"n": int})

    def plot(self, ax=None):
        """Horizontal bar chart: rows used and rows dropped per reason. Returns the Axes."""
        import matplotlib.pyplot as plt

        from .plots import GREY, PALETTE, format_axis, house_style

        counts = self.to_counts()
        with house_style():
            if ax is None:
                _, ax = plt.subplots(figsize=(8, 1.2 + 0.45 * len(counts)))
            colors = [PALETTE[0]] + [GREY] * (len(counts) - 1)
            ax.barh(counts["outcome"][::-1], counts["n"][::-1], color=colors[::-1])
            for y, n in enumerate(counts["n"][::-1]):
                ax.annotate(format_number(n, 0, self.lang), (n, y), xytext=(3, 0), textcoords="offset points",
                            va="center", fontsize=9)
            nl = self.lang == "nl"
            ax.set_title(f"{format_number(self.n_used, 0, self.lang)} van {format_number(self.n_read, 0, self.lang)} "
                         f"rijen bruikbaar" if nl else
                         f"{format_number(self.n_used, 0, self.lang)} of {format_number(self.n_read, 0, self.lang)} "
                         "rows usable")
            ax.set_xlabel("aantal rijen" if nl else "number of rows")
            ax.grid(axis="y", visible=False)
            ax.grid(axis="x", visible=True)
            format_axis(ax, "x", lang=self.lang)
        return ax

    def __str__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        head = html.escape(self.summary().splitlines()[0])
        from .privacy import scrub

        notes = "".join(f"<li>{html.escape(scrub(n))}</li>" for n in self.notes)
        losses = self.losses()
        notes += "".join(f"<li>{html.escape(scrub(self._gone(r)))}</li>"
                         for r in losses[losses["removed"]].itertuples(index=False))
        if self.entries:  # the same problem on many rows of one school is one line
            g = self._grouped()
            frame = pd.DataFrame({t("col_row", self.lang): [_ranges(r) if len(r) > 1 else str(r[0]) if r else ""
                                                            for r in g["rows"]],
                                  t("col_n_rows", self.lang): g["n"]})
            if g["unit"].str.len().gt(0).any():
                frame[self.unit_column or "school"] = g["unit"].to_numpy()
            for c in ["column", "value", "reason", "action"]:
                frame[t(f"col_{c}", self.lang)] = g[c].to_numpy()
            table = frame.to_html(index=False, escape=True)
        else:
            table = f"<p>{html.escape(t('no_problems', self.lang))}</p>"
        return f"<div><strong>{head}</strong><ul>{notes}</ul>{table}</div>"


# ------------------------------------------------------------------------- near-duplicate labels
_BLOCK = 2000  # rows of one rapidfuzz score matrix (memory: _BLOCK × labels × 4 bytes)


def normalize_label(values) -> pd.Series:
    """Trim, case-fold and collapse white space of category labels (vectorized).

    Examples
    --------
    >>> normalize_label(pd.Series([" sbo  De Regenboog ", "SBO De Regenboog"])).tolist()
    ['sbo de regenboog', 'sbo de regenboog']
    """
    series = pd.Series(values, dtype="object")
    return series.astype("string").str.normalize("NFKC").str.casefold().str.replace(
        r"\s+", " ", regex=True).str.strip().astype("object")


def near_duplicates(values, *, score_cutoff: float = 90, counts=None) -> pd.DataFrame:
    """Spellings that probably name the same unit, school or agency.

    Two distinct labels are reported as a pair when, after trimming, case-folding and collapsing
    white space, they are identical (score 100) or their similarity (rapidfuzz ``fuzz.ratio``,
    an indel-distance ratio on 0–100) is at least ``score_cutoff``. Labels whose numbers differ
    (``Jeugdteam 3`` / ``Jeugdteam 4``, ``GGD 2023`` / ``GGD 2024``) name different units on
    purpose and are never paired.

    Parameters
    ----------
    values : sequence or Series
        Category labels, one per row (repeats allowed; missing values ignored).
    score_cutoff : float, default 90
        Smallest similarity (0–100) reported.
    counts : Series, optional
        Rows per label (label → count) instead of ``values`` with repeats (for tables too large to hold).

    Returns
    -------
    DataFrame with one row per pair: ``value`` (the less frequent spelling, the one to review),
    ``similar_to`` (the more frequent one, the suggestion), ``score`` (0–100), ``n_value`` and
    ``n_similar`` (rows with each spelling); sorted by score, highest first. Empty when nothing
    looks alike.

    Examples
    --------
    >>> near_duplicates(["SBO De Regenboog"] * 3 + ["sbo de regenboog ", "IKC Het Anker", "IKC Het Ankerr",
    ...                  "IKC Het Anker", "Jeugdteam 3", "Jeugdteam 4"])[["value", "similar_to", "score"]]
                   value        similar_to  score
    0  sbo de regenboog   SBO De Regenboog  100.0
    1     IKC Het Ankerr     IKC Het Anker   96.3
    """
    from rapidfuzz import fuzz, process

    if not 0 <= score_cutoff <= 100:
        raise ValueError(f"score_cutoff must lie between 0 and 100, got {score_cutoff!r}")
    columns = ["value", "similar_to", "score", "n_value", "n_similar"]
    if counts is None:
        counts = pd.Series(values, dtype="object").dropna().value_counts(sort=False)  # distinct labels first: fast
    counts.index = counts.index.astype(str)
    counts = counts.groupby(level=0, sort=False).sum()
    counts = counts[counts.index.str.strip() != ""]
    if len(counts) < 2:
        return pd.DataFrame(columns=columns).astype({"score": float, "n_value": int, "n_similar": int})
    labels = counts.index.to_numpy(dtype=object)
    norm = normalize_label(labels)
    # only labels with the same numbers are compared (blocking): fewer pairs, bounded memory
    numbers = norm.str.findall(r"\d+").str.join("|")
    found_i, found_j, found_s = [], [], []
    for idx in numbers.groupby(numbers, sort=False).indices.values():
        if len(idx) < 2:
            continue
        names = norm.iloc[idx].tolist()
        for start in range(0, len(idx), _BLOCK):
            block = process.cdist(names[start:start + _BLOCK], names, scorer=fuzz.ratio, score_cutoff=score_cutoff,
                                  dtype=np.float32, workers=1)
            r, c = np.nonzero(block)
            upper = start + r < c
            found_i.append(idx[start + r[upper]])
            found_j.append(idx[c[upper]])
            found_s.append(block[r[upper], c[upper]])
    if not found_i:
        return pd.DataFrame(columns=columns).astype({"score": float, "n_value": int, "n_similar": int})
    i, j, score = np.concatenate(found_i), np.concatenate(found_j), np.concatenate(found_s).astype(float)
    n = counts.to_numpy()
    # the rarer spelling is the one to review; ties: the later one in sort order
    swap = (n[i] > n[j]) | ((n[i] == n[j]) & (labels[i].astype(str) < labels[j].astype(str)))
    a, b = np.where(swap, j, i), np.where(swap, i, j)
    out = pd.DataFrame({"value": labels[a], "similar_to": labels[b],
                        "score": np.round(score, 1), "n_value": n[a], "n_similar": n[b]},
                       columns=columns)
    return out.sort_values(["score", "value"], ascending=[False, True], kind="stable").reset_index(drop=True)


#: Canonical columns that name a unit (school, unit, care provider); checked by :func:`flag_units`.
#: Agency names in a file study (``agency_raw``) are not: their spellings are merged, with a trace,
#: by :func:`evaluatie.agencies.normalize` (reviewed mapping with rapidfuzz suggestions).
UNIT_COLUMNS: tuple[str, ...] = ("school", "unit", "provider", "group")
#: Of those, the ones where a value seen once is suspect (a school with one pupil); a single
#: mention of an agency is ordinary in a file study.
SINGLETON_COLUMNS: tuple[str, ...] = ("school", "unit")


def flag_units(data: pd.DataFrame, report: QualityReport, *, identifier: str | None = None, labels=None,
               score_cutoff: float = 90, lang: str = "nl") -> pd.DataFrame:
    """Warn in ``report`` about unit labels that look like typing errors or personal data.

    For every column of :data:`UNIT_COLUMNS` in ``data`` (school, unit, provider, group): values that look
    like another spelling of the same unit (:func:`near_duplicates`, with the suggestion), and, for schools and units,
    values that occur for a single pupil (or a single row without ``identifier``) while another
    value has at least three: a pupil's name typed in the School cell becomes such a group of one. Such values are not merged or dropped —
    that needs the user's decision — but each gets a warning naming the row, and singleton values
    are shown masked because they may be a name.

    Parameters
    ----------
    data : DataFrame
        Loaded table; the index holds the row numbers used in the report.
    report : QualityReport
        Report the warnings are added to.
    identifier : str, optional
        Column with pupil/respondent ids; groups are counted in distinct ids.
    labels : dict, optional
        Canonical name → column name as typed by the user (for the report).
    score_cutoff : float, default 90
        Similarity from which two spellings are reported (see :func:`near_duplicates`).
    lang : {"nl", "en"}

    Returns
    -------
    DataFrame of the flagged values: ``column``, ``value``, ``problem`` (``near_duplicate`` or
    ``singleton``), ``similar_to``, ``row``.

    Examples
    --------
    >>> df = pd.DataFrame({"school": ["SBO De Regenboog"] * 3 + ["sbo de regenboog ", "Jan Jansen"],
    ...                    "pupil": ["a", "b", "c", "d", "e"]}, index=[2, 3, 4, 5, 6])
    >>> rep = QualityReport(n_read=5)
    >>> flag_units(df, rep, identifier="pupil")[["value", "problem", "row"]].values.tolist()
    [['sbo de regenboog ', 'near_duplicate', 5], ['sbo de regenboog ', 'singleton', 5], ['Jan Jansen', 'singleton', 6]]
    >>> rep.to_frame()["value"].tolist()
    ['…og', '…og', '…en']
    """
    from .privacy import mask_value

    check_lang(lang)
    labels = labels or {}
    found = []
    for col in [c for c in UNIT_COLUMNS if c in data.columns]:
        values = data[col].dropna()
        distinct = pd.Series(values.unique())
        blank = set(distinct[distinct.astype(str).str.strip() == ""])  # checked once per distinct label
        if blank:
            values = values[~values.isin(blank)]
        if values.empty:
            continue
        first_row = pd.Series(values.index.to_numpy(), index=values.to_numpy()).groupby(level=0, sort=False).first()
        pairs = near_duplicates(values, score_cutoff=score_cutoff)
        for p in pairs.itertuples(index=False):
            found.append((col, p.value, "near_duplicate", p.similar_to, first_row[p.value],
                          t("reason_near_duplicate", lang, similar=p.similar_to, score=format_number(p.score, 0, lang),
                            n=p.n_similar)))
        if col in SINGLETON_COLUMNS and values.nunique() > 1:
            sizes = (data.loc[values.index].groupby(col)[identifier].nunique() if identifier in data.columns
                     else values.value_counts())
            if sizes.max() < 3:  # every group is tiny (one period, a class of four): nothing sticks out
                continue
            for value in sizes.index[sizes.to_numpy() == 1]:
                found.append((col, value, "singleton", None, first_row[value], t("reason_singleton_unit", lang)))
    out = pd.DataFrame(found, columns=["column", "value", "problem", "similar_to", "row", "reason"])
    singles = set(zip(out.loc[out["problem"] == "singleton", "column"], out.loc[out["problem"] == "singleton", "value"]))
    for f in out.itertuples(index=False):
        shown = mask_value(f.value) if (f.column, f.value) in singles else f.value  # a group of one may be a name
        report.add(row=f.row, column=labels.get(f.column, f.column), value=shown, reason=f.reason, action="warning")
    return out.drop(columns="reason").sort_values("row", kind="stable").reset_index(drop=True)


def _ranges(rows) -> str:
    """Row numbers as compact ranges: ``[2, 3, 4, 9]`` → ``'2–4, 9'``.

    Examples
    --------
    >>> _ranges([2, 3, 4, 9, 11, 12])
    '2–4, 9, 11–12'
    """
    rows = sorted(int(r) for r in rows)
    if not rows:
        return ""
    breaks = [i for i in range(1, len(rows)) if rows[i] != rows[i - 1] + 1]
    starts = [0, *breaks]
    ends = [*breaks, len(rows)]
    return ", ".join(f"{rows[a]}" if rows[a] == rows[b - 1] else f"{rows[a]}–{rows[b - 1]}"
                     for a, b in zip(starts, ends))
