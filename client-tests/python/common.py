"""Shared helpers for the boto3 client scripts: clients pointed at ENDPOINT, keys per account, bounded polling."""
import os
import sys
import time

import boto3
import botocore.config
import botocore.exceptions

ENDPOINT = os.environ.get("ENDPOINT", "http://127.0.0.1:4599")
MANAGEMENT = os.environ.get("AWS_ACCESS_KEY_ID", "111111111111")
SSO = "sso.amazonaws.com"
SSO_ROLE = "AWSServiceRoleForSSO"
_CONFIG = botocore.config.Config(retries={"max_attempts": 1, "mode": "standard"})


def client(service, key=MANAGEMENT, secret="secret", token=None):
    return boto3.client(service, endpoint_url=ENDPOINT, region_name="us-east-1", aws_access_key_id=key,
                        aws_secret_access_key=secret, aws_session_token=token, config=_CONFIG)


def expect_error(code, call, *args, **kwargs):
    """Calls and asserts a botocore ClientError with the given code; returns the error dict."""
    try:
        result = call(*args, **kwargs)
    except botocore.exceptions.ClientError as error:
        got = error.response["Error"]
        assert got["Code"] == code, f"{call.__name__}: expected {code}, got {got}"
        return got
    raise AssertionError(f"{call.__name__}: expected {code}, but it succeeded: {result}")


def create_account(orgs, name):
    status = orgs.create_account(Email=f"{name}@example.com", AccountName=name)["CreateAccountStatus"]
    for _ in range(40):
        if status["State"] != "IN_PROGRESS":
            break
        time.sleep(0.1)
        status = orgs.describe_create_account_status(CreateAccountRequestId=status["Id"])["CreateAccountStatus"]
    assert status["State"] == "SUCCEEDED", f"create_account {name}: {status}"
    return status["AccountId"]


def settled_deletion(iam, task_id):
    for _ in range(40):
        status = iam.get_service_linked_role_deletion_status(DeletionTaskId=task_id)
        if status["Status"] not in ("IN_PROGRESS", "NOT_STARTED"):
            return status
        time.sleep(0.1)
    return status


def main(run):
    """Runs a script body; prints PASS, or the failed assertion and exits 1."""
    try:
        run()
    except AssertionError as failure:
        print(f"FAIL: {failure}", file=sys.stderr)
        raise SystemExit(1)
    print("PASS")
