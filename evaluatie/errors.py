"""Exception raised for input a user can fix."""
from __future__ import annotations

__all__ = ["InputError", "check_option"]


class InputError(ValueError):
    """Input that cannot be used, with a message (Dutch by default) saying where and how to fix it.

    Parameters
    ----------
    message : str
        The full message for the user.
    file, row, column : optional
        Where the problem is; kept as attributes so programs can use them.

    Notes
    -----
    Personal data quoted in the message (a BSN, e-mail address, phone number, ... found by
    :func:`evaluatie.privacy.scrub`) is masked to its last two characters (``…33``).

    Examples
    --------
    >>> err = InputError("Kolom 'aantal' ontbreekt.", file="a.csv", column="aantal")
    >>> isinstance(err, ValueError), err.column
    (True, 'aantal')
    >>> str(InputError("waarde '111222333' is geen getal"))
    "waarde '…33' is geen getal"
    """

    def __init__(self, message: str, *, file=None, row=None, column=None):
        try:  # messages may quote cell values: never show personal data in them
            from .privacy import scrub

            message = scrub(message)
        except ImportError:  # pragma: no cover - during interpreter shutdown
            pass
        super().__init__(message)
        self.file = None if file is None else str(file)
        self.row = row
        self.column = column


def check_option(name: str, value, allowed, lang: str = "nl") -> None:
    """Refuse an option value outside ``allowed`` (a ``Literal`` type or a tuple), in ``lang`` (Dutch by default).

    The message names the parameter, the allowed values and the value received.

    Examples
    --------
    >>> from typing import Literal
    >>> check_option("weights", "webb", Literal["rademacher", "webb"])
    >>> check_option("weights", "leerlingen", ("rademacher", "webb"))
    Traceback (most recent call last):
    ...
    evaluatie.errors.InputError: Ongeldige waarde 'leerlingen' voor parameter 'weights'. Kies uit: 'rademacher', 'webb'.
    """
    from typing import get_args

    from .text import t

    options = get_args(allowed) or tuple(allowed)
    if not any(value is o or (type(value) is type(o) and value == o) for o in options):
        raise InputError(t("bad_option", lang, value=value, param=name, allowed=", ".join(map(repr, options))))
