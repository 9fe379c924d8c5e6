using Emulator.Protocol;
using Emulator.Services;
using Emulator.Services.Authorization;
using Emulator.State;

/// <summary>Each step of <see cref="Authorizer.Authorize"/> alone, its inputs computed once beforehand (same snapshot).</summary>
static class AuthorizationSteps
{
    public static IEnumerable<(string Name, Func<Tx, object?> Run)> For(StateStore store, Func<Tx, OperationContext> context,
        ServiceModel model, string operation, IRequestMembers input)
    {
        var binding = ActionTable.For(model.Name, operation)!;
        var (caller, authorization, resource, request, policies, region) = store.Read(tx =>
        {
            var c = context(tx);
            var a = CallerAuthorization.Of(tx, c.Caller);
            var r = binding.Resources(new ResourceScope(tx, c.Caller, input, c.Options.Region)).First();
            return (c.Caller, a, r, ContextKeys.Build(tx, a, binding, r, input, Connection.Local, c.Now, c.Options.Region), a.PoliciesFor(binding.Action), c.Options.Region);
        });
        yield return ("  CallerAuthorization.Of (cached per snapshot and caller)", tx => CallerAuthorization.Of(tx, caller));
        yield return ("  its policies narrowed to the action (cached)", _ => authorization.PoliciesFor(binding.Action));
        yield return ("  resource ARNs", tx => binding.Resources(new ResourceScope(tx, caller, input, region)).Count());
        yield return ("  ContextKeys.Build", tx => ContextKeys.Build(tx, authorization, binding, resource, input, Connection.Local, DateTimeOffset.UtcNow, region));
        yield return ("  PolicyEvaluator.Evaluate (narrowed policies)", _ => PolicyEvaluator.Evaluate(policies, request));
        yield return ("  once per snapshot and caller: Principal.Of, PoliciesFor, OfPrincipal, ForAction", tx =>
        {
            var principal = Principal.Of(tx, caller);
            return (Authorizer.PoliciesFor(tx, principal, null).ForAction(binding.Action), ContextKeys.OfPrincipal(tx, principal));
        });
        yield return ("  once per policy document and action: its statements for the action", _ =>
            authorization.Policies.Identity.Select(p => p.Statements.Where(s => StatementMatcher.MatchesAction(s, binding.Action)).ToList()).ToList());
    }
}
