"""The IAM side of IAM Identity Center through boto3: the AWSSSO_..._DO_NOT_DELETE SAML provider in an assigned account,
plus the IAM account operations that used to answer 501 (aliases, summary, password policy, user tags).

Environment: ENDPOINT, AWS_ACCESS_KEY_ID (the management account, 12 digits = its root user). Prints PASS.
"""
import json
import urllib.request

from common import ENDPOINT, MANAGEMENT, client, create_account, expect_error, main


def post(path, body):
    request = urllib.request.Request(ENDPOINT.rstrip("/") + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


def run():
    orgs = client("organizations")
    orgs.create_organization(FeatureSet="ALL")
    member = create_account(orgs, "workload")
    setup = post("/_emulator/sso/setup", {"accountId": MANAGEMENT})
    instance_arn, store = setup["instanceArn"], setup["identityStoreId"]

    sso, ids = client("sso-admin"), client("identitystore")
    ps = sso.create_permission_set(InstanceArn=instance_arn, Name="Dev")["PermissionSet"]["PermissionSetArn"]
    user = ids.create_user(IdentityStoreId=store, UserName="alice", DisplayName="Alice",
                           Name={"GivenName": "Alice", "FamilyName": "A"})["UserId"]
    sso.create_account_assignment(InstanceArn=instance_arn, TargetId=member, TargetType="AWS_ACCOUNT",
                                  PermissionSetArn=ps, PrincipalType="USER", PrincipalId=user)

    # In the assigned account: the provider the AWSReservedSSO_ role trusts is a real, readable IAM SAML provider.
    iam = client("iam", key=member)
    role = [r for r in iam.list_roles(PathPrefix="/aws-reserved/")["Roles"] if r["RoleName"].startswith("AWSReservedSSO_Dev_")][0]
    trusted = role["AssumeRolePolicyDocument"]["Statement"][0]["Principal"]["Federated"]
    providers = iam.list_saml_providers()["SAMLProviderList"]
    assert [p["Arn"] for p in providers] == [trusted], (providers, trusted)
    assert trusted.startswith(f"arn:aws:iam::{member}:saml-provider/AWSSSO_") and trusted.endswith("_DO_NOT_DELETE"), trusted
    provider = iam.get_saml_provider(SAMLProviderArn=trusted)
    assert "EntityDescriptor" in provider["SAMLMetadataDocument"], provider
    assert client("iam").list_saml_providers()["SAMLProviderList"] == [], "nothing is assigned in the management account"
    expect_error("NoSuchEntity", iam.get_saml_provider, SAMLProviderArn=f"arn:aws:iam::{member}:saml-provider/Nope")

    # Account operations and tag fidelity.
    iam.create_account_alias(AccountAlias="workload-team")
    assert iam.list_account_aliases()["AccountAliases"] == ["workload-team"]
    summary = iam.get_account_summary()["SummaryMap"]
    assert summary["Roles"] >= 2 and summary["Providers"] == 1 and summary["UsersQuota"] == 5000, summary
    expect_error("NoSuchEntity", iam.get_account_password_policy)
    iam.update_account_password_policy(MinimumPasswordLength=12)
    assert iam.get_account_password_policy()["PasswordPolicy"]["MinimumPasswordLength"] == 12
    iam.create_user(UserName="bob", Tags=[{"Key": "empty", "Value": ""}])
    iam.tag_user(UserName="bob", Tags=[{"Key": "team", "Value": "blue"}])
    assert iam.list_user_tags(UserName="bob")["Tags"] == [{"Key": "empty", "Value": ""}, {"Key": "team", "Value": "blue"}]
    assert iam.get_user(UserName="bob")["User"]["Tags"][0] == {"Key": "empty", "Value": ""}
    expect_error("InvalidInput", iam.tag_user, UserName="bob", Tags=[{"Key": "aws:x", "Value": "y"}])
    created = iam.create_service_linked_role(AWSServiceName="autoscaling.amazonaws.com")["Role"]
    assert created["Arn"] == f"arn:aws:iam::{member}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling", created

    # Unassigning the last permission set removes the provider again.
    sso.delete_account_assignment(InstanceArn=instance_arn, TargetId=member, TargetType="AWS_ACCOUNT",
                                  PermissionSetArn=ps, PrincipalType="USER", PrincipalId=user)
    assert iam.list_saml_providers()["SAMLProviderList"] == []


main(run)
