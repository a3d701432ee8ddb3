#!/usr/bin/env python3
"""Generate scenarios/geneva-2025.yaml from the Geneva 2025 research data set.

Usage:
    python3 scripts/make_geneva_scenario.py [RESEARCH_JSON] [OUTPUT_YAML]

Defaults: /work/shared/data/geneva2025-research.json -> scenarios/geneva-2025.yaml
(relative to the repository root). The output follows docs/format.md (format 1).

Everything that is a judgement call (option labels, which option a framework point
sets, how the unpublished 19-point text is reconstructed, reported stances, the
reservation values) is written out as explicit tables below, so a reader can audit
and change it. The numeric rules that turn the research positions into utility
functions are implemented in `discrete_values` / `numeric_curve` and are repeated
verbatim in the header comment of the generated YAML (DERIVATION_RULES).

The script writes YAML by hand (to keep comments and a readable layout) and then
re-reads its own output with PyYAML, checking that it parses back to exactly the
data it meant to write.
"""
from __future__ import annotations

import json
import math
import os
import re
import sys

try:
    import yaml  # python3-yaml
except ImportError:  # pragma: no cover
    yaml = None

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DEFAULT_IN = os.path.join(REPO, "..", "shared", "data", "geneva2025-research.json")
DEFAULT_OUT = os.path.join(REPO, "scenarios", "geneva-2025.yaml")

# --------------------------------------------------------------------------------------
# Derivation rules (also written verbatim at the top of the YAML)
# --------------------------------------------------------------------------------------
DERIVATION_RULES = """\
Derivation rules used by scripts/make_geneva_scenario.py (all generated numbers are estimates):

PARTIES  capability = the research "influence" score (US 90, RU 80, EU 60, UA 55), estimate: true,
         with the research justification as note.

WEIGHTS  w(p,i) = salience(p,i) / sum of p's saliences over all 23 issues (so each party's weights
         sum to 1). Every research salience is an estimate, hence every weight is estimate: true;
         the weight note shows "salience / total".

DISCRETE VALUES  d = distance between the option and the party's preferred option in the
         research option order (|index difference|).
         - preferred option                        -> 1.0
         - other acceptable option                 -> 0.85 - 0.15*(d-1), floored at 0.5
                                                      (d=1: 0.85, d=2: 0.70, d=3: 0.55, d>=4: 0.5);
           if the research attaches a condition to that option ("conditional"), a further -0.15,
           floored at 0.5
         - option neither acceptable nor a red line -> 0.35 - 0.05*(d-1), floored at 0.2
                                                      (d=1: 0.35, d=2: 0.30, d=3: 0.25, d>=4: 0.2)
         - red-line option                         -> 0.0, and listed under red_lines
NUMERIC CURVES (guarantee_duration, army_cap)  piecewise-linear curve through
         - (preferred value, 1.0)
         - (each acceptable-range bound other than the preferred value, 0.6)
         - (the red-line bound, 0.0) where the research states a numeric red line; that red line is
           written as a {min:, max:} range (a "fewer than 15 years" red line becomes {max: 10}, the last
           grid value below 15)
         - (a domain end that is neither acceptable nor inside a red line, 0.2)
         Exception (army_cap only): the research notes say the cap preference is monotone
         (UA "prefers no cap", EU/von der Leyen "no limitation at all", RU sought 85k in 2022);
         acceptable values on the party's favourable side of its preferred value keep 1.0 instead
         of dropping to 0.6.
BLOCK PROVENANCE  each issue-preference block is estimate: true (its weight rests on an estimated
         salience and its values on the rules above); its note says which research inputs are
         reported and which are estimates and keeps the research note / conditional text; its
         sources are the research sources for the preferred / acceptable / red-line coding.

RESERVATIONS  chosen by hand from each side's BATNA as described in the research notes, after
         computing the utilities of the v28 and v20 packages (see each reservation note and
         scripts/check_geneva_scenario.py); not tuned to force an outcome.

FRAMEWORK  v28 and v20 are the published point lists; `sets` = the option (or number) the point's
         text fixes on an issue, `issues` = issues the point touches without settling them.
         v19 (Geneva, 23 Nov 2025) is unpublished and reconstructed from each 28-point's
         status_in_19pt and the reported known_changes (see the v19 note); every v19 point is
         estimate: true. An issue no point of a version sets is open in that version.

ISSUES   the 23 research issues with options in research order (label = short paraphrase, note = full
         research text, sources as given); category = pax_category, codes = pax_codes. reconstruction has
         both options and a $bn range in the research; it is modelled as its discrete options ($bn figures
         in labels/notes). guarantee_duration (0-50 years, step 5) and army_cap (50-1000 thousand, step 50)
         are numeric ranges.

STANCES  (1) reported positions on a point (statements, the E3 counter-draft, the Geneva joint
         statement, the 20-point status 'agreed_UA_US' / 'not_agreed') are written with their sources
         ('not_agreed' -> conditional for UA and US per the notes; stances on reconstructed v19 points are
         estimate: true because the points themselves are inferred); (2) for other points that
         set an issue, the stance is inferred from the party's research position on the option(s)
         the point sets: any red-line option -> reject; every option preferred or acceptable ->
         accept; otherwise conditional. Inferred stances carry estimate: true. Points that only touch
         issues get a stance only where one was reported. Everything else is left out (= unknown).
"""

# --------------------------------------------------------------------------------------
# Hand-written tables
# --------------------------------------------------------------------------------------

# Short option labels (<= 100 chars). The full research text is kept as the option note.
LABELS = {
    "D_RU_FULL": "Ukraine leaves all of Donetsk (and residual Luhansk); Russian control and sovereignty",
    "D_28_DMZ": "Ukraine leaves held Donetsk; demilitarised buffer zone recognised as Russian (28-pt 21d)",
    "D_FEZ": "Mutual pull-back; held Donbas a demilitarised free economic zone, subject to referendum",
    "D_FREEZE": "No Ukrainian withdrawal; line of troop deployment at signing = de facto contact line",
    "D_RESTORE": "Russian withdrawal toward internationally recognised borders (not on the table)",
    "R_DEJURE": "De jure recognition of Crimea and the four oblasts as Russian",
    "R_DEFACTO28": "Crimea, Luhansk, Donetsk de facto Russian incl. by US; Kherson/Zaporizhzhia frozen (28-pt)",
    "R_LINE_ONLY": "Contact line as de facto line only; no recognition; change only by peaceful means",
    "R_DEFER": "No recognition language; status deferred to later talks",
    "O_WITHDRAW": "Russia withdraws from occupied areas outside Crimea and the four claimed oblasts",
    "O_RETAIN": "Russia keeps these areas / 'buffer zones'",
    "G_NONE": "No Western military guarantee; non-aggression pledges only",
    "G_28": "'Reliable guarantees' + conditional, compensated US guarantee with snapback (28-pt 5, 10)",
    "G_ART5": "Binding Article-5-like guarantees by US, NATO, Europe; ~15 yrs, extendable; Senate vote",
    "G_ART5_LONG": "Article-5-like guarantees for 30-50 years, ratified before any territorial step",
    "T_NONE": "No NATO troops in Ukraine; European jets based in Poland (28-pt 8-9)",
    "T_MNF": "European-led Multinational Force after ceasefire; US-led monitoring; no US ground troops",
    "T_UNRESTRICTED": "No limits on friendly foreign forces in Ukraine (Ukrainian-European proposal, Apr 2025)",
    "N_LEGAL_BAN": "NATO non-membership in Ukraine's Constitution and NATO statutes; no enlargement (28-pt)",
    "N_POLITICAL": "Ukraine forgoes NATO bid politically for guarantees; no legal ban",
    "N_CONSENSUS": "Membership left to allied consensus 'which does not exist' (E3)",
    "N_OPEN": "Ukraine keeps an explicit NATO membership path",
    "A_FULL": "Full amnesty for all parties; no future claims (28-pt 26)",
    "A_SILENT": "No amnesty clause; justice on a separate track",
    "A_ACCOUNT": "Explicit accountability: no amnesty for war crimes; ICC / Special Tribunal; reparations",
    "Z_RU": "Russian federal property run by a Rosatom entity",
    "Z_IAEA_5050": "Restart under IAEA; electricity split 50:50 Russia-Ukraine (28-pt 19)",
    "Z_TRI": "Trilateral US-Ukraine-Russia consortium, US as principal operator (US, Dec 2025)",
    "Z_USUA": "US-Ukraine 50:50 joint venture; US allocates its share (Ukraine, Dec 2025)",
    "Z_UA": "Plant returned to Ukrainian control (European version per WaPo/Telegraph)",
    "P_ALL": "All-for-all exchange of POWs, remains and civilian detainees (28-pt 24; 20-pt 17)",
    "P_CAT": "Category- or number-based swaps (Istanbul 2025, Abu Dhabi 2026 style)",
    "C_ALL": "Unconditional return of all deported children and civilians; family reunification",
    "C_LIST": "Case-by-case return against named lists",
    "S_LIFT_NOW": "Early full lifting of sanctions, assets returned, G8 readmission, US-Russia deals",
    "S_STAGED": "Staged case-by-case lifting; G8 invitation; US-Russia economic deals; snapback (28-pt)",
    "S_CONDITIONAL": "Gradual reversible relief only after lasting peace; EU decides EU sanctions",
    "S_KEEP": "Sanctions kept or raised until withdrawal and reparations",
    "F_RETURN": "Assets unfrozen and returned to Russia",
    "F_28": "$100bn to US-led fund (US 50% of profits) + $100bn Europe; rest US-Russia vehicle (28-pt)",
    "F_RU_DIRECTED": "Russia directs part of frozen funds (~$5bn in US) to Board of Peace / reconstruction",
    "F_IMMOBILISE": "Assets stay immobilised until Russia compensates Ukraine (EU, Dec 2025)",
    "E_100": "Elections within 100 days of the agreement (28-pt 25)",
    "E_ASAP": "Elections as soon as possible after signing, possibly with a referendum on the deal",
    "E_PRECOND": "Current leadership illegitimate; elections before a valid signature (Russian view)",
    "E_CONST": "Elections after martial law ends per the constitution; no date in the deal",
    "M_ELIGIBLE": "EU eligibility plus short-term preferential market access (28-pt 11)",
    "M_DATE": "EU membership within a fixed period (target 1 Jan 2027) plus market access (20-pt 7)",
    "M_STANDARD": "Gradual accession via Copenhagen criteria, no fixed date",
    "M_NONE": "No EU accession",
    "RC_28": "US-led package (Development Fund, gas, World Bank) from $100bn assets + $100bn Europe",
    "RC_PROSPERITY": "Separate prosperity agreement; several funds targeting ~$800bn; US-Ukraine FTA (20-pt)",
    "RC_REPARATIONS": "Full reconstruction and compensation, backed by Russian assets held until Russia pays",
    "CF_ON_AGREEMENT": "Ceasefire once all parties agree, with pull-back to agreed positions (28-pt 28)",
    "CF_FIRST": "Unconditional ceasefire first (e.g. 60 days for a referendum), territory afterwards",
    "CF_AFTER_WITHDRAWAL": "No ceasefire until Ukraine leaves Donbas / a final deal is signed",
    "IM_BOP": "Legally binding; Board/Council of Peace chaired by Trump monitors; sanctions for breaches",
    "IM_USLED": "US-led technical ceasefire monitoring, early warning, commission with coalition role",
    "IM_NO_EUROPE": "Monitoring without European military participation",
    "NA_28": "Russia-Ukraine-Europe pact; NATO non-enlargement; NATO-Russia dialogue (28-pt 2-4, 15-16)",
    "NA_BILATERAL": "Russia-Ukraine non-aggression pact with monitoring; NATO-Russia issues elsewhere (20-pt)",
    "CL_28": "Tolerance education, EU minority/religion rules, Russian-language media, Nazi-ideology ban",
    "CL_20": "Mutual tolerance and anti-prejudice education only (20-pt 13)",
    "CL_RU": "Protection of Russian language and 'canonical Orthodoxy'; 'denazification'",
    "NV_28": "Free Ukrainian use of the Dnipro; Black Sea grain shipping (28-pt 23)",
    "NV_20": "As 28-pt plus a demilitarised Kinburn Spit (20-pt 16)",
    "NV_UA": "Free Ukrainian passage on the Dnipro and Ukrainian control of the Kinburn Spit",
    "NU_28": "Ukraine non-nuclear under the NPT; US-Russia extend START etc. (28-pt 17-18)",
    "NU_20": "Ukraine non-nuclear (20-pt 11); arms control left to a US-Russia track",
}

# Numeric issues: grid step and red lines that the research states numerically.
NUMERIC_STEP = {"guarantee_duration": 5, "army_cap": 50}
NUMERIC_RED_LINES = {
    ("guarantee_duration", "UA"): {"max": 10},   # "fewer than ~15 years" on a 5-year grid
    ("army_cap", "UA"): {"max": 600},            # "600 or lower (rejected at Geneva)"
    ("army_cap", "RU"): {"min": 800},            # "800 or more ... unsustainable"
    ("army_cap", "EU"): {"max": 600},            # "600 (G20: limits would leave Ukraine vulnerable)"
}
# Monotone exception (see DERIVATION_RULES): side on which acceptable values keep 1.0.
MONOTONE = {("army_cap", "UA"): "up", ("army_cap", "EU"): "up", ("army_cap", "RU"): "down"}

# v28: which option each point sets; other research-listed issues become `issues:`.
V28_SETS = {
    "P28_02": {"european_security": "NA_28"},
    "P28_06": {"army_cap": 600},
    "P28_07": {"nato_membership": "N_LEGAL_BAN"},
    "P28_08": {"foreign_troops": "T_NONE"},
    "P28_10": {"security_guarantees": "G_28"},
    "P28_11": {"eu_membership": "M_ELIGIBLE"},
    "P28_12": {"reconstruction": "RC_28"},
    "P28_13": {"sanctions_g8": "S_STAGED"},
    "P28_14": {"frozen_assets": "F_28"},
    "P28_17": {"nuclear_arms_control": "NU_28"},
    "P28_19": {"znpp": "Z_IAEA_5050"},
    "P28_20": {"culture_language_religion": "CL_28"},
    "P28_21": {"territory_donbas": "D_28_DMZ", "territory_recognition": "R_DEFACTO28",
               "other_occupied_areas": "O_WITHDRAW"},
    "P28_23": {"navigation": "NV_28"},
    "P28_24": {"prisoners": "P_ALL", "children": "C_ALL"},
    "P28_25": {"elections": "E_100"},
    "P28_26": {"amnesty": "A_FULL"},
    "P28_27": {"monitoring_enforcement": "IM_BOP"},
    "P28_28": {"ceasefire_sequencing": "CF_ON_AGREEMENT"},
}
V28_NOTES = {
    "P28_01": "Touches european_security without settling it.",
    "P28_02": "Core of option NA_28 (28-pt 2, 3, 4, 15, 16); points 3, 4, 15, 16 only touch the issue.",
    "P28_03": "NATO non-enlargement part of N_LEGAL_BAN / NA_28; the issue is set by points 7 and 2.",
    "P28_05": "Guarantee option G_28 is fixed by point 10 (G_28 = 28-pt 5 + 10).",
    "P28_09": "Part of T_NONE (28-pt 8-9); the issue is set by point 8.",
    "P28_10": "Snapback of sanctions touches sanctions_g8; the issue is set by point 13.",
    "P28_14": "Also funds the reconstruction package set by point 12.",
    "P28_17": "NU_28 differs from NU_20 by the START extension, so this point sets the issue; point 18 only touches it.",
    "P28_22": "Consistent with any recognition option; touches without settling.",
}

# v19 reconstruction: 28-point id -> (keep?, sets, extra note, text override).
# Statuses come from status_in_19pt; decisions on 'unknown' / 'contested' / 'kept_or_moved' are ours.
V19_PLAN = {
    "P28_01": dict(keep=True),
    "P28_02": dict(keep=True, sets={"european_security": "NA_BILATERAL"},
                   text="Non-aggression narrowed to a Russia-Ukraine pact with monitoring (wording unknown)"),
    "P28_03": dict(keep=True, bracket=True,
                   text="[bracketed] NATO non-enlargement / NATO-Russia-US relations - left to the presidents"),
    "P28_04": dict(keep=False),
    "P28_05": dict(keep=True),
    "P28_06": dict(keep=True, sets={"army_cap": 800},
                   text="Army ceiling: the 600,000 cap is dropped; reportedly 800,000 in peacetime",
                   extra="800k is explicit only in the E3 draft and the December 20-point text; its presence in the "
                         "19-point text rests on weak sourcing (research uncertainty 4), hence estimate."),
    "P28_07": dict(keep=True, bracket=True,
                   text="[bracketed] Constitutional / NATO-statute bar on Ukrainian membership - left to the presidents"),
    "P28_08": dict(keep=False, why="NATO/European force items reportedly went to a US-EU format and "
                                  "the clause does not reappear in the 20-point text"),
    "P28_09": dict(keep=False, why="'possibly moved to a US-EU format' (RBC-Ukraine); absent from 20-pt"),
    "P28_10": dict(keep=True, sets={"security_guarantees": "G_ART5"},
                   text="Guarantees mirroring Article 5 from the US and European partners; compensation clause dropped",
                   extra="Inferred from the E3 counter-draft tabled at Geneva and the later 20-point text; the Art.5-like "
                         "offer was only made public in Berlin (14-15 Dec), so the Geneva wording may have been weaker."),
    "P28_11": dict(keep=False, why="EU items to be handled with the Europeans (US-EU format, "
                                  "RBC-Ukraine); returns in the 20-point text as point 7"),
    "P28_12": dict(keep=True),
    "P28_13": dict(keep=False),
    "P28_14": dict(keep=False, why="Europeans insisted frozen assets are an EU decision (FT); treated as "
                                  "moved to the US-EU format; part of it returns in 20-pt point 9"),
    "P28_15": dict(keep=False),
    "P28_16": dict(keep=True),
    "P28_17": dict(keep=False),
    "P28_18": dict(keep=True, sets={"nuclear_arms_control": "NU_20"},
                   extra="With 28-pt 17 (START) moved to the US-Russia track, this point alone amounts to option NU_20."),
    "P28_19": dict(keep=True, bracket=True,
                   text="[contested] Zaporizhzhia NPP arrangement - no agreed wording",
                   extra="It reappears as 20-pt point 12, still without US-Ukraine consensus."),
    "P28_20": dict(keep=True, sets={"culture_language_religion": "CL_20"},
                   text="Mutual tolerance education programmes (language/religion/'Nazi ideology' items dropped)"),
    "P28_21": dict(keep=True, bracket=True,
                   text="[bracketed] Territory (Crimea, Donbas, Kherson/Zaporizhzhia line, other areas) - left to the presidents"),
    "P28_22": dict(keep=True),
    "P28_23": dict(keep=True),
    "P28_24": dict(keep=True),
    "P28_25": dict(keep=True, sets={"elections": "E_ASAP"},
                   text="Elections in Ukraine as soon as possible after signing"),
    "P28_26": dict(keep=False),
    "P28_27": dict(keep=True),
    "P28_28": dict(keep=True, extra="status 'unknown': kept because a ceasefire trigger is indispensable to any framework "
                                    "and reappears as 20-pt point 20."),
}

# v20: sets per point (the research lists the touched issues).
V20_SETS = {
    "P20_02": {"european_security": "NA_BILATERAL"},
    "P20_04": {"army_cap": 800},
    "P20_05": {"security_guarantees": "G_ART5"},
    "P20_07": {"eu_membership": "M_DATE"},
    "P20_08": {"reconstruction": "RC_PROSPERITY"},
    "P20_11": {"nuclear_arms_control": "NU_20"},
    "P20_13": {"culture_language_religion": "CL_20"},
    "P20_14": {"territory_donbas": "D_FREEZE", "territory_recognition": "R_LINE_ONLY",
               "other_occupied_areas": "O_WITHDRAW"},
    "P20_16": {"navigation": "NV_20"},
    "P20_17": {"prisoners": "P_ALL", "children": "C_ALL"},
    "P20_18": {"elections": "E_ASAP"},
    "P20_19": {"monitoring_enforcement": "IM_BOP"},
    "P20_20": {"ceasefire_sequencing": "CF_ON_AGREEMENT"},
}
V20_NOTES = {
    "P20_02": "The space-based monitoring is part of option IM_USLED, but the enforcement option is fixed by "
              "point 19 (IM_BOP); here monitoring_enforcement is only touched.",
    "P20_03": "General commitment; the guarantee option is set by point 5.",
    "P20_05": "Duration is not in the text (15 years was offered at Mar-a-Lago on 28 Dec), so guarantee_duration "
              "stays open in v20; the snapback touches sanctions_g8.",
    "P20_09": "Funding target touches reconstruction (set by point 8) and frozen assets (left open: the EU kept "
              "them immobilised and chose joint borrowing).",
    "P20_10": "Part of option RC_PROSPERITY (set by point 8).",
    "P20_12": "NOT AGREED between Ukraine and the US (no consensus): left open.",
    "P20_14": "NOT AGREED between Ukraine and the US; the published text is Kyiv's line (freeze on the line of "
              "deployment; any free economic zone only by referendum), coded D_FREEZE / R_LINE_ONLY / O_WITHDRAW.",
    "P20_15": "Consistent with R_LINE_ONLY; touches without settling.",
    "P20_19": "Wording partly inferred (stored excerpts truncated).",
    "P20_20": "Wording inferred from the 28-pt analogue (stored excerpts truncated).",
}

# Reported stances: (version, party, point) -> (stance, estimate, note, [source keys or URLs]).
# Points not listed here that set an issue get a stance inferred from the positions (see rules).
S = dict  # noqa: E731  (readability)
REPORTED = {}


def rep(version, party, points, stance, estimate, note, sources):
    for p in points if isinstance(points, list) else [points]:
        REPORTED[(version, party, p)] = S(stance=stance, estimate=estimate, note=note, sources=sources)


# --- v28 ---
rep("v28", "US", [f"P28_{k:02d}" for k in range(1, 29)], "accept", False,
    "US-drafted text presented to Kyiv on 20 Nov (Trump later: 'not my final offer').",
    ["liga28", "dailyexpress_trump"])
rep("v28", "UA", "P28_06", "reject", False,
    "Ukraine rejected the 600k cap at Geneva ('the 600,000 formula will not stay').", ["rbc_geneva", "caliber_abc"])
rep("v28", "UA", "P28_26", "reject", False,
    "Amnesty removed at Geneva as 'a matter of justice' (Amb. Stefanishyna).", ["liga_amnesty", "rbc_geneva"])
rep("v28", "UA", "P28_21", "reject", False,
    "Delegation 'not mandated' to negotiate territory (a transfer needs a referendum); recognition is a red line.",
    ["parapolitika_ft", "interfax_redline"])
rep("v28", "UA", ["P28_03", "P28_07"], "conditional", True,
    "NATO items bracketed at Geneva for the presidents; Kyiv later offered to drop the NATO bid politically, "
    "not by a constitutional ban.", ["parapolitika_ft", "cgtn_nato"])
rep("v28", "RU", "P28_21", None, True,
    "Lavrov welcomed the original plan that hands the rest of Donbas to Russia 'albeit as a demilitarised zone'; "
    "Putin (27 Nov): Ukraine must leave the territory it holds or be forced out.",
    ["theprint_lavrov", "st_bishkek"])
rep("v28", "RU", ["P28_06", "P28_07"], None, True,
    "Putin (21 Nov): the plan 'could form the basis' of a final settlement; Lavrov welcomed the original text.",
    ["mt_putin1121", "theprint_lavrov"])  # stance kind filled by inference, note/sources added
rep("v28", "EU", "P28_06", "reject", False,
    "E3 counter-draft raises the cap to 800k; G20 leaders: limits would leave Ukraine vulnerable.",
    ["eutoday_e3", "g20stmt"])
rep("v28", "EU", "P28_07", "reject", False,
    "E3 counter-draft: membership depends on allied consensus instead of a legal ban.", ["eutoday_e3"])
rep("v28", "EU", "P28_03", "reject", False,
    "E3 counter-draft deleted the NATO non-enlargement clause.", ["eutoday_e3", "georgiatoday_e3"])
rep("v28", "EU", "P28_21", "reject", False,
    "E3: territorial talks start from the line of contact; G20: borders must not be changed by force.",
    ["eutoday_e3", "g20stmt"])
rep("v28", "EU", "P28_14", "reject", False,
    "E3: assets stay immobilised until Russia compensates Ukraine.", ["eutoday_e3", "laregione_e3"])
rep("v28", "EU", "P28_11", "accept", False, "EU eligibility clause kept in the E3 counter-draft.", ["eutoday_e3"])
rep("v28", "EU", "P28_19", "conditional", True,
    "Disputed: Reuters' copy of the E3 text keeps the 50:50 IAEA arrangement; WaPo/Telegraph versions return "
    "the plant to Ukraine.", ["tass_e3znpp", "g4media_wapo"])
rep("v28", "EU", "P28_13", "conditional", True,
    "E3 text keeps Russia's G8 return after a settlement, but Europeans say sanctions are an EU decision.",
    ["balans_g8", "liga_ft19"])

# --- v19 (point ids are resolved from the 28-pt ids below) ---
V19_BRACKET_NOTE = "Bracketed / contested at Geneva: left to the presidents."
V19_REPORTED_28 = [
    # (28-pt id, party, stance, estimate, note, sources)
    ("P28_21", "UA", "reject", False,
     "Kyslytsya: the delegation was 'not mandated' to negotiate territory; recognition is a red line.",
     ["parapolitika_ft", "ft_kyslytsya_copy", "interfax_redline"]),
    ("P28_21", "US", "conditional", True, V19_BRACKET_NOTE, ["parapolitika_ft"]),
    ("P28_03", "UA", "conditional", True, V19_BRACKET_NOTE, ["parapolitika_ft"]),
    ("P28_03", "US", "conditional", True, V19_BRACKET_NOTE, ["parapolitika_ft"]),
    ("P28_07", "UA", "conditional", True, V19_BRACKET_NOTE, ["parapolitika_ft"]),
    ("P28_07", "US", "conditional", True, V19_BRACKET_NOTE, ["parapolitika_ft"]),
    ("P28_19", "UA", "conditional", True, "No US-Ukraine consensus on the ZNPP (still open in December).",
     ["parapolitika20"]),
    ("P28_19", "US", "conditional", True, "No US-Ukraine consensus on the ZNPP (still open in December).",
     ["parapolitika20"]),
    ("P28_06", "RU", "reject", True,
     "Russian diplomats: Kyiv 'cannot sustain' an 800k army (said of the December text).", ["tass_800k"]),
    ("P28_25", "RU", "conditional", True,
     "Putin: signing with the current leadership is 'pointless'; Russia wants elections first.", ["tass_legit"]),
]
V19_UA_US_NOTE = ("Geneva joint statement: an 'updated and refined peace framework' (US-Ukraine); the 19-point text "
                  "is unpublished, so acceptance of each reconstructed point is inferred.")

# --- v20 ---
V20_AGREED_SOURCES = ["glavnoe20", "parapolitika20"]
V20_REPORTED = [
    ("P20_12", "UA", "conditional", True,
     "Not agreed: Ukraine proposes a US-Ukraine 50:50 joint venture instead of the US-led trilateral consortium.",
     ["sfg20", "nie_znpp", "parapolitika20"]),
    ("P20_12", "US", "conditional", True,
     "Not agreed: the US proposes a trilateral consortium with the US as principal operator.",
     ["sfg20", "nie_znpp", "parapolitika20"]),
    ("P20_14", "UA", "conditional", True,
     "Not agreed with the US; Kyiv keeps the line of deployment and accepts a free economic zone only with mutual "
     "pull-back, international monitoring and a national referendum.", ["ap_dec24", "parapolitika20"]),
    ("P20_14", "US", "conditional", True,
     "Not agreed; the US floated a free economic zone and reportedly told Kyiv a deal requires leaving Donetsk.",
     ["ap_dec24", "newser_berlin", "parapolitika20"]),
    ("P20_14", "RU", "reject", False,
     "Russia demands full Ukrainian withdrawal from Donbas ('Anchorage formula'); talks deadlocked over Donbas.",
     ["st_bishkek", "newsfinale_ushakov", "alahed_peskov", "st_mar2"]),
    ("P20_04", "RU", "reject", True,
     "Miroshnik (25 Dec): Kyiv cannot sustain an 800,000 army.", ["tass_800k"]),
    ("P20_05", "RU", "reject", True,
     "Russia calls any coalition troops in Ukraine 'legitimate targets'; no explicit statement on a US-only pledge.",
     ["tass_lavrov_coalition", "i24_zakharova"]),
    ("P20_12", "RU", "reject", False,
     "The ZNPP is 'Russian federal property'; Moscow rejected US control of the plant.",
     ["tass_22pts", "statement_znpp"]),
    ("P20_18", "RU", "conditional", True,
     "Putin: signing with the current leadership is 'pointless'; Russia wants elections first.", ["tass_legit"]),
    ("P20_07", "RU", "accept", True,
     "Kremlin: EU membership is Ukraine's sovereign right (Feb 2025 statement).", ["politico_peskov_eu"]),
    ("P20_04", "EU", "accept", False, "European leaders' Berlin statement backs an 800k peacetime army.",
     ["berlin_stmt"]),
    ("P20_05", "EU", "accept", False,
     "Berlin statement and Paris Declaration: legally binding guarantees, US-led monitoring, Multinational Force.",
     ["berlin_stmt", "president_paris"]),
    ("P20_03", "EU", "accept", False, "Paris Declaration: robust security guarantees for Ukraine.",
     ["president_paris"]),
    ("P20_07", "EU", "conditional", True,
     "Merz: EU entry in 2027 is 'impossible'; Germany and Hungary object to a fixed date.", ["ki_merz"]),
    ("P20_14", "EU", "accept", True,
     "E3 line: territorial talks start from the line of contact.", ["eutoday_e3"]),
]

# Reservation values: (value, note). See the reasoning in each note.
RESERVATIONS = {}  # filled in below, after the utility computation is defined

# Timeline: kind per event (index order of the research timeline) and normalised ISO date.
TIMELINE_KIND = ["talks", "proposal", "statement", "statement", "talks", "statement", "statement", "talks",
                 "statement", "other", "talks", "other", "talks", "proposal", "talks", "statement", "statement",
                 "talks", "other", "talks", "talks", "statement"]


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
    red = NUMERIC_RED_LINES.get((issue_id, party))
    mono = MONOTONE.get((issue_id, party))
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


def value_of(pref_block, issue, setting):
    """v(x) for a preference block as written in the YAML (used for the summary/stances)."""
    if "range" in issue:
        c = pref_block["curve"]
        x = float(setting)
        if x <= c[0][0]:
            return c[0][1]
        if x >= c[-1][0]:
            return c[-1][1]
        for (x0, y0), (x1, y1) in zip(c, c[1:]):
            if x <= x1:
                return y1 if x1 == x0 else y0 + (y1 - y0) * (x - x0) / (x1 - x0)
        return c[-1][1]
    return pref_block["values"].get(setting, 0.0)


def classify(issue_raw, pos, setting):
    """'pref' | 'acc' | 'red' | 'other' for the research position of one party."""
    if "numeric" in issue_raw and not issue_raw.get("options"):
        x = float(setting)
        pid = pos["_party"]
        red = NUMERIC_RED_LINES.get((issue_raw["id"], pid))
        if red and (("max" not in red or x <= red["max"]) and ("min" not in red or x >= red["min"])):
            return "red"
        if x == pos["preferred"]["value"]:
            return "pref"
        mono = MONOTONE.get((issue_raw["id"], pid))
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
    sc["id"] = "geneva-2025"
    sc["title"] = "Geneva 2025: US-Ukraine-Russia peace framework (28 -> 19 -> 20 points)"
    sc["description"] = (
        "Negotiation model of the US-mediated Russia-Ukraine peace framework from the leaked US 28-point plan "
        "(20 Nov 2025) through the Geneva US-Ukraine revision (23 Nov, reportedly 19 points, unpublished) to the "
        "20-point framework presented by Zelensky (23-24 Dec 2025), with later talks to early March 2026. "
        "Stored research material runs to about early March 2026; no agreement had been signed by then. "
        "Research data set (geneva2025-research.json), not an official text; point texts are paraphrases. "
        "Every guessed value is marked estimate: true (saliences, influence scores, about a third of preferred "
        "positions, the reconstructed 19-point text, inferred stances). Unresolved questions: the Geneva text and "
        "its point count (19 FT / 22 Trump / 26-28 Rubio / 27+4 Ushakov); authorship of the 28 points; which "
        "'European plan' (Reuters E3 vs WaPo/Telegraph); 800k in the 19-point text; reported US linkage of "
        "guarantees to Donbas withdrawal (denied); wording of 20-point items 19-20."
    )
    sc["date"] = "2025-11-23"
    sc["sources"] = U(["liga28", "sweden28", "ep_geneva", "liga_ft19", "rbc_geneva", "parapolitika_ft",
                       "eutoday_e3", "glavnoe20", "meduza20", "mtskg20", "parapolitika20", "pax_guide",
                       "pax_about", "stratapedia_onetext"])

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
            if (i["id"], pid) in MONOTONE:
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
    p28_by_id = {p["id"]: p for p in v28["points"]}
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

    for v in versions:
        vid = v["id"]
        stances = {}
        for party in party_ids:
            st = infer(v["points"], party)
            # overlays
            if vid == "v28":
                for pb in v["points"]:
                    r = REPORTED.get(("v28", party, pb["id"]))
                    if not r:
                        continue
                    if r["stance"] is None:  # note/sources only, keep inferred kind
                        if pb["id"] in st:
                            st[pb["id"]]["note"] = r["note"] + " " + st[pb["id"]]["note"]
                            st[pb["id"]]["sources"] = uniq(U(r["sources"]) + st[pb["id"]].get("sources", []))
                        continue
                    st[pb["id"]] = reported_entry(r["stance"], r["estimate"], r["note"], r["sources"])
            elif vid == "v19":
                if party in ("UA", "US"):
                    for pb in v["points"]:
                        st[pb["id"]] = reported_entry("accept", True, V19_UA_US_NOTE, ["ep_geneva"])
                for (p28, pty, kind, est, note, keys) in V19_REPORTED_28:
                    if pty == party:
                        st[map28to19[p28]] = reported_entry(kind, est, note, keys)
            elif vid == "v20":
                if party in ("UA", "US"):
                    for pb, raw in zip(v["points"], fv["v20"]["points"]):
                        if raw["status_dec2025"] == "agreed_UA_US":
                            st[pb["id"]] = reported_entry(
                                "accept", False, "status_dec2025 = agreed_UA_US (agreed between Ukraine and the US).",
                                V20_AGREED_SOURCES)
                for (p20, pty, kind, est, note, keys) in V20_REPORTED:
                    if pty == party:
                        st[p20] = reported_entry(kind, est, note, keys)
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
# Utility (same additive formula as docs/format.md) - used to choose and document reservations
# --------------------------------------------------------------------------------------
def version_package(sc, vid):
    v = next(v for v in sc["framework"]["versions"] if v["id"] == vid)
    pkg = {}
    for pb in v["points"]:
        pkg.update(pb.get("sets", {}))
    return pkg


def utility(sc, party, pkg):
    issues = {i["id"]: i for i in sc["issues"]}
    u, lo, hi = 0.0, 0.0, 0.0
    for iid, ib in sc["preferences"][party]["issues"].items():
        w = ib["weight"]["value"] if isinstance(ib["weight"], dict) else ib["weight"]
        if iid in pkg:
            c = w * value_of(ib, issues[iid], pkg[iid])
            u += c
            lo += c
            hi += c
        else:
            vals = grid_values(issues[iid], ib)
            lo += w * min(vals)
            hi += w * max(vals)
    return u, lo, hi


def grid_values(issue, ib):
    if "range" in issue:
        r = issue["range"]
        xs, x = [], r["min"]
        while x <= r["max"] + 1e-9:
            xs.append(x)
            x += r["step"]
        if xs[-1] < r["max"]:
            xs.append(r["max"])
        return [value_of(ib, issue, x) for x in xs]
    return [ib["values"].get(o["id"], 0.0) for o in issue["options"]]


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


# --------------------------------------------------------------------------------------
# Reservations (chosen after looking at the utilities printed by --summary)
# --------------------------------------------------------------------------------------
RESERVATIONS = {
    # Utilities quoted are additive U with open issues counted 0 (see check_geneva_scenario.py).
    "UA": (0.55, "No deal = fighting on with EUR90bn of European finance and US intelligence, which Kyiv prefers "
                 "to ceding Donbas or recognising annexation; war costs make a package well short of its ideal "
                 "acceptable. Sits between v28 (U~0.41, crosses red lines) and its own v20 text (U~0.67)."),
    "RU": (0.75, "Moscow believes it can take the rest of Donbas by force ('or we achieve it by military means') and "
                 "holds the battlefield initiative, so only texts close to its demands beat fighting on; sanctions and "
                 "~EUR210bn immobilised assets keep it below ~0.9. v28, which Putin called a possible 'basis', clears "
                 "it (U~0.87); v20 (U~0.27) does not."),
    "US": (0.50, "Mediator that wants a deal (Trump's deadlines, 'peace by March') but can walk away and keep selling "
                 "arms; a broad range of packages beats no deal. Below both v28 (U~0.87) and v20 (U~0.66)."),
    "EU": (0.50, "Status quo is costly but sustainable: EUR90bn for Ukraine in 2026-27, sanctions and immobilised "
                 "assets under EU control. Rejects v28 (U~0.33, crosses red lines); v20, which matches the Berlin and "
                 "Paris positions, clears it (U~0.61)."),
}


def render(sc):
    lines = []
    lines += comment_block(
        "Accord scenario: Geneva 2025 (US-Ukraine-Russia peace framework, Nov 2025 - Mar 2026).\n"
        "GENERATED by scripts/make_geneva_scenario.py from /work/shared/data/geneva2025-research.json\n"
        "(+ geneva2025-research-notes.md). Edit the generator, not this file. Format: docs/format.md.\n"
        "Check by hand with: python3 scripts/check_geneva_scenario.py scenarios/geneva-2025.yaml\n")
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


def main(argv):
    summary = "--summary" in argv
    args = [a for a in argv[1:] if not a.startswith("--")]
    src = args[0] if len(args) > 0 else DEFAULT_IN
    dst = args[1] if len(args) > 1 else DEFAULT_OUT
    with open(src, encoding="utf-8") as f:
        data = json.load(f)
    sc = build(data)
    for pid, (val, note) in RESERVATIONS.items():
        sc["preferences"][pid]["reservation"] = {"value": val, "estimate": True, "note": note}
    # key order of the preferences block
    for pid in sc["preferences"]:
        pb = sc["preferences"][pid]
        sc["preferences"][pid] = {"reservation": pb["reservation"], "issues": pb["issues"]}

    sc = single_sources(sc)

    if summary:
        for pid in sc["preferences"]:
            row = [pid]
            for vid in ("v28", "v19", "v20"):
                u, lo, hi = utility(sc, pid, version_package(sc, vid))
                row.append(f"{vid}: U={u:.3f} [{lo:.3f},{hi:.3f}]")
            print("  ".join(row))
        return 0

    text = render(sc)
    if yaml is not None:
        back = yaml.safe_load(text)
        want = json.loads(json.dumps(strip_comments(sc)))
        if back != want:
            for k in want:
                if back.get(k) != want[k]:
                    print("round-trip mismatch in", k, file=sys.stderr)
            return 1
    text += conflict_section()
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    with open(dst, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {dst} ({len(text)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
