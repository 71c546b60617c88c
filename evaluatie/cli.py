"""The ``evaluatie`` command (Dutch help): validate files, run the example pipeline, write example data.

Examples
--------
>>> main(["--help"])  # doctest: +ELLIPSIS
gebruik: evaluatie ...
0
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import InputError
from .notebooks import NOTEBOOKS, run_notebooks
from .schemas import KINDS
from .text import t

__all__ = ["main", "run_notebooks"]


class _DutchFormatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, prefix="gebruik: " if prefix is None else prefix)


_ARGPARSE_NL = {
    "the following arguments are required": "deze argumenten zijn verplicht",
    "invalid choice": "ongeldige keuze",
    "choose from": "kies uit",
    "unrecognized arguments": "onbekende argumenten",
    "expected one argument": "verwacht één waarde",
}


class _DutchParser(argparse.ArgumentParser):
    def error(self, message):
        for en, nl in _ARGPARSE_NL.items():
            message = message.replace(en, nl)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {message}\n")


def _parser() -> argparse.ArgumentParser:
    common = dict(formatter_class=_DutchFormatter, add_help=False)
    parser = _DutchParser(
        prog="evaluatie", description="Evalueren van jeugdhulp in en om de school.\n\n"
        "Voorbeelden:\n  evaluatie validate mijn_bestand.xlsx --kind dossier\n  evaluatie demo", **common)
    parser._positionals.title = "opdrachten"
    parser._optionals.title = "opties"
    parser.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")
    parser.add_argument("--debug", action="store_true",
                        help="toon bij een onverwachte fout de volledige foutmelding (voor ontwikkelaars)")
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT", parser_class=_DutchParser)

    val = sub.add_parser("validate", help="controleer een bestand en toon het kwaliteitsrapport", **common)
    val.add_argument("file", metavar="BESTAND", help="CSV- of Excel-bestand")
    val.add_argument("--kind", "--soort", required=True, choices=list(KINDS), metavar="SOORT",
                     help="soort tabel: " + ", ".join(KINDS))
    val.add_argument("--sheet", "--tabblad", default=None, help="tabblad in Excel (standaard: automatisch)")
    val.add_argument("--lang", default="nl", choices=["nl", "en"], help="taal van het rapport")
    val.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    demo = sub.add_parser("demo", help="voer alle notebooks en de voorbeeldfactsheet uit op de voorbeelddata",
                          **common)
    demo.add_argument("--notebooks", default="notebooks", help="map met notebooks (standaard: notebooks)")
    demo.add_argument("--geen-rapport", dest="rapport", action="store_false",
                      help="alleen de notebooks, niet de factsheet van de voorbeeldpilot")
    demo.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    nul = sub.add_parser("nulmeting", help="nulmeting instanties: kerntabel, conclusie en figuren uit een "
                         "dossierbestand", **common)
    nul.add_argument("file", metavar="BESTAND", help="dossierbestand (CSV of Excel), één rij per leerling × instantie")
    nul.add_argument("--leerlingen", action="append", default=[], metavar="AANTAL",
                     help="totaal aantal leerlingen per school als niet alle dossiers gelezen zijn: "
                          "\"SBO De Brug=160,SBO De Vlinder=95\" (één getal, bv. 160, alleen bij één school)")
    nul.add_argument("--leerlingen-kolom", default=None, metavar="KOLOM",
                     help="kolom in het bestand met het totaal aantal leerlingen van de school op elke rij, "
                          "bv. \"Leerlingen school\" (in plaats van --leerlingen)")
    nul.add_argument("--koppeltabel", default=None, help="gecontroleerde koppeltabel van instantienamen (CSV/Excel)")
    nul.add_argument("--figuren", default=None, help="map voor figuren (standaard: figures/<bestandsnaam>)")
    nul.add_argument("--bron", default=None, help="bronvermelding onder de figuren (standaard: de bestandsnaam)")
    nul.add_argument("--sheet", "--tabblad", default=None, help="tabblad in Excel (standaard: automatisch)")
    nul.add_argument("--lang", default="nl", choices=["nl", "en"], help="taal van tabel, tekst en figuren")
    nul.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    zv = sub.add_parser("zorgvraag", help="verwijzingen naar tweedelijns jeugdhulp voor en na de start: "
                        "verschil-in-verschillen en figuren", **common)
    zv.add_argument("file", metavar="BESTAND", help="panel (CSV/Excel): school × periode met aantal verwijzingen, "
                    "aantal leerlingen en jeugdondersteuner ja/nee of startdatum")
    zv.add_argument("--model", default="poisson", choices=["poisson", "quasipoisson", "negbin", "gaussian"],
                    help="model voor de aantallen (standaard: poisson)")
    zv.add_argument("--inferentie", default="auto", choices=["auto", "randomization", "wild", "cluster"],
                    help="hoe de onzekerheid wordt bepaald (standaard: auto, geschikt voor weinig scholen)")
    zv.add_argument("--seed", type=int, default=1, help="startgetal voor toevalstrekkingen (standaard: 1)")
    zv.add_argument("--uitrol", action="store_true", help="ook het effect per periode sinds de start bij gespreide "
                    "invoering (Callaway & Sant'Anna)")
    zv.add_argument("--tijdreeks", action="store_true", help="onderbroken tijdreeks van het hele gebied (zonder "
                    "vergelijkingsgroep; geschikt als alle scholen tegelijk of geen scholen ontbreken)")
    zv.add_argument("--figuren", default=None, help="map voor figuren (standaard: figures/<bestandsnaam>)")
    zv.add_argument("--bron", default=None, help="bronvermelding onder de figuren (standaard: de bestandsnaam)")
    zv.add_argument("--sheet", "--tabblad", default=None, help="tabblad in Excel (standaard: automatisch)")
    zv.add_argument("--lang", default="nl", choices=["nl", "en"], help="taal van tekst en figuren")
    zv.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    vl = sub.add_parser("vragenlijst", help="vragenlijsten (en interviews): respons, betrouwbaarheid, antwoorden "
                        "per vraag en voor/na-vergelijking", **common)
    vl.add_argument("file", metavar="BESTAND", help="vragenlijstbestand (CSV/Excel): één rij per respondent × meting")
    vl.add_argument("--codeboek", default=None, help="codeboek (CSV/Excel): vraag, vraagtekst, schaal, omgescoord, "
                    "construct")
    vl.add_argument("--fragmenten", default=None, help="gecodeerde interviewfragmenten (CSV/Excel), optioneel")
    vl.add_argument("--figuren", default=None, help="map voor figuren (standaard: figures/<bestandsnaam>)")
    vl.add_argument("--bron", default=None, help="bronvermelding onder de figuren (standaard: de bestandsnaam)")
    vl.add_argument("--sheet", "--tabblad", default=None, help="tabblad in Excel (standaard: automatisch)")
    vl.add_argument("--seed", type=int, default=1, help="startgetal voor toevalstrekkingen (standaard: 1)")
    vl.add_argument("--lang", default="nl", choices=["nl", "en"], help="taal van tekst en figuren")
    vl.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    dl = sub.add_parser("doorlooptijden", help="tijd van start tot eind per casus (bv. thuiszitters tot passend "
                        "aanbod): mediaan, aandeel binnen de norm, log-rank en figuur", **common)
    dl.add_argument("file", metavar="BESTAND", help="trajecten (CSV/Excel): casus, startdatum, einddatum (leeg = "
                    "loopt nog), eventueel groep")
    dl.add_argument("--peildatum", default=None, help="datum tot waar lopende casussen meetellen (standaard: de "
                    "laatste datum in het bestand)")
    dl.add_argument("--norm", type=float, default=90, help="norm in dagen (standaard: 90, Thuiszitterspact)")
    dl.add_argument("--figuren", default=None, help="map voor figuren (standaard: figures/<bestandsnaam>)")
    dl.add_argument("--bron", default=None, help="bronvermelding onder de figuur (standaard: de bestandsnaam)")
    dl.add_argument("--sheet", "--tabblad", default=None, help="tabblad in Excel (standaard: automatisch)")
    dl.add_argument("--lang", default="nl", choices=["nl", "en"], help="taal van tekst en figuur")
    dl.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    ag = sub.add_parser("agencies", aliases=["instanties"], help="instantienamen controleren", **common)
    agsub = ag.add_subparsers(dest="agencies_command", metavar="OPDRACHT", parser_class=_DutchParser, required=True)
    rev = agsub.add_parser("review", aliases=["controleer"], help="schrijf alle instantienamen met voorstellen naar "
                           "een Excel-blad om te controleren; daarna is dat blad de koppeltabel", **common)
    rev.add_argument("file", metavar="BESTAND", help="dossierbestand (CSV of Excel)")
    rev.add_argument("--koppeltabel", default=None, help="eerder gecontroleerde koppeltabel (wordt aangevuld)")
    rev.add_argument("--uit", default=None, help="te schrijven Excel-bestand (standaard: koppeltabel_controle.xlsx "
                     "naast het dossierbestand)")
    rev.add_argument("--sheet", "--tabblad", default=None, help="tabblad in Excel (standaard: automatisch)")
    rev.add_argument("--overschrijf", action="store_true", help="vervang het uitvoerbestand als het al bestaat "
                     "(standaard: weigeren, zodat een gecontroleerde koppeltabel of dossier niet verloren gaat)")
    for p in (ag, rev):
        p.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    nb = sub.add_parser("notebook", help="voer een notebook uit voor je eigen bestand; het uitgevoerde notebook "
                        "(ook als HTML, je werkversie) komt in notebooks/uitgevoerd/<bestandsnaam>/", **common)
    nb.add_argument("notebook", choices=list(NOTEBOOKS), metavar="NOTEBOOK",
                    help="welk notebook: " + ", ".join(NOTEBOOKS))
    nb.add_argument("--bestand", required=True, help="je eigen gegevensbestand (CSV of Excel); bij notebook 04 de "
                    "thuiszitters: één rij per leerling met aanmelddatum en datum passend aanbod")
    nb.add_argument("--koppeltabel", default=None, help="gecontroleerde koppeltabel van instantienamen (notebook 01)")
    nb.add_argument("--leerlingen", action="append", default=[], metavar="AANTAL",
                    help="totaal aantal leerlingen per school (notebook 01): \"SBO De Brug=160,SBO De Vlinder=95\"")
    nb.add_argument("--leerlingen-kolom", default=None, metavar="KOLOM",
                    help="kolom in het bestand met het totaal aantal leerlingen per school (notebook 01), "
                         "bv. \"Leerlingen school\"")
    nb.add_argument("--reeks", default=None, help="eigen tijdreeks van één gemeente (notebook 02b)")
    nb.add_argument("--klas", default=None, metavar="BESTAND",
                    help="kleine groep, één rij per leerling met startdatum, einddatum en uitkomst (notebook 04; "
                    "zonder dit bestand wordt dat deel overgeslagen)")
    nb.add_argument("--procedures", default=None, metavar="BESTAND",
                    help="procedures, één rij per casus met een datum per stap (notebook 04; zonder dit bestand "
                    "wordt dat deel overgeslagen)")
    nb.add_argument("--panel", default=None, metavar="BESTAND",
                    help="verwijzingen per school × maand voor de verhouding na/voor in het kostenmodel (notebook 04; "
                    "zonder dit bestand wordt dat deel overgeslagen)")
    nb.add_argument("--codeboek", default=None, metavar="BESTAND",
                    help="codeboek van je vragenlijst (notebook 03): vraag, vraagtekst, schaal, omgescoord, construct")
    nb.add_argument("--fragmenten", default=None, metavar="BESTAND",
                    help="gecodeerde interviewfragmenten (notebook 03; zonder dit bestand wordt dat deel overgeslagen)")
    nb.add_argument("--peildatum", default=None, metavar="DATUM",
                    help="lopende casussen tellen mee tot deze datum, bv. 31-7-2024 (notebook 04; standaard: de "
                    "laatste datum in het bestand)")
    nb.add_argument("--bron", default=None, help="bronregel onder de figuren (standaard: de namen van je bestanden)")
    nb.add_argument("--schooljaar", default=None, help="schooljaar voor de bronregel, bv. 2024-2025")
    nb.add_argument("--soort", default=None, choices=list(KINDS), metavar="SOORT",
                    help="soort tabel van je bestand (notebook 00): " + ", ".join(KINDS))
    nb.add_argument("--uit", default=None, help="waar het uitgevoerde notebook komt (.ipynb; standaard: "
                    "notebooks/uitgevoerd/<bestandsnaam>/)")
    nb.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    rap = sub.add_parser("rapport", help="een hele pilot in één keer: figuren, factsheet (HTML, PDF, Word), tabellen "
                         "en verantwoording uit een pilotbestand", **common)
    rap.add_argument("file", metavar="PILOT.toml", help="pilotbestand, bv. data_raw/voorbeeld/pilot.toml")
    rap.add_argument("--figuren", default="figures", help="map voor figuren (standaard: figures; de uitvoer komt in "
                     "figures/<naam>/)")
    rap.add_argument("--rapporten", default="reports", help="map voor factsheet en tabellen (standaard: reports)")
    rap.add_argument("--geen-pdf", action="store_true", help="maak geen PDF (geen Chromium nodig)")
    rap.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    pw = sub.add_parser("power", help="onderscheidend vermogen: hoeveel scholen en jaren zijn nodig om een daling "
                        "in verwijzingen te zien? (simulatie)", **common)
    pw.add_argument("--scholen", nargs="+", default=["15"], metavar="N", help="aantal scholen in de studie, met en "
                    "zonder jeugdondersteuner samen; meer waarden mag: --scholen 3 6 15 30 (standaard: 15)")
    pw.add_argument("--behandeld", nargs="+", default=["0,2"], metavar="K", help="scholen met een jeugdondersteuner: "
                    "een aantal (3) of een aandeel tussen 0 en 1 (0,2 = een vijfde; standaard)")
    pw.add_argument("--perioden", nargs="+", default=["36"], metavar="T", help="aantal perioden (maanden) per school; "
                    "de start ligt halverwege (standaard: 36)")
    pw.add_argument("--daling", nargs="+", default=["20"], metavar="PROCENT", help="echte daling van de verwijzingen "
                    "in procenten, bv. --daling 10 20 30 (standaard: 20)")
    pw.add_argument("--basis", nargs="+", default=["3"], metavar="AANTAL", help="verwijzingen per 1.000 leerlingen per "
                    "periode zonder jeugdondersteuner (standaard: 3)")
    pw.add_argument("--leerlingen", nargs="+", default=["300"], metavar="N", help="leerlingen per school (standaard: 300)")
    pw.add_argument("--spreiding", nargs="+", default=["0,3"], metavar="SD", help="verschillen tussen scholen: "
                    "standaardafwijking van de log-verwijzingskans (standaard: 0,3)")
    pw.add_argument("--overdispersie", nargs="+", default=["0"], metavar="A", help="extra toeval per school en periode: "
                    "variantie = μ + A·μ² (standaard: 0 = Poisson)")
    pw.add_argument("--golven", nargs="+", default=["1"], metavar="W", help="aantal startgolven (1 = alle scholen "
                    "tegelijk; standaard)")
    pw.add_argument("--inferentie", default="auto", choices=["auto", "randomization", "cluster"],
                    help="hoe de analyse de onzekerheid bepaalt, zoals in 'evaluatie zorgvraag' (standaard: auto)")
    pw.add_argument("--simulaties", type=int, default=1000, help="gesimuleerde studies per combinatie (standaard: 1000)")
    pw.add_argument("--mde", action="store_true", help="bereken de kleinste daling die met 80%% kans te zien is "
                    "(in plaats van de kans bij --daling)")
    pw.add_argument("--seed", type=int, default=1, help="startgetal voor toevalstrekkingen (standaard: 1)")
    pw.add_argument("--kernen", type=int, default=-1, help="aantal processorkernen (standaard: -1 = alle)")
    pw.add_argument("--tabel", default=None, help="schrijf de uitkomsten ook naar deze CSV (optioneel)")
    pw.add_argument("--figuren", default=None, help="map voor de figuur (standaard: figures/power)")
    pw.add_argument("--bron", default=None, help="bronvermelding onder de figuur (standaard: simulatie)")
    pw.add_argument("--lang", default="nl", choices=["nl", "en"], help="taal van tekst en figuur")
    pw.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    data = sub.add_parser("voorbeelddata", help="maak de synthetische voorbeelddata en Excel-sjablonen opnieuw",
                          **common)
    data.add_argument("--map", default="data_raw", help="doelmap (standaard: data_raw)")
    data.add_argument("--overschrijf", action="store_true", help="vervang bestaande bestanden in de doelmap "
                      "(standaard: weigeren)")
    data.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")
    for p in (parser, val, demo, data, nul, zv, vl, dl, ag, rev, nb, rap, pw):
        p._optionals.title = "opties"
        p._positionals.title = "argumenten" if p is not parser else "opdrachten"
    return parser


def _pupils_option(args):
    """``--leerlingen`` or ``--leerlingen-kolom`` (a column of the file), never both."""
    column = getattr(args, "leerlingen_kolom", None)
    if column and args.leerlingen:
        raise InputError(t("pupils_two_ways", getattr(args, "lang", "nl")))
    return column or _totals(args.leerlingen, getattr(args, "lang", "nl"))


def _totals(values: list[str], lang: str = "nl"):
    """``--leerlingen`` values: one number (a file with one school) or ``school=number`` pairs, separated
    by commas or given with a repeated option: ``"De Brug=160,De Vlinder=95"``."""
    if not values:
        return None
    if len(values) == 1 and "=" not in values[0]:
        if not values[0].strip().isdigit():
            raise InputError(t("cli_err_pupils_not_integer", lang, value=values[0]))
        return int(values[0])
    out = {}
    for v in (part for value in values for part in value.split(",") if part.strip()):
        school, _, number = v.rpartition("=")
        if not school.strip() or not number.strip().isdigit():
            raise InputError(t("cli_err_pupils_unreadable", lang, value=v.strip()))
        out[school.strip()] = int(number)
    return out


def _demo(args) -> int:
    """Run every notebook and the example pilot report; end with one short Dutch summary of what is where."""
    import os

    from .notebooks import EXAMPLE, ROOT
    from .pilot import run_pilot

    figures = Path(os.environ.get("EVALUATIE_FIGUREN", ROOT / "figures"))
    reports = Path(os.environ.get("EVALUATIE_RAPPORTEN", ROOT / "reports"))
    print(t("demo_start"))
    books = run_notebooks(args.notebooks)
    print(t("demo_notebooks_done", n=len(books)))
    pilot = EXAMPLE / "pilot.toml"
    paths = run_pilot(pilot, figures=figures, reports=reports, progress=lambda _: None) if args.rapport else {}
    n_fig = len(list(figures.rglob("*.png"))) if figures.is_dir() else 0
    lines = [t("demo_done", n=len(books)), t("demo_figures", folder=_shown(figures), n=n_fig)]
    if paths:
        html = paths["factsheet.html"]
        made = [p.suffix for p in (html.with_suffix(".pdf"), html.with_suffix(".docx")) if p.exists()]
        lines.append(t("demo_factsheet", path=_shown(html), also=", ".join(made) or "–"))
        lines.append(t("demo_tables", path=_shown(html.parent / "tabellen.xlsx"),
                       note=_shown(html.parent / "verantwoording.md")))
        if "_pdf_note" in paths:
            lines.append(t("demo_no_pdf"))
    lines.append(t("demo_next"))
    print("\n".join(lines))
    return 0


def _shown(path: Path) -> str:
    """A path as a newcomer types it: relative to the working folder when it is inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _notebook(args) -> int:
    """``evaluatie notebook 01 --bestand FILE``: run one notebook with the student's settings."""
    from .notebooks import _settings_kwargs, notebook_settings, run_notebook

    if not Path(args.bestand).exists():
        raise InputError(t("nb_missing", getattr(args, "lang", "nl"), what="MIJN_BESTAND", file=args.bestand, cwd=str(Path.cwd())),
                         file=args.bestand)
    parameters = {"MIJN_BESTAND": str(Path(args.bestand).resolve())}
    if args.koppeltabel:
        parameters["KOPPELTABEL"] = str(Path(args.koppeltabel).resolve())
    totals = _pupils_option(args)
    if totals is not None:
        parameters["LEERLINGEN"] = totals
    for option, setting in (("reeks", "MIJN_REEKS"), ("klas", "MIJN_KLAS"), ("procedures", "MIJN_PROCEDURES"),
                            ("panel", "MIJN_PANEL"), ("codeboek", "CODEBOEK"), ("fragmenten", "FRAGMENTEN")):
        if getattr(args, option):
            parameters[setting] = str(Path(getattr(args, option)).resolve())
    if args.peildatum:
        parameters["PEILDATUM"] = args.peildatum
    if args.bron:
        parameters["BRON"] = args.bron
    if args.schooljaar:
        parameters["SCHOOLJAAR"] = args.schooljaar
    if args.soort:
        parameters["SOORT"] = args.soort
    settings = notebook_settings(args.notebook, **_settings_kwargs(parameters))
    print(f"Notebook {args.notebook} draait met {Path(args.bestand).name}...")
    _, out = run_notebook(args.notebook, parameters=parameters, output=args.uit)
    def written(folder: Path) -> str:  # a folder the run wrote nothing to is not announced as if it had
        return f"{folder}/" if folder.is_dir() and any(folder.iterdir()) else t("nb_cli_nothing", folder=str(folder))

    print(t("nb_cli_done", notebook=str(out), html=out.with_suffix(".html").name, figures=written(settings.figures),
            reports=written(settings.reports)))
    return 0


def _nulmeting(args) -> int:
    import pandas as pd

    from .io import read_table
    from .nulmeting import analyze

    data, report = read_table(args.file, kind="dossier", sheet=args.sheet, lang=args.lang)
    result = analyze(data, n_total=_pupils_option(args), mapping=args.koppeltabel, report=report)
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        print(result.table(args.lang).to_string(index=False))
    print()
    for school in result.schools:
        print(f"{school}: {result.summary(school, args.lang)}\n")
    print(report.summary())
    paths = result.save_figures(source=args.bron or Path(args.file).name, folder=args.figuren, lang=args.lang)
    folder = next(iter(paths.values()))["png"].parent if paths else args.figuren
    print(f"\n{len(paths)} figuren geschreven in {folder}/.")
    return 0


def _refuse_overwrite(paths, overwrite: bool, lang: str = "nl") -> None:
    """Stop (message in ``lang``, exit code 2) before replacing an existing file, unless ``--overschrijf``."""
    from .text import t

    existing = [Path(p) for p in paths if Path(p).exists()]
    if existing and not overwrite:
        raise InputError(t("overwrite_refused", lang, file=existing[0]), file=existing[0])


def _doorlooptijden(args) -> int:
    from .durations import kaplan_meier, logrank
    from .io import read_table
    from .plots import save_figure

    data, report = read_table(args.file, kind="trajectories", sheet=args.sheet, lang=args.lang)
    print(report.summary() + "\n")
    group = "group" if "group" in data and data["group"].nunique() > 1 else None
    km = kaplan_meier(data, group=group, reference_date=args.peildatum, lang=args.lang)
    print((logrank(data, group=group, reference_date=args.peildatum, lang=args.lang).summary(args.lang) if group
           else km.sentence(args.lang, days=args.norm)) + "\n" + km.summary(args.lang, days=args.norm).split("\n", 1)[1])
    save_figure(km.plot(lang=args.lang, days=args.norm).figure, "04_doorlooptijden", source=args.bron or
                Path(args.file).name, n=len(km.data), caption=km.sentence(args.lang, days=args.norm), lang=args.lang,
                folder=args.figuren)
    return 0


def _zorgvraag(args) -> int:
    import matplotlib.pyplot as plt

    from .did import panel_did
    from .staggered import event_study
    from .io import read_table
    from .its import segmented
    from .plots import save_figure
    from .zorgvraag import plot_rates, prepare, total_series

    data, report = read_table(args.file, kind="panel", sheet=args.sheet, lang=args.lang)
    panel = prepare(data, lang=args.lang)
    one_series = panel["unit"].nunique() < 2
    if one_series and not args.tijdreeks:
        raise InputError(t("cli_err_one_series", args.lang))
    source = args.bron or Path(args.file).name
    exposure = "exposure" if "exposure" in panel else None
    written = []

    def save(ax, name, n, sentence):
        save_figure(ax.figure, name, source=source, n=n, lang=args.lang, caption=sentence,
                    folder=args.figuren)
        plt.close(ax.figure)
        written.append(name)

    if args.tijdreeks:
        series, start = total_series(panel, lang=args.lang)
        for note in series.attrs["notes"]:
            print(f"- {note}")
        its = segmented(series, "count", "period", start, exposure=exposure,
                        family="quasipoisson" if args.model == "poisson" else args.model,
                        seasonality="fourier" if len(series) >= 24 else None, lang=args.lang)
        print(its.summary(args.lang) + "\n")
        save(its.plot(lang=args.lang), "02_tijdreeks", len(series), its.sentence(args.lang))
    if not one_series:
        result = panel_did(panel, exposure=exposure, family=args.model, inference=args.inferentie, seed=args.seed,
                           lang=args.lang)
        print(result.summary(args.lang))
        if args.uitrol:
            es = event_study(panel, exposure=exposure, family="gaussian" if args.model == "gaussian" else "poisson",
                             lang=args.lang)
            print("\n" + es.summary(args.lang))
            save(es.plot(lang=args.lang), "02_uitrol_per_periode", es.n_units, es.sentence(args.lang))
        if exposure and "start" in panel:
            save(plot_rates(panel, lang=args.lang), "02_verwijzingen_per_1000", result.n_units,
                 result.sentence(args.lang))
        save(result.plot(lang=args.lang), "02_effect_verschil_in_verschillen", result.n_units,
             result.sentence(args.lang))
        print()
    print(report.summary())
    print(f"\n{len(written)} figuren geschreven in {args.figuren or 'figures'}/.")
    return 0


def _vragenlijst(args) -> int:
    import re

    import matplotlib.pyplot as plt
    import pandas as pd

    from . import interviews, survey
    from .io import read_table
    from .plots import save_figure

    lang = args.lang
    data, report = read_table(args.file, kind="survey", sheet=args.sheet, raw_items=True, items=args.codeboek,
                              lang=lang)
    s = survey.prepare(data, args.codeboek, report=report, lang=lang)
    source = args.bron or Path(args.file).name
    written = 0
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        print(survey.response(s, lang=lang).to_string(index=False), end="\n\n")
        for construct in s.constructs or [None]:
            items = s.construct_items(construct)
            if construct:
                print(f"== {construct} ==")
            if len(items) >= 3:
                print(survey.reliability(s, items, lang=lang).sentence())
            summ = survey.likert_summary(s, items, by=s.wave, lang=lang)
            print(summ.summary().to_string(index=False), end="\n\n")
            ax = summ.plot()
            slug = re.sub(r"[^a-z0-9]+", "_", str(construct or "vragen").lower()).strip("_")
            save_figure(ax.figure, f"03_vragenlijst_{slug}", source=source, n=int(summ.table["n"].max()),
                        caption=t("sv_plot_title", lang), folder=args.figuren, lang=lang)
            plt.close(ax.figure)
            written += 1
        if s.constructs and s.wave and s.answers[s.wave].nunique() == 2:
            comparison = survey.compare(survey.scale_scores(s, lang=lang), s.constructs, within=s.wave,
                                        subject=s.respondent, seed=args.seed, lang=lang)
            print(comparison.summary().to_string(index=False))
            print(comparison.sentence(), end="\n\n")
        if args.fragmenten:
            fragments, frag_report = read_table(args.fragmenten, kind="fragments", sheet=args.sheet, lang=lang)
            freq = interviews.code_frequencies(fragments, lang=lang)
            print(interviews.summary(freq, lang=lang), end="\n\n")
            ax = interviews.plot_codes(freq, lang=lang)
            save_figure(ax.figure, "03_interviews_themas", source=args.bron or Path(args.fragmenten).name,
                        n=int(fragments["respondent"].nunique()), caption=interviews.summary(freq, lang=lang),
                        folder=args.figuren, lang=lang)
            plt.close(ax.figure)
            written += 1
            print(frag_report.summary())
    print(report.summary())
    print(f"\n{written} figuren geschreven in {args.figuren or 'figures'}/.")
    return 0


def _os_error_message(err: OSError) -> str:
    """Dutch message for a file-system error the user can fix (path is a file, no permission, disk full)."""
    name = err.filename if err.filename is not None else ""
    if isinstance(err, (NotADirectoryError, FileExistsError)):
        return (f"'{name}' is een bestand, maar hier is een map nodig (of een deel van het pad is een bestand). "
                "Kies een andere map of verwijder/hernoem het bestand.")
    if isinstance(err, IsADirectoryError):
        return f"'{name}' is een map, maar hier is een bestand nodig. Geef de naam van een bestand op."
    if isinstance(err, PermissionError):
        return (f"Geen toegang tot '{name}'. Is het bestand geopend in Excel, of mag je niet schrijven in deze "
                "map? Sluit het bestand of kies een andere map.")
    if isinstance(err, FileNotFoundError):
        return f"Bestand of map '{name}' bestaat niet. Controleer de naam en de map (werkmap: {Path.cwd()})."
    if err.errno == 28:  # ENOSPC
        return "De schijf is vol. Maak ruimte vrij en probeer het opnieuw."
    return f"Het bestand of de map '{name}' kan niet worden gelezen of geschreven ({err.strerror or err})."


def _log_unexpected(err: BaseException) -> Path | None:
    """Write the traceback of an unexpected error to a private log file; return its path (None if impossible)."""
    import os
    import tempfile
    import traceback

    path = Path(tempfile.gettempdir()) / "evaluatie_fout.log"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write("".join(traceback.format_exception(type(err), err, err.__traceback__)))
    except OSError:
        return None
    return path


def main(argv=None) -> int:
    """Entry point of the ``evaluatie`` command; returns the exit code.

    Exit codes: 0 ok; 2 a problem the user can fix (Dutch message on stderr, never a traceback);
    1 an unexpected error in evaluatie itself (short Dutch message; the traceback goes to a log
    file, or to the screen with ``--debug`` or ``EVALUATIE_DEBUG=1``); 130 interrupted.
    """
    import os

    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv or os.environ.get("EVALUATIE_DEBUG", "") not in ("", "0")
    argv = [a for a in argv if a != "--debug"]
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        return _run(parser, args)
    except InputError as err:
        print(f"Fout: {err}", file=sys.stderr)
        return 2
    except OSError as err:
        if debug:
            raise
        print(f"Fout: {_os_error_message(err)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return 130
    except MemoryError:
        print("Fout: te weinig geheugen voor dit bestand. Sluit andere programma's of splits het bestand.",
              file=sys.stderr)
        return 2
    except Exception as err:  # anything else is a bug in evaluatie: short message, details in a log
        if debug:
            raise
        log = _log_unexpected(err)
        where = f"De details staan in '{log}'." if log else "Start opnieuw met --debug voor de details."
        print(f"Fout: er ging onverwacht iets mis in evaluatie ({type(err).__name__}). Dit ligt waarschijnlijk "
              f"niet aan je bestand. {where} Start opnieuw met --debug om de volledige foutmelding te zien, en "
              "meld het probleem (zonder persoonsgegevens) bij de beheerders.", file=sys.stderr)
        return 1


def _check_output_folders(args) -> None:
    """Refuse an output folder that is an existing file before any work is done."""
    lang = getattr(args, "lang", "nl")
    for option in ("figuren", "map"):
        folder = getattr(args, option, None)
        if folder and Path(folder).exists() and not Path(folder).is_dir():
            raise InputError(t("cli_err_folder_is_file", lang, option=option, folder=folder), file=folder)
    if getattr(args, "uit", None) and Path(args.uit).is_dir():
        raise InputError(t("cli_err_out_is_folder", lang, out=args.uit,
                           example=Path(args.uit) / "koppeltabel_controle.xlsx"), file=args.uit)


def _rapport(args) -> int:
    from .pilot import load_pilot, run_pilot
    from .text import t

    paths = run_pilot(args.file, figures=args.figuren, reports=args.rapporten, pdf=not args.geen_pdf)
    html = paths["factsheet.html"]
    print(t("pilot_done", load_pilot(args.file).lang,  # the pilot file's language (taal), as the progress lines
            path=html, figures=Path(args.figuren) / html.parent.name, reports=html.parent))
    return 0


def _power(args) -> int:
    """``evaluatie power``: power (or the minimum detectable drop) for a grid of designs, a figure and a table."""
    import matplotlib.pyplot as plt

    from .plots import save_figure
    from .power import mde, simulate_did
    from .text import t

    def numbers(option: str, values: list[str], kind=float) -> list:
        out = []
        for v in values:
            try:
                x = float(str(v).replace(",", "."))
            except ValueError:
                raise InputError(t("power_cli_number", args.lang, option=option, value=v)) from None
            out.append(int(x) if kind is int and x == int(x) else x)
        return out

    treated = [int(x) if x >= 1 else x for x in numbers("--behandeld", args.behandeld)]
    design = dict(n_units=numbers("--scholen", args.scholen, int), n_treated=treated,
                  n_periods=numbers("--perioden", args.perioden, int), baseline_rate=numbers("--basis", args.basis),
                  pupils_per_unit=numbers("--leerlingen", args.leerlingen),
                  between_unit_sd=numbers("--spreiding", args.spreiding),
                  overdispersion=numbers("--overdispersie", args.overdispersie),
                  staggered=numbers("--golven", args.golven, int), inference=args.inferentie,
                  n_sims=args.simulaties, seed=args.seed, n_jobs=args.kernen, progress=True)
    if args.mde:
        result = mde(**design)
        name, n = "05_kleinste_daling", args.simulaties
    else:
        drops = numbers("--daling", args.daling)
        bad = [d for d in drops if not 0 <= d < 100]
        if bad:
            raise InputError(t("power_cli_drop", args.lang, value=format(bad[0], "g")))
        result = simulate_did(**design, rate_ratio=[1 - d / 100 for d in drops])
        name, n = "05_onderscheidend_vermogen", args.simulaties
    print(result.summary(args.lang))
    if args.tabel:
        result.to_frame().to_csv(args.tabel, index=False)
        print(t("power_cli_table", path=args.tabel))
    ax = result.plot(lang=args.lang)
    save_figure(ax.figure, name, source=args.bron or t("power_source", args.lang), n=f"{n} {t('power_n_studies', args.lang)}",
                caption=result.summary(args.lang), folder=args.figuren, lang=args.lang)
    plt.close(ax.figure)
    print(t("power_cli_figure", name=name, folder=args.figuren or "figures"))
    return 0


def _run(parser, args) -> int:
    _check_output_folders(args)
    if args.command in ("nulmeting", "zorgvraag", "vragenlijst", "doorlooptijden", "power") and not args.figuren:
        # figures of one's own file go to figures/<file name>/, as the notebooks do: never over the demo's
        import os

        from .notebooks import file_slug

        name = file_slug(args.file) if args.command != "power" else "power"
        args.figuren = str(Path(os.environ.get("EVALUATIE_FIGUREN", "figures")) / name)
    if args.command == "validate":
        from .io import read_table

        data, report = read_table(args.file, kind=args.kind, sheet=args.sheet, lang=args.lang)
        print(report.summary())
        return 0
    if args.command == "nulmeting":
        return _nulmeting(args)
    if args.command == "zorgvraag":
        return _zorgvraag(args)
    if args.command == "vragenlijst":
        return _vragenlijst(args)
    if args.command == "doorlooptijden":
        return _doorlooptijden(args)
    if args.command in ("agencies", "instanties"):
        from .agencies import review_sheet
        from .io import read_table

        data, report = read_table(args.file, kind="dossier", sheet=args.sheet)
        if "agency_raw" not in data:
            raise InputError(t("cli_err_no_agency_column", getattr(args, "lang", "nl"), file=Path(args.file).name),
                             file=args.file, column="agency_raw")
        out = Path(args.uit) if args.uit else Path(args.file).with_name("koppeltabel_controle.xlsx")
        _refuse_overwrite([out], args.overschrijf, getattr(args, "lang", "nl"))
        review_sheet(data["agency_raw"], out, mapping=args.koppeltabel, types=data.get("agency_type"))
        print(f"Geschreven: {out}\nControleer de rijen met 'controleren = ja' en geef het bestand daarna mee "
              "met --koppeltabel.")
        return 0
    if args.command == "demo":
        return _demo(args)
    if args.command == "rapport":
        return _rapport(args)
    if args.command == "power":
        return _power(args)
    if args.command == "notebook":
        return _notebook(args)
    if args.command == "voorbeelddata":
        from .io import write_template
        from .synthetic import write_example_files

        import shutil
        import tempfile

        root = Path(args.map)
        names = {"dossier": "dossier", "panel": "panel", "referrals": "verwijzingen", "survey": "vragenlijst",
                 "fragments": "interviewfragmenten", "trajectories": "trajecten"}
        with tempfile.TemporaryDirectory() as tmp:  # write aside first: existing files are only replaced on request
            made = list(write_example_files(Path(tmp) / "voorbeeld").values())
            made += [write_template(k, Path(tmp) / "sjablonen" / f"sjabloon_{names[k]}.xlsx") for k in KINDS]
            paths = [root / p.relative_to(tmp) for p in made]
            _refuse_overwrite(paths, args.overschrijf, getattr(args, "lang", "nl"))
            for source, target in zip(made, paths):
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
        print(f"{len(paths)} bestanden geschreven in {root}/.")
        return 0
    parser.print_help()
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
