#!/usr/bin/env bash
# Run once by the postgres image, on the first start with an empty data volume.
#
# Creates only the schema owner and its database. Everything else is done by the
# application's `db:migrate` (as jqc_owner): the NOLOGIN group roles
# jqc_evaluation_access and jqc_discipline_access, the login roles named in
# DATABASE_EVALUATION_URL and DATABASE_DISCIPLINE_URL, their memberships, revoking
# PUBLIC privileges on the database, and the migrations.
#
# jqc_owner needs CREATEROLE to provision those roles; CREATEDB is for test runs
# that clone a template database. Changing DB_OWNER_PASSWORD later does not change
# the role's password: run ALTER ROLE jqc_owner PASSWORD '...' yourself.
#
# The image may source this file instead of executing it, so it neither calls
# `exit` nor changes shell options beyond the entrypoint's own (set -Eeo pipefail).
set -eo pipefail

: "${DB_OWNER_PASSWORD:?DB_OWNER_PASSWORD must be set for the postgres service}"

# The password goes in as a psql variable, so no quoting of it is needed here.
psql -v ON_ERROR_STOP=1 --no-psqlrc \
  --username "${POSTGRES_USER:-postgres}" --dbname postgres \
  --set=owner_password="$DB_OWNER_PASSWORD" <<'SQL'
CREATE ROLE jqc_owner LOGIN CREATEDB CREATEROLE PASSWORD :'owner_password';
CREATE DATABASE jqc OWNER jqc_owner;
SQL
