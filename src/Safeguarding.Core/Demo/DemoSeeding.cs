using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Secrets;

namespace Safeguarding.Core.Demo;

/// <summary>
/// How the demo is seeded. <paramref name="Scale"/>: small (first start of the web host, tests) or city (the CLI's
/// <c>--scale city</c>). <paramref name="CredentialsFile"/>: where the sign-ins are written, every time (a later run
/// finds the partnership and only writes them again). <paramref name="Progress"/>: the partnership's stages.
/// The small scale seeds only the recent days of Operation Encompass: the web host writes the rest of the year once it
/// is running, in the background (<see cref="DemoSeeding.WriteYearAsync"/>); the CLI does not. The city scale seeds
/// the whole year at once.
/// </summary>
public sealed record DemoSeedingOptions(DemoScale Scale, string CredentialsFile, IProgress<DemoProgress>? Progress = null)
{
    /// <summary>Police feed records sent through the real matching after the partnership is seeded.</summary>
    public int Arrivals => Scale == DemoScale.City ? 300 : 30;
}

/// <summary>What a seed did: the sign-ins, and what each stage added (nothing, when the partnership was already there).</summary>
public sealed record DemoSeeded(
    Guid PartnershipId, DemoCredentials Credentials, DemoArrivalSummary Arrivals, DemoEncompassSummary Encompass, TimeSpan EncompassTook,
    DemoEncompassDeliverySummary Delivery);

/// <summary>
/// The one way the demo is seeded, for the web host's first start and <c>safeguard demo seed</c> alike: the
/// partnership (<see cref="DemoPartnership"/>), the police feed through the person index (<see cref="DemoArrivals"/>),
/// Operation Encompass (<see cref="DemoEncompass"/>) and its notifications' history (<see cref="DemoEncompassDelivery"/>),
/// in that order, then the sign-ins file. Every stage does nothing when its data is already there. The demo users'
/// authenticator seeds are stored encrypted with the installation's keys (<paramref name="secrets"/>).
/// </summary>
public sealed class DemoSeeding(SafeguardingDbContext db, PersonIndex index, EncompassDeliveryOptions delivery, SecretsAtRest secrets)
{
    public const string CredentialsFileName = "demo-credentials.json";

    public async Task<DemoSeeded> SeedAsync(DemoSeedingOptions options, CancellationToken ct = default)
    {
        await RefuseNonDemoDataAsync(db, ct);
        var credentials = await new DemoPartnership(db, secrets).SeedAsync(options.Scale, options.Progress, ct);
        var partnershipId = await db.Partnerships.Where(p => p.Code == DemoPartnership.PartnershipCode).Select(p => p.Id).SingleAsync(ct);
        if (credentials.WasAlreadySeeded) credentials = await KeepOrRenewCredentialsAsync(db, secrets, partnershipId, options.CredentialsFile, ct);
        var arrivals = await new DemoArrivals(db, index).SendAsync(partnershipId, options.Arrivals, ct);
        var started = Stopwatch.GetTimestamp();
        var encompass = await new DemoEncompass(db, index).SeedAsync(partnershipId, ct: ct);
        if (options.Scale == DemoScale.City) encompass = Sum(encompass, await WriteCityYearAsync(partnershipId, ct));
        var encompassTook = Stopwatch.GetElapsedTime(started);
        var history = await new DemoEncompassDelivery(db, delivery).RunAsync(partnershipId, ct);
        if (!credentials.WasAlreadySeeded) await credentials.WriteJsonAsync(options.CredentialsFile, ct);
        return new DemoSeeded(partnershipId, credentials, arrivals, encompass, encompassTook, history);
    }

    /// <summary>
    /// The city's year of police incidents behind the recent days, in the seed itself (the city is seeded from the command
    /// line, not by the web host's first start). SQLite is given a larger page cache for it: the city's person index does
    /// not fit in the default 2 MB, and each incident's linkage would read it again from the file.
    /// </summary>
    private async Task<DemoEncompassSummary> WriteCityYearAsync(Guid partnershipId, CancellationToken ct)
    {
        var sqlite = db.Database.IsSqlite();
        if (sqlite)
        {
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144", ct);
        }
        try
        {
            db.ChangeTracker.Clear();
            return await new DemoEncompass(db, index).SeedYearAsync(partnershipId, ct: ct);
        }
        finally
        {
            if (sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private static DemoEncompassSummary Sum(DemoEncompassSummary a, DemoEncompassSummary b) =>
        new(a.Incidents + b.Incidents, a.WithChildren + b.WithChildren, a.Notifications + b.Notifications, a.ChildrenToPlace + b.ChildrenToPlace);

    /// <summary>
    /// The rest of the small demo's year of Operation Encompass, written later (the web host's background): the
    /// incidents behind the recent days, then their notifications' history. Nothing when there is no demo partnership
    /// or the year is already written.
    /// </summary>
    public async Task<(DemoEncompassSummary Year, DemoEncompassDeliverySummary History)?> WriteYearAsync(CancellationToken ct = default)
    {
        var partnershipId = await db.Partnerships.Where(p => p.Code == DemoPartnership.PartnershipCode).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(ct);
        if (partnershipId is not { } id) return null;
        var year = await new DemoEncompass(db, index).SeedYearAsync(id, ct: ct);
        if (year.Incidents == 0) return null;
        db.ChangeTracker.Clear();
        var history = await new DemoEncompassDelivery(db, delivery).RunAsync(id, ct);
        return (year, history);
    }

    /// <summary>
    /// Demo mode and demo seeding refuse a database that holds any partnership other than the demonstration: its
    /// users' sign-ins would sit beside demo accounts whose secrets are in a file, with MFA optional and a demo banner.
    /// A database that cannot be read yet (not created, not migrated) holds nothing to protect.
    /// </summary>
    public static async Task RefuseNonDemoDataAsync(SafeguardingDbContext db, CancellationToken ct = default)
    {
        int others;
        try
        {
            // Asked first so that a new database is not queried for tables it does not have yet.
            if (!(await db.Database.GetAppliedMigrationsAsync(ct)).Any()) return;
            others = await db.Partnerships.CountAsync(p => p.Code != DemoPartnership.PartnershipCode, ct);
        }
        catch (System.Data.Common.DbException)
        {
            return;
        }
        if (others > 0)
            throw new DemoRefusedException(
                $"Demo mode refused: this database holds {others} partnership(s) that are not the demonstration partnership. " +
                "Demo mode (Safeguarding:DemoMode) and demo seeding are only for a database of synthetic data: turn demo mode off, " +
                "or point Database:Provider and ConnectionStrings:Safeguarding at a database of its own.");
    }

    /// <summary>
    /// A later seed keeps the credentials file it finds; the secrets are nowhere else, so when the file is gone (or is
    /// not readable as one) every demo user and API client gets new ones and the file is written again.
    /// </summary>
    public static async Task<DemoCredentials> KeepOrRenewCredentialsAsync(SafeguardingDbContext db, SecretsAtRest secrets, Guid partnershipId, string path, CancellationToken ct = default)
    {
        if (await DemoCredentials.TryReadJsonAsync(path, ct) is { Users.Count: > 0 } kept) return kept with { WasAlreadySeeded = true };
        var previous = db.Process;
        db.Process = new ProcessContext("cli:demo seed", null, "demonstration credentials renewed", "local");
        try
        {
            var renewed = await DemoUsers.RenewAsync(db, secrets, partnershipId, ct);
            await renewed.WriteJsonAsync(path, ct);
            return renewed with { WasAlreadySeeded = true };
        }
        finally
        {
            db.Process = previous;
        }
    }
}

/// <summary>Demo mode or demo seeding asked of a database that holds real partnerships.</summary>
public sealed class DemoRefusedException(string message) : InvalidOperationException(message);
