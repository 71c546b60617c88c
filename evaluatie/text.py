"""User-facing strings (Dutch by default, English with ``lang="en"``) and nl-NL number formatting.

Every sentence a user reads goes through :func:`t`, so that a message exists once in both
languages. Numbers for people are formatted with :func:`format_number` (decimal comma and
thousands point in Dutch).

Examples
--------
>>> format_number(1234.5, 1)
'1.234,5'
>>> format_number(1234.5, 1, lang="en")
'1,234.5'
>>> t("rows_read", n=3)
'3 rijen gelezen'
"""
from __future__ import annotations

import math
from typing import Literal

__all__ = ["Lang", "LANGS", "t", "format_number", "format_percent", "check_lang"]

Lang = Literal["nl", "en"]
LANGS: tuple[str, ...] = ("nl", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # --- general / errors -------------------------------------------------------------
    "file_not_found": {
        "nl": "Bestand '{file}' bestaat niet. Controleer de naam en de map (werkmap: {cwd}).",
        "en": "File '{file}' does not exist. Check the name and folder (working directory: {cwd}).",
    },
    "file_empty": {
        "nl": "Bestand '{file}' is leeg. Sla het bestand opnieuw op met de gegevens erin.",
        "en": "File '{file}' is empty. Save it again with the data in it.",
    },
    "no_data_rows": {
        "nl": "Bestand '{file}' bevat alleen kopregel(s) en geen gegevensrijen (kopregel op rij {row}).",
        "en": "File '{file}' has header row(s) but no data rows (header on row {row}).",
    },
    "unsupported_format": {
        "nl": "Bestand '{file}' heeft een onbekend formaat '{suffix}'. Sla het op als .xlsx of .csv.",
        "en": "File '{file}' has an unsupported format '{suffix}'. Save it as .xlsx or .csv.",
    },
    "bad_excel": {
        "nl": "Bestand '{file}' kan niet als Excel-bestand worden geopend ({detail}). "
              "Open het in Excel en sla het opnieuw op als .xlsx.",
        "en": "File '{file}' cannot be opened as an Excel file ({detail}). "
              "Open it in Excel and save it again as .xlsx.",
    },
    "bad_text": {
        "nl": "Bestand '{file}' is geen leesbaar tekstbestand (CSV). Sla het op als CSV (UTF-8) of .xlsx.",
        "en": "File '{file}' is not a readable text (CSV) file. Save it as CSV (UTF-8) or .xlsx.",
    },
    "sheet_missing": {
        "nl": "Bestand '{file}' heeft geen tabblad '{sheet}'. Beschikbare tabbladen: {sheets}.",
        "en": "File '{file}' has no sheet '{sheet}'. Available sheets: {sheets}.",
    },
    "no_header": {
        "nl": "In bestand '{file}' is geen kopregel voor soort '{kind}' gevonden. Verplichte kolommen: "
              "{required}. Ontbreekt in de beste kandidaat (rij {row}): {missing}. "
              "Toegestane namen per kolom: {aliases}.",
        "en": "No header row for kind '{kind}' found in file '{file}'. Required columns: {required}. "
              "Missing in the best candidate (row {row}): {missing}. Accepted names per column: {aliases}.",
    },
    "bad_kind": {
        "nl": "Onbekende soort tabel '{value}' voor parameter '{param}'. Kies uit: {allowed}.",
        "en": "Unknown table kind '{value}' for parameter '{param}'. Choose from: {allowed}.",
    },
    "bad_option": {
        "nl": "Ongeldige waarde {value!r} voor parameter '{param}'. Kies uit: {allowed}.",
        "en": "Invalid value {value!r} for parameter '{param}'. Choose from: {allowed}.",
    },
    "missing_columns": {
        "nl": "De tabel mist kolom(men) {missing}. Aanwezig: {present}.",
        "en": "The table is missing column(s) {missing}. Present: {present}.",
    },
    "invalid_table": {
        "nl": "Tabel ({kind}) voldoet niet aan het schema: {n} probleem/problemen. Eerste: index {index}, "
              "kolom '{column}', waarde '{value}': {reason}.",
        "en": "Table ({kind}) does not fit the schema: {n} problem(s). First: index {index}, "
              "column '{column}', value '{value}': {reason}.",
    },
    "no_usable_rows": {
        "nl": "Bestand '{file}': geen enkele rij is bruikbaar; bekijk het kwaliteitsrapport. Eerste probleem: "
              "rij {row}, kolom '{column}': {reason}.",
        "en": "File '{file}': no row is usable; see the quality report. First problem: "
              "row {row}, column '{column}': {reason}.",
    },
    "key_too_short": {
        "nl": "De pseudonimiseringssleutel is te kort ({n} tekens); gebruik minstens 16 tekens.",
        "en": "The pseudonymization key is too short ({n} characters); use at least 16 characters.",
    },
    "key_in_repo": {
        "nl": "Het sleutelbestand '{path}' staat in een git-project. Zet het buiten het project "
              "(bijvoorbeeld in je thuismap), anders kan de sleutel mee gedeeld worden.",
        "en": "The key file '{path}' is inside a git project. Keep it outside the project "
              "(for example in your home folder), or the key may be shared.",
    },
    # --- privacy (helper "privacy") ------------------------------------------------------
    "note_personal_canonical": {
        "nl": "Kolom '{column}' (gebruikt als {role}) lijkt persoonsgegevens te bevatten ({kind}): als "
              "leerling-/respondentcode wordt ze gepseudonimiseerd, anders wordt ze nooit geëxporteerd. "
              "Gebruik liever een leerlingnummer of code.",
        "en": "Column '{column}' (used as {role}) appears to hold personal data ({kind}): as pupil/respondent "
              "code it is pseudonymized, otherwise it is never exported. Prefer a pupil number or code.",
    },
    "export_refused": {
        "nl": "Export naar '{where}' geweigerd: {column} bevat waarschijnlijk persoonsgegevens ({kind}, waarde "
              "{value}). Verwijder of pseudonimiseer dit eerst; pseudoniemen (ps_…) horen ook niet in een export.",
        "en": "Export to '{where}' refused: {column} probably contains personal data ({kind}, value {value}). "
              "Remove or pseudonymize it first; pseudonyms (ps_…) do not belong in an export either.",
    },
    "flagged_at_load": {"nl": "gemarkeerd bij inlezen", "en": "flagged at load"},
    "reason_near_duplicate": {
        "nl": "lijkt op '{similar}' (gelijkenis {score}%, {n} rij(en)): dezelfde eenheid anders gespeld? Nu blijven "
              "het aparte eenheden; corrigeer de spelling in het bestand of in de mapping.",
        "en": "looks like '{similar}' (similarity {score}%, {n} row(s)): the same unit spelled differently? They stay "
              "separate units for now; correct the spelling in the file or the mapping.",
    },
    "reason_singleton_unit": {
        "nl": "komt bij maar één leerling/rij voor: een typfout, of een naam in plaats van een school of eenheid? "
              "Controleer de cel; zo'n groep wordt nooit apart getoond in figuren of bijschriften.",
        "en": "occurs for one pupil/row only: a typing error, or a name instead of a school or unit? Check the "
              "cell; such a group is never shown on its own in figures or captions.",
    },
    "key_unusable": {
        "nl": "De pseudonimiseringssleutel '{path}' kan niet gelezen of aangemaakt worden ({error}). Zonder vaste "
              "sleutel krijgen leerlingen elke sessie andere pseudoniemen, dus er wordt gestopt. Zet "
              "EVALUATIE_SLEUTELBESTAND op een bestand buiten het project waar je mag schrijven, of zet "
              "EVALUATIE_SLEUTEL (minstens 16 tekens).",
        "en": "The pseudonymization key '{path}' cannot be read or created ({error}). Without a fixed key pupils get "
              "different pseudonyms every session, so loading stops. Point EVALUATIE_SLEUTELBESTAND to a writable "
              "file outside the project, or set EVALUATIE_SLEUTEL (at least 16 characters).",
    },
    "key_missing": {
        "nl": "Geen pseudonimiseringssleutel gevonden in '{path}' en EVALUATIE_SLEUTEL is niet gezet.",
        "en": "No pseudonymization key found at '{path}' and EVALUATIE_SLEUTEL is not set.",
    },
    "key_permissions": {
        "nl": "Let op: het sleutelbestand '{path}' is leesbaar voor anderen (rechten {mode}). Maak het alleen voor "
              "jou leesbaar, bijvoorbeeld met: chmod 600 '{path}'.",
        "en": "Warning: the key file '{path}' is readable by others (mode {mode}). Make it readable by you only, "
              "e.g. with: chmod 600 '{path}'.",
    },
    # --- quality report ----------------------------------------------------------------
    "rows_read": {"nl": "{n} rijen gelezen", "en": "{n} rows read"},
    "report_title": {"nl": "Kwaliteitsrapport", "en": "Quality report"},
    "report_line": {
        "nl": "{file} (soort: {kind}): {n_read} rijen gelezen, {n_used} gebruikt, {n_dropped} verwijderd, "
              "{n_changed} aangepast, {n_warn} waarschuwing(en).",
        "en": "{file} (kind: {kind}): {n_read} rows read, {n_used} used, {n_dropped} dropped, "
              "{n_changed} changed, {n_warn} warning(s).",
    },
    "action_dropped": {"nl": "verwijderd", "en": "dropped"},
    "action_changed": {"nl": "aangepast", "en": "changed"},
    "action_warning": {"nl": "waarschuwing", "en": "warning"},
    "no_problems": {"nl": "Geen problemen gevonden.", "en": "No problems found."},
    "col_row": {"nl": "rij", "en": "row"},
    "col_column": {"nl": "kolom", "en": "column"},
    "col_value": {"nl": "waarde", "en": "value"},
    "col_reason": {"nl": "reden", "en": "reason"},
    "col_action": {"nl": "actie", "en": "action"},
    "note_encoding": {"nl": "Tekencodering: {encoding}; scheidingsteken: {delimiter!r}.",
                      "en": "Encoding: {encoding}; delimiter: {delimiter!r}."},
    "note_sheet": {"nl": "Tabblad: '{sheet}'.", "en": "Sheet: '{sheet}'."},
    "note_header": {"nl": "Kopregel op rij {row}; {n} regel(s) erboven overgeslagen (titelblok).",
                    "en": "Header on row {row}; {n} line(s) above it skipped (title block)."},
    "note_columns": {"nl": "Kolommen herkend: {mapping}.", "en": "Columns recognised: {mapping}."},
    "note_extra": {"nl": "Extra kolommen bewaard: {columns}.", "en": "Extra columns kept: {columns}."},
    "note_pseudonymized": {
        "nl": "Kolom(men) {columns} gepseudonimiseerd (sleutel: {key_source}).",
        "en": "Column(s) {columns} pseudonymized (key: {key_source}).",
    },
    "note_dropped_column": {
        "nl": "Kolom '{column}' niet ingelezen: bevat waarschijnlijk persoonsgegevens ({kind}).",
        "en": "Column '{column}' not loaded: it probably holds personal data ({kind}).",
    },
    "note_key_created": {
        "nl": "Nieuwe pseudonimiseringssleutel aangemaakt in '{path}'. Bewaar dit bestand veilig en buiten het "
              "project: met dezelfde sleutel krijgen leerlingen steeds hetzelfde pseudoniem.",
        "en": "New pseudonymization key created at '{path}'. Keep this file safe and outside the project: "
              "with the same key, pupils always get the same pseudonym.",
    },
    # reasons (one row each)
    "reason_blank": {"nl": "lege rij", "en": "blank row"},
    "reason_total": {"nl": "totaalrij (wordt zelf berekend)", "en": "total row (computed by the toolkit)"},
    "reason_duplicate": {"nl": "exacte dubbele rij (gelijk aan rij {first})",
                         "en": "exact duplicate row (same as row {first})"},
    "reason_duplicate_key": {"nl": "dubbele combinatie {keys} (eerder op rij {first}); eerste rij gebruikt",
                             "en": "duplicate combination {keys} (first on row {first}); first row used"},
    "reason_missing": {"nl": "verplichte waarde ontbreekt", "en": "required value is missing"},
    "reason_not_number": {"nl": "geen getal", "en": "not a number"},
    "reason_not_integer": {"nl": "geen geheel getal", "en": "not a whole number"},
    "reason_not_date": {"nl": "datum niet te lezen (gebruik bv. 3-9-2024)",
                        "en": "date cannot be read (use e.g. 3-9-2024)"},
    "reason_not_period": {"nl": "periode niet te lezen (gebruik bv. 2024-09, 2024K3 of 2024/2025)",
                          "en": "period cannot be read (use e.g. 2024-09, 2024Q3 or 2024/2025)"},
    "reason_not_bool": {"nl": "geen ja/nee of 0/1", "en": "not yes/no or 0/1"},
    "reason_mixed_periods": {"nl": "periode in ander formaat dan de rest van de kolom",
                             "en": "period in a different format from the rest of the column"},
    "reason_negative": {"nl": "aantal mag niet negatief zijn", "en": "count cannot be negative"},
    "reason_not_positive": {"nl": "moet groter dan 0 zijn (bv. aantal leerlingen)",
                            "en": "must be greater than 0 (e.g. number of pupils)"},
    "reason_category": {"nl": "onbekende waarde; toegestaan: {allowed}", "en": "unknown value; allowed: {allowed}"},
    "reason_category_kept": {"nl": "onbekende waarde, wel bewaard; bekend zijn: {allowed}",
                             "en": "unknown value, kept; known values: {allowed}"},
    "reason_end_before_start": {"nl": "einddatum ligt voor de startdatum", "en": "end date is before start date"},
    "reason_text_in_number": {"nl": "tekst in getalkolom; als ontbrekend behandeld",
                              "en": "text in a number column; treated as missing"},
    "reason_identifier": {"nl": "lijkt persoonsgegeven ({kind}); kolom wordt niet geëxporteerd",
                          "en": "looks like personal data ({kind}); column will not be exported"},
    "reason_identifier_pseudo": {"nl": "lijkt persoonsgegeven ({kind}); is gepseudonimiseerd",
                                 "en": "looks like personal data ({kind}); has been pseudonymized"},
    "reason_schema": {"nl": "voldoet niet aan controle '{check}'", "en": "fails check '{check}'"},
    # why a difference-in-differences result has the uncertainty it has (evaluatie.did)
    "did_iid": {"nl": "Aanname: onafhankelijke waarnemingen.", "en": "Assumes independent observations."},
    "did_hc1": {"nl": "Robuust voor ongelijke spreiding.", "en": "Robust to unequal variances."},
    "did_cluster": {"nl": "Gecorrigeerd voor samenhang binnen {g} clusters.",
                    "en": "Corrected for correlation within {g} clusters."},
    "did_t_df": {"nl": "t-verdeling met {df} vrijheidsgraden.", "en": "t distribution with {df} degrees of freedom."},
    "did_user": {"nl": "Door de gebruiker gekozen.", "en": "Chosen by the user."},
    "did_auto_cluster": {
        "nl": "Gekozen: cluster-robuuste standaardfouten, omdat er genoeg eenheden zijn (≥ 42, met ≥ 10 met en "
              "≥ 10 zonder interventie).",
        "en": "Chosen: cluster-robust standard errors, because there are enough units (≥ 42, with ≥ 10 with and "
              "≥ 10 without the intervention)."},
    "did_auto_ri": {
        "nl": "Gekozen: randomisatie-inferentie, omdat {treated} van de {units} eenheden de interventie kregen; met zo "
              "weinig (behandelde) clusters zijn cluster-robuuste standaardfouten te optimistisch.",
        "en": "Chosen: randomization inference, because {treated} of the {units} units got the intervention; with so "
              "few (treated) clusters, cluster-robust standard errors are too optimistic."},
    "did_wild": {"nl": "Wild cluster bootstrap (WCR, {kind}-gewichten, {n} trekkingen).",
                 "en": "Wild cluster bootstrap (WCR, {kind} weights, {n} draws)."},
    "did_wild_all": {"nl": "Wild cluster bootstrap (WCR, {kind}-gewichten, alle {n} trekkingen).",
                     "en": "Wild cluster bootstrap (WCR, {kind} weights, all {n} draws)."},
    "did_ri_exact": {"nl": "Alle {n} mogelijke toewijzingen doorgerekend (exacte p-waarde).",
                     "en": "All {n} possible assignments evaluated (exact p-value)."},
    "did_ri_sample": {"nl": "Een steekproef van {n} van de {total} mogelijke toewijzingen doorgerekend.",
                      "en": "A sample of {n} of the {total} possible assignments evaluated."},
    "es_method": {
        "nl": "Methode: Callaway & Sant’Anna (2021), {treated} van {units} eenheden in {cohorts} startgroep(en); "
              "onzekerheid met een jackknife over eenheden (t-verdeling, {df} vrijheidsgraden).",
        "en": "Method: Callaway & Sant’Anna (2021), {treated} of {units} units in {cohorts} start group(s); "
              "unit jackknife (t distribution, {df} degrees of freedom)."},
    "es_pretrend": {"nl": "Vóór de start (toets op gelijke trends): p = {p}.",
                    "en": "Before the start (test of parallel trends): p = {p}."},
    "es_pretrend_warn": {"nl": "Vóór de start (toets op gelijke trends): p = {p} — let op: de groepen liepen al uiteen "
                               "vóór de start.",
                         "en": "Before the start (test of parallel trends): p = {p} — note: the groups already "
                               "diverged before the start."},
}


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is supported, else raise :class:`evaluatie.InputError`."""
    if lang not in LANGS:
        from .errors import InputError

        raise InputError(t("bad_option", value=lang, param="lang", allowed=", ".join(LANGS)))
    return lang


def t(key: str, lang: str = "nl", **kwargs) -> str:
    """Return message ``key`` in ``lang``, formatted with ``kwargs``."""
    return MESSAGES[key][check_lang(lang)].format(**kwargs)


def format_number(x: float, decimals: int = 0, lang: str = "nl") -> str:
    """Format a number for people: ``1.234,5`` in Dutch, ``1,234.5`` in English.

    Missing values become an en dash. Negative zero is printed as zero.
    """
    check_lang(lang)
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    value = round(float(x), decimals) + 0.0
    text = f"{value:,.{decimals}f}"
    if lang == "nl":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def format_percent(x: float, decimals: int = 0, lang: str = "nl") -> str:
    """Format a proportion (0.243) as a percentage for people: ``24%`` or ``24,3%``."""
    return format_number(100 * x, decimals, lang) + "%"
