"""Costs of a youth-worker deployment: cost per pupil reached, break-even, financing and a transparent impact model.

Answers: what does one youth worker at 20 hours a week for 42 schools and 11,000 pupils cost per pupil
reached and per case (:func:`deployment_cost`); how many avoided second-line trajectories pay for it;
how collective (group) financing compares with individual care decisions (:func:`financing_scenarios`);
and, from a before/after estimate of the change in referrals, how many trajectories and euros are
avoided, with every assumption listed, a one-way sensitivity analysis (tornado) and the Monte Carlo
probability that the deployment pays for itself (:func:`impact`).

Amounts may be given as numbers or as text the way Dutch spreadsheets write them (``"€ 4.250,50"``,
``"€ 45,-"``); :func:`parse_amount` reads them.

Examples
--------
>>> c = deployment_cost(hours_per_week=20, salary_per_month="€ 4.200", pupils_reached=180, cases=60)
>>> round(c.annual_cost)
41860
>>> round(c.break_even(trajectory_cost=8500), 1)
4.9
"""
from __future__ import annotations

import math
import re
import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats

from .errors import InputError
from .text import check_lang, format_number, format_percent, t

__all__ = ["parse_amount", "deployment_cost", "financing_scenarios", "impact", "CostResult", "FinancingResult",
           "ImpactResult", "MonteCarloResult", "INPUTS"]

#: Inputs of the impact model: name -> (Dutch label, English label, kind). ``kind`` is "euro", "hours",
#: "share" (0-1), "count" or "ratio"; it decides how a value is read and shown.
INPUTS: dict[str, tuple[str, str, str]] = {
    "hours_per_week": ("uren per week", "hours per week", "hours"),
    "salary_per_month": ("bruto maandsalaris bij voltijd", "gross monthly salary (full time)", "euro"),
    "fte_hours": ("uren van een voltijdbaan", "hours of a full-time job", "hours"),
    "employer_charges": ("werkgeverslasten (deel van het salaris)", "employer charges (share of salary)", "share"),
    "overhead": ("overhead (deel van de loonkosten)", "overhead (share of wage costs)", "share"),
    "other_costs": ("overige kosten per jaar", "other costs per year", "euro"),
    "annual_cost": ("kosten van de inzet per jaar", "annual cost of the deployment", "euro"),
    "baseline_trajectories": ("tweedelijns trajecten per jaar zonder inzet", "second-line trajectories per year "
                              "without the deployment", "count"),
    "rate_ratio": ("verhouding verwijzingen na/voor (1 = geen verandering)", "rate ratio after/before "
                   "(1 = no change)", "ratio"),
    "attribution": ("deel van de daling dat aan de inzet toe te schrijven is", "share of the fall attributable "
                    "to the deployment", "share"),
    "trajectory_cost": ("gemiddelde kosten van een tweedelijns traject", "average cost of a second-line "
                        "trajectory", "euro"),
    "individual_cost_per_pupil": ("kosten van de hulp per leerling met een beschikking", "cost of the help per pupil "
                                  "with an individual decision", "euro"),
    "decision_cost": ("kosten van de toegang per beschikking", "cost of the access procedure per decision", "euro"),
    "pupils_helped": ("geholpen leerlingen per jaar", "pupils helped per year", "count"),
}
#: Inputs that must be more than 0 (a deployment of 0 hours, or a full-time job of 0 hours, is no deployment).
_POSITIVE = ("hours_per_week", "fte_hours", "pupils_helped")
_COMPONENTS = ("hours_per_week", "salary_per_month", "fte_hours", "employer_charges", "overhead", "other_costs")


def parse_amount(value, *, name: str = "bedrag", lang: str = "nl") -> float:
    """Read an amount written as a number or Dutch text: ``"€ 1.234,50"``, ``"€ 45,-"``, ``"EUR 12.50"``.

    Dutch notation first (point for thousands, comma for decimals); a plain English decimal
    (``"12.50"``) is accepted when it cannot be Dutch. Raises :class:`InputError` naming ``name``.

    Examples
    --------
    >>> parse_amount("€ 1.234,50"), parse_amount("€ 45,-"), parse_amount(" 8500 "), parse_amount("12.50")
    (1234.5, 45.0, 8500.0, 12.5)
    """
    from .io import parse_number

    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        if not np.isfinite(value):
            raise InputError(t("pilots_bad_amount", lang, name=name, value=value))
        return float(value)
    text = re.sub(r"(?i)^\s*(€|eur(o)?)\s*|\s*(€|eur(o)?)\s*$", "", str(value)).strip()
    text = re.sub(r",-{1,2}$", "", text)
    for decimal in (",", "."):
        try:
            number = parse_number(text, decimal=decimal)
        except ValueError:
            continue
        if np.isfinite(number):
            return number
    raise InputError(t("pilots_bad_amount", lang, name=name, value=value))


def _read(name: str, value, lang: str) -> float:
    """One model input, validated for its kind (no negative hours or amounts, shares within 0-1)."""
    kind = INPUTS[name][2]
    x = parse_amount(value, name=name, lang=lang)
    positive = name in _POSITIVE
    if x < 0 or (kind == "share" and x > 1) or (kind in ("ratio",) and x <= 0) or (positive and x <= 0):
        allowed = {"share": "een aandeel tussen 0 en 1", "ratio": "een verhouding groter dan 0"}.get(
            kind, "meer dan 0" if positive else "0 of meer")
        raise InputError(t("pilots_bad_input_value", lang, name=name, label=INPUTS[name][0], value=value,
                           allowed=allowed))
    return x


def _annual_cost(v: dict) -> np.ndarray:
    """Wage cost (salary x 12 x part-time factor x (1 + charges) x (1 + overhead)) plus other costs; vectorized."""
    if "annual_cost" in v:
        return np.asarray(v["annual_cost"], dtype=float)
    return (v["salary_per_month"] * 12 * v["hours_per_week"] / v["fte_hours"] * (1 + v["employer_charges"])
            * (1 + v["overhead"]) + v["other_costs"])


#: Dutch writes "€ 4.200", English "€4,200" (no space after the sign)
_EURO = {"nl": "€ ", "en": "€"}


def _show(x: float, kind: str, lang: str) -> str:
    """An input value for people, by its kind, as it was given: euro (with cents only when it has them),
    percentage, ratio (2 decimals) or number (whole numbers without ",0"); empty when missing.

    Examples
    --------
    >>> _show(4200.5, "euro", "nl"), _show(8500, "euro", "nl"), _show(0.3, "share", "nl"), _show(22.5, "hours", "nl")
    ('€ 4.200,50', '€ 8.500', '30%', '22,5')
    """
    if x is None or not np.isfinite(x):
        return ""
    x = float(x)
    if kind == "euro":
        return _EURO[lang] + format_number(x, 0 if x.is_integer() else 2, lang)
    if kind == "share":
        return format_percent(x, 0, lang)
    return format_number(x, 2 if kind == "ratio" else 0 if x.is_integer() else 1, lang)


def _sources(inputs: dict, lang: str) -> dict:
    """Where every input comes from: the package's default value or given by the user."""
    out = {k: t("pilots_source_user", lang) for k in inputs}
    for k, default in (("fte_hours", 36.0), ("employer_charges", 0.30), ("overhead", 0.15), ("attribution", 1.0)):
        if k in inputs and inputs[k] == default:
            out[k] = t("pilots_source_default", lang)
    return out


def _assumptions(inputs: dict, ranges: dict, sources: dict, lang: str) -> pd.DataFrame:
    """Every input: ``name, label, value, low, high, source``."""
    check_lang(lang)
    rows = [{"name": k, "label": INPUTS[k][0 if lang == "nl" else 1], "value": v,
             "low": ranges.get(k, (np.nan, np.nan))[0], "high": ranges.get(k, (np.nan, np.nan))[1],
             "source": sources.get(k, "")} for k, v in inputs.items()]
    return pd.DataFrame(rows, columns=["name", "label", "value", "low", "high", "source"])


def _assumptions_table(a: pd.DataFrame, lang: str) -> pd.DataFrame:
    """An assumptions frame (:func:`_assumptions`) as people read it, with Dutch headers: the one way to show it."""
    def show(col):
        return [_show(x, INPUTS[n][2], lang) for n, x in zip(a["name"], a[col])]

    return pd.DataFrame({t("pilot_col_assumption", lang): a["label"].tolist(), t("pilot_col_value", lang): show("value"),
                         t("pilot_col_low", lang): show("low"), t("pilot_col_high", lang): show("high"),
                         t("pilot_col_source", lang): a["source"].tolist()})


def _plain(x: float, lang: str) -> str:
    """A model input as people write it (8.500, 0,8): whole numbers without decimals, others with up to 3."""
    x = float(x)
    return format_number(x, 0, lang) if x.is_integer() else format_number(x, 3, lang).rstrip("0")


def _euro(x: float, lang: str) -> str:
    if x is None or not np.isfinite(x):
        return "–"
    return ("−" if x < 0 else "") + _EURO[lang] + format_number(abs(x), 2 if 0 < abs(x) < 10 else 0, lang)


@dataclass(frozen=True)
class CostResult:
    """Annual cost of a deployment and cost per pupil reached, per case, per enrolled pupil and per school."""

    inputs: dict
    annual_cost: float
    pupils_reached: float | None = None
    cases: float | None = None
    pupils_enrolled: float | None = None
    schools: float | None = None
    #: Warnings about the inputs for the reader (e.g. more hours per week than a full-time job), in ``lang``.
    notes: tuple = ()

    def _per(self, n):
        return self.annual_cost / n if n else float("nan")

    @property
    def cost_per_pupil_reached(self) -> float:
        return self._per(self.pupils_reached)

    @property
    def cost_per_case(self) -> float:
        return self._per(self.cases)

    @property
    def cost_per_enrolled_pupil(self) -> float:
        return self._per(self.pupils_enrolled)

    @property
    def cost_per_school(self) -> float:
        return self._per(self.schools)

    def break_even(self, trajectory_cost) -> float:
        """Number of avoided second-line trajectories per year whose cost equals the annual cost."""
        cost = _read("trajectory_cost", trajectory_cost, "nl")
        if cost == 0:
            raise InputError(t("pilots_bad_input_value", name="trajectory_cost", label=INPUTS["trajectory_cost"][0],
                               value=trajectory_cost, allowed="meer dan 0"))
        return self.annual_cost / cost

    def assumptions(self, lang: str = "nl") -> pd.DataFrame:
        """Every input: ``name, label, value, low, high, source`` (no ranges: see :func:`impact` for those)."""
        return _assumptions(self.inputs, {}, _sources(self.inputs, lang), lang)

    def assumptions_table(self, lang: str = "nl") -> pd.DataFrame:
        """:meth:`assumptions` as people read it (see :meth:`ImpactResult.assumptions_table`).

        Examples
        --------
        >>> c = deployment_cost(hours_per_week=20, salary_per_month="€ 4.200,50")
        >>> c.assumptions_table().iloc[:2, [1, 4]].values.tolist()
        [['20', 'invoer gebruiker'], ['€ 4.200,50', 'invoer gebruiker']]
        """
        return _assumptions_table(self.assumptions(lang), lang)

    def to_frame(self, lang: str = "nl") -> pd.DataFrame:
        """Tidy table: ``item, value, unit`` — the inputs, the annual cost and every cost per unit."""
        check_lang(lang)
        nl = lang == "nl"
        rows = [(INPUTS[k][0 if nl else 1], v, INPUTS[k][2]) for k, v in self.inputs.items()]
        rows.append(("kosten per jaar" if nl else "annual cost", self.annual_cost, "euro"))
        for n, label_nl, label_en, per in (
                (self.pupils_reached, "per bereikte leerling", "per pupil reached", self.cost_per_pupil_reached),
                (self.cases, "per casus", "per case", self.cost_per_case),
                (self.pupils_enrolled, "per ingeschreven leerling", "per enrolled pupil", self.cost_per_enrolled_pupil),
                (self.schools, "per school", "per school", self.cost_per_school)):
            if n:
                rows.append(((label_nl if nl else label_en), per, "euro"))
        return pd.DataFrame(rows, columns=["item", "value", "unit"])

    def sentence(self, lang: str = "nl") -> str:
        """'De inzet kost € 41.857 per jaar: € 233 per bereikte leerling en € 698 per casus.'"""
        check_lang(lang)
        parts = [t("pilots_cost_per", lang, amount=_euro(v, lang), what=w) for v, w in (
            (self.cost_per_pupil_reached, "per bereikte leerling" if lang == "nl" else "per pupil reached"),
            (self.cost_per_case, "per casus" if lang == "nl" else "per case"),
            (self.cost_per_enrolled_pupil, "per ingeschreven leerling" if lang == "nl" else "per enrolled pupil"))
            if np.isfinite(v)]
        joined = ", ".join(parts)
        return t("pilots_cost_sentence", lang, amount=_euro(self.annual_cost, lang), parts=joined).replace(": .", ".")

    def summary(self, lang: str = "nl", trajectory_cost=None) -> str:
        """Sentence, how the annual cost is built up and (given ``trajectory_cost``) the break-even number."""
        check_lang(lang)
        lines = [self.sentence(lang)]
        if "annual_cost" not in self.inputs:
            i = self.inputs
            lines.append(t("pilots_cost_build", lang, salary=_show(i["salary_per_month"], "euro", lang),
                           hours=format_number(i["hours_per_week"], 0, lang),
                           fte=format_number(i["fte_hours"], 0, lang),
                           charges=format_percent(i["employer_charges"], 0, lang),
                           overhead=format_percent(i["overhead"], 0, lang), other=_show(i["other_costs"], "euro", lang)))
        if trajectory_cost is not None:
            lines.append(t("pilots_break_even", lang, n=format_number(self.break_even(trajectory_cost), 1, lang),
                           cost=_euro(parse_amount(trajectory_cost), lang)))
        return "\n".join(lines)

    def plot(self, ax=None, lang: str = "nl"):
        """Bars: cost per pupil reached, per case, per enrolled pupil and per school; returns the Axes."""
        import matplotlib.pyplot as plt

        from .plots import PALETTE, format_axis, house_style

        check_lang(lang)
        frame = self.to_frame(lang).iloc[len(self.inputs) + 1:]
        with house_style():
            if ax is None:
                _, ax = plt.subplots(figsize=(8.0, 1.4 + 0.6 * max(len(frame), 1)))
            y = np.arange(len(frame))[::-1]
            ax.barh(y, frame["value"], color=PALETTE[0], height=0.6)
            for yy, v in zip(y, frame["value"]):
                ax.annotate(_euro(v, lang), (v, yy), xytext=(3, 0), textcoords="offset points", va="center",
                            fontsize=9)
            ax.set_yticks(y, frame["item"])
            ax.grid(axis="y", visible=False)
            ax.grid(axis="x", visible=True)
            format_axis(ax, "x", lang=lang)
            ax.set_xlabel("euro per jaar" if lang == "nl" else "euro per year")
            ax.set_title(t("pilots_cost_title", lang, amount=_euro(self.annual_cost, lang)))
        return ax


def deployment_cost(*, hours_per_week=None, salary_per_month=None, fte_hours=36.0, employer_charges=0.30,
                    overhead=0.15, other_costs=0.0, annual_cost=None, pupils_reached=None, cases=None,
                    pupils_enrolled=None, schools=None, lang: str = "nl") -> CostResult:
    """Annual cost of a youth worker deployment and cost per pupil reached / per case.

    Parameters
    ----------
    hours_per_week : float
        Contract hours of the deployment per week (e.g. 20); more than 0. More than ``fte_hours`` is accepted
        with a :class:`UserWarning` (the same Dutch text is in ``CostResult.notes``): it is often a number of
        hours per month or per year.
    salary_per_month : float or str
        Gross monthly salary at full time from the salary scale (e.g. CAO Sociaal Werk scale 8).
    fte_hours : float, default 36
        Hours of a full-time job in the collective agreement.
    employer_charges : float, default 0.30
        Employer charges on top of the gross salary (holiday pay, year-end bonus, pension, premiums), as a
        share of the salary. An assumption: take the employer's own figure when known.
    overhead : float, default 0.15
        Organisation overhead (management, supervision, travel, office) as a share of wage costs.
    other_costs : float or str, default 0
        Other costs per year (training, materials).
    annual_cost : float or str, optional
        The annual cost directly, instead of the five inputs above.
    pupils_reached, cases, pupils_enrolled, schools : int, optional
        Denominators for cost per pupil reached, per case (e.g. pupils with a care plan), per enrolled pupil
        and per school.

    Returns
    -------
    CostResult

    Notes
    -----
    ``annual cost = salary × 12 × hours / fte_hours × (1 + employer_charges) × (1 + overhead) + other_costs``.

    Examples
    --------
    >>> c = deployment_cost(annual_cost="€ 50.000", pupils_enrolled=11000, schools=42)
    >>> round(c.cost_per_enrolled_pupil, 2), round(c.cost_per_school)
    (4.55, 1190)
    """
    check_lang(lang)
    if annual_cost is not None:
        inputs = {"annual_cost": _read("annual_cost", annual_cost, lang)}
    else:
        if hours_per_week is None or salary_per_month is None:
            raise InputError(t("pilots_cost_need", lang))
        inputs = {k: _read(k, v, lang) for k, v in zip(_COMPONENTS, (hours_per_week, salary_per_month, fte_hours,
                                                                     employer_charges, overhead, other_costs))}
    counts = {}
    labels = {"pupils_reached": ("bereikte leerlingen", "pupils reached"), "cases": ("casussen", "cases"),
              "pupils_enrolled": ("leerlingen in totaal", "pupils enrolled"), "schools": ("scholen", "schools")}
    for name, v in (("pupils_reached", pupils_reached), ("cases", cases), ("pupils_enrolled", pupils_enrolled),
                    ("schools", schools)):
        if v is not None:
            x = parse_amount(v, name=name, lang=lang)
            if x < 0 or not float(x).is_integer():  # a number of pupils, cases or schools: whole and not negative
                raise InputError(t("pilots_bad_input_value", lang, name=name, label=labels[name][lang == "en"],
                                   value=v, allowed=t("pilots_whole_count", lang)))
            counts[name] = x
    notes = []
    if "hours_per_week" in inputs and inputs["hours_per_week"] > inputs["fte_hours"]:
        # possible (overtime, two people on one budget) but more often hours per month or per year: say so
        notes.append(t("pilots_cost_above_fte", lang, hours=_plain(inputs["hours_per_week"], lang),
                       fte=_plain(inputs["fte_hours"], lang)))
        warnings.warn(notes[-1], UserWarning, stacklevel=2)
    return CostResult(inputs, float(_annual_cost(inputs)), **counts, notes=tuple(notes))


@dataclass(frozen=True)
class FinancingResult:
    """Collective versus individual financing for the same number of pupils helped; see :func:`financing_scenarios`."""

    table: pd.DataFrame
    pupils_helped: float
    break_even_pupils: float

    def to_frame(self) -> pd.DataFrame:
        """One row per scenario: ``scenario, pupils_helped, total_cost, cost_per_pupil``."""
        return self.table.copy()

    def sentence(self, lang: str = "nl") -> str:
        check_lang(lang)
        c, i = self.table["total_cost"]
        key = "pilots_fin_cheaper" if c < i else "pilots_fin_dearer"
        # "cheaper from n pupils": the first whole number above the break-even (33,5 → 34; at exactly 36 both cost
        # the same, so 37), not the break-even rounded (33 pupils would still be cheaper individually)
        be = self.break_even_pupils
        first = math.floor(be) + 1 if np.isfinite(be) else be
        return t(key, lang, n=format_number(self.pupils_helped, 0, lang), diff=_euro(abs(i - c), lang),
                 be=format_number(first, 0, lang))

    def summary(self, lang: str = "nl") -> str:
        check_lang(lang)
        lines = [self.sentence(lang)]
        for r in self.table.itertuples(index=False):
            lines.append(f"- {r.scenario}: {_euro(r.total_cost, lang)} ({_euro(r.cost_per_pupil, lang)} "
                         f"{'per leerling' if lang == 'nl' else 'per pupil'})")
        lines.append(t("pilots_fin_caveat", lang))
        return "\n".join(lines)

    def plot(self, ax=None, lang: str = "nl"):
        """Total cost per scenario as bars; returns the Axes."""
        import matplotlib.pyplot as plt

        from .plots import PALETTE, format_axis, house_style

        check_lang(lang)
        with house_style():
            if ax is None:
                _, ax = plt.subplots(figsize=(8.0, 2.6))
            y = np.arange(len(self.table))[::-1]
            ax.barh(y, self.table["total_cost"], color=PALETTE[:len(self.table)], height=0.6)
            for yy, v in zip(y, self.table["total_cost"]):
                ax.annotate(_euro(v, lang), (v, yy), xytext=(3, 0), textcoords="offset points", va="center", fontsize=9)
            ax.set_yticks(y, self.table["scenario"])
            ax.grid(axis="y", visible=False)
            ax.grid(axis="x", visible=True)
            format_axis(ax, "x", lang=lang)
            ax.set_xlabel("euro per jaar" if lang == "nl" else "euro per year")
            ax.set_title(self.sentence(lang).split(";")[0], fontsize=11)
        return ax


def financing_scenarios(*, collective_cost, pupils_helped, individual_cost_per_pupil, decision_cost=0.0,
                        lang: str = "nl") -> FinancingResult:
    """Compare collective (group) financing with individual care decisions for the same pupils helped.

    Parameters
    ----------
    collective_cost : float, str or CostResult
        Annual cost of the collective arrangement (e.g. the youth worker: ``deployment_cost(...)``).
    pupils_helped : int
        Pupils helped per year within the collective arrangement.
    individual_cost_per_pupil : float or str
        Average cost of the help per pupil when arranged individually (a light ambulant trajectory).
    decision_cost : float or str, default 0
        Cost of the access procedure per individual decision (assessment, beschikking, administration).

    Returns
    -------
    FinancingResult
        ``break_even_pupils``: pupils helped per year from which collective financing is cheaper.

    Examples
    --------
    >>> f = financing_scenarios(collective_cost=45000, pupils_helped=60, individual_cost_per_pupil=900,
    ...                         decision_cost="€ 350")
    >>> f.table["total_cost"].tolist(), f.break_even_pupils
    ([45000.0, 75000.0], 36.0)
    """
    check_lang(lang)
    cost = collective_cost.annual_cost if isinstance(collective_cost, CostResult) else _read(
        "annual_cost", collective_cost, lang)
    n = _read("pupils_helped", pupils_helped, lang)
    per = _read("individual_cost_per_pupil", individual_cost_per_pupil, lang) + _read("decision_cost", decision_cost,
                                                                                       lang)
    nl = lang == "nl"
    table = pd.DataFrame({"scenario": ["collectief (vast budget)" if nl else "collective (fixed budget)",
                                       "individueel (per beschikking)" if nl else "individual (per decision)"],
                          "pupils_helped": [n, n], "total_cost": [cost, n * per], "cost_per_pupil": [cost / n, per]})
    return FinancingResult(table, n, cost / per if per > 0 else float("inf"))


@dataclass(frozen=True)
class MonteCarloResult:
    """Monte Carlo draws of the net yearly result; see :meth:`ImpactResult.monte_carlo`."""

    net: np.ndarray = field(repr=False)
    probability_pays: float
    n_draws: int
    seed: int | None
    distributions: pd.DataFrame

    def quantiles(self, q=(0.05, 0.5, 0.95)) -> pd.Series:
        return pd.Series(np.quantile(self.net, q), index=list(q))

    def to_frame(self) -> pd.DataFrame:
        q = self.quantiles()
        return pd.DataFrame([{"n_draws": self.n_draws, "seed": self.seed, "probability_pays": self.probability_pays,
                              "net_p05": q[0.05], "net_median": q[0.5], "net_p95": q[0.95]}])

    def sentence(self, lang: str = "nl") -> str:
        check_lang(lang)
        q = self.quantiles()
        return t("pilots_mc", lang, p=format_percent(self.probability_pays, 0, lang), lo=_euro(q[0.05], lang),
                 hi=_euro(q[0.95], lang), n=format_number(self.n_draws, 0, lang))

    def summary(self, lang: str = "nl") -> str:
        return "\n".join([self.sentence(lang), t("pilots_mc_method", lang)])

    def plot(self, ax=None, lang: str = "nl"):
        """Histogram of the net yearly result, break-even at 0 marked; returns the Axes."""
        import matplotlib.pyplot as plt

        from .plots import GREY, PALETTE, format_axis, house_style

        check_lang(lang)
        with house_style():
            if ax is None:
                _, ax = plt.subplots()
            bins = np.histogram_bin_edges(self.net, bins=50)
            ax.hist(self.net[self.net < 0], bins=bins, color=PALETTE[5], alpha=0.8,
                    label="verdient zich niet terug" if lang == "nl" else "does not pay for itself")
            ax.hist(self.net[self.net >= 0], bins=bins, color=PALETTE[2], alpha=0.8,
                    label="verdient zich terug" if lang == "nl" else "pays for itself")
            ax.axvline(0, color=GREY, linestyle="--", linewidth=1)
            ax.set_yticks([])
            format_axis(ax, "x", lang=lang)
            ax.set_xlabel(t("pilots_net_label", lang))
            ax.legend(loc="upper left")
            ax.set_title(self.sentence(lang).split(" (")[0], fontsize=11)
        return ax


@dataclass(frozen=True)
class ImpactResult:
    """Impact model from a change in second-line trajectories to euros; see :func:`impact`.

    ``inputs`` maps every model input to its base value, ``ranges`` to its (low, high) range and
    ``sources`` to where the value comes from.
    """

    inputs: dict
    ranges: dict
    sources: dict
    level: float = 0.95

    def _evaluate(self, values: dict) -> dict:
        cost = _annual_cost(values)
        avoided = values["baseline_trajectories"] * (1 - values["rate_ratio"]) * values["attribution"]
        savings = avoided * values["trajectory_cost"]
        return {"annual_cost": cost, "avoided": avoided, "savings": savings, "net": savings - cost}

    @property
    def base(self) -> dict:
        """Annual cost, avoided trajectories, avoided costs and net result at the base values."""
        return {k: float(v) for k, v in self._evaluate(self.inputs).items()}

    @property
    def break_even_trajectories(self) -> float:
        """Avoided trajectories per year needed to pay for the deployment."""
        return self.base["annual_cost"] / self.inputs["trajectory_cost"]

    @property
    def break_even_rate_ratio(self) -> float:
        """Rate ratio at which avoided costs equal the annual cost (lower ratios pay for themselves)."""
        i = self.inputs
        return 1 - self.base["annual_cost"] / (i["baseline_trajectories"] * i["attribution"] * i["trajectory_cost"])

    def assumptions(self, lang: str = "nl") -> pd.DataFrame:
        """Every input: ``name, label, value, low, high, source`` — the list to show beside any result."""
        return _assumptions(self.inputs, self.ranges, self.sources, lang)

    def assumptions_table(self, lang: str = "nl") -> pd.DataFrame:
        """:meth:`assumptions` as people read it: labelled, euro and percentages written out, ranges, source.

        Amounts are shown as given (cents only when they have them), whole numbers without ",0".

        Examples
        --------
        >>> r = impact(deployment="€ 40.000", baseline_trajectories=60, rate_ratio=0.8,
        ...            trajectory_cost="€ 8.500,50", ranges={"attribution": (0.5, 1)})
        >>> print(r.assumptions_table().iloc[:, :4].to_string(index=False))  # doctest: +NORMALIZE_WHITESPACE
                                                        aanname     waarde laag hoog
                                   kosten van de inzet per jaar   € 40.000
                    tweedelijns trajecten per jaar zonder inzet         60
         verhouding verwijzingen na/voor (1 = geen verandering)       0,80
        deel van de daling dat aan de inzet toe te schrijven is       100%  50% 100%
                  gemiddelde kosten van een tweedelijns traject € 8.500,50
        """
        return _assumptions_table(self.assumptions(lang), lang)

    def interval(self) -> pd.DataFrame:
        """Avoided trajectories, avoided costs and net result at the base and at the two rate-ratio bounds."""
        lo, hi = self.ranges.get("rate_ratio", (self.inputs["rate_ratio"],) * 2)
        rows = []
        for which, rr in (("estimate", self.inputs["rate_ratio"]), ("rate_ratio_low", lo), ("rate_ratio_high", hi)):
            rows.append({"scenario": which, "rate_ratio": rr,
                         **{k: float(v) for k, v in self._evaluate({**self.inputs, "rate_ratio": rr}).items()}})
        return pd.DataFrame(rows)

    def to_frame(self, lang: str = "nl") -> pd.DataFrame:
        """Outcomes (tidy): ``quantity, estimate, lower, upper`` with lower/upper from the rate-ratio interval."""
        iv = self.interval().set_index("scenario")
        rows = []
        for q in ("avoided", "savings", "annual_cost", "net"):
            a, b = iv.loc["rate_ratio_low", q], iv.loc["rate_ratio_high", q]
            rows.append({"quantity": q, "estimate": iv.loc["estimate", q], "lower": min(a, b), "upper": max(a, b)})
        return pd.DataFrame(rows)

    def sentence(self, lang: str = "nl") -> str:
        check_lang(lang)
        b, f = self.base, self.to_frame().set_index("quantity")
        low, high = f.loc["net", "lower"], f.loc["net", "upper"]
        # wording follows the evidence: when the net result's range (from the effect's interval) crosses
        # zero, the deployment may or may not pay for itself, and the sentence says so
        key = ("pilots_impact_uncertain" if low < 0 < high else
               "pilots_impact_pays" if b["net"] >= 0 else "pilots_impact_not_pays")
        return t(key, lang, avoided=format_number(b["avoided"], 1, lang),
                 lo=format_number(f.loc["avoided", "lower"], 1, lang),
                 hi=format_number(f.loc["avoided", "upper"], 1, lang),
                 savings=_euro(b["savings"], lang), cost=_euro(b["annual_cost"], lang), net=_euro(abs(b["net"]), lang),
                 net_signed=_euro(b["net"], lang), net_lo=_euro(low, lang), net_hi=_euro(high, lang))

    def summary(self, lang: str = "nl") -> str:
        """The sentence, the break-even points and every assumption with its source."""
        check_lang(lang)
        lines = [self.sentence(lang),
                 t("pilots_impact_break_even", lang, n=format_number(self.break_even_trajectories, 1, lang),
                   rr=format_number(self.break_even_rate_ratio, 2, lang)),
                 t("pilots_impact_assumptions", lang)]
        for r in self.assumptions(lang).itertuples(index=False):
            kind = INPUTS[r.name][2]
            rng = "" if np.isnan(r.low) else f" ({_show(r.low, kind, lang)} – {_show(r.high, kind, lang)})"
            lines.append(f"- {r.label}: {_show(r.value, kind, lang)}{rng}; {r.source}")
        lines.append(t("pilots_impact_caveat", lang))
        return "\n".join(lines)

    def tornado(self) -> pd.DataFrame:
        """One-way sensitivity: the net result with each ranged input at its low and high value, others at base.

        Columns ``name, low, high, net_low, net_high, swing``, largest swing first.
        """
        base = self.base["net"]
        rows = []
        for k, (lo, hi) in self.ranges.items():
            nl_, nh = (float(self._evaluate({**self.inputs, k: v})["net"]) for v in (lo, hi))
            rows.append({"name": k, "low": lo, "high": hi, "net_low": nl_, "net_high": nh, "swing": abs(nh - nl_)})
        out = pd.DataFrame(rows, columns=["name", "low", "high", "net_low", "net_high", "swing"])
        return out.sort_values("swing", ascending=False, kind="stable").reset_index(drop=True).assign(net_base=base)

    def plot_tornado(self, ax=None, lang: str = "nl"):
        """Tornado figure of :meth:`tornado`: bars from the net result at each input's low to its high value."""
        import matplotlib.pyplot as plt

        from .plots import GREY, PALETTE, format_axis, house_style

        check_lang(lang)
        tab = self.tornado()
        if tab.empty:
            raise InputError(t("pilots_no_ranges", lang))
        base = self.base["net"]
        with house_style():
            if ax is None:
                _, ax = plt.subplots(figsize=(8.0, 1.6 + 0.55 * len(tab)))
            y = np.arange(len(tab))[::-1]
            for yy, r in zip(y, tab.itertuples(index=False)):
                ax.barh(yy, r.net_low - base, left=base, color=PALETTE[5], height=0.6)
                ax.barh(yy, r.net_high - base, left=base, color=PALETTE[0], height=0.6)
            ax.axvline(base, color="black", linewidth=1)
            ax.axvline(0, color=GREY, linestyle="--", linewidth=1)
            ax.set_yticks(y, [INPUTS[n][0 if lang == "nl" else 1] for n in tab["name"]])
            ax.grid(axis="y", visible=False)
            ax.grid(axis="x", visible=True)
            format_axis(ax, "x", lang=lang)
            ax.set_xlabel(t("pilots_net_label", lang))
            from matplotlib.patches import Patch

            ax.legend(handles=[Patch(color=PALETTE[5], label="laagste waarde" if lang == "nl" else "low value"),
                               Patch(color=PALETTE[0], label="hoogste waarde" if lang == "nl" else "high value")],
                      loc="lower right")
            ax.set_title(t("pilots_tornado_title", lang, name=INPUTS[tab["name"].iloc[0]][0 if lang == "nl" else 1]),
                         fontsize=11)
        return ax

    def monte_carlo(self, n: int = 10_000, seed: int | None = 2024) -> MonteCarloResult:
        """Probability that the deployment pays for itself, drawing every ranged input at once.

        The rate ratio is drawn log-normally so that its interval is the ``level`` interval of the
        draws (as a before/after estimate on the log scale); every other ranged input from a
        triangular distribution (low, base, high). Vectorized numpy draws, seeded.
        """
        n = int(n)
        if n < 100:
            raise InputError(t("bad_option", value=n, param="n", allowed="minstens 100 trekkingen"))
        rng = np.random.default_rng(seed)
        z = stats.norm.ppf((1 + self.level) / 2)
        values, rows = dict(self.inputs), []
        for k, (lo, hi) in self.ranges.items():
            base = self.inputs[k]
            if k == "rate_ratio":
                sd = (np.log(hi) - np.log(lo)) / (2 * z)
                values[k] = np.exp(rng.normal(np.log(base), sd, n))
                rows.append({"name": k, "distribution": "lognormaal", "low": lo, "base": base, "high": hi})
            elif hi > lo:
                values[k] = rng.triangular(lo, base, hi, n)
                rows.append({"name": k, "distribution": "driehoek", "low": lo, "base": base, "high": hi})
        net = np.asarray(self._evaluate(values)["net"], dtype=float) * np.ones(n)
        return MonteCarloResult(net, float(np.mean(net > 0)), n, seed, pd.DataFrame(rows))

    def plot(self, ax=None, lang: str = "nl"):
        """Annual cost against avoided costs (with the rate-ratio interval); returns the Axes."""
        import matplotlib.pyplot as plt

        from .plots import PALETTE, format_axis, house_style

        check_lang(lang)
        f = self.to_frame().set_index("quantity")
        nl = lang == "nl"
        with house_style():
            if ax is None:
                _, ax = plt.subplots(figsize=(8.0, 2.8))
            ax.barh([1], [f.loc["annual_cost", "estimate"]], color=PALETTE[5], height=0.6)
            s = f.loc["savings"]
            ax.barh([0], [s["estimate"]], color=PALETTE[2], height=0.6,
                    xerr=[[s["estimate"] - s["lower"]], [s["upper"] - s["estimate"]]], capsize=6)
            ax.set_yticks([1, 0], ["kosten van de inzet" if nl else "cost of the deployment",
                                   "vermeden kosten" if nl else "avoided costs"])
            ax.grid(axis="y", visible=False)
            ax.grid(axis="x", visible=True)
            format_axis(ax, "x", lang=lang)
            ax.set_xlabel("euro per jaar" if nl else "euro per year")
            ax.set_title(self.sentence(lang).split(";")[0], fontsize=11)
        return ax


def impact(*, deployment, baseline_trajectories, rate_ratio, trajectory_cost, attribution=1.0, rate_ratio_ci=None,
           ranges: dict | None = None, sources: dict | None = None, level: float = 0.95,
           lang: str = "nl") -> ImpactResult:
    """Transparent impact model: from a change in referrals to avoided trajectories and euros.

    Parameters
    ----------
    deployment : CostResult, float or str
        The deployment (:func:`deployment_cost`) or its annual cost.
    baseline_trajectories : float
        Second-line trajectories per year in the area reached, without the deployment (e.g. the year before).
    rate_ratio : float or result
        Rate ratio after/before (0.75 = 25% fewer referrals), or a result with ``.ratio`` and ``.ratio_ci``
        such as :func:`evaluatie.did.panel_did`; its interval then becomes the range of the rate ratio.
    trajectory_cost : float or str
        Average cost of one second-line trajectory.
    attribution : float, default 1.0
        Share of the fall in referrals attributed to the deployment (1 = all of it; lower when other
        changes happened at the same time).
    rate_ratio_ci : (low, high), optional
        Interval of the rate ratio when ``rate_ratio`` is a number.
    ranges : dict, optional
        ``{input name: (low, high)}`` for any other input (names in :data:`INPUTS`), e.g.
        ``{"trajectory_cost": (6000, 12000), "attribution": (0.5, 1.0)}``.
    sources : dict, optional
        ``{input name: where the value comes from}``; shown in the list of assumptions.
    level : float
        Level of the rate-ratio interval (used to translate it into a distribution).

    Returns
    -------
    ImpactResult

    Notes
    -----
    ``avoided = baseline_trajectories × (1 − rate_ratio) × attribution``; ``avoided costs = avoided ×
    trajectory_cost``; ``net = avoided costs − annual cost``. The model is deliberately simple, so that
    every step can be checked; it ignores costs shifted to first-line care and effects after one year.

    Examples
    --------
    >>> r = impact(deployment=40000, baseline_trajectories=60, rate_ratio=0.8, rate_ratio_ci=(0.6, 1.05),
    ...            trajectory_cost="€ 8.500")
    >>> round(r.base["avoided"], 1), round(r.base["net"])
    (12.0, 62000)
    """
    check_lang(lang)
    if hasattr(rate_ratio, "ratio") and hasattr(rate_ratio, "ratio_ci"):
        rate_ratio_ci = tuple(rate_ratio.ratio_ci)
        # the method in words, never the class name ("DidResult") in a table for policy makers
        method = {"DidResult": "pilots_source_did", "EventStudy": "pilots_source_es"}.get(
            type(rate_ratio).__name__, "pilots_source_other")
        source_rr = t("pilots_source_effect", lang, name=t(method, lang))
        rate_ratio = rate_ratio.ratio
    else:
        source_rr = t("pilots_source_user", lang)
    if isinstance(deployment, CostResult):
        inputs = dict(deployment.inputs)
    else:
        inputs = {"annual_cost": _read("annual_cost", deployment, lang)}
    inputs.update({"baseline_trajectories": _read("baseline_trajectories", baseline_trajectories, lang),
                   "rate_ratio": _read("rate_ratio", rate_ratio, lang),
                   "attribution": _read("attribution", attribution, lang),
                   "trajectory_cost": _read("trajectory_cost", trajectory_cost, lang)})
    given = dict(ranges or {})
    if rate_ratio_ci is not None:
        if "rate_ratio" in given:
            raise InputError(t("pilots_rr_twice", lang))
        given["rate_ratio"] = tuple(rate_ratio_ci)
    clean = {}
    for k, rng in given.items():
        if k not in inputs:
            raise InputError(t("bad_option", lang, value=k, param="ranges", allowed=", ".join(inputs)))
        try:
            lo, hi = rng
        except (TypeError, ValueError):
            raise InputError(t("pilots_bad_range", lang, name=k, value=rng, base=_plain(inputs[k], lang))) from None
        lo, hi = _read(k, lo, lang), _read(k, hi, lang)
        if not lo <= inputs[k] <= hi:
            raise InputError(t("pilots_bad_range", lang, name=k, value=rng, base=_plain(inputs[k], lang)))
        clean[k] = (lo, hi)
    default_source = _sources(inputs, lang)
    default_source["rate_ratio"] = source_rr
    unknown = set(sources or {}) - set(inputs)
    if unknown:
        raise InputError(t("bad_option", lang, value=sorted(unknown)[0], param="sources", allowed=", ".join(inputs)))
    default_source.update(sources or {})
    if not 0 < level < 1:
        raise InputError(t("bad_option", lang, value=level, param="level", allowed="een getal tussen 0 en 1"))
    return ImpactResult(inputs, clean, default_source, level)
