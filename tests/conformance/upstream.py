"""aiosmtpd's own test suite, taken from the sdist of the installed aiosmtpd version.

``pip download --no-deps --no-binary :all: aiosmtpd==<installed>`` fetches the sdist once into a
cache (``ROOTMAIL_AIOSMTPD_SDIST_CACHE``, default ``/tmp/rootmail-aiosmtpd-sdist``); its
``aiosmtpd/tests`` directory is extracted as the package ``aiosmtpd_upstream_tests`` so that it
does not shadow the installed ``aiosmtpd``, whose code is the code under test. Their test modules
use relative imports only (``from .conftest import ...``), so the renamed package imports as is.

Without the network the suite skips (fails under ``CI=true``, where PyPI is reachable).
"""

from __future__ import annotations

import importlib
import importlib.metadata
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import IN_CI

PACKAGE = "aiosmtpd_upstream_tests"
VERSION = importlib.metadata.version("aiosmtpd")
CACHE = Path(os.environ.get("ROOTMAIL_AIOSMTPD_SDIST_CACHE", Path(tempfile.gettempdir()) / "rootmail-aiosmtpd-sdist"))


def _download(target: Path) -> Path:
    """The sdist of ``aiosmtpd==VERSION`` in ``target`` (downloaded once)."""
    existing = sorted(target.glob(f"aiosmtpd-{VERSION}.tar.gz"))
    if existing:
        return existing[0]
    target.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary", ":all:",
         f"aiosmtpd=={VERSION}", "-d", str(target)],
        capture_output=True, text=True, timeout=300, check=False)
    found = sorted(target.glob(f"aiosmtpd-{VERSION}.tar.gz"))
    if done.returncode != 0 or not found:
        reason = f"aiosmtpd {VERSION} sdist could not be downloaded from PyPI: {done.stderr.strip()[-300:]}"
        if IN_CI:
            pytest.fail(f"{reason} (CI=true: PyPI is reachable in CI)", pytrace=False)
        pytest.skip(reason, allow_module_level=True)
    return found[0]


def suite_root() -> Path:
    """The directory holding ``aiosmtpd_upstream_tests`` (extracted on first use)."""
    root = CACHE / VERSION
    if (root / PACKAGE / "test_smtp.py").is_file():
        return root
    sdist = _download(CACHE)
    staging = Path(tempfile.mkdtemp(dir=CACHE))
    prefix = f"aiosmtpd-{VERSION}/aiosmtpd/tests/"
    with tarfile.open(sdist) as archive:
        members = [m for m in archive.getmembers() if m.name.startswith(prefix) and (m.isfile() or m.isdir())]
        archive.extractall(staging, members=members, filter="data")
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    (staging / prefix).rename(root / PACKAGE)
    shutil.rmtree(staging, ignore_errors=True)
    return root


def load(module: str) -> ModuleType:
    """aiosmtpd's test module ``module`` (e.g. ``test_smtp``) from the sdist."""
    root = str(suite_root())
    if root not in sys.path:
        sys.path.append(root)
    return importlib.import_module(f"{PACKAGE}.{module}")
