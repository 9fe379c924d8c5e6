"""Strict SigV4 with boto3/botocore: every correctly signed call accepted, every wrongly signed one refused.

Environment: ENDPOINT, ROOT_SECRET (the emulator's --root-secret). Prints one JSON summary line; exit code 0.
"""
import datetime
import json
import os
import urllib.error
import urllib.request

import boto3
import botocore.auth
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = os.environ["ENDPOINT"]
ROOT_SECRET = os.environ["ROOT_SECRET"]
MANAGEMENT = "111111111111"
AUTH_CODES = {"SignatureDoesNotMatch", "InvalidSignatureException", "IncompleteSignature", "IncompleteSignatureException",
              "InvalidClientTokenId", "UnrecognizedClientException", "ExpiredToken", "ExpiredTokenException", "RequestExpired"}
CONFIG = Config(region_name="us-east-1", retries={"max_attempts": 1})
real_now = botocore.auth.get_current_datetime


SESSION = boto3.session.Session()
CLIENTS = {}
TAMPER = [None]  # the before-send hook in force: None, tamper_body or tamper_header


def tamper_in_force(request, **kwargs):
    if TAMPER[0]:
        TAMPER[0](request)


def client(service, creds):
    """One client per service and credentials (creating botocore clients is slow); tampering is switched by TAMPER."""
    if (service, creds) not in CLIENTS:
        c = SESSION.client(service, endpoint_url=ENDPOINT, config=CONFIG, aws_access_key_id=creds[0],
                           aws_secret_access_key=creds[1], aws_session_token=creds[2])
        c.meta.events.register("before-send", tamper_in_force)
        CLIENTS[(service, creds)] = c
    return CLIENTS[(service, creds)]


CALLS = [
    ("sts", lambda c: c.get_caller_identity()),
    ("iam", lambda c: c.list_roles()),
    ("organizations", lambda c: c.describe_organization()),
    ("sso-admin", lambda c: c.list_instances()),
]


def outcome(service, call, creds, hook=None):
    """None when the call got past authentication (a service error counts as accepted), else the error code."""
    TAMPER[0] = hook
    try:
        call(client(service, creds))
        return None
    except ClientError as e:
        code = e.response["Error"]["Code"]
        return code if code in AUTH_CODES else None
    finally:
        TAMPER[0] = None


root = (MANAGEMENT, ROOT_SECRET, None)
iam = client("iam", root)
iam.create_user(UserName="ops")
key = iam.create_access_key(UserName="ops")["AccessKey"]
iam.attach_user_policy(UserName="ops", PolicyArn="arn:aws:iam::aws:policy/AdministratorAccess")
iam.create_role(RoleName="admin", AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{MANAGEMENT}:root"}, "Action": "sts:AssumeRole"}]}))
client("organizations", root).create_organization(FeatureSet="ALL")
sts = client("sts", root)
session = sts.get_session_token()["Credentials"]
role = client("sts", (key["AccessKeyId"], key["SecretAccessKey"], None)).assume_role(RoleArn=f"arn:aws:iam::{MANAGEMENT}:role/admin", RoleSessionName="boto3")["Credentials"]
credentials = [
    root,
    ("test", ROOT_SECRET, None),
    (key["AccessKeyId"], key["SecretAccessKey"], None),
    (session["AccessKeyId"], session["SecretAccessKey"], session["SessionToken"]),
    (role["AccessKeyId"], role["SecretAccessKey"], role["SessionToken"]),
]


def tamper_body(request):
    body = request.body if isinstance(request.body, bytes) else (request.body or "").encode()
    request.body = body + (b"&Extra=1" if not body.startswith(b"{") else b" ")
    request.headers["Content-Length"] = str(len(request.body))


def tamper_header(request):
    date = request.headers["X-Amz-Date"]
    date = date.decode() if isinstance(date, bytes) else date
    request.headers["X-Amz-Date"] = date[:-3] + ("1" if date[-3] == "0" else "0") + date[-2:]


def stale(call):
    botocore.auth.get_current_datetime = lambda: real_now() - datetime.timedelta(minutes=10)
    try:
        return call()
    finally:
        botocore.auth.get_current_datetime = real_now


accepted, refused, failures, codes = 0, 0, [], {}
for creds in credentials:
    wrong = (creds[0], creds[1] + "x", creds[2])
    for service, call in CALLS:
        label = f"{creds[0][:4]} {service}"
        if (code := outcome(service, call, creds)) is None:
            accepted += 1
        else:
            failures.append(f"correct {label}: {code}")
        for kind, result in (("wrong secret", outcome(service, call, wrong)),
                             ("tampered body", outcome(service, call, creds, tamper_body)),
                             ("tampered header", outcome(service, call, creds, tamper_header)),
                             ("stale date", stale(lambda: outcome(service, call, creds)))):
            if result is None:
                failures.append(f"{kind} {label}: accepted")
            else:
                refused += 1
                codes[result] = codes.get(result, 0) + 1

# The query-string form: a presigned GetCallerIdentity URL (as EKS tokens use), then the same URL with its signature altered.
for creds in credentials:
    url = client("sts", creds).generate_presigned_url("get_caller_identity", Params={}, ExpiresIn=60, HttpMethod="GET")
    for good, target in ((True, url), (False, url[:-1] + ("0" if url[-1] != "0" else "1"))):
        try:
            status = urllib.request.urlopen(target).status
        except urllib.error.HTTPError as e:
            status = e.code
        if good and status == 200:
            accepted += 1
        elif not good and status in (400, 403):
            refused += 1
        else:
            failures.append(f"presigned {creds[0][:4]} good={good}: HTTP {status}")

print(json.dumps({"accepted": accepted, "refused": refused, "codes": codes, "failures": failures,
                  "expected_accepted": len(credentials) * (len(CALLS) + 1),
                  "expected_refused": len(credentials) * (len(CALLS) * 4 + 1)}))
