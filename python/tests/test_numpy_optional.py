"""numpy is optional (docs/python.md "Results")."""
import subprocess
import sys


def test_without_numpy_tables_are_lists():
    """numpy is optional: without it the frontier and trajectories are lists of lists."""
    code = ("import sys; sys.modules['numpy'] = None\n"
            "import accord\n"
            "b = accord.bargain('geneva-2025', version='v20')\n"
            "f = accord.forecast('geneva-2025', runs=5)\n"
            "assert isinstance(b.pareto, list) and len(b.pareto) == b.to_dict()['pareto']['size']\n"
            "assert isinstance(f.trajectories, list) and len(f.samples) == 5\n")
    subprocess.run([sys.executable, "-c", code], check=True)
