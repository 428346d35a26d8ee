using System.Net;
using System.Security.Cryptography;
using Gallery.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Access;
using Registry.Core.Data;
using Registry.Core.Data.Entities;
using Registry.Core.Events;
using Registry.Core.Repositories.CatalogData;
using Registry.Core.Repositories.Public;
using Registry.Core.Tests.Http;

namespace Registry.Core.Tests.Access;

/// <summary>A registry's logo: the repository logo rule, kept in the blob store, announced, and served by /api/logos/ alone.</summary>
public abstract class RegistryLogoTests(RegistryFixture fixture) : ApiTestBase(fixture)
{
    private static readonly byte[] PngHeader = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private static readonly byte[] JpegHeader = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0];

    [Fact]
    public async Task A_png_logo_is_stored_announced_served_and_shown_on_the_publisher_page()
    {
        var (caller, alias) = await NewPublisherAsync();
        var png = Image(PngHeader);

        await SetLogoAsync(caller, png);

        var registry = await RegistryAsync(caller);
        Assert.Equal(DigestOf(png), registry.LogoDigest);
        Assert.Equal("image/png", registry.LogoMediaType);
        Assert.Equal(1, await QueryAsync(db => db.Events.CountAsync(e => e.Type == RegistryEventTypes.RegistryUpdated && e.Repository == alias)));
        Assert.Equal(DigestOf(png), await QueryAsync(db => db.VisibleRegistries().Where(r => r.Alias == alias).Select(r => r.LogoDigest).FirstOrDefaultAsync()));

        using var served = await Fixture.Host.RawClient.GetAsync("/api/logos/" + DigestOf(png));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", served.Headers.CacheControl?.ToString());
        Assert.Equal(png, await served.Content.ReadAsByteArrayAsync());
        using var head = await Fixture.Host.RawClient.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/logos/" + DigestOf(png)));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("image/png", head.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_jpeg_of_exactly_the_limit_replaces_it_and_removing_it_stops_serving_it()
    {
        var (caller, alias) = await NewPublisherAsync();
        await SetLogoAsync(caller, Image(PngHeader));
        var jpeg = Image(JpegHeader, LogoImageFormat.MaxBytes);

        await SetLogoAsync(caller, jpeg);
        Assert.Equal((DigestOf(jpeg), "image/jpeg"), await LogoOfAsync(caller));
        using (var served = await Fixture.Host.RawClient.GetAsync("/api/logos/" + DigestOf(jpeg)))
        {
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        }

        await SetLogoAsync(caller, null);
        Assert.Equal((null, null), await LogoOfAsync(caller));
        Assert.Null(await QueryAsync(db => db.VisibleRegistries().Where(r => r.Alias == alias).Select(r => r.LogoDigest).FirstOrDefaultAsync()));
        using (var gone = await Fixture.Host.RawClient.GetAsync("/api/logos/" + DigestOf(jpeg)))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        Assert.Equal(3, await QueryAsync(db => db.Events.CountAsync(e => e.Type == RegistryEventTypes.RegistryUpdated && e.Repository == alias)));
    }

    [Fact]
    public async Task A_fake_or_oversized_image_is_refused_with_the_logo_rules_message_and_changes_nothing()
    {
        var (caller, alias) = await NewPublisherAsync();
        var png = Image(PngHeader);
        await SetLogoAsync(caller, png);
        var fake = "GIF89a-not-a-png-at-all"u8.ToArray();
        var oversized = Image(PngHeader, LogoImageFormat.MaxBytes + 1);

        var fakeError = await Assert.ThrowsAsync<PublisherException>(() => SetLogoAsync(caller, fake));
        var sizeError = await Assert.ThrowsAsync<PublisherException>(() => SetLogoAsync(caller, oversized));

        Assert.Equal("the logo must be a PNG or JPEG image", fakeError.Message);
        Assert.Equal("the logo is 512001 bytes; the limit is 512000 bytes", sizeError.Message);
        Assert.Equal(LogoImageFormat.Problem(fake, "logoImageBlob"), RepositoryCatalogValidator.Validate(new(LogoImage: fake)).Single());
        Assert.Equal((DigestOf(png), "image/png"), await LogoOfAsync(caller));
        Assert.Equal(1, await QueryAsync(db => db.Events.CountAsync(e => e.Type == RegistryEventTypes.RegistryUpdated && e.Repository == alias)));
        using var notStored = await Fixture.Host.RawClient.GetAsync("/api/logos/" + DigestOf(fake));
        Assert.Equal(HttpStatusCode.NotFound, notStored.StatusCode);
    }

    [Fact]
    public async Task A_suspended_account_cannot_change_its_logo()
    {
        var (caller, alias) = await NewPublisherAsync();
        var png = Image(PngHeader);
        await SetLogoAsync(caller, png);
        await RunAsync<AdministrationService>(a => a.SetSuspendedAsync(caller.AccountId, true, "an-administrator", CancellationToken.None));

        var refused = await Assert.ThrowsAsync<PublisherException>(() => SetLogoAsync(caller, Image(JpegHeader)));
        await Assert.ThrowsAsync<PublisherException>(() => SetLogoAsync(caller, null));

        Assert.Contains("suspended", refused.Message);
        Assert.Equal((DigestOf(png), "image/png"), await LogoOfAsync(caller));
    }

    [Fact]
    public async Task The_logo_endpoint_serves_no_blob_that_is_not_a_logo()
    {
        var name = RegistryApi.UniqueName();
        var layerLikeAPng = new TestBlob(Image(PngHeader), "application/vnd.oci.image.layer.v1.tar");
        await Api.PushBlobAsync(name, layerLikeAPng);

        using var layer = await Fixture.Host.RawClient.GetAsync("/api/logos/" + layerLikeAPng.Digest);
        using var malformed = await Fixture.Host.RawClient.GetAsync("/api/logos/not-a-digest");

        Assert.Equal(HttpStatusCode.NotFound, layer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
    }

    /// <summary>An image of <paramref name="size"/> bytes: the header, then random bytes (so each is a new digest).</summary>
    private static byte[] Image(byte[] header, int size = 2048)
    {
        var image = new byte[size];
        RandomNumberGenerator.Fill(image);
        header.CopyTo(image, 0);
        return image;
    }

    private static string DigestOf(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    private async Task<(Caller Caller, string Alias)> NewPublisherAsync()
    {
        var alias = $"logo{Guid.NewGuid():N}"[..20];
        var caller = await RunAsync<PublisherService, Caller>(p => p.CreateAsync(
            new PublisherService.NewPublisher($"user-{alias}", null, null, alias, null), CancellationToken.None));
        return (caller, alias);
    }

    private Task SetLogoAsync(Caller caller, byte[]? logo) =>
        RunAsync<PublisherService>(p => p.SetLogoAsync(caller.AccountId, logo, CancellationToken.None));

    private async Task<PublicRegistry> RegistryAsync(Caller caller) =>
        (await RunAsync<PublisherService, PublicRegistry?>(p => p.FindRegistryAsync(caller.AccountId, CancellationToken.None)))!;

    private async Task<(string? Digest, string? MediaType)> LogoOfAsync(Caller caller)
    {
        var registry = await RegistryAsync(caller);
        return (registry.LogoDigest, registry.LogoMediaType);
    }

    private async Task RunAsync<TService>(Func<TService, Task> operation) where TService : notnull
    {
        await using var scope = Fixture.Host.Services.CreateAsyncScope();
        await operation(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private async Task<TResult> RunAsync<TService, TResult>(Func<TService, Task<TResult>> operation) where TService : notnull
    {
        await using var scope = Fixture.Host.Services.CreateAsyncScope();
        return await operation(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private Task<TResult> QueryAsync<TResult>(Func<RegistryDbContext, Task<TResult>> query) => RunAsync(query);
}

public sealed class SqliteRegistryLogoTests(SqliteRegistryFixture fixture) : RegistryLogoTests(fixture), IClassFixture<SqliteRegistryFixture>;

public sealed class PostgresRegistryLogoTests(PostgresRegistryFixture fixture) : RegistryLogoTests(fixture), IClassFixture<PostgresRegistryFixture>;
