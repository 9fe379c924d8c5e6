using System.Text.Json;
using Emulator.Protocol;
using Emulator.Services;
using Emulator.Services.TrustModel;

namespace Emulator.Tests.TrustModel;

/// <summary>
/// The protected-role table against the iam model: every IAM operation that names a role (a RoleName input member) is
/// either lock-checked or explicitly allowed, and every implemented lock-checked operation really refuses a protected role.
/// </summary>
public sealed class ProtectedRoleOperationsTests
{
    private static readonly JsonElement IamModel = LoadIamModel();

    private static JsonElement LoadIamModel()
    {
        using var stream = typeof(ServiceModel).Assembly.GetManifestResourceStream("Specs.iam.json")!;
        return JsonDocument.Parse(stream).RootElement.Clone();
    }

    private static IEnumerable<(string Name, JsonElement Operation)> ModelOperations() =>
        IamModel.GetProperty("operations").EnumerateObject().Select(p => (p.Name, p.Value));

    private static JsonElement InputShape(JsonElement operation) =>
        IamModel.GetProperty("shapes").GetProperty(operation.GetProperty("input").GetProperty("shape").GetString()!);

    private static bool TakesRoleName(JsonElement operation) =>
        operation.TryGetProperty("input", out _) && InputShape(operation).GetProperty("members").TryGetProperty("RoleName", out _);

    private static bool ModelsUnmodifiableEntity(JsonElement operation) =>
        operation.TryGetProperty("errors", out var errors) &&
        errors.EnumerateArray().Any(e => e.GetProperty("shape").GetString() == "UnmodifiableEntityException");

    [Fact]
    public void Every_IAM_operation_naming_a_role_is_lock_checked_or_explicitly_allowed()
    {
        var namingARole = ModelOperations().Where(o => TakesRoleName(o.Operation)).Select(o => o.Name).ToList();
        namingARole.Should().HaveCountGreaterThan(15);
        var classified = ProtectedRoleOperations.Locked.Keys.Concat(ProtectedRoleOperations.Allowed.Keys).ToList();
        classified.Should().OnlyHaveUniqueItems("an operation is either locked or allowed, not both");
        classified.Should().BeEquivalentTo(namingARole, "every operation that names a role must be classified, and only those");
    }

    [Fact]
    public void Every_lock_checked_operation_models_UnmodifiableEntity_and_only_the_description_edit_is_allowed_despite_modelling_it()
    {
        var modelled = ModelOperations().Where(o => TakesRoleName(o.Operation) && ModelsUnmodifiableEntity(o.Operation)).Select(o => o.Name).ToList();
        ProtectedRoleOperations.Locked.Keys.Should().BeSubsetOf(modelled);
        modelled.Except(ProtectedRoleOperations.Locked.Keys).Should().Equal("UpdateRoleDescription");
    }

    [Fact]
    public void Every_implemented_lock_checked_operation_is_refused_on_a_protected_role()
    {
        using var world = new DirectWorld();
        const string account = "111111111111";
        world.Iam("CreateServiceLinkedRole", account, new { AWSServiceName = "sso.amazonaws.com" });
        var iam = new ServiceCatalog().Named("iam");
        var implemented = ProtectedRoleOperations.Locked.Keys.Where(iam.Operations.Handlers.ContainsKey).ToList();
        implemented.Should().Contain(["DeleteRole", "AttachRolePolicy", "UpdateAssumeRolePolicy", "UpdateRole"]);

        foreach (var operation in implemented)
        {
            var refusal = world.Refusal("iam", operation, account, SampleInput(operation, "AWSServiceRoleForSSO"));
            refusal.Code.Should().Be("UnmodifiableEntity", operation);
            refusal.Message.Should().Be("Cannot perform the operation on the protected role 'AWSServiceRoleForSSO' - this role is only modifiable by AWS");
        }
    }

    [Fact]
    public void Lock_checked_operations_pass_on_a_customer_role()
    {
        using var world = new DirectWorld();
        const string account = "111111111111";
        world.Iam("CreateRole", account, new { RoleName = "app", AssumeRolePolicyDocument = TrustAccount(account) });
        world.Iam("PutRolePolicy", account, SampleInput("PutRolePolicy", "app"));
        world.Iam("UpdateRole", account, new { RoleName = "app", MaxSessionDuration = 7200 });
        world.Iam("DeleteRolePolicy", account, SampleInput("DeleteRolePolicy", "app"));
        world.Iam("DeleteRole", account, new { RoleName = "app" });
        world.HasRole(account, "app").Should().BeFalse();
    }

    /// <summary>RoleName plus a plausible value for every other required member of the operation's input.</summary>
    private static Dictionary<string, object> SampleInput(string operation, string roleName)
    {
        var shape = InputShape(IamModel.GetProperty("operations").GetProperty(operation));
        var input = new Dictionary<string, object> { ["RoleName"] = roleName };
        if (shape.TryGetProperty("required", out var required))
            foreach (var member in required.EnumerateArray().Select(m => m.GetString()!).Where(m => m != "RoleName"))
                input[member] = member switch
                {
                    "PolicyDocument" => """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""",
                    "PolicyArn" or "PermissionsBoundary" => "arn:aws:iam::aws:policy/ReadOnlyAccess",
                    "PolicyName" => "extra",
                    "InstanceProfileName" => "profile",
                    _ => throw new InvalidOperationException($"no sample for {operation}.{member}"),
                };
        if (operation == "UpdateRole") input["MaxSessionDuration"] = 7200;
        return input;
    }

    private static string TrustAccount(string accountId) =>
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{accountId}}:root"},"Action":"sts:AssumeRole"}]}""";
}
