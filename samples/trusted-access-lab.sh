#!/usr/bin/env bash
# Trusted-access lab: integrate IAM Identity Center (SSO) with AWS Organizations, step by step, with the AWS CLI,
# against the emulator. Start one first, e.g.:
#   dotnet run --project emulator/Emulator -- --port 4599 --in-memory
# then:  bash samples/trusted-access-lab.sh        (ENDPOINT=http://127.0.0.1:4599 by default)
# The lab uses a fresh organization: run it against an emulator with no organization for the management key below.
# Every step checks its result and the lab stops with a non-zero exit code at the first surprise.
set -uo pipefail

ENDPOINT="${ENDPOINT:-http://127.0.0.1:4599}"
MANAGEMENT="${MANAGEMENT_ACCOUNT:-111111111111}"
SSO=sso.amazonaws.com
ROLE=AWSServiceRoleForSSO

# Keep the machine's own AWS configuration out of the lab.
LAB_DIR="$(mktemp -d)"
trap 'rm -rf "$LAB_DIR"' EXIT
: > "$LAB_DIR/config"; : > "$LAB_DIR/credentials"
unset AWS_PROFILE AWS_SESSION_TOKEN AWS_DEFAULT_PROFILE
export AWS_CONFIG_FILE="$LAB_DIR/config" AWS_SHARED_CREDENTIALS_FILE="$LAB_DIR/credentials"
export AWS_DEFAULT_REGION=us-east-1 AWS_SECRET_ACCESS_KEY=lab AWS_PAGER="" AWS_MAX_ATTEMPTS=1

command -v aws >/dev/null || { echo "The lab needs the AWS CLI ('aws') on PATH." >&2; exit 2; }
command -v python3 >/dev/null || { echo "The lab needs python3 (to read JSON answers)." >&2; exit 2; }

STEP=0
OUT="" ERR="" RC=0
step() { STEP=$((STEP + 1)); printf '\n== Step %d: %s\n' "$STEP" "$1"; printf '   Look at: %s\n' "$2"; }
fail() { printf '\nUNEXPECTED: %s\n  exit code: %s\n  stdout: %s\n  stderr: %s\n' "$1" "$RC" "$OUT" "$ERR" >&2; exit 1; }

# as KEY aws-args... : runs the CLI as the root user of the account the 12-digit key names.
as() {
  local key="$1"; shift
  printf '   $ AWS_ACCESS_KEY_ID=%s aws %s\n' "$key" "$*"
  OUT="$(AWS_ACCESS_KEY_ID="$key" aws "$@" --endpoint-url "$ENDPOINT" --output json 2>"$LAB_DIR/err")"; RC=$?
  ERR="$(cat "$LAB_DIR/err")"
  [ -n "$OUT" ] && printf '%s\n' "$OUT" | sed 's/^/     /'
  [ -n "$ERR" ] && printf '%s\n' "$ERR" | sed 's/^/     (stderr) /'
  return 0
}
ok() { [ "$RC" -eq 0 ] || fail "expected success"; }
refused() { [ "$RC" -ne 0 ] && grep -q "($1)" <<<"$ERR" || fail "expected the error $1"; }
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval('d' + sys.argv[1]))" "$1" <<<"$OUT"; }

echo "Trusted-access lab against $ENDPOINT (management account $MANAGEMENT)"

step "Who is calling? The emulator reads the account from the access key id" \
     "A 12-digit key is the root user of that account: Arn arn:aws:iam::$MANAGEMENT:root."
as "$MANAGEMENT" sts get-caller-identity; ok
[ "$(field "['Arn']")" = "arn:aws:iam::$MANAGEMENT:root" ] || fail "the key should name the management account's root user"

step "Create an organization with all features (the management account's root user calls it)" \
     "Organization.MasterAccountId is $MANAGEMENT and FeatureSet is ALL."
as "$MANAGEMENT" organizations create-organization --feature-set ALL; ok
[ "$(field "['Organization']['FeatureSet']")" = ALL ] || fail "FeatureSet should be ALL"

step "Create a member account; CreateAccount is asynchronous, so poll its status" \
     "State goes from IN_PROGRESS to SUCCEEDED and names the new AccountId."
as "$MANAGEMENT" organizations create-account --email dev@example.com --account-name dev; ok
REQUEST="$(field "['CreateAccountStatus']['Id']")"
STATE="$(field "['CreateAccountStatus']['State']")"
for _ in $(seq 1 20); do
  [ "$STATE" = IN_PROGRESS ] || break
  sleep 0.5
  as "$MANAGEMENT" organizations describe-create-account-status --create-account-request-id "$REQUEST"; ok
  STATE="$(field "['CreateAccountStatus']['State']")"
done
[ "$STATE" = SUCCEEDED ] || fail "account creation should succeed, state $STATE"
MEMBER="$(field "['CreateAccountStatus']['AccountId']")"
echo "   Member account: $MEMBER"
as "$MEMBER" sts get-caller-identity; ok
[ "$(field "['Account']")" = "$MEMBER" ] || fail "the member's key should name the member account"

step "A member account may not turn on trusted access" \
     "AccessDeniedException: only the management account may call EnableAWSServiceAccess."
as "$MEMBER" organizations enable-aws-service-access --service-principal "$SSO"; refused AccessDeniedException

step "Enable trusted access for IAM Identity Center" \
     "The CLI prints nothing and exits 0: the call has no output."
as "$MANAGEMENT" organizations enable-aws-service-access --service-principal "$SSO"; ok
[ -z "$OUT" ] || fail "enable-aws-service-access should print nothing"

step "List the services with trusted access" \
     "EnabledServicePrincipals holds $SSO with its DateEnabled."
as "$MANAGEMENT" organizations list-aws-service-access-for-organization; ok
[ "$(field "['EnabledServicePrincipals'][0]['ServicePrincipal']")" = "$SSO" ] || fail "$SSO should be listed"

step "Look at Identity Center's service-linked role in the member account (member's credentials)" \
     "Path /aws-service-role/sso.amazonaws.com/ and a trust policy naming the service $SSO."
as "$MEMBER" iam get-role --role-name "$ROLE"; ok
[ "$(field "['Role']['Arn']")" = "arn:aws:iam::$MEMBER:role/aws-service-role/$SSO/$ROLE" ] || fail "unexpected role ARN"

step "Try to delete that role while trusted access is on" \
     "UnmodifiableEntity: the role is protected while Identity Center uses it."
as "$MEMBER" iam delete-role --role-name "$ROLE"; refused UnmodifiableEntity

step "Ask IAM to delete it the service-linked way, then read the task's status" \
     "The call succeeds with a DeletionTaskId, but the task ends FAILED: the service still uses the role."
as "$MEMBER" iam delete-service-linked-role --role-name "$ROLE"; ok
TASK="$(field "['DeletionTaskId']")"
as "$MEMBER" iam get-service-linked-role-deletion-status --deletion-task-id "$TASK"; ok
[ "$(field "['Status']")" = FAILED ] || fail "the deletion task should fail while trusted access is on"

step "Disable trusted access for IAM Identity Center" \
     "No output; the role stays, but the lock is lifted."
as "$MANAGEMENT" organizations disable-aws-service-access --service-principal "$SSO"; ok
as "$MANAGEMENT" organizations list-aws-service-access-for-organization; ok
[ "$(field "['EnabledServicePrincipals']")" = "[]" ] || fail "no service should have trusted access now"
as "$MEMBER" iam get-role --role-name "$ROLE"; ok

step "Turn trusted access back on" \
     "The role is still there and locked again."
as "$MANAGEMENT" organizations enable-aws-service-access --service-principal "$SSO"; ok
as "$MEMBER" iam delete-role --role-name "$ROLE"; refused UnmodifiableEntity

step "Remove the member account from the organization" \
     "No output. Identity Center cleans up its role there; OrganizationAccountAccessRole stays."
as "$MANAGEMENT" organizations remove-account-from-organization --account-id "$MEMBER"; ok
as "$MEMBER" iam get-role --role-name "$ROLE"; refused NoSuchEntity
as "$MEMBER" iam get-role --role-name OrganizationAccountAccessRole; ok

step "The removed account is now standalone" \
     "AWSOrganizationsNotInUseException from DescribeOrganization."
as "$MEMBER" organizations describe-organization; refused AWSOrganizationsNotInUseException

step "The management account can never be removed" \
     "MasterCannotLeaveOrganizationException."
as "$MANAGEMENT" organizations remove-account-from-organization --account-id "$MANAGEMENT"; refused MasterCannotLeaveOrganizationException

printf '\nLab complete: every step behaved as AWS documents.\n'
