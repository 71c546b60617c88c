"""Notebook settings and execution: one settings cell per notebook, run a notebook for one's own file.

Every notebook opens with one cell tagged ``parameters`` (papermill convention) holding the
settings a student fills in (``MIJN_BESTAND``, ``KOPPELTABEL``, ``LEERLINGEN``, ``BRON``,
``SCHOOLJAAR``). :func:`notebook_settings` turns those values into one :class:`Settings` object:
the example data with its reviewed mapping, pupil numbers and source line when no own file is
given, and *only* the student's own choices otherwise (never an example mapping, example pupil
numbers or the words "synthetische voorbeelddata" next to a student's file).

:func:`run_notebook` executes a notebook with other settings: a cell with the new values is
inserted right after the ``parameters`` cell (as papermill does), the notebook runs in
``notebooks/`` and the executed copy is written next to the reports.

Examples
--------
>>> s = notebook_settings("01")
>>> s.example, s.file.name, s.mapping.name
(True, 'dossieronderzoek_sbo.xlsx', 'koppeltabel_instanties.csv')
>>> s.source
'dossieronderzoek studenten (synthetische voorbeelddata)'
"""
from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

import pandas as pd

from .errors import InputError
from .text import check_lang, t

__all__ = ["Settings", "notebook_settings", "find_notebook", "inject_parameters", "run_notebook", "run_notebooks",
           "cells_without_figure", "NOTEBOOKS"]

Notebook = Literal["00", "01", "02", "02b", "03", "05"]
NOTEBOOKS: tuple[str, ...] = get_args(Notebook)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data_raw" / "voorbeeld"

#: The example each notebook uses when no own file is given (all synthetic).
_EXAMPLES = {
    "00": {"file": "dossieronderzoek_sbo.xlsx", "practice": "zorgvraag_rommelig.csv", "practice_kind": "panel",
           "source": "synthetisch voorbeeldbestand zorgvraag_rommelig.csv"},
    "01": {"file": "dossieronderzoek_sbo.xlsx", "mapping": "koppeltabel_instanties.csv",
           "pupils": {"SBO De Regenboog": 160, "SBO Het Kompas": 120, "SBO De Wegwijzer": 210, "SBO De Vlinder": 95},
           "source": "dossieronderzoek studenten (synthetische voorbeelddata)"},
    "02": {"file": "zorgvraag_panel.csv", "source": "verwijzingen per IKC (synthetische voorbeelddata)"},
    "02b": {"file": "zorgvraag_panel.csv", "series": "zorgvraag_gemeente.csv",
            "source": "verwijzingen per IKC en gemeente (synthetische voorbeelddata)"},
    "03": {"file": "vragenlijst.xlsx", "codebook": "codeboek_vragenlijst.csv", "fragments": "interviewfragmenten.csv",
           "source": "vragenlijst en interviews (synthetische voorbeelddata)"},
    "05": {"file": "zorgvraag_panel.csv", "source": "simulatie met kenmerken van de voorbeelddata (synthetisch)"},
}


@dataclass(frozen=True)
class Settings:
    """The resolved settings of one notebook run (see :func:`notebook_settings`).

    Attributes
    ----------
    notebook : str
        ``"00"``, ``"01"``, ``"02"`` or ``"02b"``.
    example : bool
        True when the synthetic example data are used (no own file given).
    file : Path
        The data file to read.
    series : Path or None
        Notebook 02b: the single series for the interrupted time series (own series, else the
        own panel summed over schools, else the example municipality).
    mapping : Path or None
        Reviewed agency-name mapping; never the example mapping with an own file.
    pupils : dict or None
        Total pupils per school; never the example numbers with an own file.
    source : str
        Source line under figures and tables.
    figures, reports : Path
        Where figures and exported tables go: ``figures/`` and ``reports/`` for the example, a
        sub-folder named after the own file otherwise (``figures/mijn_dossier/``).
    kind : str
        Kind of table of ``file`` (``dossier``, ``panel``, ...).
    practice, practice_kind : Path or None, str
        Notebook 00: the file whose quality report is drawn (a deliberately messy example, or the
        own file) and its kind.
    """

    notebook: str
    example: bool
    file: Path
    series: Path | None
    mapping: Path | None
    pupils: dict | None
    source: str
    figures: Path
    reports: Path
    kind: str = "dossier"
    practice: Path | None = None
    practice_kind: str = ""
    codebook: Path | None = None
    fragments: Path | None = None

    def to_frame(self, lang: str = "nl") -> pd.DataFrame:
        """The settings as a two-column table (``instelling``, ``waarde``) for display."""
        check_lang(lang)
        none = t("nb_none", lang)
        rows = [("nb_data", t("nb_example", lang) if self.example else t("nb_own", lang)),
                ("nb_file", self.file.name),
                ("nb_series", self.series.name if self.series else none),
                ("nb_mapping", self.mapping.name if self.mapping else none),
                ("nb_pupils", ", ".join(f"{k}: {v}" for k, v in self.pupils.items()) if self.pupils
                 else t("nb_pupils_all", lang)),
                ("nb_source", self.source), ("nb_figures", str(self.figures)), ("nb_reports", str(self.reports))]
        if self.notebook != "02b":
            rows = [r for r in rows if r[0] != "nb_series"]
        if self.notebook != "01":
            rows = [r for r in rows if r[0] not in ("nb_mapping", "nb_pupils")]
        if self.notebook == "03":
            rows[2:2] = [("nb_codebook", self.codebook.name if self.codebook else none),
                         ("nb_fragments", self.fragments.name if self.fragments else none)]
        cols = ["instelling", "waarde"] if lang == "nl" else ["setting", "value"]
        return pd.DataFrame([(t(k, lang), v) for k, v in rows], columns=cols)

    def _repr_html_(self) -> str:
        return self.to_frame().to_html(index=False)

    def __str__(self) -> str:
        return self.to_frame().to_string(index=False)


def _existing(path, what: str) -> Path:
    """An own file: as given (relative to the notebook folder), else relative to the project folder."""
    p = Path(path).expanduser()
    for candidate in (p, ROOT / p, ROOT / "notebooks" / p):
        if candidate.exists():
            return candidate.resolve()
    raise InputError(t("nb_missing", what=what, file=str(path), cwd=str(Path.cwd())), file=path)


def notebook_settings(notebook: Notebook, *, bestand=None, koppeltabel=None, leerlingen=None, bron=None,
                      schooljaar=None, reeks=None, soort=None, codeboek=None, fragmenten=None) -> Settings:
    """Resolve a notebook's settings cell: the example data, or the student's own file and choices.

    Parameters
    ----------
    notebook : {"00", "01", "02", "02b"}
    bestand : path, optional
        The student's own data file (``MIJN_BESTAND``); None uses the synthetic example.
    koppeltabel : path, optional
        Reviewed agency-name mapping (notebook 01). With an own file only this one is used.
    leerlingen : dict or int, optional
        Total pupils per school, ``{"SBO De Brug": 160}`` (notebook 01); one number only for a
        file with one school (checked by :func:`evaluatie.nulmeting.analyze`).
    bron : str, optional
        Source line under the figures; default the own file's name.
    schooljaar : str, optional
        School year, added to the source line (``"2024-2025"``).
    reeks : path, optional
        Notebook 02b: own single series (municipality per month) for the time series.
    soort : str, optional
        Notebook 00: kind of table of the own file (``dossier``, ``panel``, ...); default
        ``dossier`` (notebook 01) or ``panel`` (02, 02b).
    codeboek, fragmenten : path, optional
        Notebook 03: the codebook of the own questionnaire and a file of coded interview fragments.

    Returns
    -------
    Settings

    Examples
    --------
    >>> s = notebook_settings("01", bestand="data_raw/voorbeeld/dossieronderzoek_sbo.xlsx", schooljaar="2024-2025")
    >>> s.example, s.mapping, s.pupils, s.source
    (False, None, None, 'dossieronderzoek_sbo.xlsx, schooljaar 2024-2025')
    """
    if notebook not in NOTEBOOKS:
        raise InputError(t("bad_option", value=notebook, param="notebook", allowed=", ".join(NOTEBOOKS)))
    example = _EXAMPLES[notebook]
    from .schemas import KINDS

    kind = soort or {"00": "dossier", "01": "dossier", "03": "survey"}.get(notebook, "panel")
    if kind not in KINDS:
        raise InputError(t("bad_option", value=kind, param="SOORT", allowed=", ".join(KINDS)))
    figures = Path(os.environ.get("EVALUATIE_FIGUREN", ROOT / "figures"))
    reports = Path(os.environ.get("EVALUATIE_RAPPORTEN", ROOT / "reports"))
    year = f", schooljaar {schooljaar}" if schooljaar else ""
    if bestand is None:
        if reeks is not None or koppeltabel is not None or leerlingen is not None or codeboek is not None:
            raise InputError(t("nb_settings_without_file"))
        series = EXAMPLE / example["series"] if "series" in example else None
        practice = EXAMPLE / example["practice"] if "practice" in example else None
        return Settings(notebook, True, EXAMPLE / example["file"], series,
                        EXAMPLE / example["mapping"] if "mapping" in example else None,
                        example.get("pupils"), (bron or example["source"]) + year, figures, reports,
                        kind, practice, example.get("practice_kind", ""),
                        EXAMPLE / example["codebook"] if "codebook" in example else None,
                        EXAMPLE / example["fragments"] if "fragments" in example else None)
    file = _existing(bestand, "MIJN_BESTAND")
    mapping = _existing(koppeltabel, "KOPPELTABEL") if koppeltabel is not None else None
    series = _existing(reeks, "MIJN_REEKS") if reeks is not None else (file if notebook == "02b" else None)
    if leerlingen is not None and not isinstance(leerlingen, (dict, int)):
        raise InputError(t("nb_pupils_type", value=repr(leerlingen)))
    slug = re.sub(r"[^A-Za-z0-9_-]+", "_", file.stem).strip("_") or "eigen_bestand"
    return Settings(notebook, False, file, series, mapping, leerlingen, (bron or file.name) + year,
                    figures / slug, reports / slug, kind, file if notebook == "00" else None,
                    kind if notebook == "00" else "",
                    _existing(codeboek, "CODEBOEK") if codeboek is not None else None,
                    _existing(fragmenten, "FRAGMENTEN") if fragmenten is not None else None)


def find_notebook(notebook: Notebook, folder=None) -> Path:
    """The ``.ipynb`` file of a notebook code (``"01"`` → ``notebooks/01_nulmeting_instanties.ipynb``)."""
    if notebook not in NOTEBOOKS:
        raise InputError(t("bad_option", value=notebook, param="notebook", allowed=", ".join(NOTEBOOKS)))
    folder = Path(folder) if folder else ROOT / "notebooks"
    found = sorted(folder.glob(f"{notebook}_*.ipynb"))
    if not found:
        raise InputError(t("nb_not_found", notebook=notebook, folder=str(folder)))
    return found[0]


def inject_parameters(nb, parameters: dict):
    """Insert a cell assigning ``parameters`` right after the cell tagged ``parameters`` (papermill style).

    The notebook object is changed in place and returned. Values are written with ``repr``; paths
    become strings.

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("MIJN_BESTAND = None",
    ...                                      metadata={"tags": ["parameters"]}), nbformat.v4.new_code_cell("1")])
    >>> print(inject_parameters(nb, {"MIJN_BESTAND": Path("a.xlsx")}).cells[1].source)
    # Ingevuld door 'evaluatie notebook'
    MIJN_BESTAND = 'a.xlsx'
    """
    import nbformat

    where = [i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])]
    if len(where) != 1:
        raise InputError(t("nb_no_parameters", n=len(where)))
    names = set(re.findall(r"^([A-Z_][A-Z0-9_]*)\s*=", nb.cells[where[0]].source, flags=re.M))
    unknown = sorted(set(parameters) - names)
    if unknown:
        raise InputError(t("nb_unknown_parameter", names=", ".join(unknown), allowed=", ".join(sorted(names))))
    lines = ["# Ingevuld door 'evaluatie notebook'"]
    lines += [f"{k} = {str(v)!r}" if isinstance(v, Path) else f"{k} = {v!r}" for k, v in parameters.items()]
    cell = nbformat.v4.new_code_cell("\n".join(lines), metadata={"tags": ["injected-parameters"]})
    nb.cells.insert(where[0] + 1, cell)
    return nb


def _execute(nb, path: Path, timeout: int) -> None:
    """Run a notebook in its folder. POSIX kernels talk over IPC sockets in a private temporary
    folder: no open TCP ports, hence no "Kernel is running over TCP without encryption" warning."""
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    with tempfile.TemporaryDirectory(prefix="evaluatie-kernel-") as tmp:
        km = (KernelManager(kernel_name="python3", transport="ipc", ip=os.path.join(tmp, "k")) if os.name == "posix"
              else KernelManager(kernel_name="python3"))
        client = NotebookClient(nb, km=km, timeout=timeout, kernel_name="python3",
                                resources={"metadata": {"path": str(path.parent.resolve())}})
        try:
            client.execute(cleanup_kc=True)  # we own the kernel manager: shut the kernel down afterwards
        except CellExecutionError as err:
            raise InputError(t("nb_failed", notebook=path.name, error=str(err)), file=path) from None
        finally:
            if km.has_kernel:
                km.shutdown_kernel(now=True)


def run_notebook(notebook: Notebook, *, parameters: dict | None = None, output=None, folder=None,
                 timeout: int = 900):
    """Execute one notebook with ``parameters`` injected after its settings cell; write the result.

    Parameters
    ----------
    notebook : {"00", "01", "02", "02b"}
    parameters : dict, optional
        Values for the settings cell, e.g. ``{"MIJN_BESTAND": "mijn_dossier.xlsx", "LEERLINGEN": {...}}``.
    output : path, optional
        Executed notebook to write; default ``<reports>/<notebook name>.ipynb`` in the reports folder
        of the settings (``reports/<own file>/``). An HTML copy is written next to it.
    folder : path, optional
        Folder with the notebooks (default the project's ``notebooks/``).

    Returns
    -------
    ``(notebook, path)``: the executed notebook object and the written ``.ipynb`` path.
    """
    import nbformat

    parameters = dict(parameters or {})
    path = find_notebook(notebook, folder)
    nb = nbformat.read(path, as_version=4)
    if parameters:
        inject_parameters(nb, parameters)
    settings = notebook_settings(notebook, **_settings_kwargs(parameters))
    _execute(nb, path, timeout)
    out = Path(output) if output else settings.reports / path.name
    out.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, out)
    try:
        from nbconvert import HTMLExporter

        body, _ = HTMLExporter().from_notebook_node(nb)
        out.with_suffix(".html").write_text(body, encoding="utf-8")
    except ImportError:  # pragma: no cover - nbconvert comes with jupyterlab
        pass
    return nb, out


_PARAMETER_NAMES = {"MIJN_BESTAND": "bestand", "KOPPELTABEL": "koppeltabel", "LEERLINGEN": "leerlingen",
                    "BRON": "bron", "SCHOOLJAAR": "schooljaar", "MIJN_REEKS": "reeks", "SOORT": "soort"}


def _settings_kwargs(parameters: dict) -> dict:
    return {_PARAMETER_NAMES[k]: v for k, v in parameters.items() if k in _PARAMETER_NAMES}


def run_notebooks(folder="notebooks", timeout: int = 900, quiet: bool = False) -> list[Path]:
    """Execute every ``.ipynb`` in ``folder`` in name order, with the notebook folder as working directory.

    Raises :class:`InputError` (Dutch) naming the notebook and the failing cell.
    """
    import nbformat

    folder = Path(folder)
    books = sorted(folder.glob("*.ipynb"))
    if not books:
        raise InputError(t("nb_none_found", folder=str(folder)))
    for path in books:
        nb = nbformat.read(path, as_version=4)
        _execute(nb, path, timeout)
        if not quiet:
            print(f"✓ {path.name}")
    return books


def cells_without_figure(nb) -> list[int]:
    """Indices of code cells that draw a figure (``.plot(`` or ``plot_…(``) but show no ``image/png``.

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("ax = r.plot()")])
    >>> cells_without_figure(nb)
    [0]
    """
    drawing = re.compile(r"\.plot\(|\bplot_\w+\(")
    return [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and drawing.search(c.source)
            and not any("image/png" in o.get("data", {}) for o in c.get("outputs", []))]
