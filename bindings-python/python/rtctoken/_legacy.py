"""The vendor's DynamicKey v2–v5 signature, shared by their modules: the
reference's camelCase names (usable as keywords) in front of the native
export, which takes the same values in the same order."""

from typing import Callable, Protocol

NativeKey = Callable[[str, str, str, int, int, int, int], str]


class KeyFunction(Protocol):
    """``generate(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs)``."""

    def __call__(
        self, appID: str, appCertificate: str, channelName: str, unixTs: int, randomInt: int, uid: int, expiredTs: int
    ) -> str: ...


def key_function(native: NativeKey) -> KeyFunction:
    """``native`` (``dynamic_keyN_generate[_kind]``) under the reference's
    name (``generate[Kind]``) and parameter names."""

    def generate(
        appID: str, appCertificate: str, channelName: str, unixTs: int, randomInt: int, uid: int, expiredTs: int
    ) -> str:
        return native(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs)

    module, _, kind = native.__name__.partition("_generate")
    kind = kind.lstrip("_")
    generate.__name__ = generate.__qualname__ = "generate" + kind.title().replace("_", "")
    generate.__doc__ = f"A DynamicKey v{module[-1]} {kind.replace('_', ' ') or 'key'}."
    return generate
