#!/usr/bin/env python3
"""Writes N small invented news articles (seeded, so every run writes the same files) for the reliability
scripts: scripts/make-articles.py FOLDER N [SEED]. Each article has a headline, a blank line and three to
seven attributed sentences with varied names and numbers, so each file's content (and claim count) differs."""
import os
import random
import sys

FIRST = ["Ingrid", "Tomas", "Leila", "Marek", "Aino", "Bruno", "Carmen", "Dag", "Elif", "Farid", "Greta", "Hugo",
         "Ilse", "Jonas", "Katya", "Lorenz", "Maja", "Nils", "Oona", "Piet", "Rosa", "Sven", "Tilde", "Viktor"]
LAST = ["Halvorsen", "Brandt", "Okafor", "Novak", "Lindqvist", "Moreau", "Castillo", "Fjeld", "Demir", "Haddad",
        "Winter", "Keller", "Sorensen", "Almeida", "Petrov", "Zeller", "Strand", "Varga", "Nyman", "Berg"]
TOWN = ["Ostervik", "Lindmark", "Havnby", "Kalsted", "Norrholm", "Brekka", "Sundvall", "Tarnby"]
TOPIC = ["ferry", "library", "tram", "harbour", "school", "bridge", "water", "market"]
TITLE = ["Mayor", "Councillor", "Director", "Professor"]
THING = ["bus route", "allotment", "parking permit", "boat mooring", "clinic appointment"]


def article(rng, i):
    town, topic = rng.choice(TOWN), rng.choice(TOPIC)
    a = (rng.choice(FIRST), rng.choice(LAST))
    b = (rng.choice(FIRST), rng.choice(LAST))
    while b[1] == a[1]:
        b = (rng.choice(FIRST), rng.choice(LAST))
    n, m, k = rng.randint(2, 40), rng.randint(3, 30), rng.randint(5, 900)
    pool = [
        f"{rng.choice(TITLE)} {a[0]} {a[1]} said the {topic} budget in {town} would rise by {n} percent next year.",
        f"\u201cWe have waited {m} months for an answer,\u201d {a[1]} said.",
        f"Resident {b[0]} {b[1]} warned that {k} families could lose their {rng.choice(THING)}.",
        f"\u201cThe plan for item {i} is not finished,\u201d said {b[0]} {b[1]}.",
        f"{a[1]} told reporters that the {topic} works in {town} would start in week {n}.",
        f"According to {b[1]}, the council had spent {k} thousand on surveys since {2000 + n}.",
        f"{b[1]} denied that the {topic} depot would close before {m} March.",
    ]
    count = rng.randint(3, len(pool))
    body = " ".join(rng.sample(pool, count))
    second = f"The meeting on the {topic} ran {m + n} minutes over time, and article {i} ends here."
    return f"{town} weighs {topic} plan number {i}\n\n{body}\n\n{second}\n"


def main():
    folder, n = sys.argv[1], int(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 7
    rng = random.Random(seed)
    os.makedirs(folder, exist_ok=True)
    for i in range(n):
        with open(os.path.join(folder, f"gen-{i:04d}.txt"), "w", encoding="utf-8") as f:
            f.write(article(rng, i))


if __name__ == "__main__":
    main()
