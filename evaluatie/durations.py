"""Process times: how long until a suitable place, how many within the norm, and where the time goes.

Works on the ``trajectories`` table (one row per case with a start date and an end date that is
empty while the case is still open). Open cases are *censored* at a reference date: we know they
took at least that long. :func:`kaplan_meier` estimates the share still waiting over time (per
group) with the median and its interval, :func:`share_within` the share placed within a norm
(the Thuiszitterspact: a suitable place within 3 months), :func:`logrank` compares groups, and
:func:`process_steps` splits a multi-step process (registration → indication → start of help).

Definitions used in Dutch practice (:func:`classify_absence`): a *thuiszitter* is a pupil of
compulsory school age who is enrolled but absent without permission for more than 4 consecutive
weeks (*langdurig relatief verzuim*) or who is not enrolled at any school (*absoluut verzuim*).

Examples
--------
>>> d = pd.DataFrame({"start": ["1-9-2024"] * 4, "end": ["11-9-2024", "21-9-2024", "1-10-2024", None],
...                   "group": "na"})
>>> km = kaplan_meier(d, reference_date="1-12-2024")
>>> km.medians.loc[0, "median"]  # flat at 50% from day 20 to 30: the midpoint, as in R
np.float64(25.0)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.duration.survfunc import SurvfuncRight, survdiff

from .errors import InputError
from .io import is_still_open, parse_date
from .privacy import count_text
from .quality import QualityReport
from .schemas import missing_columns_message
from .text import check_lang, format_date, format_number, format_p, format_percent, t

__all__ = ["durations", "shareable", "kaplan_meier", "share_within", "logrank", "process_steps", "classify_absence",
           "SurvivalResult", "LogrankResult", "StepsResult", "NORM_DAYS", "THUISZITTER_WEEKS", "CONF_TYPES"]

#: Thuiszitterspact (2016): a suitable place within 3 months, taken as 90 days (pass ``days=`` to change).
NORM_DAYS = 90
#: Langdurig relatief verzuim: absent without permission for more than 4 consecutive school weeks.
THUISZITTER_WEEKS = 4
ConfType = Literal["log", "log-log", "plain"]
CONF_TYPES: tuple[str, ...] = ("log", "log-log", "plain")
ALL = "alle"


def _check_option(value, allowed: tuple, param: str, lang: str) -> None:
    if value not in allowed:
        raise InputError(t("bad_option", lang, value=value, param=param, allowed=", ".join(allowed)))


def _parse_dates(values: pd.Series, still_open: bool = False) -> tuple[pd.Series, pd.Series]:
    """Dates from a column of dates or Dutch text dates (mixed formats allowed, one cell at a time).

    Returns the parsed dates and a mask of cells that hold something that is not a readable date. With
    ``still_open`` (an end-date column) words such as "nog niet" or "loopt nog" are empty, not unreadable.
    """

    if pd.api.types.is_datetime64_any_dtype(values):
        return values.dt.tz_localize(None).dt.normalize() if values.dt.tz else values.dt.normalize(), \
            pd.Series(False, index=values.index)

    def one(v):
        if still_open and is_still_open(v):
            return pd.NaT
        try:
            return parse_date(v)
        except (ValueError, TypeError, OverflowError):
            return "BAD"

    parsed = values.map(one)
    bad = parsed.eq("BAD")
    return pd.to_datetime(parsed.mask(bad), errors="coerce"), bad


def _dates(values: pd.Series, column: str, lang: str = "nl") -> pd.Series:
    """Parsed dates, or an InputError naming the column and the rows that cannot be read."""
    parsed, bad = _parse_dates(values)
    if bad.any():
        rows = ", ".join(map(str, values.index[bad][:10]))
        raise InputError(t("pilots_bad_dates", lang, column=column, n=int(bad.sum()), rows=rows,
                           value=values[bad].iloc[0]), column=column)
    return parsed


def _require(data: pd.DataFrame, columns, lang: str) -> None:
    if not isinstance(data, pd.DataFrame):
        raise InputError(t("pilots_not_frame", lang, kind=type(data).__name__))
    missing = [c for c in columns if c is not None and c not in data.columns]
    if missing:
        raise InputError(missing_columns_message(data, missing, "trajectories", lang), column=missing[0])


def _row_numbers(data: pd.DataFrame) -> pd.Series:
    """Row numbers for reports: the file's row (``source_row`` from :func:`evaluatie.read_table`) or the index."""
    if "source_row" in data.columns:
        return pd.Series(data["source_row"].to_numpy(), index=data.index)
    return pd.Series(data.index, index=data.index)


def durations(data: pd.DataFrame, *, start: str = "start", end: str = "end", group: str | None = None,
              reference_date=None, lang: str = "nl") -> tuple[pd.DataFrame, QualityReport]:
    """Durations in days from start and end dates; open cases censored at ``reference_date``.

    Parameters
    ----------
    data : DataFrame
        One row per case (the ``trajectories`` table). Date columns may hold dates or Dutch text
        dates in mixed formats (``3-9-2024``, ``2024-09-03``, ``3 sep 2024``, Excel serial numbers).
    start, end : str
        Column names. An empty ``end`` means the case is still open.
    group : str, optional
        Column with the group (e.g. before/after the pilot); missing groups become "onbekend".
    reference_date : date or str, optional
        Date up to which open cases are followed; default the latest date in the data.
    lang : {"nl", "en"}

    Returns
    -------
    frame : DataFrame
        The caller's index, ``group``, ``start``, ``end``, ``days`` (end or reference date minus
        start), ``weeks`` (days / 7) and ``observed`` (True when the end date is known).
    report : QualityReport
        Every dropped row with its reason (row = index label): unreadable date, missing start, end
        before start, start after the reference date.

    Examples
    --------
    >>> d = pd.DataFrame({"start": ["3-9-2024", "2024-09-10", None], "end": ["15-11-2024", None, "1-10-2024"]})
    >>> frame, report = durations(d, reference_date="1-12-2024")
    >>> frame["days"].tolist(), report.n_dropped
    ([73, 82], 1)
    """
    check_lang(lang)
    _require(data, (start, end, group), lang)
    report = QualityReport(source="durations", kind="trajectories", n_read=len(data), lang=lang)
    s, bad_s = _parse_dates(data[start])
    e, bad_e = _parse_dates(data[end], still_open=True)
    if reference_date is not None:
        ref = _dates(pd.Series([reference_date]), "reference_date", lang).iloc[0]
        if pd.isna(ref):
            raise InputError(t("pilots_bad_dates", lang, column="reference_date", n=1, rows="-", value=reference_date))
    else:
        ref = pd.concat([s, e]).max()
    if pd.isna(ref):
        raise InputError(t("pilots_no_dates", lang, start=start, end=end))
    reasons = [
        (bad_s, start, t("reason_not_date", lang)),
        (bad_e, end, t("reason_not_date", lang)),
        (s.isna() & ~bad_s, start, t("reason_missing", lang)),
        (e.notna() & s.notna() & (e < s), end, t("reason_end_before_start", lang)),
        (s.notna() & (s > ref), start, t("pilots_reason_after_reference", lang, date=format_date(ref, lang))),
    ]
    drop = pd.Series(False, index=data.index)
    row = _row_numbers(data)
    shown_as = data.attrs.get("labels", {})  # a loaded file's own headers, not the internal names
    for mask, column, reason in reasons:
        shown = data[column].astype(object).where(data[column].notna(), "")
        for idx in data.index[mask & ~drop]:
            report.add(row=row[idx], column=shown_as.get(column, column), value=shown.loc[idx], reason=reason,
                       action="dropped")
        drop |= mask
    for idx in data.index[data[end].map(is_still_open).astype(bool) & ~drop]:  # "nog niet": open, censored
        report.add(row=row[idx], column=shown_as.get(end, end), value=data.loc[idx, end], action="changed",
                   reason=t("reason_end_still_open", lang))
    late = e.notna() & (e > ref) & ~drop
    for idx in data.index[late]:  # ended after the reference date: still open on that date
        report.add(row=row[idx], column=shown_as.get(end, end), value=data.loc[idx, end], action="changed",
                   reason=t("pilots_reason_end_after_reference", lang, date=format_date(ref, lang)))
    e = e.mask(late)
    groups = pd.Series(ALL, index=data.index, dtype=object)
    if group is not None:
        unknown = data[group].isna() & ~drop
        for idx in data.index[unknown]:
            report.add(row=row[idx], column=shown_as.get(group, group), value="",
                       reason=t("pilots_reason_no_group", lang), action="changed")
        groups = data[group].astype(object).where(data[group].notna(), "onbekend" if lang == "nl" else "unknown")
        groups = groups.astype(str)
    stop = e.fillna(ref)
    frame = pd.DataFrame({"group": groups, "start": s, "end": e, "days": (stop - s).dt.days,
                          "observed": e.notna()}, index=data.index)[~drop]
    frame["days"] = frame["days"].astype(int)
    frame.insert(frame.columns.get_loc("days") + 1, "weeks", frame["days"] / 7)
    frame.attrs["reference_date"] = ref
    report.notes.append(t("pilots_note_reference", lang, date=format_date(ref, lang),
                          n_open=int((~frame["observed"]).sum())))
    return frame, report


def _band(surv: np.ndarray, se: np.ndarray, z: float, conf_type: str) -> tuple[np.ndarray, np.ndarray]:
    """Pointwise interval of a Kaplan–Meier curve from its Greenwood standard error, as R ``survfit``."""
    with np.errstate(divide="ignore", invalid="ignore"):
        if conf_type == "plain":
            lo, hi = surv - z * se, surv + z * se
            lo, hi = np.clip(lo, 0, 1), np.clip(hi, 0, 1)
        elif conf_type == "log":
            h = se / surv  # standard error of the cumulative hazard
            lo, hi = surv * np.exp(-z * h), np.minimum(surv * np.exp(z * h), 1.0)
        else:
            h = se / surv
            x = np.where((surv > 0) & (surv < 1), surv, np.nan)
            a = np.exp(-np.exp(np.log(-np.log(x)) + z * h / np.log(x)))
            b = np.exp(-np.exp(np.log(-np.log(x)) - z * h / np.log(x)))
            lo, hi = np.fmin(a, b), np.fmax(a, b)
            lo, hi = np.where(surv == 1, 1.0, lo), np.where(surv == 1, 1.0, hi)
    lo, hi = np.where(surv == 0, np.nan, lo), np.where(surv == 0, np.nan, hi)
    return lo, hi


def _quantile_r(times: np.ndarray, curve: np.ndarray, p: float = 0.5) -> float:
    """First time the curve is at or below ``p``; where it is flat at exactly ``p`` the midpoint of the flat
    stretch (to the next drop), the convention of R ``survival::quantile.survfit``."""
    tol = np.sqrt(np.finfo(float).eps)
    below = np.flatnonzero(np.nan_to_num(curve, nan=np.inf) <= p + tol)
    if not len(below):
        return float("nan")
    i = below[0]
    if abs(curve[i] - p) < tol:
        later = np.flatnonzero(np.nan_to_num(curve, nan=-np.inf) < p - tol)
        later = later[later > i]
        if len(later):
            return float((times[i] + times[later[0]]) / 2)
    return float(times[i])


@dataclass(frozen=True)
class SurvivalResult:
    """Kaplan–Meier curves per group with median time and its interval; see :func:`kaplan_meier`.

    ``curves`` has one row per group and event time: ``group, time, at_risk, events, survival, lower,
    upper`` (survival = share still waiting). ``medians`` one row per group: ``group, n, events, open,
    median, lower, upper``.
    """

    curves: pd.DataFrame
    medians: pd.DataFrame
    data: pd.DataFrame
    report: QualityReport
    reference_date: pd.Timestamp
    level: float = 0.95
    conf_type: str = "log"
    label: str = ""

    def share_within(self, days: float = NORM_DAYS) -> pd.DataFrame:
        """Share with an end (e.g. a suitable place) within ``days``, per group, with its interval.

        Columns ``group, days, n, share, lower, upper, at_risk``: ``share = 1 - S(days)``; NaN when
        a group was followed for less than ``days``.
        """
        if not (np.isscalar(days) and float(days) >= 0):
            raise InputError(t("bad_option", value=days, param="days", allowed="een aantal dagen ≥ 0"))
        rows = []
        for g, n in self.medians[["group", "n"]].itertuples(index=False):
            c = self.curves[self.curves["group"] == g]
            followed = self.data.loc[self.data["group"] == g, "days"].max()
            past = c[c["time"] <= days]
            if followed < days:
                s, lo, hi, risk = (np.nan,) * 4
            elif len(past):
                s, lo, hi = past[["survival", "lower", "upper"]].iloc[-1]
                risk = int(((self.data["group"] == g) & (self.data["days"] >= days)).sum())
            else:
                s, lo, hi, risk = 1.0, 1.0, 1.0, int(n)
            rows.append({"group": g, "days": days, "n": int(n), "share": 1 - s, "lower": 1 - hi, "upper": 1 - lo,
                         "at_risk": risk})
        return pd.DataFrame(rows)

    def to_frame(self) -> pd.DataFrame:
        """Median time in days per group with its interval (``group, n, events, open, median, lower, upper``)."""
        return self.medians.assign(level=self.level, conf_type=self.conf_type)

    def sentence(self, lang: str = "nl", days: float = NORM_DAYS) -> str:
        """Per group: median days (interval) and the share within ``days``."""
        check_lang(lang)
        share = self.share_within(days).set_index("group")
        parts = []
        for r in self.medians.itertuples(index=False):
            num = lambda v: "–" if np.isnan(v) else format_number(v, 0, lang)  # noqa: E731
            pct = lambda v: "–" if np.isnan(v) else format_percent(v, 0, lang)  # noqa: E731
            s = share.loc[r.group]
            key = "pilots_km_group" if np.isfinite(r.median) else "pilots_km_group_no_median"
            if np.isfinite(r.median) and not np.isfinite(r.upper):  # the curve never drops far enough: open-ended
                key = "pilots_km_group_open" if np.isfinite(r.lower) else "pilots_km_group_no_ci"
            parts.append(t(key, lang, group=r.group, n=count_text(r.n, lang), median=num(r.median), lo=num(r.lower), hi=num(r.upper),
                           days=format_number(days, 0, lang), share=pct(s["share"]), slo=pct(s["lower"]),
                           shi=pct(s["upper"])))
        return " ".join(parts)

    def summary(self, lang: str = "nl", days: float = NORM_DAYS) -> str:
        """Sentence, how open cases were handled, the interval method and the data report."""
        check_lang(lang)
        n_open = int((~self.data["observed"]).sum())
        lines = [self.sentence(lang, days),
                 t("pilots_km_method", lang, n_open=count_text(n_open, lang), date=format_date(self.reference_date, lang),
                   level=format_percent(self.level, 0, lang), conf=self.conf_type)]
        if self.report.n_dropped:
            lines.append(t("pilots_dropped", lang, n=count_text(self.report.n_dropped, lang),
                           n_read=count_text(self.report.n_read, lang)))
        return "\n".join(lines)

    def plot(self, ax=None, lang: str = "nl", days: float | None = NORM_DAYS, title: str | None = None,
             min_left: int | None = None):
        """Share with an end (1 - S) over time per group, with interval bands and the norm; returns the Axes.

        ``min_left``: draw each curve only while at least this many of its cases have no end yet (published
        figures: ``drempel + 1``). A curve drawn to its end climbs to (n - open) / n and gives a small number of
        open cases back (29/30: one), which the tables hide; the x-axis label says where the curves stop.

        Examples
        --------
        >>> d = pd.DataFrame({"start": pd.Timestamp("2024-01-01"),
        ...                   "end": pd.to_datetime(["2024-01-11", "2024-01-21", "2024-01-31", None])})
        >>> ax = kaplan_meier(d, reference_date="2024-03-01").plot(days=None, min_left=2)
        >>> [round(float(v), 2) for v in ax.lines[0].get_ydata()]
        [0.0, 0.25, 0.5, 0.5]
        """
        import matplotlib.pyplot as plt

        from .plots import GREY, PALETTE, format_axis, house_style

        check_lang(lang)
        cut = False
        with house_style():
            if ax is None:
                _, ax = plt.subplots()
            for i, g in enumerate(self.medians["group"]):
                c = self.curves[self.curves["group"] == g]
                times = self.data.loc[self.data["group"] == g, "days"].to_numpy(float)
                last = times.max()
                if min_left is not None:  # cases without an end after each step: at least min_left
                    left = np.array([(times > x).sum() for x in c["time"]])
                    keep = left >= min_left
                    if not keep.all():
                        c = c[keep]
                        last = float(c["time"].iloc[-1]) if len(c) else 0.0
                        cut = True
                x = np.r_[0, c["time"], last]
                y = 1 - np.r_[1, c["survival"], c["survival"].iloc[-1] if len(c) else 1]
                lo = 1 - np.r_[1, c["upper"], c["upper"].iloc[-1] if len(c) else 1]
                hi = 1 - np.r_[1, c["lower"], c["lower"].iloc[-1] if len(c) else 1]
                colour = PALETTE[i % len(PALETTE)]
                n = int(self.medians.loc[self.medians["group"] == g, "n"].iloc[0])
                name = g if g != ALL else ("alle casussen" if lang == "nl" else "all cases")
                ax.step(x, y, where="post", color=colour, label=f"{name} (n = {count_text(n, lang)})")
                ax.fill_between(x, lo, np.nan_to_num(hi, nan=1.0), step="post", color=colour, alpha=0.15)
            if days is not None:
                ax.axvline(days, color=GREY, linestyle="--", linewidth=1)
                ax.annotate(t("pilots_norm_label", lang, days=format_number(days, 0, lang)), (days, 0.02),
                            xytext=(3, 0), textcoords="offset points", color=GREY, fontsize=9)
            ax.set_ylim(0, 1)
            ax.set_xlim(left=0)
            format_axis(ax, "y", percent=True, lang=lang)
            format_axis(ax, "x", lang=lang)
            ax.set_xlabel(t("pilots_days_since_start", lang) + ("\n" + t("pilots_km_cut", lang, k=min_left)
                                                                  if cut else ""))
            ax.set_ylabel(self.label or t("pilots_share_ended", lang))
            ax.legend(loc="lower right")
            ax.set_title(title or t("pilots_km_title", lang))
        return ax


def shareable(data: pd.DataFrame, *, group: str | None = None, days: float = NORM_DAYS, start: str = "start",
              end: str = "end", reference_date=None, min_cell: int = 5,
              lang: str = "nl") -> tuple[pd.DataFrame | None, str | None, list]:
    """The cases whose process times can go into a figure to share, by the rule of ``evaluatie rapport``.

    A group is drawn only when none of the counts its share within ``days`` reveals (cases, ended
    within ``days``, the others) is below ``min_cell``; cases without a group are never a group of
    their own. When no group passes, all cases are taken together; when even that reveals a small
    count, nothing can be shared.

    Parameters
    ----------
    data : DataFrame
        The ``trajectories`` table, as for :func:`kaplan_meier`.
    group : str, optional
        Column with the group (e.g. ``"group"``: voor/na).
    days : float
        The norm (default 90 days).
    start, end, reference_date, lang
        As for :func:`durations`.
    min_cell : int
        Smallest count that may be shown (default 5).

    Returns
    -------
    data : DataFrame or None
        The rows of ``data`` to draw (None: nothing can be shared).
    group : str or None
        The group column to draw with (None: all cases together).
    left_out : list
        Groups not drawn separately.

    Examples
    --------
    >>> d = pd.DataFrame({"start": ["1-1-2024"] * 12, "end": ["1-2-2024"] * 6 + ["1-8-2024"] * 5 + ["1-3-2024"],
    ...                   "group": ["na"] * 11 + ["Na"]})
    >>> rows, column, left_out = shareable(d, group="group")
    >>> len(rows), column, left_out
    (11, 'group', ['Na'])
    """
    frame, _ = durations(data, start=start, end=end, group=group, reference_date=reference_date, lang=lang)

    def small(f: pd.DataFrame) -> bool:
        within = int((f["observed"].to_numpy(bool) & (f["days"].to_numpy() <= days)).sum())
        return any(0 < c < min_cell for c in (len(f), within, len(f) - within))

    left_out: list = []
    if group is not None:
        unknown = "onbekend" if lang == "nl" else "unknown"
        real = sorted(g for g in frame["group"].unique() if g != unknown)
        keep = [g for g in real if not small(frame[frame["group"] == g])]
        left_out = [g for g in real if g not in keep]
        if keep:
            return data.loc[frame.index[frame["group"].isin(keep)]], group, left_out
    if frame.empty or small(frame):
        return None, None, left_out
    return data.loc[frame.index], None, left_out


def kaplan_meier(data: pd.DataFrame, *, start: str = "start", end: str = "end", group: str | None = None,
                 reference_date=None, level: float = 0.95, conf_type: ConfType = "log", label: str = "",
                 lang: str = "nl") -> SurvivalResult:
    """Kaplan–Meier estimate of the time from start to end, per group, with median and interval.

    Parameters
    ----------
    data : DataFrame
        One row per case; see :func:`durations` for the date handling and what is dropped.
    start, end, group, reference_date :
        As in :func:`durations`.
    level : float, default 0.95
    conf_type : {"log", "log-log", "plain"}, default "log"
        Transformation for the pointwise interval (R ``survfit``'s default is ``"log"``).
    label : str, optional
        What the end means (y-axis label), e.g. "aandeel met passend aanbod".

    Returns
    -------
    SurvivalResult

    Notes
    -----
    Estimates by ``statsmodels.duration.survfunc.SurvfuncRight`` (Kaplan–Meier, Greenwood standard
    errors). The median is the first time the curve is at or below 0.5; where the curve is flat at
    exactly 0.5 it is the midpoint to the next drop, as in R. Its interval is where the pointwise
    interval band crosses 0.5 (Brookmeyer & Crowley 1982), as R ``survfit`` reports it; an upper
    bound that is never reached is NaN (R: ``NA``).

    Validated against: R ``survival::survfit`` (tests/reference/durations.R).

    References
    ----------
    Kaplan, E. L. & Meier, P. (1958). JASA 53, 457–481. doi:10.1080/01621459.1958.10501452
    Brookmeyer, R. & Crowley, J. (1982). Biometrics 38, 29–41. doi:10.2307/2530286

    Examples
    --------
    >>> d = pd.DataFrame({"start": pd.Timestamp("2024-01-01"),
    ...                   "end": pd.to_datetime(["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"])})
    >>> kaplan_meier(d).medians["median"].item()  # flat at 0.5 between day 2 and 3
    2.5
    """
    check_lang(lang)
    _check_option(conf_type, CONF_TYPES, "conf_type", lang)
    if not 0 < level < 1:
        raise InputError(t("bad_option", lang, value=level, param="level", allowed="een getal tussen 0 en 1"))
    frame, report = durations(data, start=start, end=end, group=group, reference_date=reference_date, lang=lang)
    if frame.empty:
        raise InputError(t("pilots_no_cases", lang, n=report.n_read))
    ref = frame.attrs["reference_date"]
    z = stats.norm.ppf((1 + level) / 2)
    curves, medians = [], []
    for g, part in frame.groupby("group", sort=True):
        sf = SurvfuncRight(part["days"].to_numpy(float), part["observed"].to_numpy(int))
        times, surv = np.asarray(sf.surv_times, float), np.asarray(sf.surv_prob, float)
        lo, hi = _band(surv, np.asarray(sf.surv_prob_se, float), z, conf_type)
        curves.append(pd.DataFrame({"group": g, "time": times, "at_risk": np.asarray(sf.n_risk, int),
                                    "events": np.asarray(sf.n_events, int), "survival": surv,
                                    "lower": lo, "upper": hi}))
        medians.append({"group": g, "n": len(part), "events": int(part["observed"].sum()),
                        "open": int((~part["observed"]).sum()), "median": _quantile_r(times, surv),
                        "lower": _quantile_r(times, lo), "upper": _quantile_r(times, hi)})
    return SurvivalResult(pd.concat(curves, ignore_index=True), pd.DataFrame(medians), frame, report, ref, level,
                          conf_type, label)


def share_within(data: pd.DataFrame, *, days: float = NORM_DAYS, start: str = "start", end: str = "end",
                 group: str | None = None, reference_date=None, level: float = 0.95, conf_type: ConfType = "log",
                 lang: str = "nl") -> pd.DataFrame:
    """Share of cases ended within ``days`` (default: the 3-month norm), per group, with interval.

    Open cases count through the Kaplan–Meier estimate (a case open for 40 days is not counted as
    "not within 90 days"): ``share = 1 - S(days)``; see :meth:`SurvivalResult.share_within`.

    Validated against: R ``summary(survfit(...), times = 90)`` (tests/reference/durations.R).

    Examples
    --------
    >>> d = pd.DataFrame({"start": "1-1-2024", "end": ["1-2-2024", "1-6-2024", None, "15-1-2024"]})
    >>> share_within(d, days=90, reference_date="1-9-2024")["share"].round(3).tolist()
    [0.5]
    """
    km = kaplan_meier(data, start=start, end=end, group=group, reference_date=reference_date, level=level,
                      conf_type=conf_type, lang=lang)
    return km.share_within(days)


@dataclass(frozen=True)
class LogrankResult:
    """Log-rank comparison of groups; see :func:`logrank`."""

    statistic: float
    df: int
    p_value: float
    groups: pd.DataFrame
    survival: SurvivalResult = field(repr=False)

    def to_frame(self) -> pd.DataFrame:
        """Per group: ``group, n, events, median``; plus the test statistic, df and p-value."""
        return self.groups.assign(statistic=self.statistic, df=self.df, p_value=self.p_value)

    def sentence(self, lang: str = "nl") -> str:
        """'Log-rank: χ² = 2,31 (1 vrijheidsgraad), p = 0,129.'"""
        check_lang(lang)
        return t("pilots_logrank", lang, chi2=format_number(self.statistic, 2, lang), df=self.df,
                 p=format_p(self.p_value, lang), dfw=t("pilots_df_one" if self.df == 1 else "pilots_df_many",
                                                              lang))

    def summary(self, lang: str = "nl") -> str:
        """Medians per group and the test, with how to read it."""
        check_lang(lang)
        key = "pilots_logrank_small" if self.p_value < 0.05 else "pilots_logrank_large"
        return "\n".join([self.survival.sentence(lang), self.sentence(lang), t(key, lang)])

    def plot(self, ax=None, lang: str = "nl"):
        """The Kaplan–Meier curves of the groups compared, with the test in the title."""
        return self.survival.plot(ax=ax, lang=lang, title=self.sentence(lang))


def logrank(data: pd.DataFrame, *, group: str, start: str = "start", end: str = "end", reference_date=None,
            lang: str = "nl") -> LogrankResult:
    """Log-rank test of equal time-to-end between groups (e.g. before and after the pilot).

    Returns
    -------
    LogrankResult
        ``statistic`` (χ²), ``df`` (groups - 1), ``p_value``.

    Notes
    -----
    ``statsmodels.duration.survfunc.survdiff`` (unweighted log-rank).

    Validated against: R ``survival::survdiff`` (tests/reference/durations.R).

    Examples
    --------
    >>> d = pd.DataFrame({"start": "1-1-2024", "group": ["a"] * 3 + ["b"] * 3,
    ...                   "end": ["5-1-2024", "9-1-2024", "20-1-2024", "1-3-2024", "1-4-2024", None]})
    >>> round(logrank(d, group="group", reference_date="1-6-2024").statistic, 3)
    5.052
    """
    km = kaplan_meier(data, start=start, end=end, group=group, reference_date=reference_date, lang=lang)
    frame = km.data
    if frame["group"].nunique() < 2:
        raise InputError(t("pilots_one_group", lang, column=group))
    chi2, p = survdiff(frame["days"].to_numpy(float), frame["observed"].to_numpy(int), frame["group"].to_numpy())
    groups = km.medians[["group", "n", "events", "median"]]
    return LogrankResult(float(chi2), int(frame["group"].nunique() - 1), float(p), groups, km)


@dataclass(frozen=True)
class StepsResult:
    """Time per step of a multi-step process; see :func:`process_steps`.

    ``steps`` one row per group × step: ``group, step, n, completed, median, lower, upper`` (Kaplan–Meier,
    open steps censored) and ``mean_completed``, ``share_of_total`` (mean days among cases that went
    through every step, and that step's share of their total time).
    """

    steps: pd.DataFrame
    per_case: pd.DataFrame
    report: QualityReport
    reference_date: pd.Timestamp

    def to_frame(self) -> pd.DataFrame:
        """The step table (tidy)."""
        return self.steps.copy()

    def sentence(self, lang: str = "nl") -> str:
        """Where the time goes: the longest step and its share of the total, per group."""
        check_lang(lang)
        parts = []
        for g, part in self.steps[self.steps["step"] != "totaal"].groupby("group", sort=False):
            if part["share_of_total"].notna().any():
                top = part.loc[part["share_of_total"].idxmax()]
                total = self.steps.loc[(self.steps["group"] == g) & (self.steps["step"] == "totaal"),
                                       "mean_completed"].iloc[0]
                parts.append(t("pilots_steps_sentence", lang, group=g if g != ALL else "",
                               total=format_number(total, 0, lang), step=top["step"],
                               share=format_percent(top["share_of_total"], 0, lang),
                               days=format_number(top["mean_completed"], 0, lang)).removeprefix("() "))
        return " ".join(parts) or t("pilots_steps_none_complete", lang)

    def summary(self, lang: str = "nl") -> str:
        """Sentence plus per step the median (open cases included) and how many cases are still in it."""
        check_lang(lang)
        num = lambda v: "–" if pd.isna(v) else format_number(v, 0, lang)  # noqa: E731
        lines = [self.sentence(lang)]
        for r in self.steps.itertuples(index=False):
            lines.append(t("pilots_steps_line", lang, group=r.group, step=r.step, n=r.n, completed=r.completed,
                           median=num(r.median), lo=num(r.lower), hi=num(r.upper)))
        if self.report.n_dropped or self.report.entries:
            lines.append(self.report.summary())
        return "\n".join(lines)

    def plot(self, ax=None, lang: str = "nl"):
        """Step chart: mean days per step stacked along the route, one bar per group; returns the Axes.

        Bars are drawn at whole days, as their labels and the step table show them: a vector file keeps a
        length to six decimals, and an exact mean (10 + 16/17 days) gives its number of cases back.
        """
        import matplotlib.pyplot as plt

        from .plots import PALETTE, format_axis, house_style

        check_lang(lang)
        table = self.steps[self.steps["step"] != "totaal"]
        table = table.assign(mean_completed=np.floor(table["mean_completed"].astype(float) + 0.5))
        groups = list(dict.fromkeys(table["group"]))
        with house_style():
            if ax is None:
                _, ax = plt.subplots(figsize=(8.0, 1.6 + 0.8 * len(groups)))
            for j, (step, part) in enumerate(table.groupby("step", sort=False)):
                part = part.set_index("group").reindex(groups)
                left = table[table["group"].isin(groups)].pivot_table(index="group", columns="step",
                                                                      values="mean_completed", sort=False)
                cols = list(dict.fromkeys(table["step"]))
                offset = left.reindex(index=groups, columns=cols).iloc[:, :j].sum(axis=1).to_numpy()
                widths = part["mean_completed"].to_numpy(float)
                y = np.arange(len(groups))[::-1]
                ax.barh(y, widths, left=offset, color=PALETTE[j % len(PALETTE)], label=step, height=0.6)
                for yy, x0, w in zip(y, offset, widths):
                    if np.isfinite(w) and w > 0:
                        ax.annotate(format_number(w, 0, lang), (x0 + w / 2, yy), ha="center", va="center",
                                    fontsize=9, color="white", fontweight="bold")
            ax.set_yticks(np.arange(len(groups))[::-1],
                          [g if g != ALL else ("alle casussen" if lang == "nl" else "all cases") for g in groups])
            ax.grid(axis="y", visible=False)
            ax.grid(axis="x", visible=True)
            format_axis(ax, "x", lang=lang)
            ax.set_xlabel(t("pilots_steps_xlabel", lang))
            ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))
            totals = self.steps[self.steps["step"] == self.steps["step"].iloc[-1]]
            parts = ", ".join(f"{g if g != ALL else ''} {format_number(v, 0, lang)}".strip()
                              for g, v in zip(totals["group"], totals["mean_completed"]) if pd.notna(v))
            ax.set_title(t("pilots_steps_title_totals", lang, totals=parts))
        return ax


def process_steps(data: pd.DataFrame, *, steps, names=None, group: str | None = None, reference_date=None,
                  lang: str = "nl") -> StepsResult:
    """Time per step and in total for a process with dated milestones (registration → indication → help).

    Parameters
    ----------
    data : DataFrame
        One row per case with one date column per milestone.
    steps : sequence of str
        The milestone date columns in process order (at least two).
    names : sequence of str, optional
        Names of the milestones for tables and figures (default: the column names), e.g.
        ``["aanmelding", "indicatie", "start hulp"]``.
    group : str, optional
        Column with the group (e.g. old route / new route).
    reference_date : date, optional
        Cases waiting in a step are censored there; default the latest date in the data.

    Returns
    -------
    StepsResult

    Notes
    -----
    Step ``i`` runs from milestone ``i`` to ``i + 1``. A case enters the step when milestone ``i`` is
    known; when milestone ``i + 1`` is still empty it is censored at the reference date, so medians
    use all cases (Kaplan–Meier per step, via :func:`kaplan_meier`). "Where the time goes" uses the
    cases that went through every step: mean days per step and the share of their mean total
    (means add up, medians do not). Dates out of order and later milestones without an earlier one
    are reported in the quality report and left out of the steps concerned.

    Examples
    --------
    >>> d = pd.DataFrame({"aanmelding": ["1-9-2024", "1-9-2024"], "indicatie": ["11-9-2024", "21-9-2024"],
    ...                   "start_hulp": ["1-10-2024", "1-10-2024"]})
    >>> r = process_steps(d, steps=["aanmelding", "indicatie", "start_hulp"])
    >>> r.steps[["step", "mean_completed"]].values.tolist()
    [['aanmelding → indicatie', 15.0], ['indicatie → start_hulp', 15.0], ['totaal', 30.0]]
    """
    check_lang(lang)
    steps = list(steps)
    if len(steps) < 2 or len(set(steps)) != len(steps):
        raise InputError(t("pilots_steps_too_few", lang, steps=", ".join(map(str, steps))))
    _require(data, (*steps, group), lang)
    report = QualityReport(source="process_steps", kind="trajectories", n_read=len(data), lang=lang)
    row = _row_numbers(data)
    dates = {}
    for c in steps:
        parsed, bad = _parse_dates(data[c])
        for idx in data.index[bad]:
            report.add(row=row[idx], column=data.attrs.get("labels", {}).get(c, c), value=data.loc[idx, c],
                       reason=t("reason_not_date", lang),
                       action="changed")
        dates[c] = parsed
    dates = pd.DataFrame(dates, index=data.index)
    if reference_date is None:
        ref = dates.max().max()
    else:
        ref = _dates(pd.Series([reference_date]), "reference_date", lang).iloc[0]
    if pd.isna(ref):
        raise InputError(t("pilots_no_dates", lang, start=steps[0], end=steps[-1]))
    no_first = dates[steps[0]].isna()
    for idx in data.index[no_first]:
        report.add(row=row[idx], column=steps[0], value="", reason=t("reason_missing", lang),
                   action="dropped")
    groups = (data[group].astype(object).where(data[group].notna(), "onbekend" if lang == "nl" else "unknown")
              .astype(str) if group else pd.Series(ALL, index=data.index))
    shown = list(names) if names is not None else steps
    if len(shown) != len(steps):
        raise InputError(t("pilots_steps_names", lang, n=len(steps), names=", ".join(map(str, shown))))
    names = [f"{a} → {b}" for a, b in zip(shown[:-1], shown[1:])] + ["totaal" if lang == "nl" else "total"]
    pairs = list(zip(steps[:-1], steps[1:])) + [(steps[0], steps[-1])]
    per_case, tables = [], []
    usable = ~no_first
    for name, (a, b) in zip(names, pairs):
        entered = usable & dates[a].notna()
        gap = entered & dates[b].isna() & dates[steps[steps.index(b):]].notna().any(axis=1)
        order = entered & dates[b].notna() & (dates[b] < dates[a])
        for idx in data.index[gap & (name != names[-1])]:
            report.add(row=row[idx], column=b, value="", reason=t("pilots_reason_step_gap", lang, step=b),
                       action="warning")
        for idx in data.index[order]:
            report.add(row=row[idx], column=b, value=data.loc[idx, b],
                       reason=t("pilots_reason_step_order", lang, a=a, b=b),
                       action="warning")
        keep = entered & ~gap & ~order & (dates[a] <= ref)
        part = pd.DataFrame({"group": groups[keep], "start": dates.loc[keep, a], "end": dates.loc[keep, b]})
        if part.empty:
            continue
        km = kaplan_meier(part, group="group", reference_date=ref, lang=lang)
        per_case.append(km.data.assign(step=name))
        tables.append(km.medians.assign(step=name).rename(columns={"events": "completed"}))
    if not tables:
        raise InputError(t("pilots_no_cases", lang, n=len(data)))
    per_case = pd.concat(per_case)
    table = pd.concat(tables, ignore_index=True)[["group", "step", "n", "completed", "median", "lower", "upper"]]
    complete = per_case[per_case["observed"]].pivot_table(index=per_case[per_case["observed"]].index,
                                                          columns="step", values="days")
    complete = complete.dropna(subset=[n for n in names if n in complete.columns])
    complete["group"] = groups.loc[complete.index]
    means = complete.groupby("group")[[n for n in names if n in complete.columns]].mean()
    long = means.stack().rename("mean_completed").reset_index()
    table = table.merge(long, on=["group", "step"], how="left")
    totals = table[table["step"] == names[-1]].set_index("group")["mean_completed"]
    table["share_of_total"] = np.where(table["step"] == names[-1], np.nan,
                                       table["mean_completed"] / table["group"].map(totals))
    table["n_all_steps"] = table["group"].map(complete.groupby("group").size()).fillna(0).astype(int)
    step_order = {n: i for i, n in enumerate(names)}
    table = table.sort_values(["group", "step"], key=lambda s: s.map(step_order) if s.name == "step" else s,
                              kind="stable").reset_index(drop=True)
    return StepsResult(table, per_case, report, ref)


def classify_absence(data: pd.DataFrame, *, enrolled: str = "enrolled", weeks_absent: str = "weeks_absent",
                     lang: str = "nl") -> pd.DataFrame:
    """Classify pupils as thuiszitter following the Dutch definitions.

    Parameters
    ----------
    data : DataFrame
        One row per pupil of compulsory school age.
    enrolled : str
        Column: enrolled at a school (ja/nee, 1/0, True/False).
    weeks_absent : str
        Column: consecutive school weeks absent without permission (0 if none).

    Returns
    -------
    DataFrame
        A copy with ``category`` (``absoluut verzuim``, ``langdurig relatief verzuim``,
        ``relatief verzuim``, ``geen verzuim``) and ``thuiszitter`` (True for the first two).

    Notes
    -----
    Absoluut verzuim: not enrolled at any school. Langdurig relatief verzuim: enrolled but absent
    without permission for more than 4 consecutive school weeks (:data:`THUISZITTER_WEEKS`).
    Both count as thuiszitter (Ministerie van OCW, Thuiszitterspact 2016).

    Examples
    --------
    >>> d = pd.DataFrame({"enrolled": ["ja", "ja", "nee", "ja"], "weeks_absent": [6, 2, 0, 0]})
    >>> classify_absence(d)["category"].tolist()
    ['langdurig relatief verzuim', 'relatief verzuim', 'absoluut verzuim', 'geen verzuim']
    """
    from .io import parse_bool, parse_number

    check_lang(lang)
    _require(data, (enrolled, weeks_absent), lang)

    def safe(f, v):
        try:
            return f(v)
        except (ValueError, TypeError):
            return float("nan")

    ins = data[enrolled].map(lambda v: safe(parse_bool, v))
    weeks = data[weeks_absent].map(lambda v: safe(parse_number, v))
    bad = ins.isna() | (ins.eq(1) & (weeks.isna() | (weeks < 0)))
    if bad.any():
        idx = data.index[bad][0]
        col = enrolled if pd.isna(ins[idx]) else weeks_absent
        raise InputError(t("pilots_absence_bad", lang, rows=", ".join(map(str, data.index[bad][:10])), column=col,
                           value=data.loc[idx, col]), column=col, row=idx)
    out = data.copy()
    out["category"] = np.select([ins.eq(0), weeks > THUISZITTER_WEEKS, weeks > 0],
                                ["absoluut verzuim", "langdurig relatief verzuim", "relatief verzuim"],
                                "geen verzuim")
    out["thuiszitter"] = out["category"].isin(["absoluut verzuim", "langdurig relatief verzuim"])
    return out
