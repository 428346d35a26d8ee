namespace Registry.Core.Access.Policies;

/// <summary>
/// What is asked of a repository policy: may this principal perform this action on this repository?
/// </summary>
/// <param name="PrincipalRegistryId">The caller's 12-digit registry (account) id; null for an anonymous caller.</param>
/// <param name="PrincipalArn">The caller's principal ARN, e.g. <c>arn:aws:iam::123456789012:root</c>; null for anonymous.</param>
/// <param name="IsOwner">Whether the caller owns the repository's registry: owners are allowed unless denied.</param>
/// <param name="Action">An <see cref="EcrPublicActions"/> constant, e.g. <see cref="EcrPublicActions.PutImage"/>.</param>
/// <param name="ResourceArn">The repository ARN, <c>arn:aws:ecr-public::&lt;registry id&gt;:repository/&lt;name&gt;</c>.</param>
public sealed record PolicyRequest(string? PrincipalRegistryId, string? PrincipalArn, bool IsOwner, string Action, string ResourceArn);
