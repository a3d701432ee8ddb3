# Script mode, run by the CTest test geneva_scenario_regenerates (tests/CMakeLists.txt): runs
# scripts/make_geneva_scenario.py with the built accord binary into OUT and fails unless OUT is
# byte for byte the committed COMMITTED (edit scripts/data/geneva_tables.yaml or the generator,
# regenerate, and commit the YAML with the change).
foreach(var PYTHON ACCORD SCRIPT RESEARCH COMMITTED OUT)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "CheckGeneratedScenario.cmake: -D${var}= is required")
  endif()
endforeach()
if(NOT EXISTS ${RESEARCH})
  message("geneva_scenario_regenerates: skipped, ${RESEARCH} is absent")
  return()
endif()
file(REMOVE ${OUT})
execute_process(COMMAND ${PYTHON} ${SCRIPT} --accord ${ACCORD} ${RESEARCH} ${OUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "make_geneva_scenario.py failed (${rc})")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${COMMITTED} ${OUT} RESULT_VARIABLE same)
if(NOT same EQUAL 0)
  execute_process(COMMAND diff -u ${COMMITTED} ${OUT} OUTPUT_VARIABLE diff ERROR_QUIET)
  string(SUBSTRING "${diff}" 0 4000 diff)
  message("${diff}")
  message(FATAL_ERROR "${COMMITTED} differs from what scripts/make_geneva_scenario.py writes "
                      "(${OUT}, diff above); regenerate it and commit the result")
endif()
message("geneva_scenario_regenerates: ${COMMITTED} is what the generator writes")
