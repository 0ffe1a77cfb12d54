"""Writes synthetic-student-survey.csv: a SYNTHETIC survey (no real respondents) shaped like a Google Forms export.

Answers are drawn at random and the intention to study abroad follows a logistic model with the coefficients below
(log odds from the lowest to the highest answer of each question), so `mobility survey` should recover them within
their standard errors. Re-run with `python3 make_synthetic_survey.py` (deterministic seed).
"""
import csv
import datetime
import math
import random

RESPONDENTS = 800
INTERCEPT = -2.0
# question header -> (kind, coefficient per full range of the answer)
QUESTIONS = {
    "How would you rate your academic performance? (1 = weak, 5 = excellent)": ("likert", 1.5),
    "Can your family afford the costs of studying abroad? (1 = not at all, 5 = easily)": ("likert", 2.0),
    "Are universities abroad better than those at home? (1 = much worse, 5 = much better)": ("likert", 1.0),
    "Do you know someone who studied abroad?": ("yesno", 0.8),
    "Are you aware of scholarships for study abroad (Bolashak, El-Yurt Umidi, Erasmus+)?": ("yesno", 0.6),
}
OUTCOME = "Do you intend to study abroad after your current degree?"

rng = random.Random(20250901)
start = datetime.datetime(2025, 3, 1, 9, 0, 0)
with open("synthetic-student-survey.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\n")
    w.writerow(["Timestamp", "Country of citizenship", *QUESTIONS, OUTCOME])
    for i in range(RESPONDENTS):
        x = INTERCEPT
        answers = []
        for kind, beta in QUESTIONS.values():
            if kind == "likert":
                a = rng.randint(1, 5)
                x += beta * (a - 1) / 4
                answers.append(str(a))
            else:
                a = rng.random() < 0.5
                x += beta * a
                answers.append("Yes" if a else "No")
        # about 2% of answers left blank (Forms allows skipping optional questions); blanks do not enter the outcome model
        answers = ["" if rng.random() < 0.02 else a for a in answers]
        intends = rng.random() < 1 / (1 + math.exp(-x))
        when = (start + datetime.timedelta(minutes=17 * i)).strftime("%Y/%m/%d %I:%M:%S %p GMT+5")
        country = rng.choice(["Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Tajikistan", "Turkmenistan"])
        w.writerow([when, country, *answers, "Yes" if intends else "No"])
