#!/usr/bin/env bash
# Seeds the running DC over LDAPS as Administrator (one ldapadd): service accounts, users and groups.
#   svc-aws    service account for ds ConnectDirectory (an AD Connector)      Svc!Pass12345
#   Admin      the admin AWS Managed Microsoft AD creates (CreateMicrosoftAD)  Admin!Pass123
#   alice bob  Developers                                                     Alice!Pass123  Bob!Pass12345
#   carol      Engineering (Developers is nested in Engineering)              Carol!Pass123
#   dan        Developers, disabled (userAccountControl 514)                  Dan!Pass12345
#   erin       Developers, must change her password (pwdLastSet 0)            Erin!Pass1234
#   frank gina hank  Developers (lockout, removal and disable scenarios)     Frank!Pass123  Gina!Pass1234  Hank!Pass1234
#   ivan       Contractors (outside a sync scope of Engineering)              Ivan!Pass1234
# Usage: dc-seed.sh  (settings: dc-common.sh)
set -euo pipefail
source "$(dirname "$0")/dc-common.sh"
export LDAPTLS_CACERT="$AD_LAB_DIR/pki/ca.pem"
B="$AD_LAB_BASE"
pw() { printf '"%s"' "$1" | iconv -f utf-8 -t utf-16le | base64 -w0; }
user() { # sam given surname password [userAccountControl] [pwdLastSet]
  printf 'dn: CN=%s %s,CN=Users,%s\nobjectClass: user\nsAMAccountName: %s\nuserPrincipalName: %s@%s\n' "$2" "$3" "$B" "$1" "$1" "$AD_LAB_SUFFIX"
  printf 'givenName: %s\nsn: %s\ndisplayName: %s %s\nmail: %s@%s\nunicodePwd:: %s\nuserAccountControl: %s\n' \
    "$2" "$3" "$2" "$3" "$1" "$AD_LAB_SUFFIX" "$(pw "$4")" "${5:-66048}"
  [ -z "${6:-}" ] || printf 'pwdLastSet: %s\n' "$6"
  echo
}
group() { # name description members...
  printf 'dn: CN=%s,CN=Users,%s\nobjectClass: group\nsAMAccountName: %s\ndescription: %s\n' "$1" "$B" "$1" "$2"
  shift 2; for m in "$@"; do printf 'member: %s,CN=Users,%s\n' "$m" "$B"; done; echo
}
{
  user svc-aws Service Account 'Svc!Pass12345'
  user Admin Directory Admin 'Admin!Pass123'
  user alice Alice Liddell 'Alice!Pass123'
  user bob Bob Builder 'Bob!Pass12345'
  user carol Carol Cole 'Carol!Pass123'
  user dan Dan Dare 'Dan!Pass12345' 66050
  user erin Erin Brockovich 'Erin!Pass1234' 512 0
  user frank Frank Castle 'Frank!Pass123'
  user gina Gina Torres 'Gina!Pass1234'
  user hank Hank Hill 'Hank!Pass1234'
  user ivan Ivan Drago 'Ivan!Pass1234'
  group Developers 'Dev team' 'CN=Alice Liddell' 'CN=Bob Builder' 'CN=Dan Dare' 'CN=Erin Brockovich' 'CN=Frank Castle' 'CN=Gina Torres' 'CN=Hank Hill'
  group Engineering 'Everyone in engineering' 'CN=Developers' 'CN=Carol Cole'
  group Contractors 'Outside staff' 'CN=Ivan Drago'
} | ldapadd -x -H "ldaps://$AD_LAB_IP" -D "Administrator@$AD_LAB_SUFFIX" -w "$AD_LAB_ADMINPASS" > /dev/null
echo "seeded 11 users and 3 groups into $B"
