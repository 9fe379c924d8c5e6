using System.Net;
using Emulator.Tests.Support;
using static Emulator.Tests.Iam.IamTestSupport;

namespace Emulator.Tests.Iam;

/// <summary>IAM groups, their members and policies, user inline policies, and the deletion conflicts between them.</summary>
public sealed class GroupTests : IDisposable
{
    private const string Account = "111111111111";
    private const string ListRolesPolicy = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:ListRoles","Resource":"*"}}""";
    private readonly EmulatorFactory _factory = new();
    private readonly AwsClient _root;

    public GroupTests() => _root = _factory.Client(Account);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task CreateGroup_GetGroup_ListGroups_and_UpdateGroup()
    {
        var created = (await _root.Iam("CreateGroup", ("GroupName", "devs"), ("Path", "/eng/"))).EnsureSuccess();
        created.XmlValue("Arn").Should().Be($"arn:aws:iam::{Account}:group/eng/devs");
        created.XmlValue("GroupId").Should().StartWith("AGPA");
        (await _root.Iam("CreateGroup", ("GroupName", "DEVS"))).ErrorCode.Should().Be("EntityAlreadyExists");
        (await _root.Iam("CreateGroup", ("GroupName", "ops"))).EnsureSuccess();

        (await _root.Iam("ListGroups")).XmlValues("GroupName").Should().Equal("devs", "ops");
        (await _root.Iam("ListGroups", ("PathPrefix", "/eng/"))).XmlValues("GroupName").Should().Equal("devs");
        (await _root.Iam("UpdateGroup", ("GroupName", "devs"), ("NewGroupName", "builders"), ("NewPath", "/"))).EnsureSuccess();
        (await _root.Iam("GetGroup", ("GroupName", "builders"))).EnsureSuccess().XmlValue("Arn").Should().Be($"arn:aws:iam::{Account}:group/builders");
        var gone = await _root.Iam("GetGroup", ("GroupName", "devs"));
        gone.Status.Should().Be(HttpStatusCode.NotFound);
        gone.ErrorMessage.Should().Be("The group with name devs cannot be found.");
    }

    [Fact]
    public async Task AddUserToGroup_RemoveUserFromGroup_and_ListGroupsForUser()
    {
        (await _root.Iam("CreateGroup", ("GroupName", "devs"))).EnsureSuccess();
        (await _root.Iam("CreateGroup", ("GroupName", "ops"))).EnsureSuccess();
        (await _root.Iam("CreateUser", ("UserName", "ann"))).EnsureSuccess();
        (await _root.Iam("AddUserToGroup", ("GroupName", "devs"), ("UserName", "ann"))).EnsureSuccess();
        (await _root.Iam("AddUserToGroup", ("GroupName", "ops"), ("UserName", "ann"))).EnsureSuccess();
        (await _root.Iam("AddUserToGroup", ("GroupName", "ops"), ("UserName", "ann"))).EnsureSuccess();
        (await _root.Iam("AddUserToGroup", ("GroupName", "ops"), ("UserName", "ghost"))).ErrorCode.Should().Be("NoSuchEntity");

        (await _root.Iam("GetGroup", ("GroupName", "ops"))).XmlValues("UserName").Should().Equal("ann");
        (await _root.Iam("ListGroupsForUser", ("UserName", "ann"))).XmlValues("GroupName").Should().Equal("devs", "ops");
        (await _root.Iam("RemoveUserFromGroup", ("GroupName", "ops"), ("UserName", "ann"))).EnsureSuccess();
        (await _root.Iam("ListGroupsForUser", ("UserName", "ann"))).XmlValues("GroupName").Should().Equal("devs");
        (await _root.Iam("RemoveUserFromGroup", ("GroupName", "ops"), ("UserName", "ann"))).ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task Group_inline_and_attached_policies_and_DeleteGroup_conflicts()
    {
        (await _root.Iam("CreateGroup", ("GroupName", "devs"))).EnsureSuccess();
        (await _root.Iam("CreateUser", ("UserName", "ann"))).EnsureSuccess();
        (await _root.Iam("AddUserToGroup", ("GroupName", "devs"), ("UserName", "ann"))).EnsureSuccess();
        (await _root.Iam("PutGroupPolicy", ("GroupName", "devs"), ("PolicyName", "list"), ("PolicyDocument", ListRolesPolicy))).EnsureSuccess();
        (await _root.Iam("AttachGroupPolicy", ("GroupName", "devs"), ("PolicyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess"))).EnsureSuccess();

        (await _root.Iam("ListGroupPolicies", ("GroupName", "devs"))).XmlValues("PolicyNames").Should().NotBeEmpty();
        (await _root.Iam("ListGroupPolicies", ("GroupName", "devs"))).XmlValues("member").Should().Equal("list");
        Uri.UnescapeDataString((await _root.Iam("GetGroupPolicy", ("GroupName", "devs"), ("PolicyName", "LIST"))).EnsureSuccess().XmlValue("PolicyDocument")!)
            .Should().Be(ListRolesPolicy);
        (await _root.Iam("ListAttachedGroupPolicies", ("GroupName", "devs"))).XmlValues("PolicyName").Should().Equal("ReadOnlyAccess");

        var withMembers = await _root.Iam("DeleteGroup", ("GroupName", "devs"));
        withMembers.Status.Should().Be(HttpStatusCode.Conflict);
        withMembers.ErrorMessage.Should().Be("Cannot delete entity, must remove users from group first.");
        var userInGroup = await _root.Iam("DeleteUser", ("UserName", "ann"));
        userInGroup.ErrorCode.Should().Be("DeleteConflict");
        (await _root.Iam("RemoveUserFromGroup", ("GroupName", "devs"), ("UserName", "ann"))).EnsureSuccess();
        (await _root.Iam("DeleteGroup", ("GroupName", "devs"))).ErrorMessage.Should().Be("Cannot delete entity, must detach all policies first.");
        (await _root.Iam("DetachGroupPolicy", ("GroupName", "devs"), ("PolicyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess"))).EnsureSuccess();
        (await _root.Iam("DeleteGroup", ("GroupName", "devs"))).ErrorMessage.Should().Be("Cannot delete entity, must delete policies first.");
        (await _root.Iam("DeleteGroupPolicy", ("GroupName", "devs"), ("PolicyName", "list"))).EnsureSuccess();
        (await _root.Iam("GetGroupPolicy", ("GroupName", "devs"), ("PolicyName", "list"))).ErrorCode.Should().Be("NoSuchEntity");
        (await _root.Iam("DeleteGroup", ("GroupName", "devs"))).EnsureSuccess();
    }

    [Fact]
    public async Task User_inline_policies_Put_Get_List_Delete_and_DeleteUser_conflict()
    {
        (await _root.Iam("CreateUser", ("UserName", "ann"))).EnsureSuccess();
        (await _root.Iam("PutUserPolicy", ("UserName", "ann"), ("PolicyName", "list"), ("PolicyDocument", ListRolesPolicy))).EnsureSuccess();
        (await _root.Iam("PutUserPolicy", ("UserName", "ann"), ("PolicyName", "b"), ("PolicyDocument", ListRolesPolicy))).EnsureSuccess();
        (await _root.Iam("ListUserPolicies", ("UserName", "ann"))).XmlValues("member").Should().Equal("b", "list");
        var got = (await _root.Iam("GetUserPolicy", ("UserName", "ann"), ("PolicyName", "list"))).EnsureSuccess();
        got.XmlValue("UserName").Should().Be("ann");
        Uri.UnescapeDataString(got.XmlValue("PolicyDocument")!).Should().Be(ListRolesPolicy);

        var conflict = await _root.Iam("DeleteUser", ("UserName", "ann"));
        conflict.ErrorCode.Should().Be("DeleteConflict");
        conflict.ErrorMessage.Should().Be("Cannot delete entity, must delete policies first.");
        (await _root.Iam("DeleteUserPolicy", ("UserName", "ann"), ("PolicyName", "list"))).EnsureSuccess();
        (await _root.Iam("DeleteUserPolicy", ("UserName", "ann"), ("PolicyName", "b"))).EnsureSuccess();
        (await _root.Iam("DeleteUserPolicy", ("UserName", "ann"), ("PolicyName", "b"))).ErrorMessage.Should().Be("The user policy with name b cannot be found.");
        (await _root.Iam("DeleteUser", ("UserName", "ann"))).EnsureSuccess();
    }

    [Fact]
    public async Task PutUserPolicy_over_the_users_2048_character_quota_is_LimitExceeded()
    {
        (await _root.Iam("CreateUser", ("UserName", "ann"))).EnsureSuccess();
        var actions = string.Join(',', Enumerable.Range(0, 200).Select(i => $"\"iam:Get{i}\""));
        var big = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":[" + actions + "],\"Resource\":\"*\"}}";
        var answer = await _root.Iam("PutUserPolicy", ("UserName", "ann"), ("PolicyName", "big"), ("PolicyDocument", big));
        answer.ErrorCode.Should().Be("LimitExceeded");
        answer.ErrorMessage.Should().Be("Maximum policy size of 2048 bytes exceeded for user ann");
    }

    [Fact]
    public async Task A_users_group_policies_count_in_evaluation()
    {
        (await _root.Iam("CreateGroup", ("GroupName", "listers"))).EnsureSuccess();
        (await _root.Iam("PutGroupPolicy", ("GroupName", "listers"), ("PolicyName", "list"), ("PolicyDocument", ListRolesPolicy))).EnsureSuccess();
        (await _root.Iam("CreateUser", ("UserName", "ann"))).EnsureSuccess();
        var ann = _root.As((await _root.Iam("CreateAccessKey", ("UserName", "ann"))).XmlValue("AccessKeyId")!);
        (await ann.Iam("ListRoles")).ErrorCode.Should().Be("AccessDenied");
        (await _root.Iam("AddUserToGroup", ("GroupName", "listers"), ("UserName", "ann"))).EnsureSuccess();
        (await ann.Iam("ListRoles")).EnsureSuccess();
        (await _root.Iam("PutUserPolicy", ("UserName", "ann"), ("PolicyName", "deny"),
            ("PolicyDocument", """{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"iam:List*","Resource":"*"}}"""))).EnsureSuccess();
        (await ann.Iam("ListRoles")).XmlValue("Message").Should().EndWith("with an explicit deny in an identity-based policy");
    }
}
