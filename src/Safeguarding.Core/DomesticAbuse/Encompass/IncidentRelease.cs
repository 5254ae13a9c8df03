using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Imports;

namespace Safeguarding.Core.DomesticAbuse.Encompass;

/// <summary>Releases a corrected incident from the quarantine through the same intake as the API and files.</summary>
public sealed class IncidentRelease(SafeguardingDbContext db, IncidentIntake intake, Quarantine quarantine) : IQuarantineRelease
{
    public string Kind => IncidentIntake.QuarantineKind;

    public string ForCorrection(QuarantinedRecord record)
    {
        var source = record.Corrected ?? record.Raw;
        if (IncidentRules.Parse(source, out _) is not null) return source;
        // A CSV record: offer it in the API's JSON shape, which is what release reads.
        try
        {
            var fromCsv = IncidentFiles.ReadCsv(source, "record");
            if (fromCsv.Count == 1 && fromCsv[0].Report is { } report) return IncidentFiles.AsJson(report);
        }
        catch (IncidentFileException) { }
        return source;
    }

    public async Task<ReleaseOutcome> ReleaseAsync(ReleaseQuarantinedOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var (actor, (record, corrected)) = (process.RequireActor(), options);
        if (!actor.HasAny(Resource.Quarantine, Operation.Update))
            throw new ForbiddenException(nameof(QuarantinedRecord), record.Id.ToString(), "Releasing quarantined records is not granted.");
        if (record.Kind != Kind || record.Status != QuarantineStatus.Waiting || record.PartnershipId != actor.PartnershipId)
            throw new InvalidOperationException("This record is not a waiting incident.");
        if (record.SentByOrganisationId is not { } force)
            throw new InvalidOperationException("The force that sent this incident is not known, so it cannot be released as theirs.");

        var report = IncidentRules.Parse(corrected, out var problem);
        if (report is null) return ReleaseOutcome.Refused([problem ?? "Not an incident"]);
        var check = IncidentRules.Check(report, db.Clock.GetCurrentInstant());
        if (!check.IsValid) return ReleaseOutcome.Refused(check.Reasons);

        // The release acts as the releasing user, never as the force: only someone who may send this force's incidents
        // (a user of that force) releases one, and the incident, the audit and the person index's provenance name them.
        var mayCreate = AccessPolicy.Decide(actor, Resource.DomesticIncident, Operation.Create, new RecordFacts(actor.PartnershipId, force));
        if (!mayCreate.Allowed)
            throw new ForbiddenException(nameof(QuarantinedRecord), record.Id.ToString(),
                $"releasing an incident needs leave to send that force's incidents ({mayCreate.Reason})");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await intake.ReceiveAsync(new IncidentToReceive(corrected, report, null, $"quarantine {record.Id}"), process, ct);
        if (result.Outcome == IntakeOutcome.Quarantined) return ReleaseOutcome.Refused(result.Reasons);
        var resolution = result.Outcome switch
        {
            IntakeOutcome.Unchanged => $"Released: police reference {result.PoliceReference} version {result.Version} already held these facts",
            _ => $"Released: police reference {result.PoliceReference} stored as version {result.Version}, {result.NotificationsMade} notifications made",
        };
        db.Attach(record);
        quarantine.MarkReleased(new(record, corrected, resolution), process);
        db.Process = process;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ReleaseOutcome(true, resolution, []);
    }
}
