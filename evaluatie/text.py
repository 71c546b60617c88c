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
    # --- honest-es: event study ---------------------------------------------------------------------
    "es_method_ri": {
        "nl": "Methode: Callaway & Sant’Anna (2021), {treated} van {units} eenheden in {cohorts} startgroep(en); "
              "onzekerheid met randomisatie-inferentie over de toewijzing van de startgroepen ({n} toewijzingen; "
              "p = {p} voor geen effect).",
        "en": "Method: Callaway & Sant’Anna (2021), {treated} of {units} units in {cohorts} start group(s); "
              "randomization inference over the assignment of start groups ({n} assignments; p = {p} for no "
              "effect)."},
    "es_pretrend": {"nl": "Vóór de start (toets op gelijke trends): p = {p}.",
                    "en": "Before the start (test of parallel trends): p = {p}."},
    "es_pretrend_warn": {"nl": "Vóór de start (toets op gelijke trends): p = {p} — let op: de groepen liepen al uiteen "
                               "vóór de start.",
                         "en": "Before the start (test of parallel trends): p = {p} — note: the groups already "
                               "diverged before the start."},
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
