"""Every case of every vector file, through the public Python API."""

from __future__ import annotations

from typing import List

import pytest

from vectors import FILES, cases, run


@pytest.mark.parametrize("file", FILES)
def test_vector_file(file: str) -> None:
    all_cases = cases(file)
    assert all_cases, f"{file} has no cases"
    failures: List[str] = []
    for case in all_cases:
        got = run(case["call"], case["args"])
        if got != case["expected"]:
            failures.append(f"{case['name']} ({case['call']}):\n  expected {case['expected']}\n  got      {got}")
    assert not failures, f"{len(failures)} of {len(all_cases)} cases failed:\n" + "\n".join(failures[:20])


def test_all_vector_files_are_replayed() -> None:
    from vectors import VECTORS

    on_disk = sorted(p.name for p in VECTORS.glob("*.json"))
    assert on_disk == sorted(FILES)


def test_unknown_call_fails() -> None:
    with pytest.raises(AssertionError, match="does not know"):
        run("no_such_builder.build", {})
