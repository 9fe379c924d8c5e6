#!/usr/bin/env bash
# SSO lab: sign in to IAM Identity Center the way people do — continues the trusted-access lab
# (samples/trusted-access-lab.sh) with the user side: enable Identity Center, create a user, a permission set and an
# assignment with `aws sso-admin` / `aws identitystore`, then the device sign-in (what `aws sso login` does), the portal
# API, role credentials, and what happens while trusted access is off. Start an emulator first, e.g.:
#   dotnet run --project emulator/Emulator -- --port 4599 --in-memory
# then:  bash samples/sso-lab.sh        (ENDPOINT=http://127.0.0.1:4599 by default)
# Works on a fresh emulator or after the trusted-access lab (it reuses the organization of the management account);
# run it once per emulator state (`curl -X POST $ENDPOINT/_emulator/reset` starts over).
# Every step checks its result and the lab stops with a non-zero exit code at the first surprise.
set -uo pipefail

ENDPOINT="${ENDPOINT:-http://127.0.0.1:4599}"
MANAGEMENT="${MANAGEMENT_ACCOUNT:-111111111111}"
SSO=sso.amazonaws.com
LAB_USER="${LAB_USER:-alice}"
LAB_PASSWORD="${LAB_PASSWORD:-Lab-Password-1}"
PS_NAME=AdministratorAccess

# shellcheck source=lab-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lab-common.sh"

# with_credentials KEY SECRET TOKEN aws-args... : the CLI with temporary credentials (from the portal).
with_credentials() {
  local key="$1" secret="$2" token="$3"; shift 3
  printf '   $ AWS_ACCESS_KEY_ID=%s… aws %s\n' "${key:0:8}" "$*"
  OUT="$(AWS_ACCESS_KEY_ID="$key" AWS_SECRET_ACCESS_KEY="$secret" AWS_SESSION_TOKEN="$token" aws "$@" --endpoint-url "$ENDPOINT" --output json 2>"$LAB_DIR/err")"; RC=$?
  ERR="$(cat "$LAB_DIR/err")"
  show
}
echo "SSO lab against $ENDPOINT (management account $MANAGEMENT)"

step "An organization with all features (reused when the trusted-access lab already made one)" \
     "Organization.FeatureSet is ALL and MasterAccountId is $MANAGEMENT."
as "$MANAGEMENT" organizations describe-organization
if [ "$RC" -ne 0 ]; then as "$MANAGEMENT" organizations create-organization --feature-set ALL; ok; fi
[ "$(field "['Organization']['MasterAccountId']")" = "$MANAGEMENT" ] || fail "$MANAGEMENT should manage the organization"

step "A member account for the developers" \
     "CreateAccount answers IN_PROGRESS; DescribeCreateAccountStatus then names the AccountId."
as "$MANAGEMENT" organizations create-account --email "sso-lab-$RANDOM$RANDOM@example.com" --account-name sso-lab; ok
REQUEST="$(field "['CreateAccountStatus']['Id']")"
for _ in $(seq 1 20); do
  as "$MANAGEMENT" organizations describe-create-account-status --create-account-request-id "$REQUEST"; ok
  [ "$(field "['CreateAccountStatus']['State']")" = IN_PROGRESS ] || break
  sleep 0.5
done
[ "$(field "['CreateAccountStatus']['State']")" = SUCCEEDED ] || fail "the account should be created"
MEMBER="$(field "['CreateAccountStatus']['AccountId']")"
echo "   Member account: $MEMBER"

step "Enable IAM Identity Center (the console's Enable button; the emulator's control plane)" \
     "It turns on trusted access for $SSO and answers the instance ARN, the identity store and the portal's start URL."
control POST /_emulator/sso/setup "{\"accountId\": \"$MANAGEMENT\"}"; ok
INSTANCE_ARN="$(field "['instanceArn']")"
STORE="$(field "['identityStoreId']")"
START_URL="$(field "['startUrl']")"      # AWS's form, https://d-….awsapps.com/start
PORTAL_URL="$(field "['portalUrl']")"    # where this emulator serves the portal page
as "$MANAGEMENT" organizations list-aws-service-access-for-organization; ok
grep -q "$SSO" <<<"$OUT" || fail "$SSO should have trusted access"

step "Create a user in the identity store" \
     "identitystore create-user answers the UserId; the control plane then gives the user a password (the console's invitation email)."
as "$MANAGEMENT" identitystore create-user --identity-store-id "$STORE" --user-name "$LAB_USER" --display-name "Alice Lab" \
   --name "GivenName=Alice,FamilyName=Lab" --emails "Value=$LAB_USER@example.com,Type=work,Primary=true"
[ "$RC" -ne 0 ] && grep -q ConflictException <<<"$ERR" && fail "$LAB_USER already exists: the lab already ran here (POST /_emulator/reset to start over)"
ok
USER_ID="$(field "['UserId']")"
control POST /_emulator/sso/users "{\"identityStoreId\": \"$STORE\", \"userName\": \"$LAB_USER\", \"password\": \"$LAB_PASSWORD\"}"; ok
[ "$(field "['userId']")" = "$USER_ID" ] || fail "the control plane should set the password of the same user"

step "Create a permission set and give it AdministratorAccess" \
     "A PermissionSetArn under $INSTANCE_ARN, SessionDuration PT2H."
as "$MANAGEMENT" sso-admin create-permission-set --instance-arn "$INSTANCE_ARN" --name "$PS_NAME" --session-duration PT2H; ok
PS_ARN="$(field "['PermissionSet']['PermissionSetArn']")"
as "$MANAGEMENT" sso-admin attach-managed-policy-to-permission-set --instance-arn "$INSTANCE_ARN" --permission-set-arn "$PS_ARN" \
   --managed-policy-arn arn:aws:iam::aws:policy/AdministratorAccess; ok

step "Assign the user to the member account with that permission set" \
     "The request is asynchronous: poll its status until SUCCEEDED."
as "$MANAGEMENT" sso-admin create-account-assignment --instance-arn "$INSTANCE_ARN" --target-id "$MEMBER" --target-type AWS_ACCOUNT \
   --permission-set-arn "$PS_ARN" --principal-type USER --principal-id "$USER_ID"; ok
ASSIGNMENT_REQUEST="$(field "['AccountAssignmentCreationStatus']['RequestId']")"
for _ in $(seq 1 20); do
  as "$MANAGEMENT" sso-admin describe-account-assignment-creation-status --instance-arn "$INSTANCE_ARN" \
     --account-assignment-creation-request-id "$ASSIGNMENT_REQUEST"; ok
  [ "$(field "['AccountAssignmentCreationStatus']['Status']")" = IN_PROGRESS ] || break
  sleep 0.5
done
[ "$(field "['AccountAssignmentCreationStatus']['Status']")" = SUCCEEDED ] || fail "the assignment should succeed"

step "Identity Center created a reserved role for the permission set in the member account" \
     "AWSReservedSSO_${PS_NAME}_<16 hex> under /aws-reserved/sso.amazonaws.com/ — and customers cannot delete it."
as "$MEMBER" iam list-roles --path-prefix /aws-reserved/sso.amazonaws.com/; ok
RESERVED="$(field "['Roles'][0]['RoleName']")"
[[ "$RESERVED" =~ ^AWSReservedSSO_${PS_NAME}_[0-9a-f]{16}$ ]] || fail "unexpected reserved role name $RESERVED"
as "$MEMBER" iam delete-role --role-name "$RESERVED"; refused UnmodifiableEntity

step "Sign in from a terminal, part 1: register a client and start a device authorization (what 'aws sso login' does)" \
     "A user code XXXX-XXXX and a verification URL on the emulator's portal (/start/device)."
unsigned sso-oidc register-client --client-name sso-lab --client-type public; ok
CLIENT_ID="$(field "['clientId']")"; CLIENT_SECRET="$(field "['clientSecret']")"
unsigned sso-oidc start-device-authorization --client-id "$CLIENT_ID" --client-secret "$CLIENT_SECRET" --start-url "$START_URL"; ok
DEVICE_CODE="$(field "['deviceCode']")"; USER_CODE="$(field "['userCode']")"
VERIFY_URL="$(field "['verificationUriComplete']")"
echo "   Open $VERIFY_URL in a browser to approve it yourself; the lab approves it through the control plane."

step "Poll for the token before anyone approved" \
     "AuthorizationPendingException: the client keeps polling every 'interval' seconds."
unsigned sso-oidc create-token --client-id "$CLIENT_ID" --client-secret "$CLIENT_SECRET" \
   --grant-type urn:ietf:params:oauth:grant-type:device_code --device-code "$DEVICE_CODE"
refused AuthorizationPendingException

step "Approve the code as $LAB_USER (what the portal's 'Allow access' button does)" \
     "status approved; a wrong password would be 401 and leave the code pending."
control POST /_emulator/sso/device/approve "{\"userCode\": \"$USER_CODE\", \"userName\": \"$LAB_USER\", \"password\": \"$LAB_PASSWORD\"}"; ok
sleep 1

step "Poll again: the access token" \
     "tokenType Bearer, expiresIn 28800 (8 hours), and a refreshToken."
unsigned sso-oidc create-token --client-id "$CLIENT_ID" --client-secret "$CLIENT_SECRET" \
   --grant-type urn:ietf:params:oauth:grant-type:device_code --device-code "$DEVICE_CODE"; ok
TOKEN="$(field "['accessToken']")"

step "The portal API with the token: accounts and roles" \
     "The member account, and the role named after the permission set ($PS_NAME), not after the IAM role."
unsigned sso list-accounts --access-token "$TOKEN"; ok
grep -q "$MEMBER" <<<"$OUT" || fail "the member account should be listed"
unsigned sso list-account-roles --access-token "$TOKEN" --account-id "$MEMBER"; ok
[ "$(field "['roleList'][0]['roleName']")" = "$PS_NAME" ] || fail "the role should be $PS_NAME"

step "Role credentials, and who they make you" \
     "ASIA… keys expiring in 2 hours (epoch milliseconds); GetCallerIdentity says assumed-role/$RESERVED/$LAB_USER."
unsigned sso get-role-credentials --access-token "$TOKEN" --account-id "$MEMBER" --role-name "$PS_NAME"; ok
KEY="$(field "['roleCredentials']['accessKeyId']")"
SECRET="$(field "['roleCredentials']['secretAccessKey']")"
SESSION="$(field "['roleCredentials']['sessionToken']")"
with_credentials "$KEY" "$SECRET" "$SESSION" sts get-caller-identity; ok
[ "$(field "['Arn']")" = "arn:aws:sts::$MEMBER:assumed-role/$RESERVED/$LAB_USER" ] || fail "unexpected caller ARN"

step "Turn trusted access for Identity Center off" \
     "The portal refuses with ForbiddenException (No access); nothing is deleted. The portal page says Identity Center is unavailable: $PORTAL_URL"
as "$MANAGEMENT" organizations disable-aws-service-access --service-principal "$SSO"; ok
unsigned sso get-role-credentials --access-token "$TOKEN" --account-id "$MEMBER" --role-name "$PS_NAME"; refused ForbiddenException
as "$MEMBER" iam get-role --role-name "$RESERVED"; ok

step "Turn it back on: the same user reaches the same role with no reconfiguration" \
     "get-role-credentials works again with the same token."
as "$MANAGEMENT" organizations enable-aws-service-access --service-principal "$SSO"; ok
unsigned sso get-role-credentials --access-token "$TOKEN" --account-id "$MEMBER" --role-name "$PS_NAME"; ok

step "Sign out" \
     "Logout invalidates the token: the next portal call is UnauthorizedException (credentials already issued keep working)."
if [ "$CLI_MAJOR" = 1 ]; then
  unsigned sso logout --access-token "$TOKEN"; ok
else
  # CLI v2 has no --access-token: `aws sso logout` signs out every token in the SSO cache (~/.aws/sso/cache), and reaches the
  # portal through AWS_DATA_PATH (it takes no --endpoint-url). Put the token there as `aws sso login` would have.
  control GET /_emulator/aws-data-path; ok
  python3 - "$LAB_DIR" "$TOKEN" "$OUT" <<'PY'
import json, os, sys
lab, token, answer = sys.argv[1], sys.argv[2], sys.argv[3]
for path, content in json.loads(answer)["files"].items():
    os.makedirs(os.path.dirname(os.path.join(lab, "data", path)), exist_ok=True)
    open(os.path.join(lab, "data", path), "w").write(content)
os.makedirs(os.path.join(lab, "home", ".aws", "sso", "cache"), exist_ok=True)
json.dump({"startUrl": "lab", "region": "us-east-1", "accessToken": token, "expiresAt": "2099-01-01T00:00:00Z"},
          open(os.path.join(lab, "home", ".aws", "sso", "cache", "lab.json"), "w"))
PY
  printf '   $ AWS_DATA_PATH=%s aws sso logout\n' "$LAB_DIR/data"
  OUT="$(HOME="$LAB_DIR/home" AWS_DATA_PATH="$LAB_DIR/data" aws sso logout 2>"$LAB_DIR/err")"; RC=$?
  ERR="$(cat "$LAB_DIR/err")"
  show; ok
  [ ! -e "$LAB_DIR/home/.aws/sso/cache/lab.json" ] || fail "aws sso logout should remove the cached token"
fi
unsigned sso list-accounts --access-token "$TOKEN"; refused UnauthorizedException

printf '\nLab complete. Sign in to the portal yourself: %s  (user %s, password %s)\n' "$PORTAL_URL" "$LAB_USER" "$LAB_PASSWORD"
