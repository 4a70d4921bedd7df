#!/usr/bin/env bash
# Installs what the tests need (the package with its test extras, Debian's
# Chromium for the browser tests) and runs them. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver fonts-dejavu-core >/dev/null
fi
python3 -m pip install -q -e ".[test]"
python3 -m ruff check .
python3 -m pytest -q "$@"
