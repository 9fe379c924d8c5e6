using JsonSerializer = System.Text.Json.JsonSerializer;
using LiteDB;
using Emulator.Services.SsoAdmin;

namespace Emulator.State
{
    public sealed partial class Tx
    {
        public ILiteCollection<AccessControlAttributesDoc> AccessControlAttributes => Collection<AccessControlAttributesDoc>("sso_access_control_attributes");
    }
}

namespace Emulator.Services.SsoAdmin
{
    /// <summary>An instance's attributes for access control (ABAC): which identity-source attribute becomes which session tag.</summary>
    public sealed class AccessControlAttributesDoc
    {
        /// <summary>The instance ARN.</summary>
        [BsonId] public string InstanceArn { get; set; } = "";

        /// <summary>The AccessControlAttributes list as the wire JSON (an empty source stays empty).</summary>
        public string AttributesJson { get; set; } = "[]";
    }

    public sealed record AccessControlAttributeValue(IReadOnlyList<string> Source);

    public sealed record AccessControlAttribute(string Key, AccessControlAttributeValue Value);

    public sealed record InstanceAccessControlAttributeConfiguration(IReadOnlyList<AccessControlAttribute> AccessControlAttributes);

    public sealed record InstanceAccessControlAttributeConfigurationRequest(
        string InstanceArn, InstanceAccessControlAttributeConfiguration InstanceAccessControlAttributeConfiguration);

    public sealed record DescribeInstanceAccessControlAttributeConfigurationResponse(
        InstanceAccessControlAttributeConfiguration InstanceAccessControlAttributeConfiguration, string Status, string? StatusReason);

    /// <summary>
    /// Attributes for access control: Create (once per instance), Describe, Update (replaces the list), Delete. The
    /// configuration takes effect at once (Status ENABLED). Keys are unique, case-insensitively.
    /// </summary>
    public static class AccessControlAttributeOperations
    {
        public static void Register(OperationTable table)
        {
            table.Write<InstanceAccessControlAttributeConfigurationRequest, NoOutput>("CreateInstanceAccessControlAttributeConfiguration", Create);
            table.Read<InstanceRequest, DescribeInstanceAccessControlAttributeConfigurationResponse>("DescribeInstanceAccessControlAttributeConfiguration", Describe);
            table.Write<InstanceAccessControlAttributeConfigurationRequest, NoOutput>("UpdateInstanceAccessControlAttributeConfiguration", Update);
            table.Write<InstanceRequest, NoOutput>("DeleteInstanceAccessControlAttributeConfiguration", Delete);
        }

        public static NoOutput Create(OperationContext context, InstanceAccessControlAttributeConfigurationRequest request)
        {
            var instance = SsoAdminAccess.Instance(context, request.InstanceArn, "CreateInstanceAccessControlAttributeConfiguration");
            if (context.Tx.AccessControlAttributes.FindById(instance.InstanceArn) is not null) throw SsoAdminErrors.AccessControlAttributesExist();
            context.Tx.AccessControlAttributes.Insert(new AccessControlAttributesDoc
            {
                InstanceArn = instance.InstanceArn,
                AttributesJson = Serialize(request.InstanceAccessControlAttributeConfiguration),
            });
            return new NoOutput();
        }

        public static DescribeInstanceAccessControlAttributeConfigurationResponse Describe(OperationContext context, InstanceRequest request)
        {
            var doc = Find(context, request.InstanceArn, "DescribeInstanceAccessControlAttributeConfiguration");
            var attributes = JsonSerializer.Deserialize(doc.AttributesJson, SsoAdminJson.Default.IReadOnlyListAccessControlAttribute)!;
            return new(new InstanceAccessControlAttributeConfiguration(attributes), "ENABLED", null);
        }

        public static NoOutput Update(OperationContext context, InstanceAccessControlAttributeConfigurationRequest request)
        {
            var doc = Find(context, request.InstanceArn, "UpdateInstanceAccessControlAttributeConfiguration");
            doc.AttributesJson = Serialize(request.InstanceAccessControlAttributeConfiguration);
            context.Tx.AccessControlAttributes.Update(doc);
            return new NoOutput();
        }

        public static NoOutput Delete(OperationContext context, InstanceRequest request)
        {
            var doc = Find(context, request.InstanceArn, "DeleteInstanceAccessControlAttributeConfiguration");
            context.Tx.AccessControlAttributes.Delete(doc.InstanceArn);
            return new NoOutput();
        }

        private static AccessControlAttributesDoc Find(OperationContext context, string instanceArn, string action)
        {
            var instance = SsoAdminAccess.Instance(context, instanceArn, action);
            return context.Tx.AccessControlAttributes.FindById(instance.InstanceArn) ?? throw SsoAdminErrors.AccessControlAttributesNotFound(instance.InstanceArn);
        }

        private static string Serialize(InstanceAccessControlAttributeConfiguration configuration)
        {
            var attributes = configuration.AccessControlAttributes;
            if (attributes.GroupBy(a => a.Key, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
                throw SsoAdminErrors.DuplicateAccessControlAttributeKeys();
            return JsonSerializer.Serialize(attributes, SsoAdminJson.Default.IReadOnlyListAccessControlAttribute);
        }
    }
}
