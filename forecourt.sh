#!/usr/bin/env bash
# Forecourt's two Quick-start commands, and a few more for developers.
#   ./forecourt.sh run     install what is missing, build, start Forecourt on its local server with demo data
#   ./forecourt.sh test    install what is missing, check the format, build, run every test
#   ./forecourt.sh bench   build in release mode and run the benchmarks
#   ./forecourt.sh build   only build (preset dev, or ci when CI is set)
#   ./forecourt.sh format [--check]   format the tracked C++ files with clang-format 14 (--check: only list them)
#   ./forecourt.sh tidy [FILE-REGEX]  run clang-tidy (.clang-tidy) over the build's compile_commands.json
#   ./forecourt.sh fuzz TARGET [SECONDS]  run one fuzzer (csv, vin, vpic, vinreport) longer; default 600 s
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
    shift || true
    cmake --preset "$chosen" >/dev/null
    cmake --build --preset "$chosen" -j "$jobs" "$@"
}

# The C++ files under version control (all of them outside a git checkout).
cpp_files() {
    if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        git ls-files -- '*.cpp' '*.h'
    else
        find app models ui tests -name '*.cpp' -o -name '*.h'
    fi
}

# Lists the C++ files clang-format 14 would change (.clang-format), and fails when there are any.
check_format() {
    local output status=0
    local -a files unformatted
    mapfile -t files < <(cpp_files)
    output=$(clang-format-14 --dry-run --Werror "${files[@]}" 2>&1) || status=$?
    if [[ $status -eq 0 ]]; then
        echo "forecourt.sh: the ${#files[@]} C++ files are formatted as .clang-format says."
        return 0
    fi
    mapfile -t unformatted < <(sed -n 's/^\(.*\):[0-9]*:[0-9]*: error: code should be clang-formatted.*/\1/p' <<<"$output" | sort -u)
    if [[ ${#unformatted[@]} -eq 0 ]]; then
        echo "forecourt.sh: clang-format-14 failed:" >&2
        echo "$output" >&2
        return 1
    fi
    echo "forecourt.sh: ${#unformatted[@]} C++ file(s) are not formatted as .clang-format says:" >&2
    printf '  %s\n' "${unformatted[@]}" >&2
    echo "  Format them with ./forecourt.sh format (clang-format 14) and commit the result." >&2
    return 1
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
        # Checked first, reported again after the tests, so that a formatting slip does not hide them.
        formatted=0
        check_format || formatted=$?
        build
        ctest --preset "$preset" -j "$jobs" "$@"
        if [[ $formatted -ne 0 ]]; then
            echo "forecourt.sh: the tests passed, but the format check failed (see the files listed above)." >&2
            exit 1
        fi
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
    format)
        deps
        if [[ "${1:-}" == "--check" ]]; then
            check_format
        else
            cpp_files | xargs -r -d '\n' clang-format-14 -i
            echo "forecourt.sh: formatted; review with git diff."
        fi
        ;;
    tidy)
        deps
        packaging/install-deps.sh --tidy
        build
        # Our own sources (not moc's output in the build folder), or those whose path from here starts
        # with the regex given (app/io/, ui/Fleet.*).
        root=$(pwd | sed 's/[][\.*^$+?(){}|/]/\\&/g')
        filter="^$root/${1:-(app|models|ui|tests)/}"
        # libstdc++ 12's <expected> needs __cpp_concepts 202002, which clang 16 has in all but name (see
        # tests/fuzz/CMakeLists.txt); and clang 16 spells C++23 c++2b.
        run-clang-tidy-16 -quiet -p "build/$preset" -j "$jobs" -clang-tidy-binary clang-tidy-16 \
            -extra-arg=-std=c++2b -extra-arg=-U__cpp_concepts -extra-arg=-D__cpp_concepts=202002L \
            -extra-arg=-Wno-builtin-macro-redefined -extra-arg=-Wno-unknown-warning-option "$filter"
        ;;
    fuzz)
        target=${1:-}
        seconds=${2:-600}
        if [[ ! -d "tests/fuzz/corpus/$target" || -z "$target" ]]; then
            echo "forecourt.sh: fuzz needs a target: $(ls tests/fuzz/corpus | tr '\n' ' ')" >&2
            exit 2
        fi
        deps
        build "$preset" --target forecourt_fuzzers
        # New inputs go to a corpus in the build folder that later runs start from, never to the checked-in one.
        work="build/$preset/fuzz/long/$target"
        mkdir -p "$work/corpus" "$work/artifacts"
        echo "forecourt.sh: fuzzing $target for $seconds s; a crash's input lands in $work/artifacts/"
        exec nice -n 10 "build/$preset/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
            -print_final_stats=1 -dict="tests/fuzz/$target.dict" -artifact_prefix="$work/artifacts/" \
            "$work/corpus" "tests/fuzz/corpus/$target"
        ;;
    *)
        sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
        [[ "$command" == help || "$command" == --help || "$command" == -h ]] || exit 2
        ;;
esac
