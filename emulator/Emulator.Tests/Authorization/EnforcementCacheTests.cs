using System.Net;
using Emulator.Core;
using Emulator.Services.Authorization;
using Emulator.State;
using Emulator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Emulator.Tests.Iam.IamTestSupport;

namespace Emulator.Tests.Authorization;

/// <summary>
/// Enforcement caches what it resolves for a caller per state snapshot (<see cref="CallerAuthorization"/>): each input
/// it caches — attached policies, policy versions, inline policies, group membership, principal tags, boundaries, OU
/// moves, SCP content — is seen by the very next call after it changes. Each check reads twice first, so the second
/// read is answered from the cache.
/// </summary>
public sealed class EnforcementCacheTests : IDisposable
{
    private const string Account = "111111111111";
    private const string IamRead = "arn:aws:iam::aws:policy/IAMReadOnlyAccess";
    private const string AllowGetRole = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:GetRole","Resource":"*"}}""";
    private const string AllowListUsers = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:ListUsers","Resource":"*"}}""";
    private readonly EmulatorFactory _factory = new();
    private readonly AwsClient _root;

    public EnforcementCacheTests() => _root = _factory.Client(Account);

    public void Dispose() => _factory.Dispose();

    private async Task<AwsClient> User(AwsClient root, string name)
    {
        (await root.Iam("CreateUser", ("UserName", name))).EnsureSuccess();
        return root.As((await root.Iam("CreateAccessKey", ("UserName", name))).EnsureSuccess().XmlValue("AccessKeyId")!);
    }

    private static async Task ExpectGetRole(AwsClient client, bool allowed)
    {
        for (var i = 0; i < 2; i++)
        {
            var answer = await client.Iam("GetRole", ("RoleName", "app"));
            answer.Status.Should().Be(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, answer.Body);
        }
    }

    private async Task Ok(string action, params (string Key, string Value)[] parameters) => (await _root.Iam(action, parameters)).EnsureSuccess();

    [Fact]
    public async Task Reads_of_one_snapshot_share_the_callers_resolution_and_a_write_replaces_it()
    {
        var store = _factory.Services.GetRequiredService<StateStore>();
        var caller = new Caller(Account, PrincipalKind.Root, $"arn:aws:iam::{Account}:root", Account);
        var first = store.Read(tx => CallerAuthorization.Of(tx, caller));
        store.Read(tx => CallerAuthorization.Of(tx, caller)).Should().BeSameAs(first);
        await CreateRole(_root, "app");
        store.Read(tx => CallerAuthorization.Of(tx, caller)).Should().NotBeSameAs(first);
        store.Write(tx => CallerAuthorization.Of(tx, caller)).Should().NotBeSameAs(store.Write(tx => CallerAuthorization.Of(tx, caller)), "a write's view is never cached");
    }

    [Fact]
    public async Task Attaching_and_detaching_a_managed_policy_is_seen_by_the_next_call()
    {
        await CreateRole(_root, "app");
        var bob = await User(_root, "bob");
        await ExpectGetRole(bob, allowed: false);
        await Ok("AttachUserPolicy", ("UserName", "bob"), ("PolicyArn", IamRead));
        await ExpectGetRole(bob, allowed: true);
        await Ok("DetachUserPolicy", ("UserName", "bob"), ("PolicyArn", IamRead));
        await ExpectGetRole(bob, allowed: false);
    }

    [Fact]
    public async Task A_new_default_policy_version_is_seen_by_the_next_call()
    {
        await CreateRole(_root, "app");
        var bob = await User(_root, "bob");
        var arn = (await _root.Iam("CreatePolicy", ("PolicyName", "p"), ("PolicyDocument", AllowGetRole))).EnsureSuccess().XmlValue("Arn")!;
        await Ok("AttachUserPolicy", ("UserName", "bob"), ("PolicyArn", arn));
        await ExpectGetRole(bob, allowed: true);
        await Ok("CreatePolicyVersion", ("PolicyArn", arn), ("PolicyDocument", AllowListUsers), ("SetAsDefault", "true"));
        await ExpectGetRole(bob, allowed: false);
        await Ok("SetDefaultPolicyVersion", ("PolicyArn", arn), ("VersionId", "v1"));
        await ExpectGetRole(bob, allowed: true);
    }

    [Fact]
    public async Task Inline_policies_of_the_user_and_group_membership_are_seen_by_the_next_call()
    {
        await CreateRole(_root, "app");
        var bob = await User(_root, "bob");
        await Ok("PutUserPolicy", ("UserName", "bob"), ("PolicyName", "get"), ("PolicyDocument", AllowGetRole));
        await ExpectGetRole(bob, allowed: true);
        await Ok("DeleteUserPolicy", ("UserName", "bob"), ("PolicyName", "get"));
        await ExpectGetRole(bob, allowed: false);

        await Ok("CreateGroup", ("GroupName", "readers"));
        await Ok("PutGroupPolicy", ("GroupName", "readers"), ("PolicyName", "get"), ("PolicyDocument", AllowGetRole));
        await ExpectGetRole(bob, allowed: false);
        await Ok("AddUserToGroup", ("GroupName", "readers"), ("UserName", "bob"));
        await ExpectGetRole(bob, allowed: true);
        await Ok("RemoveUserFromGroup", ("GroupName", "readers"), ("UserName", "bob"));
        await ExpectGetRole(bob, allowed: false);
    }

    [Fact]
    public async Task Principal_tags_are_seen_by_the_next_call()
    {
        await CreateRole(_root, "app");
        var bob = await User(_root, "bob");
        await Ok("PutUserPolicy", ("UserName", "bob"), ("PolicyName", "team"), ("PolicyDocument",
            """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:GetRole","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"blue"}}}}"""));
        await ExpectGetRole(bob, allowed: false);
        await Ok("TagUser", ("UserName", "bob"), ("Tags.member.1.Key", "team"), ("Tags.member.1.Value", "blue"));
        await ExpectGetRole(bob, allowed: true);
        await Ok("TagUser", ("UserName", "bob"), ("Tags.member.1.Key", "team"), ("Tags.member.1.Value", "red"));
        await ExpectGetRole(bob, allowed: false);
        await Ok("UntagUser", ("UserName", "bob"), ("TagKeys.member.1", "team"));
        await Ok("TagUser", ("UserName", "bob"), ("Tags.member.1.Key", "team"), ("Tags.member.1.Value", "blue"));
        await ExpectGetRole(bob, allowed: true);

    }

    [Fact]
    public async Task A_new_version_of_the_permissions_boundary_is_seen_by_the_next_call()
    {
        await CreateRole(_root, "app");
        var boundary = (await _root.Iam("CreatePolicy", ("PolicyName", "boundary"), ("PolicyDocument", AllowGetRole))).EnsureSuccess().XmlValue("Arn")!;
        await Ok("CreateUser", ("UserName", "bob"), ("PermissionsBoundary", boundary));
        await Ok("AttachUserPolicy", ("UserName", "bob"), ("PolicyArn", IamRead));
        var bob = _root.As((await _root.Iam("CreateAccessKey", ("UserName", "bob"))).EnsureSuccess().XmlValue("AccessKeyId")!);
        await ExpectGetRole(bob, allowed: true);
        await Ok("CreatePolicyVersion", ("PolicyArn", boundary), ("PolicyDocument", AllowListUsers), ("SetAsDefault", "true"));
        await ExpectGetRole(bob, allowed: false);
    }

    [Fact]
    public async Task Moving_the_account_between_OUs_and_changing_an_SCP_are_seen_by_the_next_call()
    {
        await _root.CreateOrganization();
        await _root.EnablePolicyType();
        var rootId = await _root.RootId();
        var member = await _root.CreateAccount("Member");
        var memberRoot = _root.As(member);
        await CreateRole(memberRoot, "app");
        var dev = await User(memberRoot, "dev");
        (await memberRoot.Iam("AttachUserPolicy", ("UserName", "dev"), ("PolicyArn", IamRead))).EnsureSuccess();
        var ou = (string)(await _root.Organizations("CreateOrganizationalUnit", new { ParentId = rootId, Name = "locked" })).EnsureSuccess()
            .Json["OrganizationalUnit"]!["Id"]!;
        const string denyGetRole = """{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"iam:GetRole","Resource":"*"}}""";
        var deny = await _root.CreatePolicy("no-get-role", denyGetRole);
        await _root.Attach(deny, ou);
        await ExpectGetRole(dev, allowed: true);

        (await _root.Organizations("MoveAccount", new { AccountId = member, SourceParentId = rootId, DestinationParentId = ou })).EnsureSuccess();
        await ExpectGetRole(dev, allowed: false);
        (await _root.Organizations("UpdatePolicy", new { PolicyId = deny, Content = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}""" })).EnsureSuccess();
        await ExpectGetRole(dev, allowed: true);
        (await _root.Organizations("UpdatePolicy", new { PolicyId = deny, Content = denyGetRole })).EnsureSuccess();
        await ExpectGetRole(dev, allowed: false);
        (await _root.Organizations("MoveAccount", new { AccountId = member, SourceParentId = ou, DestinationParentId = rootId })).EnsureSuccess();
        await ExpectGetRole(dev, allowed: true);
    }

    [Fact]
    public async Task A_condition_on_the_organization_path_follows_the_account_to_its_new_OU()
    {
        await _root.CreateOrganization();
        var org = (string)(await _root.Organizations("DescribeOrganization")).EnsureSuccess().Json["Organization"]!["Id"]!;
        var rootId = await _root.RootId();
        var member = await _root.CreateAccount("Member");
        var memberRoot = _root.As(member);
        await CreateRole(memberRoot, "app");
        var dev = await User(memberRoot, "dev");
        var ou = (string)(await _root.Organizations("CreateOrganizationalUnit", new { ParentId = rootId, Name = "team" })).EnsureSuccess()
            .Json["OrganizationalUnit"]!["Id"]!;
        (await memberRoot.Iam("PutUserPolicy", ("UserName", "dev"), ("PolicyName", "in-team"), ("PolicyDocument",
            """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:GetRole","Resource":"*","Condition":{"ForAnyValue:StringLike":{"aws:PrincipalOrgPaths":"PATH"}}}}""".Replace("PATH", $"{org}/{rootId}/{ou}/*")))).EnsureSuccess();
        await ExpectGetRole(dev, allowed: false);
        (await _root.Organizations("MoveAccount", new { AccountId = member, SourceParentId = rootId, DestinationParentId = ou })).EnsureSuccess();
        await ExpectGetRole(dev, allowed: true);
    }
}
