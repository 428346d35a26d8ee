using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Access;

namespace Registry.Core.Http.EcrPublic;

/// <summary>One authenticated, validated API call as its handler sees it.</summary>
internal sealed class EcrCall(HttpContext http, string operation, Caller caller, JsonElement input)
{
    public string Operation { get; } = operation;

    public Caller Caller { get; } = caller;

    /// <summary>The key that signed the call (SigV4 always names one).</summary>
    public string AccessKeyId => Caller.AccessKeyId ?? throw new InvalidOperationException("an ECR Public call is always signed by an access key");

    public CancellationToken Aborted => http.RequestAborted;

    /// <summary>The registry host as the client addressed it (repository URIs start with it).</summary>
    public string Host => http.Request.Host.Value ?? "localhost";

    public string BaseUrl => $"{http.Request.Scheme}://{Host}";

    public T Service<T>() where T : notnull => http.RequestServices.GetRequiredService<T>();

    /// <summary>The body as the operation's request type. It has passed the model's validation already.</summary>
    public T Read<T>()
    {
        try
        {
            return input.Deserialize<T>(EcrJson.Options) ?? throw EcrPublicException.Serialization("The request body must be a JSON object");
        }
        catch (JsonException e)
        {
            // The model's validation has run, so this is a shape it does not describe; the reader's message would name our types.
            throw EcrPublicException.Serialization($"The request body could not be read at '{e.Path}'");
        }
    }
}
