#!/usr/bin/env python3
"""Fails when ctest skipped any test (CI, where ../shared/data is present, runs every test).

Usage: check-skipped-tests.py BUILD/ctest-junit.xml   (written by `make test`)
A skipped test is one ctest reports as "notrun" (GTEST_SKIP, a skip regular expression or a
skip return code). DISABLED_ tests are opt-in tools, not skips: they are listed, not counted.
"""
import re
import sys
import xml.etree.ElementTree as ET


def reason(case):
    out = case.findtext("system-out") or ""
    # GoogleTest prints "file:line: Skipped" and the GTEST_SKIP message on the next line.
    m = re.search(r"^(.*: Skipped)\n(.*)$", out, re.MULTILINE)
    if m:
        return f"{m.group(2).strip()} ({m.group(1).strip()})"
    skipped = case.find("skipped")
    return skipped.get("message", "") if skipped is not None else ""


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        root = ET.parse(argv[1]).getroot()
    except (OSError, ET.ParseError) as e:
        print(f"check-skipped-tests: cannot read {argv[1]}: {e}", file=sys.stderr)
        return 2
    cases = list(root.iter("testcase"))
    skipped = [c for c in cases if c.get("status") == "notrun"]
    disabled = [c.get("name") for c in cases if c.get("status") == "disabled"]
    if disabled:
        print(f"check-skipped-tests: {len(disabled)} disabled (opt-in) test(s): {', '.join(disabled)}")
    if not skipped:
        print(f"check-skipped-tests: none of {len(cases)} tests was skipped")
        return 0
    print(f"check-skipped-tests: {len(skipped)} of {len(cases)} tests were skipped; in CI every test "
          "must run (../shared/data present, optional tools installed):", file=sys.stderr)
    for c in skipped:
        print(f"  {c.get('name')}: {reason(c)}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
