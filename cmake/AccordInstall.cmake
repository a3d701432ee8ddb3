# Installs the libraries as a CMake package: find_package(accord CONFIG) gives accord::core,
# accord::io, accord::report, accord::store and accord::server (docs/architecture.md
# "Using Accord from another CMake project"; tests/consumer builds a program against it).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(ACCORD_LIBRARIES accord_core accord_io accord_report accord_store accord_server)
foreach(lib ${ACCORD_LIBRARIES})
  string(REPLACE "accord_" "" export_name ${lib})
  set_target_properties(${lib} PROPERTIES EXPORT_NAME ${export_name})
endforeach()

set(ACCORD_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/accord)
install(TARGETS ${ACCORD_LIBRARIES} EXPORT accordTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
# The forecast models' measured accuracy (docs/forecast.md#accuracy), also compiled into accord::report.
install(FILES data/forecast-accuracy.json DESTINATION ${CMAKE_INSTALL_DATADIR}/accord)
install(EXPORT accordTargets NAMESPACE accord:: DESTINATION ${ACCORD_CMAKE_DIR})

configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/accordConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/accordConfig.cmake INSTALL_DESTINATION ${ACCORD_CMAKE_DIR})
# 0.x: a minor version may break the API, so only the same minor version is compatible.
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/accordConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/accordConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/accordConfigVersion.cmake
        DESTINATION ${ACCORD_CMAKE_DIR})
