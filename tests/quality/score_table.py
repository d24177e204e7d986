#!/usr/bin/env python3
"""The quality table: bilik scored on the development set, the seed and az-ner-wiki.

    score_table.py BILIK SHARED_DIR [--floors FLOORS.tsv] [--work DIR]

Extracts ../shared/gold/dev's articles, the seed and the az-ner-wiki sentences
with BILIK, scores them with ../shared/tools/score.py (per entity type, per
predicate) and score_mentions.py, and prints one table. With --floors, exits 1
when any F1 or precision in the table falls under its floor (a TSV of
"set  area  metric  floor"), so CI holds what has been reached. Exits 77 when
../shared is absent.
"""
import argparse
import contextlib
import copy
import io
import json
import os
import subprocess
import sys
import tempfile

TYPES = ["PERSON", "STATE", "ORGANIZATION", "TREATY", "LOCATION"]


def extract(bilik, db, inputs):
    if os.path.exists(db):
        os.remove(db)
    run = subprocess.run([bilik, "extract", "--quiet", "--db", db, *inputs],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return run.returncode, run.stderr


def score_gold(score, db, gold_paths):
    """{area: (P, R, F1, hit, store, gold)} with one row per predicate too."""
    store = score.Store(db)
    golds = []
    for path in gold_paths:
        with open(path, encoding="utf-8") as f:
            golds.append(json.load(f))
    tallies = {}
    with contextlib.redirect_stdout(io.StringIO()):
        for gold in golds:
            score.score_document(store, gold, tallies, False)
    entity = score.Tally()
    for t in TYPES:
        if t in tallies:
            entity.add(tallies[t].hit, tallies[t].store, tallies[t].gold)
    tallies["entities"] = entity

    # Per predicate: the same scorer on gold and store restricted to one predicate.
    predicates = sorted({r["predicate"] for g in golds for r in g.get("relations", [])} |
                        {p for (p,) in store.db.execute("SELECT DISTINCT predicate FROM triples")})
    all_triples = store.triples
    for predicate in predicates:
        store.triples = lambda doc_id, p=predicate: [t for t in all_triples(doc_id) if t[1] == p]
        per = {}
        with contextlib.redirect_stdout(io.StringIO()):
            for gold in golds:
                only = copy.deepcopy(gold)
                only["relations"] = [r for r in gold.get("relations", []) if r["predicate"] == predicate]
                score.score_document(store, only, per, False)
        tallies["  " + predicate] = per["relations"]
    store.triples = all_triples
    return {k: (*v.prf(), v.hit, v.store, v.gold) for k, v in tallies.items()}


def score_ner(shared, bilik, work):
    tool = os.path.join(shared, "tools", "score_mentions.py")
    corpus = os.path.join(shared, "corpora", "az-ner-wiki", "sentences.jsonl")
    sentences = os.path.join(work, "ner")
    subprocess.run([sys.executable, tool, "prepare", corpus, sentences, "--split", "all"],
                   check=True, stdout=subprocess.DEVNULL)
    db = os.path.join(work, "ner.db")
    extract(bilik, db, [sentences])  # four empty sentences are reported; the rest is stored
    out = subprocess.run([sys.executable, tool, "score", corpus, "--db", db, "--split", "all"],
                         stdout=subprocess.PIPE, text=True).stdout
    rows = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 4 and parts[0] in ("PER", "LOC", "ORG", "all", "overall", "mentions"):
            try:
                rows[parts[0]] = tuple(float(x) for x in parts[1:4])
            except ValueError:
                pass
    return rows, out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("bilik")
    ap.add_argument("shared")
    ap.add_argument("--floors", help="TSV of set, area, metric (P or F1), floor")
    ap.add_argument("--work", help="folder for the stores (a temporary one by default)")
    args = ap.parse_args()

    shared = os.path.abspath(args.shared)
    scorer = os.path.join(shared, "tools", "score.py")
    dev_gold = os.path.join(shared, "gold", "dev")
    if not os.path.exists(scorer) or not os.path.isdir(dev_gold):
        print(f"SKIP: {scorer} or {dev_gold} is missing (../shared is not next to the project)")
        sys.exit(77)
    sys.path.insert(0, os.path.dirname(scorer))
    import score  # noqa: E402  (../shared/tools/score.py)

    work = args.work or tempfile.mkdtemp(prefix="bilik-quality-")
    os.makedirs(work, exist_ok=True)
    table = {}

    gold_paths = sorted(os.path.join(dev_gold, f) for f in os.listdir(dev_gold) if f.endswith(".json"))
    texts = []
    for path in gold_paths:
        with open(path, encoding="utf-8") as f:
            texts.append(os.path.join(shared, "corpora", "az-news", json.load(f)["document"]))
    db = os.path.join(work, "dev.db")
    extract(args.bilik, db, texts)
    table["dev"] = score_gold(score, db, gold_paths)

    seed = os.path.join(shared, "seed", "tokayev-turkiye-2022.txt")
    db = os.path.join(work, "seed.db")
    extract(args.bilik, db, [seed])
    table["seed"] = score_gold(score, db, [os.path.join(shared, "gold", "tokayev-turkiye-2022.json")])

    ner, raw = score_ner(shared, args.bilik, work)
    table["az-ner-wiki"] = {k: (*v, 0, 0, 0) for k, v in ner.items()}

    print(f"{'set':<12}{'area':<20}{'P':>7}{'R':>7}{'F1':>7}{'hit':>6}{'store':>7}{'gold':>6}")
    for name, rows in table.items():
        order = [*TYPES, "entities", "figures", "relations"]
        keys = [k for k in order if k in rows] + sorted(k for k in rows if k not in order)
        for k in keys:
            p, r, f, hit, stored, gold = rows[k]
            counts = f"{hit:>6}{stored:>7}{gold:>6}" if gold else ""
            print(f"{name:<12}{k:<20}{p:>7.3f}{r:>7.3f}{f:>7.3f}{counts}")
    if not ner:
        print(raw)

    failed = False
    if args.floors:
        with open(args.floors, encoding="utf-8") as f:
            for line in f:
                if not line.strip() or line.startswith("#"):
                    continue
                name, area, metric, floor = line.rstrip("\n").split("\t")
                row = table.get(name, {}).get(area)
                value = None if row is None else (row[0] if metric == "P" else row[2])
                if value is None or value < float(floor):
                    print(f"floor: {name} {area} {metric} is {value if value is None else round(value, 3)}, "
                          f"under {floor}", file=sys.stderr)
                    failed = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
