using System.Text.RegularExpressions;
using Registry.Core.Access.Policies;
using Registry.Core.Repositories.ResourceTags;
using static Registry.Core.Http.EcrPublic.EcrShapes;

namespace Registry.Core.Http.EcrPublic;

/// <summary>TagResource, UntagResource, ListTagsForResource on repository ARNs (<c>arn:aws:ecr-public::&lt;id&gt;:repository/&lt;name&gt;</c>).</summary>
internal static partial class ResourceTagHandlers
{
    private sealed record TagRequest(string ResourceArn, List<TagShape> Tags);

    private sealed record UntagRequest(string ResourceArn, List<string> TagKeys);

    private sealed record ListRequest(string ResourceArn);

    public static async Task<object> TagAsync(EcrCall call)
    {
        var request = call.Read<TagRequest>();
        var target = await ResolveAsync(call, request.ResourceArn, EcrPublicActions.TagResource);
        await call.Service<ResourceTagService>().TagAsync(target.Repository.Id, request.Tags.Select(t => KeyValuePair.Create(t.Key, t.Value)).ToList(), call.Aborted);
        return new { };
    }

    public static async Task<object> UntagAsync(EcrCall call)
    {
        var request = call.Read<UntagRequest>();
        var target = await ResolveAsync(call, request.ResourceArn, EcrPublicActions.UntagResource);
        await call.Service<ResourceTagService>().UntagAsync(target.Repository.Id, request.TagKeys, call.Aborted);
        return new { };
    }

    public static async Task<object> ListAsync(EcrCall call)
    {
        var request = call.Read<ListRequest>();
        var target = await ResolveAsync(call, request.ResourceArn, EcrPublicActions.ListTagsForResource);
        var tags = await call.Service<ResourceTagService>().ListAsync(target.Repository.Id, call.Aborted);
        return new { tags = tags.Select(t => new TagShape(t.Key, t.Value)).ToList() };
    }

    private static Task<RepositoryTarget> ResolveAsync(EcrCall call, string arn, string action)
    {
        var match = RepositoryArn().Match(arn);
        if (!match.Success)
        {
            throw EcrPublicException.InvalidParameter($"Invalid parameter at 'resourceArn' failed to satisfy constraint: 'Invalid ARN {arn}; expected arn:aws:ecr-public::<registry id>:repository/<name>'");
        }

        return RepositoryTargets.ResolveAsync(call, match.Groups["registry"].Value, match.Groups["name"].Value, action);
    }

    [GeneratedRegex("^arn:aws:ecr-public:[a-z0-9-]*:(?<registry>[0-9]{12}):repository/(?<name>(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*)$", RegexOptions.CultureInvariant)]
    private static partial Regex RepositoryArn();
}
