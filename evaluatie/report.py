"""Exported tables (and later factsheets): privacy checks and small-cell suppression on the way out.

Examples
--------
>>> import pandas as pd, tempfile
>>> tab = pd.DataFrame({"met instantie": [40, 3], "zonder": [100, 17]}, index=["School A", "School B"])
>>> paths = export_table(tab, "voorbeeld", folder=tempfile.mkdtemp())
>>> sorted(paths)
['csv', 'xlsx']
"""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from .privacy import check_exportable, suppress
from .text import check_lang

__all__ = ["export_table"]


def export_table(table: pd.DataFrame, name: str, *, folder=None, counts=None, threshold: int = 5,
                 lang: str = "nl") -> dict[str, Path]:
    """Write a table to ``reports/`` as Dutch CSV (``;``, decimal comma) and Excel, safely.

    Parameters
    ----------
    table : DataFrame
        A cross-table (rows × columns). Columns that look like personal data make the export fail.
    name : str
        File name without extension.
    folder : path, optional
        Default ``$EVALUATIE_RAPPORTEN`` or ``./reports``.
    counts : list of str, optional
        Count columns to protect with :func:`evaluatie.privacy.suppress` (primary and secondary
        suppression over these columns and the rows). Default: all integer columns.
    threshold : int, default 5
        Smallest count shown; smaller counts appear as ``<threshold``.
    lang : {"nl", "en"}

    Returns
    -------
    dict with the paths of the ``csv`` and ``xlsx`` files.

    Raises
    ------
    InputError
        When a column appears to contain personal data (BSN, e-mail, phone, names, pseudonyms).
    """
    check_lang(lang)
    out = table.copy()
    if counts is None:
        counts = [c for c in out.columns if pd.api.types.is_integer_dtype(out[c])]
    if counts and threshold > 1:
        out[counts] = suppress(out[counts], threshold, marker=f"<{threshold}")
    folder = Path(folder or os.environ.get("EVALUATIE_RAPPORTEN", "reports"))
    folder.mkdir(parents=True, exist_ok=True)
    paths = {"csv": folder / f"{name}.csv", "xlsx": folder / f"{name}.xlsx"}
    decimal = "," if lang == "nl" else "."
    check_exportable(out, where=paths["csv"].name, lang=lang)
    out.to_csv(paths["csv"], sep=";" if lang == "nl" else ",", decimal=decimal, encoding="utf-8-sig")
    import openpyxl

    from .io import save_workbook

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = name[:31]
    flat = out.reset_index()
    ws.append([str(c) for c in flat.columns])
    for row in flat.itertuples(index=False):
        ws.append([None if not isinstance(v, str) and pd.isna(v) else v for v in row])
    save_workbook(book, paths["xlsx"])
    return paths
