"""Input the service refuses, seen through boto3's parsed errors."""
from common import client, expect_error, main


def run():
    orgs = client("organizations")
    orgs.create_organization(FeatureSet="ALL")

    error = expect_error("InvalidInputException", orgs.list_accounts, MaxResults=21)
    assert error.get("Message"), f"an error needs a message: {error}"

    expect_error("InvalidInputException", orgs.describe_account, AccountId="12345")
    expect_error("InvalidInputException", orgs.describe_account, AccountId="abcdefghijkl")

    error = expect_error("InvalidInputException", orgs.enable_aws_service_access, ServicePrincipal="nosuch.amazonaws.com")
    assert error["Message"] == "You specified an unrecognized service principal.", error
    listed = orgs.list_aws_service_access_for_organization()["EnabledServicePrincipals"]
    assert listed == [], f"a refused enable must change nothing: {listed}"

    expect_error("AccountNotFoundException", orgs.describe_account, AccountId="999988887777")
    expect_error("AlreadyInOrganizationException", orgs.create_organization, FeatureSet="ALL")

    iam = client("iam")
    error = expect_error("NoSuchEntity", iam.get_role, RoleName="missing")
    assert error["Message"] == "The role with name missing cannot be found.", error


main(run)
