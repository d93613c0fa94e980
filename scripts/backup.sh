#!/usr/bin/env bash
# Backs up the whole database (evaluation and discipline schemas) as one custom-format dump.
#   DATABASE_URL=postgres://owner:…@host/jqc scripts/backup.sh jqc-2026-11-22.dump
# The dump holds survey responses and disciplinary records: it is written readable by its
# owner only; store it encrypted, with access as restricted as the database (docs/operations.md).
set -euo pipefail
file="${1:?usage: scripts/backup.sh <file.dump> (DATABASE_URL: the schema owner's URL)}"
: "${DATABASE_URL:?DATABASE_URL must be the schema owner's URL}"
umask 077
pg_dump --dbname="$DATABASE_URL" --format=custom --file="$file.partial"
# Only a complete dump gets the final name.
mv "$file.partial" "$file"
echo "backup: $(du -h "$file" | cut -f1) written to $file"
