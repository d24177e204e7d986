#!/usr/bin/env bash
# The progress line on a terminal (script(1) gives bilik one): it redraws in
# place, counts documents (not input files) with bytes and speed, and every
# error, warning and the summary stand on lines of their own, never appended
# to the progress line. The transcript is read back byte by byte.
set -euo pipefail
bilik=$1 samples=$2
command -v script > /dev/null || { echo "SKIP: script (util-linux) is not installed"; exit 77; }
source "$(dirname "$0")/scratch.sh"
mkdir "$tmp/in"
# One JSON Lines file of 400 articles, with two bad lines and an empty text;
# a file of bad UTF-8; the samples.
/usr/bin/python3 - "$samples" "$tmp/in/feed.jsonl" <<'PY'
import json, pathlib, sys
texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for i in range(400):
        out.write(json.dumps({"id": f"a{i}", "text": texts[i % len(texts)] + f"\n{i}"}, ensure_ascii=False) + "\n")
        if i in (100, 300):
            out.write('{"id": "broken", "body": "no text field"}\n')
    out.write(json.dumps({"id": "blank", "text": "   "}) + "\n")
PY
printf 'Bakı \xff şəhəri\n' > "$tmp/in/bad.txt"
cp "$samples"/*.txt "$tmp/in/"
inputs=$(find "$tmp/in" -type f | wc -l)
status=0
script -qfec "'$bilik' extract --jobs 1 --db '$tmp/p.db' '$tmp/in'" "$tmp/transcript" > /dev/null || status=$?
[ "$status" -eq 1 ] || { echo "expected exit status 1 (some documents failed), got $status"; exit 1; }
/usr/bin/python3 - "$tmp/transcript" "$inputs" <<'PY'
import re, sys
raw = open(sys.argv[1], "rb").read().decode("utf-8")
inputs = int(sys.argv[2])
colour = re.compile(r"\x1b\[[0-9;]*m")
progress = re.compile(r"^(\d+) documents?(  [0-9.]+ MB  [0-9.]+ MB/s)?(  ETA [0-9:]+)?(  \d+ failed)?$")
drawn, messages = [], []
for line in raw.split("\n"):
    line = colour.sub("", line.rstrip("\r"))
    if not line or line.startswith("Script started") or line.startswith("Script done"):
        continue  # script(1)'s own header and footer
    # Each redraw starts with "\r\x1b[K"; what lies between two carriage
    # returns is either a whole progress line or a whole message. A message
    # appended to a progress line matches neither.
    for s in line.split("\r"):
        s = s.replace("\x1b[K", "")
        if not s:
            continue
        if progress.match(s):
            drawn.append(s)
        else:
            assert re.match(r"^(error|warning): |^bilik extract: ", s), f"text shares a line with the progress: {line!r}"
            messages.append(s)
assert drawn, f"no progress line in {raw[:300]!r}"
counts = [int(progress.match(s).group(1)) for s in drawn]
assert max(counts) > inputs, f"the progress counts files, not documents: {counts} with {inputs} inputs"
assert any("MB/s" in s for s in drawn), drawn
assert any(s.startswith("error: ") and "bad.txt" in s for s in messages), messages
assert sum(s.startswith("error: ") and "feed.jsonl" in s for s in messages) == 2, messages
assert any(s.startswith("warning: ") and "feed.jsonl#blank: empty document" in s for s in messages), messages
summary = [s for s in messages if "bilik extract:" in s]
assert len(summary) == 1 and summary[0].startswith("bilik extract: "), summary
print(f"progress: {len(drawn)} redraws, up to {max(counts)} documents from {inputs} inputs; {len(messages)} messages on lines of their own")
PY
