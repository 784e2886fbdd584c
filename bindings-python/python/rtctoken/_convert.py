"""Python-side argument conversion shared by the drop-in modules (no token logic)."""

from typing import Union

from ._native import InvalidArgumentError

UID_MAX = 0xFFFFFFFF


def uid_text(uid: Union[int, str], name: str = "uid") -> str:
    """The uid as the text a token carries: ``""`` for the int 0 ("any
    user"), the decimal digits of any other int, a ``str`` unchanged.

    Ints outside 0..2**32-1 are refused rather than wrapped, so a bad uid
    can never silently grant another user's token.
    """
    if isinstance(uid, bool) or not isinstance(uid, (int, str)):
        raise TypeError(f"{name} must be an int or a str, got {type(uid).__name__}")
    if isinstance(uid, str):
        return uid
    if not 0 <= uid <= UID_MAX:
        raise InvalidArgumentError(f"{name} must be in 0..={UID_MAX}, got {uid}")
    return "" if uid == 0 else str(uid)
