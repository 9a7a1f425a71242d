# The one place for the options every Forecourt target compiles with: the INTERFACE target
# forecourt_compile_options. Included by the top-level project and by the fuzzers' own project
# (tests/fuzz, built with clang), so both compile the core's sources the same way.
if(TARGET forecourt_compile_options)
    return()
endif()

option(FORECOURT_WERROR "Treat compiler warnings as errors (CI)" OFF)

add_library(forecourt_compile_options INTERFACE)
target_compile_options(forecourt_compile_options INTERFACE
    -Wall -Wextra -Wpedantic -Wold-style-cast -Woverloaded-virtual -Wnon-virtual-dtor
    $<$<BOOL:${FORECOURT_WERROR}>:-Werror>)
target_compile_definitions(forecourt_compile_options INTERFACE
    QT_USE_QSTRINGBUILDER
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    FORECOURT_VERSION="${PROJECT_VERSION}")
