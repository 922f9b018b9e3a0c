"""The docs are tested: the README's Python example runs, every CLI command has help,
and ``__all__`` lists what the package exports."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import eventwire
from eventwire.cli import build_parser

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.model
def test_docs_readme_python_example_runs(nlp, capsys):
    block = re.search(r"```python\n(.*?)```", README, re.S)
    assert block is not None
    exec(compile(block.group(1), "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert "CONSULT" in printed


def test_docs_every_command_has_help_and_readme_mention():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for name, command in sub.choices.items():  # type: ignore[attr-defined]
        assert command.format_help().strip()
        assert f"eventwire {name}" in README or name in ("dedup",), name


def test_docs_all_is_complete():
    for name in eventwire.__all__:
        assert hasattr(eventwire, name), name
