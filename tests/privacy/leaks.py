"""Helpers for the leak scenarios: small hostile input files and a scan of every written file.

The scan reads every file under a folder as text: CSV/TXT/HTML/MD as UTF-8, the XML parts inside
.xlsx, the SVG source (written with ``svg.fonttype='none'`` in the tests so that figure text is
stored as text), PNG metadata chunks, and PDF content streams (inflated). Every spelling of an
injected value is searched for, not only the one that was injected.
"""
from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

BSN = "111222333"
BSN_FORMS = ["111222333", "1112.22.333", "111 222 333", "111-222-333", "111.222.333", "11 122 23 33"]
EMAIL = "ouder@example.nl"
PHONE_FORMS = ["0612345678", "06.12345678", "06-12345678", "06 12345678", "6 12345678", "612345678"]
NAME = "Jan Jansen"
PSEUDONYM = re.compile(r"ps_[0-9a-fA-F]{6,}")


def dossier_rows(n_pupils: int = 12, school: str = "SBO De Regenboog") -> list[list[str]]:
    """One school, every agency with at least five pupils (nothing is suppressed for being small)."""
    rows = []
    for i in range(1, n_pupils + 1):
        pupil = f"L{i:03d}"
        rows.append([school, pupil, "Accare"])
        rows.append([school, pupil, "Karakter" if i <= n_pupils // 2 else "Lentis"])
        if i <= 5:
            rows.append([school, pupil, "GGD"])
    return rows


def write_csv(path: Path, header: list[str], rows: list[list]) -> Path:
    path.write_text("\n".join(";".join(map(str, r)) for r in [header, *rows]) + "\n", encoding="utf-8")
    return path


def write_xlsx(path: Path, header: list[str], rows: list[list]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(header)
    for r in rows:
        ws.append(r)
    book.save(path)
    return path


def _pdf_text(raw: bytes) -> str:
    parts = [raw.decode("latin-1")]
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", raw, re.S):
        try:
            parts.append(zlib.decompress(m.group(1)).decode("latin-1"))
        except zlib.error:
            pass
    return "\n".join(parts)


def file_text(path: Path) -> str:
    raw = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".docx"):
        with zipfile.ZipFile(path) as z:
            return "\n".join(z.read(n).decode("utf-8", "ignore") for n in z.namelist())
    if suffix == ".pdf":
        return _pdf_text(raw)
    return raw.decode("utf-8", "ignore")


def written(folder: Path) -> dict[Path, str]:
    """Every file below ``folder`` (and its name) as searchable text."""
    return {p: p.name + "\n" + file_text(p) for p in sorted(Path(folder).rglob("*")) if p.is_file()}


def leaks(folder: Path, forms, *, pseudonyms: bool = True, extra_text: str = "") -> list[str]:
    """Files (or 'console') in which one of ``forms`` (or a ``ps_`` pseudonym) appears."""
    found = []
    texts = dict(written(folder))
    if extra_text:
        texts[Path("console")] = extra_text
    for path, text in texts.items():
        low = text.lower()
        hits = [f for f in forms if f.lower() in low]
        if pseudonyms and PSEUDONYM.search(text):
            hits.append("ps_…")
        if hits:
            found.append(f"{path.name}: {hits}")
    return found
