"""House style for figures: colour-blind-safe palette, nl-NL numbers, footer with source and n.

Plot functions take ``ax=None``, draw on it and return the Axes; :func:`save_figure` is the one
way to export: PNG (300 dpi), SVG and PDF plus a ``.txt`` caption (alt text), with a footer
``Bron: …; n = …``. The same figure gives byte-identical SVG and PDF files.

Examples
--------
>>> import matplotlib.pyplot as plt
>>> with house_style():
...     fig, ax = plt.subplots()
...     _ = ax.bar(["a", "b"], [1200.5, 300])
...     _ = format_axis(ax, "y", decimals=1)
>>> ax.yaxis.get_major_formatter()(1200.5, 0)
'1.200,5'
>>> plt.close(fig)
"""
from __future__ import annotations

import contextlib
import os
from pathlib import Path

import matplotlib

matplotlib.use(os.environ.get("MPLBACKEND", "Agg"))
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402

from .text import check_lang, format_number  # noqa: E402

__all__ = ["PALETTE", "house_style", "format_axis", "month_axis", "finding_title", "save_figure", "figure_texts"]

#: Okabe & Ito (2008) colour-blind-safe palette, most distinct colours first.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
GREY = "#7F7F7F"

STYLE = {
    "figure.figsize": (8.0, 4.8),
    "figure.dpi": 100,
    "font.size": 11,
    "axes.titlesize": 13,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "grid.color": "#DDDDDD",
    "grid.linewidth": 0.8,
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
    "legend.frameon": False,
    "svg.hashsalt": "evaluatie",
    "svg.fonttype": "path",
    "pdf.fonttype": 42,
    "axes.formatter.use_locale": False,
}


@contextlib.contextmanager
def house_style(overrides: dict | None = None):
    """Context manager applying the house style (fonts, palette, grid) to figures made inside it.

    ``overrides`` (rcParams) are applied on top of the house style, e.g. ``{"axes.grid": False}``.

    Only the keys of :data:`STYLE` are set and afterwards restored. ``plt.rc_context`` restores
    *every* rcParam instead, including ``interactive``: when the first figure of a Jupyter session
    is made inside the context, pyplot loads the inline backend there, which switches
    ``interactive`` on (IPython's ``activate_matplotlib``); restoring it to ``False`` on exit made
    matplotlib-inline stop queueing figures, so every later figure of the notebook stayed invisible.
    """
    style = {**STYLE, **(overrides or {})}
    saved = {key: matplotlib.rcParams[key] for key in style}
    matplotlib.rcParams.update(style)
    try:
        yield
    finally:
        matplotlib.rcParams.update(saved)


def format_axis(ax, axis: str = "y", decimals: int = 0, percent: bool = False, lang: str = "nl"):
    """Format tick labels with nl-NL numbers (``1.234,5``) or percentages (``24%``) on ``axis``.

    Negative ticks get the typographic minus (U+2212) of :func:`evaluatie.text.format_number`, as
    matplotlib's own formatter and the figure texts write it (``−40.000``, ``−20%``).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = ax.set_xlim(-60000, 100000); _ = format_axis(ax, "x")
    >>> fig.canvas.draw(); [t.get_text() for t in ax.get_xticklabels()][:2]
    ['−60.000', '−40.000']
    >>> plt.close(fig)
    """
    check_lang(lang)

    def fmt(x, _pos):
        return format_number(100 * x if percent else x, decimals, lang) + ("%" if percent else "")

    for name in ("x", "y") if axis == "both" else (axis,):
        target = getattr(ax, f"{name}axis")
        target.set_major_formatter(FuncFormatter(fmt))
        if decimals == 0 and not percent:
            target.set_major_locator(MaxNLocator(integer=True))
    return ax


_MONTHS = {"nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
           "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")}


def month_axis(ax, lang: str = "nl", label: bool = True):
    """Date ticks on the x axis as months in words (``sep 2021``), at most about 7 ticks, with an axis label.

    Call it after plotting (the tick step follows the shown time span).

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> fig, ax = plt.subplots()
    >>> _ = ax.plot(pd.date_range("2021-08-01", periods=36, freq="MS"), range(36))
    >>> _ = month_axis(ax)
    >>> fig.canvas.draw(); [t.get_text() for t in ax.get_xticklabels()][:2], ax.get_xlabel()
    (['jul 2021', 'jan 2022'], 'Maand')
    >>> plt.close(fig)
    """
    import matplotlib.dates as mdates

    check_lang(lang)
    names = _MONTHS[lang]
    lo, hi = (mdates.num2date(x) for x in ax.get_xlim())
    span = (hi.year - lo.year) * 12 + hi.month - lo.month
    step = next(s for s in (1, 2, 3, 4, 6, 12, 24, 60) if span / s <= 7)  # at most about 7 labels
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=range(1, 13, step) if step <= 12 else (1,),
                                                   interval=1 if step <= 12 else step // 12))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: (lambda d: f"{names[d.month - 1]} {d.year}")(
        mdates.num2date(x))))
    if label:
        ax.set_xlabel("Maand" if lang == "nl" else "Month")
    return ax


def finding_title(ax, finding: str, question: str):
    """Title that states the finding (bold) with the question as a grey subtitle under it.

    The finding is wrapped (:func:`fit_titles`) so that a long sentence with its interval is never cut
    off at the edge of the image.
    """
    ax.set_title(finding, loc="left", pad=22, fontsize=STYLE["axes.titlesize"], fontweight=STYLE["axes.titleweight"])
    fit_titles(ax.figure)
    ax.text(0, 1.025, question, transform=ax.transAxes, fontsize=9.5, color="#444444", ha="left", va="bottom")
    return ax


def png_dpi() -> int:
    """Resolution of saved PNG figures: 300 dpi (print quality), or ``EVALUATIE_PNG_DPI``.

    The test suite draws hundreds of figures and sets 100 dpi: the same figure, drawn with fewer pixels.
    """
    return int(os.environ.get("EVALUATIE_PNG_DPI", 300))


def fit_titles(fig) -> None:
    """Wrap every axes title (and the figure's suptitle) that runs past the figure's right edge.

    A finding with its interval ("… −21% (95%-BI: −40% tot +5%)") is often wider than the plot: cut
    off in the image, or — with a tight bounding box — it widens the canvas and leaves the plot in one
    half. Titles are measured as drawn and re-wrapped to the room between their left edge and the
    figure's right edge.
    """
    import textwrap

    renderer = fig.canvas.get_renderer()
    right = fig.bbox.x1
    titles = [getattr(ax, name) for ax in fig.axes for name in ("_left_title", "title", "_right_title")]
    titles += [fig._suptitle] if getattr(fig, "_suptitle", None) is not None else []
    for text in titles:
        label = text.get_text()
        if not label or not text.get_visible():
            continue
        for _ in range(4):  # the estimate of characters per line is refined on the drawn width
            box = text.get_window_extent(renderer)
            room = 0.98 * (right - max(box.x0, fig.bbox.x0))
            if box.x1 <= max(box.x0, fig.bbox.x0) + room or room <= 0:
                break
            longest = max(len(line) for line in text.get_text().splitlines())
            width = max(15, int(longest * room / box.width) - 1)
            text.set_text(textwrap.fill(" ".join(label.split()), width))


def figure_texts(fig) -> list[str]:
    """All visible text in a figure (titles, labels, tick labels, legends, annotations)."""
    return [a.get_text() for a in fig.findobj(matplotlib.text.Text) if a.get_visible() and a.get_text()]


def _check_private(fig, name: str, caption: str, footer: str, lang: str) -> None:
    """Run the export guard over every text of the figure, the caption and the file name."""
    from .privacy import check_exportable

    fig.draw_without_rendering()  # tick labels are only filled in when the figure is drawn (layout, no pixels)
    nl = lang == "nl"
    texts = {f"{'figuurtekst' if nl else 'figure text'} {i + 1}": s for i, s in enumerate(figure_texts(fig))}
    texts.update({("bijschrift" if nl else "caption"): caption, ("voetregel" if nl else "footer"): footer,
                  ("bestandsnaam" if nl else "file name"): str(name)})
    check_exportable(texts, where=f"{Path(str(name)).name}.png", lang=lang)


def save_figure(fig, name: str, *, source: str, n, caption: str, folder=None, lang: str = "nl",
                formats=("png", "svg", "pdf")) -> dict[str, Path]:
    """Export a figure in house style: PNG (300 dpi), SVG, PDF and a ``.txt`` caption.

    Parameters
    ----------
    fig : matplotlib Figure
    name : str
        File name without extension (``"01_instanties_per_leerling"``).
    source : str
        Data source for the footer (``"dossieronderzoek SBO De Regenboog, 2024"``).
    n : int or str
        Number of units the figure rests on (pupils, schools); formatted nl-NL.
    caption : str
        Alt text describing what the figure shows; written to ``name.txt`` with the footer. The
        figure's title is put in front of it unless the caption already starts with it.
    folder : path, optional
        Output folder; default ``$EVALUATIE_FIGUREN`` or ``./figures``.
    lang : {"nl", "en"}

    Returns
    -------
    dict mapping format to written path (``"png"``, ``"svg"``, ``"pdf"``, ``"txt"``).

    Raises
    ------
    InputError
        If any text in the figure looks like personal data (BSN, e-mail, phone, pseudonym).

    Notes
    -----
    SVG and PDF are written without creation dates and with a fixed SVG hash salt, so the same
    data give byte-identical files (reproducible reports and clean diffs).
    """
    check_lang(lang)
    if isinstance(n, (int, float)):
        n = format_number(n, 0, lang)
    footer = f"{'Bron' if lang == 'nl' else 'Source'}: {source}; n = {n}"
    old = [a for a in fig.texts if a.get_gid() == "evaluatie-footer"]
    for a in old:
        a.remove()
    screen_dpi = fig.dpi
    fig.set_dpi(png_dpi())  # measure text as the PNG draws it (hinting at screen dpi makes it narrower)
    fit_titles(fig)
    renderer = fig.canvas.get_renderer()
    box = fig.get_tightbbox(renderer).transformed(fig.dpi_scale_trans).transformed(fig.transFigure.inverted())
    fig.text(max(box.x0, 0.0), box.y0 - 0.02, footer, fontsize=8, color=GREY, ha="left", va="top",
             gid="evaluatie-footer")
    title = " ".join(next((a.get_title(loc=loc) for a in fig.axes for loc in ("left", "center", "right")
                           if a.get_title(loc=loc)), "").split())  # a wrapped title is one sentence
    if title and not caption.strip().startswith(title):  # alt text says first what the figure is
        caption = f"{title}{'' if title[-1] in '.?!:' else '.'} {caption.strip()}"
    _check_private(fig, name, caption, footer, lang)
    folder = Path(folder or os.environ.get("EVALUATIE_FIGUREN", "figures"))
    folder.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    # The tight box is computed once here (layout only, no drawing) instead of by every savefig with
    # bbox_inches="tight", which draws the whole figure an extra time per format.
    tight = fig.get_tightbbox(fig.canvas.get_renderer()).padded(0.15)
    fig.set_dpi(screen_dpi)
    with plt.rc_context({"svg.hashsalt": "evaluatie"}):
        for fmt in formats:
            path = folder / f"{name}.{fmt}"
            metadata = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None},
                        "pdf": {"CreationDate": None, "ModDate": None, "Creator": None, "Producer": None}}[fmt]
            fig.savefig(path, dpi=png_dpi() if fmt == "png" else 100, bbox_inches=tight, metadata=metadata)
            paths[fmt] = path
    paths["txt"] = folder / f"{name}.txt"
    paths["txt"].write_text(f"{caption.strip()}\n{footer}\n", encoding="utf-8")
    return paths
