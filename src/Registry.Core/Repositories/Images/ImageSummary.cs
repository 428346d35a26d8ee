namespace Registry.Core.Repositories.Images;

/// <summary>An image as the management API describes it: digest, tags, size, push time and media types.</summary>
public sealed record ImageSummary(long Id, string Digest, IReadOnlyList<string> Tags, long Size, DateTime PushedAt, string MediaType, string? ArtifactMediaType);

/// <summary>One image tag and the image it points at.</summary>
public sealed record TagSummary(string Tag, DateTime UpdatedAt, ImageSummary Image);
