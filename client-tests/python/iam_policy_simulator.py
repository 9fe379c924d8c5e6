"""The policy simulator through boto3: SimulatePrincipalPolicy / SimulateCustomPolicy / GetContextKeysFor*Policy, parsed by botocore."""
from common import client, expect_error

iam = client("iam")
ACCOUNT = "111111111111"
POLICY = """{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "Read", "Effect": "Allow", "Action": ["iam:Get*", "iam:List*"], "Resource": "*"},
    {"Effect": "Deny", "Action": "iam:GetUser", "Resource": "*"},
    {"Effect": "Allow", "Action": "iam:DeleteRole", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": "core"}}}
  ]
}"""

custom = iam.simulate_custom_policy(PolicyInputList=[POLICY], ActionNames=["iam:ListRoles", "iam:GetUser", "iam:DeleteRole"])
results = {r["EvalActionName"]: r for r in custom["EvaluationResults"]}
assert results["iam:ListRoles"]["EvalDecision"] == "allowed", results
assert results["iam:GetUser"]["EvalDecision"] == "explicitDeny", results
assert results["iam:DeleteRole"]["EvalDecision"] == "implicitDeny", results
assert results["iam:DeleteRole"]["MissingContextValues"] == ["aws:PrincipalTag/team"], results["iam:DeleteRole"]
matched = results["iam:ListRoles"]["MatchedStatements"][0]
assert matched["SourcePolicyId"] == "PolicyInputList.1" and matched["StartPosition"] == {"Line": 4, "Column": 5}, matched

with_context = iam.simulate_custom_policy(
    PolicyInputList=[POLICY], ActionNames=["iam:DeleteRole"],
    ContextEntries=[{"ContextKeyName": "aws:PrincipalTag/team", "ContextKeyValues": ["core"], "ContextKeyType": "string"}])
assert with_context["EvaluationResults"][0]["EvalDecision"] == "allowed", with_context

iam.create_user(UserName="sim")
iam.attach_user_policy(UserName="sim", PolicyArn="arn:aws:iam::aws:policy/ReadOnlyAccess")
iam.put_user_policy(UserName="sim", PolicyName="tagged", PolicyDocument=POLICY)
paginator = iam.get_paginator("simulate_principal_policy")
pages = list(paginator.paginate(PolicySourceArn=f"arn:aws:iam::{ACCOUNT}:user/sim",
                                ActionNames=["iam:ListRoles", "iam:CreateRole", "iam:GetUser", "iam:DeleteRole"],
                                PaginationConfig={"PageSize": 1}))
decisions = [r["EvalDecision"] for page in pages for r in page["EvaluationResults"]]
assert decisions == ["allowed", "implicitDeny", "explicitDeny", "implicitDeny"], decisions
assert len(pages) == 4, len(pages)

keys = iam.get_context_keys_for_principal_policy(PolicySourceArn=f"arn:aws:iam::{ACCOUNT}:user/sim")["ContextKeyNames"]
assert "aws:PrincipalTag/team" in keys, keys
assert iam.get_context_keys_for_custom_policy(PolicyInputList=[POLICY])["ContextKeyNames"] == ["aws:PrincipalTag/team"]
expect_error("NoSuchEntity", iam.simulate_principal_policy, PolicySourceArn=f"arn:aws:iam::{ACCOUNT}:user/ghost", ActionNames=["iam:ListRoles"])
print("PASS")
