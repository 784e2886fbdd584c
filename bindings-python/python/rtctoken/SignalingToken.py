"""The signaling (RTM before 2.0) token:
``generateSignalingToken(account, appID, appCertificate, expiredTsInSeconds)``."""

from . import _native

__all__ = ["generateSignalingToken"]



def generateSignalingToken(account: str, appID: str, appCertificate: str, expiredTsInSeconds: int) -> str:
    """A signaling (RTM before 2.0) token for ``account``."""
    return _native.signaling_token_generate(account, appID, appCertificate, expiredTsInSeconds)
