"""Customer managed policies, versions, groups and user inline policies through boto3, and what they grant."""
import json
from common import client, expect_error

iam = client("iam")
ACCOUNT = "111111111111"
READ = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:ListRoles", "Resource": "*"}]}
MORE = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["iam:ListRoles", "iam:ListUsers"], "Resource": "*"}]}

policy = iam.create_policy(PolicyName="readers", Path="/team/", PolicyDocument=json.dumps(READ), Description="read")["Policy"]
arn = policy["Arn"]
assert arn == f"arn:aws:iam::{ACCOUNT}:policy/team/readers" and policy["DefaultVersionId"] == "v1", policy
version = iam.get_policy_version(PolicyArn=arn, VersionId="v1")["PolicyVersion"]
assert version["Document"] == READ, version  # botocore decodes the URL-encoded document
iam.create_policy_version(PolicyArn=arn, PolicyDocument=json.dumps(MORE), SetAsDefault=True)
assert [v["VersionId"] for v in iam.list_policy_versions(PolicyArn=arn)["Versions"]] == ["v2", "v1"]
expect_error("MalformedPolicyDocument", iam.create_policy, PolicyName="bad", PolicyDocument='{"Statement":[{"Effect":"Allow","Action":"s3:*"}]}')

iam.create_group(GroupName="devs")
iam.attach_group_policy(GroupName="devs", PolicyArn=arn)
iam.create_user(UserName="dev")
iam.add_user_to_group(GroupName="devs", UserName="dev")
assert [g["GroupName"] for g in iam.list_groups_for_user(UserName="dev")["Groups"]] == ["devs"]
entities = iam.list_entities_for_policy(PolicyArn=arn)
assert [g["GroupName"] for g in entities["PolicyGroups"]] == ["devs"], entities
local = [p["PolicyName"] for p in iam.get_paginator("list_policies").paginate(Scope="Local").build_full_result()["Policies"]]
assert local == ["readers"], local
attached = [p["PolicyName"] for p in iam.list_policies(OnlyAttached=True)["Policies"]]
assert attached == ["readers"], attached

key = iam.create_access_key(UserName="dev")["AccessKey"]
dev = client("iam", key=key["AccessKeyId"], secret=key["SecretAccessKey"])
dev.list_users()  # granted by the group's customer managed policy (v2)
error = expect_error("AccessDenied", dev.list_groups)
assert error["Message"] == (f"User: arn:aws:iam::{ACCOUNT}:user/dev is not authorized to perform: iam:ListGroups on resource: * "
                            "because no identity-based policy allows the iam:ListGroups action"), error

iam.put_user_policy(UserName="dev", PolicyName="deny", PolicyDocument=json.dumps(
    {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "iam:ListUsers", "Resource": "*"}]}))
assert "explicit deny in an identity-based policy" in expect_error("AccessDenied", dev.list_users)["Message"]

expect_error("DeleteConflict", iam.delete_policy, PolicyArn=arn)
expect_error("DeleteConflict", iam.delete_group, GroupName="devs")
iam.delete_access_key(UserName="dev", AccessKeyId=key["AccessKeyId"])
iam.delete_user_policy(UserName="dev", PolicyName="deny")
iam.remove_user_from_group(GroupName="devs", UserName="dev")
iam.detach_group_policy(GroupName="devs", PolicyArn=arn)
iam.delete_group(GroupName="devs")
iam.delete_user(UserName="dev")
iam.delete_policy_version(PolicyArn=arn, VersionId="v1")
iam.delete_policy(PolicyArn=arn)
expect_error("NoSuchEntity", iam.get_policy, PolicyArn=arn)
print("PASS")
