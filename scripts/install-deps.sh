#!/usr/bin/env bash
# Installs the Debian packages Accord needs; skips those already present (idempotent).
set -euo pipefail
packages=(
  build-essential cmake pkg-config
  libyaml-cpp-dev libtinyxml2-dev nlohmann-json3-dev libcli11-dev libfmt-dev libspdlog-dev libexpected-dev
  libtbb-dev coinor-libclp-dev libgtest-dev libgmock-dev libbenchmark-dev
  libsqlitecpp-dev libsqlite3-dev libboost1.81-dev libssl-dev wrk
  python3 python3-yaml
  python3-dev python3-venv python3-pip python3-setuptools python3-wheel pybind11-dev python3-pybind11 python3-pytest python3-numpy
  cmark-gfm  # GFM reference renderer: tests/cli/markdown_gfm_test.cpp checks every --markdown output
  clang-14 libclang-rt-14-dev
  libzip-dev libreoffice-writer-nogui docx2txt
  libopenmpi-dev openmpi-bin python3-mpi4py  # mpi4py: examples/mpi4py_sweep.py (python/tests/test_mpi4py_example.py)
  groff-base zsh  # tests/cli/man_test.cpp renders accord.1; completion_test.cpp runs the zsh script
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
