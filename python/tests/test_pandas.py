"""The tournament table as a pandas DataFrame. Collected only when pandas is installed
(conftest.py's collect_ignore), so a machine without pandas runs no test here rather than a
skipped one (CI fails on skips)."""
import pandas as pd

import accord


def test_tournament_table_as_a_dataframe():
    r = accord.tournament("geneva-2025", ["linear", "boulware", "micro"], 30, repeats=2, version="v20",
                          parties=["US", "UA"])
    df = r.to_pandas()
    assert isinstance(df, pd.DataFrame)
    assert list(df.index) == r.agents
    assert df.loc["linear", "slots"] == r.table()[0]["slots"]
    assert list(df.columns) == [k for k in r.table()[0] if k != "agent"]
