using Gallery.Testing;
using Xunit.Abstractions;

namespace Registry.Core.Tests.Conformance;

/// <summary>
/// A port of the OCI distribution-spec v1.1 conformance suite (the Ginkgo four-workflow version): each workflow on a
/// fresh repository, then all four in order on one repository as the real suite runs them, where each workflow's
/// leftovers meet the next one. Requests are framed as the suite's Go client frames them. A failure lists every
/// failed spec by its step (e.g. "push C3"); the test output logs each spec's outcome and the suite's warnings.
/// </summary>
public abstract class ConformanceSuiteTests(RegistryFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public Task Pull() => RunAsync(PullWorkflow.RunAsync);

    [Fact]
    public Task Push() => RunAsync(PushWorkflow.RunAsync);

    [Fact]
    public Task ContentDiscovery() => RunAsync(DiscoveryWorkflow.RunAsync);

    [Fact]
    public Task ContentManagement() => RunAsync(ManagementWorkflow.RunAsync);

    /// <summary>OCI_TEST_PULL, _PUSH, _CONTENT_DISCOVERY and _CONTENT_MANAGEMENT all on, with OCI_DELETE_MANIFEST_BEFORE_BLOBS true (the default) or false.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public Task All_workflows_in_order_on_one_repository(bool deleteManifestBeforeBlobs) =>
        RunAsync(async suite =>
        {
            await PullWorkflow.RunAsync(suite);
            await PushWorkflow.RunAsync(suite);
            await DiscoveryWorkflow.RunAsync(suite);
            await ManagementWorkflow.RunAsync(suite);
        }, new ConformanceOptions(DeleteManifestBeforeBlobs: deleteManifestBeforeBlobs));

    private async Task RunAsync(Func<ConformanceSuite, Task> workflows, ConformanceOptions? options = null)
    {
        var suite = new ConformanceSuite(fixture.Host.Client, output, options);
        output.WriteLine($"{fixture.Provider}: repository {suite.Name}, cross-mount {suite.CrossmountClient.Name}");
        await workflows(suite);
        suite.AssertPassed();
    }
}

public sealed class SqliteConformanceSuiteTests(SqliteRegistryFixture fixture, ITestOutputHelper output)
    : ConformanceSuiteTests(fixture, output), IClassFixture<SqliteRegistryFixture>;

public sealed class PostgresConformanceSuiteTests(PostgresRegistryFixture fixture, ITestOutputHelper output)
    : ConformanceSuiteTests(fixture, output), IClassFixture<PostgresRegistryFixture>;
