using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Registry.Core.Access.SigV4;
using Registry.Core.Repositories.CatalogData;
using Registry.Core.Repositories.Images;
using Registry.Core.Repositories.Management;
using Registry.Core.Repositories.Policies;
using Registry.Core.Repositories.ResourceTags;

namespace Registry.Core.Http.EcrPublic;

public static class EcrPublicApi
{
    /// <summary>The ECR Public management API's services: SigV4 verification, the repository management services it drives, routing.</summary>
    public static IServiceCollection AddEcrPublicApi(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<SigV4Verifier>();
        services.AddScoped<RepositoryCatalogService>();
        services.AddScoped<RepositoryManagementService>();
        services.AddScoped<ResourceTagService>();
        services.AddScoped<RepositoryPolicyService>();
        services.AddScoped<ImageQueryService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, AmzTargetMatcherPolicy>());
        return services;
    }

    /// <summary>
    /// <c>POST /</c> for requests with an <c>X-Amz-Target</c> header (every other request to <c>/</c> is
    /// left to the gallery), and the logo images that catalog data links to.
    /// </summary>
    public static IEndpointRouteBuilder MapEcrPublicApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/", EcrPublicEndpoint.HandleAsync)
            .WithMetadata(new AmzTargetMetadata())
            .Add(endpoint => ((RouteEndpointBuilder)endpoint).Order = -1);
        app.MapLogoImages();
        return app;
    }
}
