"""FPA tokens (007): the reference's ``FpaTokenBuilder``."""

from . import _native
from .AccessToken2 import *  # noqa: F401,F403  (the reference re-exports these)
from .AccessToken2 import __all__ as _token_all

__all__ = ["FpaTokenBuilder"] + _token_all


class FpaTokenBuilder:
    """Builds 007 FPA tokens (login without expiry, valid 24 hours)."""

    build_token = staticmethod(_native.fpa_build_token)
