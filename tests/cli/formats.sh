#!/usr/bin/env bash
# Every input format: HTML, JSON Lines, compressed files and archives, with
# documents named file#inner; damaged and oversized inputs are reported and
# the rest of the run goes on; --shard splits a run into disjoint parts.
set -uo pipefail
bilik=$1
source "$(dirname "$0")/scratch.sh"
cd "$tmp"
mkdir in
cat > in/page.html <<'HTML'
<html><head><title>Sammit xəbəri</title><meta property="article:published_time" content="2024-07-06T10:00:00Z">
<script>var x = "Prezident Saxta Adam";</script><style>p{color:red}</style></head>
<body><nav>Əsas səhifə | Xəbərlər</nav><article><p>Türkiyə Prezidenti Rəcəb Tayyib Ərdoğan <b>ötən il</b> Şuşaya səfər edib.</p>
<p>Görüşdə 3 sənəd imzalanıb.</p></article><footer>Müəllif hüquqları</footer></body></html>
HTML
printf '%s\n' '{"id": "a1", "title": "Bir", "published": "2023-11-02", "body": "Qazaxıstan Prezidenti Qasım-Jomart Tokayev Bakıya gəlib."}' \
  'not json' '{"id": "a2", "body": 42}' '{"id": "a3", "body": "Özbəkistan Prezidenti Şavkat Mirziyoyev Ankaraya gəlib."}' > in/crawl.jsonl
printf 'İlham Əliyev Tbilisiyə gedib.\n' > one.txt && gzip -c one.txt > in/one.txt.gz
mkdir inner && printf 'Gürcüstanın Baş naziri İrakli Kobaxidze Bakıya gəlib.\n' > inner/a.txt
printf 'Ermənistan və Azərbaycan sülh haqqında saziş imzalayıb.\n' > inner/b.md
tar czf in/bundle.tar.gz inner
(cd inner && zip -q ../in/bundle.zip a.txt b.md)
mkdir noise && head -c 200000 /dev/urandom | base64 > noise/n.txt && tar czf noise.tar.gz noise
head -c 50000 noise.tar.gz > in/broken.tar.gz
head -c 2000000 /dev/zero | tr '\0' 'a' > big.txt && gzip -c big.txt > in/big.txt.gz
"$bilik" extract --db store.db --json-field text=body --max-document-mb 1 in > out 2> err
status=$?
cat out err
[ $status -eq 1 ] || { echo "expected exit status 1 (some inputs failed), got $status"; exit 1; }
q() { sqlite3 store.db "$1"; }
[ "$(q "SELECT title || '|' || published FROM documents WHERE uri LIKE '%page.html'")" = "Sammit xəbəri|2024-07-06" ] || exit 1
[ "$(q "SELECT count(*) FROM documents WHERE text LIKE '%Saxta%' OR text LIKE '%Əsas səhifə%'")" = 0 ] || { echo "script or nav kept"; exit 1; }
[ "$(q "SELECT count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE e.name = 'Rəcəb Tayyib Ərdoğan'")" = 1 ] || exit 1
[ "$(q "SELECT value FROM dates d JOIN documents o ON o.id = d.document_id WHERE o.uri LIKE '%page.html'")" = 2023 ] || exit 1
[ "$(q "SELECT count(*) FROM documents WHERE uri LIKE '%crawl.jsonl#a%'")" = 2 ] || exit 1
[ "$(q "SELECT published FROM documents WHERE uri LIKE '%#a1'")" = 2023-11-02 ] || exit 1
grep -q "crawl.jsonl:2: not valid JSON (column 2)" err || exit 1
grep -q "crawl.jsonl:3: field 'body' is a JSON number, not a string" err || exit 1
[ "$(q "SELECT count(*) FROM documents WHERE uri LIKE '%one.txt.gz'")" = 1 ] || exit 1
[ "$(q "SELECT count(*) FROM documents WHERE uri LIKE '%bundle.tar.gz#inner/%'")" = 2 ] || exit 1
# The zip holds the texts of the tar: one document each, with both names as sources.
[ "$(q "SELECT count(*) FROM documents WHERE uri LIKE '%bundle.zip#%'")" = 0 ] || exit 1
[ "$(q "SELECT count(*) FROM document_sources s JOIN documents d ON d.id = s.document_id
        WHERE s.uri LIKE '%bundle.zip#%' AND d.uri LIKE '%bundle.tar.gz#inner/%'")" = 2 ] || exit 1
grep -q "(6 stored, 2 duplicates folded, 0 unchanged, 0 empty, 4 failed)" out || exit 1
grep -q "broken.tar.gz.*damaged" err || exit 1
grep -q "big.txt.gz: larger than 1 MB (--max-document-mb); refused" err || exit 1
# Two shards hold every name exactly once between them.
"$bilik" extract --quiet --db s0.db --shard 0/2 --json-field text=body --max-document-mb 1 in > /dev/null 2>&1
"$bilik" extract --quiet --db s1.db --shard 1/2 --json-field text=body --max-document-mb 1 in > /dev/null 2>&1
all=$(q "SELECT uri FROM document_sources ORDER BY uri")
both=$( (sqlite3 s0.db "SELECT uri FROM document_sources"; sqlite3 s1.db "SELECT uri FROM document_sources") | sort)
[ "$all" = "$(echo "$both" | sort)" ] || { echo "shards differ from one run"; exit 1; }
[ -z "$(comm -12 <(sqlite3 s0.db 'SELECT uri FROM document_sources' | sort) \
                 <(sqlite3 s1.db 'SELECT uri FROM document_sources' | sort))" ] || exit 1
# JSON Lines on standard input (the Spark RDD.pipe recipe of docs/scale.md).
sed -n '1p;4p' in/crawl.jsonl | "$bilik" extract --quiet --db stdin.db --stdin-format jsonl --json-field text=body - > /dev/null
[ "$(sqlite3 stdin.db "SELECT group_concat(uri, ' ') FROM documents")" = "-#a1 -#a3" ] || { echo "stdin JSON Lines"; exit 1; }
echo "formats: ok"
