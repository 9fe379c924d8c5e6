// IAM Identity Center with the JavaScript SDK v3: sso-admin and identitystore (paginators, error classes), the device
// sign-in through sso-oidc with the start URL AWS prints, and an sso-session profile resolved by fromSSO from the token cache.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { OrganizationsClient, CreateOrganizationCommand } from "@aws-sdk/client-organizations";
import { IdentitystoreClient, CreateUserCommand, DescribeUserCommand, ResourceNotFoundException, paginateListUsers } from "@aws-sdk/client-identitystore";
import {
  SSOAdminClient, CreatePermissionSetCommand, CreateAccountAssignmentCommand, DescribeAccountAssignmentCreationStatusCommand,
  paginateListPermissionSets, ConflictException,
} from "@aws-sdk/client-sso-admin";
import { SSOOIDCClient, RegisterClientCommand, StartDeviceAuthorizationCommand, CreateTokenCommand, AuthorizationPendingException } from "@aws-sdk/client-sso-oidc";
import { SSOClient, ListAccountsCommand, LogoutCommand, UnauthorizedException } from "@aws-sdk/client-sso";
import { STSClient, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { fromSSO } from "@aws-sdk/credential-providers";
import { startEmulator, config, control, MANAGEMENT } from "../support/emulator.js";

let emulator;
before(async () => { emulator = await startEmulator(); });
after(async () => { await emulator?.stop(); });

test("Identity Center end to end: a user signs in and fromSSO resolves role credentials from the token cache", async () => {
  const endpoint = emulator.endpoint;
  await new OrganizationsClient(config(endpoint)).send(new CreateOrganizationCommand({ FeatureSet: "ALL" }));
  const setup = await control(endpoint, "/_emulator/sso/setup", { accountId: MANAGEMENT });
  assert.equal(setup.startUrl, `https://${setup.identityStoreId}.awsapps.com/start`);

  const identitystore = new IdentitystoreClient(config(endpoint));
  const users = [];
  for (const name of ["alice", "bob", "carol"]) {
    const { UserId } = await identitystore.send(new CreateUserCommand({
      IdentityStoreId: setup.identityStoreId, UserName: name, DisplayName: name, Name: { GivenName: name, FamilyName: "Tester" },
    }));
    users.push(UserId);
  }
  const listed = [];
  for await (const page of paginateListUsers({ client: identitystore, pageSize: 2 }, { IdentityStoreId: setup.identityStoreId })) {
    listed.push(...page.Users.map((u) => u.UserName));
  }
  assert.deepEqual(listed.sort(), ["alice", "bob", "carol"]);
  await assert.rejects(identitystore.send(new DescribeUserCommand({ IdentityStoreId: setup.identityStoreId, UserId: crypto.randomUUID() })),
    ResourceNotFoundException);
  await control(endpoint, "/_emulator/sso/users", { identityStoreId: setup.identityStoreId, userName: "alice", password: "Correct-Horse-42" });

  const admin = new SSOAdminClient(config(endpoint));
  const { PermissionSet } = await admin.send(new CreatePermissionSetCommand({ InstanceArn: setup.instanceArn, Name: "AdministratorAccess", SessionDuration: "PT1H" }));
  await assert.rejects(admin.send(new CreatePermissionSetCommand({ InstanceArn: setup.instanceArn, Name: "AdministratorAccess" })), ConflictException);
  const sets = [];
  for await (const page of paginateListPermissionSets({ client: admin, pageSize: 1 }, { InstanceArn: setup.instanceArn })) sets.push(...page.PermissionSets);
  assert.deepEqual(sets, [PermissionSet.PermissionSetArn]);
  const { AccountAssignmentCreationStatus: created } = await admin.send(new CreateAccountAssignmentCommand({
    InstanceArn: setup.instanceArn, TargetId: MANAGEMENT, TargetType: "AWS_ACCOUNT", PermissionSetArn: PermissionSet.PermissionSetArn,
    PrincipalType: "USER", PrincipalId: users[0],
  }));
  const { AccountAssignmentCreationStatus: status } = await admin.send(new DescribeAccountAssignmentCreationStatusCommand({
    InstanceArn: setup.instanceArn, AccountAssignmentCreationRequestId: created.RequestId,
  }));
  assert.equal(status.Status, "SUCCEEDED");

  // The device sign-in, as the SDK's token tooling does it (unsigned sso-oidc calls).
  const oidc = new SSOOIDCClient({ endpoint, region: "us-east-1", maxAttempts: 1 });
  const client = await oidc.send(new RegisterClientCommand({ clientName: "js-sdk", clientType: "public", scopes: ["sso:account:access"] }));
  const device = await oidc.send(new StartDeviceAuthorizationCommand({ clientId: client.clientId, clientSecret: client.clientSecret, startUrl: setup.startUrl }));
  const redeem = () => oidc.send(new CreateTokenCommand({
    clientId: client.clientId, clientSecret: client.clientSecret, grantType: "urn:ietf:params:oauth:grant-type:device_code", deviceCode: device.deviceCode,
  }));
  await assert.rejects(redeem(), AuthorizationPendingException);
  await control(endpoint, "/_emulator/sso/device/approve", { userCode: device.userCode, userName: "alice", password: "Correct-Horse-42" });
  await new Promise((r) => setTimeout(r, 1100)); // the polling interval
  const token = await redeem();
  assert.equal(token.tokenType, "Bearer");

  // The token cache and config the CLI writes; fromSSO reads them (sso-session: the cache file is sha1(session name)).
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "js-sso-"));
  const cache = path.join(home, ".aws", "sso", "cache");
  fs.mkdirSync(cache, { recursive: true });
  fs.writeFileSync(path.join(cache, crypto.createHash("sha1").update("emulator").digest("hex") + ".json"), JSON.stringify({
    startUrl: setup.startUrl, region: "us-east-1", accessToken: token.accessToken, refreshToken: token.refreshToken,
    expiresAt: new Date(Date.now() + token.expiresIn * 1000).toISOString(), clientId: client.clientId, clientSecret: client.clientSecret,
    registrationExpiresAt: new Date(client.clientSecretExpiresAt * 1000).toISOString(),
  }));
  const configFile = path.join(home, ".aws", "config");
  fs.writeFileSync(configFile, `[profile dev]\nsso_session = emulator\nsso_account_id = ${MANAGEMENT}\nsso_role_name = AdministratorAccess\nregion = us-east-1\n\n` +
    `[sso-session emulator]\nsso_start_url = ${setup.startUrl}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`);
  const previousHome = process.env.HOME;
  process.env.HOME = home;
  try {
    const credentials = fromSSO({ profile: "dev", configFilepath: configFile, filepath: path.join(home, ".aws", "credentials"), clientConfig: { endpoint } });
    const sts = new STSClient({ endpoint, region: "us-east-1", credentials, maxAttempts: 1 });
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    assert.match(identity.Arn, new RegExp(`^arn:aws:sts::${MANAGEMENT}:assumed-role/AWSReservedSSO_AdministratorAccess_[0-9a-f]{16}/alice$`));
  } finally {
    process.env.HOME = previousHome;
    fs.rmSync(home, { recursive: true, force: true });
  }

  const portal = new SSOClient({ endpoint, region: "us-east-1", maxAttempts: 1 });
  const { accountList } = await portal.send(new ListAccountsCommand({ accessToken: token.accessToken }));
  assert.deepEqual(accountList.map((a) => a.accountId), [MANAGEMENT]);
  await portal.send(new LogoutCommand({ accessToken: token.accessToken }));
  await assert.rejects(portal.send(new ListAccountsCommand({ accessToken: token.accessToken })), UnauthorizedException);
});
