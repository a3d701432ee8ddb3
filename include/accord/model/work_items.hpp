#pragma once
// Work items: an engine whose work is N independent items, each a pure function of its index,
// can hand them to a Distributor (set by the caller) instead of running them itself. The MPI
// distributor (src/mpi/, only with ACCORD_MPI) runs them across ranks; engines stay MPI-free.
// docs/scale.md.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "accord/model/budget.hpp"

namespace accord::work {

// Item i's result as bytes (the engine's own encoding). Must depend on i only, never on the
// rank or thread that runs it; may throw (the distributor reports the item and stops).
using ItemFn = std::function<std::string(std::size_t index)>;

struct Gathered {
  bool root = true;                // false on a worker rank: its items went to the root
  std::vector<std::string> items;  // on the root: items [0, items.size()) in item order
  Stop stop = Stop::finished;      // time_limit: the deadline passed, items is a prefix
};

// Runs items [0, n) and gathers their bytes in item order on the root. `progress` is called
// on the root only; `deadline` is polled by the root between chunks.
using Distributor =
    std::function<Gathered(std::size_t n, const ItemFn& item, const Deadline& deadline, const ProgressFn& progress)>;

}  // namespace accord::work
