using System.Text.Json;
using System.Text.Json.Serialization;

namespace Registry.Core.Storage.S3;

/// <summary>
/// What an S3 upload holds, kept in the session's database row (<see cref="UploadCursor.State"/>): the multipart
/// upload its full parts went to, their ETags in order, and the object holding the bytes after them (under 5 MiB,
/// the smallest part S3 takes). The tail gets a new key at every write, so a write that fails after storing its tail
/// never changes the tail a recorded state names.
/// </summary>
internal sealed record S3UploadState(
    [property: JsonPropertyName("m")] string? MultipartUploadId,
    [property: JsonPropertyName("p")] IReadOnlyList<string> PartETags,
    [property: JsonPropertyName("b")] long PartBytes,
    [property: JsonPropertyName("t")] string? TailKey)
{
    public static readonly S3UploadState Empty = new(null, [], 0, null);

    public static S3UploadState Parse(string? state) =>
        state is null ? Empty : JsonSerializer.Deserialize<S3UploadState>(state) ?? Empty;

    public string Serialize() => JsonSerializer.Serialize(this);
}
