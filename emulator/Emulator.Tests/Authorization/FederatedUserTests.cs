using Emulator.Tests.Support;
using static Emulator.Tests.Iam.IamTestSupport;

namespace Emulator.Tests.Authorization;

/// <summary>GetFederationToken sessions: the issuing user's identity policies intersected with the session policies passed.</summary>
public sealed class FederatedUserTests : IDisposable
{
    private const string Account = "333333333333";
    private const string ListOnly = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:List*","Resource":"*"}}""";
    private const string IamAll = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:*","Resource":"*"}}""";
    private readonly EmulatorFactory _factory = new();
    private readonly AwsClient _root;

    public FederatedUserTests() => _root = _factory.Client(Account);

    public void Dispose() => _factory.Dispose();

    private async Task<AwsClient> Broker(string policyArn)
    {
        (await _root.Iam("CreateUser", ("UserName", "broker"))).EnsureSuccess();
        (await _root.Iam("AttachUserPolicy", ("UserName", "broker"), ("PolicyArn", policyArn))).EnsureSuccess();
        (await _root.Iam("PutUserPolicy", ("UserName", "broker"), ("PolicyName", "federate"),
            ("PolicyDocument", """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"sts:GetFederationToken","Resource":"*"}}"""))).EnsureSuccess();
        return _root.As((await _root.Iam("CreateAccessKey", ("UserName", "broker"))).EnsureSuccess().XmlValue("AccessKeyId")!);
    }

    private async Task<AwsClient> Federate(AwsClient broker, params (string, string)[] more)
    {
        var answer = (await broker.Sts("GetFederationToken", [("Name", "bob"), .. more])).EnsureSuccess();
        return _root.As(answer.XmlValue("AccessKeyId")!, answer.XmlValue("SessionToken"));
    }

    [Fact]
    public async Task The_session_policy_caps_an_administrators_federated_user()
    {
        await CreateRole(_root, "app");
        var bob = await Federate(await Broker("arn:aws:iam::aws:policy/AdministratorAccess"), ("Policy", ListOnly));
        (await bob.Iam("ListRoles")).EnsureSuccess();
        (await bob.Iam("GetRole", ("RoleName", "app"))).XmlValue("Message").Should().Be(
            $"User: arn:aws:sts::{Account}:federated-user/bob is not authorized to perform: iam:GetRole on resource: role app because no session policy allows the iam:GetRole action");
    }

    [Fact]
    public async Task The_issuing_users_policies_cap_a_generous_session_policy()
    {
        var bob = await Federate(await Broker("arn:aws:iam::aws:policy/IAMReadOnlyAccess"), ("Policy", IamAll));
        (await bob.Iam("ListRoles")).EnsureSuccess();
        (await bob.Iam("CreateUser", ("UserName", "x"))).XmlValue("Message").Should().EndWith("because no identity-based policy allows the iam:CreateUser action");
    }

    [Fact]
    public async Task Without_a_session_policy_the_federated_user_may_do_nothing()
    {
        var bob = await Federate(await Broker("arn:aws:iam::aws:policy/AdministratorAccess"));
        (await bob.Iam("ListRoles")).XmlValue("Message").Should().EndWith("because no session policy allows the iam:ListRoles action");
        (await bob.Sts("GetCallerIdentity")).EnsureSuccess();
    }

    [Fact]
    public async Task Managed_session_policies_count_too_and_root_federation_is_capped_by_them_only()
    {
        var bob = await Federate(_root, ("PolicyArns.member.1.arn", "arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
        (await bob.Iam("ListRoles")).EnsureSuccess();
        (await bob.Iam("CreateUser", ("UserName", "x"))).XmlValue("Message").Should().EndWith("because no session policy allows the iam:CreateUser action");
    }
}
