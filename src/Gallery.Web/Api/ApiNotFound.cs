namespace Gallery.Web.Api;

/// <summary>
/// Any other <c>GET /api/...</c> answers a JSON 404, as an API client expects, instead of the HTML page the
/// gallery's catch-all routes would render.
/// </summary>
public static class ApiNotFound
{
    public static IEndpointRouteBuilder MapApiNotFound(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/api/{**path}", ["GET", "HEAD"], () =>
            TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "There is no API endpoint at this address."))
            .ExcludeFromDescription();
        return app;
    }
}
