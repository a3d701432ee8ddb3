# Embeds every scenarios/*.yaml into a generated .cpp as built-in scenarios.
function(accord_embed_scenarios out_var dir)
  file(GLOB yamls CONFIGURE_DEPENDS ${dir}/*.yaml)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/generated/builtin_scenarios.cpp)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DDIR=${dir}
            -P ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/EmbedScenarios.cmake
    DEPENDS ${yamls} ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/EmbedScenarios.cmake
            ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/EmbedLiteral.cmake
    COMMENT "Embedding built-in scenarios")
  set(${out_var} ${out} PARENT_SCOPE)
endfunction()

# accord_embed_text(OUT_VAR FILE NAMESPACE FUNCTION): a generated .cpp whose
# `std::string_view NAMESPACE::FUNCTION()` returns FILE's text (data shipped inside the library).
function(accord_embed_text out_var file namespace function)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/generated/${function}.cpp)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DIN=${file} -DNAMESPACE=${namespace} -DFUNCTION=${function}
            -P ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/EmbedText.cmake
    DEPENDS ${file} ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/EmbedText.cmake
            ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/EmbedLiteral.cmake
    COMMENT "Embedding ${file}")
  set(${out_var} ${out} PARENT_SCOPE)
endfunction()

# accord_add_test(NAME LIBRARIES lib... [RUNS_CLI] SOURCES src...): one GoogleTest executable
# registered with CTest, linking only LIBRARIES (tests/CMakeLists.txt says which per folder).
# RUNS_CLI: the tests run the `accord` binary, so they get ACCORD_CLI_PATH and depend on it.
function(accord_add_test name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "RUNS_CLI" "" "LIBRARIES;SOURCES")
  add_executable(${name} ${arg_SOURCES})
  target_link_libraries(${name} PRIVATE ${arg_LIBRARIES} nlohmann_json::nlohmann_json
                        GTest::gtest GTest::gmock GTest::gtest_main accord_warnings)
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR}/tests)
  target_compile_definitions(${name} PRIVATE
    ACCORD_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    ACCORD_SHARED_DATA_DIR="${PROJECT_SOURCE_DIR}/../shared/data")
  if(arg_RUNS_CLI)
    target_compile_definitions(${name} PRIVATE ACCORD_CLI_PATH="$<TARGET_FILE:accord>")
    add_dependencies(${name} accord)
  endif()
  gtest_discover_tests(${name} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                       DISCOVERY_MODE PRE_TEST DISCOVERY_TIMEOUT 60)
endfunction()

# accord_gcc12_no_restrict(file...): GCC 12 warns -Wrestrict on std::string's operator+ and
# insert when they are inlined at -O2 ("accessing 9223372036854775810 or more bytes ... may
# overlap"), a false positive: GCC bug 105329 (https://gcc.gnu.org/bugzilla/show_bug.cgi?id=105329).
# Silenced only for GCC 12, only on the files a clean Release build names, never for the whole
# build, so a real -Wrestrict elsewhere still shows. Source properties are per directory: call it
# from the CMakeLists.txt that defines the target compiling the files.
function(accord_gcc12_no_restrict)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
     AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    set_property(SOURCE ${ARGN} APPEND PROPERTY COMPILE_OPTIONS -Wno-restrict)
  endif()
endfunction()
