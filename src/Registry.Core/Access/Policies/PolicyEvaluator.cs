namespace Registry.Core.Access.Policies;

/// <summary>
/// Decides a request the IAM way: a matching Deny wins; else a matching Allow grants; else the repository owner is
/// allowed; else it is denied. Allocates nothing.
/// </summary>
public static class PolicyEvaluator
{
    public static PolicyDecision Evaluate(PolicyDocument? policy, PolicyRequest request)
    {
        var action = EcrPublicActions.IndexOf(request.Action);
        if (action < 0)
        {
            return new PolicyDecision(PolicyDecisionKind.UnknownAction, null, request, policy is not null);
        }

        PolicyStatement? allow = null;
        var statements = policy?.Statements;
        for (var i = 0; statements is not null && i < statements.Count; i++)
        {
            var statement = statements[i];
            if (!statement.Matches(request, action))
            {
                continue;
            }

            if (statement.Effect == PolicyEffect.Deny)
            {
                return new PolicyDecision(PolicyDecisionKind.DeniedByStatement, statement, request, true);
            }

            allow ??= statement;
        }

        var kind = allow is not null ? PolicyDecisionKind.AllowedByStatement
            : request.IsOwner ? PolicyDecisionKind.AllowedAsOwner
            : PolicyDecisionKind.NotAllowed;
        return new PolicyDecision(kind, allow, request, policy is not null);
    }
}
