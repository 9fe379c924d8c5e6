#!/usr/bin/env python3
"""The boto3 walkthrough, timed: create N accounts, enable trusted access, list every account, disable, remove R.

  walkthrough.py URL N R      prints the wall time in seconds (one boto3 client, loopback only)
"""
import sys
import time
import urllib.parse

import boto3
from botocore.config import Config


def main(url, count, removed):
    assert urllib.parse.urlsplit(url).hostname in ("127.0.0.1", "localhost"), "the benchmark only talks to loopback"
    org = boto3.client("organizations", endpoint_url=url, region_name="us-east-1", aws_access_key_id="test",
                       aws_secret_access_key="test", config=Config(retries={"max_attempts": 1}))
    stamp = time.time_ns()
    start = time.perf_counter()
    created = []
    for i in range(count):
        request = org.create_account(Email=f"walk{stamp}-{i}@example.com", AccountName=f"walk{i}")["CreateAccountStatus"]
        status = org.describe_create_account_status(CreateAccountRequestId=request["Id"])["CreateAccountStatus"]
        assert status["State"] == "SUCCEEDED", status
        created.append(status["AccountId"])
    org.enable_aws_service_access(ServicePrincipal="sso.amazonaws.com")
    listed = [a["Id"] for page in org.get_paginator("list_accounts").paginate() for a in page["Accounts"]]
    assert set(created) <= set(listed), "every created account is listed"
    org.disable_aws_service_access(ServicePrincipal="sso.amazonaws.com")
    for account in created[:removed]:
        org.remove_account_from_organization(AccountId=account)
    print(f"{time.perf_counter() - start:.2f}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
