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

import html
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from .text import check_lang, t

__all__ = ["QualityReport"]

Action = Literal["dropped", "changed", "warning"]
ACTIONS: tuple[str, ...] = ("dropped", "changed", "warning")


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
    lang : {"nl", "en"}
        Language of reasons and the summary.
    """

    source: str = ""
    kind: str = ""
    n_read: int = 0
    entries: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    identifier_columns: list[str] = field(default_factory=list)
    lang: str = "nl"

    def add(self, *, row, column, value, reason: str, action: Action) -> None:
        """Record one row-level event; ``action`` is one of ``dropped``, ``changed``, ``warning``."""
        if action not in ACTIONS:
            raise ValueError(f"action must be one of {ACTIONS}, got {action!r}")
        self.entries.append(
            {"row": row, "column": column, "value": "" if value is None else str(value),
             "reason": reason, "action": action}
        )

    def _rows(self, action: str) -> set:
        return {e["row"] for e in self.entries if e["action"] == action}

    @property
    def n_dropped(self) -> int:
        """Number of distinct rows that were not used."""
        return len(self._rows("dropped"))

    @property
    def n_used(self) -> int:
        """Number of rows in the returned table."""
        return self.n_read - self.n_dropped

    @property
    def n_changed(self) -> int:
        """Number of distinct used rows in which a value was changed."""
        return len(self._rows("changed") - self._rows("dropped"))

    @property
    def n_warnings(self) -> int:
        return sum(e["action"] == "warning" for e in self.entries)

    def dropped_rows(self) -> list:
        """Row numbers that were dropped, in order."""
        return sorted(self._rows("dropped"), key=lambda r: (r is None, r))

    def to_frame(self) -> pd.DataFrame:
        """One row per dropped, changed or flagged cell: ``row, column, value, reason, action``.

        The ``action`` column is in the report's language (``verwijderd``/``aangepast``/``waarschuwing``).
        """
        frame = pd.DataFrame(self.entries, columns=["row", "column", "value", "reason", "action"])
        labels = {a: t(f"action_{a}", self.lang) for a in ACTIONS}
        frame["action"] = frame["action"].map(labels)
        return frame.sort_values("row", kind="stable", na_position="first").reset_index(drop=True)

    def summary(self) -> str:
        """Short text: counts, file-level notes and (if any) the problems, one per line."""
        check_lang(self.lang)
        lines = [
            t("report_title", self.lang) + " — " + t(
                "report_line", self.lang, file=self.source, kind=self.kind, n_read=self.n_read,
                n_used=self.n_used, n_dropped=self.n_dropped, n_changed=self.n_changed,
                n_warn=self.n_warnings)
        ]
        lines += [f"  {n}" for n in self.notes]
        if not self.entries:
            lines.append("  " + t("no_problems", self.lang))
        for e in self.to_frame().itertuples(index=False):
            where = f"{t('col_row', self.lang)} {e.row}" if e.row is not None else ""
            lines.append(f"  - {where}, {e.column}: {e.reason} [{e.action}] {e.value!r}".replace(" , ", " "))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        head = html.escape(self.summary().splitlines()[0])
        notes = "".join(f"<li>{html.escape(n)}</li>" for n in self.notes)
        if self.entries:
            frame = self.to_frame().rename(columns={c: t(f"col_{c}", self.lang) for c in
                                                     ["row", "column", "value", "reason", "action"]})
            table = frame.to_html(index=False, escape=True)
        else:
            table = f"<p>{html.escape(t('no_problems', self.lang))}</p>"
        return f"<div><strong>{head}</strong><ul>{notes}</ul>{table}</div>"
