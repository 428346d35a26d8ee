using Gallery.Testing;

namespace Registry.Core.Tests.Http;

/// <summary>Base of the HTTP API tests: each area's tests are written once and run against SQLite and PostgreSQL.</summary>
public abstract class ApiTestBase(RegistryFixture fixture)
{
    protected RegistryFixture Fixture { get; } = fixture;

    protected RegistryApi Api { get; } = new(fixture.Host.Client);

    protected HttpClient Client => Fixture.Host.Client;
}
