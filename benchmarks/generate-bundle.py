#!/usr/bin/env python3
# generate-bundle.py: writes a base content bundle with N generated situations
#
# Copyright 2026 The Soothe authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Usage: generate-bundle.py [--user] EN_JSON N OUTPUT

Copies the areas, therapies, stretches, stop words and disclaimer of the
built-in bundle and generates N situations from its real ones: each is one of
them with its lists rotated and shortened, plus a made-up word of its own, so
that search sees the real vocabulary and a dictionary that grows with N. The
output is deterministic and valid for `soothe --check-bundle`.

With --user it writes a user bundle instead: only the N situations (and the
format and language), which Soothe adds to its built-in ones when the file is
in $XDG_DATA_HOME/soothe/bundles/ (the start-up runs of bench.py do that). A
user bundle may not set the disclaimer or the therapies, and its stop words
and synonyms would be added to the built-in ones a second time.
"""

import json
import sys

# Consonant-vowel only: no clusters, so no word can spell a drug name that the
# pregnancy check rejects ("nsaid", "aspirin", ...).
SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "pa",
             "ku", "le", "mo", "ni", "ro", "se", "tu", "va", "zi", "po"]


def made_up_word(i):
    """A distinct pronounceable word per situation: "kalomi", "kalone", ..."""
    parts = []
    n = i
    for _ in range(4):
        parts.append(SYLLABLES[n % len(SYLLABLES)])
        n //= len(SYLLABLES)
    return "".join(parts)


def rotated(items, shift, limit):
    if not items:
        return items
    shift %= len(items)
    return (items[shift:] + items[:shift])[:limit]


def generate(base, n):
    real = base["situations"]
    situations = []
    for i in range(n):
        model = real[i % len(real)]
        word = made_up_word(i)
        situation = {
            "id": "%s-%05d" % (model["id"], i),
            "title": "%s, %s" % (model["title"], word),
            "area": model["area"],
            "summary": model["summary"],
            "keywords": rotated(model["keywords"], i, 6) + [word],
            "sections": [
                {"heading": section["heading"], "items": rotated(section["items"], i, 3)}
                for section in model["sections"][:3]
            ],
            "get_help": {
                "emergency": rotated(model["get_help"]["emergency"], i, 2),
                "urgent": rotated(model["get_help"]["urgent"], i, 2),
            },
            "therapy": model["therapy"],
            "stretches": model["stretches"],
            "sources": model["sources"][:2],
        }
        if model.get("pregnancy"):
            situation["pregnancy"] = True
        situations.append(situation)

    bundle = {key: value for key, value in base.items() if key != "situations"}
    bundle["situations"] = situations
    return bundle


def main():
    args = sys.argv[1:]
    user = args[:1] == ["--user"]
    if user:
        args = args[1:]
    if len(args) != 3:
        sys.exit(__doc__)
    with open(args[0], encoding="utf-8") as f:
        base = json.load(f)
    bundle = generate(base, int(args[1]))
    if user:
        bundle = {key: bundle[key] for key in ("format", "language", "situations") if key in bundle}
    with open(args[2], "w", encoding="utf-8") as f:
        json.dump(bundle, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
