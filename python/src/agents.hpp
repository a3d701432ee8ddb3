#pragma once
// Agents written in Python (accord.Agent, docs/python.md "Agents in Python"): one C++ agent,
// registered as `py`, that calls a Python object's propose / respond / observe under the GIL.
// The engines run with the GIL released; each call into Python takes it and gives it back, so
// negotiations of C++ agents on other threads go on while Python runs, and calls into Python
// agents (any thread) are serialised by the GIL.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common.hpp"

namespace accord::python {

// A Python agent's exception, carried out of the engine: the message names the agent, its
// party, the method and the round; `exception` is the Python exception (its __cause__).
class AgentFailure : public std::runtime_error {
 public:
  AgentFailure(std::string message, PyObject* exception);
  [[nodiscard]] py::object exception() const;

 private:
  std::shared_ptr<PyObject> exception_;  // released under the GIL
};

// The Python agents of one engine call, by name (the text after "py:" in their spec), each a
// zero-argument callable that returns an accord.Agent. Registered for the life of the object;
// construct and destroy it with the GIL held.
class PythonAgents {
 public:
  explicit PythonAgents(const py::dict& factories);
  ~PythonAgents();
  PythonAgents(const PythonAgents&) = delete;
  PythonAgents& operator=(const PythonAgents&) = delete;

 private:
  void release();
  std::vector<std::string> names_;
};

// Raises accord.AgentError for `f` (the GIL held).
[[noreturn]] void raise_agent_failure(const AgentFailure& f);

void set_agent_error_class(py::object cls);
void bind_agents(py::module_& m);

}  // namespace accord::python
