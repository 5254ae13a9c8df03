using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.Platform.Imports;

/// <summary>
/// One record to take in: the text it came from (kept as it came in the quarantine), where it came from, and, for a file's
/// row, where each field is (<c>file:line:column</c>) so the quarantine's reasons point at it.
/// </summary>
public interface IReceivedRecord
{
    string Raw { get; }
    string Source { get; }
    Func<string, string>? Locate { get; }
}

/// <summary>
/// Who sends a kind of record: those granted <see cref="Resource"/> Create, acting for an organisation of one type. The
/// words name the records and the senders in the refusals ("missing-person reports", "a police force").
/// </summary>
public sealed record RecordSender(Resource Resource, string ResourceType, OrganisationType OrganisationType, string Records, string Organisation);

/// <summary>
/// What every intake of records from outside shares, so that each module's intake keeps only its own rules (<see
/// cref="TakeAsync"/>): only the right kind of organisation sends (refused before anything is read); a record that fails
/// its checks waits in the quarantine with every reason, located in its file when it came from one; and a file is taken
/// whole in one transaction, every row stored or quarantined, while a file that cannot be read stores nothing. A
/// corrected record comes back through the same rules (<see cref="IntakeRelease{TReport}"/>).
/// </summary>
public abstract class RecordIntake<TReceived, TResult>(SafeguardingDbContext db, Quarantine quarantine) where TReceived : IReceivedRecord
{
    /// <summary>The one context, for the module's own rules.</summary>
    protected SafeguardingDbContext Db => db;

    /// <summary>The <see cref="QuarantinedRecord.Kind"/> of the records this intake holds.</summary>
    protected abstract string HeldAs { get; }

    protected abstract RecordSender Sender { get; }

    /// <summary>The module's own rules for one record from a sender already allowed: check, then store, or hold with <see cref="HoldAsync"/>.</summary>
    protected abstract Task<TResult> TakeAsync(Actor actor, TReceived received, ProcessContext process, CancellationToken ct);

    /// <summary>The module's result for a record held in the quarantine.</summary>
    protected abstract TResult Held(string? reference, Guid quarantinedRecordId, IReadOnlyDictionary<string, List<string>> errors, IReadOnlyList<string> reasons);

    /// <summary>One record (from the API, or a released quarantine record); the process's actor is the sender.</summary>
    public async Task<TResult> ReceiveAsync(TReceived received, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        await RequireSenderAsync(actor, ct);
        return await TakeAsync(actor, received, process, ct);
    }

    /// <summary>
    /// A file: the sender is checked, the file read whole (<paramref name="read"/> throws, naming file:line:column, when it
    /// cannot be), then every row taken in one transaction (the caller's, when it has one).
    /// </summary>
    protected async Task<IReadOnlyList<(string Where, TResult Result)>> ImportAsync(Func<IReadOnlyList<(string Where, TReceived Row)>> read,
        ProcessContext process, CancellationToken ct)
    {
        var actor = process.RequireActor();
        await RequireSenderAsync(actor, ct);
        var rows = read();
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var results = new List<(string, TResult)>(rows.Count);
            foreach (var (where, row) in rows) results.Add((where, await TakeAsync(actor, row, process, ct)));
            if (ownTransaction is not null) await ownTransaction.CommitAsync(ct);
            return results;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    /// <summary>Keeps the record as received, with one reason a line (each prefixed with its file:line:column when known), and saves.</summary>
    protected async Task<TResult> HoldAsync(Actor actor, TReceived received, IReadOnlyDictionary<string, List<string>> errors, string? reference, CancellationToken ct)
    {
        var reasons = errors.SelectMany(e => e.Value.Select(m => received.Locate is { } locate ? $"{locate(e.Key)}: {e.Key}: {m}" : $"{e.Key}: {m}")).ToList();
        var held = quarantine.Hold(actor.PartnershipId, HeldAs, received.Source, received.Raw, reasons, actor.OrganisationId);
        await db.SaveChangesAsync(ct);
        return Held(reference?.Trim(), held.Id, errors, reasons);
    }

    private async Task RequireSenderAsync(Actor actor, CancellationToken ct)
    {
        var sender = Sender;
        if (!AccessPolicy.Decide(actor, sender.Resource, Operation.Create).Allowed)
            throw new ForbiddenException(sender.ResourceType, null, $"No role or scope allows sending {sender.Records}.");
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == actor.OrganisationId && o.PartnershipId == actor.PartnershipId, ct);
        if (organisation?.Type != sender.OrganisationType)
            throw new ForbiddenException(sender.ResourceType, null, $"Only {sender.Organisation} sends {sender.Records}.");
    }
}
