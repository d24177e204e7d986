#!/usr/bin/env python3
"""Writes SIZE_MB of Azerbaijani text that no rule has seen: documents of
sentences drawn from a word-level Markov chain (each word chosen by the two
before it) over ../shared's corpora (az-news, NTREX, SIB-200, az-ner-wiki).

The words, names and phrases are the corpora's, their order is new, so
RE2's DFAs meet new sentences all the time, as on a real archive; a
replicated corpus repeats each article, which the DFAs then know. The text
is written to OUT_DIR at bench time and never kept in the project.

    python3 bench/markov_corpus.py SIZE_MB OUT_DIR [SEED]
"""
import collections
import glob
import json
import os
import random
import sys


def corpus_lines(shared):
    corpora = os.path.join(shared, "corpora")
    for path in sorted(glob.glob(os.path.join(corpora, "az-news", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            yield from f
    with open(os.path.join(corpora, "ntrex-az", "newstest2019-ref.aze-Latn.txt"), encoding="utf-8") as f:
        yield from f
    for path in sorted(glob.glob(os.path.join(corpora, "sib200-az", "azj_Latn", "*.tsv"))):
        with open(path, encoding="utf-8") as f:
            next(f)  # the header
            for line in f:
                yield line.rstrip("\n").split("\t")[-1]
    with open(os.path.join(corpora, "az-ner-wiki", "sentences.jsonl"), encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)["text"]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    size = float(sys.argv[1]) * 1e6
    out = sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 2026)
    shared = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared")
    follows = collections.defaultdict(list)
    for line in corpus_lines(shared):
        words = ["<s>", "<s>"] + line.split() + ["</s>"]
        for i in range(2, len(words)):
            follows[(words[i - 2], words[i - 1])].append(words[i])

    def sentence():
        a, b, words = "<s>", "<s>", []
        while len(words) < 80:
            word = rng.choice(follows[(a, b)])
            if word == "</s>":
                break
            words.append(word)
            a, b = b, word
        return " ".join(words)

    os.makedirs(out, exist_ok=True)
    written, n = 0, 0
    while written < size:
        paragraphs = [" ".join(sentence() for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(3, 8))]
        text = "\n\n".join(paragraphs) + "\n"
        with open(os.path.join(out, f"markov-{n:06d}.txt"), "w", encoding="utf-8") as f:
            f.write(text)
        written += len(text.encode("utf-8"))
        n += 1
    print(f"{n} documents, {written / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
