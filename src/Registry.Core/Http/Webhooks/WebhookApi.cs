using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Access;
using Registry.Core.Webhooks;

namespace Registry.Core.Http.Webhooks;

/// <summary>
/// <c>/api/webhooks</c>: a publisher's webhooks as JSON, authenticated as <c>/token</c> is, with HTTP Basic and an
/// access key (id and secret) or <c>AWS</c> and a GetAuthorizationToken password. Another publisher's webhook is a 404.
/// </summary>
public static class WebhookApi
{
    public const string Path = "/api/webhooks";

    public static IEndpointRouteBuilder MapWebhookApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).DisableAntiforgery().WithTags("Webhooks").AddEndpointFilter(AuthenticateAsync);
        group.MapGet("/", ListAsync).WithName("ListWebhooks");
        group.MapPost("/", CreateAsync).WithName("CreateWebhook").Accepts<WebhookInput>("application/json");
        group.MapGet("/{id:long}", GetAsync).WithName("GetWebhook");
        group.MapPut("/{id:long}", UpdateAsync).WithName("UpdateWebhook").Accepts<WebhookInput>("application/json");
        group.MapDelete("/{id:long}", DeleteAsync).WithName("DeleteWebhook");
        group.MapGet("/{id:long}/deliveries", DeliveriesAsync).WithName("ListWebhookDeliveries");
        group.MapPost("/{id:long}/test", SendTestAsync).WithName("TestWebhook");
        group.MapPost("/deliveries/{deliveryId:long}/redeliver", RedeliverAsync).WithName("RedeliverWebhookDelivery");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<WebhookView>>, ProblemHttpResult>> ListAsync(HttpContext http, WebhookService webhooks)
    {
        var caller = CallerOf(http);

        return TypedResults.Ok(await webhooks.ListAsync(caller, http.RequestAborted));
    }

    private static async Task<Results<Created<WebhookView>, ProblemHttpResult>> CreateAsync(HttpContext http, WebhookService webhooks)
    {
        var caller = CallerOf(http);

        var (input, problem) = await ReadInputAsync(http);
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            var created = await webhooks.CreateAsync(caller, input!, http.RequestAborted);
            return TypedResults.Created($"{Path}/{created.Id}", created);
        }
        catch (WebhookException e)
        {
            return Invalid(e.Message);
        }
    }

    private static async Task<Results<Ok<WebhookView>, ProblemHttpResult>> GetAsync(long id, HttpContext http, WebhookService webhooks)
    {
        var caller = CallerOf(http);

        return await webhooks.GetAsync(caller, id, http.RequestAborted) is { } view ? TypedResults.Ok(view) : NotFound(id);
    }

    private static async Task<Results<Ok<WebhookView>, ProblemHttpResult>> UpdateAsync(long id, HttpContext http, WebhookService webhooks)
    {
        var caller = CallerOf(http);

        var (input, problem) = await ReadInputAsync(http);
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            return await webhooks.UpdateAsync(caller, id, input!, http.RequestAborted) is { } view ? TypedResults.Ok(view) : NotFound(id);
        }
        catch (WebhookException e)
        {
            return Invalid(e.Message);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, HttpContext http, WebhookService webhooks)
    {
        var caller = CallerOf(http);

        return await webhooks.DeleteAsync(caller, id, http.RequestAborted) ? TypedResults.NoContent() : NotFound(id);
    }

    private static async Task<Results<Ok<IReadOnlyList<WebhookDeliveryView>>, ProblemHttpResult>> DeliveriesAsync(
        long id, HttpContext http, WebhookService webhooks)
    {
        var caller = CallerOf(http);

        return await webhooks.DeliveriesAsync(caller, id, http.RequestAborted) is { } list ? TypedResults.Ok(list) : NotFound(id);
    }

    private static async Task<Results<Accepted<WebhookDeliveryView>, ProblemHttpResult>> SendTestAsync(long id, HttpContext http, WebhookService webhooks)
    {
        var caller = CallerOf(http);

        return await webhooks.SendTestAsync(caller, id, http.RequestAborted) is { } queued ? TypedResults.Accepted((string?)null, queued) : NotFound(id);
    }

    private static async Task<Results<Accepted<WebhookDeliveryView>, ProblemHttpResult>> RedeliverAsync(
        long deliveryId, HttpContext http, WebhookService webhooks)
    {
        var caller = CallerOf(http);

        return await webhooks.RedeliverAsync(caller, deliveryId, http.RequestAborted) is { } queued
            ? TypedResults.Accepted((string?)null, queued)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"you have no webhook delivery {deliveryId}");
    }

    /// <summary>Every endpoint of the group: the caller from HTTP Basic credentials, or 401 before the handler runs.</summary>
    private static async ValueTask<object?> AuthenticateAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var verifier = http.RequestServices.GetRequiredService<CredentialVerifier>();
        if (CredentialVerifier.ParseBasic(http.Request.Headers.Authorization) is not { } basic
            || await verifier.VerifyAsync(basic.User, basic.Password, http.RequestAborted) is not { } caller)
        {
            return Unauthorized(http);
        }

        http.Items[typeof(Caller)] = caller;
        return await next(context);
    }

    private static Caller CallerOf(HttpContext http) => (Caller)http.Items[typeof(Caller)]!;

    private static async Task<(WebhookInput? Input, ProblemHttpResult? Problem)> ReadInputAsync(HttpContext http)
    {
        if (!http.Request.HasJsonContentType())
        {
            return (null, Invalid("the body must be JSON (Content-Type: application/json)"));
        }

        try
        {
            var input = await JsonSerializer.DeserializeAsync<WebhookInput>(http.Request.Body, WebhookPayloads.Json, http.RequestAborted);
            return input is null ? (null, Invalid("the body must be a JSON object")) : (input, null);
        }
        catch (JsonException e)
        {
            return (null, Invalid($"the body is not a webhook: {e.Message}"));
        }
    }

    private static ProblemHttpResult Unauthorized(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = "Basic realm=\"gallery\"";
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
            detail: "send HTTP Basic credentials: an access key id and its secret");
    }

    private static ProblemHttpResult Invalid(string reason) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid webhook", detail: reason);

    private static ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"you have no webhook {id}");
}
