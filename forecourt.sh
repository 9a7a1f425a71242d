#!/usr/bin/env bash
# Forecourt's two Quick-start commands, and a few more for developers.
#   ./forecourt.sh run     install what is missing, build, start Forecourt on its local server with demo data
#   ./forecourt.sh test    install what is missing, build, run every test
#   ./forecourt.sh bench   build in release mode and run the benchmarks
#   ./forecourt.sh build   only build (preset dev, or ci when CI is set)
set -euo pipefail
cd "$(dirname "$0")"

preset=dev
if [[ -n "${CI:-}" ]]; then
    preset=ci
fi
jobs=$(nproc 2>/dev/null || echo 2)

deps() {
    packaging/install-deps.sh
}

build() {
    local chosen=${1:-$preset}
    cmake --preset "$chosen" >/dev/null
    cmake --build --preset "$chosen" -j "$jobs"
}

command=${1:-help}
shift || true
case "$command" in
    run)
        deps
        build
        binary="build/$preset/forecourt"
        "$binary" demo-data --if-empty "$@"
        if [[ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
            echo "forecourt.sh: no display (DISPLAY is not set). Run this from a desktop session," >&2
            echo "  or try it headless with: xvfb-run -a ./forecourt.sh run" >&2
            exit 1
        fi
        exec "$binary" "$@"
        ;;
    test)
        deps
        build
        ctest --preset "$preset" -j "$jobs" "$@"
        ;;
    bench)
        deps
        build bench
        # The fixture tests start and stop the private server; the benchmarks print their figures.
        ctest --preset bench "$@"
        ;;
    build)
        deps
        build "$@"
        ;;
    *)
        sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
        [[ "$command" == help || "$command" == --help || "$command" == -h ]] || exit 2
        ;;
esac
