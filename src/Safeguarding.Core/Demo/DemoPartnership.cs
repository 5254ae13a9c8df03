using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Secrets;

namespace Safeguarding.Core.Demo;

/// <summary>
/// A fictional partnership, "Aire Valley", shaped on Leeds 2023-24 (DOMAIN.md): its partners, schools, GP practices
/// and services, a user for every role, API clients, and a synthetic population of children and their families.
/// Every draw of data comes from fixed seeds, so two seeds of one scale give the same people and identifiers; the
/// sign-ins' secrets are random for each installation (<see cref="DemoUsers"/>).
/// Each part is seeded by its own class (<see cref="DemoOrganisations"/>, <see cref="DemoUsers"/>, <see cref="DemoPeople"/>,
/// <see cref="DemoSourceRecords"/>, then the learners' and domestic abuse modules'), in one transaction.
/// </summary>
public sealed class DemoPartnership(SafeguardingDbContext db, SecretsAtRest secrets)
{
    public const string PartnershipCode = "demo";
    public const string PartnershipName = "Aire Valley Safeguarding Children Partnership";
    public const string EmailDomain = "demo.example";
    public const string LocalAuthorityCode = "383";
    public const string PoliceForceCode = "13";

    /// <summary>Leeds' pupil count in 2023-24: the city scale seeds exactly this many registered pupils.</summary>
    public const int CityPupils = 136_799;
    public const int SmallChildren = 600;

    /// <summary>Rows added between saves: the tracker is cleared after each, so that a city's seed stays light.</summary>
    internal const int BatchSize = 5_000;

    public async Task<DemoCredentials> SeedAsync(DemoScale scale, IProgress<DemoProgress>? progress = null, CancellationToken ct = default)
    {
        var existing = await db.Partnerships.AsNoTracking().SingleOrDefaultAsync(p => p.Code == PartnershipCode, ct);
        // Its secrets were drawn when it was seeded and are only in the credentials file (see DemoSeeding).
        if (existing is not null) return new DemoCredentials([], []) { WasAlreadySeeded = true };

        var now = db.Clock.GetCurrentInstant();
        var previousProcess = db.Process;
        var previousAutoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.Process = new ProcessContext("cli:demo seed", null, "demonstration data", "local", SummariseWrites: true);
        Guid partnershipId;
        DemoUsers users;
        try
        {
            // All or nothing: an interrupted seed leaves no half partnership that would block the next attempt.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Every entity is complete when it is added, and each save scans for changes once itself: a second,
            // automatic scan of every batch would only cost time.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            // The city seed writes a million-row index set all over a large file: a bigger page cache for this
            // connection saves most of the page churn. Put back to SQLite's default (which we never change) below.
            if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144", ct);
            var partnership = new Partnership { Name = PartnershipName, Code = PartnershipCode, CreatedAt = now };
            partnershipId = partnership.Id;
            db.Partnerships.Add(partnership);

            progress?.Report(new DemoProgress("Organisations", 0, 1));
            var orgs = DemoOrganisations.Plan(scale, partnership.Id, now);
            db.Organisations.AddRange(orgs.All);
            await SaveBatchAsync(db, ct);
            progress?.Report(new DemoProgress("Organisations", 1, 1));

            users = new DemoUsers(db, secrets, now);
            await users.SeedUsersAsync(orgs, progress, ct);
            users.AddApiClients(orgs);
            await SaveBatchAsync(db, ct);

            var people = await new DemoPeople(db, now).SeedAsync(scale, orgs, progress, ct);
            await new DemoSourceRecords(db, now).SeedAsync(orgs, people, progress, ct);
            await DemoLearners.SeedAsync(db, partnership.Id, now, progress, ct);
            await DemoLearnerRegisters.SeedAsync(db, partnership.Id, now, ct);
            await new DemoDomesticAbuse(db).SeedAsync(partnershipId, scale, now, ct);
            await new DemoExploitationMissing(db).SeedAsync(partnershipId, now, ct);
            await DemoExploitationMace.SeedAsync(db, partnershipId, now, ct);
            await new DemoExploitationContexts(db).SeedAsync(partnershipId, now, ct);
            await DemoNavigator.SeedAsync(db, partnershipId, now, ct);
            await new DemoPregnancyAndResettlement(db).SeedAsync(partnershipId, now, ct);
            await new DemoRothAndNrm(db).SeedAsync(partnershipId, now, ct);
            await new DemoSupportRegister(db).SeedAsync(partnershipId, scale, now, ct);
            await new DemoEdAttendances(db).SeedAsync(partnershipId, now, ct);
            // Last: its year of items follows the missing episodes and MACE referrals above.
            await new DemoExploitationPim(db).SeedAsync(partnershipId, now, ct);
            await new DemoViolenceIncidents(db).SeedAsync(partnershipId, now, ct);
            // After the police incidents and emergency department attendances: its past lists' outcomes are drawn from them.
            await new DemoShield(db).SeedAsync(partnershipId, now, ct);
            await new DemoAssurance(db).SeedAsync(partnershipId, now, ct);
            // The Front Door's contacts, decisions and assessments (issue 16).
            await new DemoFrontDoor(db).SeedAsync(partnershipId, scale, now, ct);
            // Case audits, practice reviews and the voice (issue 16): after the MARAC cases the audit samples.
            await new DemoAssuranceReviews(db).SeedAsync(partnershipId, now, ct);
            await new DemoYearlyReport(db).SeedAsync(partnershipId, scale, now, ct);
            // Contacts to the Front Door from the emergency department's recent assaults on children (issue 16).
            await new DemoEdContacts(db).SeedAsync(partnershipId, now, ct);
            if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000", ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            db.Process = previousProcess;
            db.ChangeTracker.AutoDetectChangesEnabled = previousAutoDetect;
            db.ChangeTracker.Clear();
        }
        return await users.CredentialsAsync(partnershipId, ct);
    }

    /// <summary>Saves what was added and lets go of it: a seed adds far more rows than a tracker should hold.</summary>
    internal static async Task SaveBatchAsync(SafeguardingDbContext db, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
