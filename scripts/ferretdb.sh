#!/usr/bin/env bash
# FerretDB 1.24.2 (MongoDB wire protocol over SQLite) for machines without MongoDB. Used by
# .ci/run for the tests and by the bot's start-up when no MONGODB_URI is set and the embedded
# MongoDB cannot be downloaded (src/db/ferretdb.ts).
#
#   scripts/ferretdb.sh build            prints the binary's path, building it with Go first if it
#                                        is not in the cache (~/.cache/ajanvarausbotti) yet
#   scripts/ferretdb.sh serve DIR PORT   runs it on 127.0.0.1:PORT with its data (and its log,
#                                        ferretdb.log) in DIR until it gets SIGTERM or SIGINT, or
#                                        until the process that started it is gone
#
# Exit status 3: Go is needed and not installed; 4: DIR is already served by another FerretDB.
set -euo pipefail

FERRETDB_VERSION=v1.24.2
cache_dir="${XDG_CACHE_HOME:-${HOME:?set HOME or XDG_CACHE_HOME: the FerretDB binary is cached there}/.cache}/ajanvarausbotti"
binary="$cache_dir/ferretdb-$FERRETDB_VERSION"

# Builds FerretDB from its module source. A plain `go install …@v1.24.2` builds a binary that
# panics at start (its build/version/version.txt is generated at release time and is not in the
# module), so the source is copied and the file written before building.
build() {
  if [ -x "$binary" ]; then return; fi
  if ! command -v go >/dev/null 2>&1; then
    echo "Go is needed once, to build FerretDB, and no \`go\` is on PATH." >&2
    exit 3
  fi
  local module_dir
  src=$(mktemp -d) # not local: the EXIT trap removes it
  trap 'rm -rf "$src"' EXIT
  module_dir=$(cd "$src" && go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const m=JSON.parse(s);if(!m.Dir){console.error(`go mod download: ${m.Error}`);process.exit(1)}console.log(m.Dir)})')
  cp -r "$module_dir/." "$src"
  chmod -R u+w "$src"
  echo "$FERRETDB_VERSION" > "$src/build/version/version.txt"
  mkdir -p "$cache_dir"
  # A name of its own, renamed into place: two builds at once (CI and a bot) cannot mix.
  (cd "$src" && go build -o "$binary.$$.tmp" ./cmd/ferretdb) >&2
  mv "$binary.$$.tmp" "$binary"
  rm -rf "$src"
  trap - EXIT
}

serve() {
  local dir=$1 port=$2 parent=$PPID
  build
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  # Two FerretDBs on one SQLite folder would each cache its own view of the collections.
  local pidfile="$dir/ferretdb.pid" other
  other=$(cat "$pidfile" 2>/dev/null || true)
  if [ -n "$other" ] && kill -0 "$other" 2>/dev/null && ps -p "$other" -o args= | grep -q "ferretdb.sh serve"; then
    echo "Another FerretDB (process $other) already serves $dir; stop it first." >&2
    exit 4
  fi
  echo $$ > "$pidfile"
  "$binary" --handler=sqlite --sqlite-url="file:$dir/" --listen-addr="127.0.0.1:$port" \
    --debug-addr=127.0.0.1:0 --state-dir="$dir" --telemetry=disable --log-level=warn \
    >>"$dir/ferretdb.log" 2>&1 &
  local child=$!
  stop() {
    kill -TERM "$child" 2>/dev/null || true
    local status=0
    wait "$child" || status=$?
    rm -f "$pidfile"
    exit "$status"
  }
  trap stop TERM INT
  # Not `exec`: a parent killed outright (SIGKILL) cannot stop FerretDB, so this shell does.
  while kill -0 "$child" 2>/dev/null && kill -0 "$parent" 2>/dev/null; do
    sleep 1 &
    wait $! || true
  done
  stop
}

case "${1:-}" in
  build)
    build
    echo "$binary"
    ;;
  serve)
    if [ $# -ne 3 ]; then echo "usage: $0 serve DIR PORT" >&2; exit 2; fi
    serve "$2" "$3"
    ;;
  *)
    echo "usage: $0 build | serve DIR PORT" >&2
    exit 2
    ;;
esac
