"""The trust rules for IAM Identity Center's linked role, end to end through boto3."""
import json

from common import SSO, SSO_ROLE, client, create_account, expect_error, main, settled_deletion

POLICY = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})


def run():
    orgs = client("organizations")
    org = orgs.create_organization(FeatureSet="ALL")["Organization"]
    management = org["MasterAccountId"]
    member = create_account(orgs, "dev")
    member_iam = client("iam", key=member)

    response = orgs.enable_aws_service_access(ServicePrincipal=SSO)
    assert response["ResponseMetadata"]["RequestId"], f"every answer carries a request id: {response}"
    enabled = orgs.list_aws_service_access_for_organization()["EnabledServicePrincipals"]
    assert [e["ServicePrincipal"] for e in enabled] == [SSO], enabled
    assert hasattr(enabled[0]["DateEnabled"], "year"), "DateEnabled parses to a datetime"

    for account in (management, member):
        role = client("iam", key=account).get_role(RoleName=SSO_ROLE)["Role"]
        assert role["Arn"] == f"arn:aws:iam::{account}:role/aws-service-role/{SSO}/{SSO_ROLE}", role["Arn"]
        assert role["AssumeRolePolicyDocument"]["Statement"][0]["Principal"] == {"Service": SSO}, role

    message = f"Cannot perform the operation on the protected role '{SSO_ROLE}' - this role is only modifiable by AWS"
    for call, kwargs in [
        (member_iam.delete_role, {}),
        (member_iam.put_role_policy, {"PolicyName": "x", "PolicyDocument": POLICY}),
        (member_iam.attach_role_policy, {"PolicyArn": "arn:aws:iam::aws:policy/AdministratorAccess"}),
    ]:
        error = expect_error("UnmodifiableEntity", call, RoleName=SSO_ROLE, **kwargs)
        assert error["Message"] == message, error

    member_orgs = client("organizations", key=member)
    expect_error("AccessDeniedException", member_orgs.disable_aws_service_access, ServicePrincipal=SSO)
    assert member_orgs.describe_organization()["Organization"]["Id"] == org["Id"]

    task = member_iam.delete_service_linked_role(RoleName=SSO_ROLE)["DeletionTaskId"]
    assert task.startswith(f"task/aws-service-role/{SSO}/{SSO_ROLE}/"), task
    status = settled_deletion(member_iam, task)
    assert status["Status"] == "FAILED", status
    member_iam.get_role(RoleName=SSO_ROLE)

    orgs.disable_aws_service_access(ServicePrincipal=SSO)
    status = settled_deletion(member_iam, member_iam.delete_service_linked_role(RoleName=SSO_ROLE)["DeletionTaskId"])
    assert status["Status"] == "SUCCEEDED", status
    expect_error("NoSuchEntity", member_iam.get_role, RoleName=SSO_ROLE)

    orgs.enable_aws_service_access(ServicePrincipal=SSO)
    member_iam.get_role(RoleName=SSO_ROLE)

    orgs.remove_account_from_organization(AccountId=member)
    expect_error("NoSuchEntity", member_iam.get_role, RoleName=SSO_ROLE)
    member_iam.get_role(RoleName="OrganizationAccountAccessRole")
    expect_error("AWSOrganizationsNotInUseException", member_orgs.describe_organization)
    expect_error("MasterCannotLeaveOrganizationException", orgs.remove_account_from_organization, AccountId=management)


main(run)
