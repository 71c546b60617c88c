"""Notebook settings and execution: one settings cell per notebook, run a notebook for one's own file.

Every notebook opens with one cell tagged ``parameters`` (papermill convention) holding the
settings a student fills in (``MIJN_BESTAND``, ``KOPPELTABEL``, ``LEERLINGEN``, ``BRON``,
``SCHOOLJAAR``, and per notebook its other files such as ``MIJN_KLAS``). :func:`notebook_settings`
turns those values into one :class:`Settings` object:
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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, get_args

import pandas as pd

from .errors import InputError
from .text import check_lang, t

__all__ = ["Settings", "notebook_settings", "find_notebook", "inject_parameters", "run_notebook", "run_notebooks",
           "cells_without_figure", "NOTEBOOKS"]

Notebook = Literal["00", "01", "02", "02b", "03", "04", "05"]
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
    "02b": {"file": "zorgvraag_panel.csv", "files": {"series": "zorgvraag_gemeente.csv"},
            "source": "verwijzingen per IKC en gemeente (synthetische voorbeelddata)"},
    "03": {"file": "vragenlijst.xlsx", "files": {"codebook": "codeboek_vragenlijst.csv",
                                                 "fragments": "interviewfragmenten.csv"},
           "source": "vragenlijst en interviews (synthetische voorbeelddata)"},
    "04": {"file": "trajecten_thuiszitters.xlsx",
           "files": {"class": "so_plus_klas.csv", "procedures": "procedures_logopedie.csv",
                     "panel": "zorgvraag_panel.csv"},
           "source": "thuiszitters, SO+-klas, procedures en verwijzingen (synthetische voorbeelddata)"},
    "05": {"file": "zorgvraag_panel.csv", "source": "simulatie met kenmerken van de voorbeelddata (synthetisch)"},
}

#: The other files a notebook reads besides ``MIJN_BESTAND``: keyword of :func:`notebook_settings` ->
#: (key in :attr:`Settings.files`, setting in the notebook, data named in the source line).
_FILES = {
    "02b": {"reeks": ("series", "MIJN_REEKS", True)},
    "03": {"codeboek": ("codebook", "CODEBOEK", False), "fragmenten": ("fragments", "FRAGMENTEN", True)},
    "04": {"klas": ("class", "MIJN_KLAS", True), "procedures": ("procedures", "MIJN_PROCEDURES", True),
           "panel": ("panel", "MIJN_PANEL", True)},
}
#: Kind of table of ``MIJN_BESTAND`` per notebook (``panel`` when not listed).
_KINDS = {"00": "dossier", "01": "dossier", "03": "survey", "04": "trajectories"}


@dataclass(frozen=True)
class Settings:
    """The resolved settings of one notebook run (see :func:`notebook_settings`).

    Attributes
    ----------
    notebook : str
        ``"00"``, ``"01"``, ``"02"``, ``"02b"``, ``"03"``, ``"04"`` or ``"05"``.
    example : bool
        True when the synthetic example data are used (no own file given).
    file : Path
        The data file to read (``MIJN_BESTAND``).
    mapping : Path or None
        Reviewed agency-name mapping; never the example mapping with an own file.
    pupils : dict, int, str or None
        Total pupils per school, or the name of the column of the own file that gives them; never
        the example numbers with an own file.
    source : str
        Source line under figures and tables.
    figures, reports : Path
        Where figures and exported tables go: ``figures/`` and ``reports/`` for the example, a
        sub-folder named after the own file otherwise (``figures/mijn_dossier/``). With an own file the
        figures an earlier run of the same notebook wrote there are removed when the settings are resolved.
    kind : str
        Kind of table of ``file`` (``dossier``, ``panel``, ``trajectories``, ...).
    practice, practice_kind : Path or None, str
        Notebook 00: the file whose quality report is drawn (a deliberately messy example, or the
        own file) and its kind.
    files : dict
        The notebook's other files, ``{key: Path or None}``; None means "not given" (with an own
        file the example is never used instead). Keys: ``series`` (02b: the single series for the
        interrupted time series; own series, else the own panel summed over schools),
        ``codebook`` and ``fragments`` (03), ``class``, ``procedures`` and ``panel`` (04: the small
        class, the process dates and the referral panel for the rate ratio of the cost model).
        ``series``, ``codebook`` and ``fragments`` are also attributes.
    """

    notebook: str
    example: bool
    file: Path
    mapping: Path | None
    pupils: dict | int | str | None
    source: str
    figures: Path
    reports: Path
    kind: str = "dossier"
    practice: Path | None = None
    practice_kind: str = ""
    files: dict = field(default_factory=dict)

    @property
    def series(self) -> Path | None:
        return self.files.get("series")

    @property
    def codebook(self) -> Path | None:
        return self.files.get("codebook")

    @property
    def fragments(self) -> Path | None:
        return self.files.get("fragments")

    def to_frame(self, lang: str = "nl") -> pd.DataFrame:
        """The settings as a two-column table (``instelling``, ``waarde``) for display."""
        check_lang(lang)
        none = t("nb_none", lang)
        rows = [("nb_data", t("nb_example", lang) if self.example else t("nb_own", lang)),
                ("nb_file", self.file.name)]
        rows += [(f"nb_{key}", path.name if path else none) for key, path in self.files.items()]
        if self.notebook == "01":
            rows += [("nb_mapping", self.mapping.name if self.mapping else none),
                     ("nb_pupils", t("nb_pupils_column", lang, column=self.pupils) if isinstance(self.pupils, str)
                      else ", ".join(f"{k}: {v}" for k, v in self.pupils.items()) if isinstance(self.pupils, dict)
                      and self.pupils else str(self.pupils) if self.pupils else t("nb_pupils_all", lang))]
        rows += [("nb_source", self.source), ("nb_figures", str(self.figures)), ("nb_reports", str(self.reports))]
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
                      schooljaar=None, soort=None, **bestanden) -> Settings:
    """Resolve a notebook's settings cell: the example data, or the student's own file and choices.

    Parameters
    ----------
    notebook : {"00", "01", "02", "02b", "03", "04", "05"}
    bestand : path, optional
        The student's own data file (``MIJN_BESTAND``); None uses the synthetic example.
    koppeltabel : path, optional
        Reviewed agency-name mapping (notebook 01). With an own file only this one is used.
    leerlingen : dict, int or str, optional
        Total pupils per school, ``{"SBO De Brug": 160}`` (notebook 01); one number only for a
        file with one school; or the header of a column of the own file with each school's number,
        ``"Leerlingen school"`` (all checked by :func:`evaluatie.nulmeting.analyze`).
    bron : str, optional
        Source line under the figures; default the names of the own data files.
    schooljaar : str, optional
        School year, added to the source line (``"2024-2025"``).
    soort : str, optional
        Notebook 00: kind of table of the own file (``dossier``, ``panel``, ...); default
        ``dossier`` (notebook 01), ``survey`` (03), ``trajectories`` (04) or ``panel`` (02, 02b, 05).
    **bestanden : path
        The notebook's other files, by the keyword of its settings cell: ``reeks`` (02b,
        ``MIJN_REEKS``: own single series), ``codeboek`` and ``fragmenten`` (03), ``klas``,
        ``procedures`` and ``panel`` (04, ``MIJN_KLAS``, ``MIJN_PROCEDURES``, ``MIJN_PANEL``). They
        belong to an own file; a file not given stays None (never the example file).

    Returns
    -------
    Settings

    Examples
    --------
    >>> s = notebook_settings("01", bestand="data_raw/voorbeeld/dossieronderzoek_sbo.xlsx", schooljaar="2024-2025")
    >>> s.example, s.mapping, s.pupils, s.source
    (False, None, None, 'dossieronderzoek_sbo.xlsx, schooljaar 2024-2025')
    >>> s = notebook_settings("04", bestand="data_raw/voorbeeld/trajecten_thuiszitters.xlsx",
    ...                       klas="data_raw/voorbeeld/so_plus_klas.csv")
    >>> s.kind, {k: p and p.name for k, p in s.files.items()}
    ('trajectories', {'class': 'so_plus_klas.csv', 'procedures': None, 'panel': None})
    >>> s.source, s.figures.name
    ('trajecten_thuiszitters.xlsx, so_plus_klas.csv', 'trajecten_thuiszitters')
    """
    if notebook not in NOTEBOOKS:
        raise InputError(t("bad_option", value=notebook, param="notebook", allowed=", ".join(NOTEBOOKS)))
    example = _EXAMPLES[notebook]
    companions = _FILES.get(notebook, {})
    settings_of = {k: setting for v in _FILES.values() for k, (_, setting, _) in v.items()}
    if set(bestanden) - set(settings_of):
        raise TypeError(f"notebook_settings() got unexpected keyword(s) {sorted(set(bestanden) - set(settings_of))}")
    wrong = [settings_of[k] for k, v in bestanden.items() if k not in companions and v is not None]
    if wrong:
        raise InputError(t("nb_unknown_parameter", names=", ".join(wrong),
                           allowed=", ".join(s for _, s, _ in companions.values()) or t("nb_none")))
    from .schemas import KINDS

    kind = soort or _KINDS.get(notebook, "panel")
    if kind not in KINDS:
        raise InputError(t("bad_option", value=kind, param="SOORT", allowed=", ".join(KINDS)))
    figures = Path(os.environ.get("EVALUATIE_FIGUREN", ROOT / "figures"))
    reports = Path(os.environ.get("EVALUATIE_RAPPORTEN", ROOT / "reports"))
    year = f", schooljaar {schooljaar}" if schooljaar else ""
    if bestand is None:
        given = [name for name, value in (("KOPPELTABEL", koppeltabel), ("LEERLINGEN", leerlingen),
                                          *((s, bestanden.get(k)) for k, (_, s, _) in companions.items()))
                 if value is not None]
        if given:
            raise InputError(t("nb_settings_without_file", names=", ".join(given)))
        practice = EXAMPLE / example["practice"] if "practice" in example else None
        return Settings(notebook, True, EXAMPLE / example["file"],
                        EXAMPLE / example["mapping"] if "mapping" in example else None,
                        example.get("pupils"), (bron or example["source"]) + year, figures, reports,
                        kind, practice, example.get("practice_kind", ""),
                        {key: EXAMPLE / name for key, name in example.get("files", {}).items()})
    file = _existing(bestand, "MIJN_BESTAND")
    mapping = _existing(koppeltabel, "KOPPELTABEL") if koppeltabel is not None else None
    files = {key: _existing(bestanden[k], setting) if bestanden.get(k) is not None else None
             for k, (key, setting, _) in companions.items()}
    if notebook == "02b" and files["series"] is None:
        files["series"] = file  # the own panel, summed over schools
    if isinstance(leerlingen, str) and leerlingen.strip():
        leerlingen = leerlingen.strip()  # a column of the own file (read by nulmeting.analyze)
    elif leerlingen is not None and not isinstance(leerlingen, (dict, int)):
        raise InputError(t("nb_pupils_type", value=repr(leerlingen)))
    names = [file.name] + [files[key].name for k, (key, _, data) in companions.items()
                           if data and bestanden.get(k) is not None]
    slug = file_slug(file)
    # an earlier run's figures of this notebook and file go: a part this run skips or refuses (no interview
    # file now, a name found) must not leave its old figure next to the new ones, to be shared by mistake
    for old in (figures / slug).glob(f"{notebook}_*"):
        if old.is_file():
            old.unlink()
    return Settings(notebook, False, file, mapping, leerlingen, (bron or ", ".join(names)) + year,
                    figures / slug, reports / slug, kind, file if notebook == "00" else None,
                    kind if notebook == "00" else "", files)


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
            cell = next((i + 1 for i, c in enumerate(nb.cells) if c.cell_type == "code" and any(
                o.get("output_type") == "error" for o in c.get("outputs", []))), None)
            if err.ename == "InputError":  # the library's own Dutch message: that, not the kernel's traceback
                raise InputError(t("nb_failed_input", notebook=path.name, cell=cell, error=err.evalue),
                                 file=path) from None
            plain = re.sub(r"\x1b\[[0-9;]*m", "", str(err))  # no terminal colour codes in the message
            raise InputError(t("nb_failed", notebook=path.name, error=plain), file=path) from None
        finally:
            if km.has_kernel:
                km.shutdown_kernel(now=True)


def file_slug(path) -> str:
    """Folder name for the outputs of one own file: ``"Mijn dossier (v2).xlsx"`` → ``"Mijn_dossier_v2"``."""
    return re.sub(r"[^A-Za-z0-9_-]+", "_", Path(path).stem).strip("_") or "eigen_bestand"


def work_folder() -> Path:
    """Where executed notebooks go: ``notebooks/uitgevoerd/`` (or ``EVALUATIE_WERKMAP``).

    An executed notebook shows what the student saw on screen — counts below the threshold, school
    names that exports mask — so it is a working copy, kept out of ``reports/`` (what is shared).
    """
    return Path(os.environ.get("EVALUATIE_WERKMAP", ROOT / "notebooks" / "uitgevoerd"))


def run_notebook(notebook: Notebook, *, parameters: dict | None = None, output=None, folder=None,
                 timeout: int = 900):
    """Execute one notebook with ``parameters`` injected after its settings cell; write the result.

    Parameters
    ----------
    notebook : {"00", "01", "02", "02b", "03", "04", "05"}
    parameters : dict, optional
        Values for the settings cell, e.g. ``{"MIJN_BESTAND": "mijn_dossier.xlsx", "LEERLINGEN": {...}}``.
    output : path, optional
        Executed notebook to write; default :func:`work_folder` ``/<own file>/<notebook name>.ipynb``
        (a working copy, not for sharing: screen output is not protected like exports). An HTML copy
        is written next to it.
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
    out = Path(output) if output else work_folder() / settings.reports.name / path.name \
        if not settings.example else work_folder() / path.name
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
                    "BRON": "bron", "SCHOOLJAAR": "schooljaar", "SOORT": "soort",
                    **{setting: k for v in _FILES.values() for k, (_, setting, _) in v.items()}}


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
