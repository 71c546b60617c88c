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

__all__ = ["Lang", "LANGS", "t", "format_number", "format_percent", "format_p", "format_date", "check_lang", "Note",
           "note", "in_lang"]

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
    "note_small_groups_omitted": {
        "nl": "{n} school/scholen met minder dan {min_cell} leerlingen ({masked}) niet apart getoond in figuren en "
              "bijschriften (te herleidbaar; controleer of de naam een typfout of een leerlingnaam is).",
        "en": "{n} school(s) with fewer than {min_cell} pupils ({masked}) not shown on their own in figures and "
              "captions (too identifying; check whether the name is a typing error or a pupil's name).",
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
    # --- loader (io.py: reading files) ------------------------------------------------------
    "duplicate_header": {
        "nl": "Bestand '{file}': de kolomnaam '{column}' staat meer dan eens in de kopregel (rij {row}, kolommen "
              "{letters}). Geef elke kolom een eigen naam en probeer het opnieuw.",
        "en": "File '{file}': the column name '{column}' appears more than once in the header (row {row}, columns "
              "{letters}). Give every column its own name and try again.",
    },
    "reserved_header": {
        "nl": "Bestand '{file}': kolom '{column}' (kopregel op rij {row}) heeft een naam die evaluatie zelf "
              "gebruikt ({reserved}). Geef de kolom een andere naam, bv. '{column}_bestand'.",
        "en": "File '{file}': column '{column}' (header on row {row}) has a name evaluatie uses itself "
              "({reserved}). Rename the column, e.g. '{column}_file'.",
    },
    "stray_quote": {
        "nl": "Bestand '{file}': regel {line} bevat een los aanhalingsteken (\"). Daardoor zouden de regels {line} "
              "tot en met {end} als één cel gelezen worden. Verwijder het aanhalingsteken, of zet de hele cel tussen "
              "twee aanhalingstekens (\"...\"), en probeer het opnieuw.",
        "en": "File '{file}': line {line} holds a stray quote (\"), which would read lines {line} to {end} as one "
              "cell. Remove the quote, or put the whole cell between two quotes (\"...\"), and try again.",
    },
    "bad_csv": {
        "nl": "Bestand '{file}' kan niet als CSV worden gelezen ({detail}). Open het in Excel en sla het op als "
              "CSV (puntkomma-gescheiden) of .xlsx.",
        "en": "File '{file}' cannot be read as CSV ({detail}). Open it in Excel and save it as CSV or .xlsx.",
    },
    "note_multiline": {"nl": "Cellen over meerdere regels (tussen aanhalingstekens) beginnen op regel {lines}; "
                             "rijnummers zijn regelnummers in het bestand.",
                       "en": "Cells spanning several lines (quoted) start on line {lines}; row numbers are line "
                             "numbers in the file."},
    "note_mixed_encoding": {
        "nl": "Gemengde tekencodering: {n} regel(s) waren geen UTF-8 en zijn als Windows-1252 gelezen (regel "
              "{lines}). Controleer de speciale tekens (ë, é, ï) op die regels.",
        "en": "Mixed encoding: {n} line(s) were not UTF-8 and were read as Windows-1252 (line {lines}). "
              "Check the special characters (ë, é, ï) on those lines."},
    "reason_cp1252_line": {"nl": "regel in Windows-1252-codering gelezen (de rest van het bestand is UTF-8)",
                           "en": "line read as Windows-1252 (the rest of the file is UTF-8)"},
    "several_sheets": {
        "nl": "Bestand '{file}' heeft meerdere tabbladen met een kopregel voor soort '{kind}': {sheets}. Kies er één "
              "met sheet= (bv. sheet=\"{first}\") of --tabblad op de opdrachtregel.",
        "en": "File '{file}' has several sheets with a header for kind '{kind}': {sheets}. Choose one with sheet= "
              "(e.g. sheet=\"{first}\") or --tabblad on the command line.",
    },
    "no_visible_sheet": {
        "nl": "Bestand '{file}' heeft alleen verborgen tabbladen. Maak het tabblad met de gegevens zichtbaar of "
              "kies het met sheet=.",
        "en": "File '{file}' has only hidden sheets. Unhide the data sheet or choose it with sheet=.",
    },
    "note_hidden_skipped": {"nl": "Verborgen tabblad(en) {sheets} niet gelezen.",
                            "en": "Hidden sheet(s) {sheets} not read."},
    "note_hidden_chosen": {"nl": "Let op: tabblad '{sheet}' is verborgen; het is gelezen omdat het zo gevraagd is.",
                           "en": "Note: sheet '{sheet}' is hidden; it was read because it was asked for."},
    "note_empty_skipped": {"nl": "Lege rijen {ranges} overgeslagen (lange lege stukken worden niet als rijen "
                                 "meegeteld).",
                           "en": "Empty rows {ranges} skipped (long empty stretches are not counted as rows)."},
    "formula_no_value": {
        "nl": "Bestand '{file}', tabblad '{sheet}': cel(len) {cells} bevatten een formule zonder opgeslagen "
              "uitkomst (het bestand is door een ander programma gemaakt). Open het bestand in Excel en sla het "
              "op; probeer het daarna opnieuw.",
        "en": "File '{file}', sheet '{sheet}': cell(s) {cells} hold a formula without a saved result (the file was "
              "made by another program). Open the file in Excel and save it, then try again.",
    },
    "note_merged": {"nl": "Samengevoegde cellen ingevuld naar beneden: {ranges}.",
                    "en": "Merged cells filled down: {ranges}."},
    "note_dates_mdy": {
        "nl": "Kolom '{column}': datums gelezen als maand-dag-jaar (Amerikaans), want '{example}' kan alleen zo.",
        "en": "Column '{column}': dates read as month-day-year, because '{example}' only fits that order."},
    "note_dates_mixed": {
        "nl": "Kolom '{column}': datums staan door elkaar als dag-maand én maand-dag; {n} datum(s) die op beide "
              "manieren kunnen (bv. 10/02/2024) zijn niet gebruikt. Schrijf datums als 2024-02-10 of 10 februari 2024.",
        "en": "Column '{column}': dates mix day-month and month-day; {n} date(s) that fit both (e.g. 10/02/2024) "
              "were not used. Write dates as 2024-02-10 or 10 February 2024."},
    "note_dates_ambiguous": {
        "nl": "Kolom '{column}': {n} datum(s) kunnen dag-maand of maand-dag zijn (bv. '{example}'); gelezen als "
              "dag-maand-jaar (Nederlands).",
        "en": "Column '{column}': {n} date(s) fit day-month and month-day (e.g. '{example}'); read as "
              "day-month-year (Dutch)."},
    "note_two_digit_year": {
        "nl": "Kolom '{column}': jaartallen met twee cijfers (bv. '{example}') gelezen als 20xx onder {pivot} en "
              "19xx vanaf {pivot}.",
        "en": "Column '{column}': two-digit years (e.g. '{example}') read as 20xx below {pivot} and 19xx from "
              "{pivot} on."},
    "note_unnamed_cells": {
        "nl": "Kolom {column} heeft geen naam in de kopregel; de {n} waarde(n) daarin (rij {rows}) zijn niet ingelezen. "
              "Geef de kolom een naam als ze nodig is.",
        "en": "Column {column} has no name in the header; its {n} value(s) (row {rows}) were not loaded. "
              "Name the column if it is needed."},
    "reason_date_ambiguous": {"nl": "datum kan dag-maand of maand-dag zijn en de kolom gebruikt beide",
                              "en": "date fits day-month and month-day, and the column uses both"},
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
    "es_pretrend": {"nl": "Vóór de start (toets op gelijke trends): {p}.",
                    "en": "Before the start (test of parallel trends): {p}."},
    "es_pretrend_warn": {"nl": "Vóór de start (toets op gelijke trends): {p} — let op: de groepen liepen al uiteen "
                               "vóór de start.",
                         "en": "Before the start (test of parallel trends): {p} — note: the groups already "
                               "diverged before the start."},
    # --- honest-es: event study ---------------------------------------------------------------------
    "es_method_ri": {
        "nl": "Methode: Callaway & Sant’Anna (2021), {treated} van {units} eenheden in {cohorts} startgroep(en); "
              "onzekerheid met randomisatie-inferentie over de toewijzing van de startgroepen ({n} toewijzingen; "
              "{p} voor geen effect).",
        "en": "Method: Callaway & Sant’Anna (2021), {treated} of {units} units in {cohorts} start group(s); "
              "randomization inference over the assignment of start groups ({n} assignments; {p} for no "
              "effect)."},
    # --- student (helper student): per-school losses, notebooks, nulmeting per school ----------------
    "unit_removed": {"nl": "Let op: '{unit}' is helemaal weggevallen: alle {n} rijen zijn verwijderd (zie hieronder).",
                     "en": "Note: '{unit}' is gone entirely: all {n} rows were dropped (see below)."},
    "rows_of_unit": {"nl": "{n} rijen van {unit} (rij {rows})", "en": "{n} rows of {unit} (rows {rows})"},
    "nb_none": {"nl": "geen", "en": "none"},
    "nb_example": {"nl": "synthetische voorbeelddata", "en": "synthetic example data"},
    "nb_own": {"nl": "eigen bestand", "en": "own file"},
    "nb_data": {"nl": "gegevens", "en": "data"},
    "nb_file": {"nl": "bestand", "en": "file"},
    "nb_series": {"nl": "tijdreeks", "en": "time series"},
    "nb_mapping": {"nl": "koppeltabel instanties", "en": "agency mapping"},
    "nb_pupils": {"nl": "leerlingen per school", "en": "pupils per school"},
    "nb_pupils_all": {"nl": "niet opgegeven: alle dossiers zijn gelezen", "en": "not given: every file was read"},
    "nb_source": {"nl": "bronregel", "en": "source line"},
    "nb_figures": {"nl": "figuren in", "en": "figures in"},
    "nb_reports": {"nl": "tabellen in", "en": "tables in"},
    "nb_missing": {"nl": "{what}: bestand '{file}' bestaat niet (ook niet in de projectmap). Geef het pad vanaf de "
                         "projectmap, bv. \"data_raw/mijn_bestand.xlsx\" (werkmap: {cwd}).",
                   "en": "{what}: file '{file}' does not exist (not in the project folder either). Give the path from "
                         "the project folder, e.g. \"data_raw/my_file.xlsx\" (working directory: {cwd})."},
    "nb_settings_without_file": {
        "nl": "{names} hoort bij een eigen bestand: vul ook MIJN_BESTAND in (of laat {names} leeg voor de "
              "voorbeelddata).",
        "en": "{names} belongs to an own file: fill in MIJN_BESTAND too (or leave {names} empty for the example "
              "data)."},
    "nb_pupils_type": {"nl": "LEERLINGEN moet een aantal per school zijn, bv. {{\"SBO De Brug\": 160}}, of de naam "
                             "van een kolom in je bestand, bv. \"Leerlingen school\"; niet {value}.",
                       "en": "LEERLINGEN must give a number per school, e.g. {{\"SBO De Brug\": 160}}, or name a "
                             "column of your file, e.g. \"Leerlingen school\"; not {value}."},
    "nb_not_found": {"nl": "Notebook {notebook} niet gevonden in '{folder}'.",
                     "en": "Notebook {notebook} not found in '{folder}'."},
    "nb_none_found": {"nl": "Geen notebooks gevonden in '{folder}'. Start de opdracht in de projectmap.",
                      "en": "No notebooks found in '{folder}'. Run the command in the project folder."},
    "nb_no_parameters": {"nl": "Het notebook heeft {n} instellingencellen (tag 'parameters'); er moet er precies één zijn.",
                         "en": "The notebook has {n} settings cells (tag 'parameters'); there must be exactly one."},
    "nb_unknown_parameter": {"nl": "Onbekende instelling(en): {names}. Dit notebook kent: {allowed}.",
                             "en": "Unknown setting(s): {names}. This notebook knows: {allowed}."},
    "nb_failed_input": {"nl": "Notebook '{notebook}' stopte in codecel {cell}: {error}",
                        "en": "Notebook '{notebook}' stopped in code cell {cell}: {error}"},
    "nb_cli_done": {
        "nl": "Klaar.\nFiguren: {figures}\nTabellen (afgeschermd, om te delen): {reports}\nUitgevoerd notebook: {notebook} "
              "(en {html} om in de browser te lezen). Dat is je werkversie: het toont wat je op het scherm zag, ook "
              "kleine aantallen en schoolnamen die in de tabellen zijn afgeschermd. Deel het niet.",
        "en": "Done.\nFigures: {figures}\nTables (protected, for sharing): {reports}\nExecuted notebook: {notebook} "
              "(and {html} to read in the browser). That is your working copy: it shows what you saw on screen, "
              "including small counts and school names the tables protect. Do not share it."},
    "nb_failed": {"nl": "Notebook '{notebook}' stopte met een fout:\n{error}",
                  "en": "Notebook '{notebook}' stopped with an error:\n{error}"},
    "pupils_one_for_many": {
        "nl": "Eén aantal leerlingen ({n}) voor {k} scholen kan niet: scholen verschillen in grootte. Geef het aantal "
              "per school, bv. --leerlingen \"{example}\" (of in Python {{'school': aantal}}). Scholen in het bestand: "
              "{schools}.",
        "en": "One number of pupils ({n}) for {k} schools is not possible: schools differ in size. Give the number "
              "per school, e.g. --leerlingen \"{example}\" (or in Python {{'school': number}}). Schools in the file: "
              "{schools}."},
    "pupils_unknown_school": {
        "nl": "Bij het aantal leerlingen staan scholen die niet in het bestand staan: {unknown}. Schrijf de naam zoals "
              "in het bestand; scholen in het bestand: {schools}.",
        "en": "The numbers of pupils name schools that are not in the file: {unknown}. Spell them as in the file; "
              "schools in the file: {schools}."},
    "pupils_not_count": {"nl": "Het aantal leerlingen moet een geheel getal van minstens 1 zijn: {values}.",
                         "en": "The number of pupils must be a whole number of at least 1: {values}."},
    "pupils_below_files": {
        "nl": "Het totaal aantal leerlingen van '{school}' ({n}) is kleiner dan het aantal leerlingen in het bestand "
              "({m}). Geef het totaal van de hele school (ook leerlingen van wie het dossier niet gelezen is).",
        "en": "The total number of pupils of '{school}' ({n}) is smaller than the number of pupils in the file ({m}). "
              "Give the total of the whole school (including pupils whose file was not read)."},
    "school_no_agency": {
        "nl": "School '{name}' heeft {n} leerling(en) en geen enkele instantie in het bestand. Klopt de schoolnaam?",
        "en": "School '{name}' has {n} pupil(s) and no agency at all in the file. Is the school name right?"},
    "school_looks_like": {
        "nl": "Schoolnaam '{name}' lijkt op '{other}' (tikfout?). Ze worden als twee scholen geteld; verbeter de naam "
              "in je bestand als het dezelfde school is.",
        "en": "School name '{name}' looks like '{other}' (typo?). They are counted as two schools; correct the name "
              "in your file if it is the same school."},
    "col_n_rows": {"nl": "aantal rijen", "en": "rows"},
    "rows_many": {"nl": "{n} rijen (rij {rows})", "en": "{n} rows (rows {rows})"},
    # --- pilots: small-n outcomes, process times, costs (evaluatie.outcomes / durations / costs) ---------
    "pilots_counts_not_numbers": {
        "nl": "Aantallen moeten hele getallen zijn (k = {k}, n = {n}). Vul het aantal met de uitkomst (k) en de "
              "groepsgrootte (n) in, bijvoorbeeld k = 2 en n = 4.",
        "en": "Counts must be whole numbers (k = {k}, n = {n}). Give the number with the outcome (k) and the group "
              "size (n), e.g. k = 2 and n = 4."},
    "pilots_n_zero": {"nl": "De groep is leeg (n = {n}): zonder leerlingen is er geen aandeel te berekenen.",
                      "en": "The group is empty (n = {n}): without pupils there is no proportion."},
    "pilots_k_out_of_range": {
        "nl": "{what} = {k} kan niet: het aantal met de uitkomst moet tussen 0 en de groepsgrootte n = {n} liggen.",
        "en": "{what} = {k} is impossible: the number with the outcome must lie between 0 and the group size n = {n}."},
    "pilots_proportion": {"nl": "{k} van de {n} ({pct}); {level}-betrouwbaarheidsinterval {lo} tot {hi} ({method}).",
                          "en": "{k} of {n} ({pct}); {level} confidence interval {lo} to {hi} ({method})."},
    "pilots_proportion_title": {"nl": "{k} van de {n}: het werkelijke aandeel ligt ergens tussen {lo} en {hi}",
                                "en": "{k} of {n}: the true proportion lies somewhere between {lo} and {hi}"},
    "pilots_width": {
        "nl": "Het interval is {width} procentpunten breed: met {n} leerlingen passen de gegevens zowel bij een "
              "aandeel van {lo} als bij {hi}.",
        "en": "The interval is {width} percentage points wide: with {n} pupils the data fit a proportion of {lo} "
              "as well as {hi}."},
    "pilots_can_say_occurs": {
        "nl": "Wel te zeggen: het kan — bij {k} van de {n} is het gelukt; het werkelijke aandeel is vrijwel zeker "
              "niet lager dan {lo}.",
        "en": "What can be said: it happens — it worked for {k} of {n}; the true proportion is almost certainly "
              "not below {lo}."},
    "pilots_can_say_not_always": {
        "nl": "Het lukt niet bij iedereen: het werkelijke aandeel is vrijwel zeker niet hoger dan {hi}.",
        "en": "It does not work for everyone: the true proportion is almost certainly not above {hi}."},
    "pilots_small_n": {
        "nl": "Niet te zeggen: hoe groot het aandeel bij een volgende groep wordt, of dat de aanpak beter werkt dan "
              "zonder. Met {n} leerlingen is elke leerling een groot deel van het percentage; beschrijf de "
              "leerlingen afzonderlijk (tijdlijn) en noem het percentage alleen met het interval.",
        "en": "What cannot be said: how large the proportion will be in a next group, or whether the approach works "
              "better than without it. With {n} pupils each pupil is a large part of the percentage; describe the "
              "pupils individually (timeline) and give the percentage only with its interval."},
    "pilots_n_needed": {
        "nl": "Voor een interval van ongeveer ±{hw} procentpunten zijn circa {n} leerlingen nodig.",
        "en": "An interval of about ±{hw} percentage points needs about {n} pupils."},
    "pilots_fisher": {
        "nl": "{k} van de {n} ({pct}) tegenover {k_ref} van de {n_ref} ({pct_ref}) in de referentiegroep; "
              "Fisher exact: p = {p}.",
        "en": "{k} of {n} ({pct}) against {k_ref} of {n_ref} ({pct_ref}) in the reference group; "
              "Fisher exact: p = {p}."},
    "pilots_benchmark": {
        "nl": "{k} van de {n} ({pct}) tegenover een norm of eerder percentage van {ref}; exacte binomiale toets: p = {p}.",
        "en": "{k} of {n} ({pct}) against a benchmark or earlier rate of {ref}; exact binomial test: p = {p}."},
    "pilots_odds_ratio": {"nl": "Odds ratio {est} ({level}-BI {lo} tot {hi}).",
                          "en": "Odds ratio {est} ({level} CI {lo} to {hi})."},
    "pilots_p_small": {
        "nl": "Het verschil is groter dan toeval bij {n} leerlingen goed verklaart; het zegt nog niet dat de "
              "aanpak de oorzaak is (de groepen kunnen ook op andere punten verschillen).",
        "en": "The difference is larger than chance easily explains with {n} pupils; it does not show that the "
              "approach caused it (the groups may differ in other ways)."},
    "pilots_p_large": {
        "nl": "Met {n} leerlingen kan dit verschil goed toeval zijn. Dat betekent niet dat er geen effect is: de "
              "groep is te klein om het aan te tonen.",
        "en": "With {n} pupils this difference may well be chance. That does not mean there is no effect: the group "
              "is too small to show it."},
    "pilots_posterior": {
        "nl": "De kans dat het werkelijke aandeel boven {threshold} ligt is {prob} (na {k} van de {n}; "
              "voorkennis Beta({a}; {b})).",
        "en": "The probability that the true proportion is above {threshold} is {prob} (after {k} of {n}; "
              "prior Beta({a}, {b}))."},
    "pilots_credible": {"nl": "{level}-geloofwaardigheidsinterval: {lo} tot {hi}.",
                        "en": "{level} credible interval: {lo} to {hi}."},
    "pilots_prior_matters": {
        "nl": "Let op: met {n} leerlingen hangt deze kans merkbaar af van de gekozen voorkennis; vermeld die.",
        "en": "Note: with {n} pupils this probability depends noticeably on the chosen prior; report it."},
    "pilots_timeline_title": {"nl": "Tijdlijn per leerling ({n} leerlingen)", "en": "Timeline per pupil ({n} pupils)"},
    "pilots_one_row_per_pupil": {
        "nl": "Kolom '{column}' bevat dubbele leerlingen: de tijdlijn verwacht één rij per leerling.",
        "en": "Column '{column}' has duplicate pupils: the timeline expects one row per pupil."},
    "pilots_missing_start_rows": {"nl": "Startdatum ('{column}') ontbreekt in rij(en) {rows}.",
                                  "en": "Start date ('{column}') is missing in row(s) {rows}."},
    "pilots_end_before_start_rows": {"nl": "Einddatum ligt voor de startdatum in rij(en) {rows}.",
                                     "en": "End date is before the start date in row(s) {rows}."},
    "pilots_bad_dates": {
        "nl": "Kolom '{column}': {n} datum/data niet te lezen (rij {rows}; bv. '{value}'). Gebruik bv. 3-9-2024.",
        "en": "Column '{column}': {n} date(s) cannot be read (row {rows}; e.g. '{value}'). Use e.g. 3-9-2024."},
    "pilots_not_frame": {"nl": "Verwacht een tabel (DataFrame), kreeg {kind}.", "en": "Expected a DataFrame, got {kind}."},
    "pilots_no_dates": {"nl": "Geen enkele datum te lezen in kolommen '{start}' en '{end}'.",
                        "en": "No readable date in columns '{start}' and '{end}'."},
    "pilots_no_cases": {"nl": "Geen enkele casus bruikbaar (van {n} rijen); bekijk het kwaliteitsrapport.",
                        "en": "No usable case (of {n} rows); see the quality report."},
    "pilots_reason_after_reference": {"nl": "startdatum ligt na de peildatum {date}",
                                      "en": "start date is after the reference date {date}"},
    "pilots_reason_end_after_reference": {
        "nl": "einddatum ligt na de peildatum {date}: telt als nog lopend op de peildatum",
        "en": "end date is after the reference date {date}: counted as still open on that date"},
    "pilots_reason_no_group": {"nl": "groep ontbreekt; ingedeeld als 'onbekend'",
                               "en": "group missing; classified as 'unknown'"},
    "pilots_note_reference": {
        "nl": "Peildatum {date}: {n_open} casus(sen) liepen toen nog en tellen mee tot die datum (gecensureerd).",
        "en": "Reference date {date}: {n_open} case(s) were still open and count up to that date (censored)."},
    "pilots_km_group": {
        "nl": "{group} (n = {n}): mediaan {median} dagen (95%-BI {lo} tot {hi}); binnen {days} dagen {share} "
              "({slo} tot {shi}).",
        "en": "{group} (n = {n}): median {median} days (95% CI {lo} to {hi}); within {days} days {share} "
              "({slo} to {shi})."},
    "pilots_km_group_no_median": {
        "nl": "{group} (n = {n}): mediaan nog niet bereikt (minder dan de helft afgerond); binnen {days} dagen "
              "{share} ({slo} tot {shi}).",
        "en": "{group} (n = {n}): median not reached yet (fewer than half ended); within {days} days {share} "
              "({slo} to {shi})."},
    "pilots_km_method": {
        "nl": "Methode: Kaplan–Meier; {n_open} nog lopende casus(sen) tellen mee tot de peildatum {date}. "
              "{level}-intervallen ({conf}-transformatie); '–' betekent: (nog) niet te bepalen.",
        "en": "Method: Kaplan–Meier; {n_open} open case(s) count up to the reference date {date}. "
              "{level} intervals ({conf} transformation); '–' means: not (yet) estimable."},
    "pilots_dropped": {"nl": "{n} van de {n_read} rijen niet gebruikt; zie het kwaliteitsrapport.",
                       "en": "{n} of {n_read} rows not used; see the quality report."},
    "pilots_norm_label": {"nl": "norm: {days} dagen", "en": "norm: {days} days"},
    "pilots_days_since_start": {"nl": "dagen sinds aanmelding", "en": "days since registration"},
    "pilots_share_ended": {"nl": "aandeel afgerond (bv. passend aanbod)", "en": "share ended (e.g. suitable place)"},
    "pilots_km_title": {"nl": "Hoe snel krijgen casussen een passende plek?",
                        "en": "How fast do cases get a suitable place?"},
    "pilots_logrank": {"nl": "Log-rank-toets: χ² = {chi2} ({df} {dfw}), {p}.",
                       "en": "Log-rank test: χ² = {chi2} ({df} {dfw}), {p}."},
    "pilots_df_one": {"nl": "vrijheidsgraad", "en": "degree of freedom"},
    "pilots_df_many": {"nl": "vrijheidsgraden", "en": "degrees of freedom"},
    "pilots_steps_names": {"nl": "Geef evenveel namen als stappen ({n}); kreeg: {names}.",
                           "en": "Give as many names as steps ({n}); got: {names}."},
    "pilots_logrank_small": {
        "nl": "De doorlooptijden verschillen meer dan toeval goed verklaart; of de pilot de oorzaak is, hangt af van "
              "wat er verder veranderde.",
        "en": "The process times differ more than chance easily explains; whether the pilot caused it depends on "
              "what else changed."},
    "pilots_logrank_large": {
        "nl": "Het verschil kan goed toeval zijn; met deze aantallen is een verschil niet aan te tonen.",
        "en": "The difference may well be chance; with these numbers a difference cannot be shown."},
    "pilots_one_group": {"nl": "Kolom '{column}' bevat maar één groep; de log-rank-toets vergelijkt er minstens twee.",
                         "en": "Column '{column}' holds only one group; the log-rank test compares at least two."},
    "pilots_steps_too_few": {
        "nl": "Geef minstens twee verschillende datumkolommen in procesvolgorde (kreeg: {steps}).",
        "en": "Give at least two different date columns in process order (got: {steps})."},
    "pilots_reason_step_gap": {"nl": "datum '{step}' ontbreekt terwijl een latere stap wel een datum heeft",
                               "en": "date '{step}' missing while a later step has a date"},
    "pilots_reason_step_order": {"nl": "'{b}' ligt voor '{a}'; deze stap telt niet mee",
                                 "en": "'{b}' is before '{a}'; this step is left out"},
    "pilots_steps_sentence": {
        "nl": "({group}) De hele route duurt gemiddeld {total} dagen; de meeste tijd zit in '{step}': {days} "
              "dagen ({share}).",
        "en": "({group}) The whole route takes {total} days on average; most time goes to '{step}': {days} "
              "days ({share})."},
    "pilots_steps_line": {
        "nl": "  {group} · {step}: {n} casussen, {completed} afgerond; mediaan {median} dagen ({lo} tot {hi}).",
        "en": "  {group} · {step}: {n} cases, {completed} completed; median {median} days ({lo} to {hi})."},
    "pilots_steps_xlabel": {"nl": "gemiddeld aantal dagen (casussen die alle stappen doorliepen)",
                            "en": "mean number of days (cases that went through every step)"},
    "pilots_steps_none_complete": {"nl": "Nog geen casus heeft alle stappen doorlopen.",
                                   "en": "No case has gone through every step yet."},
    "pilots_steps_title_totals": {"nl": "Waar zit de tijd? Hele route gemiddeld: {totals} dagen",
                                  "en": "Where does the time go? Whole route on average: {totals} days"},
    "pilots_absence_bad": {
        "nl": "Rij(en) {rows}: kolom '{column}' niet bruikbaar (bv. '{value}'). Vul bij ingeschreven ja/nee in en "
              "bij verzuim het aantal aaneengesloten weken (0 of meer).",
        "en": "Row(s) {rows}: column '{column}' not usable (e.g. '{value}'). Give yes/no for enrolled and the "
              "number of consecutive weeks of absence (0 or more)."},
    "pilots_bad_amount": {
        "nl": "'{name}': '{value}' is geen bedrag of getal. Schrijf bijvoorbeeld 4200, 4.200,50 of € 4.200.",
        "en": "'{name}': '{value}' is not an amount or number. Write e.g. 4200, 4,200.50 or € 4,200."},
    "pilots_bad_input_value": {"nl": "'{name}' ({label}) = {value!r} kan niet: moet {allowed} zijn.",
                               "en": "'{name}' ({label}) = {value!r} is impossible: must be {allowed}."},
    "pilots_cost_need": {
        "nl": "Geef óf annual_cost (kosten per jaar) óf hours_per_week én salary_per_month (uren en maandsalaris).",
        "en": "Give either annual_cost or both hours_per_week and salary_per_month."},
    "pilots_cost_per": {"nl": "{amount} {what}", "en": "{amount} {what}"},
    "pilots_cost_sentence": {"nl": "De inzet kost {amount} per jaar: {parts}.",
                             "en": "The deployment costs {amount} per year: {parts}."},
    "pilots_cost_build": {
        "nl": "Opbouw: maandsalaris {salary} bij voltijd × 12 × {hours}/{fte} uur, plus {charges} werkgeverslasten en "
              "{overhead} overhead, plus {other} overige kosten.",
        "en": "Build-up: monthly salary {salary} at full time × 12 × {hours}/{fte} hours, plus {charges} employer "
              "charges and {overhead} overhead, plus {other} other costs."},
    "pilots_break_even": {
        "nl": "Terugverdienpunt: {n} vermeden tweedelijns trajecten per jaar (van gemiddeld {cost}) betalen de inzet.",
        "en": "Break-even: {n} avoided second-line trajectories per year (of {cost} on average) pay for the deployment."},
    "pilots_cost_title": {"nl": "Kosten van de inzet: {amount} per jaar", "en": "Cost of the deployment: {amount} per year"},
    "pilots_fin_cheaper": {
        "nl": "Voor {n} geholpen leerlingen is collectieve financiering {diff} per jaar goedkoper; collectief is "
              "goedkoper vanaf {be} leerlingen per jaar.",
        "en": "For {n} pupils helped, collective financing is {diff} per year cheaper; collective is cheaper from {be} "
              "pupils per year."},
    "pilots_fin_dearer": {
        "nl": "Voor {n} geholpen leerlingen is collectieve financiering {diff} per jaar duurder; collectief wordt "
              "goedkoper vanaf {be} leerlingen per jaar.",
        "en": "For {n} pupils helped, collective financing is {diff} per year more expensive; collective becomes "
              "cheaper from {be} pupils per year."},
    "pilots_fin_caveat": {
        "nl": "Aanname: collectief en individueel bieden vergelijkbare hulp; verschillen in kwaliteit, bereik en "
              "wachttijd staan hier niet in.",
        "en": "Assumption: collective and individual arrangements offer comparable help; differences in quality, "
              "reach and waiting time are not included."},
    "pilots_mc": {
        "nl": "Kans dat de inzet zich terugverdient: {p} (90% van de uitkomsten tussen {lo} en {hi} per jaar; "
              "{n} trekkingen).",
        "en": "Probability that the deployment pays for itself: {p} (90% of outcomes between {lo} and {hi} per year; "
              "{n} draws)."},
    "pilots_mc_method": {
        "nl": "Methode: alle invoer met een bandbreedte tegelijk getrokken — de verhouding log-normaal passend bij "
              "het interval, de overige driehoeksverdeeld (laag, basis, hoog). De kans is zo goed als de "
              "bandbreedtes die erin gaan.",
        "en": "Method: every ranged input drawn at once — the rate ratio log-normal matching its interval, the others "
              "triangular (low, base, high). The probability is only as good as the ranges put in."},
    "pilots_net_label": {"nl": "netto resultaat per jaar (vermeden kosten − kosten inzet, euro)",
                         "en": "net result per year (avoided costs − cost of deployment, euro)"},
    "pilots_impact_pays": {
        "nl": "Geschat {avoided} vermeden tweedelijns trajecten per jaar (bandbreedte {lo} tot {hi}); vermeden kosten "
              "{savings} tegenover {cost} voor de inzet: de inzet verdient zich terug met {net} per jaar.",
        "en": "An estimated {avoided} second-line trajectories avoided per year (range {lo} to {hi}); avoided costs "
              "{savings} against {cost} for the deployment: it pays for itself with {net} per year."},
    "pilots_impact_not_pays": {
        "nl": "Geschat {avoided} vermeden tweedelijns trajecten per jaar (bandbreedte {lo} tot {hi}); vermeden kosten "
              "{savings} tegenover {cost} voor de inzet: per saldo {net} per jaar meer kosten dan besparing.",
        "en": "An estimated {avoided} second-line trajectories avoided per year (range {lo} to {hi}); avoided costs "
              "{savings} against {cost} for the deployment: on balance {net} per year more cost than savings."},
    "pilots_impact_uncertain": {
        "nl": "Geschat {avoided} vermeden tweedelijns trajecten per jaar (bandbreedte {lo} tot {hi}); vermeden kosten "
              "{savings} tegenover {cost} voor de inzet. Naar schatting is het saldo {net_signed} per jaar, maar met "
              "het onzekere effect loopt het van {net_lo} tot {net_hi}: de inzet kan zich terugverdienen, maar het "
              "kan ook geld kosten.",
        "en": "An estimated {avoided} second-line trajectories avoided per year (range {lo} to {hi}); avoided costs "
              "{savings} against {cost} for the deployment. The estimated net result is {net_signed} per year, but "
              "with the uncertain effect it ranges from {net_lo} to {net_hi}: the deployment may pay for itself, "
              "but it may also cost money."},
    "pilots_impact_break_even": {
        "nl": "Terugverdienpunt: {n} vermeden trajecten per jaar, oftewel een verhouding na/voor van {rr} of lager.",
        "en": "Break-even: {n} avoided trajectories per year, i.e. a rate ratio after/before of {rr} or lower."},
    "pilots_impact_assumptions": {"nl": "Aannames (waarde, bandbreedte, bron):",
                                  "en": "Assumptions (value, range, source):"},
    "pilots_impact_caveat": {
        "nl": "Niet meegenomen: kosten die verschuiven naar eerstelijns hulp, effecten na het eerste jaar, en "
              "andere oorzaken van de daling dan het deel dat bij 'toe te schrijven' is weggelaten.",
        "en": "Not included: costs shifted to first-line care, effects after the first year, and other causes of the "
              "fall beyond what 'attributable' leaves out."},
    "pilots_source_effect": {"nl": "uit de voor-na-analyse ({name}), met het interval als bandbreedte",
                             "en": "from the before/after analysis ({name}), its interval as range"},
    "pilots_source_user": {"nl": "invoer gebruiker", "en": "user input"},
    "pilots_source_default": {"nl": "standaardaanname van evaluatie (pas aan als er betere cijfers zijn)",
                              "en": "evaluatie's default assumption (change it when better figures exist)"},
    "pilots_rr_twice": {"nl": "Geef het interval van de verhouding óf via rate_ratio_ci óf via ranges, niet allebei.",
                        "en": "Give the rate-ratio interval either via rate_ratio_ci or via ranges, not both."},
    "pilots_bad_range": {
        "nl": "Bandbreedte voor '{name}' = {value!r} kan niet: geef (laag, hoog) met laag ≤ {base} ≤ hoog.",
        "en": "Range for '{name}' = {value!r} is impossible: give (low, high) with low ≤ {base} ≤ high."},
    "pilots_no_ranges": {"nl": "Geen bandbreedtes opgegeven: geef ranges= of rate_ratio_ci= voor een tornadofiguur.",
                         "en": "No ranges given: pass ranges= or rate_ratio_ci= for a tornado figure."},
    "pilots_tornado_title": {"nl": "Welke aanname telt het zwaarst? Vooral: {name}",
                             "en": "Which assumption matters most? Mainly: {name}"},
    # --- survey (questionnaires) ------------------------------------------------------------
    "sv_codebook_no_item": {"nl": "Codeboek '{file}': geen kolom met de vraagcodes (bv. 'item' of 'vraag'). Kolommen: "
                                  "{columns}.",
                            "en": "Codebook '{file}': no column with item codes (e.g. 'item'). Columns: {columns}."},
    "sv_unknown_scale": {"nl": "Codeboek '{file}', rij {row}, kolom 'schaal': onbekende schaal '{value}'. Kies uit: "
                               "{allowed}.",
                         "en": "Codebook '{file}', row {row}, column 'scale': unknown scale '{value}'. Choose from: "
                               "{allowed}."},
    "sv_duplicate_item": {"nl": "Codeboek '{file}', rij {row}: vraag '{item}' staat er twee keer in.",
                          "en": "Codebook '{file}', row {row}: item '{item}' appears twice."},
    "sv_bad_reversed": {"nl": "Codeboek '{file}', rij {row}, kolom 'omgescoord': '{value}' is geen ja/nee.",
                        "en": "Codebook '{file}', row {row}, column 'reversed': '{value}' is not yes/no."},
    "sv_no_codebook": {"nl": "Geen codeboek: de getalkolommen {items} zijn behandeld als vijfpuntsschaal (1-5).",
                       "en": "No codebook: the numeric columns {items} were treated as five-point items (1-5)."},
    "sv_items_absent": {"nl": "Vragen uit het codeboek die niet in de data staan (niet geanalyseerd): {items}.",
                        "en": "Codebook items not in the data (not analysed): {items}."},
    "sv_items_unused": {"nl": "Kolommen die niet in het codeboek staan (niet geanalyseerd): {items}.",
                        "en": "Columns not in the codebook (not analysed): {items}."},
    "sv_no_items": {"nl": "Geen enkele vraag uit het codeboek staat in de data. Kolommen in de data: {columns}.",
                    "en": "None of the codebook items is in the data. Columns in the data: {columns}."},
    "sv_duplicate_respondent": {"nl": "deze respondent staat al eerder in dit meetmoment; tweede rij niet gebruikt",
                                "en": "this respondent already appears in this wave; second row not used"},
    "sv_out_of_scale": {"nl": "antwoord valt buiten de schaal {scale} ({lo}-{hi}) en is geen bekend antwoord; als "
                              "ontbrekend behandeld",
                        "en": "answer outside scale {scale} ({lo}-{hi}) and not a known label; treated as missing"},
    "sv_dont_know": {"nl": "{n} antwoorden 'weet niet / n.v.t.': apart geteld, niet meegerekend in gemiddelden.",
                     "en": "{n} answers 'don't know / not applicable': counted apart, not included in means."},
    "sv_mixed_scales": {"nl": "Deze vragen hebben verschillende antwoordschalen ({scales}); vat ze per schaal samen.",
                        "en": "These items have different answer scales ({scales}); summarise them per scale."},
    "sv_plot_scale": {"nl": "Een gestapelde staafgrafiek kan tot 5 antwoordcategorieën tonen (schaal {scale}).",
                      "en": "A stacked bar chart shows up to 5 answer categories (scale {scale})."},
    "sv_plot_x": {"nl": "aandeel van de geldige antwoorden", "en": "share of valid answers"},
    "sv_plot_hidden": {"nl": "({n} rij(en) met minder dan {k} antwoorden niet getoond)",
                       "en": "({n} row(s) with fewer than {k} answers not shown)"},
    "sv_plot_title": {"nl": "Hoe kijken de respondenten ertegen aan?", "en": "What do respondents think?"},
    "sv_col_item": {"nl": "vraag", "en": "item"},
    "sv_col_n": {"nl": "n", "en": "n"},
    "sv_col_dk": {"nl": "weet niet", "en": "don't know"},
    "sv_col_disagree": {"nl": "(helemaal) oneens", "en": "(strongly) disagree"},
    "sv_col_agree": {"nl": "(helemaal) eens", "en": "(strongly) agree"},
    "sv_col_median": {"nl": "mediaan", "en": "median"},
    "sv_col_outcome": {"nl": "uitkomst", "en": "outcome"},
    "sv_col_test": {"nl": "toets", "en": "test"},
    "sv_col_effect": {"nl": "effectgrootte", "en": "effect size"},
    "sv_col_p_adjusted": {"nl": "p gecorrigeerd ({method})", "en": "p adjusted ({method})"},
    "sv_test_paired_t": {"nl": "gepaarde t-toets", "en": "paired t test"},
    "sv_test_wilcoxon": {"nl": "Wilcoxon-rangtekentoets", "en": "Wilcoxon signed-rank test"},
    "sv_test_welch_t": {"nl": "t-toets (Welch)", "en": "Welch t test"},
    "sv_test_mann_whitney": {"nl": "Mann-Whitney-toets", "en": "Mann-Whitney test"},
    "sv_test_welch_anova": {"nl": "variantieanalyse (Welch)", "en": "Welch ANOVA"},
    "sv_test_kruskal": {"nl": "Kruskal-Wallis-toets", "en": "Kruskal-Wallis test"},
    "sv_effect_hedges_g": {"nl": "Hedges' g", "en": "Hedges' g"},
    "sv_effect_rank_biserial": {"nl": "rang-biseriële correlatie", "en": "rank-biserial correlation"},
    "sv_effect_eta2": {"nl": "eta²", "en": "eta²"},
    "sv_effect_eta2_h": {"nl": "eta²(H)", "en": "eta²(H)"},
    "sv_compare_title_paired": {"nl": "Verschil tussen de metingen (na min voor)", "en": "Change between waves"},
    "sv_compare_title_groups2": {"nl": "Verschil tussen de groepen", "en": "Difference between groups"},
    "sv_compare_title_groups": {"nl": "Verschillen tussen de groepen", "en": "Differences between groups"},
    "sv_paired_up": {"nl": "'{outcome}' is gestegen met {diff} punt ({effect}, {level}%-BI {lo} tot {hi}; {p}; "
                           "n = {n} respondenten met beide metingen).",
                     "en": "'{outcome}' rose by {diff} points ({effect}, {level}% CI {lo} to {hi}; {p}; n = {n} "
                           "respondents with both waves)."},
    "sv_paired_down": {"nl": "'{outcome}' is gedaald met {diff} punt ({effect}, {level}%-BI {lo} tot {hi}; {p}; "
                             "n = {n} respondenten met beide metingen).",
                       "en": "'{outcome}' fell by {diff} points ({effect}, {level}% CI {lo} to {hi}; {p}; n = {n} "
                             "respondents with both waves)."},
    "sv_paired_up_unsure": {"nl": "'{outcome}' is mogelijk iets hoger ({diff} punt), maar dat is nog niet zeker "
                                  "({effect}, {level}%-BI {lo} tot {hi}; {p}; n = {n}).",
                            "en": "'{outcome}' is possibly somewhat higher ({diff} points), but this is not certain "
                                  "({effect}, {level}% CI {lo} to {hi}; {p}; n = {n})."},
    "sv_paired_down_unsure": {"nl": "'{outcome}' is mogelijk iets lager ({diff} punt), maar dat is nog niet zeker "
                                    "({effect}, {level}%-BI {lo} tot {hi}; {p}; n = {n}).",
                              "en": "'{outcome}' is possibly somewhat lower ({diff} points), but this is not certain "
                                    "({effect}, {level}% CI {lo} to {hi}; {p}; n = {n})."},
    "sv_groups2_up": {"nl": "De tweede groep scoort hoger op '{outcome}' ({diff} punt; {effect}, {level}%-BI {lo} tot "
                            "{hi}; {p}; n = {n}).",
                      "en": "The second group scores higher on '{outcome}' ({diff} points; {effect}, {level}% CI {lo} "
                            "to {hi}; {p}; n = {n})."},
    "sv_groups2_down": {"nl": "De tweede groep scoort lager op '{outcome}' ({diff} punt; {effect}, {level}%-BI {lo} "
                              "tot {hi}; {p}; n = {n}).",
                        "en": "The second group scores lower on '{outcome}' ({diff} points; {effect}, {level}% CI {lo} "
                              "to {hi}; {p}; n = {n})."},
    "sv_groups2_up_unsure": {"nl": "Op '{outcome}' scoort de tweede groep mogelijk hoger ({diff} punt), maar dat is "
                                   "nog niet zeker ({effect}, {level}%-BI {lo} tot {hi}; {p}; n = {n}).",
                             "en": "On '{outcome}' the second group possibly scores higher ({diff} points), but this "
                                   "is not certain ({effect}, {level}% CI {lo} to {hi}; {p}; n = {n})."},
    "sv_groups2_down_unsure": {"nl": "Op '{outcome}' scoort de tweede groep mogelijk lager ({diff} punt), maar dat "
                                     "is nog niet zeker ({effect}, {level}%-BI {lo} tot {hi}; {p}; n = {n}).",
                               "en": "On '{outcome}' the second group possibly scores lower ({diff} points), but this "
                                     "is not certain ({effect}, {level}% CI {lo} to {hi}; {p}; n = {n})."},
    "sv_groups_differ": {"nl": "De groepen verschillen op '{outcome}' ({p}; n = {n}).",
                         "en": "The groups differ on '{outcome}' ({p}; n = {n})."},
    "sv_groups_no_difference": {"nl": "Er is geen duidelijk verschil tussen de groepen op '{outcome}' ({p}; "
                                      "n = {n}).",
                                "en": "There is no clear difference between the groups on '{outcome}' ({p}; "
                                      "n = {n})."},
    "sv_within_or_between": {"nl": "Geef 'within' (meetmoment, gepaard) of 'between' (groep), niet allebei of geen.",
                             "en": "Give 'within' (wave, paired) or 'between' (group), not both or neither."},
    "sv_two_waves": {"nl": "Kolom '{column}' heeft {waves}: een gepaarde vergelijking vraagt precies twee "
                           "meetmomenten. Selecteer er twee.",
                     "en": "Column '{column}' has {waves}: a paired comparison needs exactly two waves. Select two."},
    "sv_too_few_pairs": {"nl": "Voor '{outcome}' hebben maar {n} respondenten beide metingen; minimaal 3 nodig.",
                         "en": "For '{outcome}' only {n} respondents have both waves; at least 3 needed."},
    "sv_too_few_groups": {"nl": "Voor '{outcome}' zijn er te weinig groepen of respondenten in kolom '{column}' "
                                "(minimaal 2 groepen van 2).",
                          "en": "For '{outcome}' there are too few groups or respondents in column '{column}' "
                                "(at least 2 groups of 2)."},
    "sv_too_few_items": {"nl": "Betrouwbaarheid vraagt minstens 3 vragen; nu {k}: {items}.",
                         "en": "Reliability needs at least 3 items; got {k}: {items}."},
    "sv_constant_item": {"nl": "Iedereen gaf hetzelfde antwoord op {items}: betrouwbaarheid is dan niet te berekenen. "
                               "Laat deze vraag weg.",
                         "en": "Everyone gave the same answer to {items}: reliability cannot be computed. Leave "
                               "this item out."},
    "sv_alpha_sentence": {"nl": "De {k} vragen vormen een {verdict} schaal: Cronbachs alfa {alpha} ({level}%-BI "
                                "{lo} tot {hi}), omega {omega}; n = {who}.",
                          "en": "The {k} items form a scale of {verdict} reliability: Cronbach's alpha {alpha} "
                                "({level}% CI {lo} to {hi}), omega {omega}; n = {who}."},
    "sv_alpha_good": {"nl": "betrouwbare", "en": "good"},
    "sv_alpha_ok": {"nl": "voldoende betrouwbare", "en": "acceptable"},
    "sv_alpha_poor": {"nl": "weinig betrouwbare", "en": "poor"},
    "sv_alpha_if_deleted": {"nl": "alfa als deze vraag wordt weggelaten", "en": "alpha if item deleted"},
    "sv_alpha_title": {"nl": "Betrouwbaarheid per vraag (alfa van de schaal: {alpha})",
                       "en": "Reliability per item (scale alpha: {alpha})"},
    "sv_no_constructs": {"nl": "Het codeboek noemt geen constructen (kolom 'construct'); geef 'constructs' op.",
                         "en": "The codebook names no constructs (column 'construct'); pass 'constructs'."},
    "sv_all": {"nl": "alle respondenten", "en": "all respondents"},
    "sv_sdq_missing": {"nl": "SDQ-vragen ontbreken: {items}. Noem de kolommen sdq_1 … sdq_25 (zie sdq_codebook()).",
                       "en": "SDQ items missing: {items}. Name the columns sdq_1 … sdq_25 (see sdq_codebook())."},
    "sv_sdq_range": {"nl": "SDQ-vraag '{item}' heeft een antwoord buiten 0-2 (niet waar / een beetje waar / "
                           "zeker waar).",
                     "en": "SDQ item '{item}' has an answer outside 0-2 (not true / somewhat true / certainly true)."},
    # --- disclosure (helper disclosure): exported tables, suppression, overwriting -----------------
    "export_not_table": {"nl": "Een tabel voor de export moet een DataFrame zijn, niet {type}.",
                         "en": "A table to export must be a DataFrame, not {type}."},
    "export_duplicate_column": {"nl": "De tabel heeft de kolomnaam '{column}' twee keer; geef elke kolom een eigen naam.",
                                "en": "The table has the column name '{column}' twice; give every column its own name."},
    "export_unknown_column": {"nl": "Tabel '{table}': kolom '{column}' bestaat niet. Kolommen: {columns}.",
                              "en": "Table '{table}': column '{column}' does not exist. Columns: {columns}."},
    "export_not_numeric": {"nl": "Tabel '{table}': kolom '{column}' bevat geen getallen.",
                           "en": "Table '{table}': column '{column}' does not hold numbers."},
    "export_not_count": {"nl": "Tabel '{table}': kolom '{column}' is als aantal opgegeven maar bevat negatieve of "
                               "gebroken getallen.",
                         "en": "Table '{table}': column '{column}' is given as a count but holds negative or "
                               "fractional numbers."},
    "export_not_fraction": {"nl": "Tabel '{table}': kolom '{column}' is een aandeel en moet als fractie tussen 0 en 1 "
                                  "worden gegeven (0,25 voor 25%).",
                            "en": "Table '{table}': column '{column}' is a share and must be given as a fraction "
                                  "between 0 and 1 (0.25 for 25%)."},
    "export_no_denominator": {"nl": "Tabel '{table}': een minimale noemer voor percentages vraagt de kolom met de noemer "
                                    "(Table(..., denominator=...)); percentages: {columns}.",
                              "en": "Table '{table}': a minimum denominator for percentages needs the denominator "
                                    "column (Table(..., denominator=...)); percentages: {columns}."},
    "export_bad_name": {"nl": "Ongeldige naam '{name}' voor een tabel of bestand: gebruik hoogstens 31 tekens zonder "
                              "/ \\ : * ? [ ] < > | \" en niet de naam van het toelichtingsblad.",
                        "en": "Invalid name '{name}' for a table or file: use at most 31 characters without "
                              "/ \\ : * ? [ ] < > | \" and not the name of the notes sheet."},
    "export_no_source": {"nl": "Geef een bronvermelding op (source=...), bijvoorbeeld 'Dossieronderzoek SBO De Regenboog, 2024'.",
                         "en": "Give a source line (source=...), e.g. 'File study SBO De Regenboog, 2024'."},
    "export_no_tables": {"nl": "Er zijn geen tabellen om te exporteren.", "en": "There are no tables to export."},
    "export_unknown_note": {"nl": "Er is een toelichting voor tabel '{name}', maar die tabel wordt niet geëxporteerd "
                                  "(tabellen: {names}).",
                            "en": "There is a note for table '{name}', but that table is not exported (tables: {names})."},
    "export_sheet": {"nl": "Toelichting", "en": "Notes"},
    "export_title": {"nl": "Toelichting bij de tabellen", "en": "Notes on the tables"},
    "export_source": {"nl": "Bron: {source}", "en": "Source: {source}"},
    "export_source_unknown": {"nl": "niet opgegeven", "en": "not given"},
    "export_tables_heading": {"nl": "Tabellen", "en": "Tables"},
    "export_rules_heading": {"nl": "Tekens en afscherming", "en": "Symbols and disclosure control"},
    "export_rule_hidden": {
        "nl": "{marker} = geheim. Aantallen kleiner dan {threshold} zijn afgeschermd, en daarnaast zoveel andere cellen "
              "dat geen afgeschermde cel uit de gepubliceerde cellen en totalen is terug te rekenen tot op minder dan "
              "{threshold} nauwkeurig (primaire en secundaire celonderdrukking, gecontroleerd met lineaire "
              "programmering). Een {marker} zegt dus niets over de grootte van het aantal. Cijfers die van een "
              "afgeschermd aantal zijn afgeleid (percentages, gemiddelden) zijn ook afgeschermd.",
        "en": "{marker} = confidential. Counts below {threshold} are hidden, together with as many other cells as "
              "needed so that no hidden cell can be recomputed from the published cells and totals to within less "
              "than {threshold} (primary and secondary cell suppression, checked by linear programming). An {marker} "
              "therefore says nothing about the size of the count. Figures derived from a hidden count (percentages, "
              "means) are hidden too."},
    "export_rule_none_hidden": {"nl": "Geen aantal was kleiner dan {threshold}; er is niets afgeschermd.",
                                "en": "No count was below {threshold}; nothing is hidden."},
    "export_rule_rounding": {"nl": "Aantallen zijn afgerond op veelvouden van {base} (zoals het CBS doet in tabellen "
                                   "over jeugdhulp); daardoor tellen ze niet altijd op tot het totaal.",
                             "en": "Counts are rounded to multiples of {base} (as Statistics Netherlands does in "
                                   "youth-care tables); they therefore do not always add up to the total."},
    "export_rule_denominator": {"nl": "Percentages met een noemer kleiner dan {n} worden niet getoond ({marker}).",
                                "en": "Percentages with a denominator below {n} are not shown ({marker})."},
    "export_rule_percent": {"nl": "Percentages zijn afgerond en tellen daardoor niet altijd op tot 100%.",
                            "en": "Percentages are rounded and therefore do not always add up to 100%."},
    "suppress_marker": {"nl": "Teken {marker!r} voor afgeschermde cellen zegt iets over de grootte, maar een cel die "
                              "is afgeschermd om terugrekenen te voorkomen kan groot zijn. Gebruik een neutraal teken "
                              "zoals '{hidden}'.",
                        "en": "Marker {marker!r} for hidden cells says something about their size, but a cell hidden "
                              "to prevent recomputation can be large. Use a neutral marker such as '{hidden}'."},
    "suppress_negative": {"nl": "Afschermen kan alleen met aantallen; de tabel bevat negatieve getallen.",
                          "en": "Suppression needs counts; the table holds negative numbers."},
    "overwrite_refused": {"nl": "Bestand '{file}' bestaat al en wordt niet overschreven. Kies een andere naam of "
                                "geef --overschrijf mee als u het echt wilt vervangen.",
                          "en": "File '{file}' already exists and is not overwritten. Choose another name or pass "
                                "--overschrijf if you really want to replace it."},
    "audit_no_total": {"nl": "Voor de controle moet de laatste rij/kolom het totaal zijn (margins='{margins}'), maar "
                             "die heet '{label}'. Geef de tabel met totalen mee (suppress(..., totals=True)).",
                       "en": "For the audit the last row/column must be the total (margins='{margins}'), but it is "
                             "called '{label}'. Pass the table with totals (suppress(..., totals=True))."},
    "audit_infeasible": {"nl": "De gepubliceerde cellen en totalen sluiten elkaar uit (tellen niet op, of een "
                               "afgeschermde cel is 0 terwijl zero=False).",
                         "en": "The published cells and totals contradict each other (they do not add up, or a "
                               "hidden cell is 0 while zero=False)."},
    "audit_bad_link": {"nl": "Koppeling {link} tussen tabellen verwijst naar een tabel, rij of kolom die niet bestaat.",
                       "en": "Link {link} between tables refers to a table, row or column that does not exist."},
    # --- interviews -------------------------------------------------------------------------
    "iv_part": {"nl": "{code} ({k} van {n})", "en": "{code} ({k} of {n})"},
    "iv_group_line": {"nl": "{group} (n = {n}): vooral {parts}.", "en": "{group} (n = {n}): mainly {parts}."},
    "iv_no_codes": {"nl": "Geen codes om te tonen (controleer kolom 'code' en het gekozen niveau).",
                    "en": "No codes to show (check column 'code' and the chosen level)."},
    "iv_other_groups": {"nl": "overige", "en": "other"},
    "iv_hidden": {"nl": "Groepen met minder dan {k} geïnterviewden zijn samengevoegd tot 'overige'.",
                  "en": "Groups with fewer than {k} interviewees are merged into 'other'."},
    "iv_share": {"nl": "aandeel van de geïnterviewden", "en": "share of interviewees"},
    "iv_title": {"nl": "Welke thema's noemen de geïnterviewden?", "en": "Which themes do interviewees raise?"},
    # --- policy (helper policy): pilot file, factsheet, method note --------------------------------
    "pilot_top": {"nl": "het pilotbestand (bovenaan)", "en": "the pilot file (top level)"},
    "pilot_bad_toml": {"nl": "Pilotbestand '{file}' is geen geldig TOML: {detail}.",
                       "en": "Pilot file '{file}' is not valid TOML: {detail}."},
    "pilot_unknown_key": {"nl": "Pilotbestand '{file}': onbekende sleutel '{name}' in {where}. Toegestaan: {allowed}.",
                          "en": "Pilot file '{file}': unknown key '{name}' in {where}. Allowed: {allowed}."},
    "pilot_missing_key": {"nl": "Pilotbestand '{file}': de sleutel '{name}' ontbreekt of is leeg. Verplicht zijn: "
                                "naam, titel, regio, periode, bron.",
                          "en": "Pilot file '{file}': key '{name}' is missing or empty. Required: naam, titel, regio, "
                                "periode, bron."},
    "pilot_bad_value": {"nl": "Pilotbestand '{file}': ongeldige waarde {value!r} voor '{name}' in {where}. Kies uit: "
                              "{allowed}.",
                        "en": "Pilot file '{file}': invalid value {value!r} for '{name}' in {where}. Choose from: "
                              "{allowed}."},
    "pilot_bad_type": {"nl": "Pilotbestand '{file}': '{name}' in {where} moet {kind} zijn, niet {value!r}.",
                       "en": "Pilot file '{file}': '{name}' in {where} must be {kind}, not {value!r}."},
    "pilot_type_str": {"nl": "een tekst tussen aanhalingstekens", "en": "a text in quotes"},
    "pilot_type_int": {"nl": "een geheel getal", "en": "a whole number"},
    "pilot_type_dict": {"nl": "een tabel (bv. [analyses.zorgvraag] of {{ ... }})", "en": "a table (e.g. "
                        "[analyses.zorgvraag] or {{ ... }})"},
    "pilot_type_positive": {"nl": "een geheel getal van 1 of meer", "en": "a whole number of 1 or more"},
    "pilot_bad_name": {"nl": "Pilotbestand '{file}': 'naam' {value!r} wordt de mapnaam; gebruik kleine letters, cijfers, "
                             "- en _ (bv. \"leeuwarden-2024\").",
                       "en": "Pilot file '{file}': 'naam' {value!r} becomes the folder name; use lower-case letters, "
                             "digits, - and _ (e.g. \"leeuwarden-2024\")."},
    "pilot_missing_file": {"nl": "Pilotbestand '{file}': het bestand bij [data] {name} = \"{value}\" bestaat niet "
                                 "(gezocht vanaf de map {folder}).",
                           "en": "Pilot file '{file}': the file of [data] {name} = \"{value}\" does not exist "
                                 "(looked from folder {folder})."},
    "pilot_needs_data": {"nl": "Pilotbestand '{file}': analyse '{section}' heeft gegevens nodig onder [data] {name}.",
                         "en": "Pilot file '{file}': analysis '{section}' needs data under [data] {name}."},
    "pilot_nothing": {"nl": "Pilotbestand '{file}': er is geen analyse uit te voeren. Geef gegevens onder [data] "
                            "({kinds}).",
                      "en": "Pilot file '{file}': there is no analysis to run. Give data under [data] ({kinds})."},
    "pilot_step": {"nl": "[{i}/{n}] {step}…", "en": "[{i}/{n}] {step}…"},
    "pilot_step_nulmeting": {"nl": "nulmeting: instanties per school", "en": "baseline: agencies per school"},
    "pilot_step_zorgvraag": {"nl": "zorgvraag voor en na (verschil-in-verschillen)",
                             "en": "demand before and after (difference-in-differences)"},
    "pilot_step_uitrol": {"nl": "uitrol: effect per periode sinds de start", "en": "roll-out: effect by period since the start"},
    "pilot_step_tijdreeks": {"nl": "tijdreeks van het hele gebied", "en": "time series of the whole area"},
    "pilot_step_tables": {"nl": "tabellen (tabellen.xlsx en CSV)", "en": "tables (tabellen.xlsx and CSV)"},
    "pilot_step_factsheet": {"nl": "factsheet (HTML, PDF, Word)", "en": "factsheet (HTML, PDF, Word)"},
    "pilot_step_method": {"nl": "verantwoording.md", "en": "verantwoording.md"},
    "pilot_done": {"nl": "Klaar. Factsheet: {path}\nFiguren: {figures}/  Tabellen en verantwoording: {reports}/",
                   "en": "Done. Factsheet: {path}\nFigures: {figures}/  Tables and method note: {reports}/"},
    "pilot_to": {"nl": "tot", "en": "to"},
    "pilot_nul_meaning": {"nl": "Per school waren {span} verschillende instanties betrokken bij de leerlingen. {two} van "
                                "de leerlingen had er twee of meer. {few}% van de instanties had minder dan {k} "
                                "leerlingen: de hulp is over veel partijen verdeeld.",
                          "en": "Per school, {span} different agencies were involved with the pupils. {two} of pupils "
                                "had two or more. {few}% of the agencies had fewer than {k} pupils: care is spread "
                                "over many parties."},
    "pilot_finding_clear_down": {"nl": "Minder verwijzingen {where}", "en": "Fewer referrals {where}"},
    "pilot_finding_clear_up": {"nl": "Meer verwijzingen {where}", "en": "More referrals {where}"},
    "pilot_finding_likely_down": {"nl": "Waarschijnlijk minder verwijzingen {where}, nog niet zeker",
                                  "en": "Probably fewer referrals {where}, not yet certain"},
    "pilot_finding_likely_up": {"nl": "Waarschijnlijk meer verwijzingen {where}, nog niet zeker",
                                "en": "Probably more referrals {where}, not yet certain"},
    "pilot_finding_possible_down": {"nl": "Mogelijk minder verwijzingen {where}, nog niet zeker",
                                    "en": "Possibly fewer referrals {where}, not yet certain"},
    "pilot_finding_possible_up": {"nl": "Mogelijk meer verwijzingen {where}, nog niet zeker",
                                  "en": "Possibly more referrals {where}, not yet certain"},
    "pilot_where_zv": {"nl": "bij scholen met een jeugdondersteuner", "en": "at schools with a youth worker"},
    "pilot_where_es": {"nl": "na de start van de jeugdondersteuner", "en": "after the youth worker started"},
    "pilot_where_its": {"nl": "in het hele gebied direct na de start", "en": "in the whole area right after the start"},
    "pilot_nul_title": {"nl": "Nulmeting: hulp rond leerlingen", "en": "Baseline: care around pupils"},
    "pilot_nul_question": {"nl": "Met hoeveel hulpverleningsinstanties hebben de scholen te maken, en hoe versnipperd "
                                 "is de hulp?",
                           "en": "How many care agencies do the schools deal with, and how fragmented is the care?"},
    "pilot_nul_schools_caption": {"nl": "Links: instanties per 100 gelezen dossiers ({k} scholen). Rechts: verwacht aantal "
                                        "bij evenveel gelezen dossiers per school ({t}), met interval; daardoor kan de "
                                        "volgorde verschillen.",
                                  "en": "Left: agencies per 100 files read ({k} schools). Right: expected number with the "
                                        "same number of files read at every school ({t}), with interval; hence the "
                                        "order may differ."},
    "pilot_nul_kf_agencies": {"nl": "verschillende instanties bij {k} scholen", "en": "different agencies at {k} schools"},
    "pilot_nul_kf_agencies_words": {"nl": "Gevonden in de {n} gelezen dossiers. In de dossiers die niet gelezen zijn "
                                          "staan waarschijnlijk nog meer instanties.",
                                    "en": "Found in the {n} files read. The files not read probably name more agencies."},
    "pilot_nul_kf_two": {"nl": "van de leerlingen heeft 2 of meer instanties", "en": "of pupils have 2 or more agencies"},
    "pilot_nul_kf_two_words": {"nl": "{k} van de {n} leerlingen van wie het dossier is gelezen.",
                               "en": "{k} of the {n} pupils whose file was read."},
    "pilot_nul_caveat_files": {"nl": "Niet van alle leerlingen is het dossier gelezen. Wat niet in een dossier staat, "
                                     "telt niet mee.",
                               "en": "Not every pupil's file was read. What is not in a file does not count."},
    "pilot_nul_caveat_names": {"nl": "Namen van instanties zijn gelijkgetrokken met een gecontroleerde koppeltabel; "
                                     "een andere indeling geeft andere aantallen.",
                               "en": "Agency names were merged with a reviewed mapping; another grouping gives other "
                                     "numbers."},
    "pilot_nul_methods": {"nl": "Per school zijn de instanties in de gelezen leerlingdossiers geteld (na gelijktrekken "
                                "van schrijfwijzen). Het aantal instanties bij alle dossiers is geschat met Chao2 en "
                                "extrapolatie van de verzamelcurve (Chao e.a. 2014), met een 95%-interval.",
                          "en": "Per school, agencies in the pupil files read were counted (after merging spellings). "
                                "The number with all files was estimated with Chao2 and extrapolation of the "
                                "accumulation curve (Chao et al. 2014), with a 95% interval."},
    "pilot_zv_title": {"nl": "Zorgvraag voor en na de start", "en": "Demand before and after the start"},
    "pilot_zv_question": {"nl": "Daalde de vraag naar tweedelijns jeugdhulp bij scholen met een jeugdondersteuner, "
                                "vergeleken met scholen zonder?",
                          "en": "Did demand for second-line youth care fall at schools with a youth worker, compared "
                                "with schools without?"},
    "pilot_zv_kf_label": {"nl": "verandering in verwijzingen naar tweedelijns jeugdhulp",
                          "en": "change in referrals to second-line youth care"},
    "pilot_zv_caveat_few": {"nl": "Maar {k} van de {n} scholen hebben een jeugdondersteuner. Met zo weinig scholen is "
                                  "de uitkomst onzeker; één school met een bijzonder jaar kan veel uitmaken.",
                            "en": "Only {k} of the {n} schools have a youth worker. With so few schools the result is "
                                  "uncertain; one school with an unusual year can matter a lot."},
    "pilot_zv_caveat_registration": {"nl": "Als de manier van registreren van verwijzingen veranderde (ander systeem, "
                                           "andere definitie), lijkt dat op een effect.",
                                     "en": "If the way referrals are registered changed (new system, new definition), "
                                           "that looks like an effect."},
    "pilot_zv_caveat_choice": {"nl": "De scholen zijn niet door loting gekozen. Scholen met een jeugdondersteuner "
                                     "kunnen ook op andere punten verschillen.",
                               "en": "The schools were not chosen by lot. Schools with a youth worker may differ in "
                                     "other ways too."},
    "pilot_zv_note": {"nl": "Verschil-in-verschillen: verandering in verwijzingen per 1.000 leerlingen bij scholen met "
                            "een jeugdondersteuner, vergeleken met scholen zonder. Negatief = minder verwijzingen.",
                      "en": "Difference-in-differences: change in referrals per 1,000 pupils at schools with a youth "
                            "worker, compared with schools without. Negative = fewer referrals."},
    "pilot_es_title": {"nl": "Uitrol: effect per periode", "en": "Roll-out: effect by period"},
    "pilot_es_question": {"nl": "Hoe verandert de vraag in de periodes na de start van de jeugdondersteuner?",
                          "en": "How does demand change in the periods after the youth worker started?"},
    "pilot_es_caveat": {"nl": "De schattingen per periode rusten op weinig scholen; kijk naar het patroon, niet naar "
                              "één punt.",
                        "en": "The estimates per period rest on few schools; look at the pattern, not at one point."},
    "pilot_es_note": {"nl": "Effect per periode ten opzichte van de start (event study, Callaway & Sant'Anna), als "
                            "procentuele verandering in verwijzingen per 1.000 leerlingen met 95%-betrouwbaarheidsinterval "
                            "(het model rekent op de logschaal: verandering = (exp(schatting) − 1) × 100). Negatief = "
                            "minder verwijzingen. Periode 0 is de eerste periode met jeugdondersteuner; negatieve "
                            "perioden liggen vóór de start (daar hoort geen verschil te zijn). Startgroepen: aantal "
                            "groepen scholen met dezelfde startdatum waarop de schatting rust.",
                      "en": "Effect by period relative to the start (event study, Callaway & Sant'Anna), as percent "
                            "change in referrals per 1,000 pupils with 95% confidence interval (the model works on the "
                            "log scale: change = (exp(estimate) − 1) × 100). Negative = fewer referrals. Period 0 is the "
                            "first period with a youth worker; negative periods are before the start (there should be "
                            "no difference there). Start groups: number of groups of schools with the same start date "
                            "the estimate rests on."},
    "pilot_its_title": {"nl": "Tijdreeks van het hele gebied", "en": "Time series of the whole area"},
    "pilot_its_question": {"nl": "Veranderde het aantal verwijzingen in het hele gebied na de start?",
                           "en": "Did referrals in the whole area change after the start?"},
    "pilot_its_caveat": {"nl": "De tijdreeks heeft geen vergelijkingsgroep: ook iets anders dat rond de start "
                               "veranderde (beleid, wachtlijsten, registratie) kan de verandering verklaren.",
                         "en": "The time series has no comparison group: something else that changed around the start "
                               "(policy, waiting lists, registration) can explain the change too."},
    "pilot_its_note": {"nl": "Onderbroken tijdreeks (gesegmenteerde regressie) met 95%-betrouwbaarheidsinterval. Het "
                             "model rekent op de logschaal; de tabel geeft de uitkomsten als procentuele verandering "
                             "((exp(coëfficiënt) − 1) × 100) en het niveau vóór de start als aantal, elk met de eenheid "
                             "in de kolom 'eenheid'. Seizoen: hoeveel procent de golf op zijn top boven of onder het "
                             "gemiddelde ligt.",
                       "en": "Interrupted time series (segmented regression) with 95% confidence interval. The model "
                             "works on the log scale; the table gives the results as percent change "
                             "((exp(coefficient) − 1) × 100) and the level before the start as a number, each with its "
                             "unit in the column 'unit'. Season: how many percent the wave at its top lies above or "
                             "below the average."},
    "pilot_col_percent_change": {"nl": "verandering (%)", "en": "change (%)"},
    "pilot_col_percent_lower": {"nl": "ondergrens 95%-BI (%)", "en": "lower 95% CI (%)"},
    "pilot_col_percent_upper": {"nl": "bovengrens 95%-BI (%)", "en": "upper 95% CI (%)"},
    "pilot_col_p_value": {"nl": "p-waarde", "en": "p-value"},
    "pilot_col_n_units": {"nl": "scholen", "en": "schools"},
    "pilot_col_n_treated_units": {"nl": "scholen met jeugdondersteuner", "en": "schools with youth worker"},
    "pilot_col_n_periods": {"nl": "perioden", "en": "periods"},
    "pilot_col_family": {"nl": "model", "en": "model"},
    "pilot_col_inference": {"nl": "onzekerheid berekend met", "en": "uncertainty computed with"},
    "pilot_col_estimate": {"nl": "schatting", "en": "estimate"},
    "pilot_col_lower": {"nl": "ondergrens 95%-BI", "en": "lower 95% CI"},
    "pilot_col_upper": {"nl": "bovengrens 95%-BI", "en": "upper 95% CI"},
    "fs_kicker": {"nl": "Factsheet", "en": "Factsheet"},
    "fs_key_heading": {"nl": "De belangrijkste cijfers", "en": "Key figures"},
    "fs_meaning": {"nl": "Wat betekent dit?", "en": "What does this mean?"},
    "fs_caveats": {"nl": "Waar moet u op letten?", "en": "What should you keep in mind?"},
    "fs_about": {"nl": "Over dit onderzoek", "en": "About this study"},
    "fs_about_region": {"nl": "Regio", "en": "Region"},
    "fs_about_period": {"nl": "Periode", "en": "Period"},
    "fs_about_audience": {"nl": "Geschreven voor", "en": "Written for"},
    "fs_about_source": {"nl": "Bron", "en": "Source"},
    "fs_about_parts": {"nl": "Onderdelen", "en": "Parts"},
    "fs_about_more": {"nl": "Meer", "en": "More"},
    "fs_about_more_value": {"nl": "alle {n} figuren (PNG, SVG, PDF) in {folder}; alle tabellen in tabellen.xlsx; "
                                  "de werkwijze in verantwoording.md",
                            "en": "all {n} figures (PNG, SVG, PDF) in {folder}; all tables in tabellen.xlsx; the "
                                  "methods in verantwoording.md"},
    "fs_audience_gemeente": {"nl": "gemeente (raad en beleid)", "en": "municipality (council and policy)"},
    "fs_audience_samenwerkingsverband": {"nl": "samenwerkingsverband passend onderwijs",
                                         "en": "partnership of school boards"},
    "fs_audience_schoolbestuur": {"nl": "schoolbestuur", "en": "school board"},
    "fs_audience_school": {"nl": "schoolleiding en team", "en": "school management and staff"},
    "fs_audience_onderzoekers": {"nl": "onderzoekers", "en": "researchers"},
    "fs_figures": {"nl": "De cijfers in beeld", "en": "The figures"},
    "fs_no_chromium": {"nl": "Geen PDF gemaakt: Chromium is niet gevonden. Installeer het (Debian/Ubuntu: apt-get "
                             "install chromium) of druk factsheet.html af vanuit de browser als PDF.",
                       "en": "No PDF made: Chromium was not found. Install it (Debian/Ubuntu: apt-get install "
                             "chromium) or print factsheet.html to PDF from the browser."},
    "fs_pdf_failed": {"nl": "Chromium maakte geen PDF van de factsheet: {detail}",
                      "en": "Chromium did not make a PDF of the factsheet: {detail}"},
    "fs_method_title": {"nl": "Verantwoording", "en": "Method note"},
    "fs_method_methods": {"nl": "Methoden", "en": "Methods"},
    "fs_method_question": {"nl": "Vraag", "en": "Question"},
    "fs_method_quality": {"nl": "Kwaliteit van de gegevens", "en": "Data quality"},
    "fs_method_disclosure": {"nl": "Bescherming van kleine aantallen", "en": "Protection of small numbers"},
    "fs_method_repro": {"nl": "Reproduceerbaarheid", "en": "Reproducibility"},
    "fs_method_seed": {"nl": "startgetal (seed) voor toevalstrekkingen", "en": "random seed"},
    "fs_method_checksums": {"nl": "Invoerbestanden met hun SHA-256-controlegetal (zelfde getal = zelfde bestand):",
                            "en": "Input files with their SHA-256 checksum (same checksum = same file):"},
    "fs_method_file": {"nl": "bestand", "en": "file"},
    "fs_method_outputs": {"nl": "Geschreven bestanden", "en": "Files written"},
    "fs_rule_threshold": {"nl": "Aantallen kleiner dan {k} (en de cellen waaruit ze terug te rekenen zijn) zijn in de "
                                "tabellen vervangen door x.",
                          "en": "Counts below {k} (and the cells they could be recomputed from) are shown as x."},
    "fs_rule_rounding": {"nl": "Gepubliceerde aantallen (leerlingen, dossiers, instanties, respondenten, antwoorden, "
                                "casussen, geïnterviewden) zijn afgerond op veelvouden van {k}, de helft naar boven "
                                "(zoals het CBS): in de tabellen, de kerncijfers, de bijschriften, de uitkomsten in "
                                "deze verantwoording en de figuren (ook de hoogte en het label van een staaf). "
                                "Aantallen kleiner dan de drempel blijven afgeschermd ('minder dan …' of x). Een "
                                "geschat aantal (zoals instanties bij alle dossiers) is ook afgerond, zijn interval "
                                "naar buiten. Percentages, gemiddelden, effecten en hun intervallen zijn berekend op "
                                "de exacte gegevens; ze passen daarom niet altijd precies bij de afgeronde aantallen. "
                                "Niet afgerond: aantallen scholen, maanden en perioden (openbaar), de verzamelcurve "
                                "(een schatting) en de rijnummers in het kwaliteitsrapport hierboven (voor wie de "
                                "gegevens beheert); de aantallen rijen daarin zijn wel afgerond.",
                         "en": "Published counts (pupils, files, agencies, respondents, answers, cases, people "
                               "interviewed) are rounded to multiples of {k}, halves up (as Statistics Netherlands "
                               "does): in the tables, the key figures, the captions, the results in this note and the "
                               "figures (including the height and label of a bar). Counts below the threshold stay "
                               "suppressed ('fewer than …' or x). An estimated number (such as agencies in all files) "
                               "is rounded too, its interval outward. Percentages, means, effects and their intervals "
                               "are computed on the exact data; they therefore do not always match the rounded counts "
                               "exactly. Not rounded: numbers of schools, months and periods (public), the accumulation "
                               "curve (an estimate) and the row numbers in the data quality report above (for "
                               "whoever manages the data); its numbers of rows are rounded."},
    "fs_rule_min_den": {"nl": "Percentages met een noemer kleiner dan {k} zijn in de tabellen niet getoond.",
                        "en": "Percentages with a denominator below {k} are not shown in the tables."},
    "nb_codebook": {"nl": "codeboek", "en": "codebook"},
    "nb_fragments": {"nl": "interviewfragmenten", "en": "interview fragments"},
    # --- regional: DuckDB path of panel_from_file, CBS StatLine -------------------------------------
    "rows_unlisted": {"nl": "nog {n} rij(en) niet afzonderlijk genoemd: {reason} [{action}]",
                      "en": "{n} more row(s) not listed one by one: {reason} [{action}]"},
    "note_engine": {"nl": "Gelezen met {engine}: {reason}.", "en": "Read with {engine}: {reason}."},
    "engine_parquet": {"nl": "Parquet-bestand", "en": "Parquet file"},
    "engine_excel": {"nl": "Excel-bestand", "en": "Excel file"},
    "engine_large": {"nl": "bestand van {size}, vanaf {limit} leest DuckDB het in begrensd geheugen",
                     "en": "file of {size}; from {limit} DuckDB reads it in bounded memory"},
    "engine_small": {"nl": "bestand van {size}, kleiner dan {limit}", "en": "file of {size}, smaller than {limit}"},
    "engine_chosen": {"nl": "zo gekozen (engine=...)", "en": "as chosen (engine=...)"},
    "duckdb_format": {"nl": "Bestand '{file}': DuckDB leest alleen .csv, .txt, .tsv en .parquet (niet '{suffix}'); "
                            "gebruik engine='pandas' voor Excel, of sla het bestand op als CSV (UTF-8).",
                      "en": "File '{file}': DuckDB reads only .csv, .txt, .tsv and .parquet (not '{suffix}'); use "
                            "engine='pandas' for Excel, or save the file as CSV (UTF-8)."},
    "duckdb_encoding": {"nl": "Bestand '{file}' is geen UTF-8 maar {encoding}; DuckDB leest alleen UTF-8. Sla het op "
                              "als 'CSV UTF-8' of gebruik engine='pandas'.",
                        "en": "File '{file}' is {encoding}, not UTF-8; DuckDB reads UTF-8 only. Save it as "
                              "'CSV UTF-8' or use engine='pandas'."},
    "duckdb_read": {"nl": "Bestand '{file}' is niet te lezen met DuckDB: {detail}. Probeer engine='pandas' voor een "
                          "uitgebreidere foutmelding.",
                    "en": "File '{file}' cannot be read with DuckDB: {detail}. Try engine='pandas' for a more "
                          "detailed message."},
    "duckdb_missing": {"nl": "Het pakket duckdb ontbreekt; installeer het met: pip install duckdb",
                       "en": "The duckdb package is missing; install it with: pip install duckdb"},
    "note_duckdb_pupils": {"nl": "Kolom '{column}' (leerlingcodes) is alleen binnen DuckDB gebruikt om dubbele rijen "
                                 "te vinden; de codes zijn niet ingelezen of bewaard.",
                           "en": "Column '{column}' (pupil codes) was used inside DuckDB only, to find duplicate "
                                 "rows; the codes were not loaded or kept."},
    "note_duckdb_multiline": {"nl": "Een cel beslaat meerdere regels; rijnummers na regel {line} tellen records, "
                                    "niet regels.",
                              "en": "A cell spans several lines; row numbers after line {line} count records, "
                                    "not lines."},
    "cbs_no_periods": {"nl": "Bestand '{file}': geen kolom 'Perioden' en geen kopregel met perioden (2022, 2023*, "
                             "2023 1e kwartaal) gevonden; is dit een CBS-tabel (StatLine of opendata.cbs.nl) als "
                             "CSV of Excel?",
                       "en": "File '{file}': no 'Perioden' column and no header line of periods (2022, 2023*, "
                             "2023 1e kwartaal); is this a CBS table (StatLine or opendata.cbs.nl) as CSV or "
                             "Excel?"},
    "cbs_no_rows": {"nl": "Bestand '{file}': geen enkele rij met een leesbare periode, regio en cijfers; bekijk het "
                          "kwaliteitsrapport.",
                    "en": "File '{file}': no row with a readable period, region and figures; see the quality report."},
    "cbs_reason_title": {"nl": "titel-, kop- of bronregel (geen cijfers)", "en": "title, header or source line (no figures)"},
    "cbs_reason_period": {"nl": "periode niet te lezen (verwacht een CBS-periodecode voor jaar, halfjaar, kwartaal of "
                                "maand, of een label als '2023 1e kwartaal')",
                          "en": "period not readable (expected a CBS period code for a year, half year, quarter or "
                                "month, or a label such as '2023 1e kwartaal')"},
    "cbs_reason_region": {"nl": "regiocode ontbreekt of is geen CBS-code (NL01, PV21, GM0080, ...)",
                          "en": "region code missing or not a CBS code (NL01, PV21, GM0080, ...)"},
    "cbs_note_symbols": {"nl": "CBS-symbolen als ontbrekend gelezen (nooit als 0): {counts}.",
                         "en": "CBS symbols read as missing (never as 0): {counts}."},
    "cbs_need_population": {"nl": "'{measure}' is een percentage van de jongeren; omrekenen naar aantallen kan alleen "
                                  "met het aantal jongeren erbij: geef population= (een maatstaf uit dezelfde tabel, "
                                  "bv. 'JongerenTot23Jaar_3', of een tabel met region, period en population).",
                            "en": "'{measure}' is a percentage of youth; it can be turned into counts only with the "
                                  "number of youth: give population= (a measure of the same table or a table with "
                                  "region, period and population)."},
    "cbs_no_measure": {"nl": "Maatstaf '{measure}' staat niet in de tabel; aanwezig: {measures}.",
                       "en": "Measure '{measure}' is not in the table; present: {measures}."},
    "cbs_population_columns": {"nl": "De tabel met aantallen jongeren mist kolom(men) {missing} (nodig: region, period, "
                                     "population).",
                               "en": "The population table lacks column(s) {missing} (needed: region, period, "
                                     "population)."},
    "cbs_no_series": {"nl": "Geen cijfers voor maatstaf '{measure}' in regio '{region}'.",
                      "en": "No figures for measure '{measure}' in region '{region}'."},
    "cbs_no_cbsodata": {"nl": "Het pakket cbsodata ontbreekt; installeer het met: pip install cbsodata",
                        "en": "The cbsodata package is missing; install it with: pip install cbsodata"},
    "cbs_download_failed": {"nl": "CBS-tabel {table} kon niet worden gedownload ({detail}); is er internet? Download de "
                                  "CSV anders zelf via opendata.cbs.nl en lees hem met read_statline.",
                            "en": "CBS table {table} could not be downloaded ({detail}); is there internet? Otherwise "
                                  "download the CSV from opendata.cbs.nl and read it with read_statline."},
    # --- integrator: SDQ norms (survey.score_sdq) ---------------------------------------------------
    "sv_sdq_cutoffs_cols": {
        "nl": "De tabel met SDQ-grenzen mist kolom(men): {columns}.",
        "en": "The SDQ cut-off table lacks column(s): {columns}.",
    },
    "sv_sdq_age_needed": {
        "nl": "Deze SDQ-normen hangen af van de leeftijd: geef met age= de kolom met de leeftijd in jaren "
              "(nu: '{column}').",
        "en": "These SDQ norms depend on age: name the column with the age in years with age= "
              "(now: '{column}').",
    },
    "sv_sdq_age_unreadable": {
        "nl": "Leeftijd '{value}' in kolom '{column}' is geen getal (leeftijd in jaren).",
        "en": "Age '{value}' in column '{column}' is not a number (age in years).",
    },
    "sv_sdq_norm_uk": {"nl": "UK-normen (Goodman 1997)", "en": "UK norms (Goodman 1997)"},
    "sv_sdq_norm_nl": {"nl": "NL-normen ouders, alleen totale moeilijkheden (Theunissen e.a. 2022)",
                       "en": "Dutch parent norms, total difficulties only (Theunissen et al. 2022)"},
    "sv_sdq_norm_eigen": {"nl": "eigen normen", "en": "own norms"},
    "sv_sdq_norm_ages": {"nl": ", {group} jaar", "en": ", ages {group}"},
    "sv_sdq_no_age": {"nl": "geen norm: leeftijd ontbreekt", "en": "no norm: age missing"},
    "sv_sdq_age_outside": {"nl": "geen norm voor leeftijd {age}", "en": "no norm for age {age}"},
    # --- richness: small counts in sentences and captions, nulmeting summary
    "small_count": {"nl": "minder dan {k}", "en": "fewer than {k}"},
    "nm_found": {"nl": "De school had te maken met {agencies} verschillende {word}, betrokken bij {helped} van de "
                       "{pupils} leerlingen van wie het dossier is gelezen{share}.",
                 "en": "The school dealt with {agencies} different {word}, involved with {helped} of the {pupils} "
                       "pupils whose files were read{share}."},
    "nm_mean": {"nl": "Per leerling met hulp waren gemiddeld {mean} instanties betrokken.",
                "en": "Per pupil with care, {mean} agencies were involved on average."},
    "nm_two": {"nl": "{two} van de leerlingen had twee of meer instanties.", "en": "{two} of the pupils had two or more agencies."},
    "nm_top3": {"nl": "De drie grootste instanties hadden samen {share} van alle contacten.",
                "en": "The three largest agencies held {share} of all contacts."},
    "nm_tail": {"nl": "{n} van de {total} instanties waren elk bij minder dan {k} leerlingen betrokken.",
                "en": "{n} of the {total} agencies were each involved with fewer than {k} pupils."},
    "nm_files_found": {"nl": "In {files} gelezen dossiers zijn {agencies} verschillende instanties gevonden.",
                       "en": "{agencies} different agencies were found in {files} files read."},
    "nm_prediction": {"nl": "Met alle {total} dossiers gelezen verwachten we {estimate} instanties "
                            "({pct}%-BI: {lower} tot {upper}).",
                      "en": "With all {total} files read we expect {estimate} agencies ({pct}% CI: {lower} to {upper})."},
    "nm_no_agency_note": {"nl": "{n} leerling(en) zonder instantie; zij tellen mee in het aantal leerlingen.",
                          "en": "{n} pupil(s) without an agency; they count in the number of pupils."},
    "nm_tiny_school_note": {"nl": "School '{school}' heeft {n} leerling(en); geen schatting van het aantal instanties "
                                  "bij volledig onderzoek mogelijk.",
                            "en": "School '{school}' has {n} pupil(s); no estimate of the number of agencies in a "
                                  "complete study is possible."},
    # --- score: wild score cluster bootstrap for counts (evaluatie.resampling.score_bootstrap)
    "did_score": {
        "nl": "Wild score-bootstrap per cluster voor aantallen (Kline & Santos 2012): model geschat onder elke getoetste "
              "waarde van het effect, {kind}-gewichten, {n} trekkingen; interval door de toets om te keren.",
        "en": "Wild score cluster bootstrap for counts (Kline & Santos 2012): model fitted under each tested value of "
              "the effect, {kind} weights, {n} draws; interval by inverting the test."},
    "did_score_all": {
        "nl": "Wild score-bootstrap per cluster voor aantallen (Kline & Santos 2012): model geschat onder elke getoetste "
              "waarde van het effect, {kind}-gewichten, alle {n} trekkingen; interval door de toets om te keren.",
        "en": "Wild score cluster bootstrap for counts (Kline & Santos 2012): model fitted under each tested value of "
              "the effect, {kind} weights, all {n} draws; interval by inverting the test."},
    "did_score_min_p": {
        "nl": "Met {n} mogelijke tekenrijen in de bootstrap is de kleinste mogelijke p-waarde {p}: het interval is "
              "onbegrensd. Meer clusters, of weights='webb', zijn nodig.",
        "en": "With {n} possible sign vectors in the bootstrap the smallest possible p-value is {p}: the interval is "
              "unbounded. More clusters, or weights='webb', are needed."},
    # --- sections: questionnaires, interviews, small pilots, process times, costs in the pilot report -------
    "pilot_type_bool": {"nl": "true of false", "en": "true or false"},
    "pilot_type_float": {"nl": "een getal (bv. 0.10)", "en": "a number (e.g. 0.10)"},
    "pilot_type_int_float_str": {"nl": "een getal of een bedrag als tekst (bv. \"€ 4.200\")",
                                 "en": "a number or an amount as text (e.g. \"€ 4,200\")"},
    "pilot_type_range": {"nl": "twee waarden tussen rechte haken (bv. [\"€ 6.000\", \"€ 12.000\"])",
                         "en": "two values in square brackets (e.g. [\"€ 6,000\", \"€ 12,000\"])"},
    "pilot_step_vragenlijst": {"nl": "vragenlijst: antwoorden, betrouwbaarheid, vergelijking",
                               "en": "questionnaire: answers, reliability, comparison"},
    "pilot_step_interviews": {"nl": "interviews: thema's en citaten", "en": "interviews: themes and quotes"},
    "pilot_step_kleine_pilot": {"nl": "kleine pilot: aantal met uitkomst en interval",
                                "en": "small pilot: number with the outcome and interval"},
    "pilot_step_doorlooptijden": {"nl": "doorlooptijden (Kaplan-Meier)", "en": "process times (Kaplan-Meier)"},
    "pilot_step_kosten": {"nl": "kosten en terugverdienen", "en": "costs and paying for itself"},
    "pilot_col_item": {"nl": "onderdeel", "en": "item"},
    "pilot_col_wave": {"nl": "meting", "en": "wave"},
    "pilot_col_answers": {"nl": "antwoorden", "en": "answers"},
    "pilot_col_dont_know": {"nl": "weet niet", "en": "don't know"},
    "pilot_col_disagree": {"nl": "(helemaal) oneens (%)", "en": "(strongly) disagree (%)"},
    "pilot_col_agree": {"nl": "(helemaal) eens (%)", "en": "(strongly) agree (%)"},
    "pilot_col_median": {"nl": "mediaan", "en": "median"},
    "pilot_col_scale": {"nl": "onderwerp (schaal)", "en": "topic (scale)"},
    "pilot_col_n_items": {"nl": "vragen", "en": "items"},
    "pilot_col_respondents": {"nl": "respondenten", "en": "respondents"},
    "pilot_col_test": {"nl": "toets", "en": "test"},
    "pilot_col_difference": {"nl": "verschil (punten)", "en": "difference (points)"},
    "pilot_col_effect_size": {"nl": "effectmaat", "en": "effect size"},
    "pilot_col_effect": {"nl": "effectgrootte", "en": "effect"},
    "pilot_col_p_adjusted": {"nl": "p-waarde gecorrigeerd (Holm)", "en": "p-value adjusted (Holm)"},
    "pilot_col_theme": {"nl": "thema", "en": "theme"},
    "pilot_col_mentioned": {"nl": "genoemd door", "en": "mentioned by"},
    "pilot_col_interviewed": {"nl": "geïnterviewd", "en": "interviewed"},
    "pilot_col_mentioned_by": {"nl": "genoemd door {group}", "en": "mentioned by {group}"},
    "pilot_col_who": {"nl": "wie", "en": "who"},
    "pilot_col_quote": {"nl": "citaat", "en": "quote"},
    "pilot_col_outcome": {"nl": "uitkomst", "en": "outcome"},
    "pilot_col_k": {"nl": "met deze uitkomst", "en": "with this outcome"},
    "pilot_col_n": {"nl": "leerlingen", "en": "pupils"},
    "pilot_col_share": {"nl": "aandeel (%)", "en": "share (%)"},
    "pilot_col_lower_pct": {"nl": "ondergrens 95%-BI (%)", "en": "lower 95% CI (%)"},
    "pilot_col_upper_pct": {"nl": "bovengrens 95%-BI (%)", "en": "upper 95% CI (%)"},
    "pilot_col_group": {"nl": "groep", "en": "group"},
    "pilot_col_cases": {"nl": "casussen", "en": "cases"},
    "pilot_col_ended": {"nl": "afgerond", "en": "ended"},
    "pilot_col_open": {"nl": "nog open", "en": "still open"},
    "pilot_col_median_days": {"nl": "mediaan (dagen)", "en": "median (days)"},
    "pilot_col_within": {"nl": "binnen {days} dagen (%)", "en": "within {days} days (%)"},
    "pilot_col_assumption": {"nl": "aanname", "en": "assumption"},
    "pilot_col_value": {"nl": "waarde", "en": "value"},
    "pilot_col_low": {"nl": "laag", "en": "low"},
    "pilot_col_high": {"nl": "hoog", "en": "high"},
    "pilot_col_source": {"nl": "bron", "en": "source"},
    "pilot_col_euro": {"nl": "euro per jaar", "en": "euro per year"},
    "pilot_sv_title": {"nl": "Vragenlijst", "en": "Questionnaire"},
    "pilot_sv_question": {"nl": "Hoe oordelen ouders, leerkrachten en intern begeleiders?",
                          "en": "What do parents, teachers and care coordinators think?"},
    "pilot_sv_design": {"nl": "Vragenlijst: vergelijking '{design}' kan niet met deze gegevens (metingen: {waves}; "
                              "groepen: {groups}). Kies vergelijking = \"auto\", \"voor_na\", \"groepen\" of \"geen\".",
                        "en": "Questionnaire: comparison '{design}' is not possible with these data (waves: {waves}; "
                              "groups: {groups}). Choose vergelijking = \"auto\", \"voor_na\", \"groepen\" or \"geen\"."},
    "pilot_sv_fig_title": {"nl": "Antwoorden over '{what}'", "en": "Answers about '{what}'"},
    "pilot_sv_fig_up_sure": {"nl": "Oordeel over '{what}' na de start gunstiger",
                             "en": "Views on '{what}' more favourable after the start"},
    "pilot_sv_fig_up_unsure": {"nl": "Oordeel over '{what}' mogelijk gunstiger, nog niet zeker",
                               "en": "Views on '{what}' possibly more favourable, not yet certain"},
    "pilot_sv_fig_down_sure": {"nl": "Oordeel over '{what}' na de start minder gunstig",
                               "en": "Views on '{what}' less favourable after the start"},
    "pilot_sv_fig_down_unsure": {"nl": "Oordeel over '{what}' mogelijk minder gunstig, nog niet zeker",
                                 "en": "Views on '{what}' possibly less favourable, not yet certain"},
    "pilot_sv_fig_groups_sure": {"nl": "Groepen oordelen verschillend over '{what}'",
                                 "en": "Groups differ in their views on '{what}'"},
    "pilot_sv_fig_groups_unsure": {"nl": "Geen duidelijk verschil tussen groepen over '{what}'",
                                   "en": "No clear difference between groups on '{what}'"},
    "pilot_sv_kf_voor_na": {"nl": "verschil in score '{what}' (1–5), {a} → {b}",
                            "en": "change in score '{what}' (1–5), {a} → {b}"},
    "pilot_sv_kf_groepen": {"nl": "verschil in score '{what}' (1–5) tussen de groepen",
                            "en": "difference in score '{what}' (1–5) between the groups"},
    "pilot_sv_kf_mean": {"nl": "gemiddelde score '{what}' (1–5)", "en": "mean score '{what}' (1–5)"},
    "pilot_sv_kf_mean_words": {"nl": "Gemiddelde van {n} respondenten; zonder tweede meting of vergelijkingsgroep "
                                     "zegt dit niets over verandering.",
                               "en": "Mean of {n} respondents; without a second wave or comparison group this says "
                                     "nothing about change."},
    "pilot_sv_caveat_voor_na": {"nl": "Vragenlijst: voor en na zonder vergelijkingsgroep. Een verschil kan ook komen "
                                      "door iets anders dat in dezelfde periode veranderde.",
                                "en": "Questionnaire: before and after without a comparison group. A difference may "
                                      "also come from something else that changed in the same period."},
    "pilot_sv_caveat_other": {"nl": "Vragenlijst: wie meedoet, kiest dat zelf; de antwoorden gelden voor deze "
                                    "respondenten, niet vanzelf voor iedereen.",
                              "en": "Questionnaire: respondents chose to take part; the answers hold for them, not "
                                    "automatically for everyone."},
    "pilot_sv_caveat_matched": {"nl": "De vergelijking voor/na gebruikt alleen wie beide keren meedeed en beide keren "
                                      "een score voor '{what}' heeft ({k} van de {n} respondenten).",
                                "en": "The before/after comparison uses only those who took part both times and have a "
                                      "score for '{what}' both times ({k} of {n} respondents)."},
    "pilot_sv_methods": {"nl": "{n} respondenten, {k} vragen; schalen: {scales}. Antwoorden zijn met het codeboek "
                               "omgezet naar 1–5 (negatief geformuleerde vragen omgescoord); 'weet niet' telt niet mee "
                               "in gemiddelden. Een schaalscore is het gemiddelde van de beantwoorde vragen als meer "
                               "dan de helft is beantwoord. Vergelijkingen: gepaarde t-toets of Wilcoxon (voor/na), "
                               "Welch of Mann-Whitney (groepen), met effectgrootte en Holm-correctie.",
                         "en": "{n} respondents, {k} items; scales: {scales}. Answers were mapped to 1–5 with the "
                               "codebook (negatively worded items reversed); 'don't know' is left out of means. A scale "
                               "score is the mean of the answered items when more than half were answered. "
                               "Comparisons: paired t or Wilcoxon (before/after), Welch or Mann-Whitney (groups), with "
                               "effect size and Holm correction."},
    "pilot_sv_note_items": {"nl": "Antwoorden per vraag; percentages van de geldige antwoorden ('weet niet' apart "
                                  "geteld).",
                            "en": "Answers per item; percentages of the valid answers ('don't know' counted apart)."},
    "pilot_sv_note_scales": {"nl": "Betrouwbaarheid per schaal: Cronbachs alfa met 95%-interval (Feldt) en omega; vanaf "
                                   "0,7 voldoende, vanaf 0,8 goed.",
                             "en": "Reliability per scale: Cronbach's alpha with 95% interval (Feldt) and omega; from 0.7 "
                                   "adequate, from 0.8 good."},
    "pilot_sv_note_voor_na": {"nl": "Voor/na-vergelijking van dezelfde respondenten; effectgrootte met 95%-interval.",
                              "en": "Before/after comparison of the same respondents; effect size with 95% interval."},
    "pilot_sv_note_groepen": {"nl": "Vergelijking tussen groepen; effectgrootte met 95%-interval.",
                              "en": "Comparison between groups; effect size with 95% interval."},
    "pilot_iv_title": {"nl": "Interviews", "en": "Interviews"},
    "pilot_iv_question": {"nl": "Welke thema's noemen de geïnterviewden?", "en": "Which themes do interviewees raise?"},
    "pilot_iv_fig_title": {"nl": "Meest genoemd: {code} ({k} van {n} geïnterviewden)",
                           "en": "Mentioned most: {code} ({k} of {n} interviewees)"},
    "pilot_iv_kf_label": {"nl": "interviews ({parts})", "en": "interviews ({parts})"},
    "pilot_iv_kf_words": {"nl": "Het vaakst genoemde thema: {code} ({k} van de {n}). Interviews laten zien wat er "
                                "speelt, niet hoe vaak het voorkomt.",
                          "en": "Theme mentioned most: {code} ({k} of {n}). Interviews show what is at stake, not how "
                                "often it occurs."},
    "pilot_iv_quote": {"nl": "\u201c{quote}\u201d ({who})", "en": "\u201c{quote}\u201d ({who})"},
    "pilot_iv_caveat": {"nl": "Interviews: een kleine, gekozen groep; tellingen zeggen hoeveel geïnterviewden iets "
                              "noemen, niet hoeveel mensen het vinden.",
                        "en": "Interviews: a small, selected group; counts say how many interviewees mention something, "
                              "not how many people think so."},
    "pilot_iv_note_themes": {"nl": "Aantal geïnterviewden dat een thema noemt (niet het aantal fragmenten); subthema's "
                                   "tellen mee bij hun hoofdthema.",
                             "en": "Number of interviewees mentioning a theme (not the number of fragments); subthemes "
                                   "count towards their main theme."},
    "pilot_iv_note_quotes": {"nl": "Voorbeeldcitaten met een anonieme aanduiding. Citaten met persoonsgegevens of met een "
                                   "mogelijke naam (een woord met een hoofdletter midden in een zin) zijn weggelaten.",
                             "en": "Example quotes with an anonymous label. Quotes with personal data or a possible name "
                                   "(a capitalised word inside a sentence) are left out."},
    "pilot_iv_methods": {"nl": "{n} geïnterviewden. Per thema is geteld hoeveel geïnterviewden het noemen. In de figuur "
                               "en de tabel zijn groepen kleiner dan {k} samengevoegd tot 'overige' (zo nodig met de "
                               "kleinste andere groep); aantallen kleiner dan {k}, en de aantallen waarmee ze uit de "
                               "totalen terug te rekenen zijn, zijn afgeschermd (x). Citaten zijn automatisch "
                               "gecontroleerd op persoonsgegevens en mogelijke namen; lees ze toch zelf na.",
                         "en": "{n} interviewees. Per theme, the number of interviewees mentioning it was counted. In "
                               "the figure and the table, groups smaller than {k} are merged into 'other' (with the smallest other "
                               "group if needed); counts below {k}, and those from which they could be recomputed, "
                               "are suppressed (x). Quotes were checked "
                               "automatically for personal data and possible names; still read them yourself."},
    "pilot_kp_title": {"nl": "Kleine pilot", "en": "Small pilot"},
    "pilot_kp_question": {"nl": "Hoeveel leerlingen bereikten '{what}', en wat zegt dat?",
                          "en": "How many pupils reached '{what}', and what does it say?"},
    "pilot_kp_kf_value": {"nl": "{k} van {n}", "en": "{k} of {n}"},
    "pilot_kp_no_column": {"nl": "Kleine pilot: kolom '{column}' staat niet in '{file}'. Aanwezig: {columns}. Zet de "
                                 "juiste kolomnaam bij uitkomst = \"...\" (of moment = \"...\").",
                           "en": "Small pilot: column '{column}' is not in '{file}'. Present: {columns}. Put the right "
                                 "column name in uitkomst = \"...\" (or moment = \"...\")."},
    "pilot_kp_small": {"nl": "Kleine pilot: {n} leerlingen, of een uitkomst bij minder dan {k}; zulke kleine aantallen "
                             "worden alleen gepubliceerd als '{file}' onder [analyses.kleine_pilot] een reden geeft, bv. "
                             "reden = \"klas van 4 leerlingen; ouders zijn geïnformeerd\". De reden komt in "
                             "verantwoording.md.",
                       "en": "Small pilot: {n} pupils, or an outcome for fewer than {k}; such small numbers are only "
                             "published when '{file}' gives a reason under [analyses.kleine_pilot], e.g. reden = \"class "
                             "of 4 pupils; parents were informed\". The reason goes into verantwoording.md."},
    "pilot_kp_reason": {"nl": "Aantallen kleiner dan {k} zijn gepubliceerd zonder afscherming; reden volgens het "
                              "pilotbestand: {reason}",
                        "en": "Counts below {k} are published without protection; reason given in the pilot file: "
                              "{reason}"},
    "pilot_kp_timeline_shown": {"nl": "De tijdlijn per leerling (figuur 04_kleine_pilot_tijdlijn) toont elke leerling "
                                      "apart met data; gemaakt omdat het pilotbestand tijdlijn = true zet.",
                                "en": "The per-pupil timeline (figure 04_kleine_pilot_tijdlijn) shows each pupil with "
                                      "dates; made because the pilot file sets tijdlijn = true."},
    "pilot_kp_timeline_not_shown": {"nl": "Geen tijdlijn per leerling: daarin is elke leerling een cel van 1 met "
                                          "herkenbare data. Zet tijdlijn = true (met een reden) om hem toch te maken.",
                                    "en": "No per-pupil timeline: in it every pupil is a cell of 1 with recognisable "
                                          "dates. Set tijdlijn = true (with a reason) to make it anyway."},
    "pilot_kp_caveat": {"nl": "Kleine pilot: zonder vergelijkingsgroep zegt het aandeel niet of de aanpak beter werkt "
                               "dan zonder.",
                         "en": "Small pilot: without a comparison group the proportion does not say whether the "
                               "approach works better than without it."},
    "pilot_kp_note": {"nl": "Aandeel met exact 95%-interval (Clopper-Pearson).",
                      "en": "Proportion with exact 95% interval (Clopper-Pearson)."},
    "pilot_kp_note_small": {"nl": "Aandeel met exact 95%-interval (Clopper-Pearson). Aantallen kleiner dan {k} zijn hier "
                                  "niet afgeschermd; de reden staat in verantwoording.md.",
                            "en": "Proportion with exact 95% interval (Clopper-Pearson). Counts below {k} are not "
                                  "protected here; the reason is in verantwoording.md."},
    "pilot_dl_title": {"nl": "Doorlooptijden", "en": "Process times"},
    "pilot_dl_question": {"nl": "Hoe snel is er een passend aanbod, en hoeveel binnen {days} dagen?",
                          "en": "How fast is there a suitable place, and how many within {days} days?"},
    "pilot_dl_label": {"nl": "aandeel met passend aanbod", "en": "share with a suitable place"},
    "pilot_dl_fig_one": {"nl": "{share} binnen {days} dagen een passend aanbod",
                         "en": "{share} with a suitable place within {days} days"},
    "pilot_dl_fig_sure_up": {"nl": "Groep '{b}' sneller geplaatst dan '{a}'", "en": "Group '{b}' placed faster than '{a}'"},
    "pilot_dl_fig_sure_down": {"nl": "Groep '{b}' trager geplaatst dan '{a}'", "en": "Group '{b}' placed more slowly than '{a}'"},
    "pilot_dl_fig_unsure_up": {"nl": "Groep '{b}' mogelijk sneller geplaatst, nog niet zeker",
                               "en": "Group '{b}' possibly placed faster, not yet certain"},
    "pilot_dl_fig_unsure_down": {"nl": "Groep '{b}' mogelijk trager geplaatst, nog niet zeker",
                                 "en": "Group '{b}' possibly placed more slowly, not yet certain"},
    "pilot_dl_kf_label": {"nl": "{what} binnen {days} dagen, in groep '{group}'",
                          "en": "{what} within {days} days, in group '{group}'"},
    "pilot_dl_kf_words": {"nl": "95%-interval {lo} tot {hi}, {n} casussen; nog lopende casussen tellen mee tot de "
                                "peildatum.",
                          "en": "95% interval {lo} to {hi}, {n} cases; open cases count up to the reference date."},
    "pilot_dl_note_median": {"nl": "Mediane doorlooptijd in dagen (Kaplan-Meier) met 95%-interval; leeg: nog niet "
                                   "bereikt.",
                             "en": "Median process time in days (Kaplan-Meier) with 95% interval; empty: not reached."},
    "pilot_dl_note_norm": {"nl": "Aandeel afgerond binnen {days} dagen (Kaplan-Meier, open casussen gecensureerd) met "
                                 "95%-interval.",
                           "en": "Share ended within {days} days (Kaplan-Meier, open cases censored) with 95% "
                                 "interval."},
    "pilot_dl_caveat": {"nl": "Doorlooptijden: een andere manier van registreren (welke datum telt als start of als "
                              "plaatsing) verandert de uitkomst; vergelijk alleen gelijk geregistreerde groepen.",
                        "en": "Process times: a different way of registering (which date counts as start or "
                              "placement) changes the result; only compare groups registered the same way."},
    "pilot_kost_title": {"nl": "Kosten", "en": "Costs"},
    "pilot_kost_question": {"nl": "Wat kost de inzet per leerling, en verdient die zich terug?",
                            "en": "What does the deployment cost per pupil, and does it pay for itself?"},
    "pilot_kost_need": {"nl": "Pilotbestand '{file}': geef onder [analyses.kosten] óf jaarkosten óf uren_per_week én "
                              "maandsalaris.",
                        "en": "Pilot file '{file}': give under [analyses.kosten] either jaarkosten or both "
                              "uren_per_week and maandsalaris."},
    "pilot_kost_ranges_need": {"nl": "Pilotbestand '{file}': marges onder [analyses.kosten] hebben trajecten_per_jaar, "
                                     "kosten_traject en een verhouding nodig (verhouding = ... of de analyse zorgvraag).",
                               "en": "Pilot file '{file}': marges under [analyses.kosten] need trajecten_per_jaar, "
                                     "kosten_traject and a ratio (verhouding = ... or the zorgvraag analysis)."},
    "pilot_kost_kf_pupil": {"nl": "kosten per bereikte leerling per jaar", "en": "cost per pupil reached per year"},
    "pilot_kost_kf_case": {"nl": "kosten per casus per jaar", "en": "cost per case per year"},
    "pilot_kost_kf_enrolled": {"nl": "kosten per ingeschreven leerling per jaar", "en": "cost per enrolled pupil per year"},
    "pilot_kost_kf_year": {"nl": "kosten van de inzet per jaar", "en": "cost of the deployment per year"},
    "pilot_kost_kf_words": {"nl": "De inzet kost {amount} per jaar.", "en": "The deployment costs {amount} per year."},
    "pilot_kost_break_even": {"nl": "Terugverdiend bij {n} vermeden tweedelijns trajecten per jaar.",
                              "en": "Paid for by {n} avoided second-line trajectories per year."},
    "pilot_kost_kf_prob": {"nl": "kans dat de inzet zich terugverdient", "en": "probability the deployment pays for itself"},
    "pilot_kost_prob_high": {"nl": "Zeer waarschijnlijk, als de aannames en bandbreedtes kloppen (tabellen.xlsx).",
                             "en": "Very likely, if the assumptions and ranges hold (tabellen.xlsx)."},
    "pilot_kost_prob_likely": {"nl": "Waarschijnlijk, niet zeker; de kans is zo goed als de aannames (tabellen.xlsx).",
                               "en": "Likely, not certain; the probability is as good as the assumptions (tabellen.xlsx)."},
    "pilot_kost_prob_open": {"nl": "Onzeker: het kan beide kanten op. De kans is zo goed als de aannames "
                                   "(tabellen.xlsx).",
                             "en": "Uncertain: it can go either way. The probability is as good as the assumptions "
                                   "(tabellen.xlsx)."},
    "pilot_kost_prob_low": {"nl": "Onwaarschijnlijk onder deze aannames (tabellen.xlsx).",
                            "en": "Unlikely under these assumptions (tabellen.xlsx)."},
    "pilot_kost_fig_high": {"nl": "Inzet verdient zich zeer waarschijnlijk terug ({p})",
                            "en": "Deployment very likely pays for itself ({p})"},
    "pilot_kost_fig_likely": {"nl": "Inzet verdient zich waarschijnlijk terug ({p}), niet zeker",
                              "en": "Deployment likely pays for itself ({p}), not certain"},
    "pilot_kost_fig_open": {"nl": "Of de inzet zich terugverdient is onzeker ({p})",
                            "en": "Whether the deployment pays for itself is uncertain ({p})"},
    "pilot_kost_fig_low": {"nl": "Inzet verdient zich waarschijnlijk niet terug ({p})",
                           "en": "Deployment probably does not pay for itself ({p})"},
    "pilot_kost_q_avoided": {"nl": "vermeden tweedelijns trajecten per jaar", "en": "avoided second-line trajectories per year"},
    "pilot_kost_q_savings": {"nl": "vermeden kosten per jaar (euro)", "en": "avoided costs per year (euro)"},
    "pilot_kost_q_annual_cost": {"nl": "kosten van de inzet per jaar (euro)", "en": "cost of the deployment per year (euro)"},
    "pilot_kost_q_net": {"nl": "saldo per jaar (euro)", "en": "net result per year (euro)"},
    "pilot_kost_note_assumptions": {"nl": "Elke aanname van het kostenmodel met bandbreedte en bron.",
                                    "en": "Every assumption of the cost model with its range and source."},
    "pilot_kost_note_outcomes": {"nl": "Kosten van de inzet per jaar, per bereikte leerling, per casus en per school.",
                                 "en": "Cost of the deployment per year, per pupil reached, per case and per school."},
    "pilot_kost_note_impact": {"nl": "Vermeden trajecten en kosten; laag en hoog bij de grenzen van het interval van de "
                                     "verhouding.",
                               "en": "Avoided trajectories and costs; low and high at the bounds of the ratio's "
                                     "interval."},
    "pilot_kost_caveat": {"nl": "Kosten: het model rekent met aannames (tabellen.xlsx) en telt alleen vermeden "
                                "tweedelijns trajecten in één jaar; verschuiving naar eerstelijns hulp telt niet mee.",
                          "en": "Costs: the model rests on assumptions (tabellen.xlsx) and only counts avoided "
                                "second-line trajectories in one year; a shift to first-line care is not counted."},
    # --- power: power and sample size (evaluatie.power, `evaluatie power`, pilot section) -----------------
    "power_bad_number": {"nl": "Ongeldige waarde {value!r} voor '{param}': moet {rule} zijn.",
                         "en": "Invalid value {value!r} for '{param}': must be {rule}."},
    "power_rule_int": {"nl": "een geheel getal van {minimum} of meer", "en": "a whole number of at least {minimum}"},
    "power_rule_pos": {"nl": "een getal groter dan 0", "en": "a number greater than 0"},
    "power_rule_nonneg": {"nl": "een getal van 0 of meer", "en": "a number of 0 or more"},
    "power_rule_prob": {"nl": "een getal tussen 0 en 1", "en": "a number between 0 and 1"},
    "power_rule_jobs": {"nl": "een positief geheel getal of -1 (alle kernen)", "en": "a positive whole number or -1 (all cores)"},
    "power_empty_list": {"nl": "De lijst voor '{param}' is leeg; geef minstens één waarde.",
                         "en": "The list for '{param}' is empty; give at least one value."},
    "power_too_many_treated": {"nl": "{k} scholen met de interventie van de {n}: er moet minstens één "
                                     "vergelijkingsschool overblijven. Kies n_treated kleiner dan n_units.",
                               "en": "{k} schools with the intervention out of {n}: at least one comparison school "
                                     "must remain. Choose n_treated below n_units."},
    "power_bad_waves": {"nl": "{waves} startgolven kan niet met {k} scholen met de interventie en {periods} perioden: "
                              "elke golf heeft minstens één school en een periode ervoor nodig.",
                        "en": "{waves} start waves do not fit {k} treated schools and {periods} periods: each wave needs "
                              "at least one school and a period before it."},
    "power_progress": {"nl": "Simulatie: {done} van {total} delen klaar ({pct}%)",
                       "en": "Simulation: {done} of {total} parts done ({pct}%)"},
    "power_design": {"nl": "{n} scholen ({k} met de interventie), {periods} perioden, {rate} verwijzingen per 1.000 "
                           "leerlingen per periode, {pupils} leerlingen per school, spreiding tussen scholen {sd}, "
                           "overdispersie {od}, {waves} startgolf/golven",
                     "en": "{n} schools ({k} with the intervention), {periods} periods, {rate} referrals per 1,000 pupils "
                           "per period, {pupils} pupils per school, between-school SD {sd}, overdispersion {od}, "
                           "{waves} start wave(s)"},
    "power_row": {"nl": "{design}: een verandering van {change} wordt met {power} kans gezien (Monte-Carlo-interval "
                        "{lo} tot {hi}; {method}).",
                  "en": "{design}: a change of {change} is detected with probability {power} (Monte Carlo interval "
                        "{lo} to {hi}; {method})."},
    "power_head": {"nl": "Onderscheidend vermogen (kans dat de analyse een effect aantoont bij α = {alpha}%), elk uit "
                         "{n} gesimuleerde studies ({level}%-Monte-Carlo-interval):",
                   "en": "Power (probability that the analysis detects an effect at α = {alpha}%), each from {n} "
                         "simulated studies ({level}% Monte Carlo interval):"},
    "power_switch": {"nl": "Let op: de inferentiemethode wisselt binnen dit rooster: {parts}.",
                     "en": "Note: the inference method changes within this grid: {parts}."},
    "power_switch_part": {"nl": "{method} bij {units} scholen", "en": "{method} at {units} schools"},
    "power_switch_rule": {"nl": "inference='auto' kiest cluster-robuuste standaardfouten pas vanaf 42 scholen met "
                                "minstens 10 met en 10 zonder de interventie, anders randomisatie-inferentie.",
                          "en": "inference='auto' chooses cluster-robust standard errors only from 42 schools with at "
                                "least 10 with and 10 without the intervention, otherwise randomization inference."},
    "power_impossible": {"nl": "Bij {units} scholen zijn er te weinig mogelijke toewijzingen: een p-waarde onder "
                               "{alpha}% kan daar niet, hoe groot het effect ook is.",
                         "en": "At {units} schools there are too few possible assignments: a p-value below {alpha}% is "
                               "impossible there, however large the effect."},
    "power_refused": {"nl": "{n} gesimuleerde studie(s) waren niet te analyseren (geen enkele verwijzing bij de "
                            "interventiescholen na de start) en tellen als 'geen effect gezien'.",
                      "en": "{n} simulated stud(y/ies) could not be analysed (no referral at all at the intervention "
                            "schools after the start) and count as 'no effect detected'."},
    "power_mde_row": {"nl": "{design}: een daling van {drop} of meer wordt met {power}% kans gezien (interval {lo} tot "
                            "{hi}; {method}).",
                      "en": "{design}: a drop of {drop} or more is detected with probability {power}% (interval {lo} "
                            "to {hi}; {method})."},
    "power_mde_none": {"nl": "{design}: zelfs een daling van {drop} wordt niet met {power}% kans gezien.",
                       "en": "{design}: even a drop of {drop} is not detected with probability {power}%."},
    "power_axis_power": {"nl": "Kans om het effect te zien", "en": "Probability of detecting the effect"},
    "power_axis_drop": {"nl": "Echte daling van de verwijzingen (%)", "en": "True drop in referrals (%)"},
    "power_axis_n_units": {"nl": "Aantal scholen", "en": "Number of schools"},
    "power_axis_n_treated": {"nl": "Scholen met de interventie", "en": "Schools with the intervention"},
    "power_axis_n_periods": {"nl": "Aantal perioden", "en": "Number of periods"},
    "power_axis_baseline_rate": {"nl": "Verwijzingen per 1.000 leerlingen per periode",
                                 "en": "Referrals per 1,000 pupils per period"},
    "power_axis_pupils_per_unit": {"nl": "Leerlingen per school", "en": "Pupils per school"},
    "power_axis_between_unit_sd": {"nl": "Spreiding tussen scholen", "en": "Between-school SD"},
    "power_axis_overdispersion": {"nl": "Overdispersie", "en": "Overdispersion"},
    "power_axis_staggered": {"nl": "Startgolven", "en": "Start waves"},
    "power_axis_inference": {"nl": "Inferentie", "en": "Inference"},
    "power_label_n_units": {"nl": "{v} scholen", "en": "{v} schools"},
    "power_label_n_treated": {"nl": "{v} met interventie", "en": "{v} with intervention"},
    "power_label_n_periods": {"nl": "{v} perioden", "en": "{v} periods"},
    "power_label_baseline_rate": {"nl": "{v} verwijzingen per 1.000 leerlingen per periode",
                                  "en": "{v} referrals per 1,000 pupils per period"},
    "power_label_pupils_per_unit": {"nl": "{v} leerlingen per school", "en": "{v} pupils per school"},
    "power_label_between_unit_sd": {"nl": "spreiding tussen scholen {v}", "en": "between-school SD {v}"},
    "power_label_overdispersion": {"nl": "overdispersie {v}", "en": "overdispersion {v}"},
    "power_label_staggered": {"nl": "{v} golf/golven", "en": "{v} wave(s)"},
    "power_label_inference": {"nl": "inference='{v}'", "en": "inference='{v}'"},
    "power_title": {"nl": "Hoogste kans om een daling van {drop} te zien: {power} ({design})",
                    "en": "Highest probability of detecting a drop of {drop}: {power} ({design})"},
    "power_this_design": {"nl": "Deze opzet", "en": "This design"},
    "power_fixed": {"nl": "Opzet: {design}.", "en": "Design: {design}."},
    "power_cli_number": {"nl": "{option} verwacht getallen; '{value}' is geen getal.",
                         "en": "{option} expects numbers; '{value}' is not a number."},
    "power_cli_drop": {"nl": "--daling is een percentage van 0 tot 100 (bv. 20); ontvangen: {value}.",
                       "en": "--daling is a percentage from 0 to 100 (e.g. 20); received: {value}."},
    "power_cli_table": {"nl": "Tabel geschreven: {path}", "en": "Table written: {path}"},
    "power_cli_figure": {"nl": "Figuur {name} geschreven in {folder}/.", "en": "Figure {name} written to {folder}/."},
    "power_missing_columns": {"nl": "Kolom(men) {columns} ontbreken in het panel; aanwezig: {present}.",
                              "en": "Column(s) {columns} missing from the panel; present: {present}."},
    "power_no_baseline": {"nl": "Het panel heeft geen perioden zonder interventie met leerlingen (kolom '{column}' "
                                "groter dan 0): er is geen basisniveau te schatten.",
                          "en": "The panel has no periods without the intervention with pupils (column '{column}' "
                                "above 0): there is no baseline to estimate."},
    "power_col_method": {"nl": "onzekerheid via", "en": "uncertainty from"},
    "power_col_interval": {"nl": "Monte-Carlo-interval (95%)", "en": "Monte Carlo interval (95%)"},
    "power_describe_n_units": {"nl": "scholen", "en": "schools"},
    "power_describe_n_treated": {"nl": "scholen met de interventie", "en": "schools with the intervention"},
    "power_describe_n_periods": {"nl": "perioden", "en": "periods"},
    "power_describe_baseline_rate": {"nl": "verwijzingen per 1.000 leerlingen per periode",
                                     "en": "referrals per 1,000 pupils per period"},
    "power_describe_pupils_per_unit": {"nl": "leerlingen per school (mediaan)", "en": "pupils per school (median)"},
    "power_describe_between_unit_sd": {"nl": "verschillen tussen scholen (sd log-kans)",
                                       "en": "differences between schools (SD of the log rate)"},
    "power_describe_overdispersion": {"nl": "extra toeval per periode (overdispersie)",
                                      "en": "extra variation per period (overdispersion)"},
    "pilot_power_bad": {"nl": "In {file}: [analyses.power] daling moet tussen 0 en 100 liggen en simulaties tussen 10 "
                              "en 100.000; ontvangen: daling = {daling}, simulaties = {simulaties}.",
                        "en": "In {file}: [analyses.power] daling must lie between 0 and 100 and simulaties between 10 "
                              "and 100,000; received: daling = {daling}, simulaties = {simulaties}."},
    "pilot_step_power": {"nl": "onderscheidend vermogen: is de opzet groot genoeg?",
                         "en": "power: is the design large enough?"},
    "pilot_power_title": {"nl": "Is deze opzet groot genoeg?", "en": "Is this design large enough?"},
    "pilot_power_question": {"nl": "Hoe groot is de kans dat een echte daling van {drop}% in verwijzingen met deze "
                                   "scholen en perioden wordt aangetoond, en met twee of vijf keer zoveel scholen?",
                             "en": "How likely is it that a true drop of {drop}% in referrals is shown with these "
                                   "schools and periods, and with two or five times as many schools?"},
    "pilot_power_kf_label": {"nl": "kans om een echte daling van {drop}% aan te tonen met deze opzet",
                             "en": "probability of showing a true drop of {drop}% with this design"},
    "pilot_power_kf_words": {"nl": "simulatie van {n} evaluaties (interval {lo} tot {hi}); gangbaar is minstens 80%",
                             "en": "simulation of {n} evaluations (interval {lo} to {hi}); 80% or more is customary"},
    "pilot_power_note": {"nl": "Onderscheidend vermogen: het aandeel nagespeelde evaluaties (met de kenmerken van deze "
                               "scholen) waarin de analyse de daling aantoont (p ≤ 0,05).",
                         "en": "Power: the share of simulated evaluations (with the features of these schools) in which "
                               "the analysis shows the drop (p ≤ 0.05)."},
    "pilot_power_caveat": {"nl": "Een planning, geen uitkomst: de simulatie neemt aan dat nieuwe scholen lijken op de "
                                 "huidige (verwijzingen, grootte, verschillen) en dat de daling overal even groot is.",
                           "en": "A plan, not a result: the simulation assumes new schools resemble the current ones "
                                 "(referrals, size, differences) and that the drop is the same everywhere."},
    "power_source": {"nl": "simulatie (evaluatie.power)", "en": "simulation (evaluatie.power)"},
    "power_n_studies": {"nl": "gesimuleerde studies per punt", "en": "simulated studies per point"},
    # --- es: event study covariates ---------------------------------------------------------------
    "es_covariates": {"nl": "Gecorrigeerd voor (regressie-aanpassing, waarden in de basisperiode): {names}.",
                      "en": "Adjusted for (regression adjustment, values in the base period): {names}."},
    # --- notebook 04 settings (kleine pilots, doorlooptijden, kosten) ----------------------------------
    "nb_class": {"nl": "kleine groep (klas)", "en": "small group (class)"},
    "nb_procedures": {"nl": "procedures (datum per stap)", "en": "procedures (date per step)"},
    "nb_panel": {"nl": "verwijzingen per school (verhouding na/voor)", "en": "referrals per school (rate ratio)"},
    "nb_skipped": {"nl": "Geen {setting} ingevuld: dit onderdeel wordt overgeslagen (met een eigen bestand worden "
                         "nooit voorbeeldgegevens gebruikt). Vul {setting} in de instellingen in om het te maken.",
                   "en": "{setting} not filled in: this part is skipped (with an own file no example data are ever "
                         "used). Fill in {setting} in the settings to make it."},
    "note_na_empty": {
        "nl": "Kolom '{column}': {n} cel(len) met 'NA' zijn als leeg gelezen (zo schrijven R en Excel een ontbrekende "
              "waarde). Bedoel je het woord 'na' (bv. na de pilot)? Schrijf het dan met kleine letters.",
        "en": "Column '{column}': {n} cell(s) with 'NA' were read as empty (how R and Excel write a missing value). "
              "Did you mean the Dutch word 'na' (after)? Then write it in lower case."},
    # --- audit1416: SDQ norms that are missing ------------------------------------------------------
    "sv_sdq_nl_missing": {
        "nl": "Geen Nederlandse normen meegeleverd voor {scales}: die schalen krijgen bij deze Nederlandse normen "
              "geen band (ook niet stilzwijgend een Britse). Gepubliceerd en meegeleverd zijn alleen: ouders, "
              "totale moeilijkheden 3-14 jaar (norms=\"nl\"); ouders, subschalen 2-11 jaar, alleen een klinische "
              "grens (norms=\"nl2018\"); leerkrachten 4-10 jaar (norms=\"nl\"). Geef andere gepubliceerde "
              "grenzen mee met cutoffs=.",
        "en": "No Dutch norms shipped for {scales}: with these Dutch norms those scales get no band (and no silent "
              "UK one either). Published and shipped are only: parents, total difficulties ages 3-14 "
              "(norms=\"nl\"); parents, subscales ages 2-11, a clinical cut-off only (norms=\"nl2018\"); "
              "teachers ages 4-10 (norms=\"nl\"). Pass other published bands with cutoffs=.",
    },
    "sv_sdq_uk_note": {
        "nl": "Banden volgens de Britse normen (Goodman 1997; sdqinfo.org). Nederlandse normen in dit pakket: "
              "ouders, totale moeilijkheden 3-14 jaar en leerkrachten 4-10 jaar (norms=\"nl\"); ouders, "
              "subschalen 2-11 jaar (norms=\"nl2018\").",
        "en": "Bands by the UK norms (Goodman 1997; sdqinfo.org). Dutch norms in this package: parents, total "
              "difficulties ages 3-14, and teachers ages 4-10 (norms=\"nl\"); parents, subscales ages 2-11 "
              "(norms=\"nl2018\").",
    },
    "sv_sdq_scale_emotional": {"nl": "emotionele problemen", "en": "emotional symptoms"},
    "sv_sdq_scale_conduct": {"nl": "gedragsproblemen", "en": "conduct problems"},
    "sv_sdq_scale_hyperactivity": {"nl": "hyperactiviteit", "en": "hyperactivity"},
    "sv_sdq_scale_peer": {"nl": "problemen met leeftijdgenoten", "en": "peer problems"},
    "sv_sdq_scale_prosocial": {"nl": "prosociaal gedrag", "en": "prosocial behaviour"},
    "sv_sdq_scale_impact": {"nl": "impact", "en": "impact"},
    "sv_sdq_scale_total": {"nl": "totale moeilijkheden", "en": "total difficulties"},
    "iv_one_group": {"nl": "respondent", "en": "respondent"},
    "iv_no_group": {"nl": "groep onbekend", "en": "group unknown"},
    "cbs_note_no_region": {"nl": "Geen kolom met regio's (RegioS, Regio's, WijkenEnBuurten of codes zoals GM0080): de "
                                 "cijfers gelden voor het hele gebied van de tabel (meestal Nederland); region is leeg.",
                           "en": "No region column (RegioS, Regio's, WijkenEnBuurten or codes such as GM0080): the "
                                 "figures are for the table's whole area (usually the Netherlands); region is empty."},
    # --- audit of #13/#15: small groups in process times, missing outcomes, cost inputs by pilot key ----------
    "pilot_dl_small": {"nl": "Doorlooptijden: minder dan {k} casussen, of minder dan {k} binnen of buiten de norm; "
                             "zulke kleine aantallen worden alleen gepubliceerd als '{file}' onder "
                             "[analyses.doorlooptijden] een reden geeft, bv. reden = \"6 thuiszitters; ouders zijn "
                             "geïnformeerd\". De reden komt in verantwoording.md.",
                       "en": "Process times: fewer than {k} cases, or fewer than {k} within or outside the norm; "
                             "such small numbers are only published when '{file}' gives a reason under "
                             "[analyses.doorlooptijden], e.g. reden = \"6 pupils at home; parents were informed\". "
                             "The reason goes into verantwoording.md."},
    "pilot_dl_fig_one_group": {"nl": "Groep '{group}': {share} binnen {days} dagen een passend aanbod",
                               "en": "Group '{group}': {share} with a suitable place within {days} days"},
    "pilot_dl_kf_label_all": {"nl": "{what} binnen {days} dagen", "en": "{what} within {days} days"},
    "pilot_dl_note_unprotected": {"nl": "Aantallen kleiner dan {k} zijn hier niet afgeschermd; de reden staat in "
                                        "verantwoording.md.",
                                  "en": "Counts below {k} are not protected here; the reason is in verantwoording.md."},
    "pilot_dl_left_out": {"nl": "Doorlooptijden: groep {groups} niet apart getoond en niet vergeleken: minder dan {k} "
                                "casussen, of minder dan {k} binnen of buiten de norm.",
                          "en": "Process times: group {groups} not shown separately nor compared: fewer than {k} cases "
                                "(or fewer than {k} ended, still open or within the norm)."},
    "pilot_dl_without_group": {"nl": "Doorlooptijden: casussen zonder groep tellen niet mee in de vergelijking tussen "
                                     "groepen (zie verantwoording.md).",
                               "en": "Process times: cases without a group are left out of the comparison between "
                                     "groups (see verantwoording.md)."},
    "fs_rule_exception": {"nl": "Uitzondering – {section}: aantallen kleiner dan {k} zijn niet afgeschermd (en niet "
                                "afgerond), omdat het pilotbestand dat toestaat met als reden: {reason}",
                          "en": "Exception – {section}: counts below {k} are not protected (nor rounded), because the "
                                "pilot file allows it with the reason: {reason}"},
    "pilot_kp_reason_no_outcome": {"nl": "uitkomst ontbreekt; telt niet mee in het aandeel",
                                   "en": "outcome missing; not counted in the proportion"},
    "pilot_kp_no_outcome": {"nl": "Kleine pilot: geen enkele leerling in '{file}' heeft een uitkomst in kolom '{column}'. "
                                  "Vul per leerling de uitkomst in (bv. regulier onderwijs, nog in SO+-klas).",
                            "en": "Small pilot: no pupil in '{file}' has an outcome in column '{column}'. Give each "
                                  "pupil's outcome (e.g. regular education, still in the SO+ class)."},
    "pilot_kp_reason_not_found": {"nl": "Let op: uitkomst '{value}' (gunstig = ...) komt in kolom '{column}' niet voor, "
                                        "dus k = 0; controleer de spelling. Uitkomsten in het bestand: {values}",
                                  "en": "Note: outcome '{value}' (gunstig = ...) does not occur in column '{column}', so "
                                        "k = 0; check the spelling. Outcomes in the file: {values}"},
    "pilot_kp_caveat_unknown": {"nl": "Kleine pilot: bij {n} leerling(en) ontbreekt de uitkomst; zij tellen niet mee in "
                                      "het aandeel (zie verantwoording.md).",
                                "en": "Small pilot: the outcome is missing for {n} pupil(s); they are not counted in the "
                                      "proportion (see verantwoording.md)."},
    "pilot_kost_bad_input": {"nl": "Pilotbestand '{file}', [analyses.kosten]: {detail}",
                             "en": "Pilot file '{file}', [analyses.kosten]: {detail}"},
    "fs_rows_not_used": {"nl": "Niet alle gegevens zijn gebruikt – {files}. Welke rijen en waarom staat in "
                               "verantwoording.md.",
                         "en": "Not all data were used – {files}. Which rows and why is in verantwoording.md."},
    "fs_rows_not_used_file": {"nl": "{file}: {k} van de {n} rijen niet gebruikt",
                              "en": "{file}: {k} of {n} rows not used"},
    # --- adversary: interview counts (one table behind figure, caption and export) ----------------
    "iv_all_groups": {"nl": "alle geïnterviewden", "en": "all interviewees"},
    "iv_hidden_cells": {"nl": "{marker} = afgeschermd: minder dan {k}, of terug te rekenen uit de totalen.",
                        "en": "{marker} = suppressed: fewer than {k}, or recomputable from the totals."},
    "pilots_km_group_open": {
        "nl": "{group} (n = {n}): mediaan {median} dagen (95%-BI: {lo} dagen of langer; een bovengrens is met deze "
              "gegevens niet te geven); binnen {days} dagen {share} ({slo} tot {shi}).",
        "en": "{group} (n = {n}): median {median} days (95% CI: {lo} days or longer; no upper limit can be given with "
              "these data); within {days} days {share} ({slo} to {shi})."},
    "pilots_km_group_no_ci": {
        "nl": "{group} (n = {n}): mediaan {median} dagen (95%-BI met deze gegevens niet te geven); binnen {days} dagen "
              "{share} ({slo} tot {shi}).",
        "en": "{group} (n = {n}): median {median} days (95% CI cannot be given with these data); within {days} days "
              "{share} ({slo} to {shi})."},
    "pilots_whole_count": {"nl": "een heel getal van 0 of meer", "en": "a whole number of 0 or more"},
    "pilot_kost_n_none": {"nl": "geen telling (rekenmodel met aannames)", "en": "no count (model of assumptions)"},
    "nm_all_but": {"nl": "alle op minder dan {k} na", "en": "all but fewer than {k}"},
    "nm_hidden": {"nl": "een afgeschermd aantal ({marker} in de tabel)", "en": "a suppressed number ({marker} in the table)"},
    # ---- dates helper (branch dates): day/month order, still-open end dates, future dates, Dutch names
    "reason_date_only_mdy": {
        "nl": "datum kan alleen maand-dag-jaar zijn (Amerikaans), de andere datums zijn dag-maand-jaar; "
              "dag en maand omgewisseld? Verbeter de datum (dag eerst)",
        "en": "date only fits month-day-year, the other dates are day-month-year; day and month swapped? "
              "Correct the date (day first)"},
    "reason_date_only_dmy": {
        "nl": "datum kan alleen dag-maand-jaar zijn, de andere datums zijn maand-dag-jaar (Amerikaans); "
              "dag en maand omgewisseld? Verbeter de datum (maand eerst)",
        "en": "date only fits day-month-year, the other dates are month-day-year; day and month swapped? "
              "Correct the date (month first)"},
    "note_dates_only_mdy": {
        "nl": "Kolom '{column}': datums gelezen als dag-maand-jaar (Nederlands); {n} datum(s) passen alleen als "
              "maand-dag-jaar en zijn niet gebruikt: {values} Verbeter die cellen in het bestand.",
        "en": "Column '{column}': dates read as day-month-year; {n} date(s) only fit month-day-year and were not "
              "used: {values} Correct those cells in the file."},
    "note_dates_only_dmy": {
        "nl": "Kolom '{column}': {n} datum(s) passen alleen als dag-maand-jaar terwijl de andere datums "
              "maand-dag-jaar zijn, en zijn niet gebruikt: {values} Verbeter die cellen in het bestand.",
        "en": "Column '{column}': {n} date(s) only fit day-month-year while the other dates are month-day-year, "
              "and were not used: {values} Correct those cells in the file."},
    "note_end_still_open": {
        "nl": "Kolom '{column}': {n} cel(len) met {words} gelezen als leeg: de casus loopt nog (telt mee als open "
              "tot de peildatum). Laat de cel gewoon leeg zolang een leerling wacht.",
        "en": "Column '{column}': {n} cell(s) with {words} read as empty: the case is still open (counted as open "
              "up to the reference date). Simply leave the cell empty while a pupil is waiting."},
    "note_date_still_open": {
        "nl": "Kolom '{column}': {n} cel(len) met {words} gelezen als leeg (nog geen datum).",
        "en": "Column '{column}': {n} cell(s) with {words} read as empty (no date yet)."},
    "reason_end_still_open": {"nl": "gelezen als leeg: de casus loopt nog (open tot de peildatum)",
                              "en": "read as empty: the case is still open (up to the reference date)"},
    "reason_date_still_open": {"nl": "gelezen als leeg (nog geen datum)", "en": "read as empty (no date yet)"},
    "reason_date_future": {"nl": "datum ligt in de toekomst (na vandaag, {today}); tikfout? De rij telt mee",
                           "en": "date is in the future (after today, {today}); a typo? The row is used"},
    "allowed_also": {"nl": "{values} (ook {more})", "en": "{values} (also {more})"},
    "enrolment_missing_columns": {
        "nl": "De tabel met leerlingaantallen mist kolom(men) {missing}. Aanwezig: {present}.",
        "en": "The table of pupil numbers is missing column(s) {missing}. Present: {present}."},
    "missing_column_file": {"nl": "{header} (of: {names})", "en": "{header} (or: {names})"},
    "missing_column_frame": {"nl": "'{name}' (in een bestand: {header}, of: {names})",
                             "en": "'{name}' (in a file: {header}, or: {names})"},
    "missing_columns_file": {
        "nl": "Het bestand {file} mist kolom(men) {missing}. Aanwezig: {present}. Geef de kolom in het bestand een "
              "van die namen.",
        "en": "File {file} is missing column(s) {missing}. Present: {present}. Give the column in the file one of "
              "those names."},
    # --- survey helper (new-user findings 4b/5): SDQ labels, waves, headers, reliability ------------
    "sv_sdq_impact_range": {"nl": "SDQ-impactvraag '{item}' heeft een antwoord buiten 0-3 (helemaal niet / een "
                                  "beetje / behoorlijk / heel erg).",
                            "en": "SDQ impact item '{item}' has an answer outside 0-3 (not at all / only a little / "
                                  "quite a lot / a great deal)."},
    "sv_sdq_cell": {"nl": "Rij {row}: '{value}'. Gebruik de antwoorden van het formulier of de getallen; een lege "
                          "cel telt als niet beantwoord.",
                    "en": "Row {row}: '{value}'. Use the form's answers or the numbers; an empty cell counts as "
                          "not answered."},
    "sv_compare_scores": {"nl": "compare verwacht een tabel met scores (DataFrame: één rij per respondent × meting), "
                                "niet {type}. Maak die eerst met ev.survey.scale_scores(vragenlijst), of geef het "
                                "resultaat van ev.survey.prepare.",
                          "en": "compare expects a table of scores (DataFrame: one row per respondent × wave), not "
                                "{type}. Make it first with ev.survey.scale_scores(survey), or pass the result of "
                                "ev.survey.prepare."},
    "sv_item_by_text": {"nl": "Kolom '{column}' is vraag {item} uit het codeboek (zelfde vraagtekst of code).",
                        "en": "Column '{column}' is item {item} of the codebook (same question text or code)."},
    "sv_unit_is_item": {"nl": "Kolom '{column}' is vraag {item} uit het codeboek, geen schoolkolom: als vraag "
                              "geanalyseerd; de opmerkingen over deze kolom als school vervallen.",
                        "en": "Column '{column}' is item {item} of the codebook, not a school column: analysed as an "
                              "item; the remarks on this column as a school are withdrawn."},
    "sv_label_change": {"nl": "'{old}' → {new} ({n} rij(en): {rows})", "en": "'{old}' → {new} ({n} row(s): {rows})"},
    "sv_wave_harmonized": {"nl": "Kolom '{column}': schrijfwijzen van hetzelfde meetmoment samengenomen: {changes}.",
                           "en": "Column '{column}': spellings of the same wave merged: {changes}."},
    "sv_group_harmonized": {"nl": "Kolom '{column}': groepen die alleen in hoofdletters of spaties verschillen "
                                  "samengenomen: {changes}.",
                            "en": "Column '{column}': groups differing only in case or spaces merged: {changes}."},
    "sv_many_waves": {"nl": "Kolom '{column}' heeft {n} verschillende meetmomenten: {waves}. Een voor/na-vergelijking "
                            "vraagt er 2; zijn het dezelfde metingen, schrijf ze dan in het bestand op dezelfde manier "
                            "(bv. voor / na).",
                      "en": "Column '{column}' has {n} different waves: {waves}. A before/after comparison needs 2; if "
                            "they are the same waves, write them the same way in the file (e.g. voor / na)."},
    "sv_alpha_n_resp": {"nl": "{n} respondenten", "en": "{n} respondents"},
    "sv_alpha_n_rows": {"nl": "{n} antwoorden (respondent × meting) van {r} respondenten",
                        "en": "{n} answers (respondent × wave) from {r} respondents"},
    "sv_rel_constructs": {"nl": "Het codeboek noemt {constructs}: één alfa over de vragen van verschillende schalen "
                                "zegt niets. Kies er één, bv. reliability(vragenlijst, construct=\"{first}\"), of geef "
                                "de vragen op met items=[...].",
                          "en": "The codebook names {constructs}: one alpha over the items of different scales means "
                                "nothing. Choose one, e.g. reliability(survey, construct=\"{first}\"), or pass the "
                                "items with items=[...]."},
    "pilot_col_answers_waves": {"nl": "antwoorden (respondent × meting)", "en": "answers (respondent × wave)"},
    "sv_omega_unreliable": {"nl": "{omega}, maar niet betrouwbaar te schatten (het factormodel convergeerde niet)",
                            "en": "{omega}, but it could not be estimated reliably (the factor model did not converge)"},
    # --- agencies: cells naming several agencies, placeholder words (new-user test, issue 12) -----------
    "ag_split": {"nl": "cel noemt {n} instanties ({parts}); geteld als {n} rijen, één per instantie",
                 "en": "cell names {n} agencies ({parts}); counted as {n} rows, one per agency"},
    "ag_split_type": {"nl": "; de soort '{type}' is niet overgenomen (onduidelijk bij welke instantie hij hoort)",
                      "en": "; the type '{type}' was not copied (unclear which agency it belongs to)"},
    "ag_maybe_several": {"nl": "cel noemt misschien meer instanties, maar {unknown} staat nergens los in het bestand; "
                               "niet gesplitst. Zet elke instantie op een eigen rij, of laat de cel zo als het één "
                               "instantie is",
                         "en": "cell may name several agencies, but {unknown} appears nowhere on its own in the file; "
                               "not split. Put each agency on its own row, or leave the cell if it is one agency"},
    "ag_split_note": {"nl": "{cells} cel(len) met meer instanties gesplitst (één rij per instantie): de tabel heeft "
                            "{rows} rijen uit {used} rijen van het bestand.",
                      "en": "{cells} cell(s) naming several agencies split (one row per agency): the table has {rows} "
                            "rows from {used} rows of the file."},
    "nm_found_few_files": {"nl": "De school had te maken met {agencies} verschillende {word}; er zijn minder dan {k} "
                                 "dossiers gelezen.",
                           "en": "The school dealt with {agencies} different {word}; fewer than {k} files were read."},
    "nm_two_none": {"nl": "Geen enkele leerling had twee of meer instanties.", "en": "No pupil had two or more agencies."},
    "nm_two_count": {"nl": "{two} leerlingen hadden twee of meer instanties.", "en": "{two} pupils had two or more agencies."},
    "nm_tail_all": {"nl": "Alle {total} instanties waren elk bij minder dan {k} leerlingen betrokken.",
                    "en": "All {total} agencies were each involved with fewer than {k} pupils."},
    "nm_tail_both": {"nl": "Beide instanties waren elk bij minder dan {k} leerlingen betrokken.",
                     "en": "Both agencies were each involved with fewer than {k} pupils."},
    "nm_tail_one": {"nl": "Die ene instantie was bij minder dan {k} leerlingen betrokken.",
                    "en": "That one agency was involved with fewer than {k} pupils."},
    "ag_relative": {"nl": "een persoon uit het netwerk van de leerling (familie, buren), geen instantie; geteld als "
                          "lege cel en de naam wordt nergens getoond",
                    "en": "a person in the pupil's own network (family, neighbours), not an agency; counted as an "
                          "empty cell and the name is shown nowhere"},
    "ag_placeholder": {"nl": "'{value}' betekent: geen instantie; geteld als lege cel (leerling zonder instantie)",
                       "en": "'{value}' means: no agency; counted as an empty cell (pupil without an agency)"},
    "demo_start": {"nl": "De voorbeeldanalyse draait: alle notebooks en de factsheet van de voorbeeldpilot, op synthetische "
                         "data (een paar minuten)...",
                   "en": "The example analysis runs: every notebook and the example pilot's factsheet, on synthetic data "
                         "(a few minutes)..."},
    "demo_notebooks_done": {"nl": "{n} notebooks uitgevoerd; nu de factsheet...", "en": "{n} notebooks run; now the factsheet..."},
    "demo_done": {"nl": "\nKlaar. Dit is gemaakt:", "en": "\nDone. This was made:"},
    "demo_figures": {"nl": "  figuren:        {folder}/ ({n} figuren, elk als PNG, SVG en PDF, met een beschrijving in .txt)",
                     "en": "  figures:        {folder}/ ({n} figures, each as PNG, SVG and PDF, with a description in .txt)"},
    "demo_factsheet": {"nl": "  factsheet:      {path} (ook als {also})", "en": "  factsheet:      {path} (also as {also})"},
    "demo_tables": {"nl": "  tabellen:       {path}\n  verantwoording: {note}",
                    "en": "  tables:         {path}\n  method note:    {note}"},
    "demo_no_pdf": {"nl": "  (geen factsheet.pdf: Chromium ontbreekt; installeer het met 'apt-get install chromium')",
                    "en": "  (no factsheet.pdf: Chromium is missing; install it with 'apt-get install chromium')"},
    "demo_next": {"nl": "Verder: open de notebooks met 'make notebook' en begin bij 00_start_hier.ipynb.",
                  "en": "Next: open the notebooks with 'make notebook' and start with 00_start_hier.ipynb."},
    # pupil numbers per school from a column of the dossier file (issue #12)
    "pupils_column_missing": {
        "nl": "De kolom '{column}' met het aantal leerlingen per school staat niet in het bestand. Schrijf de kolomnaam "
              "zoals in je bestand; kolommen in het bestand: {columns}.",
        "en": "The column '{column}' with the number of pupils per school is not in the file. Spell the header as in "
              "your file; columns in the file: {columns}."},
    "pupils_column_not_count": {
        "nl": "Kolom '{column}', rij {row} ({school}): '{value}' is geen aantal leerlingen (een geheel getal van "
              "minstens 1).",
        "en": "Column '{column}', row {row} ({school}): '{value}' is not a number of pupils (a whole number of at "
              "least 1)."},
    "pupils_column_conflict": {
        "nl": "Kolom '{column}' geeft voor '{school}' verschillende aantallen leerlingen: {values}. Per school hoort er "
              "één totaal te staan; verbeter het bestand.",
        "en": "Column '{column}' gives different numbers of pupils for '{school}': {values}. Each school needs one "
              "total; correct the file."},
    "pupils_column_empty": {
        "nl": "Kolom '{column}' is leeg bij {schools}: daar geen schatting voor alle dossiers (alsof alle dossiers "
              "gelezen zijn).",
        "en": "Column '{column}' is empty for {schools}: no estimate for all files there (as if every file was read)."},
    "pupils_column_used": {"nl": "Totaal aantal leerlingen per school uit kolom '{column}': {values}.",
                           "en": "Total number of pupils per school from column '{column}': {values}."},
    "pupils_two_ways": {
        "nl": "Geef het aantal leerlingen op één manier: --leerlingen \"School=aantal,...\" óf --leerlingen-kolom "
              "KOLOM, niet allebei.",
        "en": "Give the number of pupils one way: --leerlingen \"School=number,...\" or --leerlingen-kolom COLUMN, "
              "not both."},
    "nb_pupils_column": {"nl": "uit kolom '{column}'", "en": "from column '{column}'"},
    # --- exported effect tables in words and units (new-user test of tabellen.xlsx) ---
    "pilot_col_rel_time_q": {"nl": "kwartalen sinds de start", "en": "quarters since the start"},
    "pilot_col_rel_time_m": {"nl": "maanden sinds de start", "en": "months since the start"},
    "pilot_col_cohorts": {"nl": "startgroepen (aantal)", "en": "start groups (number)"},
    "pilot_col_difference_rate": {"nl": "verschil (verwijzingen per 1.000 leerlingen)",
                                  "en": "difference (referrals per 1,000 pupils)"},
    "pilot_col_difference_count": {"nl": "verschil (verwijzingen)", "en": "difference (referrals)"},
    "pilot_col_part": {"nl": "onderdeel", "en": "part"},
    "pilot_col_unit": {"nl": "eenheid", "en": "unit"},
    "pilot_es_note_linear": {"nl": "Effect per periode ten opzichte van de start (event study, Callaway & Sant'Anna) "
                                   "met 95%-betrouwbaarheidsinterval, als verschil (lineair model). Periode 0 is de "
                                   "eerste periode met jeugdondersteuner; negatieve perioden liggen vóór de start.",
                             "en": "Effect by period relative to the start (event study, Callaway & Sant'Anna) with "
                                   "95% confidence interval, as a difference (linear model). Period 0 is the first "
                                   "period with a youth worker; negative periods are before the start."},
    "pilot_its_note_linear": {"nl": "Onderbroken tijdreeks (gesegmenteerde regressie, lineair model) met "
                                    "95%-betrouwbaarheidsinterval; elke regel met zijn eenheid.",
                              "en": "Interrupted time series (segmented regression, linear model) with 95% confidence "
                                    "interval; each row with its unit."},
    "pilot_its_term_const": {"nl": "niveau vóór de start (begin van de reeks, zonder seizoen)",
                             "en": "level before the start (beginning of the series, without season)"},
    "pilot_its_term_time": {"nl": "trend vóór de start", "en": "trend before the start"},
    "pilot_its_term_level": {"nl": "sprong bij de start", "en": "jump at the start"},
    "pilot_its_term_slope": {"nl": "verandering van de trend na de start", "en": "change of the trend after the start"},
    "pilot_its_term_season": {"nl": "seizoen: {wave} ({part})", "en": "season: {wave} ({part})"},
    "pilot_its_wave_1": {"nl": "jaarlijkse golf", "en": "yearly wave"},
    "pilot_its_wave_2": {"nl": "halfjaarlijkse golf", "en": "half-yearly wave"},
    "pilot_its_wave_3": {"nl": "golf {k}", "en": "wave {k}"},
    "pilot_its_part_sin": {"nl": "sinusdeel", "en": "sine part"},
    "pilot_its_part_cos": {"nl": "cosinusdeel", "en": "cosine part"},
    # what n counts in a figure footer ("n = 180 bereikte leerlingen")
    "pilot_n_files": {"nl": "leerlingen (gelezen dossiers)", "en": "pupils (files read)"},
    "pilot_n_schools": {"nl": "scholen", "en": "schools"},
    "pilot_n_months": {"nl": "maanden", "en": "months"},
    "pilot_n_weeks": {"nl": "weken", "en": "weeks"},
    "pilot_n_periods": {"nl": "perioden", "en": "periods"},
    "pilot_n_respondents": {"nl": "respondenten", "en": "respondents"},
    "pilot_n_interviewed": {"nl": "geïnterviewden", "en": "people interviewed"},
    "pilot_n_pupils": {"nl": "leerlingen", "en": "pupils"},
    "pilot_n_cases": {"nl": "casussen", "en": "cases"},
    "pilot_n_reached": {"nl": "bereikte leerlingen", "en": "pupils reached"},
    "pilot_col_alpha": {"nl": "Cronbachs alfa (0–1)", "en": "Cronbach's alpha (0–1)"},
    "pilot_col_alpha_lower": {"nl": "alfa: ondergrens 95%-BI", "en": "alpha: lower 95% CI"},
    "pilot_col_alpha_upper": {"nl": "alfa: bovengrens 95%-BI", "en": "alpha: upper 95% CI"},
    "pilot_col_omega": {"nl": "McDonalds omega (0–1)", "en": "McDonald's omega (0–1)"},
    "pilot_col_lower_days": {"nl": "ondergrens 95%-BI (dagen)", "en": "lower 95% CI (days)"},
    "pilot_col_upper_days": {"nl": "bovengrens 95%-BI (dagen)", "en": "upper 95% CI (days)"},
    "pilots_source_did": {"nl": "verschil-in-verschillen", "en": "difference-in-differences"},
    "pilots_source_es": {"nl": "effect per startmoment", "en": "effect by start date"},
    "pilots_source_other": {"nl": "geschatte verhouding met interval", "en": "estimated ratio with interval"},
    "pilot_its_unit_per": {"nl": "% per {per}", "en": "% per {per}"},
    "pilot_its_unit_jump": {"nl": "% verandering", "en": "% change"},
    "pilot_its_unit_season": {"nl": "% t.o.v. gemiddelde (top van de golf)", "en": "% vs. average (top of the wave)"},
    "pilot_its_unit_level_rate": {"nl": "verwijzingen per 1.000 leerlingen per {per}",
                                  "en": "referrals per 1,000 pupils per {per}"},
    "pilot_its_unit_level_count": {"nl": "verwijzingen per {per}", "en": "referrals per {per}"},
    "pilot_its_unit_linear_rate": {"nl": "verwijzingen per 1.000 leerlingen (verschil of niveau)",
                                   "en": "referrals per 1,000 pupils (difference or level)"},
    "pilot_its_unit_linear_count": {"nl": "verwijzingen (verschil of niveau)", "en": "referrals (difference or level)"},
    # --- sdq: Dutch teacher norms, parent subscale norms, self-report without Dutch norms -----------
    "sv_sdq_norm_nl_leerkracht": {"nl": "NL-normen leerkrachten (Van den Heuvel e.a. 2017)",
                                  "en": "Dutch teacher norms (van den Heuvel et al. 2017)"},
    "sv_sdq_norm_nl2018": {"nl": "NL-normen ouders, klinische grens (Maurice-Stam e.a. 2018)",
                           "en": "Dutch parent norms, clinical cut-off (Maurice-Stam et al. 2018)"},
    "sv_sdq_norm_uk_zelf": {"nl": "UK-normen (Goodman 1997): geen NL-normen voor zelfrapportage meegeleverd",
                            "en": "UK norms (Goodman 1997): no Dutch self-report norms shipped"},
    "sv_sdq_nl_zelf": {
        "nl": "Let op: voor de zelfrapportageversie zitten geen Nederlandse grenzen in dit pakket. De banden zijn "
              "daarom die van de Britse normen (Goodman 1997), ook bij norms=\"nl\". Nederlandse normen per "
              "leeftijdsjaar (12-17 jaar) staan in Vugteveen e.a. 2022 (doi:10.1186/s13034-021-00437-8); geef "
              "hun gezamenlijke grenzen (jongens en meisjes samen) per leeftijdsjaar mee met cutoffs= om ze te "
              "gebruiken, of hun grenzen per geslacht met een kolom gender in die tabel en gender= (de kolom met het "
              "geslacht).",
        "en": "Note: this package holds no Dutch cut-offs for the self-report form, so the bands are those of the "
              "UK norms (Goodman 1997), also with norms=\"nl\". Dutch norms per year of age (12-17) are in "
              "Vugteveen et al. 2022 (doi:10.1186/s13034-021-00437-8); pass their joint bands (boys and girls "
              "together) per year of age with cutoffs= to use them, or their gender-specific bands with a column gender in "
              "that table and gender= (the column with the respondent's gender).",
    },
    "sv_sdq_nl2018_note": {
        "nl": "Maurice-Stam e.a. (2018) geven één klinische grens per schaal en geen grensgebied: de banden zijn "
              "'normaal' of 'verhoogd'. Meegeleverd voor 2-11 jaar; voor 2-5 jaar ontbreken enkele schalen "
              "(te lage betrouwbaarheid), voor 12 jaar en ouder zijn de grenzen niet opgenomen.",
        "en": "Maurice-Stam et al. (2018) give one clinical cut-off per scale and no borderline band: the bands are "
              "'normal' or 'abnormal'. Shipped for ages 2-11; at ages 2-5 some scales have none (reliability too "
              "low), and the cut-offs for ages 12 and over are not included.",
    },
    "sv_sdq_nl2018_version": {
        "nl": "norms=\"nl2018\" (Maurice-Stam e.a. 2018) geldt alleen voor de oudervragenlijst, niet voor versie "
              "'{version}'. Gebruik norms=\"nl\" (leerkrachten: Van den Heuvel e.a. 2017) of norms=\"uk\".",
        "en": "norms=\"nl2018\" (Maurice-Stam et al. 2018) is for the parent form only, not for version "
              "'{version}'. Use norms=\"nl\" (teachers: van den Heuvel et al. 2017) or norms=\"uk\".",
    },
    "sv_sdq_overall_range": {
        "nl": "SDQ-vraag '{item}' (moeilijkheden in het algemeen) heeft een antwoord buiten 0-3 (nee / ja, kleine / "
              "ja, duidelijke / ja, ernstige moeilijkheden).",
        "en": "SDQ item '{item}' (difficulties overall) has an answer outside 0-3 (no / yes, minor / yes, definite / "
              "yes, severe difficulties).",
    },
    # --- CBS StatLine exports with the periods across the columns (wide), Excel, region names (#16) ----------
    "cbs_wide_period": {"nl": "Bestand '{file}', regel {row}, kolom {column}: '{value}' is geen CBS-periode; in de "
                              "periodekop verwacht bv. 2023, 2023*, 2023 1e halfjaar, 2023 3e kwartaal, 2023 oktober "
                              "of een code als 2023KW03. Herstel de kop of download de tabel opnieuw van StatLine.",
                        "en": "File '{file}', line {row}, column {column}: '{value}' is not a CBS period; the period "
                              "header expects e.g. 2023, 2023*, 2023 1e halfjaar, 2023 3e kwartaal, 2023 oktober or a "
                              "code such as 2023KW03. Fix the header or download the table again from StatLine."},
    "cbs_wide_duplicate": {"nl": "Bestand '{file}', regel {row}: periode '{value}' staat twee keer in de kop voor "
                                 "hetzelfde onderwerp (kolom {first} en kolom {second}); welke cijfers gelden is niet "
                                 "te zeggen. Verwijder een van beide kolommen.",
                           "en": "File '{file}', line {row}: period '{value}' occurs twice in the header for the same "
                                 "topic (column {first} and column {second}); which figures hold cannot be told. "
                                 "Remove one of the two columns."},
    "cbs_value_text": {"nl": "Bestand '{file}', regel {row}, kolom {column} ({header}): '{value}' is geen getal en "
                             "geen CBS-symbool (. = onbekend, x = geheim, - = nihil, leeg = niet van toepassing). "
                             "Herstel de cel of download de tabel opnieuw.",
                       "en": "File '{file}', line {row}, column {column} ({header}): '{value}' is neither a number "
                             "nor a CBS symbol (. = unknown, x = secret, - = nil, empty = not applicable). Fix the "
                             "cell or download the table again."},
    "cbs_reason_no_label": {"nl": "regel met cijfers maar zonder regio of naam in de eerste kolom(men)",
                            "en": "line with figures but no region or name in the first column(s)"},
    "cbs_note_wide": {"nl": "Perioden in de kolommen (breed bestand, zoals StatLine een tabel downloadt): {columns} "
                            "kolommen met {periods} perioden en {rows} regels omgezet naar één rij per regio × "
                            "periode × onderwerp.",
                      "en": "Periods across the columns (a wide file, as StatLine downloads a table): {columns} "
                            "columns with {periods} periods and {rows} lines turned into one row per region × "
                            "period × topic."},
    "cbs_note_region_names": {"nl": "Regio's staan als naam in het bestand, zonder CBS-code (zoals GM0080): region "
                                    "is de naam. Geef regions= (naam → code, of de lijst RegioS van de OData-tabel "
                                    "met Key en Title) om codes te krijgen.",
                              "en": "Regions are names in the file, without a CBS code (such as GM0080): region is "
                                    "the name. Give regions= (name → code, or the RegioS list of the OData table "
                                    "with Key and Title) to get codes."},
    "cbs_note_region_mapped": {"nl": "Regionamen omgezet naar CBS-codes met de opgegeven lijst ({n} regio's).",
                               "en": "Region names turned into CBS codes with the list given ({n} regions)."},
    "cbs_note_region_unmapped": {"nl": "Geen CBS-code in de opgegeven lijst voor {n} regionaam/-namen: {names}; de "
                                       "naam is gehouden.",
                                 "en": "No CBS code in the list given for {n} region name(s): {names}; the name "
                                       "is kept."},
    "cbs_bad_regions": {"nl": "regions= moet een dict naam → CBS-code zijn (bv. {{'Leeuwarden': 'GM0080'}}) of de "
                              "lijst RegioS van de OData-tabel met Key en Title (cbsodata.get_meta(tabel, 'RegioS')); "
                              "ontvangen: {type}.",
                        "en": "regions= must be a dict name → CBS code (e.g. {{'Leeuwarden': 'GM0080'}}) or the RegioS "
                              "list of the OData table with Key and Title (cbsodata.get_meta(table, 'RegioS')); "
                              "received: {type}."},
    # ---- secties: process steps and financing in the pilot report, hours above a full-time week (#15) ----------
    "pilots_cost_above_fte": {
        "nl": "Let op: {hours} uur per week is meer dan een voltijdbaan ({fte} uur). Dat kan (bv. twee mensen samen), "
              "maar vaak is het een aantal uren per maand of per jaar; reken dat dan om naar uren per week.",
        "en": "Note: {hours} hours per week is more than a full-time job ({fte} hours). That is possible (e.g. two "
              "people together), but often it is a number of hours per month or per year; then convert it to hours "
              "per week."},
    "pilot_type_list": {"nl": "een lijst tussen rechte haken (bv. [\"Aanmelddatum\", \"Datum indicatie\"])",
                        "en": "a list in square brackets (e.g. [\"Aanmelddatum\", \"Datum indicatie\"])"},
    "pilot_step_stappen": {"nl": "stappen in de procedure en waar de tijd zit",
                           "en": "steps of the procedure and where the time goes"},
    "pilot_st_title": {"nl": "Stappen in de procedure", "en": "Steps of the procedure"},
    "pilot_st_question": {"nl": "Hoe lang duurt elke stap van {first} tot {last}, en waar zit de tijd?",
                          "en": "How long does each step from {first} to {last} take, and where does the time go?"},
    "pilot_st_all": {"nl": "alle casussen", "en": "all cases"},
    "pilot_st_no_column": {
        "nl": "Pilotbestand '{file}', [analyses.stappen] {option}: kolom '{column}' staat niet in '{data}'. Kolommen in "
              "het bestand: {columns}.",
        "en": "Pilot file '{file}', [analyses.stappen] {option}: column '{column}' is not in '{data}'. Columns in the "
              "file: {columns}."},
    "pilot_st_too_few": {
        "nl": "Pilotbestand '{file}', [analyses.stappen] datums: geef minstens twee verschillende datumkolommen in de "
              "volgorde van de procedure, bv. datums = [\"Aanmelddatum\", \"Datum indicatie\", \"Start hulp\"] "
              "(gevonden: {found}).",
        "en": "Pilot file '{file}', [analyses.stappen] datums: give at least two different date columns in process "
              "order, e.g. datums = [\"Aanmelddatum\", \"Datum indicatie\", \"Start hulp\"] (found: {found})."},
    "pilot_st_names": {
        "nl": "Pilotbestand '{file}', [analyses.stappen] namen: geef evenveel namen als datums ({n}), kreeg: {names}.",
        "en": "Pilot file '{file}', [analyses.stappen] namen: give as many names as dates ({n}), got: {names}."},
    "pilot_st_not_text": {
        "nl": "Pilotbestand '{file}', [analyses.stappen] {option}: elke waarde moet een tekst tussen aanhalingstekens "
              "zijn, niet {value!r}.",
        "en": "Pilot file '{file}', [analyses.stappen] {option}: every value must be a text in quotes, not {value!r}."},
    "pilot_st_small": {
        "nl": "Stappen: minder dan {k} casussen, of minder dan {k} die alle stappen doorliepen; zulke kleine "
              "aantallen worden alleen gepubliceerd als '{file}' onder [analyses.stappen] een reden geeft, bv. "
              "reden = \"8 aanmeldingen; ouders zijn geïnformeerd\". De reden komt in verantwoording.md.",
        "en": "Steps: fewer than {k} cases, or fewer than {k} that went through every step; such small numbers "
              "are only published when '{file}' gives a reason under [analyses.stappen], e.g. reden = \"8 "
              "registrations; parents were informed\". The reason goes into verantwoording.md."},
    "pilot_st_left_out": {
        "nl": "Stappen: groep {groups} niet apart getoond en niet vergeleken: minder dan {k} casussen, of minder dan {k} "
              "die alle stappen doorliepen.",
        "en": "Steps: group {groups} not shown separately nor compared: fewer than {k} cases, or fewer than {k} that "
              "went through every step."},
    "pilot_st_without_group": {"nl": "Stappen: casussen zonder groep tellen niet mee in de vergelijking tussen groepen "
                                     "(zie verantwoording.md).",
                               "en": "Steps: cases without a group are left out of the comparison between groups (see "
                                     "verantwoording.md)."},
    "pilot_st_ci": {"nl": "{median} dagen (95%-BI {lo} tot {hi})", "en": "{median} days (95% CI {lo} to {hi})"},
    "pilot_st_ci_open": {"nl": "{median} dagen (95%-BI {lo} dagen of langer)",
                         "en": "{median} days (95% CI {lo} days or longer)"},
    "pilot_st_ci_none": {"nl": "{median} dagen (95%-BI met deze gegevens niet te geven)",
                         "en": "{median} days (95% CI cannot be given with these data)"},
    "pilot_st_no_median": {"nl": "nog niet te schatten (minder dan de helft afgerond)",
                           "en": "not yet estimable (fewer than half completed)"},
    "pilot_st_group_line": {"nl": "{group}mediaan per stap: {steps}; hele route {total}.",
                            "en": "{group}median per step: {steps}; whole route {total}."},
    "pilot_st_group": {"nl": "Groep '{group}': ", "en": "Group '{group}': "},
    "pilot_st_most_sure": {
        "nl": "De meeste tijd zit in '{step}' (gemiddeld {share} van de totale tijd bij de casussen die alle stappen "
              "doorliepen); die stap duurt duidelijk langer dan de andere (de 95%-intervallen overlappen niet).",
        "en": "Most of the time goes to '{step}' (on average {share} of the total time for the cases that went through "
              "every step); that step clearly takes longer than the others (the 95% intervals do not overlap)."},
    "pilot_st_most_unsure": {
        "nl": "De meeste tijd lijkt in '{step}' te zitten (gemiddeld {share} van de totale tijd bij de casussen die "
              "alle stappen doorliepen), maar het verschil met '{other}' is niet zeker (de 95%-intervallen "
              "overlappen).",
        "en": "Most of the time seems to go to '{step}' (on average {share} of the total time for the cases that went "
              "through every step), but the difference with '{other}' is not certain (the 95% intervals overlap)."},
    "pilot_st_fig_step_sure": {"nl": "De meeste tijd zit in '{step}'", "en": "Most of the time goes to '{step}'"},
    "pilot_st_fig_step_unsure": {"nl": "Hele route: mediaan {days} dagen; welke stap de meeste tijd kost is nog niet zeker",
                                 "en": "Whole route: median {days} days; which step takes most time is not yet certain"},
    "pilot_st_fig_sure_down": {"nl": "Hele route bij '{b}' korter dan bij '{a}': mediaan {mb} tegen {ma} dagen",
                               "en": "Whole route shorter with '{b}' than with '{a}': median {mb} against {ma} days"},
    "pilot_st_fig_sure_up": {"nl": "Hele route bij '{b}' langer dan bij '{a}': mediaan {mb} tegen {ma} dagen",
                             "en": "Whole route longer with '{b}' than with '{a}': median {mb} against {ma} days"},
    "pilot_st_fig_unsure": {"nl": "Hele route: mediaan {mb} dagen ('{b}') tegen {ma} ('{a}'); verschil nog niet zeker",
                            "en": "Whole route: median {mb} days ('{b}') against {ma} ('{a}'); difference not yet certain"},
    "pilot_st_kf_label": {"nl": "mediaan van {first} tot {last}{group}", "en": "median from {first} to {last}{group}"},
    "pilot_st_kf_group": {"nl": ", groep '{group}'", "en": ", group '{group}'"},
    "pilot_st_kf_words": {"nl": "95%-interval {lo} tot {hi} dagen, {n} casussen; nog lopende casussen tellen mee tot de "
                                "peildatum.",
                          "en": "95% interval {lo} to {hi} days, {n} cases; open cases count up to the reference date."},
    "pilot_st_methods": {
        "nl": "Werkwijze: per groep en stap de mediane duur met Kaplan-Meier; casussen die nog in een stap zitten tellen "
              "mee tot de peildatum ({ref}). Waar de tijd zit: gemiddelde dagen per stap bij de casussen die alle "
              "stappen doorliepen (gemiddelden tellen op, medianen niet). Een stap kost 'duidelijk' de meeste tijd als "
              "het 95%-interval van zijn mediaan boven dat van elke andere stap ligt. Groepen: log-rank-toets over de "
              "hele route. Aantallen per stap staan in tabellen.xlsx (kleine aantallen afgeschermd).",
        "en": "Method: per group and step the median duration with Kaplan-Meier; cases still in a step count up to the "
              "reference date ({ref}). Where the time goes: mean days per step among cases that went through every "
              "step (means add up, medians do not). A step 'clearly' takes most time when the 95% interval of its "
              "median lies above that of every other step. Groups: log-rank test over the whole route. Counts per step "
              "are in tabellen.xlsx (small counts suppressed)."},
    "pilot_st_days": {"nl": "{n} dagen", "en": "{n} days"},
    "pilot_st_note": {
        "nl": "Per groep en stap: afgerond en nog bezig (op de peildatum), mediane duur in dagen (Kaplan-Meier, nog "
              "lopende casussen meegeteld) met 95%-interval, en het gemiddelde en het deel van de totale tijd bij de "
              "casussen die alle stappen doorliepen. Leeg: niet te schatten.",
        "en": "Per group and step: completed and still waiting (at the reference date), median duration in days "
              "(Kaplan-Meier, open cases included) with 95% interval, and the mean and the share of the total time "
              "among cases that went through every step. Empty: not estimable."},
    "pilot_st_caveat": {
        "nl": "Stappen: de tijd per stap hangt af van welke datum als aanmelding, indicatie of start telt; vergelijk "
              "alleen gelijk geregistreerde groepen. Gemiddelden per stap tellen alleen afgeronde routes.",
        "en": "Steps: the time per step depends on which date counts as registration, indication or start; compare "
              "only groups registered the same way. Means per step only count completed routes."},
    "pilot_col_step": {"nl": "stap", "en": "step"},
    "pilot_col_waiting": {"nl": "nog bezig", "en": "still waiting"},
    "pilot_col_mean_complete": {"nl": "gemiddeld bij afgeronde routes (dagen)", "en": "mean, completed routes (days)"},
    "pilot_col_share_total": {"nl": "deel van de totale tijd (%)", "en": "share of the total time (%)"},
    "pilot_kost_fin_need": {
        "nl": "Pilotbestand '{file}', [analyses.kosten]: voor collectief tegenover individueel financieren is "
              "leerlingen_geholpen (of casussen) nodig naast individueel_per_leerling.",
        "en": "Pilot file '{file}', [analyses.kosten]: comparing collective with individual financing needs "
              "leerlingen_geholpen (or casussen) besides individueel_per_leerling."},
    "pilot_kost_fin_note": {
        "nl": "Collectief (vast budget voor de inzet) tegenover individueel (per leerling een beschikking: de hulp plus "
              "de toegang), voor hetzelfde aantal geholpen leerlingen per jaar. Aanname: vergelijkbare hulp.",
        "en": "Collective (fixed budget for the deployment) against individual (a decision per pupil: the help plus the "
              "access procedure), for the same number of pupils helped per year. Assumption: comparable help."},
    "pilot_kost_fin_question": {"nl": "Collectief (vast budget) of individueel (per beschikking) financieren: wat kost "
                                      "het per jaar?",
                                "en": "Collective (fixed budget) or individual (per decision) financing: what does it "
                                      "cost per year?"},
    "pilot_n_helped": {"nl": "geholpen leerlingen (opgegeven)", "en": "pupils helped (as given)"},
    "pilot_col_financing": {"nl": "financiering", "en": "financing"},
    "pilot_col_pupils_helped": {"nl": "geholpen leerlingen", "en": "pupils helped"},
    "pilot_col_total_cost": {"nl": "kosten per jaar (euro)", "en": "cost per year (euro)"},
    "pilot_col_cost_per_pupil": {"nl": "kosten per geholpen leerling (euro)", "en": "cost per pupil helped (euro)"},
    # --- issue #13 (branch afronden): protected Likert figures, nulmeting finding titles
    "sv_plot_group_disagree": {"nl": "oneens", "en": "disagree"},
    "sv_plot_group_neutral": {"nl": "neutraal", "en": "neutral"},
    "sv_plot_group_agree": {"nl": "eens", "en": "agree"},
    "sv_plot_protected": {"nl": "afgeschermd", "en": "suppressed"},
    "sv_plot_protected_note": {"nl": "(geen aandeel van minder dan {k} antwoorden getoond)",
                               "en": "(no share of fewer than {k} answers shown)"},
    "sv_caption_collapsed": {"nl": "De antwoorden zijn samengenomen tot oneens, neutraal en eens, omdat een "
                                   "antwoordcategorie minder dan {k} antwoorden had.",
                             "en": "Answers are grouped into disagree, neutral and agree, because an answer "
                                   "category had fewer than {k} answers."},
    "sv_caption_protected": {"nl": "Een groep met minder dan {k} antwoorden is samen met een andere groep grijs "
                                   "gearceerd ('afgeschermd'), zonder eigen aandeel.",
                             "en": "A group with fewer than {k} answers is hatched grey together with another "
                                   "group ('suppressed'), without its own share."},
    "nm_acc_finding_rises_total": {"nl": "Het dossieronderzoek vond {found} instanties en de curve stijgt nog: in alle "
                                         "{total} dossiers staan er naar schatting {est} ({lo} tot {hi})",
                                   "en": "The file study found {found} agencies and the curve still rises: all {total} "
                                         "files would name an estimated {est} ({lo} to {hi})"},
    "nm_acc_finding_flat_total": {"nl": "Het dossieronderzoek vond {found} instanties en de curve vlakt af: in alle "
                                        "{total} dossiers staan er naar schatting {est} ({lo} tot {hi})",
                                  "en": "The file study found {found} agencies and the curve levels off: all {total} "
                                        "files would name an estimated {est} ({lo} to {hi})"},
    "nm_acc_finding_rises": {"nl": "Het dossieronderzoek vond {found} instanties en de curve stijgt nog: meer dossiers "
                                   "lezen vindt er waarschijnlijk meer",
                             "en": "The file study found {found} agencies and the curve still rises: reading more "
                                   "files would probably find more"},
    "nm_acc_finding_flat": {"nl": "Het dossieronderzoek vond {found} instanties en de curve vlakt af: meer dossiers "
                                  "lezen voegt er waarschijnlijk weinig toe",
                            "en": "The file study found {found} agencies and the curve levels off: reading more files "
                                  "would probably add few"},
    "nm_acc_finding_all": {"nl": "Alle {files} dossiers gelezen: {found} instanties gevonden",
                           "en": "All {files} files read: {found} agencies found"},
    "nm_agencies_finding": {"nl": "{n} instanties betrokken; {big} daarvan bij {k} of meer leerlingen",
                            "en": "{n} agencies involved; {big} of them with {k} or more pupils"},
    "nm_agencies_finding_none": {"nl": "{n} instanties betrokken, geen enkele bij {k} of meer leerlingen",
                                 "en": "{n} agencies involved, none with {k} or more pupils"},
    # --- interviews: exports of ATLAS.ti, MAXQDA and Taguette (evaluatie.interviews.normalize_codes) ---
    "reason_codes_split": {"nl": "cel met {n} codes (op aparte regels): één rij per code",
                           "en": "cell with {n} codes (on separate lines): one row per code"},
    "reason_no_code_left": {"nl": "de cel bevat alleen scheidingstekens ('\\' of '>'), geen code",
                            "en": "the cell holds only separators ('\\' or '>'), no code"},
    "reason_code_repeated": {"nl": "code staat twee keer in dezelfde cel: één keer geteld",
                             "en": "code appears twice in the same cell: counted once"},
    "note_codes_split": {"nl": "{n} cellen met meerdere codes op aparte regels (zoals ATLAS.ti ze exporteert) zijn "
                               "gesplitst in één rij per code; rijen {rows}.",
                         "en": "{n} cells with several codes on separate lines (as ATLAS.ti exports them) were split "
                               "into one row per code; rows {rows}."},
    "note_codes_backslash": {"nl": "{n} codes met '\\' (MAXQDA: Hoofdcode\\Subcode) gelezen als hiërarchie "
                                   "'hoofdcode > subcode': {examples}.",
                             "en": "{n} codes with '\\' (MAXQDA: Parent\\Child) read as hierarchy 'parent > child': "
                                   "{examples}."},
    "note_codes_colon": {"nl": "{n} codes 'Categorie: code' gelezen als hiërarchie 'Categorie > code' (ATLAS.ti-"
                               "naamgeving; de categorie komt bij meerdere codes voor of is zelf een code): {examples}.",
                         "en": "{n} codes 'Category: code' read as hierarchy 'Category > code' (ATLAS.ti naming; the "
                               "category starts several codes or is a code itself): {examples}."},
    "note_codes_colon_kept": {"nl": "{n} codes met ':' zijn één code gebleven (het deel voor ':' komt bij geen andere "
                                    "code voor, dus is geen categorie): {codes}. Bedoelt u wel een categorie, schrijf "
                                    "dan 'categorie > code'.",
                              "en": "{n} codes with ':' were kept as one code (the part before ':' starts no other "
                                    "code, so it is no category): {codes}. If you do mean a category, write "
                                    "'category > code'."},
    "note_several_groups": {"nl": "Kolom '{column}': in {n} rijen zit het document in meerdere documentgroepen "
                                  "(rijen {rows}); die zijn samengevoegd tot {k} combinaties zoals '{example}', elk een "
                                  "eigen groep. Geef elk interview één groep (de rol van de geïnterviewde) of voeg een "
                                  "kolom 'Groep' toe.",
                            "en": "Column '{column}': in {n} rows the document is in several document groups (rows "
                                  "{rows}); they were joined into {k} combinations such as '{example}', each its own "
                                  "group. Give each interview one group (the interviewee's role) or add a column "
                                  "'Group'."},
    "reason_empty_segment": {"nl": "leeg fragment (bv. een gecodeerde afbeelding): telt mee voor de code, maar is geen "
                                   "citaat",
                             "en": "empty fragment (e.g. a coded image): counts for its code but cannot be quoted"},
    "nb_timeline_not_saved": {
        "nl": "De tijdlijn per leerling is alleen hier getoond en niet in figures/ bewaard: hij laat elke leerling "
              "apart zien, met data. Geef bij REDEN_TIJDLIJN in de instellingen een reden om hem te bewaren.",
        "en": "The timeline per pupil is only shown here and not saved in figures/: it shows each pupil apart, "
              "with dates. Give a reason in REDEN_TIJDLIJN in the settings to save it."},
    "nb_timeline_reason": {"nl": "Elke leerling apart getoond; reden: {reason}.",
                           "en": "Each pupil shown apart; reason: {reason}."},
    "note_empty_segments": {"nl": "Kolom '{column}': {n} fragment(en) zonder tekst (rij {rows}); ze tellen mee voor "
                                  "hun code, maar kunnen geen citaat zijn.",
                            "en": "Column '{column}': {n} fragment(s) without text (row {rows}); they count for their "
                                  "code but cannot be quoted."},
    "qda_html": {"nl": "Bestand '{file}' is een HTML-export. Exporteer de gecodeerde segmenten (MAXQDA: 'Übersicht "
                       "Codings'/'Overview of Coded Segments' → Excel) of de citaten (ATLAS.ti: Quotation Manager → "
                       "Excel) als .xlsx of .csv en lees dat bestand.",
                 "en": "File '{file}' is an HTML export. Export the coded segments (MAXQDA: 'Overview of Coded "
                       "Segments' → Excel) or the quotations (ATLAS.ti: Quotation Manager → Excel) as .xlsx or .csv "
                       "and read that file."},
    "qda_code_matrix": {"nl": "Bestand '{file}', rij {row}: de kolommen {columns} zijn codes (één kolom per code, "
                              "een codematrix). Voor interviewfragmenten is één rij per gecodeerd fragment nodig met "
                              "een kolom 'Code': exporteer in MAXQDA de gecodeerde segmenten of in ATLAS.ti de "
                              "Quotation Manager naar Excel.",
                        "en": "File '{file}', row {row}: the columns {columns} are codes (one column per code, a "
                              "code matrix). Interview fragments need one row per coded fragment with a column "
                              "'Code': export the coded segments from MAXQDA or the Quotation Manager from ATLAS.ti "
                              "to Excel."},
    # --- English pilot report (taal = "en"): notes of result objects kept in both languages, dates, sheets ---
    "its_note_ar": {"nl": "Standaardfouten gecorrigeerd voor autocorrelatie (geschat: {rho} tussen opeenvolgende "
                          "perioden), t-verdeling met {df} vrijheidsgraden.",
                    "en": "Standard errors corrected for autocorrelation (estimated: {rho} between successive "
                          "periods), t distribution with {df} degrees of freedom."},
    "es_note_small_cohort": {"nl": "Kleinste startgroep: {n} eenheden; de intervallen zijn dan ruw.",
                             "en": "Smallest start group: {n} units; the intervals are rough."},
    "did_note_dropped_empty": {"nl": "{n} rij(en) met een lege waarde in {columns} weggelaten.",
                               "en": "{n} row(s) with an empty value in {columns} left out."},
    "did_note_missing": {"nl": "{n} rij(en) zonder eenheid, periode, uitkomst, behandeling, blootstelling, covariaat of "
                               "cluster weggelaten.",
                         "en": "{n} row(s) without unit, period, outcome, treatment, exposure, covariate or cluster "
                               "left out."},
    "did_note_bad_exposure": {"nl": "{n} rij(en) met blootstelling 0 of minder weggelaten (bijvoorbeeld {unit}, {time}).",
                              "en": "{n} row(s) with exposure 0 or less left out (for example {unit}, {time})."},
    "did_note_always_treated": {"nl": "{n} eenheid/eenheden waren de hele periode behandeld (geen voormeting) en zijn "
                                      "weggelaten: {names}.",
                                "en": "{n} unit(s) had the intervention the whole period (no baseline) and were left "
                                      "out: {names}."},
    "did_note_no_events_unit": {"nl": "{n} eenheid/eenheden zonder enige gebeurtenis weggelaten (dragen niets bij aan "
                                      "een Poisson-model met vaste effecten): {names}.",
                                "en": "{n} unit(s) without any event left out (they add nothing to a Poisson model with "
                                      "fixed effects): {names}."},
    "did_note_no_events_period": {"nl": "{n} periode(n) zonder enige gebeurtenis weggelaten (dragen niets bij aan een "
                                        "Poisson-model met vaste effecten): {names}.",
                                  "en": "{n} period(s) without any event left out (they add nothing to a Poisson model "
                                        "with fixed effects): {names}."},
    "did_note_per": {"nl": "Uitkomst geanalyseerd als aantal per {per} (kolom '{column}').",
                     "en": "Outcome analysed as a count per {per} (column '{column}')."},
    "did_note_unbalanced": {"nl": "Ongebalanceerd panel: {n} eenheid/eenheden missen perioden; de schatting gebruikt "
                                  "wat er is.",
                            "en": "Unbalanced panel: {n} unit(s) miss periods; the estimate uses what there is."},
    "did_note_min_p": {"nl": "Met {n} mogelijke toewijzingen is de kleinste mogelijke p-waarde {p}: significantie op "
                             "{alpha}% is onmogelijk. Meer eenheden (of meer behandelde eenheden) zijn nodig.",
                       "en": "With {n} possible assignments the smallest possible p-value is {p}: significance at "
                             "{alpha}% is impossible. More units (or more treated units) are needed."},
    "did_note_one_treated": {"nl": "Maar één eenheid kreeg de interventie: het effect is niet te scheiden van andere "
                                   "veranderingen op die ene plek.",
                             "en": "Only one unit got the intervention: the effect cannot be separated from other "
                                   "changes at that one place."},
    "did_note_overdispersion": {"nl": "De aantallen zijn overgedispergeerd (Pearson χ²/df = {phi}): de "
                                      "Poisson-standaardfouten zijn te klein. Randomisatie-inferentie en "
                                      "cluster-robuuste fouten blijven geldig; voor modelgebaseerde fouten gebruik "
                                      "family='negbin' of 'quasipoisson'.",
                                "en": "The counts are overdispersed (Pearson χ²/df = {phi}): the Poisson standard "
                                      "errors are too small. Randomization inference and cluster-robust errors stay "
                                      "valid; for model-based errors use family='negbin' or 'quasipoisson'."},
    "its_note_dropped": {"nl": "{n} rij(en) zonder uitkomst of periode weggelaten.",
                         "en": "{n} row(s) without outcome or period left out."},
    "its_note_gaps": {"nl": "De reeks heeft gaten: {n} {unit}(en) ontbreken; die tellen niet mee.",
                      "en": "The series has gaps: {n} {unit}(s) missing; they do not count."},
    "its_note_per": {"nl": "Uitkomst geanalyseerd als aantal per 1.000.", "en": "Outcome analysed as a count per 1,000."},
    "its_note_newey_west": {"nl": "Newey–West-standaardfouten met {lags} vertraging(en).",
                            "en": "Newey–West standard errors with {lags} lag(s)."},
    "es_note_late": {"nl": "{n} eenheid/eenheden starten na de laatste periode en tellen als vergelijkingseenheid.",
                     "en": "{n} unit(s) start after the last period and count as comparison units."},
    "es_note_first": {"nl": "{n} eenheid/eenheden hadden al de interventie in de eerste periode (geen voormeting) en "
                            "zijn weggelaten: {names}.",
                      "en": "{n} unit(s) already had the intervention in the first period (no baseline) and were "
                            "left out: {names}."},
    "es_note_no_comparison": {"nl": "{n} groep×periode-combinaties na de start hebben geen vergelijkingsschool die nog "
                                    "niet gestart is en tellen niet mee.",
                              "en": "{n} group × period combinations after the start have no comparison school that "
                                    "has not started yet and do not count."},
    "es_note_lost_draws": {"nl": "{n} van de {total} hertoewijzingen zijn niet te schatten (met de covariaatcorrectie "
                                 "wordt een gewogen aantal van de vergelijkingsscholen 0 of negatief) en tellen niet mee.",
                           "en": "{n} of the {total} reassignments cannot be estimated (with the covariate adjustment a "
                                 "weighted count of the comparison schools becomes 0 or negative) and do not count."},
    "es_note_min_p": {"nl": "Met {n} mogelijke toewijzingen is de kleinste mogelijke p-waarde {p}: de intervallen zijn "
                            "dan onbetrouwbaar; meer scholen zijn nodig.",
                      "en": "With {n} possible assignments the smallest possible p-value is {p}: the intervals are "
                            "then unreliable; more schools are needed."},
    "nm_note_review": {"nl": "{n} instantienamen zijn nog niet gecontroleerd (voorstel of nieuw); controleer ze met "
                             "'evaluatie agencies review'.",
                       "en": "{n} agency names have not been reviewed yet (suggestion or new); review them with "
                             "'evaluatie agencies review'."},
    "nm_reason_duplicate": {"nl": "zelfde instantie al genoemd bij deze leerling (rij {row}); één keer geteld",
                            "en": "same agency already named for this pupil (row {row}); counted once"},
    "nm_reason_empty_agency": {"nl": "lege instantie-cel bij een leerling die wel andere instanties heeft; genegeerd",
                               "en": "empty agency cell for a pupil who has other agencies; ignored"},
    # figure file names (the section builders name them in Dutch; a suffix such as _2 or a construct is kept)
    "pilot_file_01_scholen": {"nl": "01_scholen", "en": "01_schools"},
    "pilot_file_01_instanties": {"nl": "01_instanties", "en": "01_agencies"},
    "pilot_file_01_per_leerling": {"nl": "01_per_leerling", "en": "01_per_pupil"},
    "pilot_file_01_verzamelcurve": {"nl": "01_verzamelcurve", "en": "01_accumulation_curve"},
    "pilot_file_01_netwerk": {"nl": "01_netwerk", "en": "01_network"},
    "pilot_file_02_verwijzingen_per_1000": {"nl": "02_verwijzingen_per_1000", "en": "02_referrals_per_1000"},
    "pilot_file_02_effect_verschil_in_verschillen": {"nl": "02_effect_verschil_in_verschillen", "en": "02_effect_difference_in_differences"},
    "pilot_file_02b_uitrol_per_kwartaal": {"nl": "02b_uitrol_per_kwartaal", "en": "02b_rollout_per_quarter"},
    "pilot_file_02b_uitrol_per_maand": {"nl": "02b_uitrol_per_maand", "en": "02b_rollout_per_month"},
    "pilot_file_02b_tijdreeks": {"nl": "02b_tijdreeks", "en": "02b_time_series"},
    "pilot_file_03_vragenlijst": {"nl": "03_vragenlijst", "en": "03_questionnaire"},
    "pilot_file_03_interviews_themas": {"nl": "03_interviews_themas", "en": "03_interviews_themes"},
    "pilot_file_04_kleine_pilot_aandeel": {"nl": "04_kleine_pilot_aandeel", "en": "04_small_pilot_share"},
    "pilot_file_04_kleine_pilot_tijdlijn": {"nl": "04_kleine_pilot_tijdlijn", "en": "04_small_pilot_timeline"},
    "pilot_file_04_doorlooptijden": {"nl": "04_doorlooptijden", "en": "04_process_times"},
    "pilot_file_04_kosten_gevoeligheid": {"nl": "04_kosten_gevoeligheid", "en": "04_costs_sensitivity"},
    "pilot_file_04_kosten": {"nl": "04_kosten", "en": "04_costs"},
    "pilot_file_04_kosten_financiering": {"nl": "04_kosten_financiering", "en": "04_costs_financing"},
    "pilot_file_04_stappen": {"nl": "04_stappen", "en": "04_process_steps"},
    "pilot_file_05_onderscheidend_vermogen": {"nl": "05_onderscheidend_vermogen", "en": "05_power"},
    "month_names": {"nl": "januari februari maart april mei juni juli augustus september oktober november december",
                    "en": "January February March April May June July August September October November December"},
    "pilot_sheet_effect_voor_na": {"nl": "effect_voor_na", "en": "effect_before_after"},
    "pilot_sheet_effect_per_periode": {"nl": "effect_per_periode", "en": "effect_per_period"},
    "pilot_sheet_tijdreeks": {"nl": "tijdreeks", "en": "time_series"},
    "pilot_sheet_onderscheidend_vermogen": {"nl": "onderscheidend_vermogen", "en": "power"},
    "pilot_sheet_vragenlijst_vragen": {"nl": "vragenlijst_vragen", "en": "questionnaire_items"},
    "pilot_sheet_vragenlijst_schalen": {"nl": "vragenlijst_schalen", "en": "questionnaire_scales"},
    "pilot_sheet_vragenlijst_vergelijking": {"nl": "vragenlijst_vergelijking", "en": "questionnaire_comparison"},
    "pilot_sheet_interviews_themas": {"nl": "interviews_themas", "en": "interviews_themes"},
    "pilot_sheet_interviews_citaten": {"nl": "interviews_citaten", "en": "interviews_quotes"},
    "pilot_sheet_kleine_pilot": {"nl": "kleine_pilot", "en": "small_pilot"},
    "pilot_sheet_doorlooptijden_mediaan": {"nl": "doorlooptijden_mediaan", "en": "process_times_median"},
    "pilot_sheet_doorlooptijden_norm": {"nl": "doorlooptijden_norm", "en": "process_times_norm"},
    "pilot_sheet_kosten_aannames": {"nl": "kosten_aannames", "en": "costs_assumptions"},
    "pilot_sheet_kosten_per_leerling": {"nl": "kosten_per_leerling", "en": "costs_per_pupil"},
    "pilot_sheet_kosten_opbrengst": {"nl": "kosten_opbrengst", "en": "costs_and_returns"},
    "pilot_sheet_kosten_financiering": {"nl": "kosten_financiering", "en": "costs_financing"},
    "pilot_sheet_stappen": {"nl": "stappen", "en": "process_steps"},
    # --- adversarial review (tegen): shares that give a small count back, hostile inputs
    "export_share_not_percent": {"nl": "Tabel '{table}': kolom '{column}' staat bij 'shares' maar is geen "
                                       "percentagekolom",
                                 "en": "Table '{table}': column '{column}' is listed under 'shares' but is not a "
                                       "percentage column"},
    "pilots_km_cut": {"nl": "(een lijn stopt zodra minder dan {k} casussen nog geen einde hebben)",
                      "en": "(a line stops once fewer than {k} cases have no end yet)"},
    "cbs_personal_cell": {"nl": "lijkt persoonsgegevens te bevatten ({kind}); een CBS-tabel heeft die niet: controleer "
                                "of dit het goede bestand is. Een export met deze kolom wordt geweigerd",
                          "en": "seems to hold personal data ({kind}); a CBS table has none: check that this is the "
                                "right file. An export with this column is refused"},
    "cbs_formula_cell": {"nl": "begint als een Excel-formule; bewaard als tekst (exports schrijven het nooit als "
                               "formule)",
                         "en": "starts like an Excel formula; kept as text (exports never write it as a formula)"},
    "fs_rule_rows_rounded": {"nl": "{sections}: een kleine groep is niet getoond; daarom zijn de aantallen rijen in het "
                                   "kwaliteitsrapport van die bestanden afgerond op veelvouden van {k} (anders gaven "
                                   "rijen min getoonde casussen de groep terug).",
                             "en": "{sections}: a small group is not shown; the numbers of rows in the data quality "
                                   "report of those files are therefore rounded to multiples of {k} (otherwise rows "
                                   "minus the cases shown would give the group back)."},
    # --- nieuw (fresh-eye student test, 2026-12-07)
    "pilot_nul_caveat_names_none": {"nl": "Namen van instanties zijn niet met een gecontroleerde koppeltabel "
                                          "gelijkgetrokken (er is geen koppeltabel opgegeven): schrijfwijzen die op "
                                          "elkaar lijken zijn automatisch samengenomen, andere tellen apart. De "
                                          "aantallen instanties zijn daarom voorlopig.",
                                    "en": "Agency names were not merged with a reviewed mapping (none was given): "
                                          "similar spellings were merged automatically, others count separately. The "
                                          "numbers of agencies are therefore provisional."},
    "pilot_nul_caveat_names_partly": {"nl": "{n} van de {m} schrijfwijzen van instanties staan niet in de "
                                            "gecontroleerde koppeltabel en zijn automatisch ingedeeld; de aantallen "
                                            "instanties kunnen nog veranderen.",
                                      "en": "{n} of the {m} spellings of agency names are not in the reviewed mapping "
                                            "and were assigned automatically; the numbers of agencies may still "
                                            "change."},
    "nb_dl_left_out": {"nl": "Niet apart in de figuur om te delen: groep {groups} (minder dan {k} casussen, of minder "
                             "dan {k} binnen of buiten de norm). Hierboven, in je werkversie, staan ze wel.",
                       "en": "Not shown separately in the figure to share: group {groups} (fewer than {k} cases, or "
                             "fewer than {k} within or beyond the norm). Your working copy above shows them."},
    "nb_dl_nothing_shared": {"nl": "Geen figuur bewaard: ook alle casussen samen geven een aantal kleiner dan {k} "
                                   "(casussen, binnen of buiten de norm). Deel deze doorlooptijden niet.",
                             "en": "No figure saved: even all cases together give a count below {k} (cases, within "
                                   "or beyond the norm). Do not share these process times."},
    "sv_no_codebook_worded": {"nl": "Geen codeboek: de kolommen {items} (antwoorden als cijfer of als 'mee eens') zijn "
                                    "behandeld als vijfpuntsschaal (1-5), zonder omscoren en zonder onderwerpen. Geef "
                                    "een codeboek voor vraagteksten, omgescoorde vragen en schalen.",
                              "en": "No codebook: the columns {items} (answers as numbers or as 'agree') were treated "
                                    "as five-point items (1-5), without reverse scoring and without constructs. Give a "
                                    "codebook for question texts, reversed items and scales."},
    "sv_no_items_no_codebook": {"nl": "Geen codeboek opgegeven en geen kolom met antwoorden op een vijfpuntsschaal "
                                      "(1-5 of 'helemaal mee oneens' … 'helemaal mee eens'). Kolommen in het bestand: "
                                      "{columns}. Geef een codeboek: CODEBOEK in het notebook, of --codeboek.",
                                "en": "No codebook given and no column with five-point answers (1-5 or 'strongly "
                                      "disagree' … 'strongly agree'). Columns in the file: {columns}. Give a codebook: "
                                      "CODEBOEK in the notebook, or --codeboek."},
    "reason_note_under_table": {"nl": "opmerking onder de tabel, geen gegevens; niet gelezen",
                                "en": "remark below the table, no data; not read"},
    "reason_school_from_pupil": {"nl": "school leeg; ingevuld uit rij {row} van dezelfde leerling (die staat bij één "
                                       "school)",
                                 "en": "school empty; filled in from row {row} of the same pupil (listed at one "
                                       "school)"},
    "pilot_did_you_mean": {"nl": "Bedoel je '{name}'?", "en": "Did you mean '{name}'?"},
    "pilot_sv_caveat_alpha": {"nl": "De vragen van '{what}' hangen weinig samen (Cronbachs alfa {alpha}, onder 0,70): "
                                    "de score is een gemiddelde van vragen die misschien niet hetzelfde meten. Kijk ook "
                                    "naar de antwoorden per vraag.",
                              "en": "The questions of '{what}' hardly hang together (Cronbach's alpha {alpha}, below "
                                    "0.70): the score averages questions that may not measure the same thing. Look at "
                                    "the answers per question too."},
    "nb_sv_no_constructs": {"nl": "De vragen in {file} zijn gelezen, maar dit notebook rekent per onderwerp "
                                  "(schaalscore, betrouwbaarheid, voor/na) en zonder codeboek is er geen onderwerp. "
                                  "Vul CODEBOEK in (of --codeboek): per vraag de vraagtekst, schaal, omgescoord "
                                  "(ja/nee) en het onderwerp (kolom Construct), zoals "
                                  "data_raw/voorbeeld/codeboek_vragenlijst.csv.",
                            "en": "The questions in {file} were read, but this notebook works per construct (scale "
                                  "score, reliability, before/after) and without a codebook there is none. Fill in "
                                  "CODEBOEK (or --codeboek): per question the text, scale, reversed (yes/no) and the "
                                  "construct, as in data_raw/voorbeeld/codeboek_vragenlijst.csv."},
    "nb_cli_nothing": {"nl": "geen (dit notebook schreef niets in {folder}/)",
                       "en": "none (this notebook wrote nothing to {folder}/)"},
    "unit_removed_one": {"nl": "Let op: '{unit}' is helemaal weggevallen: de enige rij is verwijderd (zie hieronder).",
                         "en": "Note: '{unit}' is gone entirely: its only row was dropped (see below)."},
    # --- errors of the analysis modules (nl unchanged from the former f-strings) ----------------
    "did_err_level": {
        "nl": "level moet een getal tussen 0 en 1 zijn (bijvoorbeeld 0.95); ontvangen: {level!r}.",
        "en": "level must be a number between 0 and 1 (for example 0.95); received: {level!r}.",
    },
    "did_err_missing_columns": {
        "nl": "Kolom(men) {missing} ontbreken; aanwezig: {present}.",
        "en": "Column(s) {missing} missing; present: {present}.",
    },
    "did_err_cluster_needed": {
        "nl": "vcov='cluster' heeft een clusterkolom nodig, bijvoorbeeld cluster='school'.",
        "en": "vcov='cluster' needs a cluster column, for example cluster='school'.",
    },
    "did_err_cluster_ignored": {
        "nl": "cluster={cluster!r} werkt alleen met vcov='cluster'; bij vcov={vcov!r} zou het genegeerd worden.",
        "en": "cluster={cluster!r} only works with vcov='cluster'; with vcov={vcov!r} it would be ignored.",
    },
    "did_err_covariate_numeric": {
        "nl": "Covariaat '{column}' moet getallen bevatten.",
        "en": "Covariate '{column}' must contain numbers.",
    },
    "did_err_binary": {
        "nl": "Kolom '{column}' moet 0/1 (of ja/nee) zijn.",
        "en": "Column '{column}' must be 0/1 (or yes/no).",
    },
    "did_err_four_cells": {
        "nl": "Voor verschil-in-verschillen zijn alle vier de groepen nodig: interventie/vergelijking × "
              "voor/na. Aanwezig: {cells}.",
        "en": "Difference-in-differences needs all four groups: intervention/comparison × "
              "before/after. Present: {cells}.",
    },
    "did_err_exposure_positive": {
        "nl": "Kolom '{column}' bevat 0 of minder; de blootstelling moet groter dan 0 zijn.",
        "en": "Column '{column}' contains 0 or less; the exposure must be greater than 0.",
    },
    "did_err_covariates_collinear": {
        "nl": "Covariaten {covariates} vallen samen met de groep, de periode of elkaar; laat er een weg.",
        "en": "Covariates {covariates} coincide with the group, the period or each other; leave one out.",
    },
    "did_err_counts_not_all_zero": {
        "nl": "Kolom '{column}' moet gehele aantallen van 0 of meer bevatten, niet allemaal 0, voor "
              "family='{family}'.",
        "en": "Column '{column}' must contain whole counts of 0 or more, not all 0, for "
              "family='{family}'.",
    },
    "did_err_constant_outcome": {
        "nl": "Kolom '{column}' heeft overal dezelfde waarde: er is geen verschil te schatten.",
        "en": "Column '{column}' has the same value everywhere: there is no difference to estimate.",
    },
    "did_err_covariates_list": {
        "nl": "covariates moet een lijst met kolomnamen zijn, bijvoorbeeld covariates=['leerlingen_zorg']; "
              "ontvangen: {covariates!r}.",
        "en": "covariates must be a list of column names, for example covariates=['leerlingen_zorg']; "
              "received: {covariates!r}.",
    },
    "did_err_duplicate_units": {
        "nl": "In kolom '{column}' lijken namen dezelfde eenheid te zijn: {shown} (gelijkenis "
              "{score}%). Zo wordt één school een vergelijkingsschool én een "
              "school die altijd behandeld was. Maak de schrijfwijze gelijk (bijvoorbeeld met een "
              "koppeltabel) of geef de eenheden verschillende, duidelijk andere namen.",
        "en": "In column '{column}' names seem to be the same unit: {shown} (similarity "
              "{score}%). That way one school becomes both a comparison school and a "
              "school that was always treated. Make the spelling the same (for example with a "
              "lookup table) or give the units different, clearly distinct names.",
    },
    "did_err_pair_and": {"nl": "'{a}' en '{b}'", "en": "'{a}' and '{b}'"},
    "did_err_repeated_period": {
        "nl": "Eenheid '{unit}' heeft periode {period} meer dan eens; één rij per eenheid × periode nodig.",
        "en": "Unit '{unit}' has period {period} more than once; one row per unit × period is needed.",
    },
    "did_err_unit_in_clusters": {
        "nl": "Eenheid '{unit}' hoort bij meer dan één cluster in kolom '{column}'; elke eenheid moet binnen "
              "één cluster vallen (bijvoorbeeld scholen binnen één bestuur).",
        "en": "Unit '{unit}' belongs to more than one cluster in column '{column}'; every unit must fall within "
              "one cluster (for example schools within one school board).",
    },
    "did_err_treatment_stops": {
        "nl": "Bij '{unit}' stopt de interventie in periode {period} (van 1 naar 0). Deze methode gaat uit van "
              "een interventie die blijft; laat de eenheid weg of analyseer alleen de periode tot de stop.",
        "en": "At '{unit}' the intervention stops in period {period} (from 1 to 0). This method assumes "
              "an intervention that stays; leave the unit out or analyse only the period up to the stop.",
    },
    "did_err_counts": {
        "nl": "Kolom '{column}' moet gehele aantallen van 0 of meer bevatten voor family='{family}'.",
        "en": "Column '{column}' must contain whole counts of 0 or more for family='{family}'.",
    },
    "did_err_all_zero": {
        "nl": "Alle aantallen zijn 0: er is niets te schatten.",
        "en": "All counts are 0: there is nothing to estimate.",
    },
    "did_err_none_treated": {
        "nl": "Geen enkele eenheid krijgt de interventie binnen de gemeten periode; er is geen effect te schatten.",
        "en": "No unit receives the intervention within the measured period; there is no effect to estimate.",
    },
    "did_err_all_treated": {
        "nl": "Alle eenheden krijgen de interventie en er is geen vergelijkingsgroep; gebruik een "
              "gespreide-invoeringsanalyse of een onderbroken tijdreeks.",
        "en": "All units receive the intervention and there is no comparison group; use a "
              "staggered-adoption analysis or an interrupted time series.",
    },
    "did_err_no_treated_events": {
        "nl": "Na de start is er bij geen enkele behandelde eenheid een gebeurtenis: de verhouding is niet te "
              "schatten (perfecte scheiding). Kies een langere periode of een bredere uitkomst.",
        "en": "After the start no treated unit has any event: the rate ratio cannot be "
              "estimated (perfect separation). Choose a longer period or a broader outcome.",
    },
    "did_err_covariate_absorbed": {
        "nl": "Covariaat '{column}' varieert niet binnen scholen en perioden (of volgt uit de andere "
              "termen): de vaste effecten per school en per periode nemen die al mee. Laat hem weg.",
        "en": "Covariate '{column}' does not vary within schools and periods (or follows from the other "
              "terms): the fixed effects per school and per period already account for it. Leave it out.",
    },
    "did_err_cluster_mixed_starts": {
        "nl": "Binnen cluster(s) uit kolom '{column}' starten eenheden op verschillende momenten (of niet): "
              "randomisatie-inferentie op clusterniveau verwisselt hele clusters en kan dat niet nabootsen. "
              "Kies inference='wild' (wild bootstrap per cluster, ook voor aantallen) of laat cluster= weg.",
        "en": "Within cluster(s) of column '{column}' units start at different moments (or not at all): "
              "randomization inference at cluster level swaps whole clusters and cannot mimic that. "
              "Choose inference='wild' (wild bootstrap per cluster, also for counts) or leave out cluster=.",
    },
    "did_err_weights_wild_only": {
        "nl": "weights={weights!r} geldt alleen voor inference='wild' (de gewichten van de wild "
              "bootstrap); bij inference={inference!r} zou het genegeerd worden. Laat weights weg.",
        "en": "weights={weights!r} only applies to inference='wild' (the weights of the wild "
              "bootstrap); with inference={inference!r} it would be ignored. Leave out weights.",
    },
    "did_err_n_resamples": {
        "nl": "n_resamples moet een geheel getal van 1 of meer zijn; ontvangen: {value!r}.",
        "en": "n_resamples must be a whole number of 1 or more; received: {value!r}.",
    },
    "did_err_per": {
        "nl": "per moet een getal groter dan 0 zijn; ontvangen: {value!r}.",
        "en": "per must be a number greater than 0; received: {value!r}.",
    },
    "did_err_wild_negbin": {
        "nl": "De wild bootstrap is er voor family='gaussian' (WCR) en voor 'poisson' en 'quasipoisson' "
              "(score-bootstrap); niet voor 'negbin'. Kies family='quasipoisson' (ook geldig bij "
              "overdispersie) of inference='randomization'.",
        "en": "The wild bootstrap exists for family='gaussian' (WCR) and for 'poisson' and 'quasipoisson' "
              "(score bootstrap); not for 'negbin'. Choose family='quasipoisson' (also valid with "
              "overdispersion) or inference='randomization'.",
    },
    "did_err_one_cluster": {
        "nl": "Alle eenheden vallen in één cluster ('{cluster}'): voor onzekerheid per cluster zijn er "
              "minstens 2 clusters nodig. Laat cluster= weg of kies een fijnere indeling.",
        "en": "All units fall in one cluster ('{cluster}'): uncertainty per cluster needs "
              "at least 2 clusters. Leave out cluster= or choose a finer grouping.",
    },
    "did_err_fe_fit": {
        "nl": "Het model met vaste effecten per school en periode is niet te schatten op deze gegevens: "
              "de behandeling (of een covariaat) valt samen met de vaste effecten, of de aantallen zijn "
              "bij een groep scholen of perioden (bijna) allemaal 0 (scheiding). Tel over een langere "
              "periode of meer scholen samen, of controleer de covariaten.",
        "en": "The model with fixed effects per school and period cannot be estimated on these data: "
              "the treatment (or a covariate) coincides with the fixed effects, or the counts are "
              "(almost) all 0 for a group of schools or periods (separation). Add up over a longer "
              "period or more schools, or check the covariates.",
    },
    "did_err_null_fit": {
        "nl": "Het model zonder interventie-effect is niet te schatten op deze gegevens (de vaste "
              "effecten per school en periode en de covariaten hangen van elkaar af). Controleer "
              "covariaten en lege scholen of perioden.",
        "en": "The model without an intervention effect cannot be estimated on these data (the fixed "
              "effects per school and period and the covariates depend on each other). Check "
              "covariates and empty schools or periods.",
    },
    "did_err_placebo_shifts": {
        "nl": "Nep-starts moeten tussen 1 en {max_shift} perioden vóór de echte start liggen (de kortste "
              "voorperiode is {shortest} perioden); ontvangen: shifts={shifts}.",
        "en": "Placebo starts must lie between 1 and {max_shift} periods before the real start (the shortest "
              "pre-period is {shortest} periods); received: shifts={shifts}.",
    },
    "es_err_mbar": {
        "nl": "mbar={mbar!r}: geef een of meer getallen ≥ 0 (bijvoorbeeld [0, 0,5, 1]).",
        "en": "mbar={mbar!r}: give one or more numbers ≥ 0 (for example [0, 0.5, 1]).",
    },
    "es_err_two_pre_periods": {
        "nl": "Voor de gevoeligheidsanalyse zijn minstens twee perioden vóór de start nodig.",
        "en": "The sensitivity analysis needs at least two periods before the start.",
    },
    "es_err_anticipation": {
        "nl": "anticipation={anticipation!r} moet een geheel aantal perioden ≥ 0 zijn.",
        "en": "anticipation={anticipation!r} must be a whole number of periods ≥ 0.",
    },
    "es_err_level": {
        "nl": "level={level!r} moet tussen 0 en 1 liggen (bijvoorbeeld 0,95).",
        "en": "level={level!r} must lie between 0 and 1 (for example 0.95).",
    },
    "es_err_n_resamples": {
        "nl": "n_resamples={n_resamples!r} is te klein; neem er minstens 99.",
        "en": "n_resamples={n_resamples!r} is too small; take at least 99.",
    },
    "es_err_covariate_missing": {
        "nl": "Covariaat '{column}' heeft {n} lege of niet-numerieke waarde(n): {shown}. "
              "event_study heeft voor elke school en periode een waarde nodig (alleen de basisperiode "
              "telt mee); vul ze aan of laat de covariaat weg.",
        "en": "Covariate '{column}' has {n} empty or non-numeric value(s): {shown}. "
              "event_study needs a value for every school and period (only the base period "
              "counts); fill them in or leave the covariate out.",
    },
    "es_err_covariate_row": {"nl": "rij {row} ({unit}, {period})", "en": "row {row} ({unit}, {period})"},
    "es_err_several_starts": {
        "nl": "'{unit}' heeft meer dan één startdatum; één start per eenheid "
              "nodig (stoppen en opnieuw beginnen kan deze methode niet aan).",
        "en": "'{unit}' has more than one start date; one start per unit "
              "is needed (this method cannot handle stopping and starting again).",
    },
    "es_err_stops": {
        "nl": "Bij '{unit}' stopt de interventie weer (treated van 1 naar 0). "
              "Deze methode gaat uit van een start die blijft; analyseer de periode tot de stop.",
        "en": "At '{unit}' the intervention stops again (treated from 1 to 0). "
              "This method assumes a start that stays; analyse the period up to the stop.",
    },
    "es_err_no_start": {
        "nl": "Geen enkele eenheid start met de interventie binnen de gemeten periode.",
        "en": "No unit starts the intervention within the measured period.",
    },
    "es_err_no_never_treated": {
        "nl": "Er zijn geen eenheden zonder interventie (vergelijkingsgroep). Bij een volledige uitrol "
              "(alle scholen starten) kies control_group='not_yet_treated': dan vergelijkt de methode met "
              "scholen die nog niet gestart zijn. Voor één reeks: evaluatie.its.segmented.",
        "en": "There are no units without the intervention (comparison group). With a full roll-out "
              "(all schools start) choose control_group='not_yet_treated': the method then compares with "
              "schools that have not started yet. For one series: evaluatie.its.segmented.",
    },
    "es_err_all_at_once": {
        "nl": "Alle eenheden starten tegelijk: er is geen vergelijkingsgroep, ook niet van later "
              "startende scholen. Gebruik evaluatie.its.segmented voor één reeks.",
        "en": "All units start at the same time: there is no comparison group, not even of schools "
              "starting later. Use evaluatie.its.segmented for one series.",
    },
    "es_err_anticipation_too_large": {
        "nl": "Met anticipation={anticipation} heeft de eerste startgroep geen periode vóór de "
              "(verwachte) start meer; neem een kleinere anticipation.",
        "en": "With anticipation={anticipation} the first start group has no period before the "
              "(expected) start left; take a smaller anticipation.",
    },
    "es_err_unbalanced": {
        "nl": "Het panel heeft gaten (eenheden zonder alle perioden); event_study heeft een gebalanceerd "
              "panel nodig. Vul ontbrekende maanden aan of laat die eenheden weg.",
        "en": "The panel has gaps (units without all periods); event_study needs a balanced "
              "panel. Fill in missing months or leave those units out.",
    },
    "es_err_exposure_zero": {
        "nl": "'{unit}' heeft in periode {period} {column} = 0 (of negatief); een verhouding per "
              "leerling is dan niet te berekenen. Corrigeer het aantal leerlingen of laat de periode weg.",
        "en": "'{unit}' has {column} = 0 (or negative) in period {period}; a rate per "
              "pupil cannot be computed then. Correct the number of pupils or leave the period out.",
    },
    "es_err_jackknife_single": {
        "nl": "De jackknife kan niet met een startgroep (of vergelijkingsgroep) van één school: die "
              "school voegt dan geen onzekerheid toe en het interval is te smal. Gebruik "
              "inference='randomization' (of 'auto').",
        "en": "The jackknife cannot work with a start group (or comparison group) of one school: that "
              "school then adds no uncertainty and the interval is too narrow. Use "
              "inference='randomization' (or 'auto').",
    },
    "es_err_jackknife_cell": {
        "nl": "Zonder één van de scholen is een groep×periode niet meer te schatten; gebruik "
              "inference='randomization'.",
        "en": "Without one of the schools a group×period can no longer be estimated; use "
              "inference='randomization'.",
    },
    "es_err_covariates_constant": {
        "nl": "De covariaten {covariates} zijn in de basisperiode gelijk voor alle "
              "vergelijkingsscholen (of vallen samen): er valt niets mee te corrigeren. Laat er "
              "een weg.",
        "en": "The covariates {covariates} are equal in the base period for all "
              "comparison schools (or coincide): there is nothing to adjust for with them. Leave "
              "one out.",
    },
    "es_err_freq": {
        "nl": "Kan de periodelengte niet afleiden uit de perioden; geef freq='M', 'Q', 'SY' of 'Y'.",
        "en": "Cannot derive the period length from the periods; give freq='M', 'Q', 'SY' or 'Y'.",
    },
    "its_err_time_values": {
        "nl": "De tijdkolom moet datums of getallen bevatten.",
        "en": "The time column must contain dates or numbers.",
    },
    "its_err_family": {
        "nl": "family='{family}' bestaat niet; kies uit: {allowed}.",
        "en": "family='{family}' does not exist; choose from: {allowed}.",
    },
    "its_err_hac_lags": {
        "nl": "hac_lags geldt alleen voor errors='newey_west'; bij errors='{errors}' zou het genegeerd "
              "worden. Laat hac_lags weg.",
        "en": "hac_lags only applies to errors='newey_west'; with errors='{errors}' it would be ignored. "
              "Leave out hac_lags.",
    },
    "its_err_seasonality": {
        "nl": "seasonality='{seasonality}' bestaat niet; kies None of 'fourier'.",
        "en": "seasonality='{seasonality}' does not exist; choose None or 'fourier'.",
    },
    "its_err_missing_column": {
        "nl": "Kolom '{column}' ontbreekt; aanwezig: {present}.",
        "en": "Column '{column}' is missing; present: {present}.",
    },
    "its_err_repeated_period": {
        "nl": "Periode {period} komt meer dan eens voor; één rij per periode nodig (tel scholen eerst op).",
        "en": "Period {period} occurs more than once; one row per period is needed (add up schools first).",
    },
    "its_err_restarts": {
        "nl": "De interventie in kolom '{column}' stopt en begint opnieuw; een onderbroken "
              "tijdreeks gaat uit van één start die blijft.",
        "en": "The intervention in column '{column}' stops and starts again; an interrupted "
              "time series assumes one start that stays.",
    },
    "its_err_intervention": {
        "nl": "intervention='{intervention}' is geen kolom en geen startdatum; geef de naam van een "
              "0/1-kolom of een datum zoals '2022-08-01'.",
        "en": "intervention='{intervention}' is neither a column nor a start date; give the name of a "
              "0/1 column or a date such as '2022-08-01'.",
    },
    "its_err_start_outside": {
        "nl": "De start valt vóór de eerste of na de laatste periode: er zijn perioden vóór én na de start nodig.",
        "en": "The start falls before the first or after the last period: periods before and after the start "
              "are needed.",
    },
    "its_err_too_few_periods": {
        "nl": "Te weinig perioden: {n_pre} vóór en {n_post} na de start; er zijn er minstens 3 aan elke "
              "kant nodig (liefst 8 of meer).",
        "en": "Too few periods: {n_pre} before and {n_post} after the start; at least 3 are needed on each "
              "side (preferably 8 or more).",
    },
    "its_err_seasons": {
        "nl": "De reeks heeft {n} perioden; voor seizoenscorrectie zijn minstens twee seizoenen "
              "({needed} perioden) nodig. Laat seasonality weg of verzamel een langere reeks.",
        "en": "The series has {n} periods; seasonal adjustment needs at least two seasons "
              "({needed} periods). Leave out seasonality or collect a longer series.",
    },
    "its_err_constant": {
        "nl": "Kolom '{column}' heeft in elke periode dezelfde waarde ({value}); er is "
              "geen verandering te schatten.",
        "en": "Column '{column}' has the same value in every period ({value}); there is "
              "no change to estimate.",
    },
    "its_err_zero_before": {
        "nl": "Alle aantallen vóór de start zijn 0: de verandering van het niveau is dan "
              "oneindig groot of niet te schatten (scheiding). Tel over een langere periode of "
              "meer scholen samen, of beschrijf de aantallen zonder model.",
        "en": "All counts before the start are 0: the change in level is then "
              "infinitely large or cannot be estimated (separation). Add up over a longer period or "
              "more schools, or describe the counts without a model.",
    },
    "its_err_zero_after": {
        "nl": "Alle aantallen na de start zijn 0: de verandering van het niveau is dan "
              "oneindig groot of niet te schatten (scheiding). Tel over een langere periode of "
              "meer scholen samen, of beschrijf de aantallen zonder model.",
        "en": "All counts after the start are 0: the change in level is then "
              "infinitely large or cannot be estimated (separation). Add up over a longer period or "
              "more schools, or describe the counts without a model.",
    },
    "its_err_fit_failed": {
        "nl": "Het model past niet op deze reeks (bijna alle aantallen 0 of een constante reeks); er is "
              "geen betrouwbare verandering te schatten.",
        "en": "The model does not fit this series (almost all counts 0 or a constant series); no "
              "reliable change can be estimated.",
    },
    "its_err_not_finite": {
        "nl": "Het model geeft geen eindige schatting (te weinig gebeurtenissen); tel over een langere "
              "periode of meer scholen samen.",
        "en": "The model gives no finite estimate (too few events); add up over a longer "
              "period or more schools.",
    },
    "zv_err_freq": {
        "nl": "freq='{freq}' bestaat niet; kies uit: {allowed}.",
        "en": "freq='{freq}' does not exist; choose from: {allowed}.",
    },
    "zv_err_starts_length": {
        "nl": "treated_in_period: {n_starts} startdata voor {n} perioden; geef er één of één per periode.",
        "en": "treated_in_period: {n_starts} start dates for {n} periods; give one, or one per period.",
    },
    "zv_err_freq_unknown": {
        "nl": "Uit de kolom '{column}' is niet op te maken of het om maanden, kwartalen, schooljaren of "
              "jaren gaat; geef freq= op ('M', 'Q', 'SY' of 'Y') of een kolom 'treated' (0/1).",
        "en": "Column '{column}' does not show whether the periods are months, quarters, school years or "
              "years; give freq= ('M', 'Q', 'SY' or 'Y') or a column 'treated' (0/1).",
    },
    "zv_err_care_level": {
        "nl": "Geen rijen met zorgniveau '{care_level}'; aanwezig: {present}.",
        "en": "No rows with care level '{care_level}'; present: {present}.",
    },
    "zv_err_no_treated_no_start": {
        "nl": "Het panel heeft geen kolom 'treated' (interventie ja/nee) en geen 'start' (startdatum); "
              "één van beide is nodig.",
        "en": "The panel has no column 'treated' (intervention yes/no) and no 'start' (start date); "
              "one of the two is needed.",
    },
    "zv_err_column_missing": {
        "nl": "Kolom '{column}' ontbreekt in het panel.",
        "en": "Column '{column}' is missing from the panel.",
    },
    "zv_err_no_start": {
        "nl": "Er is geen startdatum (kolom 'start'); die is nodig voor een onderbroken tijdreeks.",
        "en": "There is no start date (column 'start'); an interrupted time series needs one.",
    },
    "zv_err_and_more": {"nl": " (en nog {n})", "en": " (and {n} more)"},
    "zv_err_incomplete_one": {
        "nl": "Niet elke periode telt dezelfde scholen: {shown}{more} ontbreekt (of mist het aantal of de "
              "leerlingen) in een deel van de perioden. Een optelsom over wisselende scholen meet de "
              "samenstelling, niet de vraag. Vul de ontbrekende gegevens aan, of laat "
              "deze school weg uit het bestand (in Python: total_series(..., incomplete='drop_unit')).",
        "en": "Not every period counts the same schools: {shown}{more} is missing (or lacks the count or the "
              "pupils) in part of the periods. A sum over changing schools measures the "
              "composition, not the demand. Fill in the missing data, or leave "
              "this school out of the file (in Python: total_series(..., incomplete='drop_unit')).",
    },
    "zv_err_incomplete_many": {
        "nl": "Niet elke periode telt dezelfde scholen: {shown}{more} ontbreken (of missen het aantal of de "
              "leerlingen) in een deel van de perioden. Een optelsom over wisselende scholen meet de "
              "samenstelling, niet de vraag. Vul de ontbrekende gegevens aan, of laat "
              "deze scholen weg uit het bestand (in Python: total_series(..., incomplete='drop_unit')).",
        "en": "Not every period counts the same schools: {shown}{more} are missing (or lack the count or the "
              "pupils) in part of the periods. A sum over changing schools measures the "
              "composition, not the demand. Fill in the missing data, or leave "
              "these schools out of the file (in Python: total_series(..., incomplete='drop_unit')).",
    },
    "zv_err_no_complete_school": {
        "nl": "Geen enkele school telt in alle perioden mee; er is geen reeks te maken.",
        "en": "No school counts in all periods; no series can be made.",
    },
    "zv_err_before_after": {
        "nl": "Voor een voor-na-vergelijking zijn perioden vóór én na de start nodig bij de eenheden met "
              "interventie.",
        "en": "A before/after comparison needs periods before and after the start at the units with the "
              "intervention.",
    },
    "rates_err_counts": {
        "nl": "Aantallen moeten gehele getallen van 0 of meer zijn (bijvoorbeeld aantal verwijzingen).",
        "en": "Counts must be whole numbers of 0 or more (for example the number of referrals).",
    },
    "rates_err_exposure": {
        "nl": "De blootstelling (bijvoorbeeld aantal leerlingen) moet groter dan 0 zijn.",
        "en": "The exposure (for example the number of pupils) must be greater than 0.",
    },
    "rates_err_level": {
        "nl": "level moet tussen 0 en 1 liggen, niet {level}.",
        "en": "level must lie between 0 and 1, not {level}.",
    },
    "rates_err_two_groups": {
        "nl": "rate_ratio_test vergelijkt twee groepen: geef per groep één aantal en één blootstelling.",
        "en": "rate_ratio_test compares two groups: give one count and one exposure per group.",
    },
    "rates_err_no_events": {
        "nl": "In beide groepen 0 gebeurtenissen: de verhouding is niet te schatten.",
        "en": "0 events in both groups: the rate ratio cannot be estimated.",
    },
    "rich_err_chao1_counts": {
        "nl": "chao1: geef een rij gehele aantallen (0 of meer), bijvoorbeeld leerlingen per instantie.",
        "en": "chao1: give a row of whole counts (0 or more), for example pupils per agency.",
    },
    "rich_err_incidence": {
        "nl": "{name}: geef een tabel met één rij per leerling en één kolom per instantie (0/1).",
        "en": "{name}: give a table with one row per pupil and one column per agency (0/1).",
    },
    "rich_err_two_files": {
        "nl": "{name}: er zijn minstens 2 gelezen dossiers nodig.",
        "en": "{name}: at least 2 files read are needed.",
    },
    "rich_err_n_total": {
        "nl": "n_total ({n_total}) is kleiner dan het aantal gelezen dossiers ({m}). Geef het totale "
              "aantal leerlingen van de school.",
        "en": "n_total ({n_total}) is smaller than the number of files read ({m}). Give the total "
              "number of pupils of the school.",
    },
    "rich_err_sizes": {
        "nl": "sizes: geef aantallen dossiers als gehele getallen vanaf 1.",
        "en": "sizes: give numbers of files as whole numbers from 1 up.",
    },
    "rs_err_treatment_absorbed": {
        "nl": "De behandeling valt volledig samen met de vaste effecten (of covariaten): er is geen "
              "verschil-in-verschillen te schatten.",
        "en": "The treatment coincides completely with the fixed effects (or covariates): there is no "
              "difference-in-differences to estimate.",
    },
    "rs_err_zero_residuals": {
        "nl": "De residuen zijn (vrijwel) nul: de uitkomst ligt volledig vast door scholen, perioden en "
              "de behandeling (bijvoorbeeld een constante reeks). Een bootstrap heeft dan niets te "
              "hertrekken; controleer de uitkomstkolom.",
        "en": "The residuals are (almost) zero: the outcome is fully determined by schools, periods and "
              "the treatment (for example a constant series). A bootstrap then has nothing to "
              "resample; check the outcome column.",
    },
    "rs_err_score_family": {
        "nl": "Ongeldige waarde {family!r} voor family van de score-bootstrap. Kies uit: {allowed}.",
        "en": "Invalid value {family!r} for family of the score bootstrap. Choose from: {allowed}.",
    },
    "nm_err_unknown_school": {
        "nl": "School '{school}' komt niet voor; kies uit: {schools}.",
        "en": "School '{school}' does not occur; choose from: {schools}.",
    },
    "nm_err_no_accumulation": {
        "nl": "Voor '{school}' is geen verzamelcurve: er zijn minstens 2 gelezen dossiers nodig.",
        "en": "There is no accumulation curve for '{school}': at least 2 files read are needed.",
    },
    "nm_err_unknown_figure": {
        "nl": "Onbekende figuur '{kind}'; kies uit: agencies, per_pupil, accumulation, network, schools.",
        "en": "Unknown figure '{kind}'; choose from: agencies, per_pupil, accumulation, network, schools.",
    },
    "nm_err_agency_hint": {
        "nl": " Maak de kolom 'agency' eerst met evaluatie.agencies.normalize.",
        "en": " Make the column 'agency' first with evaluatie.agencies.normalize.",
    },
    "ag_err_mapping_missing": {
        "nl": "Koppeltabel '{file}' bestaat niet.",
        "en": "Lookup table '{file}' does not exist.",
    },
    "ag_err_mapping_columns": {
        "nl": "De koppeltabel mist kolom(men) {missing}; nodig zijn 'raw' (naam zoals in "
              "het dossier) en 'agency' (de instantie), optioneel 'agency_type'.",
        "en": "The lookup table lacks column(s) {missing}; needed are 'raw' (the name as in "
              "the file) and 'agency' (the agency), optionally 'agency_type'.",
    },
    "cli_err_pupils_not_integer": {
        "nl": "--leerlingen '{value}' is geen geheel getal; gebruik bv. 160 of 'SBO De Regenboog=160'.",
        "en": "--leerlingen '{value}' is not a whole number; use e.g. 160 or 'SBO De Regenboog=160'.",
    },
    "cli_err_pupils_unreadable": {
        "nl": "--leerlingen '{value}' is niet te lezen; gebruik 'School=aantal', bv. "
              "\"SBO De Regenboog=160,SBO De Vlinder=95\".",
        "en": "--leerlingen '{value}' cannot be read; use 'School=number', e.g. "
              "\"SBO De Regenboog=160,SBO De Vlinder=95\".",
    },
    "cli_err_one_series": {
        "nl": "Het bestand bevat één reeks (één school of gemeente): er is geen vergelijkingsgroep. "
              "Gebruik --tijdreeks.",
        "en": "The file contains one series (one school or municipality): there is no comparison group. "
              "Use --tijdreeks.",
    },
    "cli_err_folder_is_file": {
        "nl": "--{option} '{folder}' is een bestand, maar hier is een map nodig. Kies een andere "
              "map of verwijder/hernoem het bestand.",
        "en": "--{option} '{folder}' is a file, but a folder is needed here. Choose another "
              "folder or delete/rename the file.",
    },
    "cli_err_out_is_folder": {
        "nl": "--uit '{out}' is een map, maar hier is een bestandsnaam nodig (bv. '{example}').",
        "en": "--uit '{out}' is a folder, but a file name is needed here (e.g. '{example}').",
    },
    "cli_err_no_agency_column": {
        "nl": "Bestand '{file}' heeft geen kolom met instantienamen (bv. "
              "'Instantie' of 'Hulpverleningsinstantie'); er is niets te controleren.",
        "en": "File '{file}' has no column with agency names (e.g. "
              "'Instantie' or 'Hulpverleningsinstantie'); there is nothing to check.",
    },
    "syn_err_period_outside": {
        "nl": "{name}={value} ligt buiten de {n_periods} perioden (0 t/m {last}).",
        "en": "{name}={value} lies outside the {n_periods} periods (0 to {last}).",
    },
    "syn_err_too_many_treated": {
        "nl": "Meer behandelde scholen ({n_treated}) dan scholen ({n_units}).",
        "en": "More treated schools ({n_treated}) than schools ({n_units}).",
    },
    "syn_err_intervention_period": {
        "nl": "intervention_period={value} moet tussen 0 en {n_periods} liggen.",
        "en": "intervention_period={value} must lie between 0 and {n_periods}.",
    },
    "syn_err_n_moved": {
        "nl": "n_moved = {n_moved} moet tussen 0 en het aantal leerlingen ({n_pupils}) liggen.",
        "en": "n_moved = {n_moved} must lie between 0 and the number of pupils ({n_pupils}).",
    },
    "zv_note_missing_cells": {
        "nl": "{n} school-periode(n) zonder aantal of leerlingen niet meegeteld: {shown}{more}.",
        "en": "{n} school period(s) without a count or pupils not counted: {shown}{more}.",
    },
    "zv_note_dropped_units": {
        "nl": "{n} school/scholen weggelaten omdat ze niet in alle perioden meetellen: {shown}.",
        "en": "{n} school(s) left out because they do not count in all periods: {shown}.",
    },
    # --- end of analysis-module errors
    # --- SDQ: gender-specific cut-off tables
    "sv_sdq_gender_needed": {
        "nl": "Deze SDQ-grenzen verschillen voor jongens en meisjes: geef met gender= de kolom met het geslacht "
              "(nu: '{column}').",
        "en": "These SDQ cut-offs differ for boys and girls: name the column with the gender with gender= "
              "(now: '{column}').",
    },
    "sv_sdq_gender_table": {
        "nl": "De kolom gender van de grenzentabel bevat '{value}'; gebruik jongen of meisje (leeg = voor "
              "iedereen).",
        "en": "The gender column of the cut-off table holds '{value}'; use boy or girl (empty = for everyone).",
    },
    "sv_sdq_norm_gender": {"nl": ", {gender}", "en": ", {gender}"},
    "sv_sdq_no_gender": {"nl": "geen norm: geslacht ontbreekt of is niet jongen of meisje",
                         "en": "no norm: gender missing or not boy or girl"},
    # --- agency names: why a name was merged (or not); the column 'reden' of the normalisation table
    "ag_reason_mapping": {"nl": "staat in de koppeltabel", "en": "in the lookup table"},
    "ag_reason_exact": {
        "nl": "zelfde naam als '{agency}' op hoofdletters, accenten, spaties en leestekens na",
        "en": "same name as '{agency}' apart from capitals, accents, spaces and punctuation",
    },
    "ag_reason_acronym": {
        "nl": "zelfde afkorting als '{agency}': punten en spaties in een afkorting tellen niet (G.G.D. = GGD)",
        "en": "same acronym as '{agency}': dots and spaces in an acronym do not count (G.G.D. = GGD)",
    },
    "ag_reason_fuzzy": {
        "nl": "lijkt op '{agency}' (overeenkomst {score}%); een voorstel — controleer het",
        "en": "looks like '{agency}' (similarity {score}%); a suggestion — check it",
    },
    "ag_reason_region": {
        "nl": "'{bare}' en '{regional}' verschillen alleen in de plaats of regio en de gegevens noemen geen andere "
              "variant met een plaats; samengevoegd tot '{agency}' — controleer het",
        "en": "'{bare}' and '{regional}' differ only in the place or region and the data name no other variant "
              "with a place; merged into '{agency}' — check it",
    },
    "ag_reason_role": {
        "nl": "'{raw}' is een functie bij '{agency}'; geteld als '{agency}' — controleer het",
        "en": "'{raw}' is a role at '{agency}'; counted as '{agency}' — check it",
    },
    "ag_reason_ambiguous": {
        "nl": "'{raw}' kan {options} zijn; niet samengevoegd — leg het vast in de koppeltabel",
        "en": "'{raw}' may be {options}; not merged — record it in the lookup table",
    },
    "ag_or": {"nl": "of", "en": "or"},
    "nm_note_agency_rule": {
        "nl": "Instantienaam: {reason}.",
        "en": "Agency name: {reason}.",
    },
    # --- CBS: topics down the rows with one dimension across; lines longer than the header
    "cbs_across_empty": {
        "nl": "Bestand '{file}', regel {row}, kolom {column}: deze kolom heeft geen naam in de kopregel; de cijfers "
              "eronder zijn dan van geen enkele regio of groep. Vul de naam in of download de tabel opnieuw.",
        "en": "File '{file}', line {row}, column {column}: this column has no name in the header line, so its figures "
              "belong to no region or group. Fill in the name or download the table again.",
    },
    "cbs_across_twice": {
        "nl": "Bestand '{file}', regel {row}, kolom {column}: '{value}' staat ook al boven kolom {first}; de cijfers "
              "van beide kolommen zijn dan niet uit elkaar te houden. Geef elke kolom een eigen naam.",
        "en": "File '{file}', line {row}, column {column}: '{value}' also heads column {first}, so the figures of the "
              "two columns cannot be told apart. Give every column its own name.",
    },
    "cbs_long_extra": {
        "nl": "Bestand '{file}', regel {row}, kolom {column}: '{value}' staat rechts van de laatste kolom van de "
              "kopregel en heeft dus geen naam. Verwijder de cel of vul de kopregel aan.",
        "en": "File '{file}', line {row}, column {column}: '{value}' is right of the header's last column and so has "
              "no name. Remove the cell or complete the header.",
    },
    # --- SDQ gender codes
    "sv_sdq_gender_letter": {
        "nl": "{where}: alleen de letter M is dubbelzinnig (man = jongen, of meisje naast J?). Schrijf jongen/meisje, "
              "of gebruik J/M of M/V.",
        "en": "{where}: a lone letter M is ambiguous (male = boy, or meisje = girl next to J?). Write boy/girl, or use "
              "J/M or M/V.",
    },
    "sv_sdq_gender_number": {
        "nl": "{where}: '{value}' is een code; welke code jongen of meisje is, staat niet in het bestand. Schrijf "
              "jongen/meisje.",
        "en": "{where}: '{value}' is a code; which code is a boy or a girl is not in the file. Write boy/girl.",
    },
    "sv_sdq_gender_in_table": {"nl": "De kolom gender van de grenzentabel", "en": "The gender column of the cut-off table"},
    "sv_sdq_gender_in_data": {"nl": "Kolom '{column}' (geslacht)", "en": "Column '{column}' (gender)"},
    "sv_sdq_gender_column": {
        "nl": "Kolom '{column}' (gender=) staat niet in de gegevens.",
        "en": "Column '{column}' (gender=) is not in the data.",
    },
    "sv_sdq_gender_unused": {
        "nl": "gender='{column}' heeft geen effect: deze SDQ-grenzen zijn niet per geslacht. Laat gender= weg, of geef "
              "met cutoffs= een tabel met een kolom gender.",
        "en": "gender='{column}' has no effect: these SDQ cut-offs are not gender-specific. Leave out gender=, or pass "
              "a table with a gender column with cutoffs=.",
    },
    "sv_sdq_gender_other": {
        "nl": "{n} respondent(en) met een geslacht dat geen jongen of meisje is in kolom '{column}' ({values}): zij "
              "krijgen alleen de grenzen voor iedereen (zonder geslacht), of geen band.",
        "en": "{n} respondent(s) with a gender that is neither boy nor girl in column '{column}' ({values}): they get "
              "only the cut-offs for everyone (without gender), or no band.",
    },
    "sv_sdq_gender_outside": {"nl": "geen norm voor {gender}", "en": "no norm for a {gender}"},
    "sv_sdq_cutoffs_twice": {
        "nl": "De grenzentabel heeft voor schaal '{scale}' twee rijen voor dezelfde leeftijd en hetzelfde geslacht; "
              "welke geldt is dan niet te zeggen. Haal een van de twee weg.",
        "en": "The cut-off table has two rows for scale '{scale}' for the same age and gender, so which one applies "
              "cannot be told. Remove one of them.",
    },
    "sv_plot_nothing": {
        "nl": "Geen enkele vraag heeft minstens {k} antwoorden per groep: er is niets te tonen zonder dat je iemand "
              "zou kunnen herkennen.",
        "en": "No question has at least {k} answers per group: nothing can be shown without making someone "
              "recognisable.",
    },
    "value_at_row": {"nl": "{value} (rij {row})", "en": "{value} (row {row})"},
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

    Missing values become an en dash. Negative zero is printed as zero. A negative number gets the
    typographic minus (U+2212), as the sentences write it (``−21%``), not the hyphen; machine-readable
    outputs (CSV cells) do not use this function.

    Examples
    --------
    >>> format_number(-16512.4), format_number(1234.5, 1, "en"), format_number(-0.001, 2)
    ('−16.512', '1,234.5', '0,00')
    """
    check_lang(lang)
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    value = round(float(x), decimals) + 0.0
    text = f"{value:,.{decimals}f}"
    if lang == "nl":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return "−" + text[1:] if text.startswith("-") else text


def format_percent(x: float, decimals: int = 0, lang: str = "nl") -> str:
    """Format a proportion (0.243) as a percentage for people: ``24%`` or ``24,3%``."""
    return format_number(100 * x, decimals, lang) + "%"


def format_p(p: float, lang: str = "nl") -> str:
    """A p-value for people, with its sign: ``p = 0,042``, and ``p < 0,001`` instead of ``p = 0,000``.

    Examples
    --------
    >>> format_p(0.04213), format_p(0.00002), format_p(0.0007), format_p(0.0004, lang="en")
    ('p = 0,042', 'p < 0,001', 'p < 0,001', 'p < 0.001')
    """
    if p is None or (isinstance(p, float) and math.isnan(p)):
        return "p = " + format_number(float("nan"), 3, lang)
    # below 0.001 (not only below 0.0005, which would round to 0,000): the same rule as the exported tables
    return f"p < {format_number(0.001, 3, lang)}" if p < 0.001 else f"p = {format_number(p, 3, lang)}"


def format_date(d, lang: str = "nl") -> str:
    """A date for people: ``12-07-2024`` in Dutch, ``12 July 2024`` in English (never day and month as bare numbers
    for an English reader, who would read 12-07 as 7 December).

    Examples
    --------
    >>> import datetime
    >>> format_date(datetime.date(2024, 7, 12)), format_date(datetime.date(2024, 7, 12), "en")
    ('12-07-2024', '12 July 2024')
    """
    check_lang(lang)
    if lang == "nl":
        return d.strftime("%d-%m-%Y")
    return f"{d.day} {t('month_names', lang).split()[d.month - 1]} {d.year}"


class Note(str):
    """A message kept in every language: it reads (and compares) as its Dutch text; :func:`in_lang` gives the others.

    Result objects collect notes while they are computed, before anyone says in which language they will
    be read; a plain Dutch string there leaked into English summaries. Make them with :func:`note`.
    """

    texts: dict

    def __new__(cls, texts: dict):
        obj = super().__new__(cls, texts["nl"])
        obj.texts = dict(texts)
        return obj

    def __getnewargs__(self):  # copy and pickle make a Note again, with every language
        return (self.texts,)


def note(key: str, **kwargs) -> Note:
    """Message ``key`` in every language; a callable keyword value is called with the language (numbers, dates).

    Examples
    --------
    >>> n = note("es_note_small_cohort", n=3)
    >>> n, in_lang(n, "en")
    ('Kleinste startgroep: 3 eenheden; de intervallen zijn dan ruw.', 'Smallest start group: 3 units; the intervals are rough.')
    >>> in_lang(note("its_note_ar", rho=lambda lang: format_number(0.123, 2, lang), df=52), "en")[:62]
    'Standard errors corrected for autocorrelation (estimated: 0.12'
    >>> import copy, pickle
    >>> in_lang(pickle.loads(pickle.dumps(n)), "en") == in_lang(copy.deepcopy(n), "en") == in_lang(n, "en")
    True
    >>> in_lang("not a note", "en")
    'not a note'
    """
    return Note({lang: t(key, lang, **{k: v(lang) if callable(v) else v for k, v in kwargs.items()})
                 for lang in LANGS})


def in_lang(text: str, lang: str = "nl") -> str:
    """A :class:`Note` in ``lang``; any other string unchanged."""
    check_lang(lang)
    return text.texts[lang] if isinstance(text, Note) else text
