"""The Terraform AWS provider's call sequences for its Organizations resources (hashicorp/terraform-provider-aws,
internal/service/organizations/*.go), replayed with boto3: Create -> Read -> Update -> Read -> Delete per resource.
RESOURCE picks the resource; each sequence asserts what the provider reads back."""
import json
import os
import time

from common import client, create_account, expect_error, main

SCP = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"}]})
SCP2 = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "ec2:*", "Resource": "*"}]})


def paginate(orgs, operation, key, **kwargs):
    return [item for page in orgs.get_paginator(operation).paginate(**kwargs) for item in page[key]]


def tags_of(orgs, resource_id):
    return {t["Key"]: t["Value"] for t in paginate(orgs, "list_tags_for_resource", "Tags", ResourceId=resource_id)}


def default_root(orgs):
    return paginate(orgs, "list_roots", "Roots")[0]


def wait_policy_type(orgs, policy_type, enabled):
    """waitDefaultRootPolicyType{Enabled,Disabled}: poll ListRoots until the type is ENABLED / absent."""
    for _ in range(20):
        statuses = {t["Type"]: t["Status"] for t in default_root(orgs)["PolicyTypes"]}
        if (statuses.get(policy_type) == "ENABLED") == enabled:
            return
        time.sleep(0.1)
    raise AssertionError(f"{policy_type} never became {'ENABLED' if enabled else 'DISABLED'}")


def read_organization(orgs):
    """resourceOrganizationRead."""
    org = orgs.describe_organization()["Organization"]
    accounts = paginate(orgs, "list_accounts", "Accounts")
    roots = paginate(orgs, "list_roots", "Roots")
    principals = []
    if org["FeatureSet"] == "ALL":
        principals = [p["ServicePrincipal"] for p in paginate(orgs, "list_aws_service_access_for_organization", "EnabledServicePrincipals")]
    enabled = sorted(t["Type"] for t in roots[0]["PolicyTypes"] if t["Status"] == "ENABLED")
    return org, accounts, sorted(principals), enabled


def organization():
    orgs = client("organizations")
    org = orgs.create_organization(FeatureSet="ALL")["Organization"]
    assert default_root(orgs)["PolicyTypes"] == [], "a new root has no policy types (roots.0.policy_types.# = 0)"
    orgs.enable_aws_service_access(ServicePrincipal="sso.amazonaws.com")
    root_id = default_root(orgs)["Id"]
    for policy_type in ("SERVICE_CONTROL_POLICY", "TAG_POLICY"):
        orgs.enable_policy_type(RootId=root_id, PolicyType=policy_type)
        wait_policy_type(orgs, policy_type, enabled=True)
    got, accounts, principals, enabled = read_organization(orgs)
    assert got["Id"] == org["Id"] and [a["Id"] for a in accounts] == [org["MasterAccountId"]], accounts
    assert principals == ["sso.amazonaws.com"], principals
    assert enabled == ["SERVICE_CONTROL_POLICY", "TAG_POLICY"], enabled

    # Update: enabled_policy_types = ["SERVICE_CONTROL_POLICY", "BACKUP_POLICY"], no service principals.
    orgs.disable_aws_service_access(ServicePrincipal="sso.amazonaws.com")
    orgs.disable_policy_type(RootId=root_id, PolicyType="TAG_POLICY")
    wait_policy_type(orgs, "TAG_POLICY", enabled=False)
    orgs.enable_policy_type(RootId=root_id, PolicyType="BACKUP_POLICY")
    wait_policy_type(orgs, "BACKUP_POLICY", enabled=True)
    _, _, principals, enabled = read_organization(orgs)
    assert principals == [] and enabled == ["BACKUP_POLICY", "SERVICE_CONTROL_POLICY"], (principals, enabled)

    orgs.delete_organization()
    expect_error("AWSOrganizationsNotInUseException", orgs.describe_organization)


def read_account(orgs, account_id):
    account = orgs.describe_account(AccountId=account_id)["Account"]
    parents = paginate(orgs, "list_parents", "Parents", ChildId=account_id)
    return account, parents[0]["Id"], tags_of(orgs, account_id)


def account():
    orgs = client("organizations")
    orgs.create_organization(FeatureSet="ALL")
    root_id = default_root(orgs)["Id"]
    ou = orgs.create_organizational_unit(ParentId=root_id, Name="Workloads")["OrganizationalUnit"]["Id"]
    status = orgs.create_account(Email="tf@example.com", AccountName="tf", Tags=[{"Key": "team", "Value": "a"}])["CreateAccountStatus"]
    for _ in range(40):
        if status["State"] != "IN_PROGRESS":
            break
        time.sleep(0.1)
        status = orgs.describe_create_account_status(CreateAccountRequestId=status["Id"])["CreateAccountStatus"]
    assert status["State"] == "SUCCEEDED", status
    account_id = status["AccountId"]
    current = paginate(orgs, "list_parents", "Parents", ChildId=account_id)[0]["Id"]
    orgs.move_account(AccountId=account_id, SourceParentId=current, DestinationParentId=ou)
    got, parent, tags = read_account(orgs, account_id)
    assert got["Status"] == "ACTIVE" and parent == ou and tags == {"team": "a"}, (got, parent, tags)

    orgs.move_account(AccountId=account_id, SourceParentId=ou, DestinationParentId=root_id)
    orgs.untag_resource(ResourceId=account_id, TagKeys=["team"])
    orgs.tag_resource(ResourceId=account_id, Tags=[{"Key": "team", "Value": "b"}, {"Key": "env", "Value": "dev"}])
    _, parent, tags = read_account(orgs, account_id)
    assert parent == root_id and tags == {"team": "b", "env": "dev"}, (parent, tags)

    # close_on_deletion = true: CloseAccount, then DescribeAccount until neither ACTIVE nor PENDING_CLOSURE.
    orgs.close_account(AccountId=account_id)
    for _ in range(20):
        state = orgs.describe_account(AccountId=account_id)["Account"]["Status"]
        if state not in ("ACTIVE", "PENDING_CLOSURE"):
            break
        time.sleep(0.1)
    assert state == "SUSPENDED", state

    # close_on_deletion = false: RemoveAccountFromOrganization.
    other = create_account(orgs, "leaver")
    orgs.remove_account_from_organization(AccountId=other)
    expect_error("AccountNotFoundException", orgs.describe_account, AccountId=other)


def organizational_unit():
    orgs = client("organizations")
    orgs.create_organization(FeatureSet="ALL")
    root_id = default_root(orgs)["Id"]
    ou = orgs.create_organizational_unit(ParentId=root_id, Name="Sandbox", Tags=[{"Key": "k", "Value": "v"}])["OrganizationalUnit"]

    def read():
        got = orgs.describe_organizational_unit(OrganizationalUnitId=ou["Id"])["OrganizationalUnit"]
        parent = paginate(orgs, "list_parents", "Parents", ChildId=ou["Id"])[0]["Id"]
        accounts = paginate(orgs, "list_accounts_for_parent", "Accounts", ParentId=ou["Id"])
        return got, parent, accounts, tags_of(orgs, ou["Id"])

    got, parent, accounts, tags = read()
    assert got["Name"] == "Sandbox" and parent == root_id and accounts == [] and tags == {"k": "v"}, (got, parent, tags)
    orgs.update_organizational_unit(OrganizationalUnitId=ou["Id"], Name="Playground")
    orgs.tag_resource(ResourceId=ou["Id"], Tags=[{"Key": "k", "Value": "w"}])
    got, _, _, tags = read()
    assert got["Name"] == "Playground" and tags == {"k": "w"}, (got, tags)
    orgs.delete_organizational_unit(OrganizationalUnitId=ou["Id"])
    expect_error("OrganizationalUnitNotFoundException", orgs.describe_organizational_unit, OrganizationalUnitId=ou["Id"])


def policy_and_attachment():
    orgs = client("organizations")
    orgs.create_organization(FeatureSet="ALL")
    root_id = default_root(orgs)["Id"]
    orgs.enable_policy_type(RootId=root_id, PolicyType="SERVICE_CONTROL_POLICY")
    wait_policy_type(orgs, "SERVICE_CONTROL_POLICY", enabled=True)
    ou = orgs.create_organizational_unit(ParentId=root_id, Name="Sandbox")["OrganizationalUnit"]["Id"]

    # aws_organizations_policy
    created = orgs.create_policy(Content=SCP, Description="deny leaving", Name="DenyLeave", Type="SERVICE_CONTROL_POLICY",
                                 Tags=[{"Key": "owner", "Value": "security"}])["Policy"]
    policy_id = created["PolicySummary"]["Id"]
    read = orgs.describe_policy(PolicyId=policy_id)["Policy"]
    assert read["Content"] == SCP and read["PolicySummary"]["AwsManaged"] is False, read
    assert tags_of(orgs, policy_id) == {"owner": "security"}
    orgs.update_policy(PolicyId=policy_id, Content=SCP2, Description="deny ec2", Name="DenyEc2")
    read = orgs.describe_policy(PolicyId=policy_id)["Policy"]
    assert read["Content"] == SCP2 and read["PolicySummary"]["Name"] == "DenyEc2", read

    # aws_organizations_policy_attachment: AttachPolicy; read = ListTargetsForPolicy; delete = DetachPolicy.
    orgs.attach_policy(PolicyId=policy_id, TargetId=ou)
    targets = [t["TargetId"] for t in paginate(orgs, "list_targets_for_policy", "Targets", PolicyId=policy_id)]
    assert targets == [ou], targets
    attached = [p["Id"] for p in paginate(orgs, "list_policies_for_target", "Policies", TargetId=ou, Filter="SERVICE_CONTROL_POLICY")]
    assert attached == ["p-FullAWSAccess", policy_id], attached
    expect_error("PolicyInUseException", orgs.delete_policy, PolicyId=policy_id)
    orgs.detach_policy(PolicyId=policy_id, TargetId=ou)
    assert paginate(orgs, "list_targets_for_policy", "Targets", PolicyId=policy_id) == []

    orgs.delete_policy(PolicyId=policy_id)
    expect_error("PolicyNotFoundException", orgs.describe_policy, PolicyId=policy_id)


def delegated_administrator():
    orgs = client("organizations")
    orgs.create_organization(FeatureSet="ALL")
    member = create_account(orgs, "security")
    orgs.register_delegated_administrator(AccountId=member, ServicePrincipal="guardduty.amazonaws.com")
    admins = paginate(orgs, "list_delegated_administrators", "DelegatedAdministrators", ServicePrincipal="guardduty.amazonaws.com")
    assert [a["Id"] for a in admins] == [member], admins
    assert hasattr(admins[0]["DelegationEnabledDate"], "year"), admins
    orgs.deregister_delegated_administrator(AccountId=member, ServicePrincipal="guardduty.amazonaws.com")
    assert paginate(orgs, "list_delegated_administrators", "DelegatedAdministrators", ServicePrincipal="guardduty.amazonaws.com") == []
    error = expect_error("InvalidInputException", orgs.list_delegated_administrators, ServicePrincipal="nothing.amazonaws.com")
    assert error["Message"] == "You specified an unrecognized service principal.", error


def resource_policy():
    orgs = client("organizations")
    orgs.create_organization(FeatureSet="ALL")
    orgs.enable_policy_type(RootId=default_root(orgs)["Id"], PolicyType="SERVICE_CONTROL_POLICY")
    member = create_account(orgs, "delegate")
    content = json.dumps({"Version": "2012-10-17", "Statement": [{
        "Sid": "DelegatePolicyManagement", "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{member}:root"},
        "Action": ["organizations:Describe*", "organizations:List*", "organizations:CreatePolicy"], "Resource": "*"}]})
    summary = orgs.put_resource_policy(Content=content, Tags=[{"Key": "k", "Value": "v"}])["ResourcePolicy"]["ResourcePolicySummary"]
    read = orgs.describe_resource_policy()["ResourcePolicy"]
    assert read["Content"] == content and read["ResourcePolicySummary"] == summary, read
    assert tags_of(orgs, summary["Id"]) == {"k": "v"}

    delegated = client("organizations", key=member)
    created = delegated.create_policy(Content=SCP, Description="", Name="FromDelegate", Type="SERVICE_CONTROL_POLICY")["Policy"]
    assert delegated.describe_policy(PolicyId=created["PolicySummary"]["Id"])["Policy"]["Content"] == SCP
    expect_error("AccessDeniedException", delegated.delete_policy, PolicyId=created["PolicySummary"]["Id"])

    orgs.put_resource_policy(Content=content.replace("organizations:CreatePolicy", "organizations:DeletePolicy"))
    assert orgs.describe_resource_policy()["ResourcePolicy"]["ResourcePolicySummary"]["Id"] == summary["Id"]
    delegated.delete_policy(PolicyId=created["PolicySummary"]["Id"])

    orgs.delete_resource_policy()
    expect_error("ResourcePolicyNotFoundException", orgs.describe_resource_policy)
    expect_error("AccessDeniedException", delegated.list_policies, Filter="SERVICE_CONTROL_POLICY")


SEQUENCES = {
    "aws_organizations_organization": organization,
    "aws_organizations_account": account,
    "aws_organizations_organizational_unit": organizational_unit,
    "aws_organizations_policy": policy_and_attachment,
    "aws_organizations_delegated_administrator": delegated_administrator,
    "aws_organizations_resource_policy": resource_policy,
}

if __name__ == "__main__":
    main(SEQUENCES[os.environ["RESOURCE"]])
