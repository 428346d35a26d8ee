using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Registry.Core.Data;

namespace Registry.Core.Events;

/// <summary>
/// Wakes the outbox's in-process followers (<see cref="RegistryEventSignal"/>) when events added with
/// <see cref="OutboxExtensions.AddEvent"/> (which marks the context) commit: after the save, or after the transaction
/// the save was part of. The one place the outbox wakes anyone; a wake too many is harmless (followers read the
/// outbox itself), a rolled-back event wakes nobody.
/// </summary>
internal sealed class OutboxWakeInterceptor(RegistryEventSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WakeIfCommitted(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        WakeIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => ForgetIfAlone(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetIfAlone(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Wake(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Wake(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void WakeIfCommitted(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Wake(context);
        }
    }

    private void Wake(DbContext? context)
    {
        if (context is RegistryDbContext { OutboxWritten: true } db)
        {
            db.OutboxWritten = false;
            signal.Notify();
        }
    }

    private static void ForgetIfAlone(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Forget(context);
        }
    }

    private static void Forget(DbContext? context)
    {
        if (context is RegistryDbContext db)
        {
            db.OutboxWritten = false;
        }
    }
}
