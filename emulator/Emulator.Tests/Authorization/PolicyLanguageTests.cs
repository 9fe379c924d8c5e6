using Emulator.Services.Authorization;

namespace Emulator.Tests.Authorization;

/// <summary>The policy language, table-driven, with the IAM User Guide's examples (elements, wildcards, variables, conditions).</summary>
public class PolicyLanguageTests
{
    private static RequestContext Request(string action, string resource, params (string Key, string[] Values)[] keys)
    {
        var request = new RequestContext(action, resource)
        {
            AwsPrincipals = new HashSet<string> { "111122223333", "arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:user/alice" },
        };
        foreach (var (key, values) in keys) request.With(key, values);
        return request;
    }

    private static bool Applies(string statementJson, RequestContext request) =>
        StatementMatcher.Applies(PolicyParser.Parse($$"""{"Version":"2012-10-17","Statement":{{statementJson}}}""").Statements[0], request);

    [Theory]
    [InlineData("""{"Effect":"Allow","Action":"iam:GetRole","Resource":"*"}""", "iam:GetRole", true)]
    [InlineData("""{"Effect":"Allow","Action":"IAM:getrole","Resource":"*"}""", "iam:GetRole", true)]
    [InlineData("""{"Effect":"Allow","Action":"iam:Get*","Resource":"*"}""", "iam:GetRole", true)]
    [InlineData("""{"Effect":"Allow","Action":"iam:Get*","Resource":"*"}""", "iam:DeleteRole", false)]
    [InlineData("""{"Effect":"Allow","Action":"iam:?etRole","Resource":"*"}""", "iam:GetRole", true)]
    [InlineData("""{"Effect":"Allow","Action":"iam:?etRole","Resource":"*"}""", "iam:GGetRole", false)]
    [InlineData("""{"Effect":"Allow","Action":["sts:*","iam:List*"],"Resource":"*"}""", "iam:ListRoles", true)]
    [InlineData("""{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}""", "organizations:ListAccounts", true)]
    [InlineData("""{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}""", "iam:ListRoles", false)]
    [InlineData("""{"Effect":"Allow","Action":"*","Resource":"*"}""", "sso:ListInstances", true)]
    public void Actions_match_case_insensitively_with_wildcards(string statement, string action, bool applies) =>
        Applies(statement, Request(action, "arn:aws:iam::111122223333:role/Foo")).Should().Be(applies);

    [Theory]
    [InlineData("""["arn:aws:iam::111122223333:role/Foo"]""", "arn:aws:iam::111122223333:role/Foo", true)]
    [InlineData("""["arn:aws:iam::111122223333:role/foo"]""", "arn:aws:iam::111122223333:role/Foo", false)]
    [InlineData("""["arn:aws:iam::*:role/*"]""", "arn:aws:iam::111122223333:role/path/Foo", true)]
    [InlineData("""["arn:aws:iam::111122223333:role/F?o"]""", "arn:aws:iam::111122223333:role/Foo", true)]
    [InlineData("""["arn:aws:iam::111122223333:user/${aws:username}"]""", "arn:aws:iam::111122223333:user/alice", true)]
    [InlineData("""["arn:aws:iam::111122223333:user/${aws:username}"]""", "arn:aws:iam::111122223333:user/bob", false)]
    [InlineData("""["arn:aws:iam::111122223333:user/${aws:PrincipalTag/team, 'ops'}-*"]""", "arn:aws:iam::111122223333:user/ops-1", true)]
    [InlineData("""["arn:aws:iam::111122223333:user/${*}"]""", "arn:aws:iam::111122223333:user/*", true)]
    [InlineData("""["arn:aws:iam::111122223333:user/${aws:userid}"]""", "arn:aws:iam::111122223333:user/alice", false)]
    public void Resources_match_case_sensitively_with_wildcards_and_variables(string resources, string resource, bool applies) =>
        Applies($$"""{"Effect":"Allow","Action":"*","Resource":{{resources}}}""", Request("iam:GetUser", resource, ("aws:username", ["alice"]))).Should().Be(applies);

    [Fact]
    public void NotResource_applies_to_every_other_resource()
    {
        const string statement = """{"Effect":"Deny","Action":"*","NotResource":"arn:aws:iam::111122223333:role/Keep"}""";
        Applies(statement, Request("iam:DeleteRole", "arn:aws:iam::111122223333:role/Other")).Should().BeTrue();
        Applies(statement, Request("iam:DeleteRole", "arn:aws:iam::111122223333:role/Keep")).Should().BeFalse();
    }

    [Theory]
    [InlineData("\"*\"", true)]
    [InlineData("""{"AWS":"*"}""", true)]
    [InlineData("""{"AWS":"111122223333"}""", true)]
    [InlineData("""{"AWS":"arn:aws:iam::111122223333:root"}""", true)]
    [InlineData("""{"AWS":["arn:aws:iam::444455556666:root","arn:aws:iam::111122223333:user/alice"]}""", true)]
    [InlineData("""{"AWS":"arn:aws:iam::444455556666:root"}""", false)]
    [InlineData("""{"Service":"lambda.amazonaws.com"}""", false)]
    [InlineData("""{"Federated":"arn:aws:iam::111122223333:saml-provider/x"}""", false)]
    public void Principal_names_the_caller(string principal, bool applies)
    {
        Applies($$"""{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{{principal}}}""", Request("sts:AssumeRole", "arn:aws:iam::111122223333:role/R")).Should().Be(applies);
        Applies($$"""{"Effect":"Deny","Action":"sts:AssumeRole","NotPrincipal":{{principal}}}""", Request("sts:AssumeRole", "arn:aws:iam::111122223333:role/R")).Should().Be(!applies);
    }

    public static TheoryData<string, string, string[]?, bool> Conditions => new()
    {
        // String family
        { "StringEquals", "\"alice\"", ["alice"], true },
        { "StringEquals", "\"alice\"", ["Alice"], false },
        { "StringEquals", "[\"bob\",\"alice\"]", ["alice"], true },
        { "StringEquals", "\"alice\"", null, false },
        { "StringNotEquals", "\"alice\"", ["bob"], true },
        { "StringNotEquals", "\"alice\"", ["alice"], false },
        { "StringNotEquals", "\"alice\"", null, true },
        { "StringEqualsIgnoreCase", "\"ALICE\"", ["alice"], true },
        { "StringNotEqualsIgnoreCase", "\"ALICE\"", ["alice"], false },
        { "StringLike", "\"al*\"", ["alice"], true },
        { "StringLike", "\"al?ce\"", ["alice"], true },
        { "StringNotLike", "\"al*\"", ["bob"], true },
        { "StringEqualsIfExists", "\"alice\"", null, true },
        { "StringEqualsIfExists", "\"alice\"", ["bob"], false },
        { "StringEquals", "\"${aws:username}\"", ["alice"], true },
        // Numeric family
        { "NumericEquals", "\"10\"", ["10"], true },
        { "NumericNotEquals", "\"10\"", ["11"], true },
        { "NumericLessThan", "\"10\"", ["9"], true },
        { "NumericLessThan", "10", ["10"], false },
        { "NumericLessThanEquals", "\"10\"", ["10"], true },
        { "NumericGreaterThan", "\"10\"", ["10.5"], true },
        { "NumericGreaterThanEquals", "\"10\"", ["abc"], false },
        // Date family
        { "DateGreaterThan", "\"2020-01-01T00:00:00Z\"", ["2021-06-01T12:00:00Z"], true },
        { "DateLessThan", "\"2020-01-01T00:00:00Z\"", ["2021-06-01T12:00:00Z"], false },
        { "DateEquals", "\"2020-01-01T00:00:00Z\"", ["1577836800"], true },
        { "DateNotEquals", "\"2020-01-01T00:00:00Z\"", ["1577836801"], true },
        { "DateLessThanEquals", "\"2020-01-01T00:00:00Z\"", ["2020-01-01T00:00:00Z"], true },
        { "DateGreaterThanEquals", "\"2020-01-01T00:00:00Z\"", ["2019-12-31T23:59:59Z"], false },
        // Bool, Binary
        { "Bool", "\"true\"", ["true"], true },
        { "Bool", "true", ["false"], false },
        { "Bool", "\"false\"", null, false },
        { "BinaryEquals", "\"QmluYXJ5VmFsdWU=\"", ["QmluYXJ5VmFsdWU="], true },
        // IP
        { "IpAddress", "\"203.0.113.0/24\"", ["203.0.113.7"], true },
        { "IpAddress", "\"203.0.113.0/24\"", ["198.51.100.7"], false },
        { "NotIpAddress", "[\"203.0.113.0/24\",\"10.0.0.0/8\"]", ["198.51.100.7"], true },
        { "IpAddress", "\"2001:db8::/32\"", ["2001:db8:1::5"], true },
        { "IpAddress", "\"127.0.0.1\"", ["127.0.0.1"], true },
        // ARN
        { "ArnLike", "\"arn:aws:iam::*:role/Admin*\"", ["arn:aws:iam::111122223333:role/AdminX"], true },
        { "ArnEquals", "\"arn:aws:iam::111122223333:role/Admin\"", ["arn:aws:iam::111122223333:role/Admin"], true },
        { "ArnNotLike", "\"arn:aws:iam::*:role/Admin*\"", ["arn:aws:iam::111122223333:user/bob"], true },
        { "ArnNotEquals", "\"arn:aws:iam::111122223333:role/Admin\"", ["arn:aws:iam::111122223333:role/Admin"], false },
        // Null
        { "Null", "\"true\"", null, true },
        { "Null", "\"true\"", ["x"], false },
        { "Null", "\"false\"", ["x"], true },
        // Set operators over multivalued keys (the IAM User Guide's aws:TagKeys examples)
        { "ForAllValues:StringEquals", "[\"env\",\"team\"]", ["env"], true },
        { "ForAllValues:StringEquals", "[\"env\",\"team\"]", ["env", "owner"], false },
        { "ForAllValues:StringEquals", "[\"env\",\"team\"]", null, true },
        { "ForAnyValue:StringEquals", "[\"env\",\"team\"]", ["owner", "team"], true },
        { "ForAnyValue:StringEquals", "[\"env\",\"team\"]", ["owner"], false },
        { "ForAnyValue:StringEquals", "[\"env\",\"team\"]", null, false },
        { "ForAnyValue:StringNotEquals", "\"env\"", ["env", "owner"], true },
        { "ForAllValues:StringLike", "[\"env*\"]", ["env1", "env2"], true },
        { "ForAnyValue:StringEqualsIfExists", "\"env\"", null, true },
        // Unknown operator never matches
        { "StringSortOf", "\"alice\"", ["alice"], false },
    };

    [Theory]
    [MemberData(nameof(Conditions))]
    public void Condition_operators(string op, string policyValues, string[]? requestValues, bool applies)
    {
        var request = Request("iam:GetUser", "*", ("aws:username", ["alice"]));
        if (requestValues is not null) request.With("test:Key", requestValues);
        Applies("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"" + op + "\":{\"test:key\":" + policyValues + "}}}", request).Should().Be(applies);
    }

    [Fact]
    public void Condition_blocks_are_and_keys_are_and_values_are_or()
    {
        const string statement = """
            {"Effect":"Allow","Action":"*","Resource":"*","Condition":{
              "StringEquals":{"aws:username":["alice","bob"],"aws:PrincipalTag/team":"ops"},
              "Bool":{"aws:SecureTransport":"true"}}}
            """;
        Applies(statement, Request("a:b", "*", ("aws:username", ["bob"]), ("aws:PrincipalTag/team", ["ops"]), ("aws:SecureTransport", ["true"]))).Should().BeTrue();
        Applies(statement, Request("a:b", "*", ("aws:username", ["bob"]), ("aws:PrincipalTag/team", ["dev"]), ("aws:SecureTransport", ["true"]))).Should().BeFalse();
        Applies(statement, Request("a:b", "*", ("aws:username", ["bob"]), ("aws:PrincipalTag/team", ["ops"]), ("aws:SecureTransport", ["false"]))).Should().BeFalse();
    }

    [Theory]
    [InlineData("not json", "This policy contains invalid Json")]
    [InlineData("""{"Version":"2012-10-17"}""", "Syntax errors in policy.")]
    [InlineData("""{"Version":"2012-10-17","Statement":{"Effect":"Maybe","Action":"*","Resource":"*"}}""", "Syntax errors in policy.")]
    [InlineData("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Resource":"*"}}""", "Syntax errors in policy.")]
    [InlineData("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","NotAction":"*","Resource":"*"}}""", "Syntax errors in policy.")]
    [InlineData("""{"Version":"2099-01-01","Statement":[]}""", "The policy failed legacy parsing")]
    public void Malformed_documents_are_refused(string json, string message)
    {
        PolicyParser.TryParse(json, "p", out _, out var error).Should().BeFalse();
        error.Should().Be(message);
    }

    [Fact]
    public void Statement_may_be_an_object_or_an_array_and_Sid_is_kept()
    {
        PolicyParser.Parse("""{"Statement":{"Sid":"One","Effect":"Deny","Action":"*","Resource":"*"}}""").Statements.Should().ContainSingle().Which.Sid.Should().Be("One");
        PolicyParser.Parse("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"a:b","Resource":"*"},{"Effect":"Deny","Action":"a:c","Resource":"*"}]}""")
            .Statements.Select(s => s.Effect).Should().Equal(Effect.Allow, Effect.Deny);
    }
}
