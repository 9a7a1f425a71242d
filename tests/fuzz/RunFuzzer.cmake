# A short run of one fuzzer for the test suite (tests/CMakeLists.txt registers one per fuzzer):
#   cmake -DFUZZER=<binary> -DCORPUS=<seed corpus> -DDICT=<dictionary> -DWORK=<scratch folder>
#         -DSECONDS=<n> -P RunFuzzer.cmake
# Replays every input of the checked-in corpus (seeds and the crashes found before), then fuzzes for SECONDS
# with a fixed seed, writing new inputs to WORK/new, never to the checked-in corpus. A crash fails the test
# and says where its input is.
foreach(variable FUZZER CORPUS DICT WORK SECONDS)
    if(NOT DEFINED ${variable})
        message(FATAL_ERROR "RunFuzzer.cmake needs -D${variable}=...")
    endif()
endforeach()
get_filename_component(name "${FUZZER}" NAME)
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/new" "${WORK}/artifacts")
execute_process(
    COMMAND "${FUZZER}" -seed=1 -max_total_time=${SECONDS} -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
            "-dict=${DICT}" "-artifact_prefix=${WORK}/artifacts/" "${WORK}/new" "${CORPUS}"
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    file(GLOB found "${WORK}/artifacts/*")
    list(JOIN found "\n  " found)
    message(FATAL_ERROR
        "${name} failed (${result}). The input that failed:\n  ${found}\n"
        "Replay it with: ${FUZZER} <input>. Once the bug is fixed, copy the input into ${CORPUS}/ "
        "so that every later run replays it.")
endif()
