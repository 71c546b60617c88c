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
>>> sorted(SECTIONS)  # doctest: +NORMALIZE_WHITESPACE
['doorlooptijden', 'interviews', 'kleine_pilot', 'kosten', 'nulmeting', 'power', 'stappen', 'tijdreeks',
 'uitrol', 'vragenlijst', 'zorgvraag']
>>> SECTIONS["uitrol"].needs
('panel',)
"""
from __future__ import annotations

import hashlib
import re
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .display import value_label
from .errors import InputError
from .plots import finding_title
from .privacy import HIDDEN, count_text, exact_counts, is_small, mask_value, published, rounding_rule, small_count
from .text import LANGS, MESSAGES, check_lang, format_number, format_percent, t

__all__ = ["Pilot", "Section", "KeyFigure", "FigureOut", "SectionSpec", "SECTIONS", "register_section",
           "load_pilot", "run_pilot", "DATA_KINDS", "AUDIENCES"]

#: Data keys in ``[data]`` and the canonical table kind each is read as (None: not a canonical table).
DATA_KINDS: dict[str, str | None] = {"dossier": "dossier", "koppeltabel": None, "panel": "panel", "reeks": "panel",
                                     "vragenlijst": "survey", "codeboek": None, "fragmenten": "fragments",
                                     "trajecten": "trajectories", "klas": "trajectories",
                                     "stappen": "trajectories"}
#: Extra arguments of :func:`evaluatie.io.read_table` per data key (answer labels stay text for the codebook).
_READ_OPTIONS: dict[str, dict] = {"vragenlijst": {"raw_items": True}}
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
    #: Why this section publishes counts below the threshold (the pilot file's ``reden``); empty: it does not.
    unprotected: str = ""
    #: Cases of its files are left out to protect a small group (or cases without a group): the method note
    #: rounds those files' row counts to multiples of the threshold when no rounding is in force (else the
    #: rows read minus the cases shown give the left-out group back).
    left_out: bool = False
    #: Relations between exported count cells (see :func:`evaluatie.privacy.audit`), e.g. a total column
    #: that equals the sum of other columns; all sections' links are protected with the tables.
    links: list = field(default_factory=list)


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
        Option name → tuple of allowed values, or a type or tuple of types (``dict``, ``int``,
        ``float``, ``bool``, ``str``, ``(int, float, str)``) for free values, paired with its
        default: ``{"model": (("poisson", "negbin"), "poisson")}``. A section with no ``needs``
        (e.g. costs, whose inputs are its options) runs only when ``[analyses]`` names it.
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


def _guess(name: str, options, cutoff: float = 0.75) -> str | None:
    """The option that ``name`` is most likely a typo of (``vragelijst`` → ``vragenlijst``), or None.

    Spaces, ``_`` and ``-`` and capitals are ignored, so ``doorlooptijden_thuiszitters.csv`` finds
    ``doorlooptijden thuiszitters.csv``.
    """
    import difflib

    key = lambda x: re.sub(r"[\s_\-]+", " ", str(x)).strip().casefold()
    options = list(options)
    found = difflib.get_close_matches(key(name), [key(o) for o in options], n=1, cutoff=cutoff)
    return next((o for o in options if key(o) == found[0]), None) if found else None


def _with_guess(error: InputError, guess: str | None, lang: str) -> InputError:
    return error if guess is None else InputError(f"{error} {t('pilot_did_you_mean', lang, name=guess)}",
                                                  file=error.file)


def _check_keys(given, allowed, where: str, path, lang: str) -> None:
    unknown = [k for k in given if k not in allowed]
    if unknown:
        raise _with_guess(_err("pilot_unknown_key", path, lang, name=unknown[0], where=where,
                               allowed=", ".join(allowed)), _guess(unknown[0], allowed), lang)


def _option(value, rule, name: str, where: str, path, lang: str):
    allowed, _default = rule
    if isinstance(allowed, tuple) and not all(isinstance(a, type) for a in allowed):
        if value not in allowed or (isinstance(value, bool) and not any(a is value for a in allowed)):
            raise _err("pilot_bad_value", path, lang, name=name, where=where, value=value,
                       allowed=", ".join(map(str, allowed)))
        return value
    types = allowed if isinstance(allowed, tuple) else (allowed,)
    if float in types and isinstance(value, int) and not isinstance(value, bool):
        value = float(value) if types == (float,) else value
    if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
        raise _err("pilot_bad_type", path, lang, name=name, where=where, value=value,
                   kind=t("pilot_type_" + "_".join(tp.__name__ for tp in types), lang))
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
    >>> p.name, len(p.analyses), p.threshold, p.analyses["doorlooptijden"]
    ('voorbeeldpilot', 10, 5, {'norm_dagen': 90, 'peildatum': None, 'label': None, 'reden': None})
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
            near = sorted(p.name for p in file.parent.glob("*") if p.is_file()) if file.parent.is_dir() else []
            raise _with_guess(_err("pilot_missing_file", path, lang, name=key, value=rel, folder=path.parent),
                              _guess(file.name, near, cutoff=0.8), lang)
        data[key] = file
    given = raw.get("analyses")
    if given is None:  # every analysis whose data are given
        given = {n: {} for n, s in SECTIONS.items() if s.needs and all(k in data for k in s.needs)}
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
        analyses[sec_name] = {k: _option(opts[k], rule, k, where, path, lang) if k in opts else rule[1]
                              for k, rule in spec.options.items()}
        lacking = [k for k in spec.needs if k not in data]
        if lacking:
            raise _err("pilot_needs_data", path, lang, section=sec_name, name=lacking[0])
    if not analyses:
        raise _err("pilot_nothing", path, lang, kinds=", ".join(sorted({k for s in SECTIONS.values() for k in s.needs})))
    return Pilot(path=path.resolve(), name=name, title=raw["titel"], region=raw["regio"], period=raw["periode"],
                 audience=audience, lang=out_lang, source=raw["bron"], seed=seed, threshold=threshold,
                 rounding=rounding, min_denominator=min_den, data=data, analyses=analyses)


# ------------------------------------------------------------------------------ running
#: ``what`` keys of :meth:`_Context.save` that count schools or periods (public facts): written exactly.
_NOT_ROUNDED = frozenset({"pilot_n_schools", "pilot_n_months", "pilot_n_weeks", "pilot_n_periods"})


class _Context:
    """What a section builder gets: the pilot, data read once, and a figure writer."""

    def __init__(self, pilot: Pilot, figures: Path, progress: Callable[[str], None]):
        self.pilot = pilot
        self.lang = pilot.lang
        self.figures = figures
        self.progress = progress
        self.reports: dict = {}
        self.results: dict = {}
        self._data: dict = {}

    def read(self, key: str):
        """The table behind ``[data] key`` as (DataFrame, QualityReport), read once."""
        from .io import read_table

        if key not in self._data:
            options = dict(_READ_OPTIONS.get(key, {}))
            if key == "vragenlijst" and self.pilot.data.get("codeboek"):  # a header naming an item is that item
                options["items"] = self.pilot.data["codeboek"]
            self._data[key] = read_table(self.pilot.data[key], kind=DATA_KINDS[key], lang=self.lang, progress=False,
                                         **options)
            self.reports[key] = self._data[key][1]
        return self._data[key]

    def count(self, n) -> str:
        """A count of people, files, agencies, answers or cases as the outputs write it: below the threshold
        "minder dan 5", else rounded by the pilot's ``afronden`` (:func:`evaluatie.privacy.small_count`)."""
        return small_count(int(n), self.pilot.threshold, self.lang)

    def exact_counts(self) -> None:
        """This section publishes exact counts (small ones with the pilot file's reason): no rounding either.

        Call it where the section decides so; it holds until the section's builder returns.
        """
        exact_counts()

    def save(self, ax_or_fig, name: str, *, n, caption: str, on_factsheet: bool = False, rank: int = 9,
             what: str | None = None) -> FigureOut:
        """Write one figure with :func:`evaluatie.plots.save_figure` and close it.

        ``what``: a :data:`evaluatie.text.MESSAGES` key naming what ``n`` counts, so that the footer says
        ``n = 180 bereikte leerlingen`` instead of a bare ``n = 180``.

        ``on_factsheet``: a candidate for the factsheet; the :data:`evaluatie.factsheet.MAX_FIGURES`
        candidates with the lowest ``rank`` are shown, in the order of the sections.
        """
        import matplotlib.pyplot as plt

        from .plots import save_figure

        fig = getattr(ax_or_fig, "figure", ax_or_fig)
        if isinstance(ax_or_fig, (list, tuple)) or hasattr(ax_or_fig, "flat"):
            fig = next(iter(getattr(ax_or_fig, "flat", ax_or_fig))).figure
        if what is not None and not isinstance(n, str):
            # schools, months and periods are public facts, not counts of people: never rounded
            number = format_number(n, 0, self.lang) if what in _NOT_ROUNDED else count_text(n, self.lang)
            n = f"{number} {t(what, self.lang)}"
        parts = name.split("_")  # longest known Dutch base: 01_instanties_2 → 01_instanties
        base = next((b for b in ("_".join(parts[:i]) for i in range(len(parts), 0, -1)) if f"pilot_file_{b}" in MESSAGES),
                    None)
        if base is not None:  # the file name in the report's language: 02_verwijzingen_per_1000 → 02_referrals_per_1000
            name = t(f"pilot_file_{base}", self.lang) + name[len(base):]
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
                                what="pilot_n_files",
                                caption=t("pilot_nul_schools_caption", lang, k=len(axes[0].get_yticks()),
                                          t=ctx.count(result.richness["common_files"].dropna().iloc[0]))))
    for i, school in enumerate(result.schools):
        suffix = f"_{i + 1}" if multi else ""
        n = int(k.loc[k[result.school] == school, "n_pupils"].iloc[0])
        for kind, label in (("agencies", "instanties"), ("per_pupil", "per_leerling"),
                            ("accumulation", "verzamelcurve"), ("network", "netwerk")):
            if kind == "accumulation" and school not in result.accumulations:
                continue
            ax = result.plot(kind, school, lang=lang)  # accumulation, agencies: the finding, school under it
            if kind not in ("accumulation", "agencies"):
                ax.figure.suptitle(str(school), x=0.01, ha="left", fontsize=10, color="#555555")
            first = not multi and kind == "agencies"
            figures.append(ctx.save(ax, f"01_{label}{suffix}", n=n, caption=f"{school}. " + result.summary(school, lang),
                                    on_factsheet=first, rank=2, what="pilot_n_files"))
    read = int(k["n_pupils"].sum())
    two = int((result.pupils["n_agencies"] >= 2).sum())
    k_min = ctx.pilot.threshold
    # a share of the pupils reveals the count behind it: publish it only when that count is not small
    two_pct = format_number(100 * two / read, 0, lang) + "%" if read and not is_small(two, k_min) else "–"
    n_agencies = int(result.agencies.loc[result.agencies["n_pupils"] > 0, "agency"].nunique())
    key = [KeyFigure(count_text(n_agencies, lang), t("pilot_nul_kf_agencies", lang, k=len(result.schools)),
                     t("pilot_nul_kf_agencies_words", lang, n=ctx.count(read))),
           KeyFigure(two_pct, t("pilot_nul_kf_two", lang),
                     t("pilot_nul_kf_two_words", lang, k=ctx.count(two), n=ctx.count(read)))]
    per_school = k["n_agencies"].astype(int)
    lo, hi = published(per_school.min()), published(per_school.max())
    span = (count_text(lo, lang) if lo == hi else
            f"{count_text(lo, lang)} {t('pilot_to', lang)} {count_text(hi, lang)}")
    few = float((result.agencies.groupby("agency")["n_pupils"].sum() < k_min).mean())
    meaning = [t("pilot_nul_meaning", lang, span=span, two=two_pct, k=k_min, few=format_number(100 * few, 0, lang))]
    # the names caveat says what was done: a reviewed mapping for all names, for some, or none at all
    spellings = result.names.drop_duplicates("raw") if len(result.names) else result.names
    unreviewed = int(spellings["needs_review"].astype(bool).sum()) if len(spellings) else 0
    if mapping is None and len(spellings):
        names_caveat = t("pilot_nul_caveat_names_none", lang)
    elif unreviewed:
        names_caveat = t("pilot_nul_caveat_names_partly", lang, n=unreviewed, m=len(spellings))
    else:
        names_caveat = t("pilot_nul_caveat_names", lang)
    caveats = [t("pilot_nul_caveat_files", lang), names_caveat]
    return Section(key="nulmeting", title=t("pilot_nul_title", lang), question=t("pilot_nul_question", lang),
                   key_figures=key, figures=figures, tables={}, notes={}, meaning=meaning, caveats=caveats,
                   methods=t("pilot_nul_methods", lang), quality=[("dossier", report)]), result


def _panel(ctx: _Context):
    """The school × period panel, prepared once (second-line referrals, treated from the start date)."""
    from .zorgvraag import prepare

    if "panel_prepared" not in ctx._data:
        ctx._data["panel_prepared"] = prepare(ctx.read("panel")[0], lang=ctx.lang)
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
    res = panel_did(panel, exposure=exposure, family=model, inference=inferentie, seed=ctx.pilot.seed, lang=lang)
    figures = []
    if exposure and "start" in panel:
        ax = plot_rates(panel, lang=lang)
        finding_title(ax, _finding(res.coef, res.ci, "zv", lang), t("pilot_zv_question", lang))
        figures.append(ctx.save(ax, "02_verwijzingen_per_1000", n=res.n_units,
                                caption=res.sentence(lang), on_factsheet=True, rank=1, what="pilot_n_schools"))
    figures.append(ctx.save(res.plot(lang=lang), "02_effect_verschil_in_verschillen", n=res.n_units,
                            caption=res.sentence(lang), what="pilot_n_schools"))
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
    for c in ("family", "inference"):  # the model and the inference in words, not option names
        table[c] = table[c].map(lambda v: value_label(v, lang))
    table = table.rename(columns=lambda c: t(f"pilot_col_{c}", lang))
    caveats = [t("pilot_zv_caveat_few", lang, k=res.n_treated_units, n=res.n_units),
               t("pilot_zv_caveat_registration", lang), t("pilot_zv_caveat_choice", lang)]
    from .report import Table

    return Section(key="zorgvraag", title=t("pilot_zv_title", lang), question=t("pilot_zv_question", lang),
                   key_figures=key, figures=figures,
                   tables={"effect_voor_na": Table(table, counts=(), percent=(), decimals={
                       t(f"pilot_col_{c}", lang): 0 for c in ("n_units", "n_treated_units", "n_periods")} | {
                       t(f"pilot_col_{c}", lang): 1 for c in ("percent_change", "percent_lower", "percent_upper")
                       if count})},
                   notes={"effect_voor_na": t("pilot_zv_note", lang)}, meaning=[res.sentence(lang)],
                   caveats=caveats, methods=res.summary(lang), quality=[("panel", report)]), res


@register_section("uitrol", needs=("panel",), options={"frequentie": (("Q", "M"), "Q"),
                                                       "model": (("poisson", "gaussian"), "poisson")})
def _uitrol(ctx: _Context, frequentie="Q", model="poisson") -> Section:
    """Staggered roll-out: effect by period since the start (event study)."""
    from .staggered import event_study
    from .zorgvraag import coarsen

    lang = ctx.lang
    panel = _panel(ctx)[0]
    data = coarsen(panel, "Q", lang=lang) if frequentie == "Q" else panel
    exposure = "exposure" if "exposure" in data else None
    es = event_study(data, exposure=exposure, family=model, lang=lang)
    ax = es.plot(lang=lang, freq=frequentie)
    finding_title(ax, _finding(es.att, es.ci, "es", lang), t("pilot_es_question", lang))
    fig = ctx.save(ax, "02b_uitrol_per_" + ("kwartaal" if frequentie == "Q" else "maand"),
                   n=es.n_units, caption=es.sentence(lang), on_factsheet=True, rank=4, what="pilot_n_schools")
    table = _event_study_table(es, frequentie, exposure is not None, lang)
    from .report import Table

    return Section(key="uitrol", title=t("pilot_es_title", lang), question=t("pilot_es_question", lang),
                   key_figures=[], figures=[fig], tables={"effect_per_periode": Table(
                       table, counts=(), percent=(), decimals=dict.fromkeys(table.columns[[0, -1]], 0)
                       | dict.fromkeys(table.columns[1:-1], 1))},
                   notes={"effect_per_periode": t("pilot_es_note" if es.family == "poisson" else "pilot_es_note_linear",
                                                  lang)}, meaning=[es.sentence(lang)],
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
    series, start = total_series(data, lang=lang)
    exposure = "exposure" if "exposure" in series else None
    its = segmented(series, "count", "period", start, exposure=exposure, family=model,
                    seasonality="fourier" if seizoen == "fourier" and len(series) >= 24 else None, lang=lang)
    import math

    ax = its.plot(lang=lang)
    finding_title(ax, _finding(math.log(its.level_ratio), tuple(map(math.log, its.level_ci)), "its", lang)
                  if model != "gaussian" else ax.get_title(), t("pilot_its_question", lang))
    from .its import _time_index

    fig = ctx.save(ax, "02b_tijdreeks", n=len(series), caption=its.sentence(lang), on_factsheet=True,
                   rank=5, what={"maand": "pilot_n_months", "week": "pilot_n_weeks"}.get(
                       _time_index(series["period"])[1], "pilot_n_periods"))
    from .report import Table

    table = _its_table(its, _time_index(series["period"])[1], exposure is not None, lang)
    return Section(key="tijdreeks", title=t("pilot_its_title", lang), question=t("pilot_its_question", lang),
                   key_figures=[], figures=[fig], tables={"tijdreeks": Table(
                       table, counts=(), percent=(), decimals=dict.fromkeys(table.columns[2:], 1))},
                   notes={"tijdreeks": t("pilot_its_note" if its.family != "gaussian" else "pilot_its_note_linear",
                                         lang)}, meaning=[its.sentence(lang)],
                   caveats=[t("pilot_its_caveat", lang)], methods=its.summary(lang),
                   quality=[("reeks", report)]), its


def _event_study_table(es, freq: str, rate: bool, lang: str) -> pd.DataFrame:
    """The event study for people: periods since the start, the effect as % change (Poisson) with its interval.

    On the log scale an estimate of −0,27 is a change of (exp(−0,27) − 1) × 100 = −24%, the way the
    factsheet says it; a linear model keeps its differences.
    """
    e = es.to_frame()
    when = t("pilot_col_rel_time_" + ("q" if freq == "Q" else "m"), lang)
    if es.family == "poisson":
        pct = lambda v: 100 * np.expm1(e[v].to_numpy(float))  # noqa: E731
        out = {t("pilot_col_percent_change", lang): pct("estimate"), t("pilot_col_percent_lower", lang): pct("lower"),
               t("pilot_col_percent_upper", lang): pct("upper")}
    else:
        out = {t("pilot_col_difference_" + ("rate" if rate else "count"), lang): e["estimate"].to_numpy(float),
               t("pilot_col_lower", lang): e["lower"].to_numpy(float), t("pilot_col_upper", lang): e["upper"].to_numpy(float)}
    return pd.DataFrame({when: e["rel_time"].astype(int).to_numpy(), **out,
                         t("pilot_col_cohorts", lang): e["n_cohorts"].astype(int).to_numpy()})


#: Terms of the segmented regression (evaluatie.its) → (label key, unit key) of the exported table.
_ITS_TERMS = {"const": ("pilot_its_term_const", None),  # its unit: see _its_table
              "time": ("pilot_its_term_time", "pilot_its_unit_per"),
              "level_change": ("pilot_its_term_level", "pilot_its_unit_jump"),
              "slope_change": ("pilot_its_term_slope", "pilot_its_unit_per")}


def _its_table(its, unit: str, rate: bool, lang: str) -> pd.DataFrame:
    """The interrupted time series for people: Dutch terms, each with its unit, effects as % change.

    Count models work on the log scale: a level change of −0,13 is a jump of (exp(−0,13) − 1) × 100
    = −12%, the number the factsheet gives; the level before the start is exp(const) referrals per
    1.000 pupils per period (per period without pupil numbers). Seasonal terms are the % deviation at
    the top of each wave. A linear model keeps its own units.
    """
    f = its.to_frame()
    count = its.family != "gaussian"
    per = {"maand": ("maand", "month"), "week": ("week", "week")}.get(unit, ("periode", "period"))[lang != "nl"]
    labels, units, values = [], [], []
    for _, row in f.iterrows():
        term = str(row["term"])
        b = row[["estimate", "lower", "upper"]].to_numpy(float)
        if term in _ITS_TERMS:
            label, unit_key = _ITS_TERMS[term]
            labels.append(t(label, lang))
        else:  # sin1, cos2, ...: the yearly (1) and half-yearly (2) seasonal waves
            wave = re.fullmatch(r"(sin|cos)(\d+)", term)
            k = int(wave.group(2)) if wave else 0
            labels.append(t("pilot_its_term_season", lang, wave=t(f"pilot_its_wave_{min(k, 3)}", lang, k=k),
                            part=t(f"pilot_its_part_{wave.group(1)}", lang) if wave else term))
            unit_key = "pilot_its_unit_season"
        if not count:
            units.append(t("pilot_its_unit_linear_" + ("rate" if rate else "count"), lang, per=per))
            values.append(b)
        elif term == "const":
            units.append(t("pilot_its_unit_level_" + ("rate" if rate else "count"), lang, per=per))
            values.append(np.exp(b) * (1000 if rate else 1))
        else:
            units.append(t(unit_key, lang, per=per))
            values.append(100 * np.expm1(b))
    values = np.array(values, dtype=float).reshape(-1, 3)
    return pd.DataFrame({t("pilot_col_part", lang): labels, t("pilot_col_unit", lang): units,
                         t("pilot_col_estimate", lang): values[:, 0], t("pilot_col_lower", lang): values[:, 1],
                         t("pilot_col_upper", lang): values[:, 2]})


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


def _sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# --- sections: questionnaires, interviews, small pilots, process times, costs (issues #14, #15) ---------------
def _fmt_signed(x: float, decimals: int, lang: str) -> str:
    return ("−" if x < 0 else "+") + format_number(abs(x), decimals, lang)


@register_section("vragenlijst", needs=("vragenlijst",), options={
    "vergelijking": (("auto", "voor_na", "groepen", "geen"), "auto"),
    "toets": (("auto", "t", "rank"), "auto")})
def _vragenlijst(ctx: _Context, vergelijking="auto", toets="auto") -> Section:
    """Questionnaire: answers per item (Likert figure), reliability per scale, before/after or group comparison."""
    from . import survey
    from .report import Table

    lang = ctx.lang
    data, report = ctx.read("vragenlijst")
    s = survey.prepare(data, ctx.pilot.data.get("codeboek"), report=report, lang=lang)
    constructs = s.constructs
    outcomes = constructs or s.items
    scores = survey.scale_scores(s, lang=lang) if constructs else s.coded()
    waves = list(dict.fromkeys(s.answers[s.wave].dropna())) if s.wave else []
    groups = list(dict.fromkeys(s.answers[s.group].dropna())) if s.group else []
    design = vergelijking
    if design == "auto":
        design = "voor_na" if len(waves) == 2 else "groepen" if len(groups) >= 2 else "geen"
    if (design == "voor_na" and len(waves) != 2) or (design == "groepen" and len(groups) < 2):
        raise InputError(t("pilot_sv_design", lang, design=design, waves=", ".join(map(str, waves)) or "–",
                           groups=", ".join(map(str, groups)) or "–"))
    cmp = None
    if design != "geen":
        cmp = survey.compare(scores, outcomes, within=s.wave if design == "voor_na" else None,
                             between=s.group if design == "groepen" else None, subject=s.respondent, test=toets,
                             seed=ctx.pilot.seed, lang=lang)
    n_resp = int(s.answers[s.respondent].nunique())
    by = s.wave if len(waves) == 2 else None
    first = outcomes[0]
    likert = survey.likert_summary(s, construct=first if constructs else None,
                                   items=None if constructs else [first], by=by, min_n=ctx.pilot.threshold, lang=lang)
    row = cmp.to_frame().iloc[0] if cmp is not None else None
    sure = row is not None and row["p_adjusted"] < 0.05
    if row is None:
        title = t("pilot_sv_fig_title", lang, what=first)
    elif row["effect_size"] in ("eta2", "eta2_h"):
        title = t("pilot_sv_fig_groups_" + ("sure" if sure else "unsure"), lang, what=first)
    else:
        title = t(f"pilot_sv_fig_{'up' if row['estimate'] > 0 else 'down'}_{'sure' if sure else 'unsure'}", lang,
                  what=first)
    # the published figure shows no share of fewer than `drempel` answers (n is next to each bar)
    ax = likert.plot(detail="protected", min_cell=ctx.pilot.threshold)
    finding_title(ax, title, t("pilot_sv_question", lang))
    caption = cmp.sentence(first) if cmp is not None else t("pilot_sv_fig_title", lang, what=first)
    caption = " ".join(filter(None, [caption, likert.protection_note(ctx.pilot.threshold)]))
    figures = [ctx.save(ax, "03_vragenlijst_" + re.sub(r"[^a-z0-9]+", "_", str(first).lower()), n=n_resp,
                        caption=caption, on_factsheet=True, rank=7, what="pilot_n_respondents")]
    rel = [survey.reliability(s, construct=c, lang=lang) for c in constructs if len(s.construct_items(c)) >= 3]
    # --- key figure, texts
    if row is not None and row["effect_size"] not in ("eta2", "eta2_h"):
        key = [KeyFigure(_fmt_signed(row["estimate"], 2, lang),
                         t(f"pilot_sv_kf_{design}", lang, what=first, a=waves[0] if waves else "",
                           b=waves[-1] if waves else ""), cmp.sentence(first))]
    else:
        mean = float(scores[first].mean())
        key = [KeyFigure(format_number(mean, 1, lang), t("pilot_sv_kf_mean", lang, what=first),
                         cmp.sentence(first) if cmp is not None else t("pilot_sv_kf_mean_words", lang,
                                                                        n=ctx.count(n_resp)))]
    caveats = [t("pilot_sv_caveat_" + ("voor_na" if design == "voor_na" else "other"), lang)]
    if design == "voor_na":
        # the pairs the comparison used: took part both times *and* has a score for the outcome both times
        pairs = cmp.table.loc[cmp.table["outcome"] == first, "n"]
        matched = int(pairs.iloc[0]) if len(pairs) else int(survey.response(s, lang=lang)["matched"].sum())
        caveats.append(t("pilot_sv_caveat_matched", lang, k=ctx.count(matched), n=ctx.count(n_resp), what=first))
    # the key figure is a scale score: say so when its questions hardly hang together (the 'weinig betrouwbare'
    # verdict of the method note, alpha below 0.7)
    first_rel = dict(zip([c for c in constructs if len(s.construct_items(c)) >= 3], rel)).get(first)
    if first_rel is not None and np.isfinite(first_rel.alpha) and first_rel.alpha < 0.7:
        # second, before the pairs used: the factsheet shows the first two caveats of a section
        caveats.insert(1, t("pilot_sv_caveat_alpha", lang, what=first, alpha=format_number(first_rel.alpha, 2, lang)))
    methods = [t("pilot_sv_methods", lang, n=ctx.count(n_resp), k=len(s.items),
                 scales=", ".join(map(str, constructs)) or "–")]
    methods += [f"{c}: {r.sentence(lang)}" for c, r in zip([c for c in constructs if len(s.construct_items(c)) >= 3],
                                                               rel)]
    if cmp is not None:
        methods.append(cmp.sentence(lang=lang))
    # --- tables
    lt = likert.to_frame()
    items = pd.DataFrame({t("pilot_col_item", lang): lt["text"].fillna(lt["item"])})
    if by:
        items[t("pilot_col_wave", lang)] = lt[by].to_numpy()
    items[t("pilot_col_answers", lang)] = lt["n"].astype(int).to_numpy()
    items[t("pilot_col_dont_know", lang)] = lt["n_dont_know"].astype(int).to_numpy()
    items[t("pilot_col_disagree", lang)] = lt["p_disagree"].to_numpy()
    items[t("pilot_col_agree", lang)] = lt["p_agree"].to_numpy()
    items[t("pilot_col_median", lang)] = lt["median"].to_numpy()
    n_col = t("pilot_col_answers", lang)
    tables = {"vragenlijst_vragen": Table(items, counts=(n_col, t("pilot_col_dont_know", lang)),
                                          percent=(t("pilot_col_disagree", lang), t("pilot_col_agree", lang)),
                                          derived={t(c, lang): n_col for c in ("pilot_col_disagree", "pilot_col_agree",
                                                                               "pilot_col_median")},
                                          # disagree and agree are parts of the valid answers: no share (nor the
                                          # neutral rest) of fewer than drempel answers, as in the protected figure
                                          shares={t(c, lang): n_col for c in ("pilot_col_disagree", "pilot_col_agree")},
                                          denominator=n_col, decimals={t("pilot_col_median", lang): 1})}
    notes = {"vragenlijst_vragen": t("pilot_sv_note_items", lang)}
    if rel:
        scales = pd.DataFrame({t("pilot_col_scale", lang): [c for c in constructs if len(s.construct_items(c)) >= 3],
                               t("pilot_col_n_items", lang): [r.n_items for r in rel],
                               t("pilot_col_answers_waves", lang): [r.n for r in rel],
                               t("pilot_col_respondents", lang): [r.n_respondents for r in rel],
                               t("pilot_col_alpha", lang): [r.alpha for r in rel],
                               t("pilot_col_alpha_lower", lang): [r.ci[0] for r in rel],
                               t("pilot_col_alpha_upper", lang): [r.ci[1] for r in rel],
                               t("pilot_col_omega", lang): [r.omega for r in rel]})
        tables["vragenlijst_schalen"] = Table(scales, counts=(t("pilot_col_answers_waves", lang),
                                                              t("pilot_col_respondents", lang)), percent=(),
                                              decimals={t("pilot_col_n_items", lang): 0} | {
                                                  t(k, lang): 2 for k in ("pilot_col_alpha", "pilot_col_alpha_lower",
                                                                          "pilot_col_alpha_upper", "pilot_col_omega")})
        notes["vragenlijst_schalen"] = t("pilot_sv_note_scales", lang)
    if cmp is not None:
        c = cmp.to_frame()
        comp = pd.DataFrame({t("pilot_col_scale", lang): c["outcome"],
                             t("pilot_col_test", lang): [t(f"sv_test_{k}", lang) for k in c["test"]],
                             t("pilot_col_respondents", lang): c["n"].astype(int),
                             t("pilot_col_difference", lang): c["estimate"],
                             t("pilot_col_effect_size", lang): [t(f"sv_effect_{k}", lang) for k in c["effect_size"]],
                             t("pilot_col_effect", lang): c["effect"], t("pilot_col_lower", lang): c["effect_lower"],
                             t("pilot_col_upper", lang): c["effect_upper"],
                             t("pilot_col_p_value", lang): c["p_value"],
                             t("pilot_col_p_adjusted", lang): c["p_adjusted"]})
        tables["vragenlijst_vergelijking"] = Table(
            comp, counts=(t("pilot_col_respondents", lang),), percent=(),
            decimals={t(k, lang): 2 for k in ("pilot_col_difference", "pilot_col_effect", "pilot_col_lower",
                                              "pilot_col_upper")} | {t(k, lang): 3 for k in ("pilot_col_p_value",
                                                                                           "pilot_col_p_adjusted")})
        notes["vragenlijst_vergelijking"] = t(f"pilot_sv_note_{design}", lang)
    return Section(key="vragenlijst", title=t("pilot_sv_title", lang), question=t("pilot_sv_question", lang),
                   key_figures=key, figures=figures, tables=tables, notes=notes,
                   meaning=[cmp.sentence(first) if cmp is not None else key[0].words], caveats=caveats,
                   methods="\n\n".join(methods), quality=[("vragenlijst", report)]), cmp


@register_section("interviews", needs=("fragmenten",), options={"citaten": (int, 1)})
def _interviews(ctx: _Context, citaten=1) -> Section:
    """Coded interviews: how many respondents per group mention each theme, and a few anonymous quotes."""
    from . import interviews
    from .report import Table

    lang = ctx.lang
    k_min = ctx.pilot.threshold
    data, report = ctx.read("fragmenten")
    freq = interviews.code_frequencies(data, level=1, lang=lang)
    n_resp = int(data["respondent"].nunique())
    # one table of counts behind the figure, its caption, the key figure and the exported table
    counts = interviews.theme_counts(freq, min_group=k_min, lang=lang)
    hidden = interviews.hidden_theme_counts(counts, k_min)
    groups = [g for g in counts.columns if g]
    top_code, top_k = counts.index[0], int(counts.iloc[0, 0])
    k_text = HIDDEN if hidden.iat[0, 0] and not is_small(top_k, k_min) else small_count(top_k, k_min, lang)
    n_text = small_count(n_resp, k_min, lang)
    ax = interviews.plot_codes(freq, min_group=k_min, min_cell=k_min, lang=lang)
    finding_title(ax, t("pilot_iv_fig_title", lang, code=top_code, k=k_text, n=n_text), t("pilot_iv_question", lang))
    caption = interviews.summary(freq, min_group=k_min, min_cell=k_min, lang=lang)
    figures = [ctx.save(ax, "03_interviews_themas", n=n_resp, caption=caption, on_factsheet=True, rank=9,
                        what="pilot_n_interviewed")]
    parts = ", ".join(f"{g} {small_count(counts.attrs['n'][g], k_min, lang)}" for g in groups) or \
        f"{t('iv_all_groups', lang)} {n_text}"
    key = [KeyFigure(n_text, t("pilot_iv_kf_label", lang, parts=parts),
                     t("pilot_iv_kf_words", lang, code=top_code, k=k_text, n=n_text))]
    # --- table: per theme all respondents, then per (merged) group; protected with "total = sum of groups"
    total_col, interviewed = t("pilot_col_mentioned", lang), t("pilot_col_interviewed", lang)
    by = [t("pilot_col_mentioned_by", lang, group=g) for g in groups]
    themes = pd.DataFrame({total_col: counts[""].to_numpy(), interviewed: n_resp},
                          index=pd.Index(counts.index, name=t("pilot_col_theme", lang)))
    for g, col in zip(groups, by):
        themes[col] = counts[g].to_numpy()
    tables = {"interviews_themas": Table(themes, counts=(total_col, *by), percent=(),
                                         derived={interviewed: (total_col,)}, decimals={interviewed: 0}, cross=False)}
    links = interviews.theme_links(counts.set_axis([total_col, *by], axis=1), "interviews_themas")
    notes = {"interviews_themas": t("pilot_iv_note_themes", lang)}
    meaning = []
    if citaten > 0:
        texts = data["text"].astype("string").fillna("")
        safe = data[~interviews.possible_names(texts)]
        # labels name the groups as shown: a quote from a small group is labelled 'overige'
        shown = safe["group"].where(safe["group"].isin(groups), t("iv_other_groups", lang)) if groups else \
            pd.Series(t("iv_all_groups", lang), index=safe.index)
        quotes = interviews.quotes(safe.assign(group=shown), per_code=citaten, seed=ctx.pilot.seed, lang=lang)
        quotes = quotes[~quotes["code"].str.contains(interviews.SEPARATOR, regex=False)].reset_index(drop=True)
        table = pd.DataFrame({t("pilot_col_theme", lang): quotes["code"], t("pilot_col_who", lang): quotes["label"],
                              t("pilot_col_quote", lang): quotes["quote"]})
        tables["interviews_citaten"] = Table(table, counts=(), percent=())
        notes["interviews_citaten"] = t("pilot_iv_note_quotes", lang)
        pick = quotes[quotes["code"] == top_code]
        if len(pick):
            meaning.append(t("pilot_iv_quote", lang, quote=pick["quote"].iloc[0], who=pick["label"].iloc[0]))
    meaning = meaning or [caption]
    caveats = [t("pilot_iv_caveat", lang)]
    return Section(key="interviews", title=t("pilot_iv_title", lang), question=t("pilot_iv_question", lang),
                   key_figures=key, figures=figures, tables=tables, notes=notes, meaning=meaning, caveats=caveats,
                   methods=t("pilot_iv_methods", lang, n=n_text, k=k_min) + "\n\n" + caption,
                   quality=[("fragmenten", report)], links=links), freq


@register_section("kleine_pilot", needs=("klas",), options={
    "uitkomst": (str, "Uitkomst"), "gunstig": (str, "regulier onderwijs"), "label": (str, None),
    "vergelijk": (float, None), "kans_boven": (float, None), "reden": (str, None), "tijdlijn": (bool, False),
    "moment": (str, None)})
def _kleine_pilot(ctx: _Context, uitkomst="Uitkomst", gunstig="regulier onderwijs", label=None, vergelijk=None,
                  kans_boven=None, reden=None, tijdlijn=False, moment=None) -> Section:
    """A very small group (e.g. an SO+ class of 4): k of n with its exact interval and what n can and cannot tell.

    Counts below the threshold are only published when the pilot file gives ``reden`` (recorded in
    the method note). The per-pupil timeline shows every pupil as a cell of one, with dates: it is
    drawn only with ``tijdlijn = true``, and for fewer pupils than the threshold only with ``reden``.
    """
    from .outcomes import (
        compare_to_benchmark,
        plot_timeline,
        posterior_above,
        proportion_ci,
    )
    from .report import Table

    lang = ctx.lang
    data, report = ctx.read("klas")
    for column in (uitkomst, moment):
        if column is not None and column not in data.columns:
            raise InputError(t("pilot_kp_no_column", lang, column=column, file=ctx.pilot.data["klas"].name,
                               columns=", ".join(c for c in data.columns if c not in ("source_row", "case"))))
    # an empty outcome is unknown, not "not favourable": such pupils are left out of k and n, row by row in the report
    outcome = data[uitkomst].astype("string").str.strip()
    unknown = outcome.isna() | outcome.eq("")
    rows = data["source_row"] if "source_row" in data else pd.Series(data.index, index=data.index)
    for idx in data.index[unknown]:
        report.add(row=rows[idx], column=uitkomst, value="", reason=t("pilot_kp_reason_no_outcome", lang),
                   action="dropped")
    known = outcome[~unknown].str.lower()
    if known.empty:
        raise InputError(t("pilot_kp_no_outcome", lang, column=uitkomst, file=ctx.pilot.data["klas"].name))
    n = len(known)
    k = int((known == gunstig.strip().lower()).sum())
    if k == 0:  # possibly a spelling difference with the file: say which outcomes it has
        report.notes.append(t("pilot_kp_reason_not_found", lang, column=uitkomst, value=gunstig,
                              values=", ".join(sorted(set(outcome[~unknown])))))
    small = n < ctx.pilot.threshold or 0 < k < ctx.pilot.threshold or 0 < n - k < ctx.pilot.threshold
    if small and not (reden and reden.strip()):
        raise InputError(t("pilot_kp_small", lang, n=n, k=ctx.pilot.threshold, file=ctx.pilot.path.name))
    if small:  # k of n as they are, with the reason (the table is not rounded either)
        ctx.exact_counts()
    what = label or gunstig
    res = proportion_ci(k, n, label=what, lang=lang)
    lines = res.summary(lang).splitlines()
    ax = res.plot(lang=lang)
    finding_title(ax, t("pilots_proportion_title", lang, k=count_text(k, lang), n=count_text(n, lang),
                        lo=res.bound(res.lower, lang),
                        hi=res.bound(res.upper, lang)), t("pilot_kp_question", lang, what=what))
    figures = [ctx.save(ax, "04_kleine_pilot_aandeel", n=n, caption=res.sentence(lang), on_factsheet=True, rank=8,
                        what="pilot_n_pupils")]
    if tijdlijn:
        same = data.assign(**{uitkomst: outcome.where(~unknown).str.lower()})  # one colour per outcome, as counted
        ax = plot_timeline(same, pupil="case", outcome=uitkomst, events=(moment,) if moment else (), lang=lang)
        figures.append(ctx.save(ax, "04_kleine_pilot_tijdlijn", n=n, caption=res.sentence(lang), what="pilot_n_pupils"))
    key = [KeyFigure(t("pilot_kp_kf_value", lang, k=count_text(k, lang), n=count_text(n, lang)), what, f"{lines[1]} {lines[-1]}")]
    methods = [res.summary(lang)]
    if vergelijk is not None:
        methods.append(compare_to_benchmark(k, n, vergelijk, label=what, lang=lang).summary(lang))
    if kans_boven is not None:
        methods.append(posterior_above(k, n, kans_boven, label=what, lang=lang).summary(lang))
    if small:
        methods.append(t("pilot_kp_reason", lang, k=ctx.pilot.threshold, reason=reden.strip()))
    methods.append(t("pilot_kp_timeline_" + ("shown" if tijdlijn else "not_shown"), lang))
    table = pd.DataFrame({t("pilot_col_outcome", lang): [what], t("pilot_col_k", lang): [k],
                          t("pilot_col_n", lang): [n], t("pilot_col_share", lang): [res.estimate],
                          t("pilot_col_lower_pct", lang): [res.lower], t("pilot_col_upper_pct", lang): [res.upper]})
    shares = (t("pilot_col_share", lang), t("pilot_col_lower_pct", lang), t("pilot_col_upper_pct", lang))
    whole = (t("pilot_col_k", lang), t("pilot_col_n", lang))
    spec = Table(table, counts=() if small else whole, percent=shares, denominator=t("pilot_col_n", lang),
                 decimals=dict.fromkeys(whole, 0))
    small_n = t("pilots_small_n", lang, n=count_text(n, lang)) if n < 30 else None
    can_say = [ln for ln in lines[2:-1] if ln != small_n]
    return Section(key="kleine_pilot", title=t("pilot_kp_title", lang), question=t("pilot_kp_question", lang, what=what),
                   key_figures=key, figures=figures, tables={"kleine_pilot": spec},
                   notes={"kleine_pilot": t("pilot_kp_note" + ("_small" if small else ""), lang, k=ctx.pilot.threshold)},
                   meaning=[f"{what[:1].upper()}{what[1:]} – {line[:1].lower()}{line[1:]}" for line in can_say[:1]],
                   caveats=([t("pilot_kp_caveat_unknown", lang, n=small_count(int(unknown.sum()), ctx.pilot.threshold,
                                                                             lang))] if unknown.any() else [])
                   + [small_n or t("pilot_kp_caveat", lang)], methods="\n\n".join(methods),
                   quality=[("klas", report)], unprotected=reden.strip() if small else ""), res


# ------------------------------------------------------------------------------ groups under the threshold rule
@dataclass(frozen=True)
class _ShownGroups:
    """Which groups a process-time section shows separately under the threshold rule (see :func:`_shown_groups`)."""

    keep: list
    left_out: list
    without_group: bool

    def caveats(self, prefix: str, k: int, lang: str) -> list:
        """'groep … niet apart getoond' and 'casussen zonder groep …' (message keys ``pilot_<prefix>_…``)."""
        out = []
        if self.left_out:
            # masked, as small schools are: a 'group' of one or two cases is often a name in the wrong cell; a
            # period label ('voor', 'na', 'oud', 'nieuw', 'nameting', ...) is no name and is written in full
            out.append(t(f"pilot_{prefix}_left_out", lang,
                         groups=", ".join(f"'{g if _period_label(g) else mask_value(g)}'" for g in self.left_out),
                         k=k))
        if self.without_group:
            out.append(t(f"pilot_{prefix}_without_group", lang))
        return out


def _period_label(group) -> bool:
    """True for a group label that names a period, not a person: a wave of a before/after design
    (:data:`evaluatie.survey.WAVE_SYNONYMS`), ``oud``/``nieuw`` or a year (``2023``, ``2023-2024``)."""
    from .schemas import normalize_header
    from .survey import WAVE_SYNONYMS

    key = normalize_header(str(group))
    return (key in WAVE_SYNONYMS or key in {"oud", "nieuw", "old", "new", "voorheen", "nu"}
            or re.fullmatch(r"(19|20)\d\d(\s*[-/]\s*(19|20)?\d\d)?", str(group).strip()) is not None)


def _shown_groups(groups, small: Callable[[str], bool], allowed: bool, unknown: str) -> _ShownGroups:
    """Groups shown separately: those for which ``small(group)`` is false (every group when ``allowed``).

    ``groups``: the group of every case (``unknown`` for a case without one). Cases without a group are
    never a comparison group; when no group can be shown the section takes all cases together.
    """
    present = set(groups)
    real = sorted(g for g in present if g != unknown)
    keep = [g for g in real if allowed or not small(g)]
    return _ShownGroups(keep, [g for g in real if g not in keep], bool(real) and unknown in present)


def _time_order(frame: pd.DataFrame) -> list:
    """Groups in time order (median ``start``): 'voor' before 'na', 'oud' before 'nieuw', as people read them."""
    return frame.groupby("group")["start"].median().sort_values(kind="stable").index.tolist()


def _unprotected(notes: dict, methods: list, reden: str, k: int, lang: str) -> dict:
    """With the pilot file's ``reden``: the reason in the method note, and every table note says counts are shown."""
    methods.append(t("pilot_kp_reason", lang, k=k, reason=reden.strip()))
    return {key: v + " " + t("pilot_dl_note_unprotected", lang, k=k) for key, v in notes.items()}


@register_section("doorlooptijden", needs=("trajecten",), options={"norm_dagen": (int, 90), "peildatum": (str, None),
                                                                   "label": (str, None), "reden": (str, None)})
def _doorlooptijden(ctx: _Context, norm_dagen=90, peildatum=None, label=None, reden=None) -> Section:
    """Process times: Kaplan–Meier per group (open cases censored), median and share within the norm, log-rank.

    A group is shown separately only when none of the counts its share within the norm reveals
    (cases, ended within the norm, the others) is below the threshold; other groups are
    named under "waar moet u op letten?" and left out of the figure, the text and the log-rank
    test, unless the pilot file gives ``reden`` (recorded in the method note). Cases without a
    group are never a comparison group. When no group can be shown, all cases are taken together;
    when even that reveals small counts, the section needs ``reden``.
    """
    from .durations import durations, kaplan_meier, logrank
    from .report import Table

    lang = ctx.lang
    k_min = ctx.pilot.threshold
    data, report = ctx.read("trajecten")
    group = "group" if "group" in data and data["group"].notna().any() else None
    frame, checked = durations(data, group=group, reference_date=peildatum, lang=lang)
    if frame.empty:  # nothing usable: the same Dutch error as the library gives
        kaplan_meier(data, group=group, reference_date=peildatum, lang=lang)
    unknown = "onbekend" if lang == "nl" else "unknown"
    allowed = bool(reden and reden.strip())

    def cells(f: pd.DataFrame) -> list:
        """The counts a group's share within the norm reveals: cases, ended within the norm, and the others."""
        within = int((f["observed"].to_numpy(bool) & (f["days"].to_numpy() <= norm_dagen)).sum())
        return [len(f), within, len(f) - within]

    def small(f: pd.DataFrame) -> bool:
        return any(is_small(c, k_min) for c in cells(f))

    groups = (_shown_groups(frame["group"], lambda g: small(frame[frame["group"] == g]), allowed, unknown) if group
              else _ShownGroups([], [], False))
    keep = groups.keep
    if keep:
        shown = frame[frame["group"].isin(keep)]
        data = data.loc[shown.index]
    else:  # no group to show: all cases together
        shown, group = frame, None
        if small(frame) and not allowed:
            raise InputError(t("pilot_dl_small", lang, k=k_min, file=ctx.pilot.path.name))
    unprotected = allowed and (small(shown) or any(small(shown[shown["group"] == g]) for g in keep))
    if unprotected:  # exact counts with the reason (the tables are not rounded either)
        ctx.exact_counts()
    what = label or t("pilot_dl_label", lang)
    km = kaplan_meier(data, group=group, reference_date=peildatum, label=what, lang=lang)
    share = km.share_within(norm_dagen)
    order = _time_order(shown) if group else list(km.medians["group"])
    last = share.set_index("group").loc[order[-1]]
    test = logrank(data, group=group, reference_date=peildatum, lang=lang) if group and len(order) > 1 else None
    sure = test is not None and test.p_value < 0.05
    pct = lambda v: "–" if not np.isfinite(v) else format_percent(v, 0, lang)
    if test is None:
        title = (t("pilot_dl_fig_one_group", lang, group=order[-1], share=pct(last["share"]), days=norm_dagen)
                 if group else t("pilot_dl_fig_one", lang, share=pct(last["share"]), days=norm_dagen))
    else:
        before = share.set_index("group").loc[order[0], "share"]
        title = t("pilot_dl_fig_" + ("sure" if sure else "unsure") + ("_up" if last["share"] >= before else "_down"),
                  lang, days=norm_dagen, a=order[0], b=order[-1])
    # the curves stop while more than drempel cases are without an end: their last level would give a small
    # number of open cases back (29 of 30 ended: one open), which the table hides
    ax = km.plot(lang=lang, days=norm_dagen, min_left=None if unprotected else k_min + 1)
    finding_title(ax, title, t("pilot_dl_question", lang, days=norm_dagen))
    figures = [ctx.save(ax, "04_doorlooptijden", n=len(km.data), caption=km.sentence(lang, norm_dagen),
                        on_factsheet=True, rank=3, what="pilot_n_cases")]
    words = t("pilot_dl_kf_words", lang, lo=pct(last["lower"]), hi=pct(last["upper"]), n=ctx.count(last["n"]))
    meaning = f"{t('pilot_dl_title', lang)}: {km.sentence(lang, norm_dagen)}"
    if test is not None:
        meaning += " " + t("pilots_logrank_" + ("small" if sure else "large"), lang)
    key = [KeyFigure(pct(last["share"]), t("pilot_dl_kf_label", lang, days=norm_dagen, what=what, group=order[-1])
                     if group else t("pilot_dl_kf_label_all", lang, days=norm_dagen, what=what), words)]
    # the tables list the groups in time order (voor, na), as the figure and the text do, not alphabetically
    rank = {g: i for i, g in enumerate(order)}
    med = km.medians.sort_values("group", key=lambda g: g.map(rank), kind="stable").reset_index(drop=True)
    share = share.sort_values("group", key=lambda g: g.map(rank), kind="stable").reset_index(drop=True)
    # ended + open = cases: the cases are left out here (the next table has them), so that the ended and open counts
    # form one cross table whose row total is protected with them (a shown total would give away a hidden cell)
    medians = pd.DataFrame({t("pilot_col_group", lang): med["group"],
                            t("pilot_col_ended", lang): med["events"], t("pilot_col_open", lang): med["open"],
                            t("pilot_col_median_days", lang): med["median"], t("pilot_col_lower_days", lang): med["lower"],
                            t("pilot_col_upper_days", lang): med["upper"]})
    cases = t("pilot_col_cases", lang)
    within = pd.DataFrame({t("pilot_col_group", lang): share["group"], cases: share["n"],
                           t("pilot_col_within", lang, days=norm_dagen): share["share"],
                           t("pilot_col_lower_pct", lang): share["lower"], t("pilot_col_upper_pct", lang): share["upper"]})
    pcts = (t("pilot_col_within", lang, days=norm_dagen), t("pilot_col_lower_pct", lang), t("pilot_col_upper_pct", lang))
    ended_open = (t("pilot_col_ended", lang), t("pilot_col_open", lang))
    times = (t("pilot_col_median_days", lang), t("pilot_col_lower_days", lang), t("pilot_col_upper_days", lang))
    # the median and its interval reveal no count and stay shown when a count in their row is hidden
    tables = {"doorlooptijden_mediaan": Table(medians, counts=() if unprotected else ended_open, percent=(), cross=True,
                                              derived=dict.fromkeys(times, ()),
                                              decimals=dict.fromkeys((*ended_open, *times), 0)),
              "doorlooptijden_norm": Table(within, counts=() if unprotected else (cases,), percent=pcts,
                                           derived={} if unprotected else {p: cases for p in pcts},
                                           denominator=cases, decimals={cases: 0})}
    notes = {"doorlooptijden_mediaan": t("pilot_dl_note_median", lang),
             "doorlooptijden_norm": t("pilot_dl_note_norm", lang, days=norm_dagen)}
    methods = [km.summary(lang, norm_dagen)] + ([test.sentence(lang) + " " + t("pilots_logrank_" + ("small" if sure else "large"), lang)]
                                              if test is not None else [])
    if unprotected:
        notes = _unprotected(notes, methods, reden, k_min, lang)
    caveats = [*groups.caveats("dl", k_min, lang), t("pilot_dl_caveat", lang)]
    quality = [("trajecten", report)]
    if checked.entries:  # rows the durations check changed (no group, ended after the reference date) or dropped
        checked.source = f"{ctx.pilot.data['trajecten'].name} ({t('pilot_dl_title', lang).lower()})"
        quality.append(("trajecten", checked))
    return Section(key="doorlooptijden", title=t("pilot_dl_title", lang), question=t("pilot_dl_question", lang,
                                                                                     days=norm_dagen),
                   key_figures=key, figures=figures, tables=tables, notes=notes,
                   meaning=[meaning], caveats=caveats, methods="\n\n".join(methods),
                   quality=quality, unprotected=reden.strip() if unprotected else "",
                   left_out=bool(keep) and bool(groups.left_out or groups.without_group)), km


def _is_date_column(values: pd.Series) -> bool:
    """True for a column whose filled cells are all dates (text dates included, numbers not)."""
    from .durations import _parse_dates

    if pd.api.types.is_datetime64_any_dtype(values):
        return values.notna().any()
    if pd.api.types.is_numeric_dtype(values):
        return False
    filled = values[values.notna() & values.astype("string").str.strip().ne("")]
    return len(filled) > 0 and not _parse_dates(filled)[1].any()


@register_section("stappen", needs=("stappen",), options={
    "datums": (list, None), "namen": (list, None), "groep": (str, None), "peildatum": (str, None),
    "label": (str, None), "reden": (str, None)})
def _stappen(ctx: _Context, datums=None, namen=None, groep=None, peildatum=None, label=None, reden=None) -> Section:
    """A multi-step procedure (registration → indication → start of help): time per step and in total, where it goes.

    ``datums`` are the date columns in process order, as the file names them (default: every date
    column, the registration date first); ``namen`` what the figure and table call them. Per group
    (``groep``) and step the median (Kaplan–Meier, cases still waiting censored at ``peildatum``) with
    its interval; where the time goes from the cases that went through every step. Groups are
    protected as in :func:`_doorlooptijden`: a group is shown only when neither its cases nor its
    complete routes (what the figure and the sentences rest on) are below the threshold (every group
    with ``reden``); small completed or waiting counts per step are hidden in the table.
    """
    from dataclasses import replace

    from .durations import logrank, process_steps
    from .report import Table

    lang = ctx.lang
    k_min = ctx.pilot.threshold
    where, file = ctx.pilot.path.name, ctx.pilot.data["stappen"].name
    data, report = ctx.read("stappen")
    labels = data.attrs.get("labels", {})
    headers = {c: str(labels.get(c, c)) for c in data.columns if c not in ("source_row", "case")}

    def column(name, key: str) -> str:
        """A column of the file by its header (or its canonical name), or a Dutch error naming the pilot-file key."""
        if not isinstance(name, str):
            raise InputError(t("pilot_st_not_text", lang, file=where, option=key, value=name))
        hit = [c for c, h in headers.items() if name.strip().lower() in (h.strip().lower(), str(c).lower())]
        if not hit:
            raise InputError(t("pilot_st_no_column", lang, file=where, option=key, column=name, data=file,
                               columns=", ".join(headers.values())))
        return hit[0]

    if datums is None:  # every date column: registration (start) first, the recognised end date last
        found = [c for c in headers if c not in ("group", "unit") and _is_date_column(data[c])]
        cols = sorted(found, key=lambda c: {"start": 0, "end": 2}.get(c, 1))
    else:
        cols = [column(d, "datums") for d in datums]
    if len(cols) < 2 or len(set(cols)) != len(cols):
        raise InputError(t("pilot_st_too_few", lang, file=where, found=", ".join(headers[c] for c in cols) or "–"))
    for n in namen or []:
        if not isinstance(n, str):
            raise InputError(t("pilot_st_not_text", lang, file=where, option="namen", value=n))
    if namen is not None and len(namen) != len(cols):
        raise InputError(t("pilot_st_names", lang, file=where, n=len(cols), names=", ".join(map(str, namen))))
    names = [n.strip() for n in namen] if namen else [headers[c] for c in cols]
    gcol = column(groep, "groep") if groep is not None else "group" if "group" in headers else None
    if gcol is not None and not data[gcol].notna().any():
        gcol = None
    allowed = bool(reden and reden.strip())
    unknown = "onbekend" if lang == "nl" else "unknown"

    def small(steps: pd.DataFrame) -> bool:
        """The counts a group's figure, key figure and sentences rest on: its cases and its complete routes.

        Completed and still-waiting counts per step are only in the table, which protects them cell by cell.
        """
        return any(is_small(int(c), k_min) for c in (steps["n"].iloc[0], steps["n_all_steps"].iloc[0]))

    full = process_steps(data, steps=cols, names=names, group=gcol, reference_date=peildatum, lang=lang)
    ref = full.reference_date.strftime("%Y-%m-%d")
    shown = (_shown_groups(full.steps["group"], lambda g: small(full.steps[full.steps["group"] == g]), allowed, unknown)
             if gcol else _ShownGroups([], [], False))
    if shown.keep:
        groups = data[gcol].astype(object).where(data[gcol].notna(), unknown).astype(str)
        res = process_steps(data[groups.isin(shown.keep)], steps=cols, names=names, group=gcol, reference_date=ref,
                            lang=lang)
    else:  # no group to show: all cases together
        res, gcol = (full, None) if gcol is None else (process_steps(data, steps=cols, names=names, reference_date=ref,
                                                                     lang=lang), None)
        if small(res.steps) and not allowed:
            raise InputError(t("pilot_st_small", lang, k=k_min, file=where))
    unprotected = allowed and any(small(part) for _, part in res.steps.groupby("group"))
    total = res.steps["step"].iloc[-1]
    first_step = res.per_case[res.per_case["step"] == res.steps["step"].iloc[0]]
    order = _time_order(first_step)
    rank = {g: i for i, g in enumerate(order)}
    res = replace(res, steps=res.steps.sort_values("group", key=lambda g: g.map(rank), kind="stable")
                  .reset_index(drop=True))
    steps = res.steps
    num = lambda v: format_number(v, 0, lang)  # noqa: E731

    def ci(row) -> str:
        if not np.isfinite(row["median"]):
            return t("pilot_st_no_median", lang)
        if not np.isfinite(row["lower"]):  # e.g. every case took exactly as long: no interval
            return t("pilot_st_ci_none", lang, median=num(row["median"]))
        if not np.isfinite(row["upper"]):
            return t("pilot_st_ci_open", lang, median=num(row["median"]), lo=num(row["lower"]))
        return t("pilot_st_ci", lang, median=num(row["median"]), lo=num(row["lower"]), hi=num(row["upper"]))

    lines, most_sure = [], {}
    for g in order:
        part = steps[steps["group"] == g].set_index("step")
        inner = part.drop(index=total)
        line = t("pilot_st_group_line", lang, group=t("pilot_st_group", lang, group=g) if gcol else "",
                 steps=", ".join(f"{s} {ci(r)}" for s, r in inner.iterrows()), total=ci(part.loc[total]))
        if inner["share_of_total"].notna().any():
            top = inner["share_of_total"].idxmax()
            others = inner.drop(index=top)
            # sure only when the longest step's interval lies above every other step's interval
            most_sure[g] = bool((inner.loc[top, "lower"] > others["upper"]).all())
            line += " " + t("pilot_st_most_" + ("sure" if most_sure[g] else "unsure"), lang, step=top,
                            share=format_percent(inner.loc[top, "share_of_total"], 0, lang),
                            other=others["mean_completed"].idxmax() if len(others) else "")
        lines.append(line[:1].upper() + line[1:])
    totals = steps[steps["step"] == total].set_index("group")
    test = None
    if gcol and len(order) > 1:
        routes = res.per_case[res.per_case["step"] == total][["group", "start", "end"]]
        test = logrank(routes, group="group", reference_date=ref, lang=lang)
    meaning = " ".join(lines)
    if test is not None:
        sure = test.p_value < 0.05
        meaning += " " + test.sentence(lang) + " " + t("pilots_logrank_" + ("small" if sure else "large"), lang)
        a, b = order[0], order[-1]
        ma, mb = totals.loc[a, "median"], totals.loc[b, "median"]
        title = t("pilot_st_fig_" + (("sure_down" if mb < ma else "sure_up") if sure else "unsure"), lang,
                  a=a, b=b, ma=num(ma), mb=num(mb))
    else:
        top_sure = most_sure.get(order[-1], False)
        inner = steps[(steps["group"] == order[-1]) & (steps["step"] != total)].set_index("step")
        title = (t("pilot_st_fig_step_sure", lang, step=inner["share_of_total"].idxmax()) if top_sure else
                 t("pilot_st_fig_step_unsure", lang, days=num(totals.loc[order[-1], "median"])))
    question = t("pilot_st_question", lang, first=names[0], last=names[-1])
    ax = res.plot(lang=lang)
    ax.set_title("")  # the step chart's own title gives way to the finding
    finding_title(ax, title, question)
    n_cases = int(steps.groupby("group", sort=False)["n"].first().sum())
    figures = [ctx.save(ax, "04_stappen", n=n_cases, caption=meaning, on_factsheet=True, rank=8, what="pilot_n_cases")]
    last = totals.loc[order[-1]]
    key = [KeyFigure(t("pilot_st_days", lang, n=num(last["median"])),
                     t("pilot_st_kf_label", lang, first=label or names[0], last=names[-1],
                       group=t("pilot_st_kf_group", lang, group=order[-1]) if gcol else ""),
                     t("pilot_st_kf_words", lang, lo=num(last["lower"]), hi=num(last["upper"]),
                       n=small_count(int(last["n"]), k_min, lang)))]
    # one table: per group and step the counts (completed, still waiting: one cross table), medians and means
    ended, waiting = t("pilot_col_ended", lang), t("pilot_col_waiting", lang)
    times = (t("pilot_col_median_days", lang), t("pilot_col_lower_days", lang), t("pilot_col_upper_days", lang),
             t("pilot_col_mean_complete", lang))
    share = t("pilot_col_share_total", lang)
    table = pd.DataFrame({t("pilot_col_group", lang): steps["group"] if gcol else t("pilot_st_all", lang),
                          t("pilot_col_step", lang): steps["step"], ended: steps["completed"],
                          waiting: steps["n"] - steps["completed"],
                          **dict(zip(times, (steps["median"], steps["lower"], steps["upper"], steps["mean_completed"]))),
                          share: steps["share_of_total"]})
    # medians, means and shares of the time reveal no count: they stay shown when a count in their row is hidden
    tables = {"stappen": Table(table, counts=() if unprotected else (ended, waiting), percent=(share,), cross=True,
                               derived=dict.fromkeys((*times, share), ()),
                               decimals=dict.fromkeys((ended, waiting, *times, share), 0))}
    notes = {"stappen": t("pilot_st_note", lang)}
    ref_day = res.reference_date
    # the sentences, not the library's summary: its counts per step (32 of 35 completed) would give away the
    # small still-waiting counts the table hides
    methods = [meaning, t("pilot_st_methods", lang, ref=f"{ref_day.day}-{ref_day.month}-{ref_day.year}"
                                                if lang == "nl" else ref_day.strftime("%Y-%m-%d"))]
    if unprotected:
        notes = _unprotected(notes, methods, reden, k_min, lang)
    caveats = [*shown.caveats("st", k_min, lang), t("pilot_st_caveat", lang)]
    quality = [("stappen", report)]
    if res.report.entries:  # dates out of order, a later step without an earlier one
        res.report.source = f"{file} ({t('pilot_st_title', lang).lower()})"
        quality.append(("stappen", res.report))
    return Section(key="stappen", title=t("pilot_st_title", lang), question=question, key_figures=key,
                   figures=figures, tables=tables, notes=notes, meaning=[meaning], caveats=caveats,
                   methods="\n\n".join(methods), quality=quality,
                   unprotected=reden.strip() if unprotected else "",
                   left_out=bool(shown.keep) and bool(shown.left_out or shown.without_group)), res


#: ``[analyses.kosten]`` options → argument of :func:`evaluatie.costs.deployment_cost` / :func:`~evaluatie.costs.impact`.
_COST_ARGS = {"uren_per_week": "hours_per_week", "maandsalaris": "salary_per_month", "voltijd_uren": "fte_hours",
              "werkgeverslasten": "employer_charges", "overhead": "overhead", "overige_kosten": "other_costs",
              "jaarkosten": "annual_cost", "leerlingen_bereikt": "pupils_reached", "casussen": "cases",
              "leerlingen_totaal": "pupils_enrolled", "scholen": "schools"}
_IMPACT_ARGS = {"trajecten_per_jaar": "baseline_trajectories", "kosten_traject": "trajectory_cost",
                "toerekening": "attribution", "verhouding": "rate_ratio"}
#: ``[analyses.kosten]`` options → argument of :func:`evaluatie.costs.financing_scenarios` (collective vs individual).
_FIN_ARGS = {"individueel_per_leerling": "individual_cost_per_pupil", "kosten_toegang": "decision_cost",
             "leerlingen_geholpen": "pupils_helped"}
_AMOUNT = (int, float, str)


@register_section("kosten", needs=(), options={
    **{k: (_AMOUNT, None) for k in (*_COST_ARGS, *_IMPACT_ARGS, *_FIN_ARGS)}, "marges": (dict, None),
    "simulaties": (int, 10_000)})
def _kosten(ctx: _Context, marges=None, simulaties=10_000, **given) -> Section:
    """Costs (see :func:`_kosten_section`); an input the cost model refuses is reported by its key in the pilot file."""
    try:
        return _kosten_section(ctx, marges=marges, simulaties=simulaties, **given)
    except InputError as exc:
        if exc.file is not None:  # already about the pilot file
            raise
        text = str(exc)
        for key, name in {**_COST_ARGS, **_IMPACT_ARGS, **_FIN_ARGS}.items():  # the model's argument names → the pilot file's keys
            text = text.replace(f" ({name})", "").replace(f"'{name}'", f"'{key}'")
        raise _err("pilot_kost_bad_input", ctx.pilot.path, ctx.lang, detail=text) from None


def _kosten_section(ctx: _Context, marges=None, simulaties=10_000, **given) -> Section:
    """Costs: cost per pupil reached, break-even, (with ranges) the probability that the deployment pays for itself,
    and (with ``individueel_per_leerling``) collective against individual financing.

    The rate ratio is ``verhouding`` when given, else the before/after estimate of ``zorgvraag``
    (with its interval as range) when that section ran with a count model. Collective financing is
    the deployment's annual cost; individual financing gives each of ``leerlingen_geholpen`` pupils
    (default ``casussen``) a decision: ``individueel_per_leerling`` plus ``kosten_toegang``.
    """
    import warnings

    from .costs import INPUTS, _euro, deployment_cost, financing_scenarios, impact
    from .report import Table

    lang = ctx.lang
    where = ctx.pilot.path.name
    if given.get("jaarkosten") is None and (given.get("uren_per_week") is None or given.get("maandsalaris") is None):
        raise InputError(t("pilot_kost_need", lang, file=where))
    helped = given.get("leerlingen_geholpen") if given.get("leerlingen_geholpen") is not None else given.get("casussen")
    if given.get("individueel_per_leerling") is not None and helped is None:
        raise InputError(t("pilot_kost_fin_need", lang, file=where))
    with warnings.catch_warnings():  # the report says it, under "waar moet u op letten?" and in the method note
        warnings.simplefilter("ignore", UserWarning)
        cost = deployment_cost(**{_COST_ARGS[k]: v for k, v in given.items() if k in _COST_ARGS and v is not None},
                               lang=lang)
    fin = None
    if given.get("individueel_per_leerling") is not None:
        fin = financing_scenarios(collective_cost=cost, pupils_helped=helped,
                                  individual_cost_per_pupil=given["individueel_per_leerling"],
                                  decision_cost=given.get("kosten_toegang") or 0, lang=lang)
    elif given.get("kosten_toegang") is not None or given.get("leerlingen_geholpen") is not None:
        raise InputError(t("pilot_kost_fin_need", lang, file=where))
    names = {**{k: v for k, v in _COST_ARGS.items() if v in INPUTS}, **_IMPACT_ARGS}
    ranges = {}
    for k, pair in (marges or {}).items():
        if k not in names:
            raise _err("pilot_unknown_key", ctx.pilot.path, lang, name=k, where="[analyses.kosten] marges",
                       allowed=", ".join(names))
        if not isinstance(pair, list) or len(pair) != 2:
            raise _err("pilot_bad_type", ctx.pilot.path, lang, name=k, where="[analyses.kosten] marges", value=pair,
                       kind=t("pilot_type_range", lang))
        ranges[names[k]] = tuple(pair)
    effect = ctx.results.get("zorgvraag")
    rate = given.get("verhouding")
    if rate is None and effect is not None and getattr(effect, "family", "") in ("poisson", "quasipoisson", "negbin"):
        rate = effect
    res, mc = None, None
    ok = given.get("trajecten_per_jaar") is not None and given.get("kosten_traject") is not None
    if ok and rate is not None:
        res = impact(deployment=cost, baseline_trajectories=given["trajecten_per_jaar"], rate_ratio=rate,
                     trajectory_cost=given["kosten_traject"],
                     attribution=1.0 if given.get("toerekening") is None else given["toerekening"],
                     ranges=ranges, lang=lang)
        if res.ranges:
            mc = res.monte_carlo(n=simulaties, seed=ctx.pilot.seed)
    elif ranges:
        raise InputError(t("pilot_kost_ranges_need", lang, file=where))
    euro = lambda x: _euro(x, lang)  # noqa: E731  (Dutch "€ 4.200", English "€4,200", as the cost model writes)
    per, what = ((cost.cost_per_pupil_reached, "pilot_kost_kf_pupil") if cost.pupils_reached else
                 (cost.cost_per_case, "pilot_kost_kf_case") if cost.cases else
                 (cost.cost_per_enrolled_pupil, "pilot_kost_kf_enrolled") if cost.pupils_enrolled else
                 (cost.annual_cost, "pilot_kost_kf_year"))
    words = t("pilot_kost_kf_words", lang, amount=euro(cost.annual_cost))
    if given.get("kosten_traject") is not None:
        words += " " + t("pilot_kost_break_even", lang, n=format_number(cost.break_even(given["kosten_traject"]), 1,
                                                                         lang))
    key = [KeyFigure(euro(per), t(what, lang), words)]
    figures, meaning = [], []
    # what the figure rests on: the pupils reached (or cases); without them a model of assumptions, not "n = 1"
    counted = int(cost.pupils_reached or cost.cases or 0)
    counted = (f"{count_text(counted, lang)} {t('pilot_n_reached' if cost.pupils_reached else 'pilot_n_cases', lang)}"
               if counted else t("pilot_kost_n_none", lang))
    if mc is not None:
        p = mc.probability_pays
        verdict = "high" if p >= 0.95 else "likely" if p >= 0.75 else "open" if p > 0.25 else "low"
        # the answer to "does it pay for itself?" comes first: a full factsheet keeps one key figure per section
        key.insert(0, KeyFigure(format_percent(p, 0, lang), t("pilot_kost_kf_prob", lang),
                                t(f"pilot_kost_prob_{verdict}", lang)))
        ax = res.plot_tornado(lang=lang)
        finding_title(ax, t(f"pilot_kost_fig_{verdict}", lang, p=format_percent(p, 0, lang)),
                      t("pilot_kost_question", lang))
        figures.append(ctx.save(ax, "04_kosten_gevoeligheid", n=counted,
                                caption=res.sentence(lang) + " " + mc.sentence(lang), on_factsheet=True, rank=6))
    else:
        ax = cost.plot(lang=lang)
        figures.append(ctx.save(ax, "04_kosten", n=counted,
                                caption=cost.sentence(lang)))
    meaning.append(res.sentence(lang) if res is not None else cost.sentence(lang))
    # --- tables: every assumption with its range and source (as the library shows them), and the outcomes
    assumptions = (res if res is not None else cost).assumptions_table(lang)
    out = cost.to_frame(lang)
    outcomes = pd.DataFrame({t("pilot_col_item", lang): out["item"], t("pilot_col_euro", lang): out["value"]})
    outcomes = outcomes[out["unit"].to_numpy() == "euro"].iloc[len([k for k in cost.inputs if INPUTS[k][2] == "euro"]):]
    tables = {"kosten_aannames": Table(assumptions, counts=(), percent=()),
              "kosten_per_leerling": Table(outcomes.reset_index(drop=True), counts=(), percent=(),
                                           decimals={t("pilot_col_euro", lang): 0})}
    notes = {"kosten_aannames": t("pilot_kost_note_assumptions", lang),
             "kosten_per_leerling": t("pilot_kost_note_outcomes", lang)}
    if res is not None:
        f = res.to_frame(lang)
        labels = {q: t(f"pilot_kost_q_{q}", lang) for q in ("avoided", "savings", "annual_cost", "net")}
        tables["kosten_opbrengst"] = Table(pd.DataFrame({t("pilot_col_item", lang): f["quantity"].map(labels),
                                                         t("pilot_col_estimate", lang): f["estimate"],
                                                         t("pilot_col_low", lang): f["lower"],
                                                         t("pilot_col_high", lang): f["upper"]}),
                                           counts=(), percent=(), decimals={t(c, lang): 0 for c in (
                                               "pilot_col_estimate", "pilot_col_low", "pilot_col_high")})
        notes["kosten_opbrengst"] = t("pilot_kost_note_impact", lang)
    if fin is not None:
        f = fin.to_frame()
        euros = (t("pilot_col_total_cost", lang), t("pilot_col_cost_per_pupil", lang))
        tables["kosten_financiering"] = Table(pd.DataFrame({
            t("pilot_col_financing", lang): f["scenario"], t("pilot_col_pupils_helped", lang): f["pupils_helped"],
            euros[0]: f["total_cost"], euros[1]: f["cost_per_pupil"]}), counts=(), percent=(),
            decimals={t("pilot_col_pupils_helped", lang): 0, euros[0]: 0, euros[1]: 0})
        notes["kosten_financiering"] = t("pilot_kost_fin_note", lang)
        meaning.append(fin.sentence(lang))
        ax = fin.plot(lang=lang)
        ax.set_title("")  # the library's title gives way to the finding, with the question under it
        finding_title(ax, fin.sentence(lang).split(";")[0], t("pilot_kost_fin_question", lang))
        figures.append(ctx.save(ax, "04_kosten_financiering", n=fin.pupils_helped, what="pilot_n_helped",
                                caption=fin.sentence(lang) + " " + t("pilots_fin_caveat", lang)))
    methods = [cost.summary(lang, trajectory_cost=given.get("kosten_traject"))]
    if res is not None:
        methods.append(res.summary(lang))
    if mc is not None:
        methods.append(mc.summary(lang))
    if fin is not None:
        methods.append(fin.summary(lang))
    # an input the reader should check (more hours per week than a full-time job) comes first
    caveats = [*cost.notes, t("pilot_kost_caveat", lang)]
    methods.extend(cost.notes)
    return Section(key="kosten", title=t("pilot_kost_title", lang), question=t("pilot_kost_question", lang),
                   key_figures=key, figures=figures, tables=tables, notes=notes, meaning=meaning, caveats=caveats,
                   methods="\n\n".join(methods), quality=[]), res if res is not None else cost


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
    order = [n for n in SECTIONS if n in pilot.analyses]  # registry order: costs can use the before/after result
    total = len(order) + 3
    sections, results = [], ctx.results
    for i, name in enumerate(order, 1):
        show(t("pilot_step", pilot.lang, i=i, n=total, step=t(f"pilot_step_{name}", pilot.lang)))
        # every count a section writes is rounded as the tables' counts are (a section with a reason may
        # switch it off for itself: _Context.exact_counts)
        with rounding_rule(pilot.rounding):
            section, result = SECTIONS[name].builder(ctx, **pilot.analyses[name])
        sections.append(section)
        results[name] = result
    i = len(pilot.analyses) + 1
    show(t("pilot_step", pilot.lang, i=i, n=total, step=t("pilot_step_tables", pilot.lang)))
    written: dict[str, Path] = {}
    tables, notes, links = {}, {}, None
    if "nulmeting" in results:  # key figures + agency table, protected together through their links
        tables, notes, links = results["nulmeting"].table_specs(prefix="01", lang=pilot.lang)
    name = lambda key: t(f"pilot_sheet_{key}", pilot.lang) if f"pilot_sheet_{key}" in MESSAGES else key  # noqa: E731
    for s in sections:  # builders name their tables in Dutch: sheet and CSV names in the report's language
        tables.update({name(k): v for k, v in s.tables.items()})
        notes.update({name(k): v for k, v in s.notes.items()})
        links = [*(links or []), *(((name(c[0]), *c[1:]), [(name(p[0]), *p[1:]) for p in parts])
                                   for c, parts in s.links)] or None
    if tables:
        written.update(export_tables(tables, rep_dir, source=pilot.source, notes=notes, threshold=pilot.threshold,
                                     rounding=pilot.rounding, min_denominator=pilot.min_denominator,
                                     links=links, lang=pilot.lang))
    show(t("pilot_step", pilot.lang, i=i + 1, n=total, step=t("pilot_step_factsheet", pilot.lang)))
    with rounding_rule(pilot.rounding):
        written.update(factsheet.write_factsheet(pilot, sections, rep_dir, pdf=pdf, docx=docx, progress=show))
        show(t("pilot_step", pilot.lang, i=i + 2, n=total, step=t("pilot_step_method", pilot.lang)))
        written["verantwoording.md"] = factsheet.write_method_note(
            pilot, sections, rep_dir,
            checksums={p.name: _sha256(p) for p in [pilot.path, *(pilot.data[k] for k in sorted(pilot.data))]},
            outputs=sorted(written), pdf_note=written.pop("_pdf_note", None))
    for s in sections:
        for f in s.figures:
            for fmt, p in f.paths.items():
                written[f"{f.name}.{fmt}"] = p
    return written
