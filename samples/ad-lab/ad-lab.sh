#!/usr/bin/env bash
# AD lab: Active Directory as IAM Identity Center's identity source, against a real (throwaway) Samba AD domain
# controller. Connect the directory with AWS Directory Service (an AD Connector), make it the identity source, assign
# a permission set to an AD group, sign in as a directory user in the portal and through the device flow of
# `aws sso login`, then disable the user in AD and watch sign-in fail.
#
#   sudo bash samples/ad-lab/dc-provision.sh && sudo bash samples/ad-lab/dc-start.sh && sudo bash samples/ad-lab/dc-seed.sh
#   dotnet run --project emulator/Emulator -- --port 4599 --in-memory --ad-ca /tmp/ad-lab/pki/ca.pem   # LDAPS with the lab's CA
#   bash samples/ad-lab/ad-lab.sh        (ENDPOINT=http://127.0.0.1:4599 by default; AD_LAB_DIR=/tmp/ad-lab)
#   sudo bash samples/ad-lab/dc-stop.sh  (when done)
# Run it once per emulator state (`curl -X POST $ENDPOINT/_emulator/reset` starts over). Every step checks its result and
# the lab stops with a non-zero exit code at the first surprise.
set -uo pipefail

ENDPOINT="${ENDPOINT:-http://127.0.0.1:4599}"
MANAGEMENT="${MANAGEMENT_ACCOUNT:-111111111111}"
HERE="$(dirname "${BASH_SOURCE[0]}")"
# shellcheck source=dc-common.sh
source "$HERE/dc-common.sh"
# shellcheck source=../lab-common.sh
source "$HERE/../lab-common.sh"
LAB_USER="alice@$AD_LAB_SUFFIX"
LAB_PASSWORD='Alice!Pass123'

# portal_sign_in USER PASSWORD : the portal's sign-in form, as a browser submits it (CSRF cookie + hidden field).
portal_sign_in() {
  printf '   $ (browser) sign in at %s as %s\n' "$PORTAL_URL" "$1"
  OUT="$(python3 - "$PORTAL_URL" "$1" "$2" <<'PY'
import html, http.cookiejar, re, sys, urllib.parse, urllib.request, urllib.error
url, user, password = sys.argv[1:]
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
page = opener.open(url).read().decode()
csrf = re.search(r'name="csrf" value="([^"]*)"', page).group(1)
form = urllib.parse.urlencode({"csrf": csrf, "username": user, "password": password}).encode()
try: page = opener.open(url + "/signin", form).read().decode()
except urllib.error.HTTPError as error: page = error.read().decode()
found = re.search(r'id="(signed-in-as|error)"[^>]*>([^<]*)<', page)
print(html.unescape(found.group(2)) if found else page[:300])
PY
)"; RC=$?
  ERR=""
  show
}

echo "AD lab against $ENDPOINT (management account $MANAGEMENT, directory $AD_LAB_REALM at $AD_LAB_IP)"

step "The domain controller answers LDAP on $AD_LAB_IP" \
     "The rootDSE's defaultNamingContext: $AD_LAB_BASE. (If not: run dc-provision.sh, dc-start.sh and dc-seed.sh as root.)"
OUT="$(ldapsearch -x -LLL -H "ldap://$AD_LAB_IP" -s base -b '' defaultNamingContext 2>&1)"; RC=$?; ERR=""; show; ok

step "An organization with all features, a member account and IAM Identity Center enabled" \
     "The instance ARN and identity store id; the portal URL to open in a browser."
as "$MANAGEMENT" organizations describe-organization
if [ "$RC" -ne 0 ]; then as "$MANAGEMENT" organizations create-organization --feature-set ALL; ok; fi
as "$MANAGEMENT" organizations list-accounts; ok
MEMBER="$(python3 -c "import json,sys; ids=[a['Id'] for a in json.load(sys.stdin)['Accounts'] if a['Id'] != '$MANAGEMENT']; print(ids[0] if ids else '')" <<<"$OUT")"
if [ -z "$MEMBER" ]; then
  as "$MANAGEMENT" organizations create-account --account-name "AD lab" --email "ad-lab@example.com"; ok
  as "$MANAGEMENT" organizations describe-create-account-status --create-account-request-id "$(field "['CreateAccountStatus']['Id']")"; ok
  MEMBER="$(field "['CreateAccountStatus']['AccountId']")"
fi
control POST /_emulator/sso/setup "{\"accountId\": \"$MANAGEMENT\"}"; ok
INSTANCE_ARN="$(field "['instanceArn']")"; STORE="$(field "['identityStoreId']")"
START_URL="$(field "['startUrl']")"; PORTAL_URL="$(field "['portalUrl']")"

step "Connect the directory: ds connect-directory (an AD Connector with the service account svc-aws)" \
     "A directory id d-<10 hex>; describe-directories shows the Stage going Requested → Creating → Active."
as "$MANAGEMENT" ds connect-directory --name "$AD_LAB_SUFFIX" --short-name "$AD_LAB_DOMAIN" --password 'Svc!Pass12345' --size Small \
   --connect-settings "VpcId=vpc-0123456789abcdef0,SubnetIds=subnet-01234567,subnet-89abcdef,CustomerDnsIps=$AD_LAB_IP,CustomerUserName=svc-aws"; ok
DIRECTORY="$(field "['DirectoryId']")"
for _ in $(seq 1 60); do
  as "$MANAGEMENT" ds describe-directories --directory-ids "$DIRECTORY"; ok
  STAGE="$(field "['DirectoryDescriptions'][0]['Stage']")"
  [ "$STAGE" = Requested ] || [ "$STAGE" = Creating ] || break
  sleep 0.5
done
[ "$STAGE" = Active ] || fail "the directory should be Active (StageReason tells why not)"

step "Make it the identity source (the console's 'Change identity source')" \
     "The users and groups of the directory are synchronised at once: counts of users, groups and memberships."
control POST /_emulator/sso/identity-source "{\"instanceArn\": \"$INSTANCE_ARN\", \"directoryId\": \"$DIRECTORY\"}"; ok

step "identitystore answers for the directory's users and groups" \
     "alice@$AD_LAB_SUFFIX with ExternalIds (Issuer = the directory's ARN, Id = her objectGUID); the group Developers."
as "$MANAGEMENT" identitystore get-user-id --identity-store-id "$STORE" \
   --alternate-identifier "{\"UniqueAttribute\": {\"AttributePath\": \"userName\", \"AttributeValue\": \"$LAB_USER\"}}"; ok
as "$MANAGEMENT" identitystore describe-user --identity-store-id "$STORE" --user-id "$(field "['UserId']")"; ok
as "$MANAGEMENT" identitystore get-group-id --identity-store-id "$STORE" \
   --alternate-identifier '{"UniqueAttribute": {"AttributePath": "displayName", "AttributeValue": "Developers"}}'; ok
GROUP_ID="$(field "['GroupId']")"
as "$MANAGEMENT" identitystore create-user --identity-store-id "$STORE" --user-name mallory --display-name Mallory
refused ValidationException

step "Assign a permission set to the AD group Developers in the member account" \
     "The assignment SUCCEEDED; Identity Center provisions AWSReservedSSO_Developer_<16 hex> in $MEMBER."
as "$MANAGEMENT" sso-admin create-permission-set --instance-arn "$INSTANCE_ARN" --name Developer --session-duration PT2H; ok
PS_ARN="$(field "['PermissionSet']['PermissionSetArn']")"
as "$MANAGEMENT" sso-admin create-account-assignment --instance-arn "$INSTANCE_ARN" --target-id "$MEMBER" --target-type AWS_ACCOUNT \
   --permission-set-arn "$PS_ARN" --principal-type GROUP --principal-id "$GROUP_ID"; ok

step "Sign in to the portal as $LAB_USER with her directory password" \
     "Signed in as $LAB_USER (an LDAP bind to the DC checked the password). Open $PORTAL_URL to do it yourself."
portal_sign_in "$LAB_USER" "$LAB_PASSWORD"; ok
grep -q "Signed in as $LAB_USER" <<<"$OUT" || fail "the portal should sign alice in"

step "Sign in from a terminal: the device flow of 'aws sso login', approved as $AD_LAB_DOMAIN\\alice" \
     "A token, and the member account with the role Developer in the portal API."
unsigned sso-oidc register-client --client-name ad-lab --client-type public; ok
CLIENT_ID="$(field "['clientId']")"; CLIENT_SECRET="$(field "['clientSecret']")"
unsigned sso-oidc start-device-authorization --client-id "$CLIENT_ID" --client-secret "$CLIENT_SECRET" --start-url "$START_URL"; ok
DEVICE_CODE="$(field "['deviceCode']")"; USER_CODE="$(field "['userCode']")"
control POST /_emulator/sso/device/approve "{\"userCode\": \"$USER_CODE\", \"userName\": \"$AD_LAB_DOMAIN\\\\alice\", \"password\": \"$LAB_PASSWORD\"}"; ok
unsigned sso-oidc create-token --client-id "$CLIENT_ID" --client-secret "$CLIENT_SECRET" \
   --grant-type urn:ietf:params:oauth:grant-type:device_code --device-code "$DEVICE_CODE"; ok
TOKEN="$(field "['accessToken']")"
unsigned sso list-account-roles --access-token "$TOKEN" --account-id "$MEMBER"; ok
[ "$(field "['roleList'][0]['roleName']")" = Developer ] || fail "the role should be Developer"

step "Disable alice in Active Directory (an administrator sets ACCOUNTDISABLE in userAccountControl)" \
     "ldapmodify succeeds."
printf 'dn: CN=Alice Liddell,CN=Users,%s\nchangetype: modify\nreplace: userAccountControl\nuserAccountControl: 66050\n' "$AD_LAB_BASE" \
  | LDAPTLS_CACERT="$AD_LAB_DIR/pki/ca.pem" ldapmodify -x -H "ldaps://$AD_LAB_IP" -D "Administrator@$AD_LAB_SUFFIX" -w "$AD_LAB_ADMINPASS" >/dev/null
RC=$?; OUT=""; ERR=""; ok

step "Sign-in now fails, in the portal and in the device flow" \
     "'Your account is disabled in the directory' on the page; 401 AccountDisabled from the device approval."
portal_sign_in "$LAB_USER" "$LAB_PASSWORD"
grep -q "disabled" <<<"$OUT" || fail "the portal should say the account is disabled"
unsigned sso-oidc start-device-authorization --client-id "$CLIENT_ID" --client-secret "$CLIENT_SECRET" --start-url "$START_URL"; ok
control POST /_emulator/sso/device/approve "{\"userCode\": \"$(field "['userCode']")\", \"userName\": \"$LAB_USER\", \"password\": \"$LAB_PASSWORD\"}"
[ "$RC" -ne 0 ] && grep -q AccountDisabled <<<"$OUT" || fail "the approval should be refused with AccountDisabled"

step "Enable alice again (so the lab can be rerun against a fresh emulator)" "ldapmodify succeeds."
printf 'dn: CN=Alice Liddell,CN=Users,%s\nchangetype: modify\nreplace: userAccountControl\nuserAccountControl: 66048\n' "$AD_LAB_BASE" \
  | LDAPTLS_CACERT="$AD_LAB_DIR/pki/ca.pem" ldapmodify -x -H "ldaps://$AD_LAB_IP" -D "Administrator@$AD_LAB_SUFFIX" -w "$AD_LAB_ADMINPASS" >/dev/null
RC=$?; OUT=""; ERR=""; ok

printf '\nAD lab complete: every step behaved as described.\n'
