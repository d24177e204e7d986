#!/usr/bin/env bash
# One document per text (issue 12): a folder named two ways, an article a
# crawl holds under two ids, two stores holding one article: each text is
# stored and extracted once, every name (and url) kept as a source of it.
# Standard input is named by --name, else by the hash of its text.
set -uo pipefail
bilik=$(realpath "$1")
source "$(dirname "$0")/scratch.sh"
cd "$tmp" || exit 1
fail() { echo "FAIL: $*"; exit 1; }
q() { sqlite3 "$1" "$2"; }

mkdir -p news/2024
printf 'Prezident İlham Əliyev Bakıda Qazaxıstan Prezidenti Qasım-Jomart Tokayev ilə görüşüb.\n' > news/a.txt
printf 'Türkiyənin xarici işlər naziri Hakan Fidan Ankarada NATO-nun baş katibi ilə danışıb.\n' > news/2024/b.txt

# --- a folder by its absolute path, then by a relative path from its parent
"$bilik" extract --quiet --db one.db "$tmp/news" > /dev/null || fail "extract by absolute path"
mentions=$(q one.db "SELECT count(*) FROM mentions")
(cd "$tmp" && "$bilik" extract --db one.db news > out 2> err) || { cat err; fail "extract by relative path"; }
grep -q "(0 stored, 0 duplicates folded, 2 unchanged, 0 empty, 0 failed)" out || fail "second path: $(cat out)"
(cd "$tmp/news/2024" && "$bilik" extract --quiet --db ../../one.db ../a.txt ./b.txt > /dev/null) || fail "by ../"
[ "$(q one.db "SELECT count(*) FROM documents")" = 2 ] || fail "a folder named two ways is stored twice"
[ "$(q one.db "SELECT count(*) FROM document_sources")" = 2 ] || fail "a folder named two ways: sources"
[ "$(q one.db "SELECT count(*) FROM mentions")" = "$mentions" ] || fail "mentions doubled"
[ "$(q one.db "SELECT uri FROM documents WHERE uri LIKE '%/a.txt'")" = "$(realpath news/a.txt)" ] \
  || fail "the name is not the canonical path: $(q one.db 'SELECT uri FROM documents')"
echo "ok   a folder by two paths is stored once"

# --- the same text in another file: one document, two sources, counted as folded
cp news/a.txt news/2024/copy-of-a.txt
"$bilik" extract --db one.db news > out 2>&1 || fail "extract with a copy"
grep -q "(0 stored, 1 duplicate folded, 2 unchanged, 0 empty, 0 failed)" out || fail "copy: $(cat out)"
[ "$(q one.db "SELECT count(*) FROM documents")" = 2 ] || fail "a copy is stored again"
[ "$(q one.db "SELECT count(*) FROM document_sources s JOIN documents d ON d.id = s.document_id
               WHERE d.uri LIKE '%/news/a.txt'")" = 2 ] || fail "the copy is not a source of a.txt"
[ "$(q one.db "SELECT count(*) FROM mentions")" = "$mentions" ] || fail "a copy adds mentions"
[ "$(q one.db "SELECT documents_folded FROM runs ORDER BY id DESC LIMIT 1")" = 1 ] || fail "runs.documents_folded"
"$bilik" extract --db one.db news > out 2>&1 || fail "re-run"
grep -q "(0 stored, 0 duplicates folded, 3 unchanged" out || fail "a re-run is not idempotent: $(cat out)"

# A name whose text changes to a text stored under another name joins that
# document; its old document goes, with the entities only it mentioned.
printf 'Gürcüstanın Baş naziri İrakli Kobaxidze Tbilisidə çıxış edib.\n' > news/2024/copy-of-a.txt
"$bilik" extract --quiet --db one.db news > /dev/null || fail "changed copy"
[ "$(q one.db "SELECT count(*) FROM documents")" = 3 ] || fail "a changed copy is not its own document"
cp news/2024/b.txt news/2024/copy-of-a.txt
"$bilik" extract --quiet --db one.db news > /dev/null || fail "copy becomes b"
[ "$(q one.db "SELECT count(*) FROM documents")" = 2 ] || fail "the copy's old document stayed"
[ "$(q one.db "SELECT count(*) FROM entities WHERE name LIKE 'İrakli%'")" = 0 ] || fail "orphan entities stayed"
[ "$(q one.db "SELECT count(*) FROM document_sources s JOIN documents d ON d.id = s.document_id
               WHERE d.uri LIKE '%/b.txt'")" = 2 ] || fail "the copy is not a source of b.txt"
echo "ok   a copy is a source; a name moving to another text leaves its old document"

# --- JSON Lines: one article under two ids keeps both urls; --metadata urls
text='Azərbaycan və Özbəkistan arasında 2 milyard dollarlıq saziş imzalanıb.'
printf '{"id": "x1", "url": "https://xeber.az/a/1", "text": "%s"}\n{"id": "x2", "url": "https://xeber.az/amp/1", "text": "%s"}\n' \
  "$text" "$text" > crawl.jsonl
"$bilik" extract --db feed.db crawl.jsonl > out 2>&1 || fail "crawl"
grep -q "(1 stored, 1 duplicate folded, 0 unchanged" out || fail "crawl summary: $(cat out)"
[ "$(q feed.db "SELECT count(*) FROM documents")" = 1 ] || fail "one article under two ids is stored twice"
[ "$(q feed.db "SELECT group_concat(url, ' ') FROM (SELECT url FROM document_sources ORDER BY uri)")" = \
  "https://xeber.az/a/1 https://xeber.az/amp/1" ] || fail "sources' urls: $(q feed.db 'SELECT * FROM document_sources')"
[ "$(q feed.db "SELECT url FROM documents")" = "https://xeber.az/a/1" ] || fail "documents.url"
printf 'file\turl\na.txt\thttps://xeber.az/a\n' > meta.tsv
"$bilik" extract --quiet --db meta.db --metadata meta.tsv news/a.txt > /dev/null || fail "--metadata"
[ "$(q meta.db "SELECT url FROM documents")" = "https://xeber.az/a" ] || fail "--metadata url"
[ "$(q meta.db "SELECT url FROM document_sources")" = "https://xeber.az/a" ] || fail "--metadata url in sources"
echo "ok   JSON Lines and --metadata urls are kept"

# --- standard input: --name, and unnamed texts that never replace each other
printf 'Prezident İlham Əliyev Bakıda çıxış edib.\n' | "$bilik" extract --quiet --db in.db --name first.txt - > /dev/null \
  || fail "stdin --name first"
printf 'Qazaxıstan Prezidenti Astanada çıxış edib.\n' | "$bilik" extract --quiet --db in.db --name second.txt - > /dev/null \
  || fail "stdin --name second"
[ "$(q in.db "SELECT group_concat(uri, ' ') FROM (SELECT uri FROM documents ORDER BY uri)")" = "first.txt second.txt" ] \
  || fail "two stdin runs with --name: $(q in.db 'SELECT uri FROM documents')"
for t in 'Bakıda yağış yağıb.' 'Gəncədə qar yağıb.' 'Bakıda yağış yağıb.'; do
  printf '%s\n' "$t" | "$bilik" extract --quiet --db anon.db - > /dev/null || fail "unnamed stdin"
done
[ "$(q anon.db "SELECT count(*) FROM documents WHERE uri LIKE '-#%'")" = 2 ] \
  || fail "unnamed stdin texts: $(q anon.db 'SELECT uri FROM documents')"
[ "$(q anon.db "SELECT documents_unchanged FROM runs ORDER BY id DESC LIMIT 1")" = 1 ] || fail "the same stdin text again"
printf '{"id": "k1", "text": "Bakıda yağış yağıb."}\n' \
  | "$bilik" extract --quiet --db named.db --stdin-format jsonl --name feed.jsonl - > /dev/null || fail "stdin jsonl --name"
[ "$(q named.db "SELECT uri FROM documents")" = "feed.jsonl#k1" ] || fail "stdin JSON Lines --name"
echo "ok   standard input: --name, and unnamed texts named by their hash"

# --- merge: two stores holding one article under other names keep one document
printf 'Prezident İlham Əliyev Bakıda Qazaxıstan Prezidenti Qasım-Jomart Tokayev ilə görüşüb.\n' \
  | "$bilik" extract --quiet --db other.db --name mirror/a.txt - > /dev/null || fail "other store"
"$bilik" merge all.db one.db other.db > out 2>&1 || { cat out; fail "merge"; }
grep -q "^bilik merge: 2 documents merged, 2 duplicates folded, 0 unchanged; all.db holds 2 documents" out \
  || fail "merge summary: $(cat out)"
[ "$(q all.db "SELECT count(*) FROM document_sources")" = 4 ] || fail "merge: sources"
[ "$(q all.db "SELECT count(*) FROM mentions")" = "$mentions" ] || fail "merge: mentions doubled"
"$bilik" merge all.db one.db other.db > out 2>&1 || fail "merge again"
grep -q "0 documents merged, 0 duplicates folded, 4 unchanged" out || fail "merge again: $(cat out)"
echo "ok   merge keeps one document per text"
