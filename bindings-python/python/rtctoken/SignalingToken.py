"""The signaling (RTM before 2.0) token:
``generateSignalingToken(account, appID, appCertificate, expiredTsInSeconds)``."""

from . import _native

__all__ = ["generateSignalingToken"]

generateSignalingToken = _native.SignalingToken_generateSignalingToken
