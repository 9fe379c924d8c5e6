#!/usr/bin/env bash
# Starts the provisioned DC in the background (single process, not daemonised) and waits until LDAP answers.
# Usage: dc-start.sh  (settings: dc-common.sh); the PID goes to $AD_LAB_DIR/run/samba.pid, logs to $AD_LAB_DIR/log.
set -euo pipefail
source "$(dirname "$0")/dc-common.sh"
D="$AD_LAB_DIR"
setsid samba -s "$D/etc/smb.conf" -l "$D/log" --foreground --no-process-group -M single > "$D/log/stdout.log" 2>&1 < /dev/null &
pid=$!
echo "$pid" > "$D/run/samba.pid"
for _ in $(seq 1 600); do
  # Ready means both listeners answer: plain/StartTLS on 389 and LDAPS on 636 (636 can come up a moment later).
  if ldapsearch -x -LLL -H "ldap://$AD_LAB_IP" -s base -b '' defaultNamingContext > /dev/null 2>&1 \
     && LDAPTLS_CACERT="$D/pki/ca.pem" ldapsearch -x -LLL -H "ldaps://$AD_LAB_IP" -s base -b '' defaultNamingContext > /dev/null 2>&1; then
    echo "samba pid $pid: LDAP ready on $AD_LAB_IP (389 StartTLS, 636 LDAPS)"; exit 0
  fi
  kill -0 "$pid" 2>/dev/null || { echo "samba exited early:" >&2; tail -30 "$D/log/samba.log" "$D/log/stdout.log" >&2; exit 1; }
  sleep 0.1
done
echo "samba not ready after 60 s" >&2; exit 1
