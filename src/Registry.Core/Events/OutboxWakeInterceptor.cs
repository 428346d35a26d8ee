using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Registry.Core.Data;
using Registry.Core.Data.Entities;

namespace Registry.Core.Events;

/// <summary>
/// Wakes the outbox's in-process followers (<see cref="RegistryEventSignal"/>) when events written through
/// <see cref="OutboxExtensions.AddEvent"/> commit: after the save, or after the transaction the save was part of.
/// The one place the outbox wakes anyone; a wake too many is harmless (followers read the outbox itself).
/// </summary>
internal sealed class OutboxWakeInterceptor(RegistryEventSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        NoteEvents(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        NoteEvents(eventData.Context);
        return ValueTask.FromResult(result);
    }

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

    private static void NoteEvents(DbContext? context)
    {
        if (context is RegistryDbContext db && db.ChangeTracker.Entries<RegistryEvent>().Any(e => e.State == EntityState.Added))
        {
            db.OutboxWritten = true;
        }
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
