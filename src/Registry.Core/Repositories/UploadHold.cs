using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Data;

namespace Registry.Core.Repositories;

/// <summary>
/// A request's exclusive hold on an upload session, kept in the session's database row so that it holds across
/// nodes. It is a lease, renewed while the request runs: when a node dies mid-request, any node may take the upload
/// over once the lease runs out.
/// </summary>
internal sealed class UploadHold : IAsyncDisposable
{
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(5);

    private readonly AsyncServiceScope _scope;
    private readonly Guid _uploadId;
    private readonly Guid _holdId;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;

    private UploadHold(AsyncServiceScope scope, Guid uploadId, Guid holdId)
    {
        _scope = scope;
        _uploadId = uploadId;
        _holdId = holdId;
        _renewing = RenewAsync();
    }

    /// <summary>Saves made under the hold check it is still this one (the lease may have lapsed and been taken).</summary>
    public Guid Id => _holdId;

    /// <summary>Takes the hold, or returns null while another request holds it (or the session is gone).</summary>
    public static async Task<UploadHold?> TryTakeAsync(IServiceScopeFactory scopes, Guid uploadId, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        var holdId = Guid.NewGuid();
        var now = DateTime.UtcNow;
        var taken = await Db(scope).UploadSessions
            .Where(u => u.Id == uploadId && (u.HoldExpiresAt == null || u.HoldExpiresAt < now))
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.HoldId, holdId).SetProperty(x => x.HoldExpiresAt, now + Lease), cancellationToken);
        if (taken == 0)
        {
            await scope.DisposeAsync();
            return null;
        }

        return new UploadHold(scope, uploadId, holdId);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewing;
        try
        {
            await Db(_scope).UploadSessions
                .Where(u => u.Id == _uploadId && u.HoldId == _holdId)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.HoldId, (Guid?)null).SetProperty(x => x.HoldExpiresAt, (DateTime?)null), CancellationToken.None);
        }
        finally
        {
            _stop.Dispose();
            await _scope.DisposeAsync();
        }
    }

    private async Task RenewAsync()
    {
        using var timer = new PeriodicTimer(RenewEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                await Db(_scope).UploadSessions
                    .Where(u => u.Id == _uploadId && u.HoldId == _holdId)
                    .ExecuteUpdateAsync(u => u.SetProperty(x => x.HoldExpiresAt, DateTime.UtcNow + Lease), _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception) when (!_stop.IsCancellationRequested)
        {
            // The database went away for a moment: the lease may lapse, and the request's own save will say so.
        }
    }

    private static RegistryDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
}
