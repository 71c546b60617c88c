"""The factsheet of a pilot (HTML, PDF, DOCX) and its method note (``verantwoording.md``).

The HTML is one self-contained file: CSS inline, figures as SVG inside the file (``data:`` URIs
on ``<img>`` with alt text), no external requests, so it works offline and as an e-mail
attachment. It prints on two A4 pages. The PDF is printed from that same HTML by headless
Chromium (``--print-to-pdf``): the browser the factsheet is tested in, so what is tested is what
is printed. WeasyPrint was not chosen: it needs Pango/cairo system libraries and renders CSS
differently from the browsers policy makers open the HTML in. The DOCX (python-docx) holds the
same text, the key figures, real tables and the PNG figures, editable for a council memo.

Every text written (HTML without its images, Markdown, DOCX text, captions) passes
:func:`evaluatie.privacy.check_exportable` first.

Examples
--------
>>> find_chromium() is None or find_chromium().name.startswith(("chrom", "google"))
True
"""
from __future__ import annotations

import base64
import os
import platform
import re
import shutil
import subprocess
import tempfile
from importlib import metadata
from pathlib import Path

from .errors import InputError
from .privacy import check_exportable, rounding_base, rounding_rule
from .text import format_number, t

__all__ = ["render_html", "write_factsheet", "write_method_note", "find_chromium", "html_to_pdf", "fix_pdf_dates",
           "fix_pdf_node_ids",
           "CHROMIUM_FLAGS", "MAX_FIGURES", "MAX_KEYS", "MAX_CAVEATS", "MAX_MEANING"]

#: Flags for a quiet, offline, reproducible headless Chromium run.
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
                  "--hide-scrollbars", "--mute-audio")
#: Figures on the two pages: one on page 1, two on page 2, each wide enough to read its labels at
#: print size (the rest stay in ``figures/<pilot>/``).
MAX_FIGURES = 3
#: Key figures on page 1 (a 3 × 3 grid): every section's first, then further ones in section order.
MAX_KEYS = 9
#: Points under "Waar moet u op letten?": every section's first, then second ones in section order (at
#: most two per section); all of them are in ``verantwoording.md``.
MAX_CAVEATS = 10
#: Points under "Wat betekent dit?": one per section in section order (sentences already on a key figure
#: are not repeated); every section's result and methods are in ``verantwoording.md``.
MAX_MEANING = 5
_PACKAGES = ("evaluatie", "numpy", "pandas", "scipy", "statsmodels", "matplotlib", "networkx", "openpyxl",
             "jinja2", "python-docx")


def find_chromium() -> Path | None:
    """Path of a Chromium/Chrome executable (``$EVALUATIE_CHROMIUM`` first), or None."""
    names = [os.environ.get("EVALUATIE_CHROMIUM", ""), "chromium", "chromium-browser", "google-chrome",
             "google-chrome-stable"]
    for name in filter(None, names):
        found = shutil.which(name)
        if found:
            return Path(found)
    return None


def run_chromium(args: list, *, timeout: int = 120) -> subprocess.CompletedProcess:
    """Run headless Chromium with :data:`CHROMIUM_FLAGS` and a fresh profile folder."""
    exe = find_chromium()
    if exe is None:
        raise InputError(t("fs_no_chromium", "nl"))
    with tempfile.TemporaryDirectory(prefix="evaluatie-chromium-") as profile:
        return subprocess.run([str(exe), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=timeout, check=False)


_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) ?\(D:(\d{14})([^)]*)\)")


def _pdf_date() -> bytes:
    """``YYYYMMDDHHMMSS`` from ``$SOURCE_DATE_EPOCH`` (reproducible builds), else 1 January 2024 (as the tables)."""
    import datetime as dt

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    when = (dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit()
            else dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    return when.strftime("%Y%m%d%H%M%S").encode("ascii")


def fix_pdf_dates(pdf: Path) -> Path:
    """Set the creation and modification dates of a PDF to a fixed moment, in place, byte for byte.

    Chromium writes the time of printing into ``/CreationDate`` and ``/ModDate``; that is the only
    part of its PDF that differs between runs. The dates are overwritten with the same number of
    bytes (time zone digits become ``+00'00'``), so the cross-reference offsets stay valid.

    Examples
    --------
    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "a.pdf"
    >>> _ = p.write_bytes(b"<</CreationDate (D:20261123225027+01'00')>>")
    >>> fix_pdf_dates(p).read_bytes()
    b"<</CreationDate (D:20240101000000+00'00')>>"
    """
    pdf = Path(pdf)
    stamp = _pdf_date()

    def fixed(m: re.Match) -> bytes:
        zone = re.sub(rb"\d", b"0", m.group(3)).replace(b"-", b"+")
        return m.group(0)[:m.start(2) - m.start(0)] + stamp + zone + b")"
    pdf.write_bytes(_PDF_DATE.sub(fixed, pdf.read_bytes()))
    return pdf


_NODE_ID = re.compile(rb"\(node(\d{8})\)")


def fix_pdf_node_ids(pdf: Path) -> Path:
    """Renumber the structure-element IDs of a tagged Chromium PDF by rank, in place, byte for byte.

    Chromium names each tagged element after its DOM node (``/ID (node00000077)``); the numbers
    shift between runs (one run counts a node more), although the elements and their order are the
    same. The IDs are replaced by their rank among all IDs in the file (``node00000000``,
    ``node00000001``, …): same width, so the offsets stay valid, and same order, so the sorted
    ``/IDTree`` stays sorted.

    Examples
    --------
    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "a.pdf"
    >>> _ = p.write_bytes(b"/ID (node00000080) /ID (node00000077) /Names [(node00000077) 1 0 R]")
    >>> fix_pdf_node_ids(p).read_bytes()
    b'/ID (node00000001) /ID (node00000000) /Names [(node00000000) 1 0 R]'
    """
    pdf = Path(pdf)
    data = pdf.read_bytes()
    rank = {v: i for i, v in enumerate(sorted(set(_NODE_ID.findall(data))))}
    pdf.write_bytes(_NODE_ID.sub(lambda m: b"(node%08d)" % rank[m.group(1)], data))
    return pdf


def html_to_pdf(html: Path, pdf: Path) -> Path:
    """Print ``html`` to ``pdf`` with headless Chromium (A4 from the page's CSS, no header/footer).

    The PDF's dates and structure IDs are fixed (:func:`fix_pdf_dates`, :func:`fix_pdf_node_ids`): the same
    HTML gives the same bytes.
    """
    pdf = Path(pdf).resolve()
    pdf.unlink(missing_ok=True)
    out = run_chromium(["--no-pdf-header-footer", f"--print-to-pdf={pdf}", Path(html).resolve().as_uri()])
    if not pdf.is_file():
        raise InputError(t("fs_pdf_failed", "nl", detail=(out.stderr or "")[-300:]))
    return fix_pdf_node_ids(fix_pdf_dates(pdf))


def _figures(sections) -> list:
    """The factsheet's figures: the MAX_FIGURES candidates of lowest rank, in section order."""
    candidates = [f for s in sections for f in s.figures if f.on_factsheet]
    keep = {id(f) for f in sorted(candidates, key=lambda f: f.rank)[:MAX_FIGURES]}
    return [f for f in candidates if id(f) in keep]


def _pick(per_section: list, limit: int, per: int | None = None) -> list:
    """Items of several sections: the first of each, then the second of each, ... up to ``limit``; in section order."""
    ranked = sorted(((j, i) for i, items in enumerate(per_section) for j in range(len(items[:per]))))[:limit]
    keep = set(ranked)
    return [item for i, items in enumerate(per_section) for j, item in enumerate(items) if (j, i) in keep]


def _data_uri(path: Path) -> str:
    svg = Path(path).read_bytes()
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


def _caption(fig) -> tuple[str, str]:
    """(alt text, footer 'Bron: …; n = …') from the figure's caption file."""
    lines = fig.alt.splitlines()
    return " ".join(lines[:-1]) if len(lines) > 1 else fig.alt, lines[-1] if len(lines) > 1 else ""


def _rows_not_used(pilot, sections) -> list:
    """Per data file with dropped rows: "trajecten.csv (minder dan 5 van de 13 rijen)" (small counts as words).

    The first quality report of a data key is the one made on reading (sections add dropped rows to it,
    e.g. a pupil without an outcome); later reports of the same key work on the rows it kept.
    """
    from .privacy import count_text, small_count

    first: dict = {}
    for s in sections:
        for key, report in s.quality:
            first.setdefault(key, report)
    return [t("fs_rows_not_used_file", pilot.lang, file=pilot.data[key].name,
              k=small_count(report.n_dropped, pilot.threshold, pilot.lang),
              n=count_text(report.n_read, pilot.lang))
            for key, report in first.items() if report.n_dropped]


def _context(pilot, sections) -> dict:
    lang = pilot.lang
    figs = []
    for f in _figures(sections):
        alt, foot = _caption(f)
        figs.append({"name": f.name, "alt": alt, "footer": foot, "svg": f.paths["svg"], "png": f.paths["png"]})
    key = _pick([s.key_figures for s in sections], MAX_KEYS)
    said = {k.words for k in key}
    meaning = _pick([[m for m in s.meaning if m not in said] for s in sections], MAX_MEANING, per=1)  # none twice
    if not meaning:  # rather a sentence twice than an empty "wat betekent dit?"
        meaning = _pick([s.meaning for s in sections], MAX_MEANING, per=1)
    about = [(t("fs_about_audience", lang), t(f"fs_audience_{pilot.audience}", lang)),
             (t("fs_about_source", lang), pilot.source),
             (t("fs_about_parts", lang), ", ".join(s.title for s in sections)),
             (t("fs_about_more", lang), t("fs_about_more_value", lang, n=sum(len(s.figures) for s in sections),
                                          folder=f"figures/{pilot.name}/"))]
    caveats = _pick([s.caveats for s in sections], MAX_CAVEATS, per=2)
    lost = _rows_not_used(pilot, sections)
    if lost:  # nothing left out silently: the factsheet says which files lost rows; verantwoording.md says which and why
        caveats.append(t("fs_rows_not_used", lang, files="; ".join(lost)))
    return {"lang": lang, "title": pilot.title, "pilot": pilot, "sections": sections, "key": key, "figures": figs,
            "about": about, "meaning": meaning, "caveats": caveats,
            "t": lambda k, **kw: t(k, lang, **kw)}


def _env():
    import jinja2

    return jinja2.Environment(loader=jinja2.PackageLoader("evaluatie", "templates"),
                              autoescape=jinja2.select_autoescape(["html.j2"], default=False), keep_trailing_newline=True,
                              trim_blocks=True, lstrip_blocks=True)


def render_html(pilot, sections, *, images: bool = True) -> str:
    """The factsheet as one HTML string (``images=False``: without the figure data, for the guard)."""
    ctx = _context(pilot, sections)
    for f in ctx["figures"]:
        f["src"] = _data_uri(f["svg"]) if images else ""
    return _env().get_template("factsheet.html.j2").render(**ctx)


def _visible_text(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def write_docx(pilot, sections, path: Path) -> Path:
    """The factsheet as an editable Word document (same texts, key figures, figures as PNG, real tables)."""
    import docx
    from docx.shared import Cm, Pt

    lang = pilot.lang
    ctx = _context(pilot, sections)
    texts = [pilot.title, *[v for _, v in ctx["about"]], *[f"{k.value} {k.label} {k.words}" for k in ctx["key"]],
             *ctx["meaning"], *ctx["caveats"], *[f["alt"] + " " + f["footer"] for f in ctx["figures"]]]
    check_exportable(texts, where=path.name, lang=lang)
    doc = docx.Document()
    doc.core_properties.author = ""
    doc.core_properties.title = pilot.title
    # Word spell-checks in the document's language; python-docx's template says en-US, also for a Dutch factsheet
    tag = {"nl": "nl-NL", "en": "en-GB"}[lang]
    doc.core_properties.language = tag
    from docx.oxml.ns import qn

    for el in doc.styles.element.iter(qn("w:lang")):
        el.set(qn("w:val"), tag)
    doc.add_heading(pilot.title, level=0)
    table = doc.add_table(rows=0, cols=2)
    table.style = "Light List"
    for label, value in ctx["about"]:
        row = table.add_row().cells
        row[0].text, row[1].text = label, value
    doc.add_heading(t("fs_key_heading", lang), level=1)
    for k in ctx["key"]:
        p = doc.add_paragraph()
        run = p.add_run(k.value + "  ")
        run.bold, run.font.size = True, Pt(22)
        p.add_run(k.label).bold = True
        doc.add_paragraph(k.words)
    doc.add_heading(t("fs_meaning", lang), level=1)
    for m in ctx["meaning"]:
        doc.add_paragraph(m, style="List Bullet")
    doc.add_heading(t("fs_caveats", lang), level=1)
    for c in ctx["caveats"]:
        doc.add_paragraph(c, style="List Bullet")
    doc.add_heading(t("fs_figures", lang), level=1)
    for f in ctx["figures"]:
        doc.add_picture(str(f["png"]), width=Cm(16))
        doc.add_paragraph(f"{f['alt']} {f['footer']}", style="Caption")
    from .io import save_workbook

    return save_workbook(doc, path)  # fixed zip and document timestamps: same input, same bytes


def write_factsheet(pilot, sections, folder, *, pdf: bool = True, docx: bool = True, progress=None) -> dict:
    """Write ``factsheet.html`` (+ ``.pdf`` when Chromium is there, + ``.docx``) in ``folder``.

    Returns a dict of written paths; when the PDF could not be made, key ``"_pdf_note"`` holds why.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    lang = pilot.lang
    check_exportable(_visible_text(render_html(pilot, sections, images=False)), where="factsheet.html", lang=lang)
    html = folder / "factsheet.html"
    html.write_text(render_html(pilot, sections), encoding="utf-8")
    out: dict = {"factsheet.html": html}
    if pdf:
        if find_chromium() is None:
            out["_pdf_note"] = t("fs_no_chromium", lang)
            if progress:
                progress(out["_pdf_note"])
        else:
            out["factsheet.pdf"] = html_to_pdf(html, folder / "factsheet.pdf")
    if docx:
        out["factsheet.docx"] = write_docx(pilot, sections, folder / "factsheet.docx")
    return out


def _versions() -> list[tuple[str, str]]:
    rows = [("python", platform.python_version())]
    for name in _PACKAGES:
        try:
            rows.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            rows.append((name, "–"))
    return rows


def write_method_note(pilot, sections, folder, *, checksums: dict, outputs: list, pdf_note: str | None = None) -> Path:
    """Write ``verantwoording.md``: methods, data quality, disclosure rule, software, seed, input checksums."""
    lang = pilot.lang
    folder = Path(folder)
    quality = []
    for s in sections:
        for key, report in s.quality:
            # the home folder (e.g. where the pseudonymization key lives) can hold a person's name
            # cell values are masked: free text in a date or number cell may hold a name
            # row counts follow the rounding rule, except for a section that publishes exact counts with a reason;
            # a section that left a small group out rounds them to the threshold when nothing else rounds them
            # (rows read minus the cases shown would give the group back)
            base = rounding_base() or (pilot.threshold if getattr(s, "left_out", False) and pilot.threshold >= 2
                                       else None)
            with rounding_rule(None if s.unprotected else base):
                summary = report.summary(published=True)
            quality.append((key, pilot.data[key].name, summary.replace(str(Path.home()), "~")))
    rule = t("fs_rule_threshold", lang, k=pilot.threshold)
    if pilot.rounding:
        rule += " " + t("fs_rule_rounding", lang, k=pilot.rounding)
    if pilot.min_denominator:
        rule += " " + t("fs_rule_min_den", lang, k=pilot.min_denominator)
    left_out = [s.title for s in sections if getattr(s, "left_out", False) and not s.unprotected]
    if left_out and not pilot.rounding and pilot.threshold >= 2:
        rule += " " + t("fs_rule_rows_rounded", lang, k=pilot.threshold, sections=", ".join(left_out))
    for s in sections:  # the exceptions the pilot file allows, with its reason
        if s.unprotected:
            rule += "\n\n" + t("fs_rule_exception", lang, section=s.title, k=pilot.threshold, reason=s.unprotected)
    text = _env().get_template("verantwoording.md.j2").render(
        pilot=pilot, sections=sections, quality=quality, rule=rule, versions=_versions(), checksums=checksums,
        outputs=outputs, pdf_note=pdf_note, t=lambda k, **kw: t(k, lang, **kw),
        n=lambda x, d=0: format_number(x, d, lang))
    path = folder / "verantwoording.md"
    # a SHA-256 checksum is no personal data, but one that starts like "1234ae0…" reads as postcode + house number
    # (about 1 in 100 files): the guard scans the note without them
    check_exportable(re.sub(r"`[0-9a-f]{64}`", "`sha256`", text), where=path.name, lang=lang)
    path.write_text(text, encoding="utf-8")
    return path
