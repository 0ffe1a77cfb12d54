#!/usr/bin/env python3
"""Regenerates pairs.csv from countries.csv using the rules documented in README.md.

Usage (from the repository root or anywhere):  python3 scenarios/world/make_pairs.py
Reads countries.csv next to this script and overwrites pairs.csv next to it.
Rules are applied in this order: defaults -> group rules -> explicit overrides (last wins).
"""
import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))

MEMBERS = {"KAZ", "KGZ", "TJK", "TKM", "UZB"}
EU = {"DEU", "POL", "CZE", "HUN", "LTU", "LVA"}                # Schengen / Erasmus+ programme countries
STRONG_PASSPORT = {"USA", "GBR", "DEU", "POL", "CZE", "HUN", "JPN", "KOR", "ARE", "LTU", "LVA"}
WESTERN = {"USA", "GBR", "DEU", "POL", "CZE", "HUN", "JPN", "KOR", "LTU", "LVA"}   # politically aligned group (image rules)
VISA_FREE_CIS = {"KAZ", "KGZ", "TJK", "UZB", "RUS", "BLR"}     # mutual visa-free travel (CIS agreements)
EAEU = {"KAZ", "KGZ", "RUS", "BLR"}                            # also free movement of labour (EAEU treaty)

# ---------------------------------------------------------------- visa_barrier
# Barrier a typical applicant from a member country faces for a STUDENT visa/residence to destination h.
DEST_BASE = {
    "USA": 0.65, "GBR": 0.60, "DEU": 0.50, "CZE": 0.50, "POL": 0.45, "HUN": 0.45, "JPN": 0.45,
    "KOR": 0.40, "CHN": 0.40, "ARE": 0.40, "IND": 0.35, "RUS": 0.35, "BLR": 0.35, "MNG": 0.35,
    "TUR": 0.30, "MYS": 0.20, "PAK": 0.50, "AFG": 0.80,
    "KAZ": 0.20, "KGZ": 0.20, "UZB": 0.20, "TJK": 0.30, "TKM": 0.85,
    # Added with the countries the observations name (README: "Countries added for the observations").
    "UKR": 0.30, "LTU": 0.45, "LVA": 0.45,
}
# Origin passport adjustment (added), for origins that are not in STRONG_PASSPORT.
ORIGIN_ADD = {"KGZ": 0.05, "UZB": 0.05, "TJK": 0.05, "IND": 0.05, "PAK": 0.15, "TKM": 0.15, "AFG": 0.30}

VISA_OVERRIDES = {
    # Turkey: visa-free entry (residence permit needed for study) for KAZ, KGZ, UZB; e-visa for TJK;
    # visa required for TKM since 2016 but student visas routinely issued.
    ("KAZ", "TUR"): 0.10, ("KGZ", "TUR"): 0.10, ("UZB", "TUR"): 0.10, ("TJK", "TUR"): 0.25, ("TKM", "TUR"): 0.35,
    ("TUR", "KAZ"): 0.05, ("TUR", "KGZ"): 0.05, ("TUR", "UZB"): 0.05, ("TUR", "TJK"): 0.20,
    # Korea: KAZ visa-free entry (K-ETA exempt list); UZB/KGZ/TJK/MNG face stricter D-2 document checks.
    ("KAZ", "KOR"): 0.30, ("UZB", "KOR"): 0.45, ("KGZ", "KOR"): 0.45, ("TJK", "KOR"): 0.45, ("TKM", "KOR"): 0.55,
    ("MNG", "KOR"): 0.45,
    # China: mutual 30-day visa-free regime with KAZ since Nov 2023 (study still needs an X visa).
    ("KAZ", "CHN"): 0.25, ("CHN", "KAZ"): 0.15, ("UZB", "CHN"): 0.35, ("CHN", "UZB"): 0.25,
    ("CHN", "KGZ"): 0.30, ("CHN", "TJK"): 0.30,
    # UAE: visa on arrival/visa-free for KAZ citizens.
    ("KAZ", "ARE"): 0.25,
    # United States: refusal rates high for Central Asian applicants; June 2025 proclamation partially
    # suspended F/M/J visas for Turkmenistan; Afghanistan fully suspended.
    ("KAZ", "USA"): 0.60, ("TKM", "USA"): 0.90, ("AFG", "USA"): 1.00,
    # Schengen: KAZ has a comparatively low refusal rate.
    ("KAZ", "DEU"): 0.45, ("KAZ", "CZE"): 0.45,
    # Russia and Belarus for TKM: visa required (TKM left CIS visa-free travel), student visas routine.
    ("TKM", "RUS"): 0.35, ("TKM", "BLR"): 0.30,
    # Member <-> member (besides the CIS visa-free rule below).
    ("TKM", "KAZ"): 0.50, ("TKM", "UZB"): 0.50, ("TKM", "KGZ"): 0.55, ("TKM", "TJK"): 0.55,
    # TJK-KGZ: visa-free by treaty (the CIS rule, 0.10); the border's closure 2021-2024 after the clashes is in
    # series.csv (visa_barrier), as are the other regimes that changed during the run's history.
    # Inbound to members from the big inbound pools.
    ("IND", "KGZ"): 0.20, ("IND", "KAZ"): 0.20, ("IND", "UZB"): 0.25, ("IND", "TJK"): 0.30,
    ("PAK", "KGZ"): 0.30, ("PAK", "KAZ"): 0.35, ("PAK", "UZB"): 0.35, ("PAK", "TJK"): 0.40,
    ("AFG", "UZB"): 0.70, ("AFG", "TJK"): 0.70, ("AFG", "KAZ"): 0.80, ("AFG", "KGZ"): 0.80, ("AFG", "TKM"): 0.90,
    ("MNG", "KAZ"): 0.10, ("MNG", "KGZ"): 0.10, ("MNG", "UZB"): 0.20,
    # Russia <-> West after 2022: very few visa appointments; treat as hard.
    ("RUS", "USA"): 0.80, ("RUS", "GBR"): 0.75, ("RUS", "DEU"): 0.70, ("RUS", "POL"): 0.80,
    ("RUS", "CZE"): 0.80, ("RUS", "HUN"): 0.60,
    ("BLR", "USA"): 0.75, ("BLR", "GBR"): 0.70, ("BLR", "DEU"): 0.60, ("BLR", "POL"): 0.60,
    ("BLR", "CZE"): 0.70, ("BLR", "HUN"): 0.55,
    ("RUS", "TUR"): 0.10, ("RUS", "CHN"): 0.30, ("RUS", "ARE"): 0.15, ("RUS", "MYS"): 0.15, ("RUS", "MNG"): 0.10,
    ("CHN", "USA"): 0.55, ("IND", "PAK"): 0.95, ("PAK", "IND"): 0.95, ("AFG", "PAK"): 0.60,
    # Ukraine as it was until 2021 (the war's closure of foreign entry from 2022 is in series.csv, not here):
    # visa-free entry for KAZ, KGZ, TJK, UZB citizens (study on an invitation of the Ukrainian State Centre for
    # International Education and a residence permit), visa required for TKM (study invitations routinely issued:
    # 1724 to Turkmen in Jan-Jul 2018); Ukrainians enter the members visa-free except Turkmenistan.
    ("KAZ", "UKR"): 0.10, ("KGZ", "UKR"): 0.10, ("TJK", "UKR"): 0.10, ("UZB", "UKR"): 0.10, ("TKM", "UKR"): 0.35,
    ("UKR", "KAZ"): 0.10, ("UKR", "KGZ"): 0.10, ("UKR", "TJK"): 0.10, ("UKR", "UZB"): 0.10,
    ("RUS", "UKR"): 0.80, ("UKR", "RUS"): 0.80, ("BLR", "UKR"): 0.30, ("UKR", "BLR"): 0.30,
    # Baltic states after 2022: no visas for Russians, few for Belarusians.
    ("RUS", "LTU"): 0.85, ("RUS", "LVA"): 0.85, ("BLR", "LTU"): 0.60, ("BLR", "LVA"): 0.60,
}

def visa(o, h):
    if o in EAEU and h in EAEU:
        return 0.00
    if o in VISA_FREE_CIS and h in VISA_FREE_CIS and (o, h) not in VISA_OVERRIDES:
        return 0.10
    if (o, h) in VISA_OVERRIDES:
        return VISA_OVERRIDES[(o, h)]
    if o in EU and h in EU:
        return 0.00
    base = DEST_BASE[h]
    if o in STRONG_PASSPORT:
        if h == "AFG":
            return 0.70
        if h == "TKM":
            return 0.80
        return round(max(0.05, 0.3 * base), 2)
    return round(min(1.0, base + ORIGIN_ADD.get(o, 0.0)), 2)

# ---------------------------------------------------------------- baseline_image
# Image of destination h held in origin o (0..1).
# Members' view of externals (Central Asia Barometer / EDB Integration Barometer style levels).
MEMBER_VIEW = {
    #        KAZ   KGZ   TJK   TKM   UZB
    "RUS": (0.60, 0.75, 0.75, 0.65, 0.65),
    "CHN": (0.40, 0.40, 0.55, 0.50, 0.55),
    "TUR": (0.70, 0.70, 0.55, 0.75, 0.70),
    "USA": (0.50, 0.45, 0.45, 0.50, 0.55),
    "GBR": (0.60, 0.55, 0.55, 0.55, 0.55),
    "DEU": (0.70, 0.65, 0.65, 0.65, 0.65),
    "KOR": (0.65, 0.65, 0.60, 0.60, 0.70),
    "JPN": (0.70, 0.70, 0.70, 0.70, 0.70),
    "POL": (0.55, 0.55, 0.55, 0.55, 0.55),
    "CZE": (0.55, 0.55, 0.55, 0.55, 0.55),
    "HUN": (0.55, 0.55, 0.55, 0.55, 0.55),
    "BLR": (0.60, 0.60, 0.60, 0.65, 0.60),
    "MYS": (0.55, 0.55, 0.55, 0.55, 0.60),
    "ARE": (0.65, 0.60, 0.65, 0.60, 0.65),
    "IND": (0.50, 0.50, 0.50, 0.50, 0.50),
    "PAK": (0.40, 0.35, 0.40, 0.40, 0.40),
    "AFG": (0.20, 0.20, 0.25, 0.25, 0.25),
    "MNG": (0.55, 0.50, 0.45, 0.45, 0.45),
    "UKR": (0.50, 0.50, 0.45, 0.50, 0.50),
    "LTU": (0.50, 0.50, 0.50, 0.50, 0.50),
    "LVA": (0.50, 0.50, 0.50, 0.50, 0.50),
}
MORDER = ("KAZ", "KGZ", "TJK", "TKM", "UZB")
MEMBER_MEMBER = {
    ("KAZ", "KGZ"): 0.60, ("KAZ", "TJK"): 0.55, ("KAZ", "TKM"): 0.45, ("KAZ", "UZB"): 0.65,
    ("KGZ", "KAZ"): 0.70, ("KGZ", "TJK"): 0.35, ("KGZ", "TKM"): 0.45, ("KGZ", "UZB"): 0.60,
    ("TJK", "KAZ"): 0.70, ("TJK", "KGZ"): 0.35, ("TJK", "TKM"): 0.45, ("TJK", "UZB"): 0.60,
    ("TKM", "KAZ"): 0.60, ("TKM", "KGZ"): 0.55, ("TKM", "TJK"): 0.50, ("TKM", "UZB"): 0.60,
    ("UZB", "KAZ"): 0.70, ("UZB", "KGZ"): 0.55, ("UZB", "TJK"): 0.55, ("UZB", "TKM"): 0.50,
}
# Externals' view of members: default 0.45, these overrides.
EXT_VIEW_OF_MEMBERS = {
    "RUS": {"KAZ": 0.60, "KGZ": 0.55, "TJK": 0.40, "TKM": 0.45, "UZB": 0.50},
    "BLR": {"KAZ": 0.60, "KGZ": 0.55, "TJK": 0.50, "TKM": 0.55, "UZB": 0.55},
    "TUR": {"KAZ": 0.70, "KGZ": 0.70, "TJK": 0.55, "TKM": 0.70, "UZB": 0.70},
    "CHN": {"KAZ": 0.55, "KGZ": 0.50, "TJK": 0.50, "TKM": 0.50, "UZB": 0.50},
    "IND": {"KAZ": 0.55, "KGZ": 0.60, "TJK": 0.50, "TKM": 0.40, "UZB": 0.60},
    "PAK": {"KAZ": 0.55, "KGZ": 0.50, "TJK": 0.55, "TKM": 0.45, "UZB": 0.60},
    "AFG": {"KAZ": 0.55, "KGZ": 0.45, "TJK": 0.60, "TKM": 0.50, "UZB": 0.60},
    "MNG": {"KAZ": 0.60, "KGZ": 0.50, "TJK": 0.45, "TKM": 0.45, "UZB": 0.50},
    "KOR": {"KAZ": 0.60, "KGZ": 0.50, "TJK": 0.45, "TKM": 0.45, "UZB": 0.60},
}
# External -> external: default 0.50 plus these rules (first match wins).
def ext_ext_image(o, h):
    pair = {o, h}
    explicit = {
        frozenset({"IND", "PAK"}): 0.10, frozenset({"CHN", "PAK"}): 0.75, frozenset({"RUS", "BLR"}): 0.75,
        frozenset({"RUS", "CHN"}): 0.65, frozenset({"CHN", "USA"}): 0.30, frozenset({"CHN", "JPN"}): 0.30,
        frozenset({"CHN", "IND"}): 0.30, frozenset({"AFG", "PAK"}): 0.30, frozenset({"POL", "RUS"}): 0.10,
        frozenset({"POL", "BLR"}): 0.20, frozenset({"JPN", "KOR"}): 0.45,
        frozenset({"RUS", "UKR"}): 0.10, frozenset({"BLR", "UKR"}): 0.25, frozenset({"RUS", "LTU"}): 0.10,
        frozenset({"RUS", "LVA"}): 0.10, frozenset({"BLR", "LTU"}): 0.20, frozenset({"BLR", "LVA"}): 0.20,
    }
    fs = frozenset(pair)
    if fs in explicit:
        return explicit[fs]
    if h == "AFG":
        return 0.15
    if o == "AFG":
        return 0.35
    if o in WESTERN and h in WESTERN:
        return 0.65
    if (o in {"RUS", "BLR"} and h in WESTERN) or (h in {"RUS", "BLR"} and o in WESTERN):
        return 0.25
    if o in WESTERN and h == "CHN":
        return 0.35
    if h in {"USA", "GBR", "DEU", "JPN"}:
        return 0.60   # broadly attractive study destinations
    return 0.50

def image(o, h):
    if o in MEMBERS and h in MEMBERS:
        return MEMBER_MEMBER[(o, h)]
    if o in MEMBERS:
        return MEMBER_VIEW[h][MORDER.index(o)]
    if h in MEMBERS:
        return EXT_VIEW_OF_MEMBERS.get(o, {}).get(h, 0.45)
    return ext_ext_image(o, h)

# ---------------------------------------------------------------- agreement
MEMBER_PARTNERS = EU | {"RUS", "BLR", "TUR", "KOR", "CHN", "JPN", "MYS"}
MEMBER_MEMBER_AGREEMENTS = {frozenset({"KAZ", "UZB"}), frozenset({"KAZ", "KGZ"})}
EXT_EXT_AGREEMENTS = {frozenset({"RUS", "BLR"}), frozenset({"RUS", "CHN"})}

def agreement(o, h):
    if o in MEMBERS and h in MEMBERS:
        return 1 if frozenset({o, h}) in MEMBER_MEMBER_AGREEMENTS else 0
    if o in MEMBERS or h in MEMBERS:
        ext = h if o in MEMBERS else o
        return 1 if ext in MEMBER_PARTNERS else 0
    if o in EU and h in EU:
        return 1
    if (o in EU and h == "TUR") or (h in EU and o == "TUR"):
        return 1
    return 1 if frozenset({o, h}) in EXT_EXT_AGREEMENTS else 0

def main():
    with open(os.path.join(HERE, "countries.csv"), encoding="utf-8") as f:
        codes = [r["code"] for r in csv.DictReader(f)]
    with open(os.path.join(HERE, "pairs.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("origin,destination,visa_barrier,baseline_image,agreement\n")
        for o in codes:
            for h in codes:
                if o == h:
                    continue
                f.write(f"{o},{h},{visa(o, h):.2f},{image(o, h):.2f},{agreement(o, h)}\n")

if __name__ == "__main__":
    main()
