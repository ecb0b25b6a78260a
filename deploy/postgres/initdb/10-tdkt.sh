#!/usr/bin/env bash
# Runs once, on the first start of the postgres container (empty data volume), as the superuser.
# Creates two isolated roles:
#   - TDKT_DB_USER owns the read-model database TDKT_DB_NAME (the API and worker projections);
#   - TEMPORAL_DB_USER may create databases: temporalio/auto-setup creates and migrates its own
#     "temporal" and "temporal_visibility" databases with it, so Temporal never touches the
#     read models and the application never touches Temporal's tables.
set -euo pipefail

: "${TDKT_DB_USER:=tdkt}"
: "${TDKT_DB_PASSWORD:=tdkt}"
: "${TDKT_DB_NAME:=tdkt}"
: "${TEMPORAL_DB_USER:=temporal}"
: "${TEMPORAL_DB_PASSWORD:=temporal}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "${POSTGRES_DB:-postgres}" \
  -v tdkt_user="$TDKT_DB_USER" -v tdkt_password="$TDKT_DB_PASSWORD" -v tdkt_db="$TDKT_DB_NAME" \
  -v temporal_user="$TEMPORAL_DB_USER" -v temporal_password="$TEMPORAL_DB_PASSWORD" <<'SQL'
CREATE ROLE :"tdkt_user" LOGIN PASSWORD :'tdkt_password';
CREATE DATABASE :"tdkt_db" OWNER :"tdkt_user" ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE :"tdkt_db" FROM PUBLIC;

CREATE ROLE :"temporal_user" LOGIN CREATEDB PASSWORD :'temporal_password';
SQL

echo "tdkt init: role ${TDKT_DB_USER} owns database ${TDKT_DB_NAME}; role ${TEMPORAL_DB_USER} may create Temporal's databases"
