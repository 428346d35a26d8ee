using Microsoft.AspNetCore.Http;

namespace Registry.Core.Access.SigV4;

/// <summary>What a signature covers: the method, the path and query as sent, the headers and the body.</summary>
public sealed record SignedRequest(string Method, string RawPath, string RawQuery, IHeaderDictionary Headers, ReadOnlyMemory<byte> Body);
