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
from .schemas import KINDS

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
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT", parser_class=_DutchParser)

    val = sub.add_parser("validate", help="controleer een bestand en toon het kwaliteitsrapport", **common)
    val.add_argument("file", metavar="BESTAND", help="CSV- of Excel-bestand")
    val.add_argument("--kind", "--soort", required=True, choices=list(KINDS), metavar="SOORT",
                     help="soort tabel: " + ", ".join(KINDS))
    val.add_argument("--sheet", "--tabblad", default=None, help="tabblad in Excel (standaard: automatisch)")
    val.add_argument("--lang", default="nl", choices=["nl", "en"], help="taal van het rapport")
    val.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    demo = sub.add_parser("demo", help="voer alle notebooks uit op de voorbeelddata (figuren in figures/)",
                          **common)
    demo.add_argument("--notebooks", default="notebooks", help="map met notebooks (standaard: notebooks)")
    demo.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    data = sub.add_parser("voorbeelddata", help="maak de synthetische voorbeelddata en Excel-sjablonen opnieuw",
                          **common)
    data.add_argument("--map", default="data_raw", help="doelmap (standaard: data_raw)")
    data.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")
    for p in (parser, val, demo, data):
        p._optionals.title = "opties"
        p._positionals.title = "argumenten" if p is not parser else "opdrachten"
    return parser


def run_notebooks(folder="notebooks", timeout: int = 900) -> list[Path]:
    """Execute every ``.ipynb`` in ``folder`` in name order, with the notebook folder as working directory.

    Raises :class:`InputError` (Dutch) naming the notebook and the failing cell.
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    folder = Path(folder)
    books = sorted(folder.glob("*.ipynb"))
    if not books:
        raise InputError(f"Geen notebooks gevonden in '{folder}'. Start de opdracht in de projectmap.")
    for path in books:
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                                resources={"metadata": {"path": str(folder.resolve())}})
        try:
            client.execute()
        except CellExecutionError as err:
            raise InputError(f"Notebook '{path.name}' stopte met een fout:\n{err}", file=path) from None
        print(f"✓ {path.name}")
    return books


def main(argv=None) -> int:
    """Entry point of the ``evaluatie`` command; returns the exit code (0 ok, 2 input error)."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        if args.command == "validate":
            from .io import read_table

            data, report = read_table(args.file, kind=args.kind, sheet=args.sheet, lang=args.lang)
            print(report.summary())
            return 0
        if args.command == "demo":
            run_notebooks(args.notebooks)
            print("Klaar: figuren staan in figures/, tabellen en rapporten in reports/.")
            return 0
        if args.command == "voorbeelddata":
            from .io import write_template
            from .synthetic import write_example_files

            root = Path(args.map)
            paths = list(write_example_files(root / "voorbeeld").values())
            names = {"dossier": "dossier", "panel": "panel", "referrals": "verwijzingen", "survey": "vragenlijst",
                     "fragments": "interviewfragmenten", "trajectories": "trajecten"}
            paths += [write_template(k, root / "sjablonen" / f"sjabloon_{names[k]}.xlsx") for k in KINDS]
            print(f"{len(paths)} bestanden geschreven in {root}/.")
            return 0
        parser.print_help()
        return 0
    except InputError as err:
        print(f"Fout: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
