using Microsoft.AspNetCore.Components.Endpoints;
using Registry.Core.Access;

namespace Gallery.Web.Aliases;

/// <summary>
/// Gallery links under a registry's default alias (<c>/k3x9m2p7/app</c>) keep working after it took a custom alias:
/// they redirect permanently to the same page under the primary alias, as on gallery.ecr.aws.
/// </summary>
public static class DefaultAliasRedirects
{
    public static IApplicationBuilder UseDefaultAliasRedirects(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value ?? "";
            // Gallery pages only: /v2/, /api/ and assets (the registry's hot paths) never look at the alias map.
            if ((HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)) && path.Length > 1
                && context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            {
                var end = path.IndexOf('/', 1);
                var alias = end < 0 ? path[1..] : path[1..end];
                var primary = await context.RequestServices.GetRequiredService<DefaultAliases>().PrimaryForAsync(alias, context.RequestAborted);
                if (primary is not null)
                {
                    // Re-escaped: the decoded path may hold characters a Location header cannot (a %0A would fail the response).
                    var target = new PathString("/" + primary).Add(end < 0 ? PathString.Empty : new PathString(path[end..]));
                    context.Response.Redirect(target.ToUriComponent() + context.Request.QueryString, permanent: true);
                    return;
                }
            }

            await next(context);
        });
}
