#!/usr/bin/env python3
"""Generate a deterministic war-reporting corpus (JSON Lines) from rung's own templates.

usage: gen_corpus.py OUT.jsonl [--docs N] [--bytes B] [--seed S]

Every sentence is written from the templates below (our own wording, no copied text):
event sentences (strikes, deliveries, threats, accusations, requests, talks, denials,
casualty tolls, reported speech) mixed with background and analysis sentences, headlines
and datelines, in roughly the proportions of wire and monitor reporting. Used by the
whole-program benchmark (bench/run.sh) and the memory check on a large file.
"""
import json
import random
import sys

SIDES = [
    ("Russian", "Russia", "Moscow", "the Kremlin"),
    ("Ukrainian", "Ukraine", "Kyiv", "Kyiv"),
]
SUPPLIERS = ["The United States", "Britain", "Germany", "France", "Poland", "The Netherlands",
             "Washington", "Berlin", "London", "Canada", "Norway"]
WEAPONS_SUPPLY = ["HIMARS launchers", "Patriot batteries", "Javelin missiles", "M777 howitzers",
                  "Leopard 2 tanks", "Storm Shadow missiles", "ATACMS missiles", "IRIS-T systems",
                  "Bradley fighting vehicles", "NASAMS launchers", "Stinger missiles",
                  "Caesar howitzers", "F-16 jets", "cluster munitions", "artillery shells"]
WEAPONS_RU = ["Shahed drones", "Kalibr cruise missiles", "Iskander missiles", "Kh-101 missiles",
              "glide bombs", "Lancet drones", "Grad rockets", "S-300 missiles"]
PLACES_UA = ["Kharkiv", "Kherson", "Zaporizhzhia", "Odesa", "Dnipro", "Sumy", "Kramatorsk",
             "Bakhmut", "Avdiivka", "Nikopol", "Lviv", "Mykolaiv", "Pokrovsk", "Chernihiv"]
PLACES_RU = ["Belgorod", "Kursk", "Bryansk", "Rostov-on-Don", "Voronezh", "Sevastopol",
             "Donetsk", "Melitopol", "Luhansk"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday",
        "on Sunday", "overnight", "early on Friday", "late on Tuesday", "yesterday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
OFFICIALS_RU = ["Kremlin spokesman Dmitry Peskov", "Foreign Minister Sergei Lavrov",
                "Russia's Defence Ministry", "Maria Zakharova", "Dmitry Medvedev"]
OFFICIALS_UA = ["President Volodymyr Zelensky", "Ukraine's General Staff", "Andriy Yermak",
                "the Ukrainian Air Force", "Ukraine's military intelligence"]
OFFICIALS_W = ["NATO Secretary General", "the State Department", "the Pentagon",
               "Britain's Defence Secretary", "German Chancellor", "the White House"]


def n(rng):
    return rng.choice([2, 3, 4, 5, 7, 9, 11, 12, 14, 17, 21, 25, 30, 41, 63])


def event_sentence(rng):
    a, b = rng.sample(SIDES, 2)
    t = rng.randrange(16)
    if t == 0:
        return f"{a[0]} forces shelled {rng.choice(PLACES_UA)} {rng.choice(DAYS)}, killing {n(rng)} civilians and wounding {n(rng)} others, the regional governor said."
    if t == 1:
        return f"{rng.choice(OFFICIALS_UA)} said {a[0]} troops had struck a {b[0]} command post near {rng.choice(PLACES_RU)} with {rng.choice(WEAPONS_SUPPLY)}."
    if t == 2:
        return f"{rng.choice(SUPPLIERS)} will send Ukraine {rng.choice(WEAPONS_SUPPLY)} and {rng.choice(WEAPONS_SUPPLY)} as part of a new aid package worth ${rng.choice([100, 250, 300, 400, 820])} million."
    if t == 3:
        return f"{rng.choice(OFFICIALS_RU)} accused the West of prolonging the conflict by supplying Kyiv with {rng.choice(WEAPONS_SUPPLY)}."
    if t == 4:
        return f"Russia launched {n(rng) * 3} {rng.choice(WEAPONS_RU)} at {rng.choice(PLACES_UA)} {rng.choice(DAYS)}, and air defences shot down most of them, the Ukrainian Air Force said."
    if t == 5:
        return f"{rng.choice(OFFICIALS_UA)} asked allies for more {rng.choice(WEAPONS_SUPPLY)} during talks in {rng.choice(['Brussels', 'Washington', 'Berlin', 'Paris'])}."
    if t == 6:
        return f"Moscow warned NATO of severe consequences if {rng.choice(WEAPONS_SUPPLY)} were used against targets inside Russia."
    if t == 7:
        return f"The governor of {rng.choice(PLACES_RU)} said a Ukrainian drone attack {rng.choice(DAYS)} damaged an oil depot and injured {n(rng)} people."
    if t == 8:
        return f"Russia's Defence Ministry denied that its aircraft had bombed a hospital in {rng.choice(PLACES_UA)}."
    if t == 9:
        return f"Between {n(rng)} and {n(rng) * 10} soldiers were killed when missiles hit a barracks near {rng.choice(PLACES_RU)} on {rng.choice(MONTHS)} {rng.randint(1, 28)}, according to local officials."
    if t == 10:
        return f"{rng.choice(OFFICIALS_W)} condemned the attack on {rng.choice(PLACES_UA)} and promised further support for Kyiv."
    if t == 11:
        return f"Ukrainian forces recaptured the village of {rng.choice(['Robotyne', 'Klishchiivka', 'Andriivka', 'Staromaiorske'])} after days of heavy fighting, the military said."
    if t == 12:
        return f"{rng.choice(SUPPLIERS)} imposed new sanctions on Russian banks and defence firms {rng.choice(DAYS)}."
    if t == 13:
        return f"\"We will respond to any strike on our territory,\" {rng.choice(OFFICIALS_RU)} told reporters in Moscow."
    if t == 14:
        return f"Officials from {a[1]} and {b[1]} met in Istanbul to discuss a prisoner exchange, the Turkish Foreign Ministry said."
    return f"A {a[0]} missile strike on {rng.choice(PLACES_UA + PLACES_RU)} killed at least {n(rng)} people {rng.choice(DAYS)}, officials said."


def background_sentence(rng):
    t = rng.randrange(8)
    if t == 0:
        return "Analysts say the coming months will test the resilience of both economies as energy prices remain high."
    if t == 1:
        return f"The region has seen repeated power cuts since {rng.choice(MONTHS)}, and many families have left for safer areas."
    if t == 2:
        return "Residents queued for water and bread as temperatures dropped below freezing."
    if t == 3:
        return "The front line has barely moved in recent weeks, according to independent observers."
    if t == 4:
        return f"Grain exports through the Black Sea fell by {n(rng)} percent compared with the previous year."
    if t == 5:
        return "It was not possible to independently verify the claims made by either side."
    if t == 6:
        return "The war has displaced millions of people and destroyed much of the country's infrastructure."
    return "Experts disagree about how long the current pace of ammunition production can be sustained."


def article(rng, i):
    year = rng.choice([2022, 2023, 2024])
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    place = rng.choice(PLACES_UA + ["KYIV", "MOSCOW", "WASHINGTON"])
    head = rng.choice(["Strikes hit eastern cities", "New weapons package announced",
                       "Moscow warns the West", "Drone attack on depot", "Talks on prisoner swap"])
    sents = []
    for _ in range(rng.randint(8, 16)):
        sents.append(event_sentence(rng) if rng.random() < 0.55 else background_sentence(rng))
    body = f"{place.upper()}, {MONTHS[month - 1]} {day} - " + " ".join(sents[:3]) + "\n\n" + " ".join(sents[3:])
    return {"id": f"gen-{i:07d}", "date": f"{year}-{month:02d}-{day:02d}",
            "source": rng.choice(["Example Wire", "Example Monitor", "Example Daily"]),
            "title": head, "text": head + "\n\n" + body}


def main(argv):
    out, docs, size, seed = None, None, None, 7
    it = iter(argv)
    for a in it:
        if a == "--docs":
            docs = int(next(it))
        elif a == "--bytes":
            size = int(next(it))
        elif a == "--seed":
            seed = int(next(it))
        else:
            out = a
    if out is None or (docs is None and size is None):
        print(__doc__)
        return 2
    rng = random.Random(seed)
    written = 0
    i = 0
    with open(out, "w") as f:
        while (docs is None or i < docs) and (size is None or written < size):
            line = json.dumps(article(rng, i)) + "\n"
            f.write(line)
            written += len(line)
            i += 1
    print(f"{out}: {i} documents, {written} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
