#!/usr/bin/env bash
# Stops the DC started by dc-start.sh (SIGTERM, then SIGKILL after 10 s). Usage: dc-stop.sh  (settings: dc-common.sh)
source "$(dirname "$0")/dc-common.sh"
pid=$(cat "$AD_LAB_DIR/run/samba.pid" 2>/dev/null) || exit 0
kill -TERM "$pid" 2>/dev/null || exit 0
for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || { echo "samba $pid stopped"; exit 0; }; sleep 0.1; done
kill -KILL "$pid"; echo "samba $pid killed"
