#!/usr/bin/env bash
# Installs what Forecourt needs to build, run and test on Debian 12, and nothing that is already there.
# Idempotent; uses sudo when not run as root; says what it installs.
#   packaging/install-deps.sh          build + run + test dependencies
#   packaging/install-deps.sh --run    only what the installed program needs at run time
#   packaging/install-deps.sh --tidy   clang-tidy, for ./forecourt.sh tidy
set -euo pipefail

build_packages=(
    cmake ninja-build g++ pkg-config ccache
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev libqt6opengl6-dev libgl-dev libxkbcommon-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qtkeychain-qt6-dev libpqxx-dev libpq-dev
)
run_packages=(
    postgresql-15 libqt6sql6-psql qt6-translations-l10n
)
# The fuzzers need clang 16 (the oldest that compiles libstdc++ 12's std::expected) and its libFuzzer and
# sanitizer runtimes; the format check pins clang-format 14 (another version formats differently).
test_packages=(
    xvfb xauth
    clang-16 libclang-rt-16-dev clang-format-14
    poppler-utils
)
tidy_packages=(
    clang-tidy-16
)

if [[ "${1:-}" == "--run" ]]; then
    wanted=("${run_packages[@]}")
elif [[ "${1:-}" == "--tidy" ]]; then
    wanted=("${tidy_packages[@]}")
else
    wanted=("${build_packages[@]}" "${run_packages[@]}" "${test_packages[@]}")
fi

missing=()
for package in "${wanted[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
# de-duplicate
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | awk 'NF && !seen[$0]++')

if [[ ${#missing[@]} -eq 0 ]]; then
    echo "install-deps: all ${#wanted[@]} Debian packages are installed."
    exit 0
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
    if ! command -v sudo >/dev/null; then
        echo "install-deps: these packages are missing and sudo is not available; install them as root:" >&2
        echo "  apt-get install ${missing[*]}" >&2
        exit 1
    fi
    sudo=(sudo)
fi

echo "install-deps: installing ${#missing[@]} Debian package(s): ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-deps: done."
