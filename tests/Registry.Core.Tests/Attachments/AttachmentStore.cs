using Gallery.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Data;
using Registry.Core.Data.Entities;

namespace Registry.Core.Tests.Attachments;

/// <summary>Reads what the registry recorded of an image's attachments, once the background reader is done with them.</summary>
internal sealed class AttachmentStore(RegistryFixture fixture)
{
    /// <summary>The subject's attachment rows after every pending one was read (at most 30 s).</summary>
    public async Task<List<Attachment>> ReadAsync(string repository, string subject, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var scope = fixture.Host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var rows = await db.Attachments.AsNoTracking().Include(a => a.Manifest)
                .Where(a => a.SubjectDigest == subject && db.Repositories.Any(r => r.Id == a.RepositoryId && r.FullName == repository))
                .OrderBy(a => a.Id).ToListAsync();
            if ((rows.Count == expected && rows.All(r => r.State != AttachmentState.Pending)) || DateTime.UtcNow > deadline)
            {
                Assert.Equal(expected, rows.Count);
                Assert.All(rows, r => Assert.NotEqual(AttachmentState.Pending, r.State));
                return rows;
            }

            await Task.Delay(100);
        }
    }

    public async Task<List<SbomPackage>> PackagesAsync(long attachmentId)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return await db.SbomPackages.AsNoTracking().Where(p => p.AttachmentId == attachmentId).OrderBy(p => p.Ordinal).ToListAsync();
    }

    public async Task<List<RegistryEvent>> EventsAsync(string repository, string type)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return await db.Events.AsNoTracking().Where(e => e.Repository == repository && e.Type == type).ToListAsync();
    }
}
