namespace Registry.Core.Access.Policies;

public enum PolicyDecisionKind
{
    /// <summary>A statement allowed it and none denied it.</summary>
    AllowedByStatement,

    /// <summary>No statement matched either way; the caller owns the repository.</summary>
    AllowedAsOwner,

    /// <summary>A Deny statement matched: it wins over any Allow and over ownership.</summary>
    DeniedByStatement,

    /// <summary>No statement allowed it and the caller does not own the repository.</summary>
    NotAllowed,

    /// <summary>The request named an action ECR Public does not have.</summary>
    UnknownAction,
}

/// <summary>
/// The outcome of evaluating a request against a policy. A struct whose <see cref="Reason"/> is composed only when
/// read, so evaluation allocates nothing.
/// </summary>
public readonly struct PolicyDecision
{
    private readonly PolicyRequest request;
    private readonly bool hasPolicy;

    internal PolicyDecision(PolicyDecisionKind kind, PolicyStatement? statement, PolicyRequest request, bool hasPolicy)
    {
        Kind = kind;
        Statement = statement;
        this.request = request;
        this.hasPolicy = hasPolicy;
    }

    public PolicyDecisionKind Kind { get; }

    /// <summary>The statement that decided, for <see cref="PolicyDecisionKind.AllowedByStatement"/> and <see cref="PolicyDecisionKind.DeniedByStatement"/>.</summary>
    public PolicyStatement? Statement { get; }

    public bool IsAllowed => Kind is PolicyDecisionKind.AllowedByStatement or PolicyDecisionKind.AllowedAsOwner;

    /// <summary>Why, in words fit for an error message or a log line.</summary>
    public string Reason => Kind switch
    {
        PolicyDecisionKind.AllowedByStatement => $"{Who} may perform {request.Action} on {request.ResourceArn}: allowed by statement {Statement!.Label} of the repository policy",
        PolicyDecisionKind.AllowedAsOwner => $"{Who} may perform {request.Action} on {request.ResourceArn}: it owns the repository and no policy statement denies it",
        PolicyDecisionKind.DeniedByStatement => $"{Who} is not authorized to perform {request.Action} on {request.ResourceArn}: explicitly denied by statement {Statement!.Label} of the repository policy",
        PolicyDecisionKind.UnknownAction => $"{request.Action} is not an ECR Public action",
        _ => $"{Who} is not authorized to perform {request.Action} on {request.ResourceArn}: "
            + (hasPolicy ? "no statement of the repository policy allows it" : "the repository has no policy granting it"),
    };

    public override string ToString() => Reason;

    private string Who => request.PrincipalArn ?? "an anonymous caller";
}
