#!/usr/bin/env bash
# Regenerates the adoption fixtures, migrator-it/src/test/resources/adopt/<tool>/<database>.sql, from the real tools:
# for each of alembic, django, knex and sequelize, and for each of PostgreSQL and MariaDB, it creates a scratch
# database, runs the tool's own migrate command on the sample project beside this script, and dumps the database
# (the tool's history table with its rows, and the schema it built) with pg_dump or mysqldump.
#
#   regenerate.sh           rewrites the fixtures
#   regenerate.sh --check   regenerates into a temporary folder and fails (exit 1, printing the diff) when they differ
# Exit status 2: a tool or a database server is missing (what to install is printed).
#
# Needs PostgreSQL on 127.0.0.1:5432 (psql as postgres), MariaDB on 127.0.0.1:3306 (mysql as root), the Debian
# packages python3-alembic python3-django python3-psycopg2 python3-mysqldb, and node with npm (the Node.js tools
# are installed into node_modules beside this script from package-lock.json).
#
# The dumps are deterministic: time stamps the tools write (django_migrations.applied, knex_migrations.migration_time)
# are set to 2024-01-01 plus one minute per row id before dumping, and dump comments are left out.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
committed=$here/../resources/adopt
check=false
[ "${1:-}" = "--check" ] && check=true

PY=${MIGRATOR_FIXTURES_PYTHON:-/usr/bin/python3}
USER_NAME=migrator_fixtures
USER_PASSWORD=fixtures
export PYTHONDONTWRITEBYTECODE=1 PGTZ=UTC PGOPTIONS='-c client_min_messages=warning'

log() { echo "[fixtures] $*" >&2; }
die() { log "$*"; exit 2; }

"$PY" -c 'import alembic, django, psycopg2, MySQLdb' 2>/dev/null \
  || die "$PY lacks alembic, django, psycopg2 or MySQLdb: apt-get install python3-alembic python3-django python3-psycopg2 python3-mysqldb"
command -v npm >/dev/null || die "npm is missing: apt-get install npm"
pg_isready -q -h 127.0.0.1 -p 5432 || die "PostgreSQL does not answer on 127.0.0.1:5432"
mysqladmin -uroot ping >/dev/null 2>&1 || die "MariaDB does not answer (mysqladmin -uroot ping)"
if [ ! -d "$here/node_modules/knex" ] || [ ! -d "$here/node_modules/sequelize-cli" ]; then
  log "installing the Node.js tools (npm ci in $here)"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2) || die "npm ci failed in $here"
fi
NODE_BIN=$here/node_modules

psql_admin() { psql -h 127.0.0.1 -U postgres -d "${2:-postgres}" -v ON_ERROR_STOP=1 -qAtc "$1"; }
mysql_admin() { mysql -uroot -e "$1" ${2:-}; }

# The login the tools use, in both servers.
psql_admin "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$USER_NAME') THEN
  CREATE ROLE $USER_NAME LOGIN PASSWORD '$USER_PASSWORD'; END IF; END \$\$"
mysql_admin "CREATE USER IF NOT EXISTS '$USER_NAME'@'127.0.0.1' IDENTIFIED BY '$USER_PASSWORD';
  CREATE USER IF NOT EXISTS '$USER_NAME'@'localhost' IDENTIFIED BY '$USER_PASSWORD';
  GRANT ALL ON \`migrator\\_fixture\\_%\`.* TO '$USER_NAME'@'127.0.0.1';
  GRANT ALL ON \`migrator\\_fixture\\_%\`.* TO '$USER_NAME'@'localhost';"

scratch() { # <database kind> <name>: an empty database owned by the tools' login
  if [ "$1" = postgresql ]; then
    psql_admin "DROP DATABASE IF EXISTS $2 WITH (FORCE)"
    psql_admin "CREATE DATABASE $2 OWNER $USER_NAME"
  else
    mysql_admin "DROP DATABASE IF EXISTS \`$2\`; CREATE DATABASE \`$2\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci"
  fi
}

sql() { # <database kind> <name> <statement>: runs as the administrator, in UTC
  if [ "$1" = postgresql ]; then psql_admin "$3" "$2"; else mysql_admin "SET time_zone = '+00:00'; $3" "$2"; fi
}

dump() { # <database kind> <name>: the whole database as SQL, without comments or anything that varies
  if [ "$1" = postgresql ]; then
    pg_dump -h 127.0.0.1 -U postgres --no-owner --no-privileges --column-inserts -d "$2" \
      | grep -v -e '^--' -e '^\\restrict' -e '^\\unrestrict' | cat -s | sed '/./,$!d'
  else
    # The first line of a newer mysqldump (a "sandbox mode" marker) is left out: older clients do not write it.
    mysqldump -uroot --compact --skip-extended-insert --complete-insert --skip-dump-date "$2" \
      | grep -v "^/\*M!999999"
  fi
}

run_tool() { # <tool> <database kind> <database name>
  local tool=$1 kind=$2 db=$3 port driver
  if [ "$kind" = postgresql ]; then port=5432; else port=3306; fi
  case "$tool" in
    alembic)
      if [ "$kind" = postgresql ]; then driver=postgresql+psycopg2; else driver=mysql+mysqldb; fi
      # Up to the merge of the two branches; the last revision stays pending.
      ALEMBIC_URL="$driver://$USER_NAME:$USER_PASSWORD@127.0.0.1:$port/$db" \
        "$PY" -m alembic -c "$here/alembic/alembic.ini" upgrade d4e3f5a6b7c8 ;;
    django)
      if [ "$kind" = postgresql ]; then driver=django.db.backends.postgresql; else driver=django.db.backends.mysql; fi
      (cd "$here/django" && export DJANGO_DB_ENGINE=$driver DJANGO_DB_PORT=$port DJANGO_DB_NAME=$db \
          DJANGO_DB_USER=$USER_NAME DJANGO_DB_PASSWORD=$USER_PASSWORD \
        && "$PY" manage.py migrate --no-input ledger 0002_account_iban \
        && "$PY" manage.py migrate --no-input audit 0001_initial) ;;
    knex)
      if [ "$kind" = postgresql ]; then driver=pg; else driver=mysql2; fi
      # One migration per batch (batches 1, 2, 3); the last migration stays pending.
      (cd "$here/knex" && export KNEX_CLIENT=$driver DB_PORT=$port DB_NAME=$db DB_USER=$USER_NAME DB_PASSWORD=$USER_PASSWORD \
        && for _ in 1 2 3; do node "$NODE_BIN/knex/bin/cli.js" migrate:up; done) ;;
    sequelize)
      if [ "$kind" = postgresql ]; then driver=postgres; else driver=mysql; fi
      (cd "$here/sequelize" && export SEQUELIZE_DIALECT=$driver DB_PORT=$port DB_NAME=$db DB_USER=$USER_NAME \
          DB_PASSWORD=$USER_PASSWORD \
        && node "$NODE_BIN/sequelize-cli/lib/sequelize" db:migrate --to 20240102000000-add-iban.js) ;;
  esac
}

normalise() { # <tool> <database kind> <database name>: fixed time stamps, one minute apart, in row id order
  local base
  if [ "$2" = postgresql ]; then base="TIMESTAMPTZ '2024-01-01 00:00:00+00' + id * INTERVAL '1 minute'"
  else base="TIMESTAMP '2024-01-01 00:00:00' + INTERVAL id MINUTE"; fi
  case "$1" in
    django) sql "$2" "$3" "UPDATE django_migrations SET applied = $base" ;;
    knex) sql "$2" "$3" "UPDATE knex_migrations SET migration_time = $base" ;;
  esac
}

out=$committed
if $check; then out=$(mktemp -d); trap 'rm -rf "$out"' EXIT; fi
for tool in alembic django knex sequelize; do
  mkdir -p "$out/$tool"
  for kind in postgresql mariadb; do
    db=migrator_fixture_$tool
    log "$tool on $kind"
    scratch "$kind" "$db"
    run_tool "$tool" "$kind" "$db" >&2
    normalise "$tool" "$kind" "$db"
    dump "$kind" "$db" > "$out/$tool/$kind.sql"
    if [ "$kind" = postgresql ]; then psql_admin "DROP DATABASE $db WITH (FORCE)"; else mysql_admin "DROP DATABASE \`$db\`"; fi
  done
done

if $check; then
  differ=false
  for tool in alembic django knex sequelize; do   # adopt/ holds other test resources too: compare the dumps only
    diff -ru "$committed/$tool" "$out/$tool" || differ=true
  done
  if ! $differ; then
    log "the fixtures match what the tools produce"
  else
    log "the committed fixtures differ from what the tools produce (above): run $0 and commit the result"
    exit 1
  fi
else
  log "wrote the fixtures under $committed"
fi
