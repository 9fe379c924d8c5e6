"""IAM Identity Center administration through boto3: sso-admin and identitystore against the emulator.

Environment: ENDPOINT (e.g. http://127.0.0.1:4599/), AWS_ACCESS_KEY_ID (12 digits = that account's root user),
AWS_SECRET_ACCESS_KEY, AWS_DEFAULT_REGION. Plain asserts; exit code 0 means every check passed.
"""
import datetime
import json
import os
import re
import urllib.request

import boto3
from botocore.exceptions import ClientError

ENDPOINT = os.environ["ENDPOINT"].rstrip("/")
MANAGEMENT = os.environ.get("AWS_ACCESS_KEY_ID", "111111111111")


def client(name, key=MANAGEMENT):
    return boto3.client(name, endpoint_url=ENDPOINT, region_name="us-east-1",
                        aws_access_key_id=key, aws_secret_access_key="secret")


def error_of(call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as error:
        return error.response
    raise AssertionError(f"{call.__name__} should have failed")


def post(path, body):
    request = urllib.request.Request(ENDPOINT + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


organizations = client("organizations")
organizations.create_organization(FeatureSet="ALL")
setup = post("/_emulator/sso/setup", {"accountId": MANAGEMENT})

sso = client("sso-admin")
ids = client("identitystore")

instances = sso.list_instances()["Instances"]
assert len(instances) == 1, instances
instance = instances[0]
assert instance["InstanceArn"] == setup["instanceArn"]
assert instance["OwnerAccountId"] == MANAGEMENT
assert isinstance(instance["CreatedDate"], datetime.datetime)
instance_arn, store = instance["InstanceArn"], instance["IdentityStoreId"]
assert re.fullmatch(r"d-[0-9a-f]{10}", store), store

# CreateInstance is refused in the management account.
refused = error_of(sso.create_instance, Name="nope")
assert refused["Error"]["Code"] == "ValidationException", refused
assert refused["Error"]["Message"] == "Organization management account is not allowed to perform the operation."

# Permission sets, with a paginator.
arns = []
for name in ["Admin", "Dev", "ReadOnly"]:
    ps = sso.create_permission_set(InstanceArn=instance_arn, Name=name, SessionDuration="PT4H")["PermissionSet"]
    assert re.fullmatch(r"arn:aws:sso:::permissionSet/ssoins-[0-9a-f]{16}/ps-[0-9a-f]{16}", ps["PermissionSetArn"]), ps
    assert isinstance(ps["CreatedDate"], datetime.datetime)
    arns.append(ps["PermissionSetArn"])
pages = list(sso.get_paginator("list_permission_sets").paginate(InstanceArn=instance_arn, PaginationConfig={"PageSize": 2}))
assert len(pages) == 2, pages
assert sorted(a for p in pages for a in p["PermissionSets"]) == sorted(arns)
duplicate = error_of(sso.create_permission_set, InstanceArn=instance_arn, Name="Admin")
assert duplicate["Error"]["Code"] == "ConflictException", duplicate

admin = arns[0]
sso.attach_managed_policy_to_permission_set(InstanceArn=instance_arn, PermissionSetArn=admin,
                                            ManagedPolicyArn="arn:aws:iam::aws:policy/AdministratorAccess")
policy = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]})
sso.put_inline_policy_to_permission_set(InstanceArn=instance_arn, PermissionSetArn=admin, InlinePolicy=policy)
assert sso.get_inline_policy_for_permission_set(InstanceArn=instance_arn, PermissionSetArn=admin)["InlinePolicy"] == policy
managed = sso.list_managed_policies_in_permission_set(InstanceArn=instance_arn, PermissionSetArn=admin)["AttachedManagedPolicies"]
assert managed == [{"Arn": "arn:aws:iam::aws:policy/AdministratorAccess", "Name": "AdministratorAccess"}], managed

# Identity store: users, groups, memberships, a paginator and lookups.
user_ids = []
for n in range(3):
    user_ids.append(ids.create_user(IdentityStoreId=store, UserName=f"user{n}", DisplayName=f"User {n}",
                                    Name={"GivenName": "User", "FamilyName": str(n)},
                                    Emails=[{"Value": f"user{n}@example.com", "Type": "work", "Primary": True}])["UserId"])
users = [u for page in ids.get_paginator("list_users").paginate(IdentityStoreId=store, PaginationConfig={"PageSize": 2}) for u in page["Users"]]
assert sorted(u["UserId"] for u in users) == sorted(user_ids), users
alice = user_ids[0]
described = ids.describe_user(IdentityStoreId=store, UserId=alice)
assert described["UserName"] == "user0" and described["Emails"][0]["Value"] == "user0@example.com", described
found = ids.get_user_id(IdentityStoreId=store, AlternateIdentifier={"UniqueAttribute": {"AttributePath": "userName", "AttributeValue": "user1"}})
assert found["UserId"] == user_ids[1]
ids.update_user(IdentityStoreId=store, UserId=alice, Operations=[{"AttributePath": "displayName", "AttributeValue": "Alice"}])
assert ids.describe_user(IdentityStoreId=store, UserId=alice)["DisplayName"] == "Alice"
conflict = error_of(ids.create_user, IdentityStoreId=store, UserName="user0", DisplayName="again")
assert conflict["Error"]["Code"] == "ConflictException" and conflict["Reason"] == "UNIQUENESS_CONSTRAINT_VIOLATION", conflict
missing = error_of(ids.describe_user, IdentityStoreId=store, UserId="0000000000-00000000-0000-0000-0000-000000000000")
assert missing["Error"]["Code"] == "ResourceNotFoundException" and missing["ResourceType"] == "USER", missing

group = ids.create_group(IdentityStoreId=store, DisplayName="Admins")["GroupId"]
membership = ids.create_group_membership(IdentityStoreId=store, GroupId=group, MemberId={"UserId": alice})["MembershipId"]
results = ids.is_member_in_groups(IdentityStoreId=store, MemberId={"UserId": alice}, GroupIds=[group])["Results"]
assert results[0]["MembershipExists"] is True, results
assert ids.list_group_memberships(IdentityStoreId=store, GroupId=group)["GroupMemberships"][0]["MembershipId"] == membership

# Assignment: asynchronous on the wire, provisioned in the account.
status = sso.create_account_assignment(InstanceArn=instance_arn, TargetId=MANAGEMENT, TargetType="AWS_ACCOUNT",
                                       PermissionSetArn=admin, PrincipalType="GROUP", PrincipalId=group)["AccountAssignmentCreationStatus"]
assert status["Status"] == "IN_PROGRESS", status
assert re.fullmatch(r"[0-9a-f-]{36}", status["RequestId"]), status
done = sso.describe_account_assignment_creation_status(InstanceArn=instance_arn, AccountAssignmentCreationRequestId=status["RequestId"])
assert done["AccountAssignmentCreationStatus"]["Status"] == "SUCCEEDED", done
assignments = sso.list_account_assignments(InstanceArn=instance_arn, AccountId=MANAGEMENT, PermissionSetArn=admin)["AccountAssignments"]
assert assignments == [{"AccountId": MANAGEMENT, "PermissionSetArn": admin, "PrincipalType": "GROUP", "PrincipalId": group}], assignments
assert sso.list_accounts_for_provisioned_permission_set(InstanceArn=instance_arn, PermissionSetArn=admin)["AccountIds"] == [MANAGEMENT]
assert sso.list_permission_sets_provisioned_to_account(InstanceArn=instance_arn, AccountId=MANAGEMENT)["PermissionSets"] == [admin]

provision = sso.provision_permission_set(InstanceArn=instance_arn, PermissionSetArn=admin, TargetType="ALL_PROVISIONED_ACCOUNTS")
request_id = provision["PermissionSetProvisioningStatus"]["RequestId"]
described = sso.describe_permission_set_provisioning_status(InstanceArn=instance_arn, ProvisionPermissionSetRequestId=request_id)
assert described["PermissionSetProvisioningStatus"]["Status"] == "SUCCEEDED", described

deletion = sso.delete_account_assignment(InstanceArn=instance_arn, TargetId=MANAGEMENT, TargetType="AWS_ACCOUNT",
                                         PermissionSetArn=admin, PrincipalType="GROUP", PrincipalId=group)["AccountAssignmentDeletionStatus"]
assert deletion["Status"] == "IN_PROGRESS", deletion
assert sso.list_account_assignments(InstanceArn=instance_arn, AccountId=MANAGEMENT, PermissionSetArn=admin)["AccountAssignments"] == []

# Other accounts may not administer the organization instance.
outsider = client("sso-admin", key="999999999999")
denied = error_of(outsider.list_permission_sets, InstanceArn=instance_arn)
assert denied["Error"]["Code"] == "AccessDeniedException", denied

print("sso_admin_boto3: all checks passed")
