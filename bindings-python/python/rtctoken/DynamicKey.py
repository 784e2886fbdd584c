"""DynamicKey v1 (SDKs before 2.1): ``generate(appID, appCertificate,
channelName, unixTs, randomInt)``."""

from . import _native

__all__ = ["generate"]


def generate(appID: str, appCertificate: str, channelName: str, unixTs: int, randomInt: int) -> str:
    """A DynamicKey v1 (no uid, no expiry)."""
    return _native.dynamic_key_generate(appID, appCertificate, channelName, unixTs, randomInt)
