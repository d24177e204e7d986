#!/usr/bin/env bash
# `bilik explain` says why each capitalised run did or did not become an entity.
set -euo pipefail
bilik=$1
out=$("$bilik" explain "Ulduz.az xəbər verir ki, Dəniz Limanı genişlənir. Tədbirdə Hulusi Dəmirtaş çıxış edib.")
expect() { grep -qF -- "$1" <<<"$out" || { echo "missing: $1"; echo "$out"; exit 1; }; }
expect 'capitalised runs:'
expect 'became ORGANIZATION "Ulduz.az" from "Ulduz.az" (rule org-domain)'
expect '"Dəniz Limanı"'
expect 'no entity: no gazetteer name'
expect 'became PERSON "Hulusi Dəmirtaş" from "Hulusi Dəmirtaş" (rule person-given-name)'
