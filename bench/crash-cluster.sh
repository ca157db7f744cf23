#!/usr/bin/env bash
# Crash test at a chosen size (docs/reliability.md): two nodes of the packaged app on one MariaDB database under load,
# one of them killed with kill -9 ROUNDS times and started again, then the invariants checked in the database.
#   bench/crash-cluster.sh [ROUNDS] [WORKERS]          e.g. bench/crash-cluster.sh 10 3
# Needs MariaDB/MySQL on DB_HOST:DB_PORT (default 127.0.0.1:3306, root, no password); uses the database
# ${DB_NAME}_crash (DB_NAME default zhaoshang), dropped and created anew. Figures: engine-app/target/crash-figures.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-10}"
WORKERS="${2:-3}"
export DB_HOST="${DB_HOST:-127.0.0.1}" DB_PORT="${DB_PORT:-3306}" DB_USER="${DB_USER:-root}" DB_PASSWORD="${DB_PASSWORD:-}"
export DB_NAME="${DB_NAME:-zhaoshang}"
mvn -B -ntp -q -pl engine-app -Pmysql package -DskipTests
mvn -B -ntp -pl engine-app -Pmysql failsafe:integration-test@cluster failsafe:verify \
  -Dit.test=CrashClusterIT -Dcrash.rounds="$ROUNDS" -Dcrash.workers="$WORKERS"
tail -1 engine-app/target/crash-figures.txt
