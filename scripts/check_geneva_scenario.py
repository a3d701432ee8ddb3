#!/usr/bin/env python3
"""Hand-run consistency checker for an Accord scenario file (written for geneva-2025.yaml).

Usage:
    python3 scripts/check_geneva_scenario.py [scenarios/geneva-2025.yaml]

Checks (a subset of what `accord validate` does, usable before the binary exists):
  * only keys documented in docs/format.md are used;
  * every referenced party / issue / option / point id exists; point ids are unique across
    versions; `from` names only points of earlier versions;
  * option values and curve values lie in [0, 1]; weights per party sum to 1 +- 0.001;
  * numeric settings lie inside the issue range; stance and event kinds are valid.
Then prints, for every version, each party's utility (additive formula of docs/format.md,
open issues excluded = counted 0), the [min, max] range that the open issues still allow,
the red lines crossed and the party's reservation.

Exit status: 0 if no errors (warnings allowed), 1 otherwise.
"""
from __future__ import annotations

import sys

import yaml

PROV = {"source", "sources", "estimate", "note"}
KEYS = {
    "top": {"format", "id", "title", "description", "date", "parties", "issues", "preferences", "framework",
            "timeline", "conflict", "forecast"} | PROV,
    "party": {"id", "name", "role", "capability"} | PROV,
    "issue": {"id", "title", "category", "codes", "options", "range"} | PROV,
    "option": {"id", "label", "position"} | PROV,
    "range": {"min", "max", "step", "unit"},
    "prefs": {"reservation", "issues", "rectangles"} | PROV,
    "ipref": {"weight", "values", "curve", "red_lines"} | PROV,
    "framework": {"versions"},
    "version": {"id", "label", "date", "points", "stances"} | PROV,
    "point": {"id", "number", "text", "sets", "issues", "from"} | PROV,
    "stance": {"stance"} | PROV,
    "event": {"date", "kind", "text"} | PROV,
    "scalar": {"value"} | PROV,
}
ROLES = {"party", "mediator", "stakeholder"}
STANCES = {"accept", "reject", "conditional", "unknown"}
KINDS = {"talks", "statement", "strike", "proposal", "other"}

errors: list[str] = []
warnings: list[str] = []


def err(msg):
    errors.append(msg)


def warn(msg):
    warnings.append(msg)


def keys_ok(obj, kind, where):
    if not isinstance(obj, dict):
        err(f"{where}: expected a mapping")
        return False
    for k in obj:
        if k not in KEYS[kind]:
            err(f"{where}: unknown key `{k}`")
    return True


def val(x, where=""):
    """Plain value of a scalar that may carry provenance."""
    if isinstance(x, dict):
        keys_ok(x, "scalar", where)
        return x.get("value")
    return x


def curve_value(curve, x):
    if not curve:
        return 0.0
    if x <= curve[0][0]:
        return curve[0][1]
    if x >= curve[-1][0]:
        return curve[-1][1]
    for (x0, y0), (x1, y1) in zip(curve, curve[1:]):
        if x <= x1:
            return y1 if x1 == x0 else y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return curve[-1][1]


def grid(issue):
    if "range" in issue:
        r = issue["range"]
        lo, hi, step = float(r["min"]), float(r["max"]), float(r.get("step", 1))
        xs, k = [], 0
        while lo + k * step <= hi + 1e-9 * step:
            xs.append(lo + k * step)
            k += 1
        if xs[-1] < hi - 1e-9 * step:
            xs.append(hi)
        return xs
    return [o["id"] for o in issue.get("options", [])]


def issue_value(issue, ip, x):
    if "range" in issue:
        return curve_value([(float(a), float(b)) for a, b in ip.get("curve", [])], float(x))
    return float(val((ip.get("values") or {}).get(x, 0.0)))


def crosses(issue, ip, x):
    for rl in ip.get("red_lines", []) or []:
        if "range" in issue:
            if isinstance(rl, dict):
                lo, hi = rl.get("min"), rl.get("max")
                if (lo is None or float(x) >= lo) and (hi is None or float(x) <= hi):
                    return True
        elif rl == x:
            return True
    return False


def main(path):
    with open(path, encoding="utf-8") as f:
        sc = yaml.safe_load(f)
    keys_ok(sc, "top", "top level")
    if sc.get("format") != 1:
        err("format must be 1")

    # ---- parties
    parties = {}
    for k, p in enumerate(sc.get("parties", [])):
        w = f"parties[{k}]"
        keys_ok(p, "party", w)
        if p["id"] in parties:
            err(f"{w}: duplicate party id {p['id']}")
        parties[p["id"]] = p
        if p.get("role", "party") not in ROLES:
            err(f"{w}: bad role {p.get('role')}")
        cap = val(p.get("capability", 1), w + ".capability")
        if not isinstance(cap, (int, float)) or cap < 0:
            err(f"{w}: capability must be a number >= 0")

    # ---- issues
    issues = {}
    for k, it in enumerate(sc.get("issues", [])):
        w = f"issues[{k}] ({it.get('id')})"
        keys_ok(it, "issue", w)
        if it["id"] in issues:
            err(f"{w}: duplicate issue id")
        issues[it["id"]] = it
        has_o, has_r = "options" in it, "range" in it
        if has_o == has_r:
            err(f"{w}: needs exactly one of options / range")
        if has_o:
            seen = set()
            for o in it["options"]:
                keys_ok(o, "option", f"{w}.options.{o.get('id')}")
                if o["id"] in seen:
                    err(f"{w}: duplicate option {o['id']}")
                seen.add(o["id"])
                if len(o.get("label", "")) > 100:
                    warn(f"{w}.{o['id']}: label longer than 100 chars")
                if not (o.get("sources") or o.get("source")):
                    warn(f"{w}.{o['id']}: option without source")
        if has_r:
            r = it["range"]
            keys_ok(r, "range", w + ".range")
            if not (r.get("step", 1) > 0 and r["max"] >= r["min"]):
                err(f"{w}: bad range")

    # ---- preferences
    prefs = sc.get("preferences", {}) or {}
    for pid, pb in prefs.items():
        w = f"preferences.{pid}"
        if pid not in parties:
            err(f"{w}: unknown party")
            continue
        keys_ok(pb, "prefs", w)
        res = val(pb.get("reservation", 0), w + ".reservation")
        if not (0 <= float(res) <= 1):
            err(f"{w}: reservation {res} outside [0,1]")
        total = 0.0
        for iid, ip in (pb.get("issues") or {}).items():
            wi = f"{w}.issues.{iid}"
            if iid not in issues:
                err(f"{wi}: unknown issue")
                continue
            keys_ok(ip, "ipref", wi)
            issue = issues[iid]
            total += float(val(ip.get("weight", 0), wi + ".weight"))
            if "range" in issue:
                if "values" in ip:
                    err(f"{wi}: values on a numeric issue")
                cv = ip.get("curve") or []
                if not cv:
                    err(f"{wi}: numeric issue without curve")
                xs = [c[0] for c in cv]
                if xs != sorted(xs):
                    err(f"{wi}: curve x not increasing")
                for x, y in cv:
                    if not (0 <= y <= 1):
                        err(f"{wi}: curve value {y} outside [0,1]")
                for rl in ip.get("red_lines", []) or []:
                    if not isinstance(rl, dict) or not set(rl) <= {"min", "max"}:
                        err(f"{wi}: numeric red line must be {{min:, max:}}")
            else:
                opts = {o["id"] for o in issue["options"]}
                if "curve" in ip:
                    err(f"{wi}: curve on a discrete issue")
                vals = ip.get("values") or {}
                for oid, v in vals.items():
                    if oid not in opts:
                        err(f"{wi}: unknown option {oid}")
                    v = val(v, f"{wi}.values.{oid}")
                    if not (0 <= float(v) <= 1):
                        err(f"{wi}: value of {oid} = {v} outside [0,1]")
                for oid in opts - set(vals):
                    warn(f"{wi}: no value for option {oid} (counts 0)")
                for rl in ip.get("red_lines", []) or []:
                    if rl not in opts:
                        err(f"{wi}: red line names unknown option {rl}")
                    elif float(val(vals.get(rl, 0))) != 0.0:
                        warn(f"{wi}: red-line option {rl} has a non-zero value")
        if abs(total - 1.0) > 0.001:
            err(f"{w}: weights sum to {total:.5f}, not 1 +- 0.001")
    for pid in parties:
        if pid not in prefs:
            warn(f"party {pid} has no preferences")

    # ---- framework
    seen_points = {}  # point id -> version index
    versions = (sc.get("framework") or {}).get("versions", [])
    if sc.get("framework") is not None:
        keys_ok(sc["framework"], "framework", "framework")
    vids = set()
    for vi, v in enumerate(versions):
        w = f"framework.versions[{vi}] ({v.get('id')})"
        keys_ok(v, "version", w)
        if v["id"] in vids:
            err(f"{w}: duplicate version id")
        vids.add(v["id"])
        here = set()
        for pt in v.get("points", []):
            wp = f"{w}.{pt.get('id')}"
            keys_ok(pt, "point", wp)
            if pt["id"] in seen_points or pt["id"] in here:
                err(f"{wp}: point id not unique across versions")
            here.add(pt["id"])
            for iid, s in (pt.get("sets") or {}).items():
                if iid not in issues:
                    err(f"{wp}: sets unknown issue {iid}")
                    continue
                issue = issues[iid]
                if "range" in issue:
                    r = issue["range"]
                    if not isinstance(s, (int, float)) or not (r["min"] <= s <= r["max"]):
                        err(f"{wp}: {iid} = {s} outside range")
                elif s not in {o["id"] for o in issue["options"]}:
                    err(f"{wp}: {iid} = {s} is not an option")
            for iid in pt.get("issues", []) or []:
                if iid not in issues:
                    err(f"{wp}: touches unknown issue {iid}")
            for f_ in pt.get("from", []) or []:
                if f_ in here:
                    err(f"{wp}: from names a point of the same version ({f_})")
                elif f_ not in seen_points:
                    err(f"{wp}: from names {f_}, which is not a point of an earlier version")
        for pt_id in here:
            seen_points[pt_id] = vi
        for pid, st in (v.get("stances") or {}).items():
            if pid not in parties:
                err(f"{w}.stances: unknown party {pid}")
            for ptid, e in (st or {}).items():
                if ptid not in here:
                    err(f"{w}.stances.{pid}: {ptid} is not a point of this version")
                kind = e if isinstance(e, str) else e.get("stance")
                if isinstance(e, dict):
                    keys_ok(e, "stance", f"{w}.stances.{pid}.{ptid}")
                if kind not in STANCES:
                    err(f"{w}.stances.{pid}.{ptid}: bad stance {kind}")

    # ---- timeline
    for k, ev in enumerate(sc.get("timeline", []) or []):
        keys_ok(ev, "event", f"timeline[{k}]")
        if ev.get("kind") not in KINDS:
            err(f"timeline[{k}]: bad kind {ev.get('kind')}")
        if not isinstance(ev.get("date"), str):
            warn(f"timeline[{k}]: date is not a string ({ev.get('date')!r})")

    # ---- report
    for m in warnings:
        print("warning:", m)
    for m in errors:
        print("error:", m)
    n_pts = sum(len(v.get("points", [])) for v in versions)
    print(f"{path}: {len(parties)} parties, {len(issues)} issues, {len(versions)} versions, {n_pts} points, "
          f"{len(sc.get('timeline', []) or [])} events; {len(errors)} errors, {len(warnings)} warnings")
    if errors:
        return 1

    print()
    print("Utility per version (additive; open issues excluded = 0; [min, max] = range the open issues allow)")
    print("Ideal (best value on every issue): " + ", ".join(
        f"{pid} {sum(float(val(ip.get('weight', 0))) * max(issue_value(issues[iid], ip, x) for x in grid(issues[iid])) for iid, ip in (prefs[pid].get('issues') or {}).items()):.3f}"
        for pid in parties if pid in prefs))
    for v in versions:
        pkg = {}
        for pt in v.get("points", []):
            pkg.update(pt.get("sets") or {})
        open_ = [i for i in issues if i not in pkg]
        print(f"\n{v['id']}: {len(v.get('points', []))} points, sets {len(pkg)} issues; open: "
              f"{', '.join(open_) if open_ else '-'}")
        for pid in parties:
            if pid not in prefs:
                continue
            ips = prefs[pid].get("issues") or {}
            res = float(val(prefs[pid].get("reservation", 0)))
            u = lo = hi = 0.0
            reds = []
            for iid, issue in issues.items():
                ip = ips.get(iid)
                if ip is None:
                    continue
                wgt = float(val(ip.get("weight", 0)))
                if iid in pkg:
                    c = wgt * issue_value(issue, ip, pkg[iid])
                    u += c
                    lo += c
                    hi += c
                    if crosses(issue, ip, pkg[iid]):
                        reds.append(f"{iid}={pkg[iid]}")
                else:
                    vs = [issue_value(issue, ip, x) for x in grid(issue)]
                    lo += wgt * min(vs)
                    hi += wgt * max(vs)
            if reds:
                verdict = "not acceptable (red line crossed)"
            elif lo >= res:
                open_red = [i for i in open_ if (ips.get(i) or {}).get("red_lines")]
                verdict = "acceptable" + (f" if the open issues avoid its red lines on {', '.join(open_red)}"
                                          if open_red else (" whatever the open issues" if open_ else ""))
            elif hi >= res:
                verdict = "undecided: depends on the open issues"
            else:
                verdict = "not acceptable (below reservation even at best)"
            print(f"  {pid}: U={u:.3f}  [{lo:.3f}, {hi:.3f}]  reservation={res:.2f}  -> {verdict}")
            print(f"      red lines crossed: {', '.join(reds) if reds else 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "scenarios/geneva-2025.yaml"))
