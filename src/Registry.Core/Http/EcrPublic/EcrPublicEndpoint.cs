using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Registry.Core.Access;
using Registry.Core.Access.SigV4;
using Registry.Core.Events;
using Registry.Core.Http.EcrPublic.Model;
using Registry.Core.Oci;
using Registry.Core.Repositories;

namespace Registry.Core.Http.EcrPublic;

/// <summary>
/// <c>POST /</c> with <c>X-Amz-Target: SpencerFrontendService.&lt;Operation&gt;</c>: reads the body, verifies the
/// SigV4 signature, finds the operation, validates the input against the service model, runs the handler and
/// writes its result, or the error as <c>{"__type","message"}</c>. Errors are mapped here, once.
/// </summary>
internal static class EcrPublicEndpoint
{
    public const string TargetPrefix = "SpencerFrontendService.";

    /// <summary>Enough for the largest UploadLayerPart (20 MiB of layer, base64-encoded) and its JSON.</summary>
    public const long MaxBodyBytes = 32 * 1024 * 1024;

    public static async Task HandleAsync(HttpContext context)
    {
        var target = context.Request.Headers[AmzTargetMatcherPolicy.Header].ToString();
        var operation = target.StartsWith(TargetPrefix, StringComparison.Ordinal) ? target[TargetPrefix.Length..] : target;
        try
        {
            var body = await ReadBodyAsync(context);
            var key = await context.RequestServices.GetRequiredService<SigV4Verifier>().VerifyAsync(
                new SignedRequest(context.Request.Method, RawPath(context), context.Request.QueryString.Value ?? "", context.Request.Headers, body),
                context.RequestAborted);
            var caller = await context.RequestServices.GetRequiredService<PublisherService>().FindCallerAsync(key.AccountId, context.RequestAborted) is { } found
                ? found with { AccessKeyId = key.AccessKeyId }
                : throw new SigV4Exception(SigV4Failure.UnrecognizedClient, "The security token included in the request is invalid.");
            context.RequestServices.GetRequiredService<EventActor>().Set(EventActor.NameOf(caller));
            if (!target.StartsWith(TargetPrefix, StringComparison.Ordinal)
                || !EcrOperations.Handlers.TryGetValue(operation, out var handler) || !EcrPublicModel.Instance.Inputs.TryGetValue(operation, out var inputShape))
            {
                throw new EcrPublicException(EcrErrorTypes.UnknownOperation,
                    $"X-Amz-Target '{Shorten(target)}' names no ECR Public operation; expected {TargetPrefix}<Operation>, e.g. {TargetPrefix}DescribeRepositories");
            }

            using var input = EcrRequestBody.Parse(body);
            if (inputShape is not null)
            {
                InputValidator.Validate(EcrPublicModel.Instance, inputShape, input.RootElement);
            }

            var result = await handler(new EcrCall(context, operation, caller, input.RootElement));
            context.Response.ContentType = EcrJson.ContentType;
            await context.Response.WriteAsync(JsonSerializer.Serialize(result, result.GetType(), EcrJson.Options), context.RequestAborted);
        }
        catch (Exception e) when (!context.Response.HasStarted && Map(e) is { } error)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, error);
        }
        catch (Exception e) when (context.RequestAborted.IsCancellationRequested && e is OperationCanceledException or IOException)
        {
            // The client went away; nobody is listening.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EcrPublicEndpoint))
                .LogError(e, "Unhandled error in ECR Public operation {Operation}", Shorten(operation));
            await WriteErrorAsync(context, StatusCodes.Status500InternalServerError,
                new EcrPublicException(EcrErrorTypes.Server, "An internal error occurred; the request may not have completed"));
        }
    }

    /// <summary>The AWS error a refusal becomes, or null for a real fault.</summary>
    private static EcrPublicException? Map(Exception e) => e switch
    {
        EcrPublicException ecr => ecr,
        SigV4Exception sig => new(SigV4ErrorType(sig.Failure), sig.Message),
        AccessDeniedException denied => new(EcrErrorTypes.AccessDenied, denied.Message),
        RepositoryRuleException rule => new(rule.Rule + "Exception", rule.Message),
        PublisherException publisher => EcrPublicException.InvalidParameter(publisher.Message),
        RegistryException { Error.Code: "NAME_UNKNOWN" } registry => new(EcrErrorTypes.RepositoryNotFound, registry.Message),
        RegistryException registry => EcrPublicException.InvalidParameter(registry.Message),
        BadHttpRequestException bad => EcrPublicException.InvalidParameter($"The request body could not be read: {bad.Message}"),
        _ => null,
    };

    private static string SigV4ErrorType(SigV4Failure failure) => failure switch
    {
        SigV4Failure.Missing => "MissingAuthenticationTokenException",
        SigV4Failure.Incomplete => "IncompleteSignatureException",
        SigV4Failure.UnrecognizedClient => "UnrecognizedClientException",
        _ => "InvalidSignatureException",
    };

    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            throw EcrPublicException.InvalidParameter($"The request body is larger than {MaxBodyBytes} bytes");
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private static string RawPath(HttpContext context) =>
        context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw && raw[0] == '/'
            ? raw.Split('?', 2)[0]
            : context.Request.PathBase + context.Request.Path;

    private static Task WriteErrorAsync(HttpContext context, int status, EcrPublicException error)
    {
        var body = new Dictionary<string, object> { ["__type"] = error.Type, ["message"] = error.Message };
        foreach (var (name, value) in error.Members)
        {
            body[name] = value;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = EcrJson.ContentType;
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, EcrJson.Options), context.RequestAborted);
    }

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "...";
}
