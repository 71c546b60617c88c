"""Exception raised for input a user can fix."""
from __future__ import annotations

__all__ = ["InputError"]


class InputError(ValueError):
    """Input that cannot be used, with a message (Dutch by default) saying where and how to fix it.

    Parameters
    ----------
    message : str
        The full message for the user.
    file, row, column : optional
        Where the problem is; kept as attributes so programs can use them.

    Examples
    --------
    >>> err = InputError("Kolom 'aantal' ontbreekt.", file="a.csv", column="aantal")
    >>> isinstance(err, ValueError), err.column
    (True, 'aantal')
    """

    def __init__(self, message: str, *, file=None, row=None, column=None):
        super().__init__(message)
        self.file = None if file is None else str(file)
        self.row = row
        self.column = column
