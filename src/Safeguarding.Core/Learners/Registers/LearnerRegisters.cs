using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Core.Learners.Registers;

/// <summary>A child to put on (or take off) the EHE or CME register, as the council's education lead records it.</summary>
public sealed record RegisterChild(string LocalId, string? GivenName, string? FamilyName, string? DateOfBirth, Sex Sex, string? Postcode, string? Address,
    LocalDate From, LocalDate? To, string? Upn = null, string? Reason = null, string? LastSchoolUrn = null);

/// <summary>Puts <paramref name="Child"/> on (or takes them off) <paramref name="Register"/>.</summary>
public sealed record RecordOnRegisterOptions(LearnerRegister Register, RegisterChild Child);

/// <summary>The council's elective home education and children missing education registers.</summary>
public sealed class LearnerRegisters(SafeguardingDbContext db, PersonIndex personIndex)
{
    public const string SourceSystem = "council-education";

    public async Task<LearnerRegisterEntry> RecordAsync(RecordOnRegisterOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (register, child) = options;
        if (!AccessPolicy.Decide(actor, Resource.Attendance, Operation.Create).Allowed)
            throw new ForbiddenException("Attendance", null, "Keeping the council's education registers is not granted.");
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var arrival = await personIndex.ReceiveAsync(new IncomingRecord(actor.OrganisationId, SourceSystem, $"{register}/{child.LocalId}",
                System.Text.Json.JsonSerializer.Serialize(child), child.GivenName, child.FamilyName, child.DateOfBirth, child.Sex, child.Postcode, child.Address, null, null),
                process, ct);
            var entry = await db.LearnerRegisterEntries.SingleOrDefaultAsync(e => e.SourceRecordId == arrival.SourceRecordId && e.Register == register, ct);
            if (entry is null)
            {
                entry = new LearnerRegisterEntry { PartnershipId = actor.PartnershipId, Register = register, SourceRecordId = arrival.SourceRecordId };
                db.LearnerRegisterEntries.Add(entry);
            }
            entry.PersonId = arrival.PersonId;
            entry.From = child.From;
            entry.To = child.To;
            entry.RecordedAt = db.Clock.GetCurrentInstant();
            db.Process = process;
            await db.SaveChangesAsync(ct);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(ct);
            return entry;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }
}
