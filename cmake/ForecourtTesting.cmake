# forecourt_add_test(<name> SOURCES <files...> [LIBS <targets...>] [DATABASE] [LABELS <labels...>])
#
# One Qt Test executable registered with CTest. DATABASE tests run against the private PostgreSQL
# that the `postgres` fixture starts once for the whole run (see tests/CMakeLists.txt); they find it
# through FORECOURT_TEST_DATA_DIR. Every test runs with the offscreen platform plugin.
function(forecourt_add_test name)
    cmake_parse_arguments(ARG "DATABASE" "" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE forecourt_test_support Qt6::Test ${ARG_LIBS} forecourt_compile_options)
    add_test(NAME ${name} COMMAND ${name})
    set(env
        "QT_QPA_PLATFORM=offscreen"
        "FORECOURT_PG_FAST=1"
        "FORECOURT_BINARY=$<TARGET_FILE:forecourt>"
        "FORECOURT_TEST_DATA_DIR=${FORECOURT_TEST_DATA_DIR}")
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "${env}" TIMEOUT 300)
    if(ARG_DATABASE)
        set_tests_properties(${name} PROPERTIES FIXTURES_REQUIRED postgres)
        list(APPEND ARG_LABELS integration)
    endif()
    if(ARG_LABELS)
        set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}")
    endif()
endfunction()
