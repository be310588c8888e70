"""Shared fixtures: small projects written for the tests, and a CLI runner."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
PROJECTS = Path(__file__).resolve().parent / "projects"
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from current output")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture
def basic_project(tmp_path) -> Path:
    """A copy of tests/projects/basic: two invented press releases, one landscape."""
    target = tmp_path / "basic"
    shutil.copytree(PROJECTS / "basic", target)
    return target


@pytest.fixture
def sample_project(tmp_path) -> Path:
    """A copy of the real project's landscapes and sources."""
    target = tmp_path / "sample"
    shutil.copytree(ROOT / "landscapes", target / "landscapes")
    return target


@pytest.fixture
def run_cli():
    from reportgen.cli import cli

    def run(*args: str):
        runner = CliRunner()
        return runner.invoke(cli, list(args), catch_exceptions=False, standalone_mode=True)

    return run
