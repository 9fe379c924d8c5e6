// AWS's "integrate IAM Identity Center with Organizations" steps with the JavaScript SDK v3: trusted access, the
// service-linked role in the member, the lock while trusted access is on, paginators and modelled error classes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  OrganizationsClient, CreateOrganizationCommand, CreateAccountCommand, DescribeCreateAccountStatusCommand,
  EnableAWSServiceAccessCommand, DisableAWSServiceAccessCommand, ListAWSServiceAccessForOrganizationCommand,
  RemoveAccountFromOrganizationCommand, paginateListAccounts, AccessDeniedException, AWSOrganizationsNotInUseException,
  DescribeOrganizationCommand,
} from "@aws-sdk/client-organizations";
import { IAMClient, GetRoleCommand, DeleteRoleCommand, UnmodifiableEntityException, paginateListRoles } from "@aws-sdk/client-iam";
import { STSClient, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { startEmulator, config, MANAGEMENT } from "../support/emulator.js";

const SSO = "sso.amazonaws.com";
let emulator;
before(async () => { emulator = await startEmulator(); });
after(async () => { await emulator?.stop(); });

async function createAccount(organizations, name) {
  let { CreateAccountStatus: status } = await organizations.send(new CreateAccountCommand({ Email: `${name}@example.com`, AccountName: name }));
  for (let i = 0; i < 20 && status.State === "IN_PROGRESS"; i++) {
    await new Promise((r) => setTimeout(r, 250));
    ({ CreateAccountStatus: status } = await organizations.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: status.Id })));
  }
  assert.equal(status.State, "SUCCEEDED");
  return status.AccountId;
}

test("trusted access for IAM Identity Center, walked with the JavaScript SDK v3", async () => {
  const organizations = new OrganizationsClient(config(emulator.endpoint));
  const { Organization } = await organizations.send(new CreateOrganizationCommand({ FeatureSet: "ALL" }));
  assert.match(Organization.Id, /^o-[a-z0-9]{10,32}$/);
  assert.equal(Organization.MasterAccountId, MANAGEMENT);

  const members = [];
  for (const name of ["dev", "test", "prod"]) members.push(await createAccount(organizations, name));
  const listed = [];
  for await (const page of paginateListAccounts({ client: organizations, pageSize: 2 }, {})) listed.push(...page.Accounts.map((a) => a.Id));
  assert.deepEqual([...listed].sort(), [MANAGEMENT, ...members].sort(), "the paginator walks every page");

  const member = members[0];
  const asMember = new OrganizationsClient(config(emulator.endpoint, member));
  await assert.rejects(asMember.send(new EnableAWSServiceAccessCommand({ ServicePrincipal: SSO })), (error) =>
    error instanceof AccessDeniedException && error.name === "AccessDeniedException" && error.$metadata.httpStatusCode === 400);

  await organizations.send(new EnableAWSServiceAccessCommand({ ServicePrincipal: SSO }));
  const { EnabledServicePrincipals } = await organizations.send(new ListAWSServiceAccessForOrganizationCommand({}));
  assert.equal(EnabledServicePrincipals[0].ServicePrincipal, SSO);
  assert.ok(EnabledServicePrincipals[0].DateEnabled instanceof Date);

  const iam = new IAMClient(config(emulator.endpoint, member));
  const { Role } = await iam.send(new GetRoleCommand({ RoleName: "AWSServiceRoleForSSO" }));
  assert.equal(Role.Arn, `arn:aws:iam::${member}:role/aws-service-role/sso.amazonaws.com/AWSServiceRoleForSSO`);
  assert.equal(JSON.parse(decodeURIComponent(Role.AssumeRolePolicyDocument)).Statement[0].Principal.Service, SSO);
  await assert.rejects(iam.send(new DeleteRoleCommand({ RoleName: "AWSServiceRoleForSSO" })), (error) =>
    error instanceof UnmodifiableEntityException && /only modifiable by AWS/.test(error.message));
  const roles = [];
  for await (const page of paginateListRoles({ client: iam, pageSize: 1 }, {})) roles.push(...page.Roles.map((r) => r.RoleName));
  assert.ok(roles.includes("AWSServiceRoleForSSO") && roles.includes("OrganizationAccountAccessRole"), roles.join(","));

  const identity = await new STSClient(config(emulator.endpoint, member)).send(new GetCallerIdentityCommand({}));
  assert.equal(identity.Arn, `arn:aws:iam::${member}:root`);

  await organizations.send(new DisableAWSServiceAccessCommand({ ServicePrincipal: SSO }));
  await organizations.send(new RemoveAccountFromOrganizationCommand({ AccountId: member }));
  await assert.rejects(asMember.send(new DescribeOrganizationCommand({})), AWSOrganizationsNotInUseException);
  await assert.rejects(iam.send(new GetRoleCommand({ RoleName: "AWSServiceRoleForSSO" })), { name: "NoSuchEntityException" });
});
