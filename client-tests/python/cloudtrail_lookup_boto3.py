"""CloudTrail LookupEvents through boto3: the paginator, lookup attributes, each account's own history, modelled errors."""
import json

from common import MANAGEMENT, SSO, client, create_account, expect_error, main


def run():
    orgs = client("organizations")
    orgs.create_organization(FeatureSet="ALL")
    member = create_account(orgs, "trail")
    orgs.enable_aws_service_access(ServicePrincipal=SSO)

    trail = client("cloudtrail")
    enabled = trail.lookup_events(LookupAttributes=[{"AttributeKey": "EventName", "AttributeValue": "EnableAWSServiceAccess"}])["Events"]
    assert len(enabled) == 1, f"one EnableAWSServiceAccess event: {enabled}"
    record = json.loads(enabled[0]["CloudTrailEvent"])
    assert record["eventSource"] == "organizations.amazonaws.com" and record["userIdentity"]["type"] == "Root", record
    assert record["requestParameters"] == {"servicePrincipal": SSO}, record["requestParameters"]
    assert enabled[0]["EventTime"].tzinfo is not None, "botocore parses EventTime as a timestamp"

    paginator = trail.get_paginator("lookup_events")
    writes = [{"AttributeKey": "ReadOnly", "AttributeValue": "false"}]
    whole = [e["EventId"] for e in paginator.paginate(LookupAttributes=writes).build_full_result()["Events"]]
    paged = [e["EventId"] for page in paginator.paginate(LookupAttributes=writes, PaginationConfig={"PageSize": 2}) for e in page["Events"]]
    assert paged == whole and len(whole) >= 4, f"pages of 2 {paged} != one walk {whole}"

    member_trail = client("cloudtrail", key=member)
    mine = [json.loads(e["CloudTrailEvent"]) for e in member_trail.lookup_events()["Events"]]
    assert mine and all(r["recipientAccountId"] == member for r in mine), "the member sees only its own history"
    created = [r for r in mine if r["eventName"] == "CreateServiceLinkedRole" and r["requestParameters"]["roleName"] == "AWSServiceRoleForSSO"]
    assert len(created) == 1 and created[0]["userIdentity"] == {"type": "AWSService", "invokedBy": SSO}, created
    management_ids = {e["EventId"] for e in trail.lookup_events(MaxResults=50)["Events"]}
    assert not any(json.loads(e["CloudTrailEvent"])["eventID"] in management_ids for e in member_trail.lookup_events()["Events"])

    expect_error("InvalidLookupAttributesException", trail.lookup_events, LookupAttributes=[
        {"AttributeKey": "EventName", "AttributeValue": "A"}, {"AttributeKey": "Username", "AttributeValue": "B"}])
    expect_error("InvalidNextTokenException", trail.lookup_events, NextToken="bogus")
    print(f"management {MANAGEMENT}: {len(whole)} write events; member {member}: {len(mine)} events")


main(run)
