"""The panic hook: a panic inside the core is an ``InternalError`` whose
message, and the process's stderr, hold neither the panic's payload nor a
backtrace. Needs the wheel built with the ``test-panic`` feature
(``make test-panic``); skipped against the shipped wheel."""

import os
import subprocess
import sys

import pytest

import rtctoken
from rtctoken import _native

pytestmark = pytest.mark.skipif(not hasattr(_native, "_panic"), reason="needs the test-panic build")

SECRET = "5CFd2fd1755d40ecb72977518be15d3b"


def test_a_panic_is_an_internal_error_without_its_payload() -> None:
    with pytest.raises(rtctoken.InternalError) as caught:
        _native._panic(f"boom {SECRET}")
    assert caught.value.kind == "internal"
    assert SECRET not in str(caught.value) and "boom" not in str(caught.value)


def test_a_panic_prints_nothing_even_with_backtraces_on() -> None:
    code = (
        "import rtctoken\n"
        "from rtctoken import _native\n"
        "try:\n"
        f"    _native._panic('boom {SECRET}')\n"
        "except rtctoken.InternalError as e:\n"
        "    print(e.kind)\n"
    )
    env = dict(os.environ, RUST_BACKTRACE="full")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "internal"
    assert out.stderr == ""
