namespace Registry.Core.Storage;

/// <summary>An upload a blob store holds bytes for, as <see cref="IBlobStore.ListUploadsAsync"/> finds it.</summary>
/// <param name="State">Enough for <see cref="IBlobStore.DeleteUploadAsync"/> to remove all of it.</param>
public sealed record StoredUpload(Guid Id, DateTime StartedAt, string? State);
