#!/usr/bin/env bash
# Restores a dump of scripts/backup.sh into an EMPTY database, all or nothing.
#   DATABASE_URL=postgres://owner:…@host/jqc scripts/restore.sh jqc-2026-11-22.dump
# Then run `db:migrate` (the cli): it recreates the login roles, their memberships and
# grants, and applies migrations newer than the dump (docs/operations.md, "Backups").
set -euo pipefail
file="${1:?usage: scripts/restore.sh <file.dump> (DATABASE_URL: the schema owner's URL of an empty database)}"
: "${DATABASE_URL:?DATABASE_URL must be the schema owner's URL}"
[[ -r "$file" ]] || { echo "restore: cannot read $file" >&2; exit 1; }
# Refuse to restore over data: a restore is never a merge.
existing=$(psql "$DATABASE_URL" -XtAc "SELECT count(*) FROM pg_namespace WHERE nspname IN ('auth','registry','instruments','campaigns','responses','aggregation','reports','discipline')")
if [[ "$existing" != "0" ]]; then
  echo "restore: the target database already has the platform's schemas; restore into an empty database" >&2
  exit 1
fi
# A dump does not carry roles; the grants in it need the two group roles to exist.
psql "$DATABASE_URL" -X -v ON_ERROR_STOP=1 -q <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jqc_evaluation_access') THEN CREATE ROLE jqc_evaluation_access NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jqc_discipline_access') THEN CREATE ROLE jqc_discipline_access NOLOGIN; END IF;
END $$;
SQL
pg_restore --dbname="$DATABASE_URL" --exit-on-error --single-transaction --no-owner "$file"
echo "restore: $file restored; now run db:migrate"
