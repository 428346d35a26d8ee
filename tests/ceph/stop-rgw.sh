#!/usr/bin/env bash
# Stops what start-rgw.sh started in DIR, gateway first (it hangs on an OSD that went away), and removes DIR.
set -uo pipefail

DIR="${1:?usage: stop-rgw.sh DIR}"
[[ -d "$DIR" ]] || exit 0

stop_daemon() { # pid file
  local pidfile="$1" pid
  [[ -f "$pidfile" ]] || return 0
  pid="$(cat "$pidfile")"
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}

stop_daemon "$DIR/run/client.rgw.gw.pid"
stop_daemon "$DIR/run/osd.0.pid"
stop_daemon "$DIR/run/mon.a.pid"
rm -rf "$DIR"
