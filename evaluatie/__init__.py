"""evaluatie — evaluating youth care (jeugdhulp) in and around schools.

The common entry points are available at the top level::

    import evaluatie as ev
    df, rapport = ev.read_table("data_raw/voorbeeld/dossieronderzoek.csv", kind="dossier")

Heavy modules are imported lazily on first use.
"""
from __future__ import annotations

import importlib

from .errors import InputError

__version__ = "0.1.0"

_LAZY = {
    "read_table": "io",
    "QualityReport": "quality",
    "pseudonymize": "privacy",
    "find_identifiers": "privacy",
    "suppress": "privacy",
    "audit": "privacy",
    "export_tables": "report",
    "save_figure": "plots",
    "format_number": "text",
    "notebook_settings": "notebooks",
    "display_table": "display",
    "format_p": "text",
    "proportion_ci": "outcomes",
    "kaplan_meier": "durations",
    "deployment_cost": "costs",
}
_MODULES = ("io", "schemas", "quality", "privacy", "synthetic", "plots", "text", "report", "cli", "nulmeting",
            "agencies", "richness", "rates", "did", "staggered", "resampling", "zorgvraag", "its",
            "notebooks", "display", "outcomes", "durations", "costs", "survey", "interviews", "cbs", "power",
            "pilot", "factsheet", "errors")

__all__ = ["InputError", "__version__", *_LAZY, *_MODULES]


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    if name in _MODULES:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'evaluatie' has no attribute {name!r}")


def __dir__():
    return sorted(__all__)
