#!/usr/bin/env python3
"""Builds lexicon/common_words.txt: word forms that news text writes in lower case.

A capital at the start of a sentence says nothing about a word; bilik treats
a sentence-initial word as capitalised only when it is not a common word. The
list is a statistic over a corpus (word forms seen in lower case in the middle
of sentences at least --min times), not text from it: no sentence is kept.

    python3 sources/build_common_words.py --min 1 ../../../shared/corpora/az-news \\
        ../../../shared/corpora/ntrex-az/newstest2019-ref.aze-Latn.txt > lexicon/common_words.txt
"""
import argparse
import collections
import os
import re
import sys

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="+", help="folders of .txt articles or text files")
    ap.add_argument("--min", type=int, default=2)
    args = ap.parse_args()
    counts = collections.Counter()
    paths = []
    for c in args.corpus:
        if os.path.isdir(c):
            paths += [os.path.join(c, n) for n in sorted(os.listdir(c)) if n.endswith(".txt")]
        else:
            paths.append(c)
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for sentence in re.split(r"[.!?\n]+", f.read()):
                for i, m in enumerate(WORD.finditer(sentence)):
                    w = m.group(0)
                    if i > 0 and w == w.lower() and len(w) > 1:
                        counts[w] += 1
    words = sorted(w for w, n in counts.items() if n >= args.min)
    sys.stdout.write("# Word forms written in lower case mid-sentence at least %d times in a news\n"
                     "# corpus (built by sources/build_common_words.py). One per line.\n" % args.min)
    for w in words:
        sys.stdout.write(w + "\n")
    print(f"{len(words)} words", file=sys.stderr)


if __name__ == "__main__":
    main()
