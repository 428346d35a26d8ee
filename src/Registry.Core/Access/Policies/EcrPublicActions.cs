using System.Collections.Frozen;

namespace Registry.Core.Access.Policies;

/// <summary>
/// The IAM actions of ECR Public: one per API operation, <c>ecr-public:&lt;Operation&gt;</c>. Policies may grant or deny
/// only these. Pulls need no action: they are public.
/// </summary>
public static class EcrPublicActions
{
    public const string Prefix = "ecr-public:";

    public const string BatchCheckLayerAvailability = Prefix + nameof(BatchCheckLayerAvailability);
    public const string BatchDeleteImage = Prefix + nameof(BatchDeleteImage);
    public const string CompleteLayerUpload = Prefix + nameof(CompleteLayerUpload);
    public const string CreateRepository = Prefix + nameof(CreateRepository);
    public const string DeleteRepository = Prefix + nameof(DeleteRepository);
    public const string DeleteRepositoryPolicy = Prefix + nameof(DeleteRepositoryPolicy);
    public const string DescribeImageTags = Prefix + nameof(DescribeImageTags);
    public const string DescribeImages = Prefix + nameof(DescribeImages);
    public const string DescribeRegistries = Prefix + nameof(DescribeRegistries);
    public const string DescribeRepositories = Prefix + nameof(DescribeRepositories);
    public const string GetAuthorizationToken = Prefix + nameof(GetAuthorizationToken);
    public const string GetRegistryCatalogData = Prefix + nameof(GetRegistryCatalogData);
    public const string GetRepositoryCatalogData = Prefix + nameof(GetRepositoryCatalogData);
    public const string GetRepositoryPolicy = Prefix + nameof(GetRepositoryPolicy);
    public const string InitiateLayerUpload = Prefix + nameof(InitiateLayerUpload);
    public const string ListTagsForResource = Prefix + nameof(ListTagsForResource);
    public const string PutImage = Prefix + nameof(PutImage);
    public const string PutRegistryCatalogData = Prefix + nameof(PutRegistryCatalogData);
    public const string PutRepositoryCatalogData = Prefix + nameof(PutRepositoryCatalogData);
    public const string SetRepositoryPolicy = Prefix + nameof(SetRepositoryPolicy);
    public const string TagResource = Prefix + nameof(TagResource);
    public const string UntagResource = Prefix + nameof(UntagResource);
    public const string UploadLayerPart = Prefix + nameof(UploadLayerPart);

    /// <summary>Every action, in the service model's order; a statement's action set is a bit mask over this list.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        BatchCheckLayerAvailability, BatchDeleteImage, CompleteLayerUpload, CreateRepository, DeleteRepository,
        DeleteRepositoryPolicy, DescribeImageTags, DescribeImages, DescribeRegistries, DescribeRepositories,
        GetAuthorizationToken, GetRegistryCatalogData, GetRepositoryCatalogData, GetRepositoryPolicy,
        InitiateLayerUpload, ListTagsForResource, PutImage, PutRegistryCatalogData, PutRepositoryCatalogData,
        SetRepositoryPolicy, TagResource, UntagResource, UploadLayerPart,
    ];

    /// <summary>The five actions a push performs, as ECR Public's push-grant examples list them.</summary>
    public static IReadOnlyList<string> Push { get; } =
        [BatchCheckLayerAvailability, InitiateLayerUpload, UploadLayerPart, CompleteLayerUpload, PutImage];

    private static readonly FrozenDictionary<string, int> Indexes =
        All.Select((action, index) => KeyValuePair.Create(action, index)).ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The action an API operation (the <c>X-Amz-Target</c> suffix, e.g. <c>PutImage</c>) needs, or null if unknown.</summary>
    public static string? ForOperation(string operationName) =>
        Indexes.TryGetValue(Prefix + operationName, out var index) && All[index].AsSpan(Prefix.Length).SequenceEqual(operationName)
            ? All[index]
            : null;

    /// <summary>The action's position in <see cref="All"/> (IAM actions are case-insensitive), or -1.</summary>
    internal static int IndexOf(string action) => Indexes.TryGetValue(action, out var index) ? index : -1;
}
