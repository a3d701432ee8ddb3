"""Shared pieces of the Python tests (run by ctest: python_tests, python_shared_data_tests).

ACCORD_CLI names the `accord` binary of the same build (its --json output is what every
engine result must equal); ACCORD_SHARED_DATA the third-party data sets (../shared/data).
"""
import json
import os
import pathlib
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]


def cli_path() -> str:
    return os.environ.get("ACCORD_CLI", str(REPO / "build" / "apps" / "accord" / "accord"))


def shared_data() -> pathlib.Path:
    return pathlib.Path(os.environ.get("ACCORD_SHARED_DATA", REPO.parent / "shared" / "data"))


def run_cli(*args, check=True):
    """The CLI's --json document for `accord ARGS --json`."""
    p = subprocess.run([cli_path(), *map(str, args), "--json"], capture_output=True, text=True)
    if check and p.returncode != 0:
        raise AssertionError(f"accord {' '.join(map(str, args))} exited {p.returncode}: {p.stderr}")
    return json.loads(p.stdout)


@pytest.fixture
def cli():
    return run_cli


def pytest_configure(config):
    config.addinivalue_line("markers", "shared_data: needs ../shared/data (skipped when absent)")


def pytest_sessionfinish(session, exitstatus):
    # ctest's SKIP_RETURN_CODE: a shared-data run whose every test skipped shows as skipped.
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is None or exitstatus != 0:
        return
    skipped = len(reporter.stats.get("skipped", []))
    passed = len(reporter.stats.get("passed", []))
    if skipped > 0 and passed == 0:
        session.exitstatus = 77


# Tests of optional packages are not collected when the package is missing (a skip would fail CI).
collect_ignore = []
try:
    import pandas  # noqa: F401
except ImportError:
    collect_ignore.append("test_pandas.py")
