#!/usr/bin/env python3
"""Generate scenarios/geneva-2025.yaml from the Geneva 2025 research data set.

Usage:
    python3 scripts/make_geneva_scenario.py [--accord BIN] [--summary] [RESEARCH_JSON] [OUTPUT_YAML]

Defaults: ../shared/data/geneva2025-research.json -> scenarios/geneva-2025.yaml (relative to
the repository root); BIN is $ACCORD or build/apps/accord/accord. The output follows
docs/format.md (format 1). `ctest -R geneva_scenario_regenerates` runs this with the built
binary and fails when the committed YAML differs from what it writes.

Everything that is a judgement call (option labels, which option a framework point sets, how
the unpublished 19-point text is reconstructed, reported stances, the reservation values) is
in scripts/data/geneva_tables.yaml, so a reader can audit and change it. The numeric rules that
turn the research positions into utility functions are implemented in `discrete_values` /
`numeric_curve` and are repeated verbatim in the header comment of the generated YAML.

Utilities are never computed here: the reservation notes quote each party's utility of the
versions as `accord evaluate --json` computes it (first pass: write the scenario, evaluate it;
second pass: fill the notes), and `--summary` prints the engine's figures. The result must
pass `accord validate` without warnings. The script writes YAML by hand (to keep comments and
a readable layout) and re-reads it with PyYAML, checking that it parses back to exactly the
data it meant to write.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import re
import subprocess
import sys
import tempfile

import yaml  # python3-yaml (scripts/install-deps.sh)

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DEFAULT_IN = os.path.join(REPO, "..", "shared", "data", "geneva2025-research.json")
DEFAULT_OUT = os.path.join(REPO, "scenarios", "geneva-2025.yaml")
DEFAULT_ACCORD = os.path.join(REPO, "build", "apps", "accord", "accord")
TABLES_FILE = os.path.join(HERE, "data", "geneva_tables.yaml")

# The judgement tables (labels, settings per point, the v19 reconstruction, reported stances,
# reservations, derivation rules): scripts/data/geneva_tables.yaml, which explains each one.
with open(TABLES_FILE, encoding="utf-8") as _f:
    TABLES = yaml.safe_load(_f)
DERIVATION_RULES = TABLES["derivation_rules"]
LABELS = TABLES["labels"]
NUMERIC_STEP = TABLES["numeric_step"]
V28_SETS = TABLES["v28_sets"]
V28_NOTES = TABLES["v28_notes"]
V19_PLAN = TABLES["v19_plan"]
V20_SETS = TABLES["v20_sets"]
V20_NOTES = TABLES["v20_notes"]
REPORTED_STANCES = TABLES["reported_stances"]
TIMELINE_KIND = TABLES["timeline_kind"]
RESERVATIONS = TABLES["reservations"]


def numeric_red_line(issue_id, party):
    return TABLES["numeric_red_lines"].get(issue_id, {}).get(party)


def monotone(issue_id, party):
    return TABLES["monotone"].get(issue_id, {}).get(party)


def reported_v28():
    """(party, point) -> the reported v28 stance entry; later entries override earlier ones."""
    out = {}
    for e in REPORTED_STANCES["v28"]:
        points = [f"P28_{k:02d}" for k in range(1, 29)] if e["points"] == "all" else e["points"]
        for pt in points:
            out[(e["party"], pt)] = e
    return out


# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------
class Comment:
    """A comment line (or a blank line when text is empty) in the emitted YAML."""

    def __init__(self, text=""):
        self.text = text


def r4(x):
    x = round(float(x), 4)
    return int(x) if x == int(x) else x


def url_of(src, key):
    if key.startswith("http"):
        return key
    return src[key]["url"]


def uniq(seq):
    out = []
    for s in seq:
        if s and s not in out:
            out.append(s)
    return out


def fmt_salience_note(s, total):
    return f"salience {r4(s)} / total {r4(total)}"


# --------------------------------------------------------------------------------------
# Preference derivation
# --------------------------------------------------------------------------------------
def discrete_values(issue, pos):
    ids = [o["id"] for o in issue["options"]]
    pref = pos["preferred"]["option"]
    acc = set(pos["acceptable"]["options"])
    red = set(pos["red_lines"]["options"])
    cond = pos.get("conditional", {}) or {}
    pi = ids.index(pref)
    vals = {}
    for k, oid in enumerate(ids):
        d = abs(k - pi)
        if oid == pref:
            v = 1.0
        elif oid in red:
            v = 0.0
        elif oid in acc:
            v = max(0.5, 0.85 - 0.15 * (d - 1))
            if oid in cond:
                v = max(0.5, v - 0.15)
        else:
            v = max(0.2, 0.35 - 0.05 * (d - 1))
        vals[oid] = r4(v)
    return vals, [o for o in ids if o in red]


def numeric_curve(issue_id, party, num, pos):
    lo, hi = num["min"], num["max"]
    pref = pos["preferred"]["value"]
    amin, amax = pos["acceptable"]["min"], pos["acceptable"]["max"]
    red = numeric_red_line(issue_id, party)
    mono = monotone(issue_id, party)
    pts = {pref: 1.0}
    for b in (amin, amax):
        if b == pref:
            continue
        favourable = (mono == "up" and b > pref) or (mono == "down" and b < pref)
        if not favourable:
            pts[b] = 0.6
    if red:
        if "max" in red:
            pts[red["max"]] = 0.0
        if "min" in red:
            pts[red["min"]] = 0.0
    # domain ends neither acceptable nor inside a red line
    for end in (lo, hi):
        inside_red = red and (("max" in red and end <= red["max"]) or ("min" in red and end >= red["min"]))
        inside_acc = amin <= end <= amax
        favourable = (mono == "up" and end > pref) or (mono == "down" and end < pref)
        if not inside_red and not inside_acc and not favourable and end not in pts:
            pts[end] = 0.2
    curve = [[r4(x), r4(y)] for x, y in sorted(pts.items())]
    return curve, ([red] if red else [])


def classify(issue_raw, pos, setting):
    """'pref' | 'acc' | 'red' | 'other' for the research position of one party."""
    if "numeric" in issue_raw and not issue_raw.get("options"):
        x = float(setting)
        pid = pos["_party"]
        red = numeric_red_line(issue_raw["id"], pid)
        if red and (("max" not in red or x <= red["max"]) and ("min" not in red or x >= red["min"])):
            return "red"
        if x == pos["preferred"]["value"]:
            return "pref"
        mono = monotone(issue_raw["id"], pid)
        pref = pos["preferred"]["value"]
        if pos["acceptable"]["min"] <= x <= pos["acceptable"]["max"]:
            return "acc"
        if (mono == "up" and x > pref) or (mono == "down" and x < pref):
            return "acc"
        return "other"
    if setting == pos["preferred"]["option"]:
        return "pref"
    if setting in pos["red_lines"]["options"]:
        return "red"
    if setting in pos["acceptable"]["options"]:
        return "acc"
    return "other"


# --------------------------------------------------------------------------------------
# Build the scenario
# --------------------------------------------------------------------------------------
def build(data):
    src = data["sources"]
    U = lambda keys: uniq([url_of(src, k) for k in keys])  # noqa: E731
    issues_raw = data["issues"]
    issue_by_id = {i["id"]: i for i in issues_raw}
    party_ids = [p["id"] for p in data["parties"]]
    # positions need their party id for numeric classification
    for i in issues_raw:
        for pid, pos in i["positions"].items():
            pos["_party"] = pid

    sc = {}
    sc["format"] = 1
    head = TABLES["scenario"]
    for k in ("id", "title", "description", "date"):
        sc[k] = head[k]
    sc["sources"] = U(head["sources"])

    # ---- parties
    parties = []
    for p in data["parties"]:
        inf = p["influence"]
        parties.append({
            "id": p["id"],
            "name": p["name"],
            "role": p["role"],
            "capability": {"value": r4(inf["value"]), "estimate": bool(inf.get("estimate", True)),
                           "note": inf["justification"]},
            "note": "Principals: " + "; ".join(p.get("principals", [])),
        })
    sc["parties"] = parties

    # ---- issues
    issues = []
    for i in issues_raw:
        it = {"id": i["id"], "title": i["title"], "category": i["pax_category"], "codes": list(i["pax_codes"])}
        notes = []
        if i.get("options"):
            opts = []
            for o in i["options"]:
                lab = LABELS[o["id"]]
                assert len(lab) <= 100, (o["id"], len(lab))
                od = {"id": o["id"], "label": lab}
                if o["text"] != lab:
                    od["note"] = o["text"]
                if o.get("sources"):
                    od["sources"] = list(o["sources"])
                else:
                    od["note"] = od.get("note", o["text"]) + " [no source given in the research data]"
                opts.append(od)
            it["options"] = opts
            if "numeric" in i:
                n = i["numeric"]
                refs = ", ".join(f"{k} = {v}" for k, v in n["reference_points"].items())
                notes.append(f"The research also gives a numeric range {n['min']}-{n['max']} {n['unit']} "
                             f"({refs}); modelled as the discrete options above, with the $bn figures in the "
                             f"option labels/notes.")
        else:
            n = i["numeric"]
            it["range"] = {"min": r4(n["min"]), "max": r4(n["max"]), "step": NUMERIC_STEP[i["id"]],
                           "unit": n["unit"]}
            refs = ", ".join(f"{k} = {v}" for k, v in n["reference_points"].items())
            notes.append(f"Reference points: {refs}.")
        if i["id"] in ("nato_membership", "eu_membership"):
            notes.append("PA-X has no natural code for NATO membership / EU accession; the codes are the "
                         "closest PA-X categories (mapping caveat from the research notes).")
        if notes:
            it["note"] = " ".join(notes)
        issues.append(it)
    sc["issues"] = issues

    # ---- preferences
    prefs = {}
    for pid in party_ids:
        total = sum(i["positions"][pid]["salience"]["value"] for i in issues_raw if pid in i["positions"])
        pblock = {"reservation": None, "issues": {}}
        for i in issues_raw:
            pos = i["positions"][pid]
            s = pos["salience"]["value"]
            ib = {}
            ib["weight"] = {"value": round(s / total, 5), "estimate": True, "note": fmt_salience_note(s, total)}
            if i.get("options"):
                vals, reds = discrete_values(i, pos)
                ib["values"] = vals
                if reds:
                    ib["red_lines"] = reds
            else:
                curve, reds = numeric_curve(i["id"], pid, i["numeric"], pos)
                ib["curve"] = curve
                if reds:
                    ib["red_lines"] = reds
            # provenance of the block
            parts = []
            pr = pos["preferred"]
            prefd = pr.get("option", pr.get("value"))
            parts.append(f"preferred {prefd} ({'estimate' if pr.get('estimate') else 'reported'})")
            a = pos["acceptable"]
            if "options" in a:
                parts.append(f"acceptable [{', '.join(a['options'])}] ({'estimate' if a.get('estimate') else 'reported'})")
            else:
                parts.append(f"acceptable {a['min']}-{a['max']} ({'estimate' if a.get('estimate') else 'reported'})")
            rl = pos["red_lines"]
            if "options" in rl:
                rtxt = ", ".join(rl["options"]) if rl["options"] else "none"
                parts.append(f"red lines [{rtxt}] ({'estimate' if rl.get('estimate') else 'reported'})")
            else:
                tag = "" if "estimate" in rl["description"] else (" (estimate)" if rl.get("estimate") else " (reported)")
                parts.append(f"red line: {rl['description']}{tag}")
            parts.append(f"salience {s} (estimate)" if pos["salience"].get("estimate") else f"salience {s}")
            note = "Research: " + "; ".join(parts) + "."
            if monotone(i["id"], pid):
                note += " Monotone cap preference: acceptable values beyond the preferred one keep 1.0."
            if pos.get("conditional"):
                note += " Conditional: " + "; ".join(f"{k}: {v}" for k, v in pos["conditional"].items()) + "."
            if pos.get("note"):
                note += " Note: " + pos["note"]
            ib["estimate"] = True
            ib["note"] = note
            srcs = uniq(pr.get("sources", []) + a.get("sources", []) + rl.get("sources", []))
            if srcs:
                ib["sources"] = srcs
            pblock["issues"][i["id"]] = ib
        prefs[pid] = pblock
    sc["preferences"] = prefs

    # ---- framework versions
    fv = data["framework_versions"]
    versions = []

    def point_block(pid_, number, text, sets, touched, frm=None, estimate=False, note=None, sources=None):
        pb = {"id": pid_, "number": number, "text": text}
        if sets:
            pb["sets"] = dict(sets)
        rest = [t for t in touched if t not in (sets or {})]
        if rest:
            pb["issues"] = rest
        if frm:
            pb["from"] = list(frm)
        if estimate:
            pb["estimate"] = True
        if note:
            pb["note"] = note
        if sources:
            pb["sources"] = list(sources)
        return pb

    # v28
    v28 = fv["v28"]
    pts28 = []
    for p in v28["points"]:
        sets = V28_SETS.get(p["id"], {})
        for k in sets:
            assert k in p["issues"], (p["id"], k)
        note_parts = [f"PA-X codes: {', '.join(p['pax_codes'])}."]
        if p["id"] in V28_NOTES:
            note_parts.append(V28_NOTES[p["id"]])
        if any("pravda" in u for u in p["sources"]) and not any("pravda" not in u for u in p["sources"]):
            note_parts.append("Only Pravda-network copies stored for this point; their text matches the "
                              "AFP/Axios copies (research caveat 8).")
        pts28.append(point_block(p["id"], p["number"], p["text"], sets, p["issues"],
                                 note=" ".join(note_parts), sources=p["sources"]))
    pax = v28.get("pax_metadata", {})
    versions.append({
        "id": "v28", "label": "US 28-point plan (leaked draft)", "date": v28["date"],
        "note": (v28["label"] + ". PA-X metadata (estimate): " +
                 "; ".join(f"{k} = {v}" for k, v in pax.items() if k != "estimate") +
                 ". guarantee_duration is open (no duration in the text)."),
        "sources": list(v28["sources"]),
        "points": pts28,
    })

    # v19 reconstruction
    v19 = fv["v19"]
    map28to19 = {}
    pts19 = []
    dropped = []
    n = 0
    for p in v28["points"]:
        plan = V19_PLAN[p["id"]]
        st = p["status_in_19pt"]
        if not plan["keep"]:
            why = plan.get("why", st["note"])
            dropped.append(f"{p['id']} ({st['status']}: {why})")
            continue
        n += 1
        pid19 = f"P19_{n:02d}"
        map28to19[p["id"]] = pid19
        sets = plan.get("sets")
        if sets is None:
            sets = {} if plan.get("bracket") else dict(V28_SETS.get(p["id"], {}))
        text = plan.get("text", p["text"])
        note = f"From 28-pt {p['number']}, status_in_19pt = {st['status']}"
        note += " (reported)" if not st.get("estimate") else " (inferred in the research)"
        note += f": {st['note']}."
        if plan.get("bracket"):
            note += " Kept in the text but not settled, so it sets nothing."
        if plan.get("extra"):
            note += " " + plan["extra"]
        note += " Numbering of the 19-point text is ours (28-pt order)."
        pts19.append(point_block(pid19, n, text, sets, p["issues"], frm=[p["id"]], estimate=True, note=note,
                                 sources=uniq(st.get("sources", []))))
    counts = "; ".join(f"{c['count']} ({c['who']})" for c in v19["point_count_reports"])
    changes = " ".join(f"({k}) {c['change']}." for k, c in enumerate(v19["known_changes"], 1))
    versions.append({
        "id": "v19",
        "label": "US-Ukraine Geneva framework (unpublished; reconstructed as far as known)",
        "date": v19["date"],
        "estimate": True,
        "note": (f"{v19['label']}. The text was never published; this version is reconstructed from each 28-point's "
                 f"status_in_19pt and the known changes, and every point is estimate: true. Known changes: {changes} "
                 f"Reconstruction: kept / modified / bracketed points are carried over (bracketed and contested ones "
                 f"without a setting); removed and moved-out points are dropped; of the points with unknown or "
                 f"contested status, 28-pt 19 (ZNPP, contested) and 28 (ceasefire) are kept, while 8, 9, 11 and 14 "
                 f"are treated as moved to the US-EU format. This yields {n} points, matching the FT count of 19. "
                 f"Alternative readings (e.g. 11 kept and 28 dropped) give the same count; other reported counts: "
                 f"{counts}. Dropped: " + "; ".join(dropped) + ". Amnesty, NATO and foreign troops are therefore "
                 f"open in v19 (the amnesty option A_SILENT holds by omission)."),
        "sources": uniq([u for c in v19["point_count_reports"] for u in c["sources"]] +
                        [u for c in v19["known_changes"] for u in c["sources"]]),
        "points": pts19,
    })

    # v20
    v20 = fv["v20"]
    pts20 = []
    for p in v20["points"]:
        frm = [map28to19.get(x, x) for x in p["derived_from_28pt"]]
        sets = V20_SETS.get(p["id"], {})
        for k in sets:
            assert k in p["issues"], (p["id"], k)
        note = f"status_dec2025 = {p['status_dec2025']}. PA-X codes: {', '.join(p['pax_codes'])}."
        if any(x not in map28to19 for x in p["derived_from_28pt"]):
            note += " Derived from 28-pt point(s) not carried into the reconstructed v19, so `from` names v28."
        if p["id"] in V20_NOTES:
            note += " " + V20_NOTES[p["id"]]
        pts20.append(point_block(p["id"], p["number"], p["text"], sets, p["issues"], frm=frm,
                                 estimate=bool(p.get("text_estimate")), note=note, sources=p["sources"]))
    pax = v20.get("pax_metadata", {})
    versions.append({
        "id": "v20", "label": "20-point framework (Zelensky, after Miami talks)", "date": "2025-12-23",
        "note": (v20["label"] + ". Presented 23-24 Dec 2025. PA-X metadata (estimate): " +
                 "; ".join(f"{k} = {v}" for k, v in pax.items() if k != "estimate") +
                 ". Open in v20: guarantee_duration (15 years offered only on 28 Dec), foreign_troops and "
                 "nato_membership (not in the text; the NATO legal ban was dropped), amnesty (dropped; A_SILENT by "
                 "omission), znpp (not agreed), sanctions_g8 and frozen_assets (only snapback / funds mentioned)."),
        "sources": list(v20["sources"]),
        "points": pts20,
    })

    # ---- stances
    scen_issues = {i["id"]: i for i in issues}

    def infer(version_points, party):
        out = {}
        for pb in version_points:
            if not pb.get("sets"):
                continue
            classes = []
            srcs = []
            for iss, setting in pb["sets"].items():
                pos = issue_by_id[iss]["positions"][party]
                c = classify(issue_by_id[iss], pos, setting)
                classes.append((iss, setting, c))
                if c == "red":
                    srcs += pos["red_lines"].get("sources", [])
                elif c in ("pref", "acc"):
                    srcs += pos["preferred"].get("sources", []) if c == "pref" else pos["acceptable"].get("sources", [])
            if any(c == "red" for _, _, c in classes):
                kind = "reject"
            elif all(c in ("pref", "acc") for _, _, c in classes):
                kind = "accept"
            else:
                kind = "conditional"
            word = {"pref": "preferred", "acc": "acceptable", "red": "a red line", "other": "neither acceptable nor a red line"}
            note = "Inferred from research positions: " + "; ".join(
                f"{iss} = {setting} is {word[c]}" for iss, setting, c in classes) + "."
            st = {"stance": kind, "estimate": True, "note": note}
            srcs = uniq(srcs)
            if srcs:
                st["sources"] = srcs
            out[pb["id"]] = st
        return out

    def reported_entry(kind, estimate, note, keys):
        e = {"stance": kind}
        if estimate:
            e["estimate"] = True
        e["note"] = note
        if keys:
            e["sources"] = U(keys)
        return e

    reported = reported_v28()
    for v in versions:
        vid = v["id"]
        stances = {}
        for party in party_ids:
            st = infer(v["points"], party)
            # overlays
            if vid == "v28":
                for pb in v["points"]:
                    r = reported.get((party, pb["id"]))
                    if not r:
                        continue
                    if r["stance"] is None:  # note/sources only, keep inferred kind
                        if pb["id"] in st:
                            st[pb["id"]]["note"] = r["note"] + " " + st[pb["id"]]["note"]
                            st[pb["id"]]["sources"] = uniq(U(r["sources"]) + st[pb["id"]].get("sources", []))
                        continue
                    st[pb["id"]] = reported_entry(r["stance"], r["estimate"], r["note"], r["sources"])
            else:
                tables = REPORTED_STANCES[vid]
                d = tables["default"]
                if party in d["parties"]:
                    only = d.get("only_status_dec2025")
                    for k, pb in enumerate(v["points"]):
                        if only and fv[vid]["points"][k]["status_dec2025"] != only:
                            continue
                        st[pb["id"]] = reported_entry(d["stance"], d["estimate"], d["note"], d["sources"])
                for r in tables["reported"]:
                    if r["party"] == party:
                        pt = map28to19[r["point"]] if vid == "v19" else r["point"]
                        st[pt] = reported_entry(r["stance"], r["estimate"], r["note"], r["sources"])
            # keep point order
            order = [pb["id"] for pb in v["points"]]
            stances[party] = {k: st[k] for k in order if k in st}
        v["stances"] = stances

    sc["framework"] = {"versions": versions}

    # ---- timeline
    tl = []
    for k, e in enumerate(data["timeline"]):
        raw = e["date"]
        ev = {}
        m = re.match(r"^(\d{4}-\d{2}-\d{2})(?:/(\d{2}))?$", raw)
        if m:
            ev["date"] = m.group(1)
            text = e["event"]
            if m.group(2):
                text = f"{e['event']} ({raw[8:10]}-{m.group(2)} {month_name(raw)})"
        else:
            m2 = re.match(r"^(\d{4}-\d{2}) \((\w+)\)$", raw)
            assert m2, raw
            ev["date"] = m2.group(1)
            text = f"{e['event']} ({m2.group(2)} {month_name(raw)})"
        ev["kind"] = TIMELINE_KIND[k]
        ev["text"] = text
        ev["sources"] = list(e["sources"])
        tl.append(ev)
    sc["timeline"] = tl
    return sc


def month_name(iso):
    y, m = iso[:4], int(iso[5:7])
    return ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1] + " " + y


# --------------------------------------------------------------------------------------
# YAML emitter (readable, with comments); output is checked by re-parsing with PyYAML
# --------------------------------------------------------------------------------------
PLAIN_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")
RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}
WIDTH = 110


def scalar(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if math.isfinite(v) and v == int(v) and abs(v) < 1e15:
            return str(int(v))
        return repr(v)
    if v is None:
        return "null"
    s = str(v)
    if PLAIN_RE.match(s) and s.lower() not in RESERVED:
        return s
    return json.dumps(s, ensure_ascii=False)


def key(k):
    return scalar(k)


def is_scalar(v):
    return not isinstance(v, (dict, list))


def flow(v):
    """Flow rendering or None when v contains comments."""
    if isinstance(v, dict):
        parts = []
        for k, x in v.items():
            if isinstance(k, Comment):
                return None
            fx = flow(x)
            if fx is None:
                return None
            parts.append(f"{key(k)}: {fx}")
        return "{" + ", ".join(parts) + "}"
    if isinstance(v, list):
        parts = []
        for x in v:
            if isinstance(x, Comment):
                return None
            fx = flow(x)
            if fx is None:
                return None
            parts.append(fx)
        return "[" + ", ".join(parts) + "]"
    return scalar(v)


def emit(v, indent, out, flow_ok=True):
    pad = " " * indent
    if isinstance(v, dict):
        for k, x in v.items():
            if isinstance(k, Comment):
                out.append(pad + "# " + k.text if k.text else "")
                continue
            if is_scalar(x):
                out.append(f"{pad}{key(k)}: {scalar(x)}")
                continue
            f = flow(x) if flow_ok else None
            if f is not None and len(pad) + len(key(k)) + 2 + len(f) <= WIDTH and _flow_allowed(x):
                out.append(f"{pad}{key(k)}: {f}")
                continue
            if isinstance(x, list) and not x:
                out.append(f"{pad}{key(k)}: []")
                continue
            if isinstance(x, dict) and not x:
                out.append(f"{pad}{key(k)}: {{}}")
                continue
            out.append(f"{pad}{key(k)}:")
            emit(x, indent + 2, out)
    elif isinstance(v, list):
        for x in v:
            if isinstance(x, Comment):
                out.append(pad + "# " + x.text if x.text else "")
                continue
            if is_scalar(x):
                out.append(f"{pad}- {scalar(x)}")
                continue
            f = flow(x)
            if f is not None and len(pad) + 2 + len(f) <= WIDTH and _flow_allowed(x):
                out.append(f"{pad}- {f}")
                continue
            sub = []
            emit(x, indent + 2, sub)
            # put the first line after the dash
            first = sub[0]
            out.append(f"{pad}- {first[indent + 2:]}")
            out.extend(sub[1:])
    else:
        out.append(pad + scalar(v))


def _flow_allowed(x):
    # flow style only for flat mappings / lists of scalars or small pairs (curves)
    if isinstance(x, dict):
        return all(is_scalar(y) or (isinstance(y, list) and all(is_scalar(z) for z in y)) for y in x.values())
    if isinstance(x, list):
        return all(is_scalar(y) or (isinstance(y, list) and all(is_scalar(z) for z in y))
                   or isinstance(y, dict) for y in x)
    return True


def single_sources(v, top=True):
    """Write a one-element `sources` list as `source:` (the canonical form `accord convert` emits)."""
    if isinstance(v, dict):
        out = {}
        for k, x in v.items():
            if k == "sources" and not top and isinstance(x, list) and len(x) == 1:
                out["source"] = x[0]
            else:
                out[k] = single_sources(x, False)
        return out
    if isinstance(v, list):
        return [single_sources(x, False) for x in v]
    return v


def strip_comments(v):
    if isinstance(v, dict):
        return {k: strip_comments(x) for k, x in v.items() if not isinstance(k, Comment)}
    if isinstance(v, list):
        return [strip_comments(x) for x in v if not isinstance(x, Comment)]
    return v


def comment_block(text):
    return ["# " + line if line else "#" for line in text.splitlines()]


def render(sc):
    lines = []
    lines += comment_block(
        "Accord scenario: Geneva 2025 (US-Ukraine-Russia peace framework, Nov 2025 - Mar 2026).\n"
        "GENERATED by scripts/make_geneva_scenario.py from /work/shared/data/geneva2025-research.json\n"
        "(+ geneva2025-research-notes.md). Edit the generator, not this file. Format: docs/format.md.\n"
        "ctest -R geneva_scenario_regenerates checks it matches the generator's output.\n")
    lines.append("#")
    lines += comment_block(DERIVATION_RULES)
    lines.append("")

    top = {}
    for k in ("format", "id", "title", "description", "date", "sources"):
        top[k] = sc[k]
    emit(top, 0, lines)
    lines.append("")

    lines.append("# ------------------------------------------------------------------ parties")
    lines.append("parties:")
    emit(sc["parties"], 2, lines)
    lines.append("")

    lines.append("# ------------------------------------------------------------------ issues")
    lines.append("# 23 issues of the research data, options in research order; `note` = full research text.")
    lines.append("issues:")
    for it in sc["issues"]:
        lines.append("")
        lines.append(f"  # --- {it['id']}")
        sub = []
        emit([it], 2, sub)
        lines += sub
    lines.append("")

    lines.append("# ------------------------------------------------------------------ preferences")
    lines.append("# Derived from the research positions by the rules at the top of this file.")
    lines.append("preferences:")
    for pid, pb in sc["preferences"].items():
        lines.append("")
        lines.append(f"  # ===== {pid}")
        lines.append(f"  {pid}:")
        emit({"reservation": pb["reservation"]}, 4, lines)
        lines.append("    issues:")
        for iid, ib in pb["issues"].items():
            lines.append(f"      {iid}:")
            emit(ib, 8, lines)
    lines.append("")

    lines.append("# ------------------------------------------------------------------ framework")
    lines.append("# Point ids are unique across versions; `from` names points of earlier versions only.")
    lines.append("framework:")
    lines.append("  versions:")
    for v in sc["framework"]["versions"]:
        lines.append("")
        lines.append(f"    # ========== {v['id']}: {v['label']}")
        head = {k: v[k] for k in v if k not in ("points", "stances")}
        sub = []
        emit([head], 4, sub)
        lines += sub
        lines.append("      points:")
        for pb in v["points"]:
            lines.append("")
            sub = []
            emit([pb], 8, sub)
            lines += sub
        lines.append("")
        lines.append(f"      # stances on {v['id']} points (absent = unknown)")
        lines.append("      stances:")
        for party, st in v["stances"].items():
            lines.append(f"        {party}:")
            if not st:
                lines[-1] += " {}"
            for ptid, e in st.items():
                sub = []
                emit({ptid: e}, 10, sub)
                lines += sub
    lines.append("")

    lines.append("# ------------------------------------------------------------------ timeline")
    lines.append("# Ranged or vague research dates use their first day (or the month); the span is in the text.")
    lines.append("timeline:")
    emit(sc["timeline"], 2, lines)
    lines.append("")
    return "\n".join(lines)


CONFLICT_FRAGMENT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scenarios",
                                 "fragments", "geneva-2025-conflict.yaml")


def conflict_section():
    """The hand-written GMCR model (docs/gmcr.md), spliced in verbatim under `conflict:`."""
    with open(CONFLICT_FRAGMENT, encoding="utf-8") as f:
        body = f.read()
    out = ["", "# Stability model (Graph Model for Conflict Resolution): written by hand in",
           "# scenarios/fragments/geneva-2025-conflict.yaml and spliced in by this generator.",
           "conflict:"]
    for line in body.rstrip("\n").split("\n"):
        out.append(("  " + line) if line.strip() else "")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------
# Utilities come from the engine (`accord evaluate --json`), never recomputed here
# --------------------------------------------------------------------------------------
def run_accord(accord, args):
    r = subprocess.run([accord] + args, capture_output=True, text=True, check=False)
    if r.returncode != 0:
        sys.exit(f"make_geneva_scenario: `accord {' '.join(args)}` exited {r.returncode}:\n{r.stderr}")
    return json.loads(r.stdout)


def evaluate_versions(accord, path, version_ids):
    """{version id: the `accord evaluate --json` document of that version}."""
    return {vid: run_accord(accord, ["evaluate", path, "--version", vid, "--json"]) for vid in version_ids}


def settled_utility(party_result):
    """U with open issues counted 0: the engine's contributions of the settled issues."""
    return sum(i["contribution"] for i in party_result["issues"] if i["settled"])


def reservation_note(template, party, utilities):
    """Replaces {v28} / {v19} / {v20} by the party's utility of that version (two decimals)."""
    def sub(m):
        if utilities is None:
            return m.group(0)  # first pass: the utilities are not known yet
        return f"{utilities[party][m.group(1)]:.2f}"
    return re.sub(r"\{(v\d+)\}", sub, template)


def scenario_text(data, utilities):
    """The YAML text; `utilities` ({party: {version: U}}) fills the reservation notes."""
    sc = build(json.loads(json.dumps(data)))
    for pid, r in RESERVATIONS.items():
        sc["preferences"][pid]["reservation"] = {
            "value": r["value"], "estimate": True, "note": reservation_note(r["note"], pid, utilities)}
    # key order of the preferences block
    for pid in sc["preferences"]:
        pb = sc["preferences"][pid]
        sc["preferences"][pid] = {"reservation": pb["reservation"], "issues": pb["issues"]}
    sc = single_sources(sc)
    text = render(sc)
    back = yaml.safe_load(text)
    want = json.loads(json.dumps(strip_comments(sc)))
    if back != want:
        bad = [k for k in want if back.get(k) != want[k]]
        sys.exit(f"make_geneva_scenario: the YAML does not read back as written (in {', '.join(bad)})")
    return text + conflict_section(), [v["id"] for v in sc["framework"]["versions"]]


def write_text(path, text):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def print_summary(evaluations):
    for vid, doc in evaluations.items():
        for p in doc["parties"]:
            u = p["utility"]
            print(f"{vid} {p['party']}: U={settled_utility(p):.3f} [{u['min']:.3f}, {u['max']:.3f}] "
                  f"reservation={p['reservation']:.2f} -> {p['verdict']}; red lines crossed: "
                  f"{', '.join(p['red_lines_crossed']) or 'none'}")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("research", nargs="?", default=DEFAULT_IN, help="geneva2025-research.json")
    ap.add_argument("output", nargs="?", default=DEFAULT_OUT, help="the YAML to write")
    ap.add_argument("--accord", default=os.environ.get("ACCORD", DEFAULT_ACCORD),
                    help="the built accord binary (default: $ACCORD or build/apps/accord/accord)")
    ap.add_argument("--summary", action="store_true",
                    help="print each party's utility of every version (from accord evaluate) instead")
    args = ap.parse_args(argv[1:])
    with open(args.research, encoding="utf-8") as f:
        data = json.load(f)
    with tempfile.TemporaryDirectory() as tmp:
        # Pass 1: the scenario with the reservation notes unfilled, to evaluate its versions.
        draft = os.path.join(tmp, "draft.yaml")
        text, version_ids = scenario_text(data, None)
        write_text(draft, text)
        evaluations = evaluate_versions(args.accord, draft, version_ids)
        if args.summary:
            print_summary(evaluations)
            return 0
        utilities = {}
        for vid, doc in evaluations.items():
            for p in doc["parties"]:
                utilities.setdefault(p["party"], {})[vid] = settled_utility(p)
        # Pass 2: the notes quote the engine's utilities; the result must validate cleanly.
        text, _ = scenario_text(data, utilities)
        final = os.path.join(tmp, "final.yaml")
        write_text(final, text)
        report = run_accord(args.accord, ["validate", final, "--json"])
        if report["errors"] or report["warnings"]:
            sys.exit(f"make_geneva_scenario: accord validate: {json.dumps(report['diagnostics'], indent=1)}")
    write_text(args.output, text)
    print(f"wrote {args.output} ({len(text)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
