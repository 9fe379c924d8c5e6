"""A botocore SSO *profile* against the emulator, the way `aws sso login` leaves things behind.

1. Runs the SSO OIDC device flow with boto3's sso-oidc client (RegisterClient, StartDeviceAuthorization, CreateToken
   polling) and approves the user code through the emulator's control plane (POST /_emulator/sso/device/approve).
2. Writes the token cache file ~/.aws/sso/cache/<sha1(start_url)>.json exactly as `aws sso login` does (temp HOME).
3. boto3.Session(profile_name=...) with sso_start_url / sso_region / sso_account_id / sso_role_name in a temp config:
   STS GetCallerIdentity resolves the SSO role credentials through the portal's GetRoleCredentials.
4. After the portal's Logout the cached token is refused: botocore raises UnauthorizedSSOTokenError.
5. An sso-session profile (what `aws configure sso` writes today) whose cached token is about to expire: botocore
   refreshes it with CreateToken(grantType=refresh_token), rewrites the cache, and the call succeeds.

Environment: ENDPOINT, START_URL, ACCOUNT_ID, ROLE_NAME, SSO_USER, SSO_PASSWORD. Exits non-zero on any failure.
"""
import datetime
import hashlib
import json
import os
import re
import sys
import tempfile
import time
import urllib.error
import urllib.request

ENDPOINT = os.environ["ENDPOINT"].rstrip("/")
START_URL = os.environ["START_URL"]
ACCOUNT_ID = os.environ["ACCOUNT_ID"]
ROLE_NAME = os.environ["ROLE_NAME"]
SSO_USER = os.environ["SSO_USER"]
SSO_PASSWORD = os.environ["SSO_PASSWORD"]

# botocore fixes its SSO token cache directory (~/.aws/sso/cache) at import time: choose HOME first.
HOME = tempfile.mkdtemp(prefix="sso-profile-")
os.environ["HOME"] = HOME
os.environ["AWS_CONFIG_FILE"] = os.path.join(HOME, ".aws", "config")
os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.path.join(HOME, ".aws", "credentials")
os.environ["AWS_ENDPOINT_URL"] = ENDPOINT
os.environ["AWS_MAX_ATTEMPTS"] = "1"
for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE"):
    os.environ.pop(name, None)

import boto3  # noqa: E402
import botocore.exceptions  # noqa: E402

os.makedirs(os.path.join(HOME, ".aws"), exist_ok=True)
with open(os.environ["AWS_CONFIG_FILE"], "w") as config:
    config.write(f"""[profile lab]
sso_start_url = {START_URL}
sso_region = us-east-1
sso_account_id = {ACCOUNT_ID}
sso_role_name = {ROLE_NAME}
region = us-east-1

[profile lab-session]
sso_session = lab
sso_account_id = {ACCOUNT_ID}
sso_role_name = {ROLE_NAME}
region = us-east-1

[sso-session lab]
sso_start_url = {START_URL}
sso_region = us-east-1
sso_registration_scopes = sso:account:access
""")
open(os.environ["AWS_SHARED_CREDENTIALS_FILE"], "w").close()


def approve(user_code):
    body = json.dumps({"userCode": user_code, "userName": SSO_USER, "password": SSO_PASSWORD}).encode()
    request = urllib.request.Request(f"{ENDPOINT}/_emulator/sso/device/approve", data=body,
                                     headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request) as response:
        answer = json.load(response)
    assert answer["status"] == "approved", answer


# 1. The device flow, as `aws sso login` runs it.
oidc = boto3.Session(region_name="us-east-1").client("sso-oidc")
client = oidc.register_client(clientName="botocore-sso-profile-test", clientType="public")


def sign_in():
    device = oidc.start_device_authorization(clientId=client["clientId"], clientSecret=client["clientSecret"], startUrl=START_URL)
    assert re.fullmatch(r"[A-Z]{4}-[A-Z]{4}", device["userCode"]), device
    print("verification URI:", device["verificationUriComplete"])

    def create_token():
        return oidc.create_token(clientId=client["clientId"], clientSecret=client["clientSecret"],
                                 grantType="urn:ietf:params:oauth:grant-type:device_code", deviceCode=device["deviceCode"])

    try:
        create_token()
        raise AssertionError("CreateToken should be pending before approval")
    except oidc.exceptions.AuthorizationPendingException:
        print("CreateToken: authorization pending (as expected)")
    approve(device["userCode"])
    time.sleep(device["interval"])
    token = create_token()
    assert token["tokenType"] == "Bearer" and token["expiresIn"] == 28800, token
    return token


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


token = sign_in()

# 2. The token cache file `aws sso login` writes for a legacy sso_start_url profile.
cache_dir = os.path.join(HOME, ".aws", "sso", "cache")
os.makedirs(cache_dir, exist_ok=True)
expires_at = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=token["expiresIn"])
cache_file = os.path.join(cache_dir, hashlib.sha1(START_URL.encode("utf-8")).hexdigest() + ".json")
with open(cache_file, "w") as cache:
    json.dump({"startUrl": START_URL, "region": "us-east-1", "accessToken": token["accessToken"],
               "expiresAt": iso(expires_at)}, cache)

# 3. The SSO profile resolves role credentials through the portal.
session = boto3.Session(profile_name="lab")
identity = session.client("sts").get_caller_identity()
print("GetCallerIdentity:", json.dumps({k: identity[k] for k in ("UserId", "Account", "Arn")}))
assert identity["Account"] == ACCOUNT_ID, identity
pattern = rf"arn:aws:sts::{ACCOUNT_ID}:assumed-role/AWSReservedSSO_{re.escape(ROLE_NAME)}_[0-9a-f]{{16}}/{re.escape(SSO_USER)}"
assert re.fullmatch(pattern, identity["Arn"]), identity["Arn"]
assert re.fullmatch(rf"AROA[A-Z0-9]+:{re.escape(SSO_USER)}", identity["UserId"]), identity["UserId"]
credentials = session.get_credentials().get_frozen_credentials()
assert credentials.access_key.startswith("ASIA"), credentials.access_key

# The portal client of the same profile sees the assignment.
portal = boto3.Session(region_name="us-east-1").client("sso")
accounts = portal.list_accounts(accessToken=token["accessToken"])["accountList"]
assert ACCOUNT_ID in [a["accountId"] for a in accounts], accounts
roles = portal.list_account_roles(accessToken=token["accessToken"], accountId=ACCOUNT_ID)["roleList"]
assert ROLE_NAME in [r["roleName"] for r in roles], roles

# 4. After Logout the cached token is refused and botocore asks for a new login.
portal.logout(accessToken=token["accessToken"])
try:
    boto3.Session(profile_name="lab").client("sts").get_caller_identity()
    raise AssertionError("the logged-out token should be refused")
except botocore.exceptions.UnauthorizedSSOTokenError as refused:
    print("after logout:", type(refused).__name__)

# 5. An sso-session profile with a token about to expire: botocore refreshes it through CreateToken(refresh_token).
token = sign_in()
now = datetime.datetime.now(datetime.timezone.utc)
session_cache = os.path.join(cache_dir, hashlib.sha1("lab".encode("utf-8")).hexdigest() + ".json")
with open(session_cache, "w") as cache:
    json.dump({"startUrl": START_URL, "region": "us-east-1", "accessToken": token["accessToken"],
               "expiresAt": iso(now + datetime.timedelta(minutes=5)), "clientId": client["clientId"],
               "clientSecret": client["clientSecret"],
               "registrationExpiresAt": iso(datetime.datetime.fromtimestamp(client["clientSecretExpiresAt"], datetime.timezone.utc)),
               "refreshToken": token["refreshToken"]}, cache)
identity = boto3.Session(profile_name="lab-session").client("sts").get_caller_identity()
assert re.fullmatch(pattern, identity["Arn"]), identity["Arn"]
with open(session_cache) as cache:
    refreshed = json.load(cache)
assert refreshed["accessToken"] != token["accessToken"], "botocore should have refreshed the token"
print("sso-session profile: token refreshed, expiresAt", refreshed["expiresAt"])

print("OK sso_profile")
