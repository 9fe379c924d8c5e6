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

# shellcheck source=lab-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lab-common.sh"

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

step "Guardrails: enable SCPs and attach a deny-list SCP to an OU" \
     "The root lists SERVICE_CONTROL_POLICY as ENABLED; the OU holds FullAWSAccess (attached by AWS) and the deny-list SCP."
as "$MANAGEMENT" organizations list-roots; ok
ROOT="$(field "['Roots'][0]['Id']")"
as "$MANAGEMENT" organizations enable-policy-type --root-id "$ROOT" --policy-type SERVICE_CONTROL_POLICY; ok
[ "$(field "['Root']['PolicyTypes'][0]['Status']")" = ENABLED ] || fail "SCPs should be enabled in the root"
as "$MANAGEMENT" organizations create-organizational-unit --parent-id "$ROOT" --name Sandbox; ok
OU="$(field "['OrganizationalUnit']['Id']")"
DENY='{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":["organizations:LeaveOrganization","iam:CreateUser"],"Resource":"*"}]}'
as "$MANAGEMENT" organizations create-policy --name DenyLeaveAndUsers --type SERVICE_CONTROL_POLICY \
   --description "Deny list for the sandbox" --content "$DENY"; ok
POLICY="$(field "['Policy']['PolicySummary']['Id']")"
as "$MANAGEMENT" organizations attach-policy --policy-id "$POLICY" --target-id "$OU"; ok
as "$MANAGEMENT" organizations list-policies-for-target --target-id "$OU" --filter SERVICE_CONTROL_POLICY; ok
[ "$(field "[\"Policies\"][1][\"Name\"]")" = DenyLeaveAndUsers ] || fail "the OU should hold the deny-list SCP"

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
