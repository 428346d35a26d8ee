using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace Gallery.Web.Tests.Pages;

/// <summary>Every routable public page (the console has its own tests) renders, with sample values for its route parameters, and has one heading.</summary>
public sealed class RoutablePagesTests : GalleryTestContext
{
    private static readonly Dictionary<string, object> Samples = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Alias"] = "acme",
        ["Name"] = "web-server",
    };

    public static TheoryData<string> Routes()
    {
        var data = new TheoryData<string>();
        foreach (var route in Pages().SelectMany(p => p.GetCustomAttributes<RouteAttribute>()).Select(r => r.Template))
        {
            data.Add(route);
        }

        return data;
    }

    [Fact]
    public void Every_public_url_shape_has_a_page()
    {
        Assert.Equal(["/", "/_not-found", "/search", "/{Alias}", "/{Alias}/{*Name}"], Pages().SelectMany(p => p.GetCustomAttributes<RouteAttribute>()).Select(r => r.Template).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public void Renders(string template)
    {
        SeedCatalog();
        var type = Pages().Single(p => p.GetCustomAttributes<RouteAttribute>().Any(r => r.Template == template));
        var parameters = template.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s.StartsWith('{'))
            .Select(s => s.Trim('{', '}', '*'))
            .ToDictionary(s => s, s => Samples[s]);

        var page = Render<DynamicComponent>(p => p.Add(x => x.Type, type).Add(x => x.Parameters, parameters));

        Assert.Single(page.FindAll("h1"));
        Assert.Equal(template == "/_not-found", page.Find("h1").TextContent.Contains("not found", StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<Type> Pages() =>
        typeof(Gallery.Web.Components.App).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributes<RouteAttribute>().Any(r => !r.Template.StartsWith("/console", StringComparison.Ordinal)));
}
