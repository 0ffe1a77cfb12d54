#!/usr/bin/env python3
"""Indicator scores of the universities added with Ukraine, Lithuania and Latvia (README: "How the indicator scores
were made"). The rows of the first release were made by hand with the same recipe; this script makes the recipe
reproducible for the rows listed below and prints them as universities.csv lines.

Usage: python3 scenarios/world/indicator_scores.py   (prints the rows; paste them into universities.csv)
"""
import hashlib
import math

WEIGHTS = (0.30, 0.15, 0.10, 0.20, 0.05, 0.05, 0.05, 0.05, 0.05)
PROFILES = {
    "cis": (1.0, 1.2, 2.2, 0.3, 0.7, 0.9, 0.9, 1.4, 0.8),
    "med": (0.8, 0.9, 2.0, 0.2, 0.5, 3.0, 0.5, 1.0, 0.5),
    "eu": (1.0, 0.8, 0.9, 1.0, 1.1, 1.1, 1.3, 0.8, 1.2),
    "other": (0.8, 0.8, 1.2, 0.5, 0.8, 0.8, 0.8, 1.0, 0.8),
}
# QS overall score by rank (README), interpolated in log(rank).
RANK_POINTS = ((1, 100), (10, 93), (20, 87), (40, 78), (60, 72), (100, 60), (166, 48), (250, 39), (300, 35),
               (400, 29), (500, 25), (700, 19.5), (900, 16), (1100, 13.5), (1300, 11.5))

# id, name, country, capacity, foreign_seats, tuition_usd, languages, staff, qs_rank (None = unranked),
# profile, target composite for unranked rows
ROWS = (
    ("UKR-KNU", "Taras Shevchenko National University of Kyiv", "UKR", 26000, 1500, 3500, "uk;en", 3000, 575, "cis", None),
    ("UKR-KHNU", "V.N. Karazin Kharkiv National University", "UKR", 15000, 2000, 3000, "uk;ru;en", 1900, 480, "cis", None),
    ("UKR-KPI", "Igor Sikorsky Kyiv Polytechnic Institute", "UKR", 25000, 1500, 3000, "uk;en", 2600, 705, "cis", None),
    ("UKR-LPNU", "Lviv Polytechnic National University", "UKR", 30000, 500, 2500, "uk;en", 2400, 825, "cis", None),
    ("UKR-KHNMU", "Kharkiv National Medical University", "UKR", 12000, 1000, 4500, "uk;ru;en", 1100, None, "med", 8.5),
    ("UKR-BNMU", "Bogomolets National Medical University", "UKR", 12000, 800, 4500, "uk;en", 1200, None, "med", 8.5),
    ("UKR-OTHER", "Other institutions (Ukraine)", "UKR", 980000, 4700, 2500, "uk;ru;en", 87800, None, "other", 7.0),
    ("LTU-VU", "Vilnius University", "LTU", 23000, 700, 4500, "lt;en", 2500, 475, "eu", None),
    ("LTU-KTU", "Kaunas University of Technology", "LTU", 9000, 500, 4000, "lt;en", 900, 525, "eu", None),
    ("LTU-VMU", "Vytautas Magnus University", "LTU", 9000, 400, 3500, "lt;en", 900, 825, "eu", None),
    ("LTU-OTHER", "Other institutions (Lithuania)", "LTU", 64000, 1400, 3500, "lt;en", 4200, None, "other", 8.5),
    ("LVA-LU", "University of Latvia", "LVA", 14000, 600, 4000, "lv;en", 1400, 755, "eu", None),
    ("LVA-RTU", "Riga Technical University", "LVA", 13000, 900, 4000, "lv;en", 1100, 775, "eu", None),
    ("LVA-RSU", "Riga Stradins University", "LVA", 9500, 700, 13000, "lv;en", 1000, None, "med", 9.0),
    ("LVA-OTHER", "Other institutions (Latvia)", "LVA", 41500, 2800, 3500, "lv;en", 2000, None, "other", 8.5),
)


def target_of_rank(rank):
    for (r0, s0), (r1, s1) in zip(RANK_POINTS, RANK_POINTS[1:]):
        if r0 <= rank <= r1:
            t = math.log(rank / r0) / math.log(r1 / r0)
            return s0 + t * (s1 - s0)
    raise ValueError(f"rank {rank} outside the table")


def composite(scores):
    return sum(w * s for w, s in zip(WEIGHTS, scores))


def perturbation(uid):
    """Nine factors in [0.85, 1.15], fixed by the id (the README's deterministic +-15%)."""
    digest = hashlib.sha256(uid.encode("utf-8")).digest()
    return [0.85 + 0.30 * digest[k] / 255 for k in range(9)]


def scores(uid, profile, target, cap):
    raw = [target * p * f for p, f in zip(PROFILES[profile], perturbation(uid))]
    for _ in range(200):
        raw = [min(cap, max(1.0, s * target / composite(raw))) for s in raw]
    return [round(s, 1) for s in raw]


def main():
    for uid, name, country, capacity, seats, tuition, languages, staff, rank, profile, unranked in ROWS:
        target = target_of_rank(rank) if rank else unranked
        cap = 100.0 if rank else 20.0
        values = scores(uid, profile, target, cap)
        fields = [uid, name, country, capacity, seats, tuition, languages, staff, rank if rank else ""] + values
        print(",".join(str(f) for f in fields))


if __name__ == "__main__":
    main()
