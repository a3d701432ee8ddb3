// The extension `accord._accord`; the Python API around it is python/accord/*.py
// (docs/python.md).
#include "common.hpp"

PYBIND11_MODULE(_accord, m) {
  m.doc() = "Accord's C++ library (docs/python.md); use the `accord` package, not this module";
  accord::python::bind_scenario(m);
  accord::python::bind_engines(m);
  accord::python::bind_agents(m);
  accord::python::bind_negotiation(m);
}
