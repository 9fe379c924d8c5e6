"""`aws sso login` with the authorization code grant and PKCE (AWS CLI >= 2.22), replayed request for request.

Mirrors awscli/customizations/sso/utils.py (AuthCodeFetcher: a loopback HTTP listener on a random port) and botocore's
SSOTokenFetcherAuth (RegisterClient with grantTypes/redirectUris/issuerUrl, the /authorize URL with an S256 challenge,
CreateToken with the code and verifier), writes the token cache as the CLI does, then resolves an sso-session profile
through botocore's SSO token provider (including a refresh) and its SSO credential provider.

Prints `AUTHORIZE <url>` for the caller to open in a browser; the caller signs in and allows access.
Environment: ENDPOINT, START_URL, ACCOUNT_ID, ROLE_NAME, HOME (an empty folder), AWS_DATA_PATH (the emulator's folder).
"""
import base64, datetime, hashlib, json, os, secrets, string, sys, uuid
from functools import partial
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlparse

import botocore.awsrequest
import botocore.session
from botocore.utils import percent_encode_sequence

ENDPOINT, START_URL = os.environ["ENDPOINT"], os.environ["START_URL"]
ACCOUNT_ID, ROLE_NAME = os.environ["ACCOUNT_ID"], os.environ["ROLE_NAME"]
SESSION_NAME, REGION, SCOPE = "dev", "us-east-1", "sso:account:access"


class CallbackHandler(BaseHTTPRequestHandler):
    def __init__(self, received, *args, **kwargs):
        self.received = received
        super().__init__(*args, **kwargs)

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"<html><body>Request approved. Return to the command line.</body></html>")
        self.received.update({k: v[0] for k, v in parse_qs(urlparse(self.path).query).items()})


def main():
    os.makedirs(os.path.join(os.environ["HOME"], ".aws"), exist_ok=True)
    config = os.path.join(os.environ["HOME"], ".aws", "config")
    with open(config, "w") as f:
        f.write(f"[profile dev]\nsso_session = {SESSION_NAME}\nsso_account_id = {ACCOUNT_ID}\nsso_role_name = {ROLE_NAME}\nregion = {REGION}\n\n"
                f"[sso-session {SESSION_NAME}]\nsso_start_url = {START_URL}\nsso_region = {REGION}\nsso_registration_scopes = {SCOPE}\n")
    os.environ["AWS_CONFIG_FILE"] = config
    session = botocore.session.Session()
    oidc = session.create_client("sso-oidc", region_name=REGION)  # found through AWS_DATA_PATH, as the CLI finds it

    # SSOTokenFetcherAuth.__init__: the PKCE pair.
    verifier = "".join(secrets.choice(string.ascii_letters + string.digits + "-._~") for _ in range(64))
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode()

    # AuthCodeFetcher: the loopback listener.
    received = {}
    server = HTTPServer(("", 0), partial(CallbackHandler, received))
    server.timeout = 10
    redirect_without_port = "http://127.0.0.1/oauth/callback"
    redirect_with_port = f"http://127.0.0.1:{server.server_port}/oauth/callback"

    registration = oidc.register_client(
        clientName=f"botocore-client-{SESSION_NAME}", clientType="public", grantTypes=["authorization_code", "refresh_token"],
        redirectUris=[redirect_without_port], issuerUrl=START_URL, scopes=[SCOPE])

    # SSOTokenFetcherAuth._get_base_authorization_uri: a RegisterClient call short-circuited in before-call reveals the resolved endpoint.
    resolved = {}

    def extract_endpoint(params, **kwargs):
        resolved["url"] = params["url"]
        return botocore.awsrequest.AWSResponse(None, 200, {}, None), {}

    oidc.meta.events.register("before-call", extract_endpoint)
    oidc.register_client(clientName="temp", clientType="public")
    oidc.meta.events.unregister("before-call", extract_endpoint)

    state = uuid.uuid4()
    base = urlparse(resolved["url"])
    query = {"response_type": "code", "client_id": registration["clientId"], "redirect_uri": redirect_with_port,
             "state": state, "code_challenge_method": "S256", "scopes": SCOPE}
    url = f"{base.scheme}://{base.netloc}/authorize?{percent_encode_sequence(query)}&code_challenge={challenge[:-1]}"
    print(f"AUTHORIZE {url}", flush=True)

    deadline = datetime.datetime.now() + datetime.timedelta(minutes=3)
    while not received and datetime.datetime.now() < deadline:
        server.handle_request()
    server.server_close()
    assert "code" in received, f"the callback should carry a code: {received}"
    assert received.get("state") == str(state), f"state mismatch: {received}"

    response = oidc.create_token(grantType="authorization_code", clientId=registration["clientId"],
                                 clientSecret=registration["clientSecret"], redirectUri=redirect_with_port,
                                 codeVerifier=verifier, code=received["code"])
    try:
        oidc.create_token(grantType="authorization_code", clientId=registration["clientId"], clientSecret=registration["clientSecret"],
                          redirectUri=redirect_with_port, codeVerifier=verifier, code=received["code"])
        raise AssertionError("a code must be single-use")
    except oidc.exceptions.InvalidGrantException:
        pass

    now = datetime.datetime.now(datetime.timezone.utc)
    fmt = "%Y-%m-%dT%H:%M:%SZ"
    token = {"startUrl": START_URL, "region": REGION, "accessToken": response["accessToken"],
             "expiresAt": (now + datetime.timedelta(seconds=response["expiresIn"])).strftime(fmt),
             "clientId": registration["clientId"], "clientSecret": registration["clientSecret"],
             "registrationExpiresAt": datetime.datetime.fromtimestamp(registration["clientSecretExpiresAt"], datetime.timezone.utc).strftime(fmt),
             "refreshToken": response["refreshToken"]}
    cache = os.path.join(os.environ["HOME"], ".aws", "sso", "cache")
    os.makedirs(cache, exist_ok=True)
    cache_file = os.path.join(cache, hashlib.sha1(SESSION_NAME.encode()).hexdigest() + ".json")
    with open(cache_file, "w") as f:
        json.dump(token, f)

    # The SDK side: the sso-session profile's token provider and credential provider.
    profile = botocore.session.Session(profile="dev")
    identity = profile.create_client("sts", region_name=REGION, endpoint_url=ENDPOINT).get_caller_identity()
    assert f":assumed-role/AWSReservedSSO_{ROLE_NAME}_" in identity["Arn"], identity
    print("caller", identity["Arn"])

    # Nearly expired: botocore's SSOTokenProvider refreshes it with the refresh token (CreateToken refresh_token).
    token["expiresAt"] = (now + datetime.timedelta(minutes=1)).strftime(fmt)
    with open(cache_file, "w") as f:
        json.dump(token, f)
    from botocore.tokens import SSOTokenProvider
    refreshed = SSOTokenProvider(botocore.session.Session(profile="dev")).load_token().get_frozen_token()
    assert refreshed.token != response["accessToken"], "the token provider should have refreshed the token"
    print("token refreshed")
    print("OK sso_pkce_login")


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # the C# test shows the output
        print(f"FAILED: {error!r}", flush=True)
        sys.exit(1)
