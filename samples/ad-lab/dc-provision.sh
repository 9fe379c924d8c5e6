#!/usr/bin/env bash
# Provisions a throwaway Samba AD domain controller into $AD_LAB_DIR (nothing under /etc, /var or /run is written),
# with a test CA and a server certificate for $AD_LAB_IP (Samba's own has no subjectAltName), and a lockout policy of
# 3 bad passwords. Needs root (samba-tool). Usage: dc-provision.sh  (settings: dc-common.sh)
set -euo pipefail
source "$(dirname "$0")/dc-common.sh"
D="$AD_LAB_DIR"
rm -rf "$D"
mkdir -p "$D/run" "$D/log" "$D/pki"
: > "$D/base.conf" # an empty base config: samba-tool would otherwise merge /etc/samba/smb.conf into the new one

# The test CA and the DC's certificate (LDAPS on 636 and StartTLS on 389).
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$D/pki/ca.key" -out "$D/pki/ca.pem" -days 3650 -subj '/CN=ad-lab test CA' 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout "$D/pki/server.key" -out "$D/pki/server.csr" -subj '/CN=localhost' 2>/dev/null
printf 'subjectAltName=IP:%s,DNS:localhost,DNS:dc1.%s\nextendedKeyUsage=serverAuth\n' "$AD_LAB_IP" "$AD_LAB_SUFFIX" > "$D/pki/ext.cnf"
openssl x509 -req -in "$D/pki/server.csr" -CA "$D/pki/ca.pem" -CAkey "$D/pki/ca.key" -CAcreateserial \
  -out "$D/pki/server.pem" -days 3650 -extfile "$D/pki/ext.cnf" 2>/dev/null
chmod 600 "$D/pki/server.key" "$D/pki/ca.key"

samba-tool domain provision -s "$D/base.conf" \
  --realm="$AD_LAB_REALM" --domain="$AD_LAB_DOMAIN" --server-role=dc --dns-backend=NONE --use-rfc2307 \
  --adminpass="$AD_LAB_ADMINPASS" --host-name=dc1 --host-ip="$AD_LAB_IP" --targetdir="$D" \
  --option="interfaces=$AD_LAB_IP" --option="bind interfaces only=yes" --option="server services=ldap" \
  --option="pid directory=$D/run" --option="ncalrpc dir=$D/run/ncalrpc" \
  --option="winbindd socket directory=$D/run/winbindd" --option="ntp signd socket directory=$D/run/ntp_signd" \
  --option="usershare path=$D/usershares" --option="log file=$D/log/samba.log" --option="log level=1" > "$D/log/provision.log" 2>&1
# samba-tool drops "ldap server require strong auth" given as --option: plain-LDAP simple binds need it in smb.conf.
sed -i "s|^\[global\]$|[global]\n\tldap server require strong auth = no\n\ttls enabled = yes\n\ttls certfile = $D/pki/server.pem\n\ttls keyfile = $D/pki/server.key\n\ttls cafile = $D/pki/ca.pem|" "$D/etc/smb.conf"
samba-tool domain passwordsettings set -s "$D/etc/smb.conf" --account-lockout-threshold=3 \
  --account-lockout-duration=30 --reset-account-lockout-after=30 --complexity=off >> "$D/log/provision.log" 2>&1
echo "provisioned $AD_LAB_REALM in $D (CA: $D/pki/ca.pem)"
