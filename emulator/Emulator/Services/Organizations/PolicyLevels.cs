using Emulator.State;

namespace Emulator.Services.Organizations;

/// <summary>STUB (authz branch): the orgs branch's real implementation replaces this file at merge.</summary>
public static class PolicyLevels { public static IReadOnlyList<IReadOnlyList<string>> For(Tx tx, string accountId, string policyType) => []; }
