"""Privacy by default: pseudonymization, detection of personal data, small-cell suppression.

Pupil files are sensitive. :func:`evaluatie.read_table` pseudonymizes identifier columns on load
(:func:`pseudonymize`), drops columns whose header says they hold names, BSNs or birth dates, and
flags cells that look like personal data (:func:`find_identifiers`); :func:`suppress` protects small
cells in every exported table.

Examples
--------
>>> pseudonymize(["L001", "L002", "L001"], key="een-voorbeeldsleutel-van-32-tekens")[0][:3]
'ps_'
>>> is_bsn("111222333")
True
"""
from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import InputError
from .text import t

__all__ = ["pseudonymize", "get_key", "find_identifiers", "is_bsn", "suppress", "check_exportable",
           "header_kind"]

KEY_ENV = "EVALUATIE_SLEUTEL"
KEYFILE_ENV = "EVALUATIE_SLEUTELBESTAND"
DEFAULT_KEYFILE = Path("~/.config/evaluatie/sleutel")
PREFIX = "ps_"

# ----------------------------------------------------------------------------- headers
_KIND_NAME, _KIND_BSN, _KIND_BIRTH, _KIND_ADDRESS, _KIND_EMAIL, _KIND_PHONE = (
    "naam", "BSN", "geboortedatum", "adres", "e-mail", "telefoon")

#: Words (or whole compound words) that name a person, whoever the header is about.
_PERSON_WORDS = frozenset((
    "leerling", "leerlingen", "kind", "kinderen", "ouder", "ouders", "verzorger", "verzorgers", "moeder", "vader",
    "jongere", "jeugdige", "client", "clienten", "contactpersoon", "leerkracht", "docent", "mentor", "begeleider",
    "hulpverlener", "medewerker", "jeugdwerker", "jeugdondersteuner", "pupil", "pupils", "child", "children",
    "parent", "parents", "guardian", "student", "teacher", "worker", "contact", "person", "persoon", "mother",
    "father", "gezin", "family", "familie",
))
#: Words that make a header name an organisation rather than a person (``Naam instantie``).
_ORG_WORDS = frozenset((
    "school", "scholen", "instantie", "instanties", "instelling", "organisatie", "organisation", "organization",
    "agency", "aanbieder", "zorgaanbieder", "provider", "team", "wijkteam", "buurtteam", "jeugdteam", "vestiging",
    "locatie", "ikc", "gemeente", "praktijk", "bureau", "dienst", "ggd", "cjg", "swv", "samenwerkingsverband",
    "bestuur", "schoolbestuur", "brin", "unit", "eenheid", "regio", "hub", "wijk", "project", "interventie",
    "product", "traject", "groep", "klas", "programma", "bestand", "tabblad", "sheet", "file",
))
_ORG_SUFFIXES = ("school", "instantie", "organisatie", "team", "aanbieder", "instelling")
#: Prefixes of ``…naam`` compounds that are a person's name (``Roepnaam``, ``Leerlingnaam``).
_NAME_PREFIXES = frozenset(("", "voor", "achter", "roep", "familie", "meisjes", "geboorte", "volledige", "eigen",
                            "bij", "first", "last", "sur", "full", "given", "family", "middle", "nick", "maiden",
                            "leerlingen", "kinder", "ouders")) | _PERSON_WORDS
_NAME_WORDS = frozenset(("voorletters", "initialen", "tussenvoegsel", "tussenvoegsels", "initials", "surname"))
_BIRTH_WORDS = frozenset(("geb", "geboren", "dob", "birth", "birthdate", "birthday", "born", "verjaardag",
                          "gebdat", "gebdatum"))
_PHONE_WORDS = frozenset(("tel", "telnr", "telefoon", "telefoonnr", "telefoonnummer", "telefoonnummers", "mobiel",
                          "mobile", "gsm", "phone", "telephone", "cell", "cellphone", "mobielnummer", "mob"))
_ADDRESS_WORDS = frozenset(("straat", "straatnaam", "huisnummer", "huisnr", "huisnummers", "postcode", "woonplaats",
                            "address", "street", "zip", "zipcode", "postal", "postalcode", "woonachtig", "woonwijk",
                            "huisnummertoevoeging"))
_ALWAYS = {_KIND_BSN, _KIND_BIRTH}  # no organisation has a BSN or a date of birth


def _header_words(header) -> list[str]:
    """Words of a header: camelCase split, accents stripped, lower case, any separator."""
    text = unicodedata.normalize("NFKD", str(header)).encode("ascii", "ignore").decode()
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text).lower()
    return [w for w in re.split(r"[^a-z0-9]+", text) if w]


def _word_kind(word: str) -> str | None:
    """Personal-data kind of one header word (``None`` if the word says nothing)."""
    if word.startswith(("bsn", "burgerservice", "sofinummer", "sofinr")) or word in ("sofi", "ssn"):
        return _KIND_BSN
    if word.startswith("geboorte") and word != "geboorteland" or word in _BIRTH_WORDS:
        return _KIND_BIRTH
    if "mail" in word:
        return _KIND_EMAIL
    if word in _PHONE_WORDS or word.startswith(("telefoon", "telnr", "mobielnummer", "phone")):
        return _KIND_PHONE
    if "adres" in word or word in _ADDRESS_WORDS or word.startswith(("postcode", "woonplaats", "woonadres", "straat")):
        return _KIND_ADDRESS
    if word in _NAME_WORDS:
        return _KIND_NAME
    for suffix in ("naam", "namen", "name", "names"):
        if word.endswith(suffix):
            return _KIND_NAME if word[: -len(suffix)] in _NAME_PREFIXES else None
    return None


def header_kind(header) -> str | None:
    """Kind of personal data a column header announces, or ``None``.

    The header is split into words (any separator, camelCase, accents ignored; ``geb.``, ``tel.``,
    ``nr`` are words too) and each word is looked up: BSN (``BSN-nummer``, ``burgerservicenummer``),
    date of birth (``Geboortedatum``, ``geb. datum``, ``date of birth``), e-mail (``E-mailadres
    ouder``), telephone (``Tel. nr``, ``Mobiel nummer``), address (``Woonadres``, ``Postcode/woonplaats``,
    ``Adresgegevens``) and name (``Naam``, ``Roepnaam``, ``Achternaam leerling``, ``Naam kind``,
    ``first name``). A name, e-mail, phone or address header that is about an organisation (a word
    such as ``instantie``, ``school``, ``organisatie``, ``team`` and no word for a person such as
    ``leerling``, ``ouder``, ``hulpverlener``) is not personal: ``Naam instantie``, ``Schoolnaam``,
    ``Telefoonnummer instantie``. A BSN or date of birth is always personal.

    Parameters
    ----------
    header : str
        A column header as typed by the user.

    Returns
    -------
    One of ``"naam"``, ``"BSN"``, ``"geboortedatum"``, ``"adres"``, ``"e-mail"``, ``"telefoon"``, or
    ``None``.

    Examples
    --------
    >>> [header_kind(h) for h in ["BSN-nummer", "Naam ouder/verzorger", "Naam instantie", "Schoolnaam", "Aantal"]]
    ['BSN', 'naam', None, None, None]
    """
    words = _header_words(header)
    kinds = [k for k in map(_word_kind, words) if k]
    if not kinds:
        return None
    for kind in (_KIND_BSN, _KIND_BIRTH, _KIND_EMAIL, _KIND_PHONE, _KIND_ADDRESS, _KIND_NAME):
        if kind in kinds:
            break
    if kind in _ALWAYS:
        return kind
    person = any(w in _PERSON_WORDS or (w.endswith(("naam", "name")) and _word_kind(w) == _KIND_NAME
                                         and w not in ("naam", "name")) for w in words)
    organisation = any(w in _ORG_WORDS or w.endswith(_ORG_SUFFIXES) for w in words)
    if organisation and not person:
        return None
    return kind


_PATTERNS = {
    "BSN": re.compile(r"(?<![\d.])(\d{9}|\d{4}\.\d{2}\.\d{3})(?![\d.])"),
    "e-mail": re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    "telefoon": re.compile(r"(?<![\w+])(?:\+31|0031|0)(?:[ -]?\(?0?\)?)?(?:[ -]?\d){9}(?!\d)"),
    "postcode+huisnummer": re.compile(r"\b[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}\b[ ,]*\d{1,5}\b"),
    "geboortedatum": re.compile(r"(?i)\b(?:geboren|geb\.|geboortedatum)\s*:?\s*(?:op\s+)?\d{1,2}[-/. ]\w+[-/. ]\d{2,4}"),
}


def is_bsn(text: str) -> bool:
    """True if ``text`` is nine digits (dots allowed) that pass the BSN eleven-test.

    The test: ``9*d1 + 8*d2 + ... + 2*d8 - 1*d9`` is a multiple of 11 (and not all zeros).
    """
    digits = re.sub(r"\.", "", str(text))
    if not re.fullmatch(r"\d{9}", digits) or set(digits) == {"0"}:
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return sum(w * int(d) for w, d in zip(weights, digits)) % 11 == 0


def _in_git_repo(path: Path) -> bool:
    return any((parent / ".git").exists() for parent in path.resolve().parents)


def get_key(create: bool = True, lang: str = "nl") -> tuple[bytes, str, str | None]:
    """Find the pseudonymization key: ``(key, where it came from, note for the user or None)``.

    Order: environment variable ``EVALUATIE_SLEUTEL``; the key file named by
    ``EVALUATIE_SLEUTELBESTAND``; ``~/.config/evaluatie/sleutel`` (created with a random key when
    missing and ``create`` is true). A key file inside a git project is refused.
    """
    env = os.environ.get(KEY_ENV)
    if env:
        if len(env) < 16:
            raise InputError(t("key_too_short", lang, n=len(env)))
        return env.encode(), KEY_ENV, None
    path = Path(os.environ.get(KEYFILE_ENV) or DEFAULT_KEYFILE).expanduser()
    if path.exists():
        if _in_git_repo(path):
            raise InputError(t("key_in_repo", lang, path=path), file=path)
        key = path.read_text(encoding="utf-8").strip()
        if len(key) < 16:
            raise InputError(t("key_too_short", lang, n=len(key)), file=path)
        return key.encode(), str(path), None
    if create and not _in_git_repo(path):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_hex(32) + "\n", encoding="utf-8")
            path.chmod(0o600)
            return path.read_text(encoding="utf-8").strip().encode(), str(path), t("note_key_created", lang, path=path)
        except OSError:
            pass
    return secrets.token_hex(32).encode(), "tijdelijk", t("note_key_ephemeral", lang)


def pseudonymize(values, key: str | bytes | None = None, prefix: str = PREFIX):
    """Replace identifiers by keyed HMAC-SHA256 pseudonyms (stable for one key).

    Parameters
    ----------
    values : sequence or pandas.Series
        Identifiers (pupil numbers, respondent codes). Missing values stay missing; surrounding
        white space is ignored.
    key : str or bytes, optional
        Secret key; by default :func:`get_key` (environment variable or key file outside the project).
    prefix : str
        Prefix of every pseudonym (``ps_``), so pseudonyms are recognisable.

    Returns
    -------
    Same type as ``values`` (Series keeps its index) with ``prefix`` + 16 hexadecimal characters.

    Notes
    -----
    HMAC-SHA256 (RFC 2104) with a secret key: without the key the pseudonyms cannot be reversed
    by trying all pupil numbers, which a plain hash would allow. 64 bits keep collisions negligible
    (probability about n²/2⁶⁵).

    Examples
    --------
    >>> a = pseudonymize(["L001", " L001 "], key="een-voorbeeldsleutel-van-32-tekens")
    >>> a[0] == a[1]
    True
    """
    if key is None:
        key = get_key()[0]
    key = key.encode() if isinstance(key, str) else key

    def one(v):
        if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NA:
            return v
        return prefix + hmac.new(key, str(v).strip().encode("utf-8"), hashlib.sha256).hexdigest()[:16]

    if isinstance(values, pd.Series):
        return values.map(one, na_action="ignore").astype("object")
    return [one(v) for v in values]


def find_identifiers(data: pd.DataFrame, columns=None) -> pd.DataFrame:
    """Cells and columns that look like personal data.

    Flags columns whose header names personal data (naam, BSN, geboortedatum, adres, e-mail,
    telefoon) and text cells that contain a valid BSN (eleven-test), an e-mail address, a Dutch
    phone number, a postcode with house number, or a date of birth ("geboren op 3-9-2015").

    Parameters
    ----------
    data : DataFrame
    columns : list of str, optional
        Columns to check; default all.

    Returns
    -------
    DataFrame with ``column``, ``row`` (index label; missing for a header hit), ``kind`` and
    ``value`` (masked: only the last two characters shown).

    Examples
    --------
    >>> df = pd.DataFrame({"opmerking": ["bel 06-12345678", "geen"]})
    >>> find_identifiers(df)[["column", "row", "kind"]].to_dict("records")
    [{'column': 'opmerking', 'row': 0, 'kind': 'telefoon'}]
    """
    hits = []
    for col in data.columns if columns is None else columns:
        kind = header_kind(col)
        if kind:
            hits.append((col, None, kind, ""))
        series = data[col]
        if not (pd.api.types.is_object_dtype(series) or pd.api.types.is_string_dtype(series)):
            continue
        for idx, value in series.items():
            if not isinstance(value, str) or len(value) < 6:
                continue
            for kind, pattern in _PATTERNS.items():
                for m in pattern.finditer(value):
                    if kind == "BSN" and not is_bsn(m.group(0)):
                        continue
                    hits.append((col, idx, kind, "…" + m.group(0)[-2:]))
                    break
    return pd.DataFrame(hits, columns=["column", "row", "kind", "value"])


def check_exportable(data: pd.DataFrame, lang: str = "nl") -> None:
    """Raise :class:`InputError` if ``data`` holds columns that look like personal data.

    Checks the columns recorded at load time (``data.attrs['identifier_columns']``) and runs
    :func:`find_identifiers` again, so a table built later is checked too.
    """
    found = find_identifiers(data)
    flagged = {c: "eerder gemarkeerd" for c in data.attrs.get("identifier_columns", []) if c in data.columns}
    flagged.update(dict(zip(found["column"], found["kind"])))
    if flagged:
        raise InputError(t("identifiers_in_export", lang, columns=", ".join(map(str, flagged)),
                           kinds=", ".join(sorted(set(map(str, flagged.values()))))),
                         column=next(iter(flagged)))


def _secondary(mask: np.ndarray, values: np.ndarray) -> None:
    """Add secondary suppressions in place until no row or column has exactly one hidden cell.

    For a line with one hidden cell, the cell added is chosen to avoid creating a new lone hidden
    cell in the crossing line: first a cell whose crossing line has exactly one hidden cell (it
    fixes that line too), then one whose crossing line already has several, then any; among those a
    non-zero cell, then the smallest value.
    """
    stuck: set = set()  # lines whose other cells are all missing: nothing to add there
    while True:
        lines = [(i, None) for i in range(mask.shape[0]) if mask[i].sum() == 1 and mask.shape[1] > 1]
        lines += [(None, j) for j in range(mask.shape[1]) if mask[:, j].sum() == 1 and mask.shape[0] > 1]
        lines = [line for line in lines if line not in stuck]
        if not lines:
            return
        i, j = lines[0]
        cells = [(i, k) for k in range(mask.shape[1])] if j is None else [(k, j) for k in range(mask.shape[0])]
        cells = [c for c in cells if not mask[c] and not np.isnan(values[c])]
        if not cells:
            stuck.add((i, j))
            continue

        def cost(cell):
            crossing = mask[:, cell[1]].sum() if j is None else mask[cell[0]].sum()
            rank = {1: 0, 0: 2}.get(int(crossing), 1)
            return (rank, values[cell] == 0, values[cell])

        mask[min(cells, key=cost)] = True


def suppress(table, threshold: int = 5, *, zero: bool = False, marker: str | None = None):
    """Suppress small cells in a table of counts, with secondary suppression.

    Primary suppression hides every cell with ``0 < value < threshold`` (also 0 if ``zero``).
    Secondary suppression then hides, in every row and column that has exactly one hidden cell,
    the smallest other cell (a non-zero one where possible), and repeats until stable, so no
    hidden cell can be recomputed from published row or column totals.

    Parameters
    ----------
    table : DataFrame or Series
        Non-negative counts (a Series is treated as one row whose total is published).
    threshold : int, default 5
        Smallest count that may be shown.
    zero : bool, default False
        Also hide zeros (when a zero itself would be disclosive).
    marker : str, optional
        Text to show in hidden cells (e.g. ``"<5"``); default missing (``NaN``).

    Returns
    -------
    Same type and shape as ``table`` with hidden cells replaced.

    Notes
    -----
    Secondary suppression follows the row/column-total rule used by statistical offices
    (Hundepool et al. 2012, *Statistical Disclosure Control*, Wiley, ch. 7, doi:10.1002/9781118348239).
    It protects against recomputation from one total; it does not solve the full linear
    programming problem for intervals.

    Examples
    --------
    >>> tab = pd.DataFrame({"a": [12, 3, 8], "b": [20, 30, 6], "c": [7, 9, 15]}, index=["x", "y", "z"])
    >>> suppress(tab, marker="<5")
        a   b   c
    x  12  20   7
    y  <5  30  <5
    z  <5   6  <5
    """
    is_series = isinstance(table, pd.Series)
    frame = table.to_frame().T if is_series else table
    values = frame.to_numpy(dtype=float).copy()
    if np.nanmin(values, initial=0) < 0:
        raise InputError("suppress: aantallen mogen niet negatief zijn.")
    mask = (values < threshold) & ((values >= 0) if zero else (values > 0))
    mask &= ~np.isnan(values)
    _secondary(mask, values)
    if marker is None:
        out = frame.astype(float).mask(mask)
    else:
        out = frame.astype(object).mask(mask, marker)
    if is_series:
        out = out.iloc[0].rename(table.name)
    return out
