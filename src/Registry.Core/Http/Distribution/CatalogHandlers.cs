using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Registry.Core.Oci;
using Registry.Core.Repositories;

namespace Registry.Core.Http.Distribution;

/// <summary>Listings: the tags of a repository, and the catalog of repositories. Both page with n and last and a Link header.</summary>
internal static class CatalogHandlers
{
    public static async Task ListTagsAsync(HttpContext context, RepositoryName name)
    {
        var n = RegistryHeaders.PageSize(context, MaxPageSize(context));
        var last = context.Request.Query["last"].ToString();
        var page = await context.RequestServices.GetRequiredService<TagService>().ListAsync(name, n, last, context.RequestAborted);
        if (page.HasMore)
        {
            context.Response.Headers.Link = RegistryHeaders.NextLink($"/v2/{name}/tags/list", n!.Value, page.Names[^1]);
        }

        await context.Response.WriteAsJsonAsync(new { name = name.FullName, tags = page.Names }, context.RequestAborted);
    }

    public static async Task ListAsync(HttpContext context)
    {
        var n = RegistryHeaders.PageSize(context, MaxPageSize(context));
        var last = context.Request.Query["last"].ToString();
        var page = await context.RequestServices.GetRequiredService<RepositoryService>().ListAsync(n, last, context.RequestAborted);
        if (page.HasMore)
        {
            context.Response.Headers.Link = RegistryHeaders.NextLink("/v2/_catalog", n!.Value, page.Names[^1]);
        }

        await context.Response.WriteAsJsonAsync(new { repositories = page.Names }, context.RequestAborted);
    }

    private static int MaxPageSize(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<RegistryOptions>>().Value.Limits.MaxTagsPageSize;
}
