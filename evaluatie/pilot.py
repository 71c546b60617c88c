"""A whole pilot evaluation from one description: ``pilot.toml`` → figures, factsheet, tables, method note.

A pilot file names the pilot, its region and period, the data files per kind, the analyses to run
(with their options), the audience, the language, the disclosure rule and the source line.
:func:`load_pilot` reads and validates it (Dutch errors for an unknown key, a missing file or a
value that is not allowed); :func:`run_pilot` reads the data, runs every analysis whose data are
given, and writes

- ``figures/<pilot>/``: every figure as PNG, SVG, PDF and a caption (``.txt``);
- ``reports/<pilot>/``: ``factsheet.html`` (+ ``.pdf`` and ``.docx``), ``tabellen.xlsx`` with
  one CSV per table, and ``verantwoording.md`` (methods, data quality, software, seed, SHA-256
  checksums of the inputs).

Analyses plug in through a small registry (:func:`register_section`): a *section builder* gets
the validated pilot, its data and a figure writer, and returns a :class:`Section` with key
numbers, figures, tables, what the result means and what to watch out for. New analyses
(questionnaires, small pilots, costs, power) register a builder with the data kinds they need.

Examples
--------
>>> sorted(SECTIONS)
['nulmeting', 'power', 'tijdreeks', 'uitrol', 'zorgvraag']
>>> SECTIONS["uitrol"].needs
('panel',)
"""
from __future__ import annotations

import hashlib
import re
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable


from .errors import InputError
from .plots import finding_title
from .text import LANGS, check_lang, format_number, t

__all__ = ["Pilot", "Section", "KeyFigure", "FigureOut", "SectionSpec", "SECTIONS", "register_section",
           "load_pilot", "run_pilot", "DATA_KINDS", "AUDIENCES"]

#: Data keys in ``[data]`` and the canonical table kind each is read as (None: not a canonical table).
DATA_KINDS: dict[str, str | None] = {"dossier": "dossier", "koppeltabel": None, "panel": "panel", "reeks": "panel"}
#: Who the factsheet is written for (shown in its header).
AUDIENCES: tuple[str, ...] = ("gemeente", "samenwerkingsverband", "schoolbestuur", "school", "onderzoekers")
TOP_KEYS = ("naam", "titel", "regio", "periode", "publiek", "taal", "bron", "seed", "drempel", "afronden",
            "min_noemer", "data", "analyses")
REQUIRED = ("naam", "titel", "regio", "periode", "bron")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,59}$")


@dataclass(frozen=True)
class KeyFigure:
    """A number shown large on the factsheet, with its uncertainty in words underneath."""

    value: str
    label: str
    words: str


@dataclass(frozen=True)
class FigureOut:
    """One written figure: paths per format, its alt text and whether the factsheet shows it."""

    name: str
    paths: dict
    alt: str
    on_factsheet: bool
    rank: int = 9


@dataclass(frozen=True)
class Section:
    """What one analysis contributes to the outputs (built by a registered section builder)."""

    key: str
    title: str
    question: str
    key_figures: list
    figures: list
    tables: dict
    notes: dict
    meaning: list
    caveats: list
    methods: str
    quality: list = field(default_factory=list)


@dataclass(frozen=True)
class SectionSpec:
    """A registered analysis: the data it needs, its options with allowed values, its builder."""

    name: str
    needs: tuple
    options: dict
    builder: Callable


SECTIONS: dict[str, SectionSpec] = {}


def register_section(name: str, *, needs: tuple, options: dict | None = None):
    """Register a section builder for ``[analyses.<name>]`` (decorator).

    The builder is called as ``builder(ctx, **options)`` and returns ``(Section, result)``: what
    the outputs show, and the analysis' own result object. ``ctx.read(key)`` gives the table behind
    ``[data] key`` with its quality report; ``ctx.save(ax, name, n=..., caption=...)`` writes a figure.

    Parameters
    ----------
    name : str
        Key under ``[analyses]`` in the pilot file.
    needs : tuple of str
        Keys of ``[data]`` that must be given (the first one decides whether the section runs when
        ``[analyses]`` is left out).
    options : dict
        Option name → tuple of allowed values, or a type (``dict``, ``int``, ``str``) for free values,
        paired with its default: ``{"model": (("poisson", "negbin"), "poisson")}``.
    """
    def wrap(builder):
        SECTIONS[name] = SectionSpec(name, tuple(needs), dict(options or {}), builder)
        return builder
    return wrap


@dataclass(frozen=True)
class Pilot:
    """A validated pilot file (see :func:`load_pilot`)."""

    path: Path
    name: str
    title: str
    region: str
    period: str
    audience: str
    lang: str
    source: str
    seed: int
    threshold: int
    rounding: int | None
    min_denominator: int | None
    data: dict
    analyses: dict

    @property
    def root(self) -> Path:
        """The folder the pilot file is in (relative data paths are read from here)."""
        return self.path.parent


def _err(msg_key: str, path, lang: str, **kw) -> InputError:
    return InputError(t(msg_key, lang, file=Path(path).name, **kw), file=str(path))


def _check_keys(given, allowed, where: str, path, lang: str) -> None:
    unknown = [k for k in given if k not in allowed]
    if unknown:
        raise _err("pilot_unknown_key", path, lang, name=unknown[0], where=where, allowed=", ".join(allowed))


def _option(value, rule, name: str, where: str, path, lang: str):
    allowed, _default = rule
    if isinstance(allowed, tuple):
        if value not in allowed:
            raise _err("pilot_bad_value", path, lang, name=name, where=where, value=value,
                       allowed=", ".join(map(str, allowed)))
    elif not isinstance(value, allowed) or isinstance(value, bool):
        raise _err("pilot_bad_type", path, lang, name=name, where=where, value=value,
                   kind=t(f"pilot_type_{allowed.__name__}", lang))
    return value


def load_pilot(path, lang: str = "nl") -> Pilot:
    """Read and validate a pilot file.

    Parameters
    ----------
    path : str or Path
        A TOML file (see ``data_raw/voorbeeld/pilot.toml``).
    lang : {"nl", "en"}
        Language of the error messages (the pilot's own ``taal`` decides the outputs).

    Returns
    -------
    Pilot

    Raises
    ------
    InputError
        Unreadable TOML (with line), an unknown key (naming the allowed keys), a required key
        missing, a value not allowed, a data file that does not exist, or an analysis whose data
        are not given.

    Examples
    --------
    >>> p = load_pilot(Path(__file__).parents[1] / "data_raw" / "voorbeeld" / "pilot.toml")
    >>> p.name, sorted(p.analyses), p.threshold
    ('voorbeeldpilot', ['nulmeting', 'tijdreeks', 'uitrol', 'zorgvraag'], 5)
    """
    check_lang(lang)
    path = Path(path)
    if not path.is_file():
        raise InputError(t("file_not_found", lang, file=path, cwd=Path.cwd()), file=str(path))
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except tomllib.TOMLDecodeError as exc:
        raise _err("pilot_bad_toml", path, lang, detail=str(exc)) from None
    except UnicodeDecodeError:
        raise _err("pilot_bad_toml", path, lang, detail="geen UTF-8") from None
    _check_keys(raw, TOP_KEYS, t("pilot_top", lang), path, lang)
    missing = [k for k in REQUIRED if not str(raw.get(k, "")).strip()]
    if missing:
        raise _err("pilot_missing_key", path, lang, name=missing[0])
    for k in ("naam", "titel", "regio", "periode", "bron", "publiek", "taal"):
        if k in raw and not isinstance(raw[k], str):
            raise _err("pilot_bad_type", path, lang, name=k, where=t("pilot_top", lang), value=raw[k],
                       kind=t("pilot_type_str", lang))
    name = raw["naam"]
    if not _SLUG.match(name):
        raise _err("pilot_bad_name", path, lang, value=name)
    top = t("pilot_top", lang)
    audience = _option(raw.get("publiek", "gemeente"), (AUDIENCES, None), "publiek", top, path, lang)
    out_lang = _option(raw.get("taal", "nl"), (LANGS, None), "taal", top, path, lang)
    seed = _option(raw.get("seed", 1), (int, None), "seed", top, path, lang)
    threshold = _option(raw.get("drempel", 5), (int, None), "drempel", top, path, lang)
    rounding = raw.get("afronden")
    if rounding is not None:
        rounding = _option(rounding, ((2, 3, 5, 10), None), "afronden", top, path, lang)
    min_den = raw.get("min_noemer")
    if min_den is not None:
        min_den = _option(min_den, (int, None), "min_noemer", top, path, lang)
    if threshold < 1 or (min_den is not None and min_den < 1):
        raise _err("pilot_bad_value", path, lang, name="drempel" if threshold < 1 else "min_noemer", where=top,
                   value=threshold if threshold < 1 else min_den, allowed=t("pilot_type_positive", lang))
    data_raw = raw.get("data", {})
    if not isinstance(data_raw, dict):
        raise _err("pilot_bad_type", path, lang, name="data", where=top, value=data_raw, kind=t("pilot_type_dict", lang))
    _check_keys(data_raw, tuple(DATA_KINDS), "[data]", path, lang)
    data = {}
    for key, rel in data_raw.items():
        if not isinstance(rel, str):
            raise _err("pilot_bad_type", path, lang, name=key, where="[data]", value=rel, kind=t("pilot_type_str", lang))
        file = (path.parent / rel).resolve()
        if not file.is_file():
            raise _err("pilot_missing_file", path, lang, name=key, value=rel, folder=path.parent)
        data[key] = file
    given = raw.get("analyses")
    if given is None:  # every analysis whose data are given
        given = {n: {} for n, s in SECTIONS.items() if all(k in data for k in s.needs)}
    if not isinstance(given, dict):
        raise _err("pilot_bad_type", path, lang, name="analyses", where=top, value=given,
                   kind=t("pilot_type_dict", lang))
    _check_keys(given, tuple(SECTIONS), "[analyses]", path, lang)
    analyses = {}
    for sec_name, opts in given.items():
        spec = SECTIONS[sec_name]
        where = f"[analyses.{sec_name}]"
        if opts is True:
            opts = {}
        if not isinstance(opts, dict):
            raise _err("pilot_bad_type", path, lang, name=sec_name, where="[analyses]", value=opts,
                       kind=t("pilot_type_dict", lang))
        _check_keys(opts, tuple(spec.options), where, path, lang)
        lacking = [k for k in spec.needs if k not in data]
        if lacking:
            raise _err("pilot_needs_data", path, lang, section=sec_name, name=lacking[0])
        analyses[sec_name] = {k: _option(opts[k], rule, k, where, path, lang) if k in opts else rule[1]
                              for k, rule in spec.options.items()}
    if not analyses:
        raise _err("pilot_nothing", path, lang, kinds=", ".join(sorted({k for s in SECTIONS.values() for k in s.needs})))
    return Pilot(path=path.resolve(), name=name, title=raw["titel"], region=raw["regio"], period=raw["periode"],
                 audience=audience, lang=out_lang, source=raw["bron"], seed=seed, threshold=threshold,
                 rounding=rounding, min_denominator=min_den, data=data, analyses=analyses)


# ------------------------------------------------------------------------------ running
class _Context:
    """What a section builder gets: the pilot, data read once, and a figure writer."""

    def __init__(self, pilot: Pilot, figures: Path, progress: Callable[[str], None]):
        self.pilot = pilot
        self.lang = pilot.lang
        self.figures = figures
        self.progress = progress
        self.reports: dict = {}
        self._data: dict = {}

    def read(self, key: str):
        """The table behind ``[data] key`` as (DataFrame, QualityReport), read once."""
        from .io import read_table

        if key not in self._data:
            self._data[key] = read_table(self.pilot.data[key], kind=DATA_KINDS[key], lang=self.lang, progress=False)
            self.reports[key] = self._data[key][1]
        return self._data[key]

    def save(self, ax_or_fig, name: str, *, n, caption: str, on_factsheet: bool = False, rank: int = 9) -> FigureOut:
        """Write one figure with :func:`evaluatie.plots.save_figure` and close it.

        ``on_factsheet``: a candidate for the factsheet; the :data:`evaluatie.factsheet.MAX_FIGURES`
        candidates with the lowest ``rank`` are shown, in the order of the sections.
        """
        import matplotlib.pyplot as plt

        from .plots import save_figure

        fig = getattr(ax_or_fig, "figure", ax_or_fig)
        if isinstance(ax_or_fig, (list, tuple)) or hasattr(ax_or_fig, "flat"):
            fig = next(iter(getattr(ax_or_fig, "flat", ax_or_fig))).figure
        paths = save_figure(fig, name, source=self.pilot.source, n=n, caption=caption, folder=self.figures,
                            lang=self.lang)
        plt.close(fig)
        alt = paths["txt"].read_text(encoding="utf-8").strip()
        return FigureOut(name=name, paths=paths, alt=alt, on_factsheet=on_factsheet, rank=rank)


def _finding(coef: float, ci: tuple, where: str, lang: str) -> str:
    """A figure title worded by :func:`evaluatie.did.evidence` (the one rule behind every effect wording)."""
    from .did import evidence

    verdict = evidence(coef, ci)
    return t(f"pilot_finding_{verdict}_{'down' if coef < 0 else 'up'}", lang, where=t(f"pilot_where_{where}", lang))


def _pct(x: float, lang: str) -> str:
    return ("−" if x < 0 else "+") + format_number(abs(x), 0, lang) + "%"


@register_section("nulmeting", needs=("dossier",), options={"leerlingen": (dict, None)})
def _nulmeting(ctx: _Context, leerlingen=None) -> Section:
    """Baseline: agencies per school, fragmentation, richness; one school comparison on the factsheet."""
    from .nulmeting import analyze

    lang = ctx.lang
    data, report = ctx.read("dossier")
    mapping = ctx.pilot.data.get("koppeltabel")
    result = analyze(data, n_total=leerlingen, mapping=mapping, report=report, min_cell=ctx.pilot.threshold)
    k = result.to_frame()
    figures = []
    multi = len(result.schools) > 1
    if multi and result.richness["common_estimate"].notna().sum() > 1:
        axes = result.plot("schools", lang=lang)
        figures.append(ctx.save(axes, "01_scholen", n=int(k["n_pupils"].sum()), on_factsheet=True, rank=2,
                                caption=t("pilot_nul_schools_caption", lang, k=len(result.schools))))
    for i, school in enumerate(result.schools):
        suffix = f"_{i + 1}" if multi else ""
        n = int(k.loc[k[result.school] == school, "n_pupils"].iloc[0])
        for kind, label in (("agencies", "instanties"), ("per_pupil", "per_leerling"),
                            ("accumulation", "verzamelcurve"), ("network", "netwerk")):
            if kind == "accumulation" and school not in result.accumulations:
                continue
            ax = result.plot(kind, school, lang=lang)
            ax.figure.suptitle(str(school), x=0.01, ha="left", fontsize=10, color="#555555")
            first = not multi and kind == "agencies"
            figures.append(ctx.save(ax, f"01_{label}{suffix}", n=n, caption=f"{school}. " + result.summary(school, lang),
                                    on_factsheet=first, rank=2))
    read = int(k["n_pupils"].sum())
    with_agency = int(k["n_pupils_with_agency"].sum())
    two = int((result.pupils["n_agencies"] >= 2).sum())
    n_agencies = int(result.agencies.loc[result.agencies["n_pupils"] > 0, "agency"].nunique())
    key = [KeyFigure(format_number(n_agencies, 0, lang), t("pilot_nul_kf_agencies", lang, k=len(result.schools)),
                     t("pilot_nul_kf_agencies_words", lang, n=format_number(read, 0, lang))),
           KeyFigure(format_number(100 * two / read, 0, lang) + "%" if read else "–",
                     t("pilot_nul_kf_two", lang),
                     t("pilot_nul_kf_two_words", lang, k=format_number(two, 0, lang), n=format_number(read, 0, lang)))]
    per_school = k["n_agencies"].astype(int)
    span = (format_number(per_school.min(), 0, lang) if per_school.min() == per_school.max() else
            f"{format_number(per_school.min(), 0, lang)} {t('pilot_to', lang)} {format_number(per_school.max(), 0, lang)}")
    single = float((result.agencies.groupby("agency")["n_pupils"].sum() == 1).mean())
    meaning = [t("pilot_nul_meaning", lang, span=span, two=format_number(100 * two / read, 0, lang) if read else "–",
                 single=format_number(100 * single, 0, lang))]
    caveats = [t("pilot_nul_caveat_files", lang), t("pilot_nul_caveat_names", lang)]
    return Section(key="nulmeting", title=t("pilot_nul_title", lang), question=t("pilot_nul_question", lang),
                   key_figures=key, figures=figures, tables={}, notes={}, meaning=meaning, caveats=caveats,
                   methods=t("pilot_nul_methods", lang), quality=[("dossier", report)]), result


def _panel(ctx: _Context):
    """The school × period panel, prepared once (second-line referrals, treated from the start date)."""
    from .zorgvraag import prepare

    if "panel_prepared" not in ctx._data:
        data, report = ctx.read("panel")
        ctx._data["panel_prepared"] = prepare(data)
    return ctx._data["panel_prepared"], ctx.reports["panel"]


@register_section("zorgvraag", needs=("panel",), options={
    "model": (("poisson", "quasipoisson", "negbin", "gaussian"), "poisson"),
    "inferentie": (("auto", "randomization", "wild", "cluster"), "auto")})
def _zorgvraag(ctx: _Context, model="poisson", inferentie="auto") -> Section:
    """Before/after with a comparison group: difference-in-differences on the school × period panel."""
    from .did import panel_did
    from .zorgvraag import plot_rates

    lang = ctx.lang
    panel, report = _panel(ctx)
    exposure = "exposure" if "exposure" in panel else None
    res = panel_did(panel, exposure=exposure, family=model, inference=inferentie, seed=ctx.pilot.seed)
    figures = []
    if exposure and "start" in panel:
        ax = plot_rates(panel, lang=lang)
        finding_title(ax, _finding(res.coef, res.ci, "zv", lang), t("pilot_zv_question", lang))
        figures.append(ctx.save(ax, "02_verwijzingen_per_1000", n=res.n_units,
                                caption=res.sentence(lang), on_factsheet=True, rank=1))
    figures.append(ctx.save(res.plot(lang=lang), "02_effect_verschil_in_verschillen", n=res.n_units,
                            caption=res.sentence(lang)))
    count = res.family in ("poisson", "quasipoisson", "negbin")
    if count:
        value = _pct(res.percent_change, lang)
    else:
        value = format_number(res.coef, 2, lang)
    key = [KeyFigure(value, t("pilot_zv_kf_label", lang), res.sentence(lang))]
    table = res.to_frame()[["term", "percent_change", "percent_lower", "percent_upper", "p_value", "n_units",
                            "n_treated_units", "n_periods", "family", "inference"]] if count else \
        res.to_frame()[["term", "estimate", "lower", "upper", "p_value", "n_units", "n_treated_units", "n_periods",
                        "family", "inference"]]
    table = table[table["term"] == "treated"].drop(columns="term")
    table = table.rename(columns=lambda c: t(f"pilot_col_{c}", lang))
    caveats = [t("pilot_zv_caveat_few", lang, k=res.n_treated_units, n=res.n_units),
               t("pilot_zv_caveat_registration", lang), t("pilot_zv_caveat_choice", lang)]
    from .report import Table

    return Section(key="zorgvraag", title=t("pilot_zv_title", lang), question=t("pilot_zv_question", lang),
                   key_figures=key, figures=figures,
                   tables={"effect_voor_na": Table(table, counts=(), percent=())},
                   notes={"effect_voor_na": t("pilot_zv_note", lang)}, meaning=[res.sentence(lang)],
                   caveats=caveats, methods=res.summary(lang), quality=[("panel", report)]), res


@register_section("uitrol", needs=("panel",), options={"frequentie": (("Q", "M"), "Q"),
                                                       "model": (("poisson", "gaussian"), "poisson")})
def _uitrol(ctx: _Context, frequentie="Q", model="poisson") -> Section:
    """Staggered roll-out: effect by period since the start (event study)."""
    from .staggered import event_study
    from .zorgvraag import coarsen

    lang = ctx.lang
    panel, report = _panel(ctx)
    data = coarsen(panel, "Q") if frequentie == "Q" else panel
    exposure = "exposure" if "exposure" in data else None
    es = event_study(data, exposure=exposure, family=model)
    ax = es.plot(lang=lang, freq=frequentie)
    finding_title(ax, _finding(es.att, es.ci, "es", lang), t("pilot_es_question", lang))
    fig = ctx.save(ax, "02b_uitrol_per_" + ("kwartaal" if frequentie == "Q" else "maand"),
                   n=es.n_units, caption=es.sentence(lang), on_factsheet=True, rank=3)
    table = es.to_frame().rename(columns=lambda c: t(f"pilot_col_{c}", lang) if f"pilot_col_{c}" in _KNOWN else c)
    from .report import Table

    return Section(key="uitrol", title=t("pilot_es_title", lang), question=t("pilot_es_question", lang),
                   key_figures=[], figures=[fig], tables={"effect_per_periode": Table(table, counts=(), percent=())},
                   notes={"effect_per_periode": t("pilot_es_note", lang)}, meaning=[es.sentence(lang)],
                   caveats=[t("pilot_es_caveat", lang)], methods=es.summary(lang), quality=[]), es


@register_section("tijdreeks", needs=("reeks",), options={
    "model": (("quasipoisson", "poisson", "negbin", "gaussian"), "quasipoisson"),
    "seizoen": (("fourier", "geen"), "fourier")})
def _tijdreeks(ctx: _Context, model="quasipoisson", seizoen="fourier") -> Section:
    """Interrupted time series of one area (no comparison group)."""
    from .its import segmented
    from .zorgvraag import total_series

    lang = ctx.lang
    data, report = ctx.read("reeks")
    series, start = total_series(data)
    exposure = "exposure" if "exposure" in series else None
    its = segmented(series, "count", "period", start, exposure=exposure, family=model,
                    seasonality="fourier" if seizoen == "fourier" and len(series) >= 24 else None)
    import math

    ax = its.plot(lang=lang)
    finding_title(ax, _finding(math.log(its.level_ratio), tuple(map(math.log, its.level_ci)), "its", lang)
                  if model != "gaussian" else ax.get_title(), t("pilot_its_question", lang))
    fig = ctx.save(ax, "02b_tijdreeks", n=len(series), caption=its.sentence(lang), on_factsheet=True,
                   rank=4)
    table = its.to_frame().rename(columns=lambda c: t(f"pilot_col_{c}", lang) if f"pilot_col_{c}" in _KNOWN else c)
    from .report import Table

    return Section(key="tijdreeks", title=t("pilot_its_title", lang), question=t("pilot_its_question", lang),
                   key_figures=[], figures=[fig], tables={"tijdreeks": Table(table, counts=(), percent=())},
                   notes={"tijdreeks": t("pilot_its_note", lang)}, meaning=[its.sentence(lang)],
                   caveats=[t("pilot_its_caveat", lang)], methods=its.summary(lang),
                   quality=[("reeks", report)]), its


# --- power: can this design see the drop, and how many schools would? (evaluatie.power) -------------------
@register_section("power", needs=("panel",), options={"daling": (int, 20), "simulaties": (int, 200)})
def _power(ctx: _Context, daling=20, simulaties=200) -> Section:
    """Power of this design, and of 2× and 5× as many schools, to see a drop of ``daling`` percent."""
    from .power import design_from_panel, simulate_did
    from .report import Table

    lang = ctx.lang
    if not 0 < daling < 100 or not 10 <= simulaties <= 100_000:
        raise _err("pilot_power_bad", ctx.pilot.path, lang, daling=daling, simulaties=simulaties)
    panel, report = _panel(ctx)
    design = design_from_panel(panel)
    res = simulate_did(n_units=[design["n_units"] * f for f in (1, 2, 5)],
                       n_treated=design["n_treated"] / design["n_units"], n_periods=design["n_periods"],
                       baseline_rate=design["baseline_rate"], pupils_per_unit=design["pupils_per_unit"],
                       rate_ratio=1 - daling / 100, between_unit_sd=design["between_unit_sd"],
                       overdispersion=design["overdispersion"], n_sims=simulaties, seed=ctx.pilot.seed, progress=False)
    now = res.to_frame().iloc[0]
    fmt = lambda x: format_number(100 * x, 0, lang) + "%"  # noqa: E731
    key = [KeyFigure(fmt(now["power"]), t("pilot_power_kf_label", lang, drop=daling),
                     t("pilot_power_kf_words", lang, lo=fmt(now["power_lower"]), hi=fmt(now["power_upper"]),
                       n=format_number(simulaties, 0, lang)))]
    ax = res.plot(lang=lang, source=ctx.pilot.source)
    fig = ctx.save(ax, "05_onderscheidend_vermogen", n=f"{format_number(simulaties, 0, lang)} "
                   f"{t('power_n_studies', lang)}", caption=res.summary(lang))
    return Section(key="power", title=t("pilot_power_title", lang), question=t("pilot_power_question", lang, drop=daling),
                   key_figures=key, figures=[fig],
                   tables={"onderscheidend_vermogen": Table(res.to_display(lang), counts=(), percent=())},
                   notes={"onderscheidend_vermogen": t("pilot_power_note", lang)},
                   meaning=[res._row_sentence(now, lang, ["n_units", "n_treated"])],
                   caveats=[t("pilot_power_caveat", lang)], methods=res.summary(lang), quality=[]), res


_KNOWN = {f"pilot_col_{c}" for c in ("rel_time", "estimate", "se", "lower", "upper", "term")}


def _sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _progress_printer(stream=None) -> Callable[[str], None]:
    stream = stream or sys.stderr

    def show(msg: str) -> None:
        print(msg, file=stream, flush=True)
    return show


def run_pilot(path, *, figures=None, reports=None, pdf: bool = True, docx: bool = True, progress=None,
              lang: str = "nl") -> dict:
    """Run every analysis of a pilot file and write figures, factsheet, tables and method note.

    Parameters
    ----------
    path : str or Path
        The pilot file (validated with :func:`load_pilot`).
    figures, reports : path, optional
        Parent folders; outputs go to ``<figures>/<naam>/`` and ``<reports>/<naam>/``. Default
        ``figures`` and ``reports`` in the working directory.
    pdf, docx : bool
        Also write ``factsheet.pdf`` (needs Chromium) and ``factsheet.docx``.
    progress : callable, optional
        Called with one line per step (default: print to stderr).
    lang : {"nl", "en"}
        Language of error messages while reading the pilot file.

    Returns
    -------
    dict mapping output name (``"factsheet.html"``, ``"tabellen.xlsx"``, figure names, …) to path.

    Raises
    ------
    InputError
        A bad pilot file, unreadable data, or personal data about to be written.
    """
    from . import factsheet
    from .report import export_tables

    pilot = load_pilot(path, lang)
    show = progress or _progress_printer()
    fig_dir = Path(figures or "figures") / pilot.name
    rep_dir = Path(reports or "reports") / pilot.name
    ctx = _Context(pilot, fig_dir, show)
    steps = list(pilot.analyses) + ["tabellen", "factsheet", "verantwoording"]
    total = len(steps)
    sections, results = [], {}
    for i, name in enumerate(pilot.analyses, 1):
        show(t("pilot_step", pilot.lang, i=i, n=total, step=t(f"pilot_step_{name}", pilot.lang)))
        section, result = SECTIONS[name].builder(ctx, **pilot.analyses[name])
        sections.append(section)
        results[name] = result
    i = len(pilot.analyses) + 1
    show(t("pilot_step", pilot.lang, i=i, n=total, step=t("pilot_step_tables", pilot.lang)))
    written: dict[str, Path] = {}
    tables, notes, links = {}, {}, None
    if "nulmeting" in results:  # key figures + agency table, protected together through their links
        tables, notes, links = results["nulmeting"].table_specs(prefix="01", lang=pilot.lang)
    for s in sections:
        tables.update(s.tables)
        notes.update(s.notes)
    if tables:
        written.update(export_tables(tables, rep_dir, source=pilot.source, notes=notes, threshold=pilot.threshold,
                                     rounding=pilot.rounding, min_denominator=pilot.min_denominator,
                                     links=links, lang=pilot.lang))
    show(t("pilot_step", pilot.lang, i=i + 1, n=total, step=t("pilot_step_factsheet", pilot.lang)))
    written.update(factsheet.write_factsheet(pilot, sections, rep_dir, pdf=pdf, docx=docx, progress=show))
    show(t("pilot_step", pilot.lang, i=i + 2, n=total, step=t("pilot_step_method", pilot.lang)))
    written["verantwoording.md"] = factsheet.write_method_note(
        pilot, sections, rep_dir, checksums={p.name: _sha256(p) for p in [pilot.path, *(pilot.data[k] for k in sorted(pilot.data))]},
        outputs=sorted(written), pdf_note=written.pop("_pdf_note", None))
    for s in sections:
        for f in s.figures:
            for fmt, p in f.paths.items():
                written[f"{f.name}.{fmt}"] = p
    return written
