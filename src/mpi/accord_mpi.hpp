#pragma once
// The MPI work-item distributor (compiled only with ACCORD_MPI; docs/scale.md). Header free of
// <mpi.h>, so only src/mpi/accord_mpi.cpp sees MPI.
#include <cstddef>

#include "accord/model/work_items.hpp"

namespace accord::mpi {

// A Distributor over MPI_COMM_WORLD when this process was started by an MPI launcher (mpirun,
// srun) with 2 or more ranks; otherwise an empty function, so the engine runs as before.
// Initialises MPI on first use (MPI_THREAD_FUNNELED) and finalises it at exit. `threads`:
// worker threads per rank (0: oneTBB's default).
[[nodiscard]] work::Distributor distributor(std::size_t threads);

// True on an MPI rank other than 0 (after distributor() initialised MPI): a command whose
// work was not (all) distributed prints nothing there, rank 0 prints the one output.
[[nodiscard]] bool worker_rank();

}  // namespace accord::mpi
