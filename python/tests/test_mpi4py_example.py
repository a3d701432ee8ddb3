"""examples/mpi4py_sweep.py under `mpirun -n 2` prints what the single process prints
(docs/scale.md "From Python"). Fails, not skips, when mpirun or mpi4py is missing: both are
in scripts/install-deps.sh (openmpi-bin, python3-mpi4py)."""
import os
import shutil
import subprocess
import sys

from conftest import REPO

EXAMPLE = REPO / "examples" / "mpi4py_sweep.py"


def run(cmd):
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    p = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    assert p.returncode == 0, f"{' '.join(cmd)} exited {p.returncode}: {p.stderr}"
    return p


def test_two_ranks_give_the_single_process_result():
    import mpi4py  # noqa: F401  (python3-mpi4py)
    mpirun = shutil.which("mpirun")
    assert mpirun, "mpirun not found (openmpi-bin)"
    one = run([sys.executable, str(EXAMPLE)])
    two = run([mpirun, "--oversubscribe", "-n", "2", sys.executable, str(EXAMPLE)])
    assert "on 1 rank(s)" in one.stderr and "on 2 rank(s)" in two.stderr
    assert one.stdout == two.stdout and '"negotiations": 48' in one.stdout
