using System.Text;
using Gallery.Testing;
using Gallery.Testing.HelmCharts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Data;
using Registry.Core.Data.Entities;
using Registry.Core.Tests.Http;

namespace Registry.Core.Tests.Charts;

/// <summary>
/// Helm charts pushed as <c>helm push</c> does (config, chart archive, manifest over the registry API): their facts
/// are read at push; a malformed config or a hostile archive is stored all the same, with the reason it is unreadable.
/// </summary>
public abstract class HelmChartPushTests(RegistryFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task A_pushed_chart_has_its_facts_and_readme()
    {
        var name = RegistryApi.UniqueName();
        var chart = new HelmChartPackage("podinfo", "6.7.1+build.3", "6.7.1", "Podinfo Helm chart for Kubernetes", ["podinfo", "demo"], "# Podinfo\n\nA tiny web app.");

        await chart.PushAsync(Client, name);

        var row = await ChartAsync(name, chart.Tag);
        Assert.Equal(("podinfo", "6.7.1+build.3", "6.7.1", "Podinfo Helm chart for Kubernetes"), (row.Name, row.Version, row.AppVersion, row.Description));
        Assert.Equal(["podinfo", "demo"], row.Keywords);
        Assert.Equal("# Podinfo\n\nA tiny web app.", row.Readme);
        Assert.Null(row.Problem);
        using var get = await Client.GetAsync($"/v2/{name}/manifests/6.7.1_build.3");
        Assert.Equal(System.Net.HttpStatusCode.OK, get.StatusCode);
    }

    [Fact]
    public async Task A_malformed_config_is_stored_with_its_reason()
    {
        var name = RegistryApi.UniqueName();
        var chart = new HelmChartPackage("broken", "1.0.0", config: Encoding.UTF8.GetBytes("{\"name\": \"broken\", \"version\": "));

        await chart.PushAsync(Client, name);

        var row = await ChartAsync(name, "1.0.0");
        Assert.Null(row.Name);
        Assert.Contains("not readable JSON", row.Problem);
    }

    [Fact]
    public async Task A_hostile_archive_is_stored_with_its_reason()
    {
        var name = RegistryApi.UniqueName();
        var chart = new HelmChartPackage("hostile", "1.0.0", archive: Encoding.UTF8.GetBytes("this is not a gzipped tar at all"));

        await chart.PushAsync(Client, name);

        var row = await ChartAsync(name, "1.0.0");
        Assert.Equal("hostile", row.Name);
        Assert.Null(row.Readme);
        Assert.Contains("not a readable gzipped tar", row.Problem);
    }

    [Fact]
    public async Task An_image_has_no_chart()
    {
        var name = RegistryApi.UniqueName();
        await Api.PushImageAsync(name, TestImage.Create(), "latest");

        await using var scope = Fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var repositoryId = await db.Repositories.Where(r => r.FullName == name).Select(r => r.Id).SingleAsync();
        Assert.True(await db.Manifests.AnyAsync(m => m.RepositoryId == repositoryId));
        Assert.False(await db.Manifests.AnyAsync(m => m.RepositoryId == repositoryId && m.Chart != null));
    }

    private async Task<HelmChart> ChartAsync(string repository, string tag)
    {
        await using var scope = Fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return await (from t in db.Tags
                      join r in db.Repositories on t.RepositoryId equals r.Id
                      join c in db.HelmCharts on t.ManifestId equals c.ManifestId
                      where r.FullName == repository && t.Name == tag
                      select c).AsNoTracking().SingleAsync();
    }
}

public sealed class SqliteHelmChartPushTests(SqliteRegistryFixture fixture) : HelmChartPushTests(fixture), IClassFixture<SqliteRegistryFixture>;

public sealed class PostgresHelmChartPushTests(PostgresRegistryFixture fixture) : HelmChartPushTests(fixture), IClassFixture<PostgresRegistryFixture>;
