"""boto3's ListRoles paginator with MaxItems: stops at the limit, hands back a token, resumes from it."""
import json

from common import client, main

TRUST = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})


def run():
    iam = client("iam")
    for i in range(7):
        iam.create_role(RoleName=f"app-{i}", AssumeRolePolicyDocument=TRUST)
    everything = [r["RoleName"] for r in iam.list_roles()["Roles"]]
    assert {f"app-{i}" for i in range(7)} <= set(everything), f"list_roles misses created roles: {everything}"

    paginator = iam.get_paginator("list_roles")
    first = paginator.paginate(PaginationConfig={"MaxItems": 3, "PageSize": 2}).build_full_result()
    assert len(first["Roles"]) == 3, f"MaxItems=3 returned {len(first['Roles'])}"
    assert "NextToken" in first, f"a truncated result must carry NextToken: {first.keys()}"

    rest = paginator.paginate(PaginationConfig={"StartingToken": first["NextToken"], "PageSize": 2}).build_full_result()
    names = [r["RoleName"] for r in first["Roles"]] + [r["RoleName"] for r in rest["Roles"]]
    assert names == everything, f"paged {names} != unpaged {everything}"

    page = iam.list_roles(MaxItems=2)
    assert page["IsTruncated"] is True and "Marker" in page, f"MaxItems=2 must truncate: {page.get('IsTruncated')}"
    assert isinstance(page["Roles"][0]["AssumeRolePolicyDocument"], dict), "botocore decodes the trust policy to a dict"


main(run)
