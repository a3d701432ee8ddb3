// Work items over MPI: rank 0 hands out chunks of item indices on request (dynamic load
// balancing: a rank that finishes early asks again) and computes chunks itself on a second
// thread; results travel back with the next request and are placed by index, so the gathered
// list is in item order whatever the rank count. Only the main thread calls MPI (FUNNELED).
// A failing item is reported with its index by rank 0, then MPI_Abort ends every rank.
#include "accord_mpi.hpp"

#include <mpi.h>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <utility>

namespace accord::mpi {

namespace {

constexpr int kRoot = 0;
constexpr int kTagRequest = 1;  // worker -> root: the results of its last chunk (empty at first)
constexpr int kTagWork = 2;     // root -> worker: [begin, end); begin == end: no more work
constexpr int kTagFail = 3;     // worker -> root: "item i: message"
constexpr int kExitFailure = 1;

bool launched_by_mpi() {
  for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK", "PMI_RANK"})
    if (std::getenv(v) != nullptr) return true;
  return false;
}

void finalize() {
  int finalized = 0;
  MPI_Finalized(&finalized);
  if (!finalized) MPI_Finalize();
}

void put_u64(std::string& out, std::uint64_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
std::uint64_t take_u64(const std::string& in, std::size_t& at) {
  if (at + 8 > in.size()) throw std::runtime_error("mpi: truncated result message");
  std::uint64_t v;
  std::memcpy(&v, in.data() + at, 8);
  at += 8;
  return v;
}

// ACCORD_MPI_FAIL_ITEM=i makes item i throw: the test of the failure path (docs/scale.md).
std::optional<std::size_t> injected_failure() {
  const char* v = std::getenv("ACCORD_MPI_FAIL_ITEM");
  if (v == nullptr || *v == '\0') return std::nullopt;
  return static_cast<std::size_t>(std::strtoull(v, nullptr, 10));
}

// ACCORD_MPI_ROOT_WORKS=0: rank 0 only hands out and gathers (many ranks; the tests use it to
// make sure the workers' path runs).
bool root_works() {
  const char* v = std::getenv("ACCORD_MPI_ROOT_WORKS");
  return v == nullptr || std::string(v) != "0";
}

// Items [b, e) on this rank's threads, into out[i - offset]. The first failing item (lowest index)
// becomes the error "item i: what".
std::optional<std::string> compute(std::size_t b, std::size_t e, const work::ItemFn& item, tbb::task_arena& arena,
                                   std::vector<std::string>& out, std::size_t offset) {
  std::mutex m;
  std::optional<std::pair<std::size_t, std::string>> error;
  const std::optional<std::size_t> inject = injected_failure();
  arena.execute([&] {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(b, e), [&](const tbb::blocked_range<std::size_t>& r) {
      for (std::size_t i = r.begin(); i != r.end(); ++i) {
        try {
          if (inject == i) throw std::runtime_error("injected failure (ACCORD_MPI_FAIL_ITEM)");
          out[i - offset] = item(i);
        } catch (const std::exception& ex) {
          const std::lock_guard lock(m);
          if (!error || i < error->first) error = std::make_pair(i, std::string(ex.what()));
        }
      }
    });
  });
  if (!error) return std::nullopt;
  return "work item " + std::to_string(error->first) + ": " + error->second;
}

[[noreturn]] void fail(int rank, const std::string& what) {
  std::cerr << "accord: MPI rank " << rank << " failed on " << what << "; aborting every rank\n";
  std::cerr.flush();
  MPI_Abort(MPI_COMM_WORLD, kExitFailure);
  std::abort();
}

void worker(std::size_t n, const work::ItemFn& item, tbb::task_arena& arena) {
  std::vector<std::string> out;  // the current chunk only
  std::string payload;
  for (;;) {
    MPI_Send(payload.data(), static_cast<int>(payload.size()), MPI_BYTE, kRoot, kTagRequest, MPI_COMM_WORLD);
    std::uint64_t range[2] = {0, 0};
    MPI_Recv(range, 2, MPI_UINT64_T, kRoot, kTagWork, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    const auto b = static_cast<std::size_t>(range[0]), e = static_cast<std::size_t>(range[1]);
    if (b >= e || e > n) return;
    out.assign(e - b, {});
    if (const auto error = compute(b, e, item, arena, out, b)) {
      MPI_Send(error->data(), static_cast<int>(error->size()), MPI_BYTE, kRoot, kTagFail, MPI_COMM_WORLD);
      std::uint64_t ignored[2];  // rank 0 reports and aborts every rank
      MPI_Recv(ignored, 2, MPI_UINT64_T, kRoot, kTagWork, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
      return;
    }
    payload.clear();
    put_u64(payload, b);
    put_u64(payload, e);
    for (std::size_t i = b; i < e; ++i) {
      put_u64(payload, out[i - b].size());
      payload += out[i - b];
    }
  }
}

work::Gathered root(int ranks, std::size_t n, const work::ItemFn& item, const Deadline& deadline,
                    const ProgressFn& progress, tbb::task_arena& arena) {
  work::Gathered g;
  g.items.assign(n, {});
  // Chunks of about 1/16 of a rank's share: small enough to balance, large enough that a
  // message carries many items.
  const std::size_t chunk = std::max<std::size_t>(1, n / (static_cast<std::size_t>(ranks) * 16));
  std::mutex m;
  std::size_t next = 0;
  bool halted = false;
  auto hand_out = [&]() -> std::pair<std::size_t, std::size_t> {
    const std::lock_guard lock(m);
    if (halted || next >= n) return {n, n};
    const std::size_t b = next;
    next = std::min(n, b + chunk);
    return {b, next};
  };
  std::atomic<std::size_t> completed{0};
  std::optional<std::string> local_error;
  std::atomic<bool> local_done{false};
  std::thread local([&] {
    while (root_works()) {
      const auto [b, e] = hand_out();
      if (b >= e) break;
      if ((local_error = compute(b, e, item, arena, g.items, 0))) break;
      completed += e - b;
    }
    local_done = true;
  });
  std::vector<std::size_t> per_rank(static_cast<std::size_t>(ranks), 0);
  int active = ranks - 1;
  auto last_report = std::chrono::steady_clock::now();
  while (active > 0 || !local_done) {
    if (local_done && local_error) {
      local.join();
      fail(kRoot, *local_error);
    }
    if (deadline.expired()) {
      const std::lock_guard lock(m);
      halted = true;
    }
    const auto now = std::chrono::steady_clock::now();
    if (progress && now - last_report > std::chrono::milliseconds(200)) {
      last_report = now;
      progress(static_cast<double>(completed) / static_cast<double>(std::max<std::size_t>(1, n)), "");
    }
    int flag = 0;
    MPI_Status st;
    if (active > 0) MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &st);
    if (!flag) {
      std::this_thread::sleep_for(std::chrono::microseconds(200));
      continue;
    }
    int count = 0;
    MPI_Get_count(&st, MPI_BYTE, &count);
    std::string msg(static_cast<std::size_t>(count), '\0');
    MPI_Recv(msg.data(), count, MPI_BYTE, st.MPI_SOURCE, st.MPI_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    if (st.MPI_TAG == kTagFail) fail(st.MPI_SOURCE, msg);
    if (!msg.empty()) {
      std::size_t at = 0;
      const auto b = static_cast<std::size_t>(take_u64(msg, at)), e = static_cast<std::size_t>(take_u64(msg, at));
      if (b > e || e > n) throw std::runtime_error("mpi: bad result message");
      for (std::size_t i = b; i < e; ++i) {
        const auto len = static_cast<std::size_t>(take_u64(msg, at));
        if (at + len > msg.size()) throw std::runtime_error("mpi: truncated result message");
        g.items[i].assign(msg, at, len);
        at += len;
      }
      completed += e - b;
      per_rank[static_cast<std::size_t>(st.MPI_SOURCE)] += e - b;
    }
    const auto [b, e] = hand_out();
    const std::uint64_t range[2] = {b, e};
    MPI_Send(range, 2, MPI_UINT64_T, st.MPI_SOURCE, kTagWork, MPI_COMM_WORLD);
    if (b >= e) --active;
  }
  local.join();
  if (local_error) fail(kRoot, *local_error);
  per_rank[kRoot] = completed;
  for (std::size_t k = 1; k < per_rank.size(); ++k) per_rank[kRoot] -= per_rank[k];
  std::cerr << "accord: MPI: " << next << " of " << n << " work items over " << ranks << " ranks (per rank:";
  for (const std::size_t c : per_rank) std::cerr << ' ' << c;
  std::cerr << ")\n";
  // Every chunk handed out has come back, so exactly items [0, next) are done.
  if (next < n) {
    g.items.resize(next);
    g.stop = Stop::time_limit;
  }
  if (progress) progress(static_cast<double>(g.items.size()) / static_cast<double>(std::max<std::size_t>(1, n)), "");
  return g;
}

}  // namespace

bool worker_rank() {
  int initialized = 0;
  MPI_Initialized(&initialized);
  if (!initialized) return false;
  int rank = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  return rank != kRoot;
}

work::Distributor distributor(std::size_t threads) {
  if (!launched_by_mpi()) return {};
  int initialized = 0;
  MPI_Initialized(&initialized);
  if (!initialized) {
    int provided = 0;
    MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
    if (provided < MPI_THREAD_FUNNELED) throw std::runtime_error("mpi: the MPI library does not support threads");
    std::atexit(finalize);
  }
  int ranks = 1, rank = 0;
  MPI_Comm_size(MPI_COMM_WORLD, &ranks);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  if (ranks < 2) return {};
  return [ranks, rank, threads](std::size_t n, const work::ItemFn& item, const Deadline& deadline,
                                const ProgressFn& progress) {
    tbb::task_arena arena(threads > 0 ? static_cast<int>(threads) : tbb::task_arena::automatic);
    if (rank != kRoot) {
      worker(n, item, arena);
      return work::Gathered{false, {}, Stop::finished};
    }
    return root(ranks, n, item, deadline, progress, arena);
  };
}

}  // namespace accord::mpi
