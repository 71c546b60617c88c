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
import heapq
import hmac
import os
import re
import secrets
import unicodedata
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from .errors import InputError
from .text import check_lang, t

__all__ = ["pseudonymize", "get_key", "find_identifiers", "is_bsn", "suppress", "audit", "check_exportable",
           "header_kind", "find_in_text", "mask_value", "scrub", "normalize_id", "HIDDEN", "THRESHOLD",
           "small_count", "is_small", "rounding_rule", "rounding_base", "exact_counts", "published", "published_range", "count_text"]

KEY_ENV = "EVALUATIE_SLEUTEL"
KEYFILE_ENV = "EVALUATIE_SLEUTELBESTAND"
DEFAULT_KEYFILE = Path("~/.config/evaluatie/sleutel")
PREFIX = "ps_"
#: The one marker for a hidden cell in published tables ("geheim", as Statistics Netherlands writes it).
HIDDEN = "x"

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


# ------------------------------------------------------------------------ free-text detection
_S = r"[\s.\-]"  # one separator inside a number
#: One separator between digit groups of a BSN in any grouping (``12-34-56-782``, ``123/456/782``, dashes);
#: candidates must hold exactly nine digits.
_G = r"[ \t\u00a0\u2009\u202f.\-/_\u2010-\u2015]"
#: A separator inside a telephone number: one character, or a dash or dot with spaces (``06 - 1234 5678``).
_T = r"(?:\s?[.\-/\u2010-\u2015]\s?|\s)"
#: One regular expression per kind; the part that is personal is the named group ``m``. BSN and
#: telephone candidates are validated afterwards (eleven-test; nine national digits).
_PATTERNS: dict[str, str] = {
    "BSN": (r"(?<!\d)(?<!\d[.,])(?P<m>\d{9}|\d{4}[.\s]\d{2}[.\s]\d{3}|\d{3}[.\s\-]\d{3}[.\s\-]\d{3}"
            r"|\d{2}[.\s]\d{3}[.\s]\d{2}[.\s]\d{2}|\d{2,6}(?:" + _G + r"\d{2,6}){1,4})(?:[.,]0+)?(?![.,]?\d)"),
    "e-mail": (r"(?P<m>[\w.+\-]+(?:@|\s?[(\[]at[)\]]\s?)[\w\-]+(?:(?:\.|\s?[(\[]dot[)\]]\s?)[\w\-]+)+"
               r"|(?i:[\w.+\-]+\s+(?:at|apenstaartje)\s+[\w\-]+(?:\s+(?:dot|punt)\s+[\w\-]+)*\s+(?:dot|punt)\s+"
               r"(?:nl|com|org|net|eu|be|de|info)\b))"),
    "telefoon": (r"(?<![\w\-./,])(?P<m>(?:(?:\+|00)31" + _T + r"?(?:\(0\)" + _T + r"?)?|\(?0)"
                 r"(?:6\)?" + _T + r"?(?:\d{8}|\d{2}(?P<s>" + _T + r"?)\d{2}(?P=s)\d{2}(?P=s)\d{2}|\d{4}" + _T
                 + r"?\d{4}|\d{3}" + _T + r"?\d{3}" + _T + r"?\d{2}|\d{2}" + _T + r"?\d{3}" + _T + r"?\d{3})"
                 r"|[1-57-9]\d{1,2}\)?" + _T + r"?(?:\d{6,7}|\d{3}" + _T + r"?\d{3,4}|\d{2}" + _T + r"?\d{2}" + _T
                 + r"?\d{2,3}|\d{3}" + _T + r"?\d{2}" + _T + r"?\d{2})))(?!\d)"),
    "postcode+huisnummer": (r"(?<![\w\-./,])(?P<m>[1-9]\d{3}\s?(?P<letters>[A-Za-z]{2})(?![A-Za-z])[\s,]*(?:nr\.?\s?)?"
                            r"\d{1,5})(?!\d)"),
    "adres": (r"(?P<m>\b[A-Z][a-z\u00e0-\u00ff]+(?:straat|laan|weg|plein|singel|gracht|kade|dijk|steeg|dreef)"
              r"\s+\d{1,4}(?!\d)|(?<![\w\-./,])[1-9]\d{3}\s?(?P<pc>[A-Z]{2})(?![\w])(?![\s,]*(?:nr\.?\s?)?\d))"),
    "geboortedatum": (r"(?i)(?P<m>\b(?:geboren|geb\b\.?|geboortedatum|geb\.?\s?datum|born|date of birth|dob\b"
                      r"|d\.o\.b\.)\s*[:=]?\s*(?:op\s+|on\s+)?\d{1,2}[-/. ]\w+[-/. ]\d{2,4})"),
    "naam": (r"(?P<m>\b(?:[Dd]hr|[Mm]evr|[Mm]w|[Mm]evrouw|[Mm]eneer|[Jj]uf|[Mm]eester|Mrs?|Ms)\b\.?\s+"
             r"(?:[A-Z]\.?\s?(?=[A-Z])|[A-Z]\.?\s+)*(?:[a-z]{1,3}\s+)*[A-Z][a-z\u00e0-\u00ff]+)"),
    "pseudoniem": r"(?i)(?P<m>\bps_[0-9a-f]{4,})",
}
#: Two-letter words that follow a year or number in ordinary text (``2024 en 12``) and school
#: types (``2024 VO``); as postcode letters they are not flagged.
_NOT_POSTCODE_LETTERS = frozenset((
    "sa", "sd", "ss", "en", "in", "op", "of", "om", "te", "al", "na", "is", "er", "ik", "je", "we", "ze", "nu",
    "ja", "zo", "tm", "ca", "uw", "at", "be", "by", "do", "he", "if", "it", "no", "on", "or", "so", "to", "up",
    "us", "vo", "po", "ho", "bo", "kw", "mb", "nr", "st", "pp", "jr", "ct", "pl",
))
_COMPILED = {k: re.compile(v) for k, v in _PATTERNS.items()}
#: A hex digest (MD5, SHA-1, SHA-256): not scanned. Not after ``_``, so a pseudonym ``ps_…`` is still found.
_HEX_DIGEST = r"(?<![0-9A-Za-z_])[0-9a-f]{32,}(?![0-9A-Za-z])"
_EXTRACT_ONLY_M = {"telefoon": "s", "postcode+huisnummer": "letters", "adres": "pc"}


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
    missing and ``create`` is true, readable only by its owner).

    There is no silent fallback: pseudonyms must stay the same between sessions, so a key that is
    too short, a key file inside a git project (also when the home folder itself is inside one),
    a key file that cannot be read or created, or a missing key with ``create=False`` all raise
    :class:`InputError` with a Dutch message saying what to do. A key file that others may read
    (permissions wider than ``600``) is used with a warning (``UserWarning`` and the returned note).

    Examples
    --------
    >>> import os, tempfile, pathlib
    >>> saved = {k: os.environ.pop(k, None) for k in (KEY_ENV, KEYFILE_ENV)}
    >>> os.environ[KEYFILE_ENV] = str(pathlib.Path(tempfile.mkdtemp()) / "sleutel")
    >>> key, source, note = get_key()
    >>> "aangemaakt" in note, get_key() == (key, source, None), oct(os.stat(source).st_mode & 0o777)
    (True, True, '0o600')
    >>> _ = [os.environ.pop(k, None) for k in saved]; os.environ.update({k: v for k, v in saved.items() if v})
    """
    import stat
    import warnings

    env = os.environ.get(KEY_ENV)
    if env:
        if len(env) < 16:
            raise InputError(t("key_too_short", lang, n=len(env)))
        return env.encode(), KEY_ENV, None
    path = Path(os.environ.get(KEYFILE_ENV) or DEFAULT_KEYFILE).expanduser()
    if _in_git_repo(path):
        raise InputError(t("key_in_repo", lang, path=path), file=path)
    if path.exists():
        try:
            key = path.read_text(encoding="utf-8").strip()
            mode = path.stat().st_mode
        except (OSError, UnicodeDecodeError) as err:
            raise InputError(t("key_unusable", lang, path=path, error=type(err).__name__), file=path) from None
        if len(key) < 16:
            raise InputError(t("key_too_short", lang, n=len(key)), file=path)
        note = None
        if os.name == "posix" and mode & (stat.S_IRWXG | stat.S_IRWXO):
            note = t("key_permissions", lang, path=path, mode=oct(mode & 0o777)[2:])
            warnings.warn(note, UserWarning, stacklevel=2)
        return key.encode(), str(path), note
    if not create:
        raise InputError(t("key_missing", lang, path=path), file=path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(secrets.token_hex(32) + "\n")
        return path.read_text(encoding="utf-8").strip().encode(), str(path), t("note_key_created", lang, path=path)
    except OSError as err:
        raise InputError(t("key_unusable", lang, path=path, error=type(err).__name__), file=path) from None


def normalize_id(values) -> pd.Series:
    """Identifiers as they are hashed: one spelling per pupil, whatever Excel or a typist did.

    Rules, in order: missing stays missing; numbers become text without a decimal part
    (``123.0`` → ``"123"``); surrounding white space is removed and letters are case-folded
    (``" L001 "`` → ``"l001"``); the ``.0`` Excel adds to numbers stored as text is dropped
    (``"123.0"`` → ``"123"``); leading zeros of all-digit ids are dropped (``"000123"`` → ``"123"``,
    ``"0"`` stays ``"0"``). Ids that differ only in these respects therefore get the same pseudonym;
    ids that differ otherwise (``L001`` vs ``L1``) do not.

    Examples
    --------
    >>> normalize_id([" L001 ", "l001", 123.0, "123.0", "000123", 0, None]).tolist()
    ['l001', 'l001', '123', '123', '123', '0', None]
    """
    series = pd.Series(values, dtype="object") if not isinstance(values, pd.Series) else values.astype("object")
    missing = series.isna()
    numeric = ~missing & series.map(lambda v: isinstance(v, (int, float, np.integer, np.floating))
                                    and not isinstance(v, bool) and np.isfinite(v))
    as_text = series.where(~numeric, series[numeric].map(lambda v: str(int(v)) if float(v).is_integer()
                                                         else format(v, ".15g")))
    text = as_text.astype("string").str.strip().str.casefold()
    text = text.str.replace(r"^(\d+)\.0+$", r"\1", regex=True).str.replace(r"^0+(?=\d)", "", regex=True)
    return text.astype("object").where(~missing, None)


def pseudonymize(values, key: str | bytes | None = None, prefix: str = PREFIX):
    """Replace identifiers by keyed HMAC-SHA256 pseudonyms (stable for one key).

    Parameters
    ----------
    values : sequence or pandas.Series
        Identifiers (pupil numbers, respondent codes). Missing values stay missing. Ids are
        normalized first (:func:`normalize_id`: trim, case-fold, ``123.0`` → ``123``, leading zeros
        of all-digit ids dropped), so ``" L001"``, ``"l001"``, ``123``, ``"123.0"`` and ``"00123"``
        keep one pseudonym per pupil.
    key : str or bytes, optional
        Secret key; by default :func:`get_key` (environment variable or key file outside the project).
    prefix : str
        Prefix of every pseudonym (``ps_``), so pseudonyms are recognisable.

    Returns
    -------
    Same type as ``values`` (Series keeps its index) with ``prefix`` + 16 hexadecimal characters.

    Notes
    -----
    The pseudonym is ``prefix`` + the first 16 hex characters of HMAC-SHA256(key, normalized id)
    (RFC 2104, UTF-8). With a secret key without the key the pseudonyms cannot be reversed
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

    series = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype="object")
    normalized = normalize_id(series)
    unique = normalized.dropna().unique()  # one HMAC per distinct id
    table = {v: prefix + hmac.new(key, v.encode("utf-8"), hashlib.sha256).hexdigest()[:16] for v in unique}
    out = normalized.map(table).where(normalized.notna(), series)
    if isinstance(values, pd.Series):
        return out.astype("object")
    return out.tolist()


def _bsn_valid(matches: pd.Series) -> np.ndarray:
    """Vectorized eleven-test on matched BSN candidates (any separators)."""
    digits = matches.map(lambda m: "".join(str(unicodedata.decimal(c)) for c in str(m) if c.isdecimal()))
    if digits.empty:
        return np.zeros(0, dtype=bool)
    nine = (digits.str.len() == 9).to_numpy()
    digits = digits.where(nine, "0" * 9)
    arr = (np.frombuffer("".join(digits).encode("ascii"), dtype=np.uint8) - 48).reshape(-1, 9).astype(int)
    weights = np.array([9, 8, 7, 6, 5, 4, 3, 2, -1])
    return nine & ((arr @ weights) % 11 == 0) & (arr.sum(axis=1) > 0)


def _as_text(series: pd.Series) -> pd.Series | None:
    """Cells as strings for scanning (integral floats without ``.0``); ``None`` for dates and booleans."""
    if pd.api.types.is_bool_dtype(series) or pd.api.types.is_datetime64_any_dtype(series) or \
            pd.api.types.is_timedelta64_dtype(series) or isinstance(series.dtype, pd.PeriodDtype):
        return None
    if pd.api.types.is_float_dtype(series):
        values = series.astype("Float64")
        integral = values.notna() & (values.abs() < 1e15) & (values == values.round())
        text = values.astype("string")
        return text.mask(integral, values[integral].round().astype("Int64").astype("string")).dropna()
    if pd.api.types.is_numeric_dtype(series):
        return series.dropna().astype("string")
    values = series.dropna()
    return values.astype(str).astype("string")


def _scan(text: pd.Series) -> pd.DataFrame:
    """All personal-data hits in a Series of strings: ``pos`` (position), ``kind``, ``match``."""
    text = text.reset_index(drop=True)
    text = text[text.str.len() >= 6]
    text = text.str.normalize("NFKC")  # full-width digits and signs (``１２３``, ``＠``) as ASCII
    # checksums (hex digests of 32+ characters, as the method note lists them) are no personal data;
    # a run of nine digits inside one passed the eleven-test about once in a hundred pilots
    text = text.str.replace(_HEX_DIGEST, "#", regex=True)
    frames = []
    for kind, pattern in _COMPILED.items():
        if text.empty:
            break
        found = text.str.extractall(pattern)
        if found.empty:
            continue
        keep = found["m"].notna()
        if kind == "BSN":
            keep &= _bsn_valid(found["m"])
        elif kind == "telefoon":
            national = found["m"].str.replace(r"\D", "", regex=True).str.replace(r"^(?:(?:00)?310?|0)", "",
                                                                                  regex=True)
            keep &= national.str.len() == 9
        elif kind == "postcode+huisnummer":
            keep &= ~found["letters"].str.lower().isin(_NOT_POSTCODE_LETTERS)
        elif kind == "adres":
            keep &= ~found["pc"].fillna("").str.lower().isin(_NOT_POSTCODE_LETTERS - {""})
        found = found[keep]
        frames.append(pd.DataFrame({"pos": found.index.get_level_values(0), "kind": kind,
                                    "match": found["m"].to_numpy()}))
    if not frames:
        return pd.DataFrame(columns=["pos", "kind", "match"])
    hits = pd.concat(frames, ignore_index=True)
    return hits.drop_duplicates(["pos", "kind"]).reset_index(drop=True)


def mask_value(value) -> str:
    """Mask a personal value for messages: only its last two characters, after an ellipsis.

    Examples
    --------
    >>> mask_value("111222333")
    '…33'
    """
    text = str(value).strip()
    return "…" + text[-2:] if text else ""


#: Smallest count of people published as a number (tables, figures, sentences, captions).
THRESHOLD = 5


#: The rounding base of published counts in force (``afronden`` of the pilot file), or None: exact counts.
_ROUNDING: ContextVar[int | None] = ContextVar("evaluatie_rounding", default=None)


@contextmanager
def rounding_rule(base: int | None):
    """Within the block, every published count is rounded to a multiple of ``base`` (None: exact).

    ``evaluatie rapport`` runs each section, the factsheet and the method note inside
    ``rounding_rule(pilot.rounding)``; a section that publishes exact small counts with a reason
    from the pilot file runs its texts inside ``rounding_rule(None)``. The rule is applied by
    :func:`published` (and so by :func:`small_count` and :func:`count_text`): the one place where a
    count becomes the number people read.

    Examples
    --------
    >>> with rounding_rule(5):
    ...     published(37), published(2), small_count(37), small_count(3)
    (35, 0, '35', 'minder dan 5')
    >>> published(37)
    37
    """
    if base is not None and (not isinstance(base, int) or base < 2):
        raise InputError(t("bad_option", "nl", value=base, param="afronden", allowed="None, 2, 3, 5, 10, …"))
    token = _ROUNDING.set(base)
    try:
        yield
    finally:
        _ROUNDING.reset(token)


def exact_counts() -> None:
    """Publish exact counts until the enclosing :func:`rounding_rule` block ends.

    For a section that publishes small counts with a reason from the pilot file (its tables are not
    rounded either); the method note says so. Outside a ``rounding_rule`` block this is a no-op
    (counts are exact there anyway).
    """
    if _ROUNDING.get() is not None:
        _ROUNDING.set(None)


def rounding_base() -> int | None:
    """The rounding base in force (see :func:`rounding_rule`)."""
    return _ROUNDING.get()


def published(n):
    """A count as published: rounded half-up to the multiple of the base in force (1–2 → 0, 3–7 → 5, as CBS).

    Computations (shares, means, effects) use the exact count; only the number people read is
    rounded. Without a :func:`rounding_rule` the count is returned as it is (a whole number).

    Examples
    --------
    >>> with rounding_rule(5):
    ...     [published(x) for x in (0, 2, 3, 7, 8, 112)]
    [0, 0, 5, 5, 10, 110]
    """
    base = _ROUNDING.get()
    n = int(round(float(n)))
    if not base:
        return n
    return int(np.sign(n) * np.floor(abs(n) / base + 0.5 + 1e-9)) * base


def published_range(low, high) -> tuple:
    """An estimated number with its interval as published: outward to multiples of the base in force.

    The lower bound goes down and the upper bound up, so the published interval still holds the
    estimated one; without a rule the bounds are rounded to whole numbers.

    Examples
    --------
    >>> with rounding_rule(5):
    ...     published_range(36.2, 48.7)
    (35, 50)
    """
    base = _ROUNDING.get() or 1
    return int(np.floor(float(low) / base + 1e-9)) * base, int(np.ceil(float(high) / base - 1e-9)) * base


def count_text(n, lang: str = "nl") -> str:
    """A count written for people under the rounding rule in force (no threshold: use :func:`small_count` for people).

    Examples
    --------
    >>> count_text(1234), count_text(37, "en")
    ('1.234', '37')
    """
    from .text import format_number

    return format_number(published(n), 0, lang)


def small_count(n, threshold: int = THRESHOLD, lang: str = "nl") -> str:
    """A count of people for a sentence or caption, under the same rule as the tables.

    Counts ``0 < n < threshold`` become "minder dan 5" ("fewer than 5"); others are written with
    :func:`evaluatie.text.format_number`, rounded when a :func:`rounding_rule` is in force. Every
    sentence that states a number of pupils goes through this.

    Examples
    --------
    >>> small_count(2), small_count(0), small_count(1234), small_count(3, lang="en")
    ('minder dan 5', '0', '1.234', 'fewer than 5')
    """
    from .text import t

    return t("small_count", lang, k=threshold) if 0 < n < threshold else count_text(n, lang)


def is_small(n, threshold: int = THRESHOLD) -> bool:
    """True for a count that :func:`small_count` does not write as a number."""
    return 0 < n < threshold


def scrub(text) -> str:
    """``text`` with every piece of personal data replaced by its mask (for messages and reports).

    Examples
    --------
    >>> scrub("rij 4: leerling 111222333 en ouder@example.nl")
    'rij 4: leerling …33 en …nl'
    """
    text = "" if text is None else str(text)
    if len(text) < 6:
        return text
    found = set()
    for kind, pattern in _COMPILED.items():  # one string: plain re is faster than a pandas scan
        for m in pattern.finditer(text):
            value = m.group("m")
            if kind == "BSN" and not is_bsn(re.sub(r"\D", "", value)):
                continue
            if kind == "telefoon" and len(re.sub(r"^(?:(?:00)?310?|0)", "", re.sub(r"\D", "", value))) != 9:
                continue
            if kind == "postcode+huisnummer" and m.group("letters").lower() in _NOT_POSTCODE_LETTERS:
                continue
            if kind == "adres" and (m.group("pc") or "").lower() in _NOT_POSTCODE_LETTERS:
                continue
            found.add(value)
    for value in sorted(found, key=len, reverse=True):
        text = text.replace(value, mask_value(value))
    return text


def find_in_text(texts) -> pd.DataFrame:
    """Personal data in free strings: ``position``, ``kind`` and masked ``value`` per hit.

    Same rules as :func:`find_identifiers` (which applies them to every cell of a table).

    Examples
    --------
    >>> find_in_text(["Jeugdteam 3", "bsn 111222333.", "bel 06.12345678"])[["position", "kind", "value"]].values.tolist()
    [[1, 'BSN', '…33'], [2, 'telefoon', '…78']]
    """
    strings = pd.Series(["" if v is None else str(v) for v in texts], dtype="string")
    hits = _scan(strings)
    order = {k: i for i, k in enumerate(_PATTERNS)}
    hits = hits.assign(order=hits["kind"].map(order)).sort_values(["pos", "order"], kind="stable")
    return pd.DataFrame({"position": hits["pos"].to_numpy(dtype=int), "kind": hits["kind"].to_numpy(),
                         "value": hits["match"].map(mask_value).to_numpy()})


def find_identifiers(data: pd.DataFrame, columns=None) -> pd.DataFrame:
    """Cells and columns that look like personal data.

    Flags columns whose header names personal data (:func:`header_kind`) and cells of every dtype
    that contain:

    - a BSN: nine digits passing the eleven-test, plain or grouped with dots, spaces or hyphens
      (``111222333``, ``1112.22.333``, ``111 222 333``, ``bsn 111222333.``), also as an integer or
      a float (``111222333.0``), or in any other grouping of two to six digits separated by one
      space, dot, hyphen, dash, slash or underscore (``12-34-56-782``, ``bsn 12345 6782``), also in
      full-width or other digit scripts. A nine-digit amount that passes the eleven-test is flagged too;
      eight-digit numbers (a BSN whose leading zero Excel dropped) are not;
    - an e-mail address (also ``naam (at) domein (dot) nl`` and ``naam at domein dot nl``);
    - a Dutch telephone number: ``06`` or an area code with nine national digits, separated by
      spaces, dots or hyphens, with or without ``+31``/``0031``/``(0)`` (``06.12345678``,
      ``+31 (0)6-1234 5678``, ``(020) 123 4567``, ``06 - 1234 5678``);
    - a postcode with house number in any case (``1234 AB 12``, ``1234ab, 12``), except when the
      two letters are a common word or school type (``2024 en 12``, ``2024 VO 3``: ``en``, ``op``,
      ``vo``, … — real postcodes with those letters are missed); an upper-case postcode on its own
      (``1234AB``, ``2500 GA``; also a year followed by two capitals such as ``2024 AB``, except
      the school types and words above); a street name ending in ``straat``, ``laan``, ``weg``, ``plein``, … with a number;
    - a date of birth announced as such (``geboren op 3-9-2015``, ``geb. 03-09-2015``, ``DOB``);
    - a name after a title or form of address, also after initials (``mevr. Jansen``, ``juf Anna``,
      ``dhr. de Vries``, ``dhr. P. Jansen``);
    - a pseudonym of this package (``ps_…``).

    A bare name (``Jan Jansen``) cannot be told from an agency or school name by its spelling; such
    values are caught as groups of one and near-duplicates (:func:`evaluatie.quality.near_duplicates`).
    Detection runs column-wise with pandas regular expressions (no loop over cells).

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
    >>> df = pd.DataFrame({"opmerking": ["bel 06-12345678", "geen"], "n": [111222333, 12]})
    >>> find_identifiers(df)[["column", "row", "kind"]].to_dict("records")
    [{'column': 'opmerking', 'row': 0, 'kind': 'telefoon'}, {'column': 'n', 'row': 0, 'kind': 'BSN'}]
    """
    rows = []
    order = {k: i for i, k in enumerate(_PATTERNS)}
    for col in data.columns if columns is None else columns:
        kind = header_kind(col)
        if kind:
            rows.append(pd.DataFrame({"column": [col], "row": [None], "kind": [kind], "value": [""]}))
        series = data[col]
        if isinstance(series, pd.DataFrame):  # duplicate column labels
            series = series.iloc[:, 0]
        text = _as_text(series)
        if text is None or text.empty:
            continue
        codes, uniques = pd.factorize(text.to_numpy(dtype=object))  # each distinct value scanned once
        hits = _scan(pd.Series(uniques, dtype="string"))
        if hits.empty:
            continue
        cells = pd.DataFrame({"u": codes, "at": np.arange(len(codes))})
        hits = cells.merge(hits.rename(columns={"pos": "u"}), on="u")
        hits = hits.assign(order=hits["kind"].map(order)).sort_values(["at", "order"], kind="stable")
        labels = text.index.to_numpy()[hits["at"].to_numpy(dtype=int)]
        rows.append(pd.DataFrame({"column": col, "row": labels, "kind": hits["kind"].to_numpy(),
                                  "value": hits["match"].map(mask_value).to_numpy()}))
    if not rows:
        return pd.DataFrame(columns=["column", "row", "kind", "value"])
    return pd.concat(rows, ignore_index=True)


#: Columns derived from a loaded column: a flag on the first also holds for the others.
_DERIVED = {"agency_raw": ("agency",), "agency": ("agency_raw",)}


def _refuse(where, column, kind, value, lang):
    raise InputError(t("export_refused", lang, where=where, column=column, kind=kind, value=value or "…"),
                     file=where, column=str(column))


def check_exportable(obj, *, where: str, lang: str = "nl") -> None:
    """The one guard every writer calls on exactly what it writes; raises if anything is personal.

    Parameters
    ----------
    obj : DataFrame, Series, str, list of str or dict of str
        A table (every cell of every dtype, the index and the column labels are checked, and
        columns flagged at load in ``obj.attrs['identifier_columns']`` are refused, also as the
        index), or texts: figure titles, tick labels, legends, captions, HTML, file names (a dict
        maps a description such as ``"titel"`` to its text).
    where : str
        The file (or output) being written; named in the message.
    lang : {"nl", "en"}

    Raises
    ------
    InputError
        Naming ``where``, the column (or text) and the masked value (``…33``), e.g.
        "Export naar 'tabel.csv' geweigerd: kolom 'instantie' bevat waarschijnlijk persoonsgegevens
        (BSN, waarde …33)".

    Examples
    --------
    >>> check_exportable(pd.DataFrame({"school": ["Jeugdteam 3"], "n": [12]}), where="tabel.csv")
    >>> check_exportable(["Accare (bsn 111222333)"], where="figuur.png")
    Traceback (most recent call last):
    ...
    evaluatie.errors.InputError: Export naar 'figuur.png' geweigerd: tekst 1 bevat waarschijnlijk persoonsgegevens (BSN, waarde …33). Verwijder of pseudonimiseer dit eerst; pseudoniemen (ps_…) horen ook niet in een export.
    """
    check_lang(lang)
    label = (lambda c: f"kolom '{c}'") if lang == "nl" else (lambda c: f"column '{c}'")
    if isinstance(obj, pd.Series):
        obj = obj.to_frame(name="waarde" if obj.name is None else obj.name)
    if isinstance(obj, pd.DataFrame):
        flagged = set(obj.attrs.get("identifier_columns", []))
        flagged |= {d for c in flagged for d in _DERIVED.get(c, ())}
        for name in [*obj.columns, *[n for n in obj.index.names if n is not None]]:
            if name in flagged:
                first = obj[name].dropna() if name in obj.columns else obj.index.get_level_values(name)
                _refuse(where, label(name), t("flagged_at_load", lang), mask_value(first[0]) if len(first) else "",
                        lang)
        hits = find_identifiers(obj)
        if len(hits):
            hit = hits.iloc[0]
            _refuse(where, label(hit["column"]), hit["kind"], hit["value"], lang)
        for level in range(obj.index.nlevels):
            values = pd.Series(obj.index.get_level_values(level))
            hits = find_identifiers(values.to_frame(name="index"))
            if len(hits):
                name = obj.index.names[level] or "index"
                _refuse(where, label(name) + (" (index)" if name != "index" else ""), hits["kind"].iloc[0],
                        hits["value"].iloc[0], lang)
        headers = ["/".join(map(str, c)) if isinstance(c, tuple) else str(c) for c in obj.columns]
        texts = {(f"kolomkop '{h}'" if lang == "nl" else f"column header '{h}'"): h for h in headers}
        return check_exportable(texts, where=where, lang=lang) if texts else None
    if isinstance(obj, str):
        obj = [obj]
    if isinstance(obj, dict):
        names, texts = list(obj.keys()), list(obj.values())
    else:
        texts = list(obj)
        names = [("tekst " if lang == "nl" else "text ") + str(i + 1) for i in range(len(texts))]
    hits = find_in_text(texts)
    if len(hits):
        hit = hits.iloc[0]
        _refuse(where, names[hit["position"]], hit["kind"], hit["value"], lang)


# --- disclosure control: suppression and its audit (helper disclosure) ----------------------------
#
# A table is modelled as a vector of cells (the inner cells plus the totals an intruder may know)
# and linear relations "total = sum of its parts". Published cells are fixed; hidden cells are
# unknowns with a lower bound (1 when zeros are shown, so a hidden cell is never zero; else 0) and
# no upper bound. The audit computes, for every hidden cell, the smallest and largest value that
# agrees with everything published, by linear programming; suppression hides cells until every
# hidden cell keeps an interval at least ``threshold`` wide.

Margins = Literal["both", "columns", "none"]
MARGINS: tuple[str, ...] = ("both", "columns", "none")
#: Label of the total row and column that :func:`suppress` adds with ``totals=True``.
TOTAL = "Totaal"
_TOTAL_LABEL = re.compile(r"(?i)^\s*(totaal|total)\b")


@dataclass
class _Block:
    """One table inside a system: where its cells are and how they are laid out."""

    name: object
    index: pd.Index
    columns: pd.Index
    margins: str
    offset: int
    shape: tuple[int, int]  # inner rows, inner columns

    @property
    def grid(self) -> tuple[int, int]:
        r, c = self.shape
        return r + (self.margins in ("both", "columns")), c + (self.margins == "both")

    def cell(self, i: int, j: int) -> int:
        return self.offset + i * self.grid[1] + j

    def locate(self, row, column) -> int:
        """Global cell number of ``(row, column)``; the label ``Totaal`` names a total."""
        r, c = self.shape
        i = r if _TOTAL_LABEL.match(str(row)) and self.grid[0] > r else self.index.get_loc(row)
        j = c if _TOTAL_LABEL.match(str(column)) and self.grid[1] > c else self.columns.get_loc(column)
        return self.cell(int(i), int(j))


def _check_margins(margins) -> str:
    if margins not in MARGINS:
        raise InputError(t("bad_option", value=margins, param="margins", allowed=", ".join(MARGINS)))
    return margins


def _relations(block: _Block) -> list[tuple[int, list[int]]]:
    r, c = block.shape
    rel = []
    if block.margins == "both":
        rel += [(block.cell(i, c), [block.cell(i, j) for j in range(c)]) for i in range(r)]
        rel += [(block.cell(r, c), [block.cell(i, c) for i in range(r)])]
    if block.margins in ("both", "columns"):
        rel += [(block.cell(r, j), [block.cell(i, j) for i in range(r)]) for j in range(c)]
    if block.margins == "both":
        rel += [(block.cell(r, c), [block.cell(r, j) for j in range(c)])]
    return rel


def _matrix(relations, n: int):
    """Sparse matrix M with M @ cells = 0: +1 for every part, -1 for the total."""
    from scipy import sparse

    rows, cols, data = [], [], []
    for k, (total, parts) in enumerate(relations):
        rows += [k] * (len(parts) + 1)
        cols += [total, *parts]
        data += [-1.0] + [1.0] * len(parts)
    return sparse.csr_matrix((data, (rows, cols)), shape=(len(relations), n))


def _as_frame(table, name) -> pd.DataFrame:
    if isinstance(table, pd.Series):
        return table.to_frame()
    if isinstance(table, pd.DataFrame):
        return table
    raise InputError(t("export_not_table", type=type(table).__name__))


def _numbers(frame: pd.DataFrame) -> np.ndarray:
    """Cell values as floats; text (a marker such as ``x``) and missing values become NaN."""
    if all(pd.api.types.is_numeric_dtype(d) and not pd.api.types.is_bool_dtype(d) for d in frame.dtypes):
        return frame.to_numpy(dtype=float, na_value=np.nan)
    return frame.apply(pd.to_numeric, errors="coerce").to_numpy(dtype=float, na_value=np.nan)


def _system(tables: dict, margins, *, grids: bool):
    """Blocks, cell values (NaN where hidden or missing) and relations of a set of tables.

    With ``grids`` the frames already hold their totals (last row/column, as published);
    otherwise the totals are computed from the inner cells.
    """
    blocks, values, relations, offset = {}, [], [], 0
    for name, table in tables.items():
        frame = _as_frame(table, name)
        m = _check_margins(margins.get(name, "both") if isinstance(margins, dict) else margins)
        if isinstance(table, pd.Series):
            m = "columns" if m == "both" else m
        shape = frame.shape
        if grids:
            shape = (frame.shape[0] - (m in ("both", "columns")), frame.shape[1] - (m == "both"))
            for labels, k in ((frame.index, shape[0]), (frame.columns, shape[1])):
                if len(labels) > k and not _TOTAL_LABEL.match(str(labels[-1])):
                    raise InputError(t("audit_no_total", label=labels[-1], margins=m))
        block = _Block(name, frame.index[:shape[0]], frame.columns[:shape[1]], m, offset, shape)
        cells = _numbers(frame)
        if not grids:
            inner = np.nan_to_num(cells)
            if m in ("both", "columns"):
                cells = np.vstack([cells, inner.sum(axis=0)])
            if m == "both":
                cells = np.hstack([cells, np.append(inner.sum(axis=1), inner.sum()).reshape(-1, 1)])
        blocks[name] = block
        values.append(cells.ravel())
        relations += _relations(block)
        offset += cells.size
    return blocks, np.concatenate(values) if values else np.zeros(0), relations


def _intervals(matrix, values: np.ndarray, hidden: np.ndarray, lower: float,
               enough: float | None = None, focus: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Smallest and largest value of every hidden cell that agrees with the published cells.

    Hidden cells in different connected parts of the system are independent, so one linear
    program minimizes (maximizes) one cell of every part at once. Every solution is a feasible
    point: a cell seen at its lower bound needs no program of its own for its minimum. With
    ``enough``, a cell whose values seen so far already span ``enough`` is not solved further:
    its returned interval is then only known to lie inside the true one.
    With ``focus`` (a mask over all cells), only parts that contain a focus cell are solved; the
    other hidden cells get NaN.
    """
    from scipy.optimize import linprog
    from scipy.sparse.csgraph import connected_components

    var = np.flatnonzero(hidden)
    lo, hi = np.full(var.size, float(lower)), np.full(var.size, np.inf)
    if not var.size:
        return lo, hi
    known = np.where(hidden, 0.0, np.nan_to_num(values))
    a = matrix[:, var].tocsr()
    b = -(matrix @ known)
    used = np.flatnonzero(np.diff(a.indptr) > 0)
    a, b = a[used], b[used]
    constrained = np.zeros(var.size, dtype=bool)
    constrained[a.indices] = True
    if not a.shape[0]:
        return lo, hi
    n_comp, label = connected_components((abs(a).T @ abs(a)).tocsr(), directed=False)
    row_comp = label[np.asarray(abs(a).argmax(axis=1)).ravel()]
    # a bounded hidden cell never exceeds the published values' sum; above it, it is unbounded
    bound = float(np.nansum(np.abs(np.where(hidden, np.nan, values)))) + 1
    cap = 3 * bound + 10 * max(lower, 1) + 1e4
    # a simple upper bound: in a relation whose total is published, a cell is at most that total minus
    # the lower bounds of the other hidden parts; a feasible point that reaches it settles the maximum
    plain = np.flatnonzero(np.asarray((a < 0).sum(axis=1)).ravel() == 0)
    sub = a[plain].tocoo()
    room = b[plain] - lower * (np.diff(a[plain].indptr) - 1)
    simple_hi = np.full(var.size, np.inf)
    np.minimum.at(simple_hi, sub.col, room[sub.row])
    seen_lo, seen_hi = np.full(var.size, np.inf), np.full(var.size, -np.inf)
    lo_known, hi_known = ~constrained, ~constrained  # unconstrained cells: [lower, inf)
    if focus is not None:
        skip = constrained & ~np.isin(label, label[focus[var]])
        lo[skip], hi[skip] = np.nan, np.nan
        constrained &= ~skip
        lo_known |= skip
        hi_known |= skip

    def solve(objective, cols):
        parts = np.unique(label[cols])
        rows, sub_cols = np.flatnonzero(np.isin(row_comp, parts)), np.flatnonzero(np.isin(label, parts))
        res = linprog(objective[sub_cols], A_eq=a[rows][:, sub_cols], b_eq=b[rows], bounds=(lower, cap),
                      method="highs-ds", options={"presolve": False})
        if res.status != 0:
            raise InputError(t("audit_infeasible"))
        x = np.round(res.x, 6)
        seen_lo[sub_cols] = np.minimum(seen_lo[sub_cols], x)
        seen_hi[sub_cols] = np.maximum(seen_hi[sub_cols], x)
        return sub_cols, x

    everything = np.flatnonzero(constrained)
    for sign in (1.0, -1.0) if everything.size else ():  # the smallest and largest sum settle many cells
        solve(np.full(var.size, sign), everything)
    while True:
        lo_known |= constrained & (seen_lo <= lower)  # a feasible point at the lower bound: exact
        hi_known |= constrained & ((seen_hi > bound) | (seen_hi >= simple_hi))  # unbounded, or at a simple bound
        certified = (seen_hi - seen_lo >= enough) if enough is not None else np.zeros(var.size, dtype=bool)
        pending_lo, pending_hi = ~lo_known & ~certified, ~hi_known & ~certified
        if not (pending_lo.any() or pending_hi.any()):
            break
        for sign, pending, known in ((1.0, pending_lo, lo_known), (-1.0, pending_hi, hi_known)):
            if pending.any():
                idx = np.flatnonzero(pending)
                first = idx[np.unique(label[idx], return_index=True)[1]]  # one cell per part
                objective = np.zeros(var.size)
                objective[first] = sign
                solve(objective, first)
                known[first] = True
    # the extreme points seen are the exact bounds of every settled cell (and inner bounds of the rest)
    lo[constrained], hi[constrained] = seen_lo[constrained], seen_hi[constrained]
    hi[hi > bound] = np.inf
    return lo, hi


def _audit_frame(blocks: dict, hidden: np.ndarray, lo, hi, threshold: float, with_table: bool) -> pd.DataFrame:
    var = np.flatnonzero(hidden)
    rows = []
    for block in blocks.values():
        gr, gc = block.grid
        local = var[(var >= block.offset) & (var < block.offset + gr * gc)] - block.offset
        labels_r = list(block.index) + [TOTAL] * (gr - block.shape[0])
        labels_c = list(block.columns) + [TOTAL] * (gc - block.shape[1])
        rows += [(block.name, labels_r[k // gc], labels_c[k % gc]) for k in local]
    out = pd.DataFrame(rows, columns=["table", "row", "column"])
    out["lower"], out["upper"] = lo, hi
    out["width"] = hi - lo
    out["protected"] = out["width"] >= threshold
    return out if with_table else out.drop(columns="table")


def audit(published, *, threshold: float = 5, margins: Margins | dict = "both", zero: bool = False,
          links=None) -> pd.DataFrame:
    """Interval of every hidden cell that an intruder can compute from what was published.

    Parameters
    ----------
    published : DataFrame, Series or dict of them
        The table(s) as published, *including the totals an intruder knows*: with ``margins="both"``
        the last row holds the column totals and the last column the row totals (both labelled
        ``Totaal``/``Total``), as :func:`suppress` returns them with ``totals=True``; with
        ``"columns"`` only the last row. Hidden cells are missing (NaN) or text (``"x"``); a
        hidden total is simply not known. A dict is a set of tables published together.
    threshold : float, default 5
        Smallest width of the interval of a protected cell.
    margins : {"both", "columns", "none"} or dict of them per table
        Which totals the tables carry (``"none"``: no additive structure).
    zero : bool, default False
        Whether hidden cells may be zero. False when zeros are shown (a hidden cell then is at least 1,
        which an intruder knows); True when zeros can be hidden too.
    links : list of (cell, [cells]), optional
        Relations between tables published together: ``((table, row, column), [(table, row,
        column), ...])`` says the first cell equals the sum of the others (e.g. a total in a
        key-figure table that equals a column total of a cross table). Use the label ``Totaal``
        for a total row or column.

    Returns
    -------
    DataFrame, one row per hidden cell: ``row``, ``column`` (``table`` first for a set),
    ``lower``, ``upper`` (``inf`` when unbounded), ``width`` and ``protected``.

    Notes
    -----
    The hidden cells :math:`x_h` are the unknowns of the linear system formed by all published
    relations (row, column and grand totals, and ``links``), with :math:`x_h \\ge 1` (or
    :math:`\\ge 0` with ``zero``). For each hidden cell two linear programs (HiGHS, via
    :func:`scipy.optimize.linprog`) give the smallest and largest feasible value, the intruder's
    best bounds ("attacker problem", Fischetti & Salazar-González 1999; Castro 2012). The rule: a
    hidden cell is protected when ``upper - lower >= threshold`` — the sliding protection range
    of Hundepool et al. (2012, §4.3 and §7.5.1), with width equal to the threshold, so the
    published data never pin a hidden count down to fewer than ``threshold`` consecutive values.
    Hidden cells in unconnected parts are solved in the same program, one rank at a time.

    References
    ----------
    Hundepool, A. et al. (2012). *Statistical Disclosure Control*. Wiley. doi:10.1002/9781118348239.
    Fischetti, M. & Salazar-González, J.J. (1999). Models and algorithms for the 2-dimensional cell
    suppression problem in statistical disclosure control. *Math. Programming* 84, 283–312.
    doi:10.1007/s10107980013a.
    Castro, J. (2012). Recent advances in optimization techniques for statistical tabular data
    protection. *Eur. J. Oper. Res.* 216, 257–269. doi:10.1016/j.ejor.2011.06.045.

    Examples
    --------
    >>> tab = pd.DataFrame({"a": [12, 3, 8], "b": [20, 30, 6], "c": [7, 9, 15]}, index=["x", "y", "z"])
    >>> audit(suppress(tab, totals=True))[["row", "column", "lower", "upper", "protected"]]
      row column  lower  upper  protected
    0   y      a    1.0   10.0       True
    1   y      c    2.0   11.0       True
    2   z      a    1.0   10.0       True
    3   z      c   13.0   22.0       True
    """
    tables = dict(published) if isinstance(published, dict) else {None: published}
    blocks, values, relations = _system(tables, margins, grids=True)
    relations += _link_relations(blocks, links)
    hidden = np.isnan(values)
    lo, hi = _intervals(_matrix(relations, values.size), values, hidden, 0 if zero else 1)
    return _audit_frame(blocks, hidden, lo, hi, threshold, isinstance(published, dict))


def _link_relations(blocks: dict, links) -> list:
    out = []
    for total, parts in links or []:
        try:
            out.append((blocks[total[0]].locate(*total[1:]), [blocks[p[0]].locate(*p[1:]) for p in parts]))
        except (KeyError, TypeError, ValueError, IndexError):
            raise InputError(t("audit_bad_link", link=(total, parts))) from None
    return out


def _protect(values: np.ndarray, relations: list, threshold: float, zero: bool) -> np.ndarray:
    """Hidden-cell mask: primary cells, then secondary cells until the audit passes.

    Two steps alternate: (1) while a relation (row, column, link) has exactly one hidden cell,
    hide one more cell of it; (2) for every hidden cell the audit still finds unprotected, hide
    one more cell of one of its relations. Candidates: inner cells before totals (totals are
    what readers add up), then by how many relations the cell opens (they had no hidden cell)
    minus how many it completes (they had one), then the smallest value.
    """
    matrix = _matrix(relations, values.size).tocsc()
    rows_of = matrix.T.tocsr()  # cell -> its relations
    members = abs(matrix).tocsr()  # relation -> its cells
    present = ~np.isnan(values)
    v = np.nan_to_num(values)
    eligible = present & ((v >= 0) if zero else (v > 0))
    hidden = eligible & (v < threshold)
    is_total = np.zeros(values.size, dtype=bool)
    is_total[[total for total, _ in relations]] = True
    count = np.asarray(members @ hidden.astype(float)).ravel()

    def relations_of(cell):
        return rows_of.indices[rows_of.indptr[cell]:rows_of.indptr[cell + 1]]

    def cells_of(rels):
        return np.unique(np.concatenate([members.indices[members.indptr[r]:members.indptr[r + 1]] for r in rels]))

    total_of = np.array([total for total, _ in relations], dtype=int)
    lower = 0 if zero else 1

    def slack(rels):
        """Room the hidden parts of each relation have above their lower bounds (inf if its total is hidden)."""
        out = np.full(len(rels), np.inf)
        for k, rel in enumerate(rels):
            if not hidden[total_of[rel]]:
                parts = cells_of([rel])
                parts = parts[(parts != total_of[rel]) & hidden[parts]]
                out[k] = v[parts].sum() - lower * parts.size
        return out

    def hide_one_of(rels, tight: bool = False) -> int:
        """Hide the best candidate among the cells of ``rels`` (with ``tight``: of the relation that
        binds most, i.e. has the least slack, that has a candidate); look further out when all
        are hidden. Return the cell, or -1 when there is none."""
        rels = np.asarray(rels)
        if tight and rels.size > 1:
            for rel in rels[np.argsort(slack(rels), kind="stable")]:
                cell = hide_one_of([rel])
                if cell >= 0:
                    return cell
        while True:
            cells = cells_of(rels)
            near = cells[eligible[cells] & ~hidden[cells]]
            if near.size:
                break
            wider = np.unique(np.concatenate([relations_of(c) for c in cells[hidden[cells]]]))
            if wider.size == rels.size:
                return -1
            rels = wider
        score = [int((count[relations_of(c)] == 0).sum() - (count[relations_of(c)] == 1).sum()) for c in near]
        cell = int(near[np.lexsort((v[near], score, is_total[near]))[0]])
        hidden[cell] = True
        count[relations_of(cell)] += 1
        for rel in relations_of(cell):
            if count[rel] == 1:
                heapq.heappush(queue, int(rel))
        return cell

    queue: list[int] = []
    audited = np.zeros(values.size, dtype=bool)  # hidden cells at the last audit
    failing = np.zeros(0, dtype=int)
    while True:
        queue[:] = np.flatnonzero(count == 1).tolist()  # sorted: rows before columns
        while queue:
            rel = heapq.heappop(queue)
            if count[rel] == 1:
                hide_one_of([rel])
        focus = hidden & ~audited  # only parts that changed (or failed) need a new audit
        focus[failing] = True
        lo, hi = _intervals(matrix, values, hidden, 0 if zero else 1, enough=threshold, focus=focus)
        audited = hidden.copy()
        failing = np.flatnonzero(hidden)[(hi - lo) < threshold]
        if not failing.size:
            return hidden
        touched = np.zeros(len(relations), dtype=bool)  # one new cell per group of failing cells
        added = []
        for cell in failing:
            if not touched[relations_of(cell)].any():
                added.append(hide_one_of(relations_of(cell), tight=True))
                if added[-1] >= 0:
                    touched[relations_of(added[-1])] = True
        if max(added) < 0:  # cannot happen: with every eligible cell hidden, no hidden cell is bounded above
            raise RuntimeError("suppress: no cell left to hide")


def suppress(table, threshold: int = 5, *, zero: bool = False, marker: str | None = None,
             margins: Margins | dict = "both", totals: bool = False, links=None):
    """Hide small counts, and enough other cells that none can be recomputed from what is published.

    Primary suppression hides every count with ``0 < value < threshold`` (also 0 with ``zero``),
    including row, column and grand totals. Secondary suppression then hides further cells until
    :func:`audit` finds every hidden cell protected: whatever an intruder combines from the
    published cells and totals, each hidden count stays within an interval at least ``threshold``
    wide.

    Parameters
    ----------
    table : DataFrame, Series or dict of them
        Non-negative counts. A Series is one column whose total is known. A dict is a set of
        tables published together, protected as one system (with ``links`` between them).
    threshold : int, default 5
        Smallest count that may be shown.
    zero : bool, default False
        Also hide zeros. When false, zeros are shown and never hidden, so a hidden cell is known to
        be at least 1; the audit takes that into account.
    marker : str, optional
        Text shown in hidden cells; default missing (``NaN``). Use :data:`HIDDEN` (``"x"``). A marker
        with a number or ``<``/``>`` (such as ``"<5"``) is refused: it would claim a range that
        secondary suppressions do not have (they may hold 17 or 40).
    margins : {"both", "columns", "none"} or dict per table
        Totals an intruder may know: row, column and grand totals (``"both"``, for a cross table),
        column totals only (``"columns"``, for a table of separate key figures), or none.
    totals : bool, default False
        Return the tables with their total row/column (``Totaal``) added, hidden totals marked, as
        :func:`audit` expects them.
    links : list, optional
        Relations between tables of a set (see :func:`audit`).

    Returns
    -------
    Same type as ``table`` (a dict for a dict) with hidden cells replaced; the caller's data are
    not changed.

    Notes
    -----
    Secondary cells are chosen greedily: for every hidden cell that fails the audit, the smallest
    published inner cell (a total only when no inner cell is left) in one of its rows, columns or
    links is hidden, until the audit passes. It always ends: with every non-zero cell hidden no
    hidden cell has an upper bound. The pattern is safe, not minimal (an optimal pattern is an
    integer program; Fischetti & Salazar-González 1999). Missing values count as absent cells (0).
    See :func:`audit` for the rule and references (Hundepool et al. 2012, ch. 4 and 7).

    Examples
    --------
    >>> tab = pd.DataFrame({"a": [12, 3, 8], "b": [20, 30, 6], "c": [7, 9, 15]}, index=["x", "y", "z"])
    >>> suppress(tab, marker=HIDDEN)
        a   b  c
    x  12  20  7
    y   x  30  x
    z   x   6  x
    """
    if marker is not None and (not isinstance(marker, str) or re.search(r"[\d<>≤≥]", marker)):
        raise InputError(t("suppress_marker", marker=marker, hidden=HIDDEN))
    sets = isinstance(table, dict)
    tables = dict(table) if sets else {None: table}
    blocks, values, relations = _system(tables, margins, grids=False)
    if np.nanmin(values, initial=0) < 0:
        raise InputError(t("suppress_negative"))
    relations += _link_relations(blocks, links)
    hidden = _protect(values, relations, threshold, zero)
    out = {}
    for name, original in tables.items():
        block = blocks[name]
        gr, gc = block.grid
        cells = values[block.offset:block.offset + gr * gc].reshape(gr, gc)
        mask = hidden[block.offset:block.offset + gr * gc].reshape(gr, gc)
        r, c = block.shape
        frame = _as_frame(original, name)
        if totals:
            grid = pd.DataFrame(cells, index=list(block.index) + [TOTAL] * (gr - r),
                                columns=list(block.columns) + [TOTAL] * (gc - c))
            grid.iloc[:r, :c] = frame.to_numpy(dtype=float)
            frame, mask = grid, mask
        else:
            mask = mask[:r, :c]
        result = frame.astype(float).mask(mask) if marker is None else frame.astype(object).mask(mask, marker)
        if isinstance(original, pd.Series) and not totals:
            result = result.iloc[:, 0].rename(original.name)
        out[name] = result
    return out if sets else out[None]
