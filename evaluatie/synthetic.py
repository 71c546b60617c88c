"""Synthetic data with a known truth, one generator per canonical table.

Every generator takes ``seed`` and returns ``(DataFrame, truth)`` where ``truth`` is a dict
documenting the parameters (e.g. the true rate ratio), so that estimators can be checked
against it. :func:`write_example_files` writes the example data in ``data_raw/voorbeeld/`` in a
Dutch dialect (semicolons, Dutch headers and dates, an Excel title block); the files are
byte-for-byte reproducible.

All data here is SYNTHETIC: generated, not observed.

Examples
--------
>>> df, truth = dossier(seed=1)
>>> truth["n_pupils"], df["pupil"].nunique()
(160, 160)
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import InputError
from .text import check_lang, t as msg

__all__ = ["dossier", "panel", "series", "referrals", "survey", "survey_codebook", "fragments", "trajectories",
           "small_class", "procedures", "write_example_files", "AGENCIES"]

#: Agencies of the synthetic region: (canonical name, type, spelling variants found in files).
AGENCIES: list[tuple[str, str, tuple[str, ...]]] = [
    ("Wijkteam", "wijkteam/CJG", ("wijkteam", "Wijkteam Noord", "buurtteam")),
    ("Accare", "jeugd-GGZ", ("accare kinder- en jeugdpsychiatrie", "Accare Zwolle", "ACCARE")),
    ("Logopediepraktijk De Klank", "eerstelijn", ("logopedie De Klank", "Logopedie de klank")),
    ("JGZ GGD", "medisch", ("JGZ", "GGD jeugdgezondheidszorg", "jeugdarts GGD")),
    ("Vitree", "jeugdzorg", ("Vitree (ambulant)", "vitree")),
    ("Karakter", "jeugd-GGZ", ("Karakter kinder- en jeugdpsychiatrie", "karakter")),
    ("Kinderfysiotherapie Beweeg", "eerstelijn", ("fysio Beweeg", "kinderfysio")),
    ("Ambulante dienst SWV", "onderwijsondersteuning", ("ambulant begeleider SWV", "AB SWV")),
    ("Kinderarts ziekenhuis", "medisch", ("kinderarts", "Kinderarts ZH")),
    ("Jeugdbescherming", "jeugdzorg", ("Jeugdbescherming Noord", "jeugdbescherming")),
    ("Dyslexiecentrum", "onderwijsondersteuning", ("dyslexie centrum", "Dyslexie Centrum Noord")),
    ("Veilig Thuis", "jeugdzorg", ("veilig thuis",)),
    ("MEE", "jeugdzorg", ("MEE Noord", "mee")),
    ("Entrea Lindenhout", "jeugdzorg", ("Entrea", "Lindenhout")),
    ("Pluryn", "jeugdzorg", ("pluryn",)),
    ("GGZ Centraal", "jeugd-GGZ", ("GGZ centraal",)),
    ("Praktijkondersteuner huisarts", "eerstelijn", ("POH-GGZ", "POH jeugd")),
    ("Huisarts", "eerstelijn", ("huisarts",)),
    ("Audiologisch centrum", "medisch", ("audiologisch centrum",)),
    ("Kentalis", "onderwijsondersteuning", ("kentalis",)),
    ("Visio", "onderwijsondersteuning", ("visio",)),
    ("Ergotherapie Kind", "eerstelijn", ("ergotherapie",)),
    ("Speltherapie De Speelplaats", "eerstelijn", ("speltherapeut", "speltherapie")),
    ("Leger des Heils jeugd", "jeugdzorg", ("Leger des Heils",)),
    ("Humanitas Home-Start", "wijkteam/CJG", ("Home-Start", "humanitas")),
    ("Schoolmaatschappelijk werk", "wijkteam/CJG", ("SMW", "schoolmaatschappelijk werker")),
    ("Centrum Jeugd en Gezin", "wijkteam/CJG", ("CJG", "cjg")),
    ("Kinderpsycholoog Vrij", "jeugd-GGZ", ("psycholoog Vrij",)),
    ("Autismeteam Noord", "jeugd-GGZ", ("autisme team",)),
    ("Dagbehandeling De Linde", "jeugdzorg", ("dagbehandeling",)),
    ("Kinderdagcentrum", "jeugdzorg", ("KDC",)),
    ("Leerplicht", "onderwijsondersteuning", ("leerplichtambtenaar",)),
    ("Buurtsportcoach", "overig", ("sportcoach",)),
    ("Jeugdreclassering", "jeugdzorg", ("jeugd reclassering",)),
    ("Opvoedpoli", "jeugd-GGZ", ("opvoed poli",)),
    ("Orthopedagogenpraktijk", "eerstelijn", ("orthopedagoog",)),
    ("Diëtist", "medisch", ("dietist",)),
    ("Kinder- en jeugdpsychiater Lentis", "jeugd-GGZ", ("Lentis",)),
    ("Gezinshuis De Wilg", "jeugdzorg", ("gezinshuis",)),
    ("Oudercursus Triple P", "wijkteam/CJG", ("Triple P",)),
    ("Cesartherapie", "eerstelijn", ("cesar therapie",)),
    ("Mensendieck", "eerstelijn", ("mensendieck",)),
    ("Vroeghulp", "wijkteam/CJG", ("vroeg hulp",)),
    ("Slaapcentrum kind", "medisch", ("slaappoli",)),
    ("Fier", "jeugdzorg", ("fier",)),
    ("Zorgboerderij", "overig", ("zorg boerderij",)),
    ("Kinderneuroloog", "medisch", ("neuroloog",)),
    ("Bureau Halt", "overig", ("Halt",)),
    ("Muziektherapie", "eerstelijn", ("muziektherapeut",)),
    ("Integrale vroeghulp", "wijkteam/CJG", ("IVH",)),
    ("Sociaal raadslieden", "overig", ("sociaal raadsman",)),
    ("Schuldhulp", "overig", ("schuldhulpverlening",)),
    ("Kinderrevalidatie", "medisch", ("revalidatiecentrum",)),
    ("Maatschappelijke opvang", "overig", ("MO",)),
    ("Jeugdpsychiatrie crisisdienst", "jeugd-GGZ", ("crisisdienst",)),
    ("Sterk Huis", "jeugdzorg", ("sterk huis",)),
    ("Traumacentrum", "jeugd-GGZ", ("trauma centrum",)),
    ("Kindertolk", "overig", ("tolk",)),
    ("Stichting Leergeld", "overig", ("leergeld",)),
    ("Epilepsiecentrum", "medisch", ("epilepsie centrum",)),
]

SCHOOLS = ["SBO De Regenboog", "SBO Het Kompas", "SBO De Wegwijzer", "SBO De Vlinder", "SBO Het Baken"]
#: Pupils per school in the example file study (``write_example_files``); 70% of the files are read.
EXAMPLE_SCHOOL_SIZES = (160, 120, 210, 95)
UNITS = ["IKC De Linde", "IKC Het Palet", "IKC De Fontein", "IKC Noorderlicht", "IKC De Wâlden",
         "IKC Oosterpoort", "IKC De Vuurtoren", "IKC Het Anker", "IKC De Boomgaard", "IKC Zuiderzon",
         "IKC De Toermalijn", "IKC Westerkwartier", "IKC De Schakel", "IKC Het Mozaïek", "IKC De Zeester",
         "IKC Sterrenwacht", "IKC De Klimop", "IKC Het Kompas", "IKC De Parel", "IKC De Horizon"]


def _rng(seed) -> np.random.Generator:
    return np.random.default_rng(seed)


def dossier(n_pupils=160, *, n_schools: int = 1, p_none: float = 0.3, mean_extra: float = 0.9,
            zipf: float = 1.35, p_variant: float = 0.3, p_type_missing: float = 0.2,
            read_fraction: float = 1.0, seed=None) -> tuple[pd.DataFrame, dict]:
    """File study of special-needs schools: one row per pupil × agency mention.

    Each pupil has no agency with probability ``p_none``, otherwise ``1 + Poisson(mean_extra)``
    distinct agencies drawn without replacement with weights ``1 / rank**zipf`` from the 60
    agencies of :data:`AGENCIES` (a long tail: many agencies seen for one pupil). A mention is
    written as a spelling variant with probability ``p_variant``. Pupils without agency get one
    row with an empty agency cell. With ``read_fraction < 1`` only that share of the files is
    "read" (a random sample of pupils), as in a partial file study.

    Returns
    -------
    data : DataFrame
        ``school, pupil, agency_raw, agency_type, source`` (``agency_type`` sometimes empty).
    truth : dict
        ``n_pupils``, ``n_pupils_read``, ``n_agencies_true`` (distinct agencies over *all* pupils of
        each school: what a complete file study finds), ``mapping`` (variant -> agency),
        ``agency_type``, ``pupils_per_agency`` and the parameters.
    """
    rng = _rng(seed)
    sizes = [int(n_pupils)] * n_schools if np.ndim(n_pupils) == 0 else [int(n) for n in n_pupils]
    n_schools = len(sizes)
    names = [a[0] for a in AGENCIES]
    weights = 1.0 / np.arange(1, len(AGENCIES) + 1) ** zipf
    weights /= weights.sum()
    rows, truth_n, full_counts = [], {}, {}
    for s in range(n_schools):
        school = SCHOOLS[s % len(SCHOOLS)] + ("" if s < len(SCHOOLS) else f" {s // len(SCHOOLS) + 1}")
        pupils = [f"L{s + 1}{i + 1:03d}" for i in range(sizes[s])]
        read = set(rng.choice(pupils, size=int(round(read_fraction * sizes[s])), replace=False))
        seen_all: set[str] = set()
        counts: dict[str, int] = {}
        for pupil in pupils:
            k = 0 if rng.random() < p_none else 1 + rng.poisson(mean_extra)
            chosen = rng.choice(len(AGENCIES), size=min(k, len(AGENCIES)), replace=False, p=weights) if k else []
            for a in chosen:
                seen_all.add(names[a])
                counts[names[a]] = counts.get(names[a], 0) + 1
            if pupil not in read:
                continue
            student = f"student {'ABCDE'[rng.integers(5)]}"
            if not len(chosen):
                rows.append((school, pupil, None, None, student))
            for a in chosen:
                name, atype, variants = AGENCIES[a]
                raw = variants[rng.integers(len(variants))] if rng.random() < p_variant else name
                rows.append((school, pupil, raw, None if rng.random() < p_type_missing else atype, student))
        truth_n[school] = len(seen_all)
        full_counts[school] = counts
    data = pd.DataFrame(rows, columns=["school", "pupil", "agency_raw", "agency_type", "source"])
    truth = {
        "n_pupils": sizes[0] if n_schools == 1 else dict(zip(truth_n, sizes)), "n_schools": n_schools,
        "n_pupils_read": (int(round(read_fraction * sizes[0])) if n_schools == 1
                          else {k: int(round(read_fraction * n)) for k, n in zip(truth_n, sizes)}),
        "n_agencies_true": truth_n if n_schools > 1 else next(iter(truth_n.values())),
        "pupils_per_agency": full_counts if n_schools > 1 else next(iter(full_counts.values())),
        "mapping": {v: a[0] for a in AGENCIES for v in (a[0], *a[2])},
        "agency_type": {a[0]: a[1] for a in AGENCIES},
        "params": {"p_none": p_none, "mean_extra": mean_extra, "zipf": zipf, "p_variant": p_variant,
                   "read_fraction": read_fraction, "seed": seed},
    }
    return data, truth


def panel(n_units: int = 15, n_periods: int = 36, *, start: str = "2021-08-01", treated_units: int = 3,
          start_period: int = 12, later_units: int = 0, later_start: int = 24, rate_ratio: float = 0.75,
          ramp: int = 0, baseline: float = 3.0, unit_sd: float = 0.3, dispersion: float | None = None,
          seasonality: float = 0.3, trend_treated: float = 0.0, seed=None,
          lang: str = "nl") -> tuple[pd.DataFrame, dict]:
    """Monthly referral counts per school with youth workers starting at some schools.

    ``count ~ Poisson(exposure / 1000 * baseline * exp(u_unit + season(t)) * RR(t))`` (or negative
    binomial with ``var = mu + mu**2 / dispersion``), ``u_unit ~ N(0, unit_sd)``, a yearly cosine
    season with amplitude ``seasonality`` (fewer referrals in summer). ``treated_units`` schools start
    at period ``start_period`` (0-based), ``later_units`` more at ``later_start``. The effect is
    ``rate_ratio`` (on the rate), reached linearly over ``ramp`` periods after the start.
    ``trend_treated`` adds a log-rate slope per period to the schools that will get a youth worker,
    over the whole series: a violation of parallel trends, for testing pre-trend checks.

    Returns
    -------
    data : DataFrame
        ``unit, period, count, exposure, treated, start`` (``start`` empty for never-treated).
    truth : dict
        ``rate_ratio``, ``ramp``, ``baseline`` (per 1,000 pupils per month), ``starts``
        (unit -> start date), ``unit_effects``, ``dispersion``, ``seed``.
    """
    check_lang(lang)
    for name, value, active in (("start_period", start_period, treated_units),
                                ("later_start", later_start, later_units)):
        if active and not 0 <= value < n_periods:
            raise InputError(msg("syn_err_period_outside", lang, name=name, value=value, n_periods=n_periods,
                                 last=n_periods - 1))
    if treated_units + later_units > n_units:
        raise InputError(msg("syn_err_too_many_treated", lang, n_treated=treated_units + later_units, n_units=n_units))
    rng = _rng(seed)
    periods = pd.date_range(start, periods=n_periods, freq="MS")
    units = [UNITS[i % len(UNITS)] + ("" if i < len(UNITS) else f" {i // len(UNITS) + 1}") for i in range(n_units)]
    order = rng.permutation(n_units)
    starts = {units[i]: periods[start_period] for i in order[:treated_units]}
    starts.update({units[i]: periods[later_start] for i in order[treated_units:treated_units + later_units]})
    effects = rng.normal(0, unit_sd, n_units)
    rows = []
    for u, unit in enumerate(units):
        pupils = rng.integers(150, 1200)
        for p, period in enumerate(periods):
            exposure = int(pupils * (1 + 0.002 * p))
            season = seasonality * np.cos(2 * np.pi * (period.month - 1) / 12)
            st = starts.get(unit)
            treated = st is not None and period >= st
            rel = (p - periods.get_loc(st)) if treated else -1
            log_rr = np.log(rate_ratio) * (min(1.0, (rel + 1) / ramp) if ramp else 1.0) if treated else 0.0
            trend = trend_treated * p if st is not None else 0.0
            mu = exposure / 1000 * baseline * np.exp(effects[u] + season + log_rr + trend)
            if dispersion:
                mu = rng.gamma(dispersion, mu / dispersion)
            rows.append((unit, period, rng.poisson(mu), exposure, int(treated), st))
    data = pd.DataFrame(rows, columns=["unit", "period", "count", "exposure", "treated", "start"])
    data["start"] = pd.to_datetime(data["start"])
    truth = {"rate_ratio": rate_ratio, "ramp": ramp, "baseline": baseline, "dispersion": dispersion,
             "trend_treated": trend_treated,
             "starts": {k: str(v.date()) for k, v in starts.items()},
             "unit_effects": dict(zip(units, effects.round(6).tolist())), "seed": seed}
    return data, truth


def series(n_periods: int = 60, *, start: str = "2019-08-01", intervention_period: int = 36,
           level_ratio: float = 0.8, slope_ratio: float = 0.99, trend: float = 0.004, baseline: float = 4.0,
           pupils: int = 12_000, seasonality: float = 0.3, ar: float = 0.5, noise_sd: float = 0.08,
           seed=None, lang: str = "nl") -> tuple[pd.DataFrame, dict]:
    """One municipality's monthly referral series for an interrupted time series (no comparison group).

    ``log μ_t = log(pupils/1000 · baseline) + trend·t + seasonality·cos(2π month/12) + log(level_ratio)·post_t
    + log(slope_ratio)·(t − t0)·post_t + u_t`` with AR(1) noise ``u_t = ar·u_{t−1} + N(0, noise_sd)``;
    ``count_t ~ Poisson(μ_t)``. Returns ``period, count, exposure, intervention`` and the truth.
    """
    if not 0 < intervention_period < n_periods:
        raise InputError(msg("syn_err_intervention_period", check_lang(lang), value=intervention_period,
                             n_periods=n_periods))
    rng = _rng(seed)
    periods = pd.date_range(start, periods=n_periods, freq="MS")
    t = np.arange(n_periods)
    post = (t >= intervention_period).astype(int)
    u = np.zeros(n_periods)
    for i in range(n_periods):
        u[i] = (ar * u[i - 1] if i else 0.0) + rng.normal(0, noise_sd)
    exposure = (pupils * (1 + 0.001 * t)).round().astype(int)
    log_mu = (np.log(exposure / 1000 * baseline) + trend * t + seasonality * np.cos(2 * np.pi * (periods.month - 1) / 12)
              + np.log(level_ratio) * post + np.log(slope_ratio) * (t - intervention_period) * post + u)
    data = pd.DataFrame({"period": periods, "count": rng.poisson(np.exp(log_mu)), "exposure": exposure,
                         "intervention": post})
    truth = {"level_ratio": level_ratio, "slope_ratio": slope_ratio, "trend": trend, "baseline": baseline,
             "intervention_start": str(periods[intervention_period].date()), "ar": ar, "noise_sd": noise_sd,
             "seasonality": seasonality, "seed": seed}
    return data, truth


def referrals(*, first_line_rate: float = 6.0, seed=None, **panel_args) -> tuple[pd.DataFrame, dict]:
    """Pupil-level referrals behind a :func:`panel`: second-line referrals follow the panel (with its
    true rate ratio), first-line referrals a constant ``first_line_rate`` per 1,000 pupils per month.

    Returns
    -------
    data : DataFrame
        ``pupil, unit, date, care_level, provider``.
    truth : dict
        The panel truth plus ``panel`` (the second-line counts per unit × month, zeros included) and
        ``enrolment`` (unit × month pupils).
    """
    rng = _rng(seed)
    counts, truth = panel(seed=rng.integers(2**31), **panel_args)
    providers = {"second": ["Accare", "Karakter", "Vitree", "Entrea Lindenhout", "Pluryn"],
                 "first": ["Wijkteam", "Schoolmaatschappelijk werk", "Praktijkondersteuner huisarts"]}
    rows = []
    for r in counts.itertuples(index=False):
        days = r.period.days_in_month
        n_first = rng.poisson(r.exposure / 1000 * first_line_rate)
        for level, n in (("second", r.count), ("first", n_first)):
            for _ in range(n):
                date = r.period + pd.Timedelta(days=int(rng.integers(days)))
                rows.append((f"P{rng.integers(1, 10**6):06d}", r.unit, date, level,
                             providers[level][rng.integers(len(providers[level]))]))
    data = pd.DataFrame(rows, columns=["pupil", "unit", "date", "care_level", "provider"])
    data = data.sort_values(["date", "unit"], kind="stable").reset_index(drop=True)
    truth.update({"first_line_rate": first_line_rate, "panel": counts,
                  "enrolment": counts[["unit", "period", "exposure"]]})
    return data, truth


def survey(groups: dict[str, int] | None = None, *, waves=("voor", "na"), constructs: dict[str, int] | None = None,
           shift: float = 0.5, p_missing: float = 0.03, p_dont_know: float = 0.03,
           seed=None) -> tuple[pd.DataFrame, dict]:
    """Likert questionnaire (1-5) of parents, teachers and care coordinators before and after.

    Each respondent has a latent attitude ``N(0, 1)``; each item adds ``N(0, 0.6)`` noise; answers
    are the latent value cut at -1.5, -0.5, 0.5, 1.5. In the last wave the latent mean is ``shift``
    higher. Items are ``<construct>_<k>`` (default constructs ``samenwerking`` with 4 items and
    ``bereikbaarheid`` with 3); the last ``samenwerking`` item is negatively worded (its answer is
    mirrored, ``6 - x``), so it must be reverse-coded. A share ``p_dont_know`` of answers is the label
    "weet niet" and ``p_missing`` is left empty. ``toelichting`` holds a short open answer.

    Returns
    -------
    data : DataFrame
        ``respondent, group, wave, unit``, the items and ``toelichting``.
    truth : dict
        ``shift`` (latent), ``constructs``, ``reversed``, ``groups``, and ``expected_difference``: the
        expected change of every construct score between the first and last wave,
        ``Σ_c [Φ((shift − c)/s) − Φ(−c/s)]`` with ``s = √(1 + 0.6²)`` over the cuts ``c``.
    """
    from scipy.stats import norm

    rng = _rng(seed)
    groups = groups or {"ouder": 40, "leerkracht": 24, "intern begeleider": 6}
    constructs = constructs or {"samenwerking": 4, "bereikbaarheid": 3}
    items = [f"{c}_{k + 1}" for c, n in constructs.items() for k in range(n)]
    first = next(iter(constructs))
    reversed_items = [f"{first}_{constructs[first]}"] if constructs[first] > 2 else []
    flip = np.array([i in reversed_items for i in items])
    cuts = np.array([-1.5, -0.5, 0.5, 1.5])
    remarks = ["Meer contact met school.", "Sneller hulp gekregen.", "Weet niet goed wie wat doet.",
               "Fijn dat de jeugdondersteuner er is.", "", "Korte lijnen.", "Wachtlijsten blijven lang."]
    rows = []
    for group, n in groups.items():
        for i in range(n):
            rid, unit = f"{group[:2].upper()}{i + 1:03d}", UNITS[i % 3]
            base = rng.normal()
            for w, wave in enumerate(waves):
                latent = base + shift * (w == len(waves) - 1)
                answers = (np.searchsorted(cuts, latent + rng.normal(0, 0.6, len(items))) + 1).astype(float)
                answers = np.where(flip, 6 - answers, answers).astype(object)
                u = rng.random(len(items))
                answers[u < p_missing] = np.nan
                answers[(u >= p_missing) & (u < p_missing + p_dont_know)] = "weet niet"
                rows.append((rid, group, wave, unit, *answers, remarks[rng.integers(len(remarks))]))
    data = pd.DataFrame(rows, columns=["respondent", "group", "wave", "unit", *items, "toelichting"])
    s = math.sqrt(1 + 0.6**2)
    expected = float(np.sum(norm.cdf((shift - cuts) / s) - norm.cdf(-cuts / s)))
    return data, {"shift": shift, "constructs": constructs, "reversed": reversed_items, "groups": groups,
                  "item_noise_sd": 0.6, "expected_difference": expected, "seed": seed}


def survey_codebook(constructs: dict[str, int] | None = None) -> pd.DataFrame:
    """The codebook of :func:`survey`: ``item, text, scale, reversed, construct`` (Dutch item texts)."""
    constructs = constructs or {"samenwerking": 4, "bereikbaarheid": 3}
    texts = {
        "samenwerking": ["School en jeugdhulp stemmen goed met elkaar af.", "Ik weet bij wie ik terecht kan.",
                         "Afspraken worden nagekomen.", "Ik moet mijn verhaal steeds opnieuw vertellen."],
        "bereikbaarheid": ["De hulp is snel bereikbaar.", "De jeugdondersteuner is makkelijk te vinden.",
                           "Ik kan op korte termijn een gesprek krijgen."],
    }
    first = next(iter(constructs))
    rows = []
    for c, n in constructs.items():
        for k in range(n):
            item = f"{c}_{k + 1}"
            text = texts.get(c, [])[k] if k < len(texts.get(c, [])) else item
            rows.append((item, text, "likert5", "ja" if (c == first and k == n - 1 and n > 2) else "nee", c))
    return pd.DataFrame(rows, columns=["item", "text", "scale", "reversed", "construct"])


def fragments(groups: dict[str, int] | None = None, *, seed=None) -> tuple[pd.DataFrame, dict]:
    """Coded interview fragments: each respondent mentions each code with a group-specific probability.

    Codes may be hierarchical (``"samenwerking > overleg"``): the parent code ``samenwerking`` is
    mentioned by a respondent who mentions any of its sub-codes.

    Returns
    -------
    data : DataFrame
        ``respondent, group, code, text``.
    truth : dict
        ``probabilities`` (group -> code -> probability of mentioning it).
    """
    rng = _rng(seed)
    groups = groups or {"ouder": 8, "leerkracht": 6, "intern begeleider": 3}
    probs = {
        "ouder": {"samenwerking > overleg": 0.3, "samenwerking > rolverdeling": 0.2, "wachttijd": 0.7,
                  "bereikbaarheid": 0.6, "versnippering": 0.5, "vertrouwen": 0.5},
        "leerkracht": {"samenwerking > overleg": 0.6, "samenwerking > rolverdeling": 0.4, "wachttijd": 0.5,
                       "bereikbaarheid": 0.4, "versnippering": 0.6, "vertrouwen": 0.3},
        "intern begeleider": {"samenwerking > overleg": 0.8, "samenwerking > rolverdeling": 0.7, "wachttijd": 0.6,
                              "bereikbaarheid": 0.3, "versnippering": 0.9, "vertrouwen": 0.3},
    }
    texts = {"samenwerking > overleg": "We stemmen nu vaker af met de jeugdondersteuner.",
             "samenwerking > rolverdeling": "Het is duidelijker wie wat doet tussen school en hulp.",
             "wachttijd": "Het duurde maanden voordat er hulp kwam.",
             "bereikbaarheid": "De hulp zit nu in de school, dat is makkelijk.",
             "versnippering": "Er zitten zoveel instanties omheen, niemand heeft het overzicht.",
             "vertrouwen": "Ik durf mijn zorgen nu eerder te delen."}
    rows = []
    for group, n in groups.items():
        for i in range(n):
            rid = f"I-{group[:2].upper()}{i + 1:02d}"
            for code, p in probs[group].items():
                if rng.random() < p:
                    rows.append((rid, group, code, texts[code]))
    return pd.DataFrame(rows, columns=["respondent", "group", "code", "text"]), {"probabilities": probs, "seed": seed}


def trajectories(n_cases: int = 80, *, median_before: float = 120.0, median_after: float = 75.0,
                 study_start: str = "2022-08-01", switch: str = "2023-08-01", study_end: str = "2024-07-31",
                 seed=None) -> tuple[pd.DataFrame, dict]:
    """Cases (e.g. home-sitting pupils) from registration to a suitable place, censored at study end.

    Start dates are uniform over the study; durations exponential with median ``median_before``
    for cases starting before ``switch`` and ``median_after`` after it. Cases still open at
    ``study_end`` have an empty end date.

    Returns
    -------
    data : DataFrame
        ``case, unit, start, end, group`` (group ``voor``/``na``).
    truth : dict
        Medians, and the true share placed within 90 days per group (``1 - 2**(-90/median)``).
    """
    rng = _rng(seed)
    t0, t1, t2 = pd.Timestamp(study_start), pd.Timestamp(switch), pd.Timestamp(study_end)
    span = (t2 - t0).days
    rows = []
    for i in range(n_cases):
        start = t0 + pd.Timedelta(days=int(rng.integers(span)))
        group = "voor" if start < t1 else "na"
        median = median_before if group == "voor" else median_after
        end = start + pd.Timedelta(days=max(1, int(rng.exponential(median / np.log(2)))))
        rows.append((f"C{i + 1:03d}", ["Team Noord", "Team Zuid"][i % 2], start, end if end <= t2 else pd.NaT, group))
    data = pd.DataFrame(rows, columns=["case", "unit", "start", "end", "group"])
    truth = {"median_days": {"voor": median_before, "na": median_after},
             "share_within_90": {"voor": 1 - 2 ** (-90 / median_before), "na": 1 - 2 ** (-90 / median_after)},
             "study_end": study_end, "seed": seed}
    return data, truth


def small_class(n_pupils: int = 4, *, n_moved: int = 2, start: str = "2023-08-28",
                study_end: str = "2024-07-15", seed=None, lang: str = "nl") -> tuple[pd.DataFrame, dict]:
    """A very small class (e.g. SO+ with 4 pupils): entry date, start of ambulant youth care, outcome.

    ``n_moved`` pupils, chosen at random, move to regular education 3 to 10 months after entry; the
    others are still in the class on ``study_end`` (empty end date).

    Returns
    -------
    data : DataFrame
        ``pupil, start, youth_care, end, outcome``.
    truth : dict
        ``p_outflow`` and the number that moved.
    """
    rng = _rng(seed)
    t0, t_end = pd.Timestamp(start), pd.Timestamp(study_end)
    entry = t0 + pd.to_timedelta(rng.integers(0, 60, n_pupils), unit="D")
    care = entry + pd.to_timedelta(rng.integers(14, 70, n_pupils), unit="D")
    if not 0 <= n_moved <= n_pupils:
        raise InputError(msg("syn_err_n_moved", check_lang(lang), n_moved=n_moved, n_pupils=n_pupils))
    leaves = pd.Series(entry + pd.to_timedelta(rng.integers(90, 300, n_pupils), unit="D")).clip(upper=t_end)
    moved = np.isin(np.arange(n_pupils), rng.choice(n_pupils, n_moved, replace=False))
    data = pd.DataFrame({"pupil": [f"L{i + 1}" for i in range(n_pupils)], "start": entry, "youth_care": care,
                         "end": leaves.where(moved), "outcome": np.where(moved, "regulier onderwijs",
                                                                                    "nog in SO+-klas")})
    return data, {"n_moved": n_moved, "n_pupils": n_pupils, "seed": seed}


def procedures(n_cases: int = 60, *, mean_days: dict | None = None, study_start: str = "2023-08-01",
               switch: str = "2024-01-01", study_end: str = "2024-07-31", seed=None) -> tuple[pd.DataFrame, dict]:
    """Cases through registration → indication → start of help, via an old and a new route.

    Step durations are gamma distributed (shape 2) with the means in ``mean_days`` per route (old
    route before ``switch``, new route from it); milestones after ``study_end`` are empty (still open).

    Returns
    -------
    data : DataFrame
        ``case, route, registration, indication, start_help``.
    truth : dict
        Mean days per step and route.
    """
    rng = _rng(seed)
    mean_days = mean_days or {"oud": (42.0, 35.0), "nieuw": (14.0, 28.0)}
    t0, t1, t2 = pd.Timestamp(study_start), pd.Timestamp(switch), pd.Timestamp(study_end)
    reg = t0 + pd.to_timedelta(rng.integers(0, (t2 - t0).days - 30, n_cases), unit="D")
    route = np.where(reg < t1, "oud", "nieuw")
    means = np.array([mean_days[r] for r in route])
    steps = np.maximum(1, np.round(rng.gamma(2.0, means / 2.0))).astype(int)
    ind = reg + pd.to_timedelta(steps[:, 0], unit="D")
    help_ = ind + pd.to_timedelta(steps[:, 1], unit="D")
    data = pd.DataFrame({"case": [f"P{i + 1:03d}" for i in range(n_cases)], "route": route, "registration": reg,
                         "indication": pd.Series(ind).where(ind <= t2),
                         "start_help": pd.Series(help_).where((help_ <= t2) & (ind <= t2))})
    return data.sort_values("registration", kind="stable").reset_index(drop=True), {
        "mean_days": {r: {"registration_to_indication": m[0], "indication_to_start_help": m[1]}
                      for r, m in mean_days.items()}, "study_end": study_end, "seed": seed}


# ----------------------------------------------------------------------------- example files
SEED = 20240901


def _dutch_csv(frame: pd.DataFrame, path: Path) -> None:
    """Semicolon CSV with BOM and Dutch dates (3-9-2024), as Excel writes it in the Netherlands."""
    out = frame.copy()
    for col in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[col]):
            out[col] = out[col].map(lambda d: "" if pd.isna(d) else f"{d.day}-{d.month}-{d.year}")
    path.write_bytes(out.to_csv(sep=";", index=False, lineterminator="\r\n").encode("utf-8-sig"))


def _excel(frames: dict[str, pd.DataFrame], path: Path, title: str | None = None) -> None:
    import openpyxl
    from openpyxl.styles import Font

    from .io import save_workbook

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, frame in frames.items():
        ws = book.create_sheet(name)
        if title:
            ws.append([title])
            ws["A1"].font = Font(bold=True, size=13)
            ws.append(["SYNTHETISCHE voorbeelddata — geen echte leerlingen"])
            ws.append([])
        ws.append(list(frame.columns))
        for row in frame.itertuples(index=False):
            ws.append([None if (v is None or (not isinstance(v, str) and pd.isna(v))) else
                       (v.to_pydatetime() if isinstance(v, pd.Timestamp) else v) for v in row])
        for cell in ws[ws.max_row - len(frame)]:
            cell.font = Font(bold=True)
        for cell_row in ws.iter_rows(min_row=ws.max_row - len(frame) + 1):
            for cell in cell_row:
                if hasattr(cell.value, "year"):
                    cell.number_format = "d-m-yyyy"
    save_workbook(book, path)


def _messy_panel(clean: pd.DataFrame, path: Path) -> None:
    """A deliberately messy copy of a panel file, to practise reading the quality report.

    Windows-1252 encoding, a title line, a blank row, an exact duplicate, a negative count, text in
    a number column, zero pupils, an unreadable month and a ``Totaal`` row.
    """
    rows = clean.astype(str).values.tolist()
    header = list(clean.columns)
    rows[3][2] = "-1"                      # negative count
    rows[5][2] = "twee"                    # text in a number column
    rows[7][3] = "0"                       # zero pupils
    rows[9][1] = "dertiende maand"         # unreadable period
    rows.insert(11, [""] * len(header))    # blank row
    rows.insert(14, list(rows[13]))        # exact duplicate
    total = sum(int(r[2]) for r in rows if r[2].isdigit())
    rows.append(["Totaal", "", str(total), "", "", ""])
    lines = ["Zorgvraag per maand (export gemeente) — SYNTHETISCH", "", ";".join(header)]
    lines += [";".join(r) for r in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))


def write_example_files(folder) -> dict[str, Path]:
    """Write the SYNTHETIC example data set (Dutch dialect) and its truth into ``folder``.

    Files: ``dossieronderzoek_sbo.xlsx`` (title block; four SBO schools, 70% of the files read),
    ``koppeltabel_instanties.csv`` (reviewed agency-name mapping), ``zorgvraag_gemeente.csv`` (one
    municipality's monthly series, for an interrupted time series), ``zorgvraag_panel.csv`` (``;``, Dutch
    headers, thousands point), ``verwijzingen.csv`` (Dutch dates), ``vragenlijst.xlsx``,
    ``interviewfragmenten.csv``, ``trajecten_thuiszitters.xlsx``, ``zorgvraag_rommelig.csv`` (a messy
    file with known defects, for practice) and ``waarheid.json``.
    Byte-for-byte identical on every run.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    seeds = rng.integers(2**31, size=6)
    paths, truths = {}, {}

    d, truth = dossier(EXAMPLE_SCHOOL_SIZES, read_fraction=0.7, seed=int(seeds[0]))
    seen = sorted(d["agency_raw"].dropna().unique(), key=str.lower)
    mapping = pd.DataFrame({"naam_in_dossier": seen, "instantie": [truth["mapping"][v] for v in seen],
                            "soort": [truth["agency_type"][truth["mapping"][v]] for v in seen]})
    d = d.rename(columns={"school": "School", "pupil": "Leerling", "agency_raw": "Instantie",
                          "agency_type": "Soort instantie", "source": "Student"})
    paths["dossier"] = folder / "dossieronderzoek_sbo.xlsx"
    _excel({"Dossieronderzoek": d}, paths["dossier"], title="Nulmeting hulpverleningsinstanties — vier SBO-scholen")
    paths["mapping"] = folder / "koppeltabel_instanties.csv"
    _dutch_csv(mapping, paths["mapping"])
    truths["dossier"] = {k: v for k, v in truth.items() if k not in ("mapping", "agency_type")}

    p, truth = panel(later_units=3, seed=int(seeds[1]))
    out = p.rename(columns={"unit": "School", "period": "Maand", "count": "Verwijzingen tweedelijns",
                            "exposure": "Aantal leerlingen", "treated": "Jeugdondersteuner", "start": "Startdatum"})
    out["Maand"] = out["Maand"].dt.strftime("%Y-%m")
    out["Jeugdondersteuner"] = out["Jeugdondersteuner"].map({1: "ja", 0: "nee"})
    out["Aantal leerlingen"] = out["Aantal leerlingen"].map(lambda v: f"{v:,}".replace(",", "."))
    paths["panel"] = folder / "zorgvraag_panel.csv"
    _dutch_csv(out, paths["panel"])
    truths["panel"] = truth

    r, truth = referrals(seed=int(seeds[2]), later_units=3)
    r = r.rename(columns={"pupil": "Leerling", "unit": "School", "date": "Datum verwijzing",
                          "care_level": "Lijn", "provider": "Aanbieder"})
    r["Lijn"] = r["Lijn"].map({"first": "eerstelijns", "second": "tweedelijns"})
    paths["referrals"] = folder / "verwijzingen.csv"
    _dutch_csv(r, paths["referrals"])
    truths["referrals"] = {k: v for k, v in truth.items() if k not in ("panel", "enrolment")}

    s, truth = survey(seed=int(seeds[3]))
    s = s.rename(columns={"respondent": "Respondent", "group": "Groep", "wave": "Meting", "unit": "School"})
    paths["survey"] = folder / "vragenlijst.xlsx"
    _excel({"Antwoorden": s}, paths["survey"])
    truths["survey"] = truth
    paths["codebook"] = folder / "codeboek_vragenlijst.csv"
    _dutch_csv(survey_codebook().rename(columns={"item": "Vraag", "text": "Vraagtekst", "scale": "Schaal",
                                                  "reversed": "Omgescoord", "construct": "Construct"}),
               paths["codebook"])

    f, truth = fragments(seed=int(seeds[4]))
    f = f.rename(columns={"respondent": "Respondent", "group": "Groep", "code": "Code", "text": "Fragment"})
    paths["fragments"] = folder / "interviewfragmenten.csv"
    _dutch_csv(f, paths["fragments"])
    truths["fragments"] = truth

    tr, truth = trajectories(seed=int(seeds[5]))
    tr = tr.rename(columns={"case": "Casus", "unit": "Team", "start": "Aanmelddatum", "end": "Datum plaatsing",
                            "group": "Groep"})
    paths["trajectories"] = folder / "trajecten_thuiszitters.xlsx"
    _excel({"Trajecten": tr}, paths["trajectories"], title="Thuiszitters: tijd tot passend aanbod")
    truths["trajectories"] = truth

    ts, truth = series(seed=int(rng.integers(2**31)))
    ts = ts.assign(Gemeente="Gemeente Voorbeeld", Maand=ts["period"].dt.strftime("%Y-%m"),
                   Start=truth["intervention_start"])
    ts = ts.rename(columns={"count": "Verwijzingen tweedelijns", "exposure": "Aantal leerlingen"})
    paths["series"] = folder / "zorgvraag_gemeente.csv"
    _dutch_csv(ts[["Gemeente", "Maand", "Verwijzingen tweedelijns", "Aantal leerlingen", "Start"]]
               .assign(Start=lambda x: pd.to_datetime(x["Start"])), paths["series"])
    truths["series"] = truth

    paths["messy"] = folder / "zorgvraag_rommelig.csv"
    _messy_panel(out.head(24), paths["messy"])

    pilot_rng = np.random.default_rng(SEED + 15)  # own stream: the files above stay byte-identical
    k, truth = small_class(seed=int(pilot_rng.integers(2**31)))
    k = k.rename(columns={"pupil": "Leerling", "start": "Startdatum", "youth_care": "Start ambulante hulp",
                          "end": "Einddatum", "outcome": "Uitkomst"})
    paths["small_class"] = folder / "so_plus_klas.csv"
    _dutch_csv(k, paths["small_class"])
    truths["small_class"] = truth
    pr, truth = procedures(seed=int(pilot_rng.integers(2**31)))
    pr = pr.rename(columns={"case": "Casus", "route": "Groep", "registration": "Aanmelddatum",
                            "indication": "Datum indicatie", "start_help": "Start hulp"})
    paths["procedures"] = folder / "procedures_logopedie.csv"
    _dutch_csv(pr, paths["procedures"])
    truths["procedures"] = truth

    paths["truth"] = folder / "waarheid.json"
    paths["truth"].write_text(json.dumps(truths, indent=2, ensure_ascii=False, sort_keys=True, default=str) + "\n",
                              encoding="utf-8")
    return paths
