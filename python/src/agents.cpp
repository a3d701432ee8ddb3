// Agents written in Python: the `py` agent of the C++ registry, whose spec `py:NAME` names a
// Python factory registered by PythonAgents for one engine call (docs/python.md).
#include "agents.hpp"

#include <pybind11/stl.h>

#include <atomic>

#include "accord/engines/agent.hpp"

namespace accord::python {
namespace {

using negotiate::Action;
using negotiate::Turn;

// Owned for the life of the interpreter, and touched only with the GIL held.
PyObject* g_agent_class = nullptr;        // accord.Agent
PyObject* g_agent_error_class = nullptr;  // accord.AgentError
// name -> (factory, engine calls using it)
std::map<std::string, std::pair<py::object, int>>* g_factories = new std::map<std::string, std::pair<py::object, int>>();

py::object borrowed(PyObject* p) { return py::reinterpret_borrow<py::object>(p); }

// What an agent may read of its domain: its own utilities and red lines, the space's shape.
// Valid while its negotiation runs (the domain is the engine's); later calls raise.
struct AgentDomain {
  const negotiate::Domain* domain = nullptr;
  std::size_t self = 0;
  std::shared_ptr<std::atomic<bool>> alive;
  [[nodiscard]] const negotiate::Domain& get() const {
    if (!alive || !*alive) throw std::runtime_error("this agent's negotiation has ended: its domain is gone");
    return *domain;
  }
  [[nodiscard]] negotiate::PackageId package_id(long long x) const {
    if (x < 0 || static_cast<std::uint64_t>(x) >= get().size())
      throw py::value_error(std::to_string(x) + " is not a package id in [0, " + std::to_string(get().size()) + ")");
    return static_cast<negotiate::PackageId>(x);
  }
};

std::string party_id(const negotiate::Domain& d, std::size_t k) { return d.scenario().parties[d.parties()[k]].id; }

class PyAgent final : public negotiate::Agent {
 public:
  PyAgent(py::object agent, std::string name, const negotiate::AgentContext& ctx)
      : agent_(std::move(agent)), name_(std::move(name)), party_(party_id(*ctx.domain, ctx.self)),
        size_(ctx.domain->size()), alive_(std::make_shared<std::atomic<bool>>(true)) {
    agent_.attr("domain") = AgentDomain{ctx.domain, ctx.self, alive_};
    agent_.attr("index") = ctx.self;
    agent_.attr("party") = party_;
    agent_.attr("rounds") = ctx.rounds;
    agent_.attr("seed") = ctx.seed;
    propose_ = agent_.attr("propose");
    respond_ = agent_.attr("respond");
    const py::object base = borrowed(g_agent_class);
    if (!py::type::of(agent_).attr("observe").is(base.attr("observe"))) observe_ = agent_.attr("observe");
    agent_.attr("on_start")();
  }

  ~PyAgent() override {
    *alive_ = false;
    py::gil_scoped_acquire gil;  // the engine's thread: drop the references under the GIL
    agent_ = propose_ = respond_ = observe_ = py::object();
  }
  PyAgent(const PyAgent&) = delete;
  PyAgent& operator=(const PyAgent&) = delete;

  Action act(const Turn& turn) override {
    py::gil_scoped_acquire gil;
    const char* method = "respond";
    try {
      const py::object t = py::cast(turn);
      if (turn.standing) {
        const py::object r = respond_(t);
        if (py::isinstance<py::str>(r)) {
          const std::string word = r.cast<std::string>();
          if (word == "accept") return Action::accept();
          if (word == "end") return Action::end();
          if (word != "reject") type_error("respond returned \"" + word + "\"; expected accord.ACCEPT, REJECT, END or a package id");
        } else {
          return Action::offer(offer(r, "respond"));
        }
      }
      method = "propose";
      const py::object x = propose_(t);
      if (py::isinstance<py::str>(x) && x.cast<std::string>() == "end") return Action::end();
      return Action::offer(offer(x, "propose"));
    } catch (py::error_already_set& e) {
      fail(e, method, turn);
    }
  }

  void observe(std::size_t party, const Turn& turn, const Action& action) override {
    if (!observe_) return;
    py::gil_scoped_acquire gil;
    try {
      observe_(party, turn, action);
    } catch (py::error_already_set& e) {
      fail(e, "observe", turn);
    }
  }

 private:
  py::object agent_, propose_, respond_, observe_;
  std::string name_, party_;
  std::uint64_t size_;
  std::shared_ptr<std::atomic<bool>> alive_;

  [[noreturn]] static void type_error(const std::string& message) {
    PyErr_SetString(PyExc_TypeError, message.c_str());
    throw py::error_already_set();
  }

  negotiate::PackageId offer(const py::object& x, const char* method) const {
    if (!py::isinstance<py::int_>(x) || py::isinstance<py::bool_>(x))
      type_error(std::string(method) + " returned a " + std::string(py::str(py::type::of(x).attr("__name__"))) +
                 "; expected a package id (int)");
    // Compared as Python ints: any size of int is refused cleanly.
    if (x < py::int_(0) || x >= py::int_(size_)) {
      PyErr_SetString(PyExc_ValueError, (std::string(method) + " returned " + std::string(py::str(x)) +
                                         ", not a package id in [0, " + std::to_string(size_) + ")").c_str());
      throw py::error_already_set();
    }
    return x.cast<negotiate::PackageId>();
  }

  [[noreturn]] void fail(py::error_already_set& e, const char* method, const Turn& turn) const {
    const py::object value = e.value();
    const std::string what = std::string(py::str(py::type::of(value).attr("__name__"))) + ": " + std::string(py::str(value));
    if (e.trace() && !e.trace().is_none()) PyException_SetTraceback(value.ptr(), e.trace().ptr());
    throw AgentFailure("Python agent `" + name_ + "` (party " + party_ + ") raised in " + method + " at round " +
                           std::to_string(turn.round) + " (action " + std::to_string(turn.action) + "): " + what,
                       value.inc_ref().ptr());
  }
};

std::unique_ptr<negotiate::Agent> make_py_agent(const negotiate::AgentContext& ctx, std::string_view arg, std::string& error) {
  py::gil_scoped_acquire gil;
  const std::string name(arg);
  const auto it = g_factories->find(name);
  if (it == g_factories->end()) {
    error = "no Python agent `" + name + "`: Python agents run from accord.negotiate and accord.tournament only";
    return nullptr;
  }
  try {
    py::object agent = it->second.first();
    if (!py::isinstance(agent, borrowed(g_agent_class))) {
      PyErr_SetString(PyExc_TypeError, ("the factory of `" + name + "` returned a " +
                                        std::string(py::str(py::type::of(agent).attr("__name__"))) +
                                        ", not an accord.Agent").c_str());
      throw py::error_already_set();
    }
    return std::make_unique<PyAgent>(std::move(agent), name, ctx);
  } catch (py::error_already_set& e) {
    const py::object value = e.value();
    const std::string what = std::string(py::str(py::type::of(value).attr("__name__"))) + ": " + std::string(py::str(value));
    throw AgentFailure("Python agent `" + name + "` (party " + party_id(*ctx.domain, ctx.self) +
                           ") raised when created: " + what,
                       value.inc_ref().ptr());
  }
}

const bool g_registered = negotiate::register_agent(
    "py", "an agent written in Python (accord.Agent; accord.negotiate and accord.tournament only)", make_py_agent);

}  // namespace

AgentFailure::AgentFailure(std::string message, PyObject* exception)
    : std::runtime_error(std::move(message)), exception_(exception, [](PyObject* p) {
        if (p == nullptr || !Py_IsInitialized()) return;
        py::gil_scoped_acquire gil;
        Py_DECREF(p);
      }) {}

py::object AgentFailure::exception() const {
  return exception_ ? borrowed(exception_.get()) : py::object(py::none());
}

PythonAgents::PythonAgents(const py::dict& factories) {
  for (const auto& [key, factory] : factories) {
    const std::string name = py::str(key);
    auto [it, fresh] = g_factories->try_emplace(name, py::reinterpret_borrow<py::object>(factory), 0);
    if (!fresh && !it->second.first.is(factory)) {
      release();
      throw py::value_error("another Python agent named `" + name + "` is running; give this one another `name`");
    }
    ++it->second.second;
    names_.push_back(name);
  }
}

PythonAgents::~PythonAgents() { release(); }

void PythonAgents::release() {
  for (const std::string& name : names_) {
    const auto it = g_factories->find(name);
    if (it != g_factories->end() && --it->second.second == 0) g_factories->erase(it);
  }
  names_.clear();
}

void set_agent_error_class(py::object cls) {
  Py_XDECREF(g_agent_error_class);
  g_agent_error_class = cls.release().ptr();
}

void raise_agent_failure(const AgentFailure& f) {
  if (g_agent_error_class == nullptr) throw std::runtime_error(f.what());
  py::object error = borrowed(g_agent_error_class)(f.what());
  const py::object cause = f.exception();
  if (!cause.is_none()) PyException_SetCause(error.ptr(), cause.inc_ref().ptr());  // steals
  PyErr_SetObject(g_agent_error_class, error.ptr());
  throw py::error_already_set();
}

void bind_agents(py::module_& m) {
  (void)g_registered;
  py::class_<negotiate::PartyStats>(m, "PartyStats")
      .def_readonly("has_packages", &negotiate::PartyStats::has_packages)
      .def_readonly("pmax", &negotiate::PartyStats::pmax)
      .def_readonly("umin", &negotiate::PartyStats::umin)
      .def_readonly("pmin", &negotiate::PartyStats::pmin)
      .def_readonly("reservation", &negotiate::PartyStats::reservation)
      .def_readonly("best", &negotiate::PartyStats::best);
  py::class_<Turn>(m, "Turn")
      .def_readonly("action", &Turn::action)
      .def_readonly("round", &Turn::round)
      .def_readonly("t", &Turn::t)
      .def_readonly("standing", &Turn::standing)
      .def_readonly("proposer", &Turn::proposer)
      .def("__repr__", [](const Turn& t) {
        return "<accord.Turn action=" + std::to_string(t.action) + " round=" + std::to_string(t.round) +
               " t=" + std::to_string(t.t) + " standing=" + (t.standing ? std::to_string(*t.standing) : "None") + ">";
      });
  py::class_<Action>(m, "Action")
      .def_property_readonly("kind", [](const Action& a) { return std::string(negotiate::to_string(a.kind)); })
      .def_readonly("package", &Action::package);
  py::class_<AgentDomain>(m, "AgentDomain")
      .def_property_readonly("size", [](const AgentDomain& a) { return a.get().size(); })
      .def_property_readonly("party_count", [](const AgentDomain& a) { return a.get().party_count(); })
      .def_property_readonly("index", [](const AgentDomain& a) { return a.self; })
      .def_property_readonly("parties", [](const AgentDomain& a) {
        std::vector<std::string> out;
        for (std::size_t k = 0; k < a.get().party_count(); ++k) out.push_back(party_id(a.get(), k));
        return out;
      })
      .def_property_readonly("issues", [](const AgentDomain& a) {
        std::vector<std::string> out;
        for (const IssueIndex i : a.get().issues()) out.push_back(a.get().scenario().issues[i].id);
        return out;
      })
      .def_property_readonly("sorted", [](const AgentDomain& a) { return a.get().sorted(); })
      .def_property_readonly("stats", [](const AgentDomain& a) { return a.get().stats(a.self); })
      .def("value_count", [](const AgentDomain& a, std::size_t j) {
        if (j >= a.get().issues().size()) throw py::index_error("no negotiated issue " + std::to_string(j));
        return a.get().value_count(j);
      })
      .def("utility", [](const AgentDomain& a, long long x) { return a.get().utility(a.self, a.package_id(x)); })
      .def("crosses_red_line", [](const AgentDomain& a, long long x) {
        return a.get().crosses_red_line(a.self, a.package_id(x));
      })
      .def("lowest_at_least", [](const AgentDomain& a, double target) {
        const negotiate::Domain& d = a.get();
        std::optional<negotiate::PackageId> x;
        {
          py::gil_scoped_release release;  // a search domain may take a while
          x = d.lowest_at_least(a.self, target);
        }
        return x;
      })
      .def("options", [](const AgentDomain& a, long long x) { return a.get().options(a.package_id(x)); })
      .def("id", [](const AgentDomain& a, const std::vector<std::uint32_t>& options) {
        const negotiate::Domain& d = a.get();
        if (options.size() != d.issues().size()) throw py::value_error("expected one option index per negotiated issue");
        for (std::size_t j = 0; j < options.size(); ++j)
          if (options[j] >= d.value_count(j)) throw py::value_error("option index out of range for issue " + std::to_string(j));
        return d.id(options);
      })
      .def("package", [](const AgentDomain& a, long long x) {
        const negotiate::Domain& d = a.get();
        const negotiate::PackageId id = a.package_id(x);
        py::dict out;
        for (std::size_t j = 0; j < d.issues().size(); ++j)
          out[py::str(d.scenario().issues[d.issues()[j]].id)] = d.option_text(id, j);
        return out;
      });
  m.def("set_agent_classes", [](py::object agent, py::object error) {
    Py_XDECREF(g_agent_class);
    g_agent_class = agent.release().ptr();
    set_agent_error_class(std::move(error));
  });
}

}  // namespace accord::python
