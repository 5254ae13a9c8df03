using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Checklists;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.People;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.DomesticAbuse;

/// <summary>
/// A corrected police record arrives as a new version (a new row, same police reference): incidents are counted and
/// decided by police reference, so a correction neither counts twice nor undoes a decision. And the DRAMM list costs
/// the same queries however many cases a page holds.
/// </summary>
public sealed class PoliceVersionTests
{
    private static readonly LocalDate Tuesday = new(2026, 11, 10);
    private static readonly LocalDate Wednesday = new(2026, 11, 11);

    /// <summary>The police send the incident again, corrected: the next version, received at a time.</summary>
    private static async Task<DomesticIncident> CorrectionAsync(PathwayWorld w, DomesticIncident incident, Instant receivedAt, Action<DomesticIncident> change)
    {
        await using var db = w.NewContext();
        var latest = await db.DomesticIncidents.Include(i => i.Adults).Include(i => i.Children)
            .SingleAsync(i => i.PoliceReference == incident.PoliceReference && i.IsLatest);
        var next = new DomesticIncident
        {
            PartnershipId = latest.PartnershipId, ForceOrganisationId = latest.ForceOrganisationId, PoliceReference = latest.PoliceReference,
            Version = latest.Version + 1, OccurredAt = latest.OccurredAt, ReportedAt = latest.ReportedAt, Category = latest.Category,
            Summary = latest.Summary, Address = latest.Address, Postcode = latest.Postcode, Received = "{}", ReceivedAt = receivedAt,
            Adults = [.. latest.Adults.Select(a => new IncidentAdult { Role = a.Role, GivenName = a.GivenName, FamilyName = a.FamilyName, DateOfBirth = a.DateOfBirth, PersonId = a.PersonId })],
            Children = [.. latest.Children.Select(c => new IncidentChild { GivenName = c.GivenName, FamilyName = c.FamilyName, DateOfBirth = c.DateOfBirth, PersonId = c.PersonId, Present = c.Present, ChildKey = c.ChildKey })],
        };
        change(next);
        latest.IsLatest = false;
        db.Process = PathwayWorld.Process(w.Officer);
        db.DomesticIncidents.Add(next);
        await db.SaveChangesAsync();
        return next;
    }

    private static async Task<RiskAssessment> StartDashAsync(PathwayWorld w, Guid incidentId, LocalDate incidentDate, int yes)
    {
        await using var db = w.NewContext();
        var records = new RiskAssessmentRecords(db);
        var process = PathwayWorld.Process(w.Officer);
        var a = await records.StartAsync(new StartAssessment(ChecklistDefinition.Adult, AssessmentSetting.Police, w.Victim.Id, w.Harmer.Id, incidentId, incidentDate), process);
        await records.SaveAnswersAsync(new SaveAnswersOptions(a.Id,
            Enumerable.Range(1, 24).ToDictionary(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture), i => (bool?)(i <= yes))), process);
        return a;
    }

    private static async Task<RiskResult> CompleteAsync(PathwayWorld w, Guid assessmentId)
    {
        await using var db = w.NewContext();
        return await new RiskAssessmentRecords(db).CompleteAsync(new CompleteAssessmentOptions(assessmentId, false, null), PathwayWorld.Process(w.Officer));
    }

    [Theory, BothDatabases]
    public async Task A_correction_that_arrives_while_a_checklist_is_open_is_not_counted_as_an_earlier_incident(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        // One earlier incident and this one: two in twelve months, below the escalation count of three.
        await w.IncidentAsync(Instant.FromUtc(2026, 8, 1, 20, 0), Instant.FromUtc(2026, 8, 1, 21, 0));
        var incident = await w.IncidentAsync(Instant.FromUtc(2026, 11, 9, 20, 0), Instant.FromUtc(2026, 11, 9, 21, 0));
        var assessment = await StartDashAsync(w, incident.Id, new LocalDate(2026, 11, 9), 5);

        await CorrectionAsync(w, incident, Instant.FromUtc(2026, 11, 9, 22, 0), v => v.Summary = "Corrected: the victim was also threatened.");
        var result = await CompleteAsync(w, assessment.Id);

        Assert.False(result.PotentialEscalation);
        Assert.False(result.Refer);
    }

    [Theory, BothDatabases]
    public async Task The_dramm_list_counts_earlier_incidents_once_each_whatever_their_versions(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        var earlier = await w.IncidentAsync(Instant.FromUtc(2026, 8, 1, 20, 0), Instant.FromUtc(2026, 8, 1, 21, 0));
        await CorrectionAsync(w, earlier, Instant.FromUtc(2026, 8, 2, 9, 0), v => v.Category = DomesticAbuseCategory.Psychological);
        var incident = await w.IncidentAsync(Instant.FromUtc(2026, 11, 9, 20, 0), Instant.FromUtc(2026, 11, 9, 21, 0));
        var assessment = await StartDashAsync(w, incident.Id, new LocalDate(2026, 11, 9), 5);
        await CompleteAsync(w, assessment.Id);
        // Corrected before Tuesday's list: the list shows the correction, with the checklist made on the first version.
        await CorrectionAsync(w, incident, Instant.FromUtc(2026, 11, 10, 7, 0), v => v.Summary = "Corrected.");

        await using var db = w.NewContext();
        var (_, cases) = await new DrammList(db).ForDayAsync(new DrammDayOptions(Tuesday), PathwayWorld.Process(w.FrontDoor));

        var c = Assert.Single(cases);
        Assert.Equal((incident.PoliceReference, 2, assessment.Id, 1), (c.PoliceReference, c.Version, c.RiskAssessmentId, c.EarlierIncidents));
    }

    [Theory, BothDatabases]
    public async Task A_decided_incident_stays_decided_when_a_new_version_arrives_and_is_flagged_changed_on_the_day_it_arrives(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        // Received on Monday evening: Tuesday's list. A checklist on it, then Tuesday's meeting decides.
        var incident = await w.IncidentAsync(Instant.FromUtc(2026, 11, 9, 19, 0), Instant.FromUtc(2026, 11, 9, 20, 0));
        var assessment = await StartDashAsync(w, incident.Id, new LocalDate(2026, 11, 9), 6);
        await CompleteAsync(w, assessment.Id);
        w.Clock.Reset(Instant.FromUtc(2026, 11, 10, 9, 30));
        await using (var db = w.NewContext())
            await new DrammList(db).TriageAsync(new TriageOptions(incident.Id, assessment.Id, null, false, false, false, false, false, true, "Victim safe with family; IDVA declined."),
                PathwayWorld.Process(w.FrontDoor));

        // On Tuesday afternoon the police send a correction: another kind of abuse, and a child they had missed.
        var correction = await CorrectionAsync(w, incident, Instant.FromUtc(2026, 11, 10, 15, 0), v =>
        {
            v.Category = DomesticAbuseCategory.ControllingOrCoercive;
            v.Children.Add(new IncidentChild { GivenName = w.Baby.GivenName, FamilyName = w.Baby.FamilyName, DateOfBirth = w.Baby.DateOfBirth, PersonId = w.Baby.Id });
        });
        w.Clock.Reset(Instant.FromUtc(2026, 11, 11, 9, 30));

        await using var read = w.NewContext();
        var dramm = new DrammList(read);
        var (_, tuesday) = await dramm.ForDayAsync(new DrammDayOptions(Tuesday), PathwayWorld.Process(w.FrontDoor));
        var decided = Assert.Single(tuesday);
        Assert.Equal((incident.Id, 1), (decided.IncidentId, decided.Version));
        Assert.True(decided.Decision!.NoFurtherAction);
        Assert.Null(decided.ChangedSinceDecided);

        var (_, wednesday) = await dramm.ForDayAsync(new DrammDayOptions(Wednesday), PathwayWorld.Process(w.FrontDoor));
        var changed = Assert.Single(wednesday);
        Assert.Equal((correction.Id, 2), (changed.IncidentId, changed.Version));
        Assert.True(changed.Decision!.NoFurtherAction);
        Assert.Equal(assessment.Id, changed.Dash?.Id);
        Assert.Equal(new[] { "the kind of abuse", "a child added" }, changed.ChangedSinceDecided);

        // Nor does the correction ask the police for another checklist.
        var worklist = await new RiskAssessmentRecords(read).WorklistAsync(PathwayWorld.Process(w.Officer));
        Assert.DoesNotContain(worklist.Incidents, i => i.Reference == incident.PoliceReference);
    }

    [Theory, BothDatabases]
    public async Task The_dramm_list_pages_long_lists_and_counts_them_all(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        await DayOfIncidentsAsync(w, 7);

        await using var db = w.NewContext();
        var first = await new DrammList(db).ForDayAsync(new DrammDayOptions(Tuesday, Page: 1, PageSize: 5), PathwayWorld.Process(w.FrontDoor));
        var second = await new DrammList(db).ForDayAsync(new DrammDayOptions(Tuesday, Page: 2, PageSize: 5), PathwayWorld.Process(w.FrontDoor));

        Assert.Equal((7, 2, 5, 2), (first.Total, first.Pages, first.Cases.Count, second.Cases.Count));
        Assert.Empty(first.Cases.Select(c => c.IncidentId).Intersect(second.Cases.Select(c => c.IncidentId)));
        Assert.Equal(7, first.Cases.Concat(second.Cases).Select(c => c.VictimPersonId).Distinct().Count());
    }

    [Theory, BothDatabases]
    public async Task The_dramm_list_costs_the_same_queries_for_a_page_of_5_cases_as_for_50(DatabaseProvider provider)
    {
        Assert.Equal(await QueriesForAsync(provider, 5), await QueriesForAsync(provider, 50));
    }

    /// <summary>The queries (not the audit's writes, one row per record listed) one page of a day of this many cases costs.</summary>
    private static async Task<int> QueriesForAsync(DatabaseProvider provider, int cases)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        await DayOfIncidentsAsync(w, cases);
        var counter = new QueryCounter();
        var options = new DbContextOptionsBuilder<SafeguardingDbContext>();
        w.Database.Settings.Apply(options);
        options.AddInterceptors(counter);
        await using var db = new SafeguardingDbContext(options.Options, w.Clock);
        var day = await new DrammList(db).ForDayAsync(new DrammDayOptions(Tuesday, PageSize: 50), PathwayWorld.Process(w.FrontDoor));
        Assert.Equal(cases, day.Cases.Count);
        Assert.All(day.Cases, c => Assert.Equal(2, c.ChildPersonIds.Count));
        return counter.Queries;
    }

    /// <summary>A day of incidents, each with its own victim living with the world's two children, and an earlier incident each.</summary>
    private static async Task DayOfIncidentsAsync(PathwayWorld w, int count)
    {
        for (var n = 0; n < count; n++)
        {
            var victim = new Person
            {
                PartnershipId = w.PartnershipId, GivenName = $"Vic{n}", FamilyName = "Testfamily", DateOfBirth = new LocalDate(1990, 1, 1), Sex = Sex.Female,
                HouseholdId = w.Victim.HouseholdId, CreatedAt = PathwayWorld.Now,
            };
            await w.Data.SaveAsync(db => db.People.Add(victim));
            await w.IncidentAsync(Instant.FromUtc(2026, 5, 1, 20, 0), Instant.FromUtc(2026, 5, 1, 21, 0), victim);
            await w.IncidentAsync(Instant.FromUtc(2026, 11, 9, 20, 0), Instant.FromUtc(2026, 11, 9, 21, n), victim);
        }
    }
}
