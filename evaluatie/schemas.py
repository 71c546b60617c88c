"""Canonical tables: their columns, Dutch header aliases and pandera schemas.

One :class:`KindSpec` per canonical table of the design map (``dossier``, ``panel``,
``referrals``, ``survey``, ``fragments``, ``trajectories``). :func:`evaluatie.read_table` uses
these specs to recognise headers and parse cells; :func:`validate` checks an already-clean
DataFrame (for researchers who skip :mod:`evaluatie.io`).

Examples
--------
>>> import pandas as pd
>>> spec = KINDS["panel"]
>>> spec.required
('unit', 'period', 'count')
>>> match_column("Aantal leerlingen", "panel")
'exposure'
"""
from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Literal

import pandas as pd
import pandera.pandas as pa

from .errors import InputError
from .text import t

__all__ = ["ColumnSpec", "KindSpec", "KINDS", "DUTCH_HEADERS", "Kind", "AGENCY_TYPES", "CARE_LEVELS",
           "match_column", "is_sentence", "SENTENCE_WORDS", "validate", "failures", "schema", "check_kind",
           "normalize_header", "allowed_values", "missing_columns_message"]

Kind = Literal["dossier", "panel", "referrals", "survey", "fragments", "trajectories"]
ColumnType = Literal["id", "text", "category", "int", "number", "date", "period", "bool"]

#: Known agency types (``agency_type`` in ``dossier``); other values are kept with a warning.
AGENCY_TYPES: dict[str, str] = {
    "jeugd-ggz": "jeugd-GGZ", "ggz": "jeugd-GGZ", "jeugdggz": "jeugd-GGZ",
    "jeugdzorg": "jeugdzorg", "jeugdhulp": "jeugdzorg",
    "wijkteam/cjg": "wijkteam/CJG", "wijkteam": "wijkteam/CJG", "cjg": "wijkteam/CJG", "buurtteam": "wijkteam/CJG",
    "medisch": "medisch", "jgz": "medisch",
    "onderwijsondersteuning": "onderwijsondersteuning", "onderwijs": "onderwijsondersteuning",
    "eerstelijn": "eerstelijn", "eerste lijn": "eerstelijn",
    "overig": "overig",
}
#: Care levels (``care_level`` in ``referrals`` and ``panel``): first or second line.
CARE_LEVELS: dict[str, str] = {
    "first": "first", "eerstelijns": "first", "eerste lijn": "first", "1e lijn": "first", "1": "first",
    "eerstelijn": "first", "licht": "first", "1e-lijns": "first",
    "second": "second", "tweedelijns": "second", "tweede lijn": "second", "2e lijn": "second", "2": "second",
    "tweedelijn": "second", "specialistisch": "second", "2e-lijns": "second",
}

#: How category values stored in English are written for people (care levels are kept as first/second).
CATEGORY_LABELS: dict[str, dict[str, str]] = {"first": {"nl": "eerstelijns", "en": "first"},
                                              "second": {"nl": "tweedelijns", "en": "second"}}


@dataclass(frozen=True)
class ColumnSpec:
    """One canonical column: its type, whether it is required, and accepted header names."""

    name: str
    type: ColumnType
    required: bool
    aliases: tuple[str, ...]
    help_nl: str
    help_en: str
    example: object = None
    categories: dict[str, str] | None = None
    on_unknown: Literal["drop", "warn"] = "drop"
    min_value: float | None = None
    strictly_positive: bool = False
    header: str = ""  # the Dutch header used in templates and messages (one of the aliases)

    def __post_init__(self):
        if self.header and normalize_header(self.header) not in {normalize_header(a) for a in self.aliases}:
            raise ValueError(f"header {self.header!r} of {self.name!r} is not one of its aliases")

    @property
    def label(self) -> str:
        """Dutch header if set, else the canonical name."""
        return self.header or self.name


@dataclass(frozen=True)
class KindSpec:
    """A canonical table kind: columns, unique keys, identifier column and row-level checks."""

    name: str
    columns: tuple[ColumnSpec, ...]
    keys: tuple[str, ...] = ()
    identifier: str | None = None
    ordered_dates: tuple[str, str] | None = None
    extra_numeric: bool = False
    description: dict[str, str] = field(default_factory=dict)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)

    def column(self, name: str) -> ColumnSpec:
        return next(c for c in self.columns if c.name == name)


def normalize_header(text) -> str:
    """Lower-case, strip accents, punctuation and spaces: ``'Aantal leerlingen '`` -> ``'aantalleerlingen'``."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", text.lower())


C = ColumnSpec
_SCHOOL = ("school", "schoolnaam", "locatie", "vestiging", "ikc", "brin", "unit", "eenheid", "gemeente", "regio")
KINDS: dict[str, KindSpec] = {
    "dossier": KindSpec(
        "dossier",
        (
            C("school", "text", True, _SCHOOL, "Naam of code van de school", "School name or code", "SBO De Regenboog"),
            C("pupil", "id", True, ("pupil", "leerling", "leerlingnummer", "leerlingnr", "leerlingcode",
                                    "dossier", "dossiernummer", "kind", "kindcode"),
              "Leerlingnummer of code (wordt gepseudonimiseerd); geen naam of BSN",
              "Pupil number or code (pseudonymized); no name or BSN", "L001"),
            C("agency_raw", "text", False, ("agencyraw", "agency", "instantie", "hulpverleningsinstantie",
                                            "hulpverlener", "organisatie", "zorgaanbieder", "instantienaam"),
              "Instantie zoals in het dossier genoemd; leeg als de leerling geen instantie heeft",
              "Agency as named in the file; empty if the pupil has none", "Accare"),
            C("agency_type", "category", False, ("agencytype", "type", "soort", "soortinstantie", "typeinstantie"),
              "Soort instantie (optioneel)", "Agency type (optional)", "jeugd-GGZ",
              categories=AGENCY_TYPES, on_unknown="warn"),
            C("source", "text", False, ("source", "bron", "student", "codeur", "ingevulddoor"),
              "Wie het dossier las of waar het vandaan komt (optioneel)", "Who read the file (optional)", "student A"),
        ),
        identifier="pupil",
        description={"nl": "Eén rij per leerling × genoemde instantie (dossieronderzoek, nulmeting).",
                     "en": "One row per pupil × agency mention (file study, baseline)."},
    ),
    "panel": KindSpec(
        "panel",
        (
            C("unit", "text", True, _SCHOOL, "School of locatie", "School or location", "IKC De Linde"),
            C("period", "period", True, ("period", "periode", "maand", "datum", "kwartaal", "schooljaar",
                                         "jaar", "tijd", "time"),
              "Periode: maand (2024-09), kwartaal (2024K3), schooljaar (2024/2025) of datum",
              "Period: month (2024-09), quarter (2024Q3), school year (2024/2025) or date", "2024-09"),
            C("count", "int", True, ("count", "aantal", "verwijzingen", "aantalverwijzingen", "n", "aantalcasussen"),
              "Aantal (bv. verwijzingen naar tweedelijns jeugdhulp), 0 of meer",
              "Count (e.g. referrals to second-line care), 0 or more", 2, min_value=0),
            C("exposure", "number", False, ("exposure", "leerlingen", "aantalleerlingen", "leerlingaantal",
                                            "pupils", "populatie", "ingeschreven"),
              "Aantal ingeschreven leerlingen (groter dan 0)", "Pupils enrolled (greater than 0)", 412,
              strictly_positive=True),
            C("treated", "bool", False, ("treated", "behandeld", "interventie", "jeugdondersteuner",
                                         "metjeugdondersteuner", "pilot"),
              "Jeugdondersteuner aanwezig in deze periode (ja/nee)", "Youth worker present in this period (yes/no)",
              "nee"),
            C("start", "date", False, ("start", "startdatum", "startjeugdondersteuner", "begin", "startpilot"),
              "Startdatum jeugdondersteuner; leeg als de school geen jeugdondersteuner kreeg",
              "Start date of the youth worker; empty if never", "1-1-2023"),
            C("care_level", "category", False, ("carelevel", "lijn", "zorgniveau", "echelon", "soortzorg"),
              "Eerstelijns of tweedelijns (optioneel)", "First or second line (optional)", "tweedelijns",
              categories=CARE_LEVELS),
        ),
        keys=("unit", "period", "care_level"),
        description={"nl": "Eén rij per school × periode met aantallen en leerlingen.",
                     "en": "One row per unit × period with counts and pupils."},
    ),
    "referrals": KindSpec(
        "referrals",
        (
            C("pupil", "id", True, ("pupil", "leerling", "leerlingnummer", "client", "jeugdige", "kind"),
              "Leerling- of cliëntcode (wordt gepseudonimiseerd)", "Pupil or client code (pseudonymized)", "L001"),
            C("unit", "text", True, _SCHOOL, "School of locatie", "School or location", "IKC De Linde"),
            C("date", "date", True, ("date", "datum", "verwijsdatum", "datumverwijzing", "startdatum"),
              "Datum van de verwijzing", "Referral date", "3-9-2024"),
            C("care_level", "category", True, ("carelevel", "lijn", "zorgniveau", "echelon", "soortzorg"),
              "Eerstelijns of tweedelijns", "First or second line", "tweedelijns", categories=CARE_LEVELS),
            C("provider", "text", False, ("provider", "aanbieder", "instantie", "zorgaanbieder"),
              "Zorgaanbieder (optioneel)", "Provider (optional)", "Accare"),
        ),
        identifier="pupil",
        description={"nl": "Eén rij per verwijzing (leerlingniveau).", "en": "One row per referral (pupil level)."},
    ),
    "survey": KindSpec(
        "survey",
        (
            C("respondent", "id", True, ("respondent", "respondentnummer", "nr", "deelnemer", "id"),
              "Code van de respondent (wordt gepseudonimiseerd)", "Respondent code (pseudonymized)", "R01"),
            C("group", "text", True, ("group", "groep", "rol", "respondentgroep", "functie", "doelgroep"),
              "Groep: ouder, leerkracht, intern begeleider, ...", "Group: parent, teacher, ...", "ouder"),
            C("wave", "text", True, ("wave", "meting", "ronde", "golf", "meetmoment"),
              "Meetmoment (bv. voor / na)", "Wave (e.g. before / after)", "voor"),
            C("unit", "text", False, _SCHOOL, "School (optioneel)", "School (optional)", "IKC De Linde"),
        ),
        keys=("respondent", "wave"),
        identifier="respondent",
        extra_numeric=True,
        description={"nl": "Eén rij per respondent × meetmoment; overige kolommen zijn vragen (1-5) of open antwoorden.",
                     "en": "One row per respondent × wave; other columns are items (1-5) or open answers."},
    ),
    "fragments": KindSpec(
        "fragments",
        (
            # "document", "tag", "content": the highlights export of Taguette (id, document, tag, [tag_parent,
            # tag_full_path, tag_description,] content; taguette/export.py highlights_csv), one document per interview.
            # ATLAS.ti's quotation export: "Document", "Document Groups", "Codes" (several on separate lines),
            # "Quotation Content"/"Content"/"Text Content". MAXQDA's coded segments: "Document group", "Document name", "Code"
            # (Parent\Child), "Segment"; Dutch interface "Documentgroep", "Documentnaam"; German "Dokumentgruppe",
            # "Dokumentname". Layouts and sources: tests/fixtures/qda/README.md; codes are normalised by
            # evaluatie.interviews.normalize_codes, called by read_table.
            C("respondent", "id", True, ("respondent", "respondentnummer", "deelnemer", "geinterviewde", "interview",
                                         "document", "documentname", "documentnaam", "dokumentname", "docname"),
              "Code van de geïnterviewde (wordt gepseudonimiseerd)", "Interviewee code (pseudonymized)", "R01"),
            C("group", "text", False, ("group", "groep", "rol", "functie", "documentgroup", "documentgroups",
                                       "documentgroep", "documentgroepen", "dokumentgruppe"),
              "Groep: ouder, leerkracht, intern begeleider, ... (zonder groep is iedereen één groep 'respondent')",
              "Group (without one, everybody is one group 'respondent')", "leerkracht"),
            C("code", "text", True, ("code", "codes", "thema", "label", "categorie", "tag"),
              "Code uit het codeboek", "Code from the codebook", "samenwerking"),
            C("text", "text", False, ("text", "tekst", "fragment", "citaat", "quote", "content", "quotationcontent",
                                      "textcontent", "segment"),
              "Tekstfragment (zonder namen)", "Text fragment (no names)", "We weten elkaar nu sneller te vinden."),
        ),
        identifier="respondent",
        description={"nl": "Eén rij per gecodeerd interviewfragment.", "en": "One row per coded interview fragment."},
    ),
    "trajectories": KindSpec(
        "trajectories",
        (
            C("case", "id", True, ("case", "casus", "casusnummer", "casusnr", "casuscode", "leerling", "dossier",
                                   "client"),
              "Casuscode (wordt gepseudonimiseerd)", "Case code (pseudonymized)", "C001"),
            C("unit", "text", False, _SCHOOL + ("team", "wijkteam"), "School of team (optioneel)",
              "School or team (optional)", "Team Noord"),
            C("start", "date", True, ("start", "startdatum", "aanmelddatum", "datumaanmelding", "begindatum"),
              "Startdatum (bv. aanmelding)", "Start date (e.g. registration)", "3-9-2024"),
            # "datum passend aanbod": the Thuiszitterspact's own term for the end of a wait
            C("end", "date", False, ("end", "eind", "einddatum", "datumplaatsing", "plaatsingsdatum", "afgerond",
                                     "datumpassendaanbod", "passendaanbod", "datumaanbod"),
              "Einddatum; leeg als de casus nog loopt", "End date; empty if still open", "15-11-2024"),
            C("group", "text", False, ("group", "groep", "cohort", "periode"),
              "Groep (bv. voor / na de pilot)", "Group (e.g. before / after)", "na"),
        ),
        identifier="case",
        ordered_dates=("start", "end"),
        description={"nl": "Eén rij per casus met start- en (eventueel) einddatum.",
                     "en": "One row per case with start and (if any) end date."},
    ),
}
del C

#: The Dutch header of every column, as written in the Excel templates and named in messages.
#: Each is one of the column's aliases, so a filled-in template loads without remarks.
DUTCH_HEADERS: dict[str, dict[str, str]] = {
    "dossier": {"school": "School", "pupil": "Leerling", "agency_raw": "Instantie", "agency_type": "Soort instantie",
                "source": "Bron"},
    "panel": {"unit": "School", "period": "Periode", "count": "Aantal", "exposure": "Leerlingen",
              "treated": "Jeugdondersteuner", "start": "Startdatum", "care_level": "Zorgniveau"},
    "referrals": {"pupil": "Leerling", "unit": "School", "date": "Datum", "care_level": "Zorgniveau",
                  "provider": "Aanbieder"},
    "survey": {"respondent": "Respondent", "group": "Groep", "wave": "Meting", "unit": "School"},
    "fragments": {"respondent": "Respondent", "group": "Groep", "code": "Code", "text": "Tekst"},
    "trajectories": {"case": "Casus", "unit": "School", "start": "Startdatum", "end": "Einddatum", "group": "Groep"},
}
KINDS = {kind: replace(spec, columns=tuple(replace(c, header=DUTCH_HEADERS[kind][c.name]) for c in spec.columns))
         for kind, spec in KINDS.items()}


def check_kind(kind: str) -> KindSpec:
    """Return the spec for ``kind`` or raise a Dutch :class:`InputError` listing the kinds."""
    if kind not in KINDS:
        raise InputError(t("bad_kind", value=kind, param="kind", allowed=", ".join(KINDS)))
    return KINDS[kind]


#: A header of this many words or more (outside brackets) is a sentence, e.g. a question as exported by
#: MS Forms ("School en jeugdhulp stemmen goed met elkaar af"): it never matches an alias by its start.
SENTENCE_WORDS = 6


def is_sentence(header) -> bool:
    """Whether a header cell reads as a sentence or question rather than a column name.

    A question mark, or :data:`SENTENCE_WORDS` (6) or more words outside brackets. Such a header
    only matches a canonical column when it *is* one of its names (``exact``), never by its start.

    Examples
    --------
    >>> is_sentence("School en jeugdhulp stemmen goed met elkaar af"), is_sentence("Meetmoment (bv. voor / na)")
    (True, False)
    >>> is_sentence("Aantal verwijzingen naar tweedelijns jeugdhulp"), is_sentence("Schoolkeuze?")
    (False, True)
    """
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", str(header)).strip()
    return text.endswith("?") or len(re.findall(r"\w+", text)) >= SENTENCE_WORDS


def match_column(header, kind: str, exact: bool = True) -> str | None:
    """Canonical column name for a header cell, or ``None`` if it is not a known alias.

    With ``exact=False`` a header that *starts with* an alias of at least six characters also
    matches (``'Verwijzingen tweedelijns'`` -> ``count``), unless the header is a sentence
    (:func:`is_sentence`: a question in a survey export is no school column because it starts with
    "School").

    Examples
    --------
    >>> match_column("Verwijzingen tweedelijns", "panel", exact=False)
    'count'
    >>> match_column("School en jeugdhulp stemmen goed met elkaar af", "survey", exact=False) is None
    True
    """
    key = normalize_header(header)
    if not key:
        return None
    prefix = not exact and not is_sentence(header)
    for col in check_kind(kind).columns:
        names = {normalize_header(a) for a in (col.name, *col.aliases)}
        if key in names or (prefix and any(len(a) >= 6 and key.startswith(a) for a in names)):
            return col.name
    return None


def allowed_values(col: ColumnSpec, lang: str = "nl", n_more: int = 4) -> str:
    """The values a category column accepts, written as a user writes them (never the stored English codes).

    Examples
    --------
    >>> allowed_values(KINDS["referrals"].column("care_level"))
    'eerstelijns, tweedelijns (ook eerste lijn, tweede lijn, 1e lijn, 2e lijn, …)'
    """
    groups: dict[str, list[str]] = {}
    for alias, value in col.categories.items():
        groups.setdefault(value, []).append(alias)
    values = sorted(groups)
    shown = [CATEGORY_LABELS.get(v, {}).get(lang, v) for v in values]
    taken = {normalize_header(x) for x in shown + values}
    others = [[a for a in groups[v] if normalize_header(a) not in taken] for v in values]
    more = [a for tier in itertools.zip_longest(*others) for a in tier if a]
    if not more:
        return ", ".join(shown)
    return t("allowed_also", lang, values=", ".join(shown),
             more=", ".join(more[:n_more]) + (", …" if len(more) > n_more else ""))


def missing_columns_message(data: pd.DataFrame, missing, kind: str | None = None, lang: str = "nl") -> str:
    """The message for columns a function needs but ``data`` lacks, in the names the user knows.

    For a table from :func:`evaluatie.read_table` (``data.attrs["kind"]``) a missing column is named by its
    Dutch header and the other header names the loader accepts, and the present columns by their headers
    in the user's file (``data.attrs["labels"]``); internal names such as ``end`` or ``source_row`` are not
    shown. For another DataFrame the column name a function looks for is given too.

    Examples
    --------
    >>> missing_columns_message(pd.DataFrame({"start": []}), ["end"], kind="trajectories")[:61]
    "De tabel mist kolom(men) 'end' (in een bestand: Einddatum, of"
    """
    from_file = data.attrs.get("kind") in KINDS
    spec = KINDS.get(data.attrs.get("kind") or kind)
    canonical = {c.name for c in spec.columns} if spec else set()

    def named(name) -> str:
        if name not in canonical:
            return f"'{name}'"
        col = spec.column(name)
        other = [a for a in col.aliases if normalize_header(a) not in {normalize_header(col.label), col.name}]
        return t("missing_column_file" if from_file else "missing_column_frame", lang, name=name, header=col.label,
                 names=", ".join(other))

    missing_text = "; ".join(named(c) for c in missing)
    if from_file:
        labels = data.attrs.get("labels", {})
        present = [str(labels.get(c, spec.column(c).label if c in canonical else c)) for c in data.columns
                   if c != "source_row"]
        return t("missing_columns_file", lang, missing=missing_text, present=", ".join(present),
                 file=data.attrs.get("source", ""))
    return t("missing_columns", lang, missing=missing_text, present=", ".join(map(str, data.columns)))


def _pandera_column(col: ColumnSpec) -> pa.Column:
    checks = []
    if col.min_value is not None:
        checks.append(pa.Check.ge(col.min_value, name="min_value"))
    if col.strictly_positive:
        checks.append(pa.Check.gt(0, name="strictly_positive"))
    if col.categories and col.on_unknown == "drop":
        checks.append(pa.Check.isin(sorted(set(col.categories.values())), name="category"))
    dtype = {"int": "Int64", "number": "Float64", "date": "datetime64[ns]", "bool": "Int64"}.get(col.type)
    return pa.Column(dtype, checks=checks, nullable=not col.required, required=col.required, coerce=True)


def schema(kind: str) -> pa.DataFrameSchema:
    """The pandera schema for a canonical table kind (types, ranges, categories, date order)."""
    spec = check_kind(kind)
    checks = []
    if spec.ordered_dates:
        a, b = spec.ordered_dates
        checks.append(pa.Check(lambda d, a=a, b=b: d[b].isna() | (d[b] >= d[a]), name="end_after_start"))
    return pa.DataFrameSchema({c.name: _pandera_column(c) for c in spec.columns}, checks=checks, strict=False)


_CHECK_REASONS = (
    ("greater_than_or_equal_to", "reason_negative"),
    ("greater_than", "reason_not_positive"),
    ("isin", "reason_category"),
    ("end_after_start", "reason_end_before_start"),
    ("not_nullable", "reason_missing"),
)


def failures(data: pd.DataFrame, kind: str, lang: str = "nl") -> pd.DataFrame:
    """Rows of ``data`` that fail the schema of ``kind``: ``index, column, value, reason`` (one per failure).

    Type coercion failures and value checks are both reported; the frame is empty when all is well.
    """
    spec = check_kind(kind)
    cols = ["index", "column", "value", "reason"]
    try:
        schema(kind).validate(data, lazy=True)
    except pa.errors.SchemaErrors as err:
        rows = []
        for case in err.failure_cases.itertuples(index=False):
            key = next((r for prefix, r in _CHECK_REASONS if str(case.check).startswith(prefix)), None)
            if key == "reason_category":
                col = spec.column(case.column)
                reason = t(key, lang, allowed=allowed_values(col, lang))
            elif key is not None:
                reason = t(key, lang)
            else:
                reason = t("reason_schema", lang, check=case.check)
            column = spec.ordered_dates[1] if key == "reason_end_before_start" else case.column
            if key == "reason_end_before_start" and case.column != spec.ordered_dates[0]:
                continue  # a frame-level check is reported once per row, on the end column
            value = data.at[case.index, column] if case.index in data.index and column in data else case.failure_case
            rows.append((case.index, column, value, reason))
        return pd.DataFrame(rows, columns=cols)
    return pd.DataFrame(columns=cols)


def validate(data: pd.DataFrame, kind: str, lang: str = "nl") -> pd.DataFrame:
    """Validate an already-clean canonical table; return a typed copy or raise :class:`InputError`.

    Examples
    --------
    >>> df = pd.DataFrame({"unit": ["A"], "period": [1], "count": [2], "exposure": [100.0]})
    >>> validate(df, "panel")["count"].dtype
    Int64Dtype()
    """
    spec = check_kind(kind)
    missing = [c for c in spec.required if c not in data.columns]
    if missing:
        raise InputError(missing_columns_message(data, missing, kind, lang), column=missing[0])
    found = failures(data, kind, lang)
    if len(found):
        first = found.iloc[0]
        raise InputError(t("invalid_table", lang, kind=kind, n=len(found), index=first["index"],
                           column=first["column"], value=first["value"], reason=first["reason"]),
                         row=first["index"], column=first["column"])
    return schema(kind).validate(data.copy())
