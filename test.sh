#!/usr/bin/env bash
# The one command that runs every test: ./test.sh [extra dotnet test args, e.g. --filter Name~Push]
#
# - installs the tools the tests drive (skopeo, podman, aws, chromium, ...) via apt if missing (root only);
# - starts a throwaway PostgreSQL cluster on a free port and exports GALLERY_TEST_POSTGRES
#   (skipped if GALLERY_TEST_POSTGRES is already set);
# - starts a throwaway Ceph RADOS Gateway (tests/ceph/start-rgw.sh) and exports GALLERY_TEST_S3
#   (skipped if GALLERY_TEST_S3 is already set);
# - runs `dotnet test Gallery.sln -c Release`, writing TRX files under ./TestResults;
# - prints one final line: "N passed, N failed[, N skipped]".
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$REPO"

log() { printf '==> %s\n' "$*" >&2; }

# ---------------------------------------------------------------------------------------------------------------
# 1. Tools. Each entry: apt package, then the cheap check that says it is present.
# ---------------------------------------------------------------------------------------------------------------
pg_bin_dir() {
  # Highest installed PostgreSQL version from the Debian packages (never /usr/local/bin).
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5V | tail -n1 || true)"
  if [[ -n "$d" && -x "$d/initdb" && -x "$d/pg_ctl" ]]; then printf '%s\n' "$d"; fi
}

missing=()
[[ -n "$(pg_bin_dir)" ]]               || missing+=(postgresql)
command -v skopeo >/dev/null 2>&1          || missing+=(skopeo)
command -v podman >/dev/null 2>&1          || missing+=(podman)
command -v buildah >/dev/null 2>&1         || missing+=(buildah)
command -v docker-registry >/dev/null 2>&1 || missing+=(docker-registry)
command -v aws >/dev/null 2>&1             || missing+=(awscli)
command -v docker-compose >/dev/null 2>&1  || missing+=(docker-compose)
command -v chromium >/dev/null 2>&1        || missing+=(chromium)
command -v sqlite3 >/dev/null 2>&1         || missing+=(sqlite3)
command -v wrk >/dev/null 2>&1             || missing+=(wrk)
command -v python3 >/dev/null 2>&1         || missing+=(python3)
command -v ceph-mon >/dev/null 2>&1        || missing+=(ceph-mon)
command -v ceph-osd >/dev/null 2>&1        || missing+=(ceph-osd)
command -v radosgw >/dev/null 2>&1         || missing+=(radosgw)

if ((${#missing[@]})); then
  if [[ "$(id -u)" -ne 0 ]]; then
    echo "test.sh: missing packages: ${missing[*]}" >&2
    echo "test.sh: run as root (or: sudo apt-get install -y ${missing[*]}) and try again." >&2
    exit 1
  fi
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q "${missing[@]}"
fi

if ! command -v dotnet >/dev/null 2>&1 && [[ -x /usr/share/dotnet/dotnet ]]; then
  export PATH="/usr/share/dotnet:$PATH"
fi
command -v dotnet >/dev/null 2>&1 || { echo "test.sh: dotnet not found (install the .NET 10 SDK)" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------------------------
# 2. A throwaway PostgreSQL cluster (unless the caller gave us one).
# ---------------------------------------------------------------------------------------------------------------
PGTMP=""
PGBIN=""
RGWTMP=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n "$RGWTMP" ]]; then
    "$REPO/tests/ceph/stop-rgw.sh" "$RGWTMP" || true
  fi
  if [[ -n "$PGTMP" && -d "$PGTMP" ]]; then
    if [[ -f "$PGTMP/data/postmaster.pid" ]]; then
      (cd "$PGTMP" && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate -w stop >/dev/null 2>&1) || true
    fi
    rm -rf "$PGTMP"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
  python3 - <<'PY'
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

if [[ -n "${GALLERY_TEST_POSTGRES:-}" ]]; then
  log "using PostgreSQL from GALLERY_TEST_POSTGRES"
else
  if [[ "$(id -u)" -ne 0 ]]; then
    echo "test.sh: starting the throwaway PostgreSQL cluster needs root (to run it as the postgres user)," >&2
    echo "test.sh: or set GALLERY_TEST_POSTGRES to an admin connection string of a server you run." >&2
    exit 1
  fi
  PGBIN="$(pg_bin_dir)"
  PGTMP="$(mktemp -d -t gallery-pg.XXXXXX)"
  chown postgres:postgres "$PGTMP"
  chmod 700 "$PGTMP"
  log "starting PostgreSQL ($PGBIN) in $PGTMP"
  (cd "$PGTMP" && runuser -u postgres -- "$PGBIN/initdb" -D "$PGTMP/data" -A trust -U postgres -E UTF8 --no-sync >"$PGTMP/initdb.log" 2>&1) \
    || { cat "$PGTMP/initdb.log" >&2; echo "test.sh: initdb failed" >&2; exit 1; }
  started=""
  for attempt in 1 2 3 4 5; do
    PGPORT="$(free_port)"
    if (cd "$PGTMP" && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/postgres.log" -w -t 60 start \
          -o "-p $PGPORT -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" >/dev/null); then
      started=1
      break
    fi
    log "PostgreSQL did not start on port $PGPORT (attempt $attempt), retrying"
  done
  if [[ -z "$started" ]]; then
    tail -n 30 "$PGTMP/postgres.log" >&2 || true
    echo "test.sh: could not start PostgreSQL" >&2
    exit 1
  fi
  export GALLERY_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres;Pooling=true"
  log "PostgreSQL listening on 127.0.0.1:$PGPORT"
fi

# ---------------------------------------------------------------------------------------------------------------
# 3. A throwaway Ceph RADOS Gateway for the S3 blob store (unless the caller gave us one).
# ---------------------------------------------------------------------------------------------------------------
if [[ -n "${GALLERY_TEST_S3:-}" ]]; then
  log "using the S3 endpoint from GALLERY_TEST_S3"
else
  if [[ "$(id -u)" -ne 0 ]]; then
    echo "test.sh: starting the throwaway Ceph RADOS Gateway needs root (to run its daemons as the ceph user)," >&2
    echo "test.sh: or set GALLERY_TEST_S3 to 'ServiceUrl=...;AccessKeyId=...;SecretAccessKey=...' of a gateway you run." >&2
    exit 1
  fi
  RGWTMP="$(mktemp -d -t gallery-rgw.XXXXXX)"
  log "starting Ceph RADOS Gateway in $RGWTMP"
  GALLERY_TEST_S3="$("$REPO/tests/ceph/start-rgw.sh" "$RGWTMP")" || { echo "test.sh: could not start the Ceph RADOS Gateway" >&2; exit 1; }
  export GALLERY_TEST_S3
  log "RADOS Gateway: ${GALLERY_TEST_S3%%;*}"
fi

# ---------------------------------------------------------------------------------------------------------------
# 4. The tests.
# ---------------------------------------------------------------------------------------------------------------
RESULTS="$REPO/TestResults"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

export DOTNET_CLI_TELEMETRY_OPTOUT="${DOTNET_CLI_TELEMETRY_OPTOUT:-1}"
export DOTNET_NOLOGO="${DOTNET_NOLOGO:-1}"

# One TRX file per test project. Not `trx;LogFileName=results.trx`: every project would write that same file and
# overwrite the others' results. The default names carry a timestamp and get a [n] suffix when they would collide.
test_rc=0
dotnet test "$REPO/Gallery.sln" -c Release \
  --logger trx \
  --results-directory "$RESULTS" \
  "$@" || test_rc=$?

# ---------------------------------------------------------------------------------------------------------------
# 5. One summary line from every TRX file.
# ---------------------------------------------------------------------------------------------------------------
summary="$(python3 - "$RESULTS" <<'PY'
import glob, os, sys
import xml.etree.ElementTree as ET

passed = failed = skipped = 0
for path in sorted(glob.glob(os.path.join(sys.argv[1], "**", "*.trx"), recursive=True)):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        print(f"test.sh: cannot parse {path}: {e}", file=sys.stderr)
        failed += 1
        continue
    tag = lambda e: e.tag.rsplit("}", 1)[-1]
    summary = next((e for e in root.iter() if tag(e) == "ResultSummary"), None)
    if summary is not None and summary.get("outcome") in ("Failed", "Error", "Aborted", "Timeout"):
        # A run can fail with no failing test (test host crashed, assembly not loadable): say why.
        for text in (e for e in summary.iter() if tag(e) == "Text"):
            lines = [l.strip() for l in (text.text or "").splitlines() if l.strip()][:4]
            if lines:
                print(f"test.sh: {os.path.basename(path)}: run {summary.get('outcome').lower()}: {' '.join(lines)}", file=sys.stderr)
    for c in root.iter():
        if tag(c) != "Counters":
            continue
        n = lambda k: int(c.get(k, "0") or 0)
        total, executed = n("total"), n("executed")
        passed += n("passed")
        failed += n("failed") + n("error") + n("timeout") + n("aborted")
        skipped += max(total - executed, n("notExecuted"), 0) if "executed" in c.attrib else n("notExecuted")
line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
PY
)"

echo "$summary"
read -r n_passed _ n_failed _ <<<"${summary//,/}"
if ((test_rc != 0 || n_failed > 0 || n_passed == 0)); then
  ((test_rc != 0)) || test_rc=1
  exit "$test_rc"
fi
