namespace Registry.Core.Http.EcrPublic;

/// <summary>
/// An error answered as <c>{"__type": Type, "message": Message}</c> plus any <see cref="Members"/> its exception shape
/// models (InvalidLayerPartException carries <c>lastValidByteReceived</c>), HTTP 400 unless it is a server fault.
/// </summary>
internal sealed class EcrPublicException(string type, string message, IReadOnlyDictionary<string, object>? members = null) : Exception(message)
{
    public string Type { get; } = type;

    public IReadOnlyDictionary<string, object> Members { get; } = members ?? new Dictionary<string, object>();

    public static EcrPublicException InvalidParameter(string message) => new(EcrErrorTypes.InvalidParameter, message);

    /// <summary>A body the AWS JSON protocol cannot read into the operation's input: not JSON, not an object, a member of the wrong type.</summary>
    public static EcrPublicException Serialization(string message) => new(EcrErrorTypes.Serialization, message);
}

/// <summary>The <c>__type</c> names of the errors this API answers with, as ECR Public spells them.</summary>
internal static class EcrErrorTypes
{
    public const string InvalidParameter = "InvalidParameterException";
    public const string RepositoryNotFound = "RepositoryNotFoundException";
    public const string RegistryNotFound = "RegistryNotFoundException";
    public const string ImageNotFound = "ImageNotFoundException";
    public const string ImageAlreadyExists = "ImageAlreadyExistsException";
    public const string ImageDigestDoesNotMatch = "ImageDigestDoesNotMatchException";
    public const string LayersNotFound = "LayersNotFoundException";
    public const string ReferencedImagesNotFound = "ReferencedImagesNotFoundException";
    public const string InvalidLayer = "InvalidLayerException";
    public const string InvalidLayerPart = "InvalidLayerPartException";
    public const string LayerAlreadyExists = "LayerAlreadyExistsException";
    public const string EmptyUpload = "EmptyUploadException";
    public const string UploadNotFound = "UploadNotFoundException";
    public const string AccessDenied = "AccessDeniedException";
    public const string UnknownOperation = "UnknownOperationException";
    public const string Serialization = "SerializationException";
    public const string Server = "ServerException";
}
