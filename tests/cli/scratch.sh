# Sourced by the CLI tests: makes the scratch folder $tmp and, at exit,
# fails the test unless every store in it passes SQLite's integrity and
# foreign-key checks, then removes the folder.
tmp=$(mktemp -d)
check_stores_and_clean() {
  local status=$? db
  while IFS= read -r db; do
    sqlite3 "$db" 'SELECT 1 FROM meta LIMIT 1' > /dev/null 2>&1 || continue  # not a store (a test's bad input)
    if [ "$(sqlite3 "$db" 'PRAGMA integrity_check')" != ok ] || [ -n "$(sqlite3 "$db" 'PRAGMA foreign_key_check')" ]; then
      echo "store check failed: ${db#"$tmp"/}"
      status=1
    fi
  done < <(find "$tmp" -name '*.db' -type f)
  rm -rf "$tmp"
  exit "$status"
}
trap check_stores_and_clean EXIT
