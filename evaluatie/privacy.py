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
from .text import check_lang, t

__all__ = ["pseudonymize", "get_key", "find_identifiers", "is_bsn", "suppress", "check_exportable",
           "header_kind", "find_in_text", "mask_value", "scrub", "normalize_id"]

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


# ------------------------------------------------------------------------ free-text detection
_S = r"[\s.\-]"  # one separator inside a number
#: One regular expression per kind; the part that is personal is the named group ``m``. BSN and
#: telephone candidates are validated afterwards (eleven-test; nine national digits).
_PATTERNS: dict[str, str] = {
    "BSN": (r"(?<!\d)(?<!\d[.,])(?P<m>\d{9}|\d{4}[.\s]\d{2}[.\s]\d{3}|\d{3}[.\s\-]\d{3}[.\s\-]\d{3}"
            r"|\d{2}[.\s]\d{3}[.\s]\d{2}[.\s]\d{2})(?:[.,]0+)?(?![.,]?\d)"),
    "e-mail": (r"(?P<m>[\w.+\-]+(?:@|\s?[(\[]at[)\]]\s?)[\w\-]+(?:(?:\.|\s?[(\[]dot[)\]]\s?)[\w\-]+)+)"),
    "telefoon": (r"(?<![\w\-./,])(?P<m>(?:(?:\+|00)31" + _S + r"?(?:\(0\)" + _S + r"?)?|\(?0)"
                 r"(?:6\)?" + _S + r"?(?:\d{8}|\d{2}(?P<s>" + _S + r"?)\d{2}(?P=s)\d{2}(?P=s)\d{2}|\d{4}" + _S
                 + r"?\d{4}|\d{3}" + _S + r"?\d{3}" + _S + r"?\d{2}|\d{2}" + _S + r"?\d{3}" + _S + r"?\d{3})"
                 r"|[1-57-9]\d{1,2}\)?" + _S + r"?(?:\d{6,7}|\d{3}" + _S + r"?\d{3,4}|\d{2}" + _S + r"?\d{2}" + _S
                 + r"?\d{2,3}|\d{3}" + _S + r"?\d{2}" + _S + r"?\d{2})))(?!\d)"),
    "postcode+huisnummer": (r"(?<![\w\-./,])(?P<m>[1-9]\d{3}\s?(?P<letters>[A-Za-z]{2})(?![A-Za-z])[\s,]*(?:nr\.?\s?)?"
                            r"\d{1,5})(?!\d)"),
    "adres": (r"(?P<m>\b[A-Z][a-z\u00e0-\u00ff]+(?:straat|laan|weg|plein|singel|gracht|kade|dijk|steeg|dreef)"
              r"\s+\d{1,4}(?!\d)|(?<![\w\-./,])[1-9]\d{3}\s?(?P<pc>[A-Z]{2})(?![\w])(?![\s,]*(?:nr\.?\s?)?\d))"),
    "geboortedatum": (r"(?i)(?P<m>\b(?:geboren|geb\b\.?|geboortedatum|geb\.?\s?datum|born|date of birth|dob\b"
                      r"|d\.o\.b\.)\s*[:=]?\s*(?:op\s+|on\s+)?\d{1,2}[-/. ]\w+[-/. ]\d{2,4})"),
    "naam": (r"(?P<m>\b(?:[Dd]hr|[Mm]evr|[Mm]w|[Mm]evrouw|[Mm]eneer|[Jj]uf|[Mm]eester|Mrs?|Ms)\b\.?\s+"
             r"(?:[a-z]{1,3}\s+)*[A-Z][a-z\u00e0-\u00ff]+)"),
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
    digits = matches.str.replace(r"\D", "", regex=True).str[:9]
    if digits.empty:
        return np.zeros(0, dtype=bool)
    arr = (np.frombuffer("".join(digits).encode("ascii"), dtype=np.uint8) - 48).reshape(-1, 9).astype(int)
    weights = np.array([9, 8, 7, 6, 5, 4, 3, 2, -1])
    return ((arr @ weights) % 11 == 0) & (arr.sum(axis=1) > 0)


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
      a float (``111222333.0``). A nine-digit amount that passes the eleven-test is flagged too;
      eight-digit numbers (a BSN whose leading zero Excel dropped) are not;
    - an e-mail address (also ``naam (at) domein (dot) nl``);
    - a Dutch telephone number: ``06`` or an area code with nine national digits, separated by
      spaces, dots or hyphens, with or without ``+31``/``0031``/``(0)`` (``06.12345678``,
      ``+31 (0)6-1234 5678``, ``(020) 123 4567``);
    - a postcode with house number in any case (``1234 AB 12``, ``1234ab, 12``), except when the
      two letters are a common word or school type (``2024 en 12``, ``2024 VO 3``: ``en``, ``op``,
      ``vo``, … — real postcodes with those letters are missed); an upper-case postcode on its own
      (``1234AB``, ``2500 GA``; also a year followed by two capitals such as ``2024 AB``, except
      the school types and words above); a street name ending in ``straat``, ``laan``, ``weg``, ``plein``, … with a number;
    - a date of birth announced as such (``geboren op 3-9-2015``, ``geb. 03-09-2015``, ``DOB``);
    - a name after a title or form of address (``mevr. Jansen``, ``juf Anna``, ``dhr. de Vries``);
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
        hits = _scan(text)
        if hits.empty:
            continue
        hits = hits.assign(order=hits["kind"].map(order)).sort_values(["pos", "order"], kind="stable")
        labels = text.index.to_numpy()[hits["pos"].to_numpy(dtype=int)]
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
