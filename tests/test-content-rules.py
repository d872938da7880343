#!/usr/bin/env python3
# test-content-rules.py: the rules every shipped page keeps, in every language.
#
#   test-content-rules.py CONTENT-DIR
#
# - English, German and Spanish carry the same situations and stretches, in the
#   same order, with the same number of sections, items and get-help lines, the
#   same therapy, stretches and sources, and no German or Spanish text equal to
#   its English;
# - every situation, in every language, says after how many days pain that is no
#   better needs a doctor (see_doctor_after_days, 1 to 365), the same number in
#   all three, and the page names that period in a sentence about seeing someone;
# - every situation cites at least two https pages, one of them from a national
#   health service or a clinical body;
# - a page about running, lifting, exercise, the chest or the ribs opens its
#   emergencies with chest pain during exertion;
# - a page about the back or the legs names the cauda equina signs;
# - pregnancy pages never suggest an anti-inflammatory painkiller, and show
#   only pregnancy-safe stretches;
# - every stretch has a drawing that is in the resource bundle;
# - every language lists words for what no page is about (not_covered), none of
#   them a word of a title or keyword or a synonym of one.
#
# Copyright 2026 The Soothe authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import sys
from urllib.parse import urlparse

content_dir = sys.argv[1]
data_dir = os.path.dirname(content_dir.rstrip("/"))
languages = ("en", "de", "es")
bundles = {}
for language in languages:
    with open(os.path.join(content_dir, f"{language}.json"), encoding="utf-8") as f:
        bundles[language] = json.load(f)
en = bundles["en"]

results = []


def check(name, problems):
    results.append(not problems)
    print(f"{'ok' if not problems else 'not ok'} {len(results)} {name}")
    for problem in problems[:20]:
        print(f"# {problem}")


def by_id(bundle, kind):
    return {item["id"]: item for item in bundle[kind]}


# Words that are the same in English and the other language.
SAME_IN_BOTH = {"paracetamol", "cat-cow", "ok"}


def texts(value, path=""):
    """Every human-readable string in a situation or stretch, by path."""
    skip = {"id", "area", "url", "kind", "illustration", "stretches", "keywords"}
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from texts(item, f"{path}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in skip and not (key == "name" and path.startswith(".sources")):
                yield from texts(item, f"{path}.{key}")


def shape(situation):
    return {
        "area": situation["area"],
        "sections": [len(s["items"]) for s in situation["sections"]],
        "emergency": len(situation["get_help"]["emergency"]),
        "urgent": len(situation["get_help"]["urgent"]),
        "therapy": (situation["therapy"]["kind"], situation["therapy"].get("minutes")),
        "stretches": situation["stretches"],
        "sources": [s["url"] for s in situation["sources"]],
        "pregnancy": situation.get("pregnancy", False),
        "see_doctor_after_days": situation.get("see_doctor_after_days"),
    }


def stretch_shape(stretch):
    return (len(stretch["steps"]), len(stretch["cautions"]), stretch["hold_seconds"],
            stretch["repetitions"], stretch["pregnancy_safe"])


for language in ("de", "es"):
    other = bundles[language]
    problems = []
    for kind in ("situations", "stretches"):
        mine = [item["id"] for item in en[kind]]
        theirs = [item["id"] for item in other[kind]]
        if mine != theirs:
            problems.append(f"{kind}: only in en {sorted(set(mine) - set(theirs))}, "
                            f"only in {language} {sorted(set(theirs) - set(mine))}, or another order")
    if [a["id"] for a in en["areas"]] != [a["id"] for a in other["areas"]]:
        problems.append("areas differ")
    theirs = by_id(other, "situations")
    for situation in en["situations"]:
        translated = theirs.get(situation["id"])
        if translated is None:
            continue
        if shape(situation) != shape(translated):
            problems.append(f"{situation['id']}: {shape(situation)} in en, {shape(translated)} in {language}")
        english = dict(texts(situation))
        for path, text in texts(translated):
            if english.get(path) == text and text.casefold() not in SAME_IN_BOTH:
                problems.append(f"{situation['id']}{path}: the same as in English: {text[:60]!r}")
    theirs = by_id(other, "stretches")
    for stretch in en["stretches"]:
        translated = theirs.get(stretch["id"])
        if translated is None:
            continue
        if stretch_shape(stretch) != stretch_shape(translated):
            problems.append(f"stretch {stretch['id']}: differs in shape")
        # A translation may leave the drawing to English, but never swap it.
        if translated.get("illustration", stretch.get("illustration")) != stretch.get("illustration"):
            problems.append(f"stretch {stretch['id']}: another drawing")
        english = dict(texts(stretch))
        for path, text in texts(translated):
            if english.get(path) == text and text.casefold() not in SAME_IN_BOTH:
                problems.append(f"stretch {stretch['id']}{path}: the same as in English: {text[:60]!r}")
    for area, translated in zip(en["areas"], other["areas"]):
        if area["title"] == translated["title"]:
            problems.append(f"area {area['id']}: the same title as in English")
    check(f"{language} carries every situation and stretch, in the same shape, translated", problems)

problems = []
for language in languages:
    for situation in bundles[language]["situations"]:
        days = situation.get("see_doctor_after_days")
        if days is None:
            problems.append(f"{language} {situation['id']}: no see_doctor_after_days")
        elif type(days) is not int or not 1 <= days <= 365:
            problems.append(f"{language} {situation['id']}: see_doctor_after_days is {days!r}, "
                            "not a whole number from 1 to 365")
check("every situation says when to see a doctor", problems)

# The diary tells a person "the advice is to contact your doctor when it lasts
# longer than N", so the page itself must say so: some sentence names both the
# period and someone to see.
PERIODS = {
    "en": {1: ["same day"], 5: ["5 days"], 7: ["a week", "one week", "7 days"],
           14: ["2 weeks", "two weeks", "14 days"], 21: ["a few weeks", "3 weeks", "three weeks"],
           42: ["6 weeks", "six weeks"]},
    "de": {1: ["selben Tag"], 5: ["5 Tage"], 7: ["einer Woche", "eine Woche", "7 Tage"],
           14: ["2 Wochen", "zwei Wochen", "14 Tage"],
           21: ["einigen Wochen", "ein paar Wochen", "3 Wochen", "drei Wochen"],
           42: ["6 Wochen", "sechs Wochen"]},
    "es": {1: ["mismo día"], 5: ["5 días"], 7: ["una semana", "7 días"],
           14: ["2 semanas", "dos semanas", "14 días"], 21: ["unas semanas", "3 semanas", "tres semanas"],
           42: ["6 semanas", "seis semanas"]},
}
# "In the last 7 days" is not a period to wait.
LAST = {"en": "last", "de": "letzten", "es": "últimos"}
CARE = {
    "en": r"\b(doctor|GP|physiotherap\w*|midwife|podiatrist)\b",
    "de": r"(Arzt|Ärzt|praxis|Physiotherap|Hebamme)",
    "es": r"(médic|fisioterap|matrona|podólog)",
}
problems = []
for language in languages:
    for situation in bundles[language]["situations"]:
        days = situation.get("see_doctor_after_days")
        phrases = PERIODS[language].get(days)
        if phrases is None:
            problems.append(f"{language} {situation['id']}: no wording known for {days!r} days")
            continue
        # A get-help line is about seeing someone by where it stands.
        sentences = [(path.startswith(".get_help"), sentence) for path, text in texts(situation)
                     for sentence in re.split(r"(?<=[.!?])\s+", text.replace("*", ""))]
        if not any((care or re.search(CARE[language], sentence))
                   and any(re.search(rf"(?<!{LAST[language]} ){re.escape(phrase)}", sentence, re.I)
                           for phrase in phrases)
                   for care, sentence in sentences):
            problems.append(f"{language} {situation['id']}: no sentence says to see someone "
                            f"after {' or '.join(phrases)}")
check("every page says in words after how long to see a doctor, as the diary does", problems)

# National health services and clinical bodies.
TRUSTED = ("nhs.uk", "nhs.scot", "nhsinform.scot", "hse.ie", "hse.gov.uk", "nice.org.uk",
           "hscni.net", "nidirect.gov.uk", "nih.gov", "cdc.gov", "mayoclinic.org",
           "clevelandclinic.org")


def trusted(url):
    host = urlparse(url).hostname or ""
    return any(host == t or host.endswith("." + t) for t in TRUSTED)


problems = []
for situation in en["situations"]:
    urls = [s["url"] for s in situation["sources"]]
    if len(set(urls)) < 2:
        problems.append(f"{situation['id']}: {len(set(urls))} different sources")
    if any(not u.startswith("https://") for u in urls):
        problems.append(f"{situation['id']}: a source without https")
    if not any(trusted(u) for u in urls):
        problems.append(f"{situation['id']}: no national health service or clinical body")
check("every situation cites two pages or more, one from a health service", problems)

# What makes a page about exertion, in English titles and keywords.
EXERTION_PAGE = re.compile(r"\b(run|running|runner|runners|jog|jogging|lift|lifting|exercise|"
                           r"exercising|workout|chest|rib|ribs)\b")
CHEST = {"en": r"\bchest\b", "de": r"Brust", "es": r"\bpecho\b"}
EXERTION = {
    "en": r"\b(exercis\w*|run\w*|lift\w*|exert\w*|walk\w*)\b",
    "de": r"(Sport|Bewegung|Training|Heben|heben|Anstrengung|Laufen|laufen|Gehen|gehen)",
    "es": r"(ejercicio|corr\w*|levant\w*|esfuerzo|camin\w*)",
}
problems = []
for language in languages:
    situations = by_id(bundles[language], "situations")
    for situation in en["situations"]:
        words = " ".join([situation["title"]] + situation["keywords"]).lower()
        if not EXERTION_PAGE.search(words):
            continue
        first = situations[situation["id"]]["get_help"]["emergency"][0]
        if not (re.search(CHEST[language], first, re.I) and re.search(EXERTION[language], first, re.I)):
            problems.append(f"{language} {situation['id']}: first emergency is {first[:70]!r}")
check("running, lifting, exercise, chest and rib pages open with exertional chest pain", problems)

BACK_OR_LEG_AREAS = {"upper-back", "lower-back"}
BACK_OR_LEG_TITLE = re.compile(r"\b(back|leg|legs|calf|shin|thigh|sciatica)\b", re.I)
CAUDA = {
    "en": r"\b(bladder|bowel)",
    "de": r"(Blase|Darm)",
    "es": r"(vejiga|intestino)",
}
problems = []
for language in languages:
    situations = by_id(bundles[language], "situations")
    for situation in en["situations"]:
        if situation["area"] not in BACK_OR_LEG_AREAS and not BACK_OR_LEG_TITLE.search(situation["title"]):
            continue
        emergencies = " ".join(situations[situation["id"]]["get_help"]["emergency"])
        if not re.search(CAUDA[language], emergencies):
            problems.append(f"{language} {situation['id']}: no bladder or bowel sign in the emergencies")
check("back and leg pages name the cauda equina signs as emergencies", problems)

# Named complaints with their own same-day or emergency signs.
problems = []
for language in languages:
    situations = by_id(bundles[language], "situations")
    toe = " ".join(situations["big-toe-pain"]["get_help"]["urgent"])
    hot = {"en": r"\bhot\b", "de": r"(heiß|warm)", "es": r"(calient|caliente)"}[language]
    if not re.search(hot, toe, re.I):
        problems.append(f"{language} big-toe-pain: no hot, swollen toe in same-day care")
    calf = situations["calf-pain-walking"]["get_help"]
    clot = {"en": r"clot", "de": r"(Blutgerinnsel|Thrombose)", "es": r"(coágulo|trombo)"}[language]
    if not re.search(clot, " ".join(calf["urgent"] + calf["emergency"]), re.I):
        problems.append(f"{language} calf-pain-walking: no blood clot sign")
check("a hot toe is same-day care and a swollen calf names a clot", problems)

NSAIDS = re.compile(r"(nsaid|nsar|\baine|ibuprofen|naproxen|diclofenac|aspirin|aspirina|"
                    r"anti-?inflammator|antiinflamator|entzündungshemm|celecoxib|ketoprofen|"
                    r"advil|nurofen|motrin|aleve|voltaren)", re.I)
problems = []
for language in languages:
    bundle = bundles[language]
    stretches = by_id(bundle, "stretches")
    for situation in bundle["situations"]:
        if not situation.get("pregnancy", False):
            continue
        for path, text in texts(situation):
            if NSAIDS.search(text):
                problems.append(f"{language} {situation['id']}{path}: {text[:60]!r}")
        for stretch in situation["stretches"]:
            if not stretches[stretch]["pregnancy_safe"]:
                problems.append(f"{language} {situation['id']}: {stretch} is not pregnancy-safe")
check("pregnancy pages suggest no anti-inflammatory painkiller and no unsafe stretch", problems)

with open(os.path.join(data_dir, "soothe-content.gresource.xml"), encoding="utf-8") as f:
    resources = f.read()
problems = []
for stretch in en["stretches"]:
    drawing = stretch.get("illustration")
    if drawing is None:
        problems.append(f"{stretch['id']}: no drawing")
        continue
    name = drawing.removeprefix("/io/github/soothe/Soothe/")
    if f"<file>{name}</file>" not in resources:
        problems.append(f"{stretch['id']}: {name} is not in the resource bundle")
    if not os.path.isfile(os.path.join(data_dir, name)):
        problems.append(f"{stretch['id']}: {name} is missing")
check("every stretch has a drawing in the resource bundle", problems)

# A word for what no page is about must not be a word of a title or keyword,
# or a synonym of one:
# the answers would take it as covered and the list would say nothing.
problems = []
for language, bundle in bundles.items():
    words = bundle.get("not_covered", [])
    if len(words) < 10:
        problems.append(f"{language}: only {len(words)} words in not_covered")
    covered = set()
    for situation in bundle["situations"]:
        for text in [situation["title"], *situation["keywords"]]:
            covered.update(re.findall(r"\w+", text.casefold()))
    for group in bundle.get("synonyms", []):
        folded = {word.casefold() for word in group}
        if folded & covered:
            covered |= folded
    for word in words:
        if word.casefold() in covered:
            problems.append(f"{language}: not_covered word \"{word}\" is in a title or keyword")
check("every language lists what no page is about, and none of it is in a title", problems)

print(f"1..{len(results)}")
sys.exit(0 if all(results) else 1)
