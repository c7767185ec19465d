#!/usr/bin/env python3
"""Generate a deterministic war-reporting corpus (JSON Lines) from rung's own templates.

usage: gen_corpus.py OUT.jsonl [--docs N] [--bytes B] [--seed S] [--plain]

Every sentence is written from the templates below (our own wording, no copied text):
event sentences (strikes, deliveries, threats, accusations, requests, talks, denials,
casualty tolls, reported speech) mixed with background and analysis sentences, headlines
and datelines, in roughly the proportions of wire and monitor reporting. Used by the
whole-program benchmark (bench/run.sh) and the memory check on a large file.

The slots are filled with the variety real reporting has: the 8,800 Ukrainian and Russian
place names of rung's own gazetteer (crates/dict/data/places.tsv), generated people and
units, figures, dates, and clauses composed from parts. This matters for the comparison
with gzip: a corpus of few fixed sentences compresses ~15x and gzip runs 5x faster on it
than on real news text (which compresses 2.5-3x); this one compresses like real text.
`--plain` gives the first, fixed-wording version (for comparisons with old figures).
"""
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GAZ = os.path.join(HERE, "..", "crates", "dict", "data", "places.tsv")

SIDES = [
    ("Russian", "Russia", "Moscow", "the Kremlin"),
    ("Ukrainian", "Ukraine", "Kyiv", "Kyiv"),
]
SUPPLIERS = ["The United States", "Britain", "Germany", "France", "Poland", "The Netherlands",
             "Washington", "Berlin", "London", "Canada", "Norway", "Sweden", "Denmark",
             "Italy", "Spain", "Finland", "the Czech Republic", "Lithuania", "Australia"]
WEAPONS_SUPPLY = ["HIMARS launchers", "Patriot batteries", "Javelin missiles", "M777 howitzers",
                  "Leopard 2 tanks", "Storm Shadow missiles", "ATACMS missiles", "IRIS-T systems",
                  "Bradley fighting vehicles", "NASAMS launchers", "Stinger missiles",
                  "Caesar howitzers", "F-16 jets", "cluster munitions", "artillery shells",
                  "Abrams tanks", "Challenger 2 tanks", "PzH 2000 howitzers", "NLAW launchers",
                  "Gepard anti-aircraft guns", "Marder infantry vehicles", "GLSDB bombs",
                  "Harpoon missiles", "Switchblade drones", "M270 launchers", "JDAM kits"]
WEAPONS_RU = ["Shahed drones", "Kalibr cruise missiles", "Iskander missiles", "Kh-101 missiles",
              "glide bombs", "Lancet drones", "Grad rockets", "S-300 missiles", "Kinzhal missiles",
              "Geran drones", "Kh-22 missiles", "Tornado-S rockets", "Smerch rockets",
              "guided aerial bombs", "Onyx missiles", "Orlan drones"]
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

FIRST_UA = ["Oleksandr", "Mykola", "Iryna", "Serhiy", "Olena", "Vitaliy", "Yulia", "Taras",
            "Andriy", "Natalia", "Bohdan", "Oksana", "Dmytro", "Halyna", "Yuriy", "Vadym",
            "Kateryna", "Roman", "Svitlana", "Ihor", "Maksym", "Larysa", "Petro", "Anatoliy"]
LAST_UA = ["Kovalenko", "Bondarenko", "Tkachenko", "Shevchuk", "Melnyk", "Kravchuk", "Lysenko",
           "Moroz", "Oliynyk", "Savchenko", "Petrenko", "Marchenko", "Rudenko", "Hrytsenko",
           "Pavlenko", "Kuzmenko", "Levchenko", "Tymoshchuk", "Zinchenko", "Honcharuk",
           "Fedorenko", "Demchenko", "Yatsenko", "Ostapenko", "Prykhodko", "Sydorenko"]
FIRST_RU = ["Alexei", "Vladimir", "Tatiana", "Igor", "Yevgeny", "Svetlana", "Nikolai", "Oleg",
            "Marina", "Pavel", "Anatoly", "Yelena", "Konstantin", "Vyacheslav", "Galina", "Boris"]
LAST_RU = ["Smirnov", "Volkov", "Kuznetsov", "Sokolov", "Popov", "Lebedev", "Morozov", "Orlov",
           "Belov", "Zaitsev", "Gusev", "Titov", "Kiselyov", "Sorokin", "Baranov", "Komarov"]
FIRST_W = ["John", "Sarah", "Michael", "Emma", "David", "Anna", "Thomas", "Laura", "Mark",
           "Julia", "Peter", "Claire", "James", "Katrin", "Lars", "Sophie"]
LAST_W = ["Miller", "Becker", "Dubois", "Nowak", "Hansen", "Clarke", "Rossi", "Jansen",
          "Lindqvist", "Schneider", "Moreau", "Kowalski", "Harris", "Novak", "Berg", "Walsh"]
UNIT_TYPES = ["Mechanized", "Assault", "Airborne Assault", "Territorial Defence", "Artillery",
              "Marine", "Motorized Rifle", "Tank", "Jaeger", "Mountain Assault"]
ROLE_UA = ["head of the {p} regional military administration", "mayor of {p}",
           "governor of the {p} region", "spokesperson for the {u}",
           "commander of the {u}", "head of the {p} city council"]
ROLE_RU = ["Russian-installed governor of {p}", "governor of the {p} region",
           "mayor of {p}", "spokesman for the {u}", "a deputy of the State Duma"]
TARGETS = ["a power substation", "an apartment block", "a grain terminal", "a railway depot",
           "a fuel depot", "a school", "a hospital", "an ammunition store", "a bridge",
           "a warehouse", "a command post", "a radar station", "an airfield", "a factory",
           "a market", "a residential area", "a water pumping station", "a port facility",
           "a military training ground", "an oil refinery", "a supermarket", "a car park"]
VERBS_ATTACK = ["struck", "hit", "shelled", "attacked", "bombed", "targeted", "pounded"]
VERBS_SUPPLY = ["will send", "has delivered", "pledged", "will provide", "is sending",
                "agreed to supply", "has handed over", "promised"]
VERBS_SAY = ["said", "told reporters", "wrote on Telegram", "said in a statement",
             "said on social media", "told a news conference", "said in a video address"]
QUOTE_PARTS = [
    ["We will", "Our forces will", "The enemy will", "Nobody will", "We are ready to",
     "Our partners must", "The army will", "We intend to"],
    ["not retreat from", "keep defending", "answer every attack on", "rebuild",
     "hold the line near", "not forget what happened in", "restore power in",
     "bring back the people of", "protect the skies over"],
]
BG_SUBJ = ["Analysts", "Residents", "Aid workers", "Local officials", "Economists",
           "Military bloggers", "Volunteers", "Engineers", "Farmers", "Doctors", "Teachers",
           "Shop owners", "Rail workers", "Western diplomats", "Energy companies",
           "Independent observers", "Many families", "Rescue crews", "City authorities"]
BG_VERB = ["say", "warn", "have complained", "expect", "worry", "point out", "noted",
           "reported", "believe", "estimate", "have repeatedly said", "fear"]
BG_CLAUSE = [
    "the coming months will test the resilience of both economies",
    "energy prices remain high across the region",
    "the front line has barely moved in recent weeks",
    "repairs to the grid could take until the end of {m}",
    "water supplies in {p} are still unreliable",
    "the harvest in the south fell by {n} percent",
    "schools in {p} have moved classes underground",
    "prices of bread and fuel rose by {n} percent since {m}",
    "the ammunition shortage has eased somewhat",
    "about {n},000 people left the district in {m}",
    "shelters in {p} are overcrowded at night",
    "demining the fields around {p} could take years",
    "the rail line to {p} reopened after {n} days",
    "rents in western cities have nearly doubled",
    "mobile networks were down for {n} hours",
    "the evacuation of {p} is far from complete",
]
BG_CLAUSE += [
    "the bakery on the main square of {p} has reopened",
    "{n} teachers from {p} have not returned since {m}",
    "the price of firewood has tripled in villages near {p}",
    "a new pontoon crossing near {p} carries aid convoys",
    "hospitals in {p} run on generators for most of the day",
    "the number of registered volunteers grew to {n},000",
    "bus services between {p} and the regional centre were cut",
    "the local football club now trains in a former warehouse",
    "insurance for cargo ships has become {n} percent more expensive",
    "the last pharmacy in {p} closed in {m}",
    "the district lost nearly half of its population",
    "internet providers in {p} moved their servers underground",
    "sunflower fields near {p} were left unharvested",
    "recruitment centres have extended their opening hours",
    "a shortage of drivers delays deliveries to {p}",
    "{n} apartment blocks in {p} still have no heating",
]
BG_OPEN = ["In {p}, ", "Across the region, ", "Since {m}, ", "By the end of {m}, ", "",
           "", "", "In the villages around {p}, ", "Meanwhile, ", "Elsewhere, "]
BG_ACT = ["volunteers repaired", "the council rebuilt", "engineers inspected", "crews cleared",
          "workers restored", "residents boarded up", "farmers sold", "the army requisitioned",
          "aid groups distributed", "the authorities closed", "donors paid for"]
BG_OBJ = ["{n} roofs", "the old bridge", "a field kitchen", "{n} tonnes of flour",
          "the bus station", "two schools", "the water tower", "{n} generators",
          "a kindergarten", "the clinic's windows", "{n} kilometres of road", "the grain silo"]
BG_ADJ = ["", "", "", " as temperatures dropped below freezing", " despite the curfew",
          " according to a survey published in {m}", " in interviews this week",
          " after another night of air raid alerts", " in a report released on {d}"]


class Gen:
    """Random slot fillers for one corpus (seeded)."""

    def __init__(self, rng, plain):
        self.rng = rng
        self.plain = plain
        self.ua_places, self.ru_places = PLACES_UA, PLACES_RU
        if not plain:
            ua, ru = [], []
            with open(GAZ, encoding="utf-8") as f:
                for line in f:
                    if line.startswith("#") or line.startswith("name\t"):
                        continue
                    cols = line.split("\t")
                    if len(cols) > 2 and cols[1] in ("UKR", "RUS"):
                        name = cols[0]
                        if name.isascii() and " " not in name.strip():
                            (ua if cols[1] == "UKR" else ru).append(name)
            # The best-known names come up often, the rest once in a while, as in reporting.
            self.ua_places = PLACES_UA * 40 + sorted(set(ua))
            self.ru_places = PLACES_RU * 40 + sorted(set(ru))

    def c(self, xs):
        return self.rng.choice(xs)

    def n(self):
        if self.plain:
            return self.c([2, 3, 4, 5, 7, 9, 11, 12, 14, 17, 21, 25, 30, 41, 63])
        return self.c([self.rng.randint(2, 15), self.rng.randint(2, 60), self.rng.randint(10, 300)])

    def pua(self):
        return self.c(self.ua_places)

    def pru(self):
        return self.c(self.ru_places)

    def day(self):
        if self.plain or self.rng.random() < 0.6:
            return self.c(DAYS)
        return f"on {self.c(MONTHS)} {self.rng.randint(1, 28)}"

    def unit(self):
        k = self.rng.randint(3, 155)
        suf = "th" if 10 <= k % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(k % 10, "th")
        return f"{k}{suf} {self.c(UNIT_TYPES)} Brigade"

    def person(self, side):
        if self.plain:
            return self.c(OFFICIALS_UA if side == 1 else OFFICIALS_RU)
        first, last = (FIRST_UA, LAST_UA) if side == 1 else (FIRST_RU, LAST_RU)
        roles = ROLE_UA if side == 1 else ROLE_RU
        p = self.pua() if side == 1 else self.pru()
        role = self.c(roles).format(p=p, u=self.unit())
        name = f"{self.c(first)} {self.c(last)}"
        if self.rng.random() < 0.5:
            return f"{name}, the {role},"
        return f"{name}"

    def speaker(self, side):
        if self.plain or self.rng.random() < 0.4:
            return self.c(OFFICIALS_UA if side == 1 else OFFICIALS_RU)
        return self.person(side)

    def western(self):
        if self.plain or self.rng.random() < 0.5:
            return self.c(OFFICIALS_W)
        return f"{self.c(FIRST_W)} {self.c(LAST_W)}"


def event_sentence(g):
    rng = g.rng
    ia = rng.randrange(2)
    a, b = SIDES[ia], SIDES[1 - ia]
    t = rng.randrange(16)
    say = "said" if g.plain else g.c(VERBS_SAY)
    if t == 0:
        return f"{a[0]} forces shelled {g.pua()} {g.day()}, killing {g.n()} civilians and wounding {g.n()} others, the regional governor {say}."
    if t == 1:
        v = "had struck" if g.plain else "had " + g.c(VERBS_ATTACK)
        return f"{g.speaker(1)} said {a[0]} troops {v} a {b[0]} command post near {g.pru()} with {g.c(WEAPONS_SUPPLY)}."
    if t == 2:
        v = "will send" if g.plain else g.c(VERBS_SUPPLY)
        return f"{g.c(SUPPLIERS)} {v} Ukraine {g.c(WEAPONS_SUPPLY)} and {g.c(WEAPONS_SUPPLY)} as part of a new aid package worth ${g.c([100, 250, 300, 400, 820]) if g.plain else rng.randint(50, 2500)} million."
    if t == 3:
        return f"{g.speaker(0)} accused the West of prolonging the conflict by supplying Kyiv with {g.c(WEAPONS_SUPPLY)}."
    if t == 4:
        return f"Russia launched {g.n() * 3} {g.c(WEAPONS_RU)} at {g.pua()} {g.day()}, and air defences shot down most of them, the Ukrainian Air Force {say}."
    if t == 5:
        where = g.c(['Brussels', 'Washington', 'Berlin', 'Paris', 'Warsaw', 'Ramstein', 'London', 'Vilnius'])
        return f"{g.speaker(1)} asked allies for more {g.c(WEAPONS_SUPPLY)} during talks in {where}."
    if t == 6:
        return f"Moscow warned NATO of severe consequences if {g.c(WEAPONS_SUPPLY)} were used against targets inside Russia."
    if t == 7:
        return f"The governor of {g.pru()} said a Ukrainian drone attack {g.day()} damaged {'an oil depot' if g.plain else g.c(TARGETS)} and injured {g.n()} people."
    if t == 8:
        return f"Russia's Defence Ministry denied that its aircraft had bombed {'a hospital' if g.plain else g.c(TARGETS)} in {g.pua()}."
    if t == 9:
        return f"Between {g.n()} and {g.n() * 10} soldiers were killed when missiles hit a barracks near {g.pru()} on {g.c(MONTHS)} {rng.randint(1, 28)}, according to local officials."
    if t == 10:
        return f"{g.western()} condemned the attack on {g.pua()} and promised further support for Kyiv."
    if t == 11:
        return f"Ukrainian forces recaptured the village of {g.c(['Robotyne', 'Klishchiivka', 'Andriivka', 'Staromaiorske']) if g.plain else g.pua()} after days of heavy fighting, the military {say}."
    if t == 12:
        return f"{g.c(SUPPLIERS)} imposed new sanctions on Russian banks and defence firms {g.day()}."
    if t == 13:
        if g.plain:
            return f"\"We will respond to any strike on our territory,\" {g.c(OFFICIALS_RU)} told reporters in Moscow."
        return f"\"{g.c(QUOTE_PARTS[0])} {g.c(QUOTE_PARTS[1])} {g.pua() if ia else g.pru()},\" {g.speaker(ia)} {g.c(VERBS_SAY)}."
    if t == 14:
        return f"Officials from {a[1]} and {b[1]} met in {g.c(['Istanbul', 'Riyadh', 'Doha', 'Geneva', 'Abu Dhabi'])} to discuss a prisoner exchange, the {g.c(['Turkish', 'Saudi', 'Qatari', 'Swiss', 'Emirati'])} Foreign Ministry {say}."
    if g.plain:
        return f"A {a[0]} missile strike on {rng.choice(PLACES_UA + PLACES_RU)} killed at least {g.n()} people {g.c(DAYS)}, officials said."
    target = g.pua() if ia == 0 else g.pru()
    return f"A {a[0]} {g.c(['missile', 'drone', 'rocket', 'artillery'])} strike on {g.c(TARGETS)} in {target} killed at least {g.n()} people {g.day()}, {g.person(1 - ia)} {say}."


PLAIN_BG = [
    "Analysts say the coming months will test the resilience of both economies as energy prices remain high.",
    "The region has seen repeated power cuts since {m}, and many families have left for safer areas.",
    "Residents queued for water and bread as temperatures dropped below freezing.",
    "The front line has barely moved in recent weeks, according to independent observers.",
    "Grain exports through the Black Sea fell by {n} percent compared with the previous year.",
    "It was not possible to independently verify the claims made by either side.",
    "The war has displaced millions of people and destroyed much of the country's infrastructure.",
    "Experts disagree about how long the current pace of ammunition production can be sustained.",
]


def background_sentence(g):
    rng = g.rng
    if g.plain:
        return g.c(PLAIN_BG).format(m=g.c(MONTHS), n=g.n())
    fill = {"m": g.c(MONTHS), "n": g.n(), "p": g.pua(),
            "d": f"{g.c(MONTHS)} {rng.randint(1, 28)}"}
    if rng.random() < 0.5:
        s = f"{g.c(BG_SUBJ)} {g.c(BG_VERB)} that {g.c(BG_CLAUSE)}{g.c(BG_ADJ)}."
    else:
        s = f"{g.c(BG_OPEN)}{g.c(BG_ACT)} {g.c(BG_OBJ)}{g.c(BG_ADJ)}."
    s = s.format(**fill)
    return s[0].upper() + s[1:]


def article(g, i):
    rng = g.rng
    year = rng.choice([2022, 2023, 2024])
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    place = rng.choice(PLACES_UA + ["KYIV", "MOSCOW", "WASHINGTON"])
    head = rng.choice(["Strikes hit eastern cities", "New weapons package announced",
                       "Moscow warns the West", "Drone attack on depot", "Talks on prisoner swap"])
    if not g.plain:
        head = rng.choice([f"Strikes hit {g.pua()}", f"New weapons package from {g.c(SUPPLIERS)}",
                           "Moscow warns the West", f"Drone attack on {g.c(TARGETS)[2:]} in {g.pru()}",
                           f"Talks on prisoner swap in {g.c(['Istanbul', 'Riyadh', 'Doha'])}",
                           f"Fighting near {g.pua()} intensifies"])
    sents = []
    for _ in range(rng.randint(8, 16)):
        s = event_sentence(g) if rng.random() < 0.55 else background_sentence(g)
        sents.append(s[0].upper() + s[1:])
    body = f"{place.upper()}, {MONTHS[month - 1]} {day} - " + " ".join(sents[:3]) + "\n\n" + " ".join(sents[3:])
    return {"id": f"gen-{i:07d}", "date": f"{year}-{month:02d}-{day:02d}",
            "source": rng.choice(["Example Wire", "Example Monitor", "Example Daily"]),
            "title": head, "text": head + "\n\n" + body}


def main(argv):
    out, docs, size, seed, plain = None, None, None, 7, False
    it = iter(argv)
    for a in it:
        if a == "--docs":
            docs = int(next(it))
        elif a == "--bytes":
            size = int(next(it))
        elif a == "--seed":
            seed = int(next(it))
        elif a == "--plain":
            plain = True
        else:
            out = a
    if out is None or (docs is None and size is None):
        print(__doc__)
        return 2
    g = Gen(random.Random(seed), plain)
    written = 0
    i = 0
    with open(out, "w") as f:
        while (docs is None or i < docs) and (size is None or written < size):
            line = json.dumps(article(g, i)) + "\n"
            f.write(line)
            written += len(line)
            i += 1
    print(f"{out}: {i} documents, {written} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
