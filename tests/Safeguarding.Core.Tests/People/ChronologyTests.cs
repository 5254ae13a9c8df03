using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.DomesticAbuse.HealthFlags;
using Safeguarding.Core.DomesticAbuse.Marac;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.Learners;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.People;
using Safeguarding.Core.People.Chronology;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Tests.DomesticAbuse;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.People;

/// <summary>
/// A person's multi-agency chronology: one line per event from every module the reader may see, newest first; what
/// they may not see counted only where counting discloses nothing (ADR-019); filtered by module and dates; a fixed
/// number of queries whatever the person has.
/// </summary>
public sealed class ChronologyTests
{
    private static readonly LocalDate Day = new(2026, 10, 1);

    [Theory, BothDatabases]
    public async Task A_social_worker_sees_their_own_agencys_DASH_and_is_told_of_the_polices_without_seeing_it(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        await w.IncidentAsync(Instant.FromUtc(2026, 9, 1, 20, 0), Instant.FromUtc(2026, 9, 1, 21, 0));
        await AssessmentAsync(w, w.Police.Id, Instant.FromUtc(2026, 9, 2, 10, 0));
        var own = await AssessmentAsync(w, w.Council.Id, Instant.FromUtc(2026, 9, 3, 10, 0));
        await FlagAsync(w);

        var view = await ReadAsync(w, w.SocialWorker, w.Child);

        var line = Assert.Single(view.Lines);
        Assert.Equal(ChronologyModule.RiskAndMarac, line.Module);
        Assert.Equal((ChronologyLinkKind.RiskAssessment, own.Id), (line.Link!.Kind, line.Link.Id));
        Assert.Contains("DASH risk checklist completed with them as a child in the household", line.What);
        // The police's DASH is counted: a social worker reads DASH results (their own agency's). The incident is not (a
        // social worker reads no police incidents), nor the health flag (that it exists is itself a disclosure).
        Assert.True(view.HiddenCounted);
        Assert.Equal(1, view.Hidden);
    }

    [Theory, BothDatabases]
    public async Task A_MARAC_referral_the_reader_may_not_see_is_not_counted_and_a_DASH_is(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        await AssessmentAsync(w, w.IdvaService.Id, Instant.FromUtc(2026, 9, 2, 10, 0));
        await w.Data.SaveAsync(db => db.MaracReferrals.Add(new MaracReferral
        {
            PartnershipId = w.PartnershipId, VictimPersonId = w.Victim.Id, ReferredByOrganisationId = w.Council.Id,
            ReferredAt = Instant.FromUtc(2026, 9, 4, 10, 0), ReferralDate = new LocalDate(2026, 9, 4), Status = MaracReferralStatus.Waiting,
        }));

        var police = await ReadAsync(w, w.Officer, w.Victim);
        var frontDoor = await ReadAsync(w, w.FrontDoor, w.Victim);

        Assert.Empty(police.Lines);
        Assert.Equal(1, police.Hidden);
        Assert.Equal(["Referral to MARAC as the victim: waiting for a meeting", "DASH risk checklist completed for them as the victim: 12 yes answers (visible high risk)"],
            frontDoor.Lines.Select(l => l.What));
        Assert.Equal(0, frontDoor.Hidden);
    }

    [Theory, BothDatabases]
    public async Task Nothing_is_counted_for_a_person_sealed_from_the_reader(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        await AssessmentAsync(w, w.Police.Id, Instant.FromUtc(2026, 9, 2, 10, 0));
        await w.Data.SaveAsync(db => db.People.Where(p => p.Id == w.Child.Id).ExecuteUpdate(s => s.SetProperty(p => p.IsSealed, true)));
        var child = await PersonAsync(w, w.Child.Id);

        var view = await ReadAsync(w, w.SocialWorker, child);

        Assert.Empty(view.Lines);
        Assert.False(view.HiddenCounted);
        Assert.Equal(0, view.Hidden);
    }

    [Theory, BothDatabases]
    public async Task A_corrected_incident_is_one_line_and_the_filter_keeps_to_its_modules_and_dates(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        var first = await w.IncidentAsync(Instant.FromUtc(2026, 9, 1, 20, 0), Instant.FromUtc(2026, 9, 1, 21, 0));
        await CorrectAsync(w, first);
        await AssessmentAsync(w, w.Police.Id, Instant.FromUtc(2026, 9, 20, 10, 0));
        await w.Data.SaveAsync(db => db.TriageDecisions.Add(new TriageDecision
        {
            PartnershipId = w.PartnershipId, IncidentId = first.Id, VictimPersonId = w.Victim.Id, DecidedOn = new LocalDate(2026, 9, 2),
            DecidedAt = Instant.FromUtc(2026, 9, 2, 9, 30), DecidedByOrganisationId = w.Council.Id, SafetyPlanNow = true,
        }));

        var all = await ReadAsync(w, w.FrontDoor, w.Victim);
        var incidents = await ReadAsync(w, w.FrontDoor, w.Victim, modules: new HashSet<ChronologyModule> { ChronologyModule.IncidentsAndNotifications });
        var risk = await ReadAsync(w, w.FrontDoor, w.Victim, modules: new HashSet<ChronologyModule> { ChronologyModule.RiskAndMarac });
        var september = await ReadAsync(w, w.FrontDoor, w.Victim, from: new LocalDate(2026, 9, 2), to: new LocalDate(2026, 9, 10));

        Assert.Equal(3, all.Lines.Count);
        Assert.Equal(all.Lines.OrderByDescending(l => l.On).Select(l => l.What), all.Lines.Select(l => l.What));
        var incident = Assert.Single(incidents.Lines);
        Assert.Equal($"Domestic incident {first.PoliceReference} (physical), named as the victim; corrected by police (version 2)", incident.What);
        Assert.Equal(2, risk.Lines.Count);
        Assert.All(risk.Lines, l => Assert.Equal(ChronologyModule.RiskAndMarac, l.Module));
        Assert.Equal("DRAMM decision: safety plan now", Assert.Single(september.Lines).What);
    }

    [Theory, BothDatabases]
    public async Task A_chronology_costs_the_same_queries_for_one_event_as_for_thirty(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        await w.IncidentAsync(Instant.FromUtc(2026, 1, 1, 20, 0), Instant.FromUtc(2026, 1, 1, 21, 0));
        await AssessmentAsync(w, w.Police.Id, Instant.FromUtc(2026, 1, 2, 10, 0));
        var one = await QueriesAsync(w);
        for (var n = 1; n < 30; n++)
        {
            await w.IncidentAsync(Instant.FromUtc(2026, 1, 1, 20, 0).Plus(Duration.FromDays(n)), Instant.FromUtc(2026, 1, 1, 21, 0).Plus(Duration.FromDays(n)));
            await AssessmentAsync(w, w.Police.Id, Instant.FromUtc(2026, 1, 2, 10, 0).Plus(Duration.FromDays(n)));
        }

        var thirty = await QueriesAsync(w);

        Assert.Equal(one, thirty);
    }

    [Theory, BothDatabases]
    public async Task Each_line_shown_is_named_in_the_audit_trail_and_an_export_is_audited_with_its_filters(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        var dash = await AssessmentAsync(w, w.Police.Id, Instant.FromUtc(2026, 9, 2, 10, 0));
        var ct = TestContext.Current.CancellationToken;

        await using (var db = w.NewContext())
        {
            var chronology = Chronology(db);
            await chronology.ReadAsync(new(w.Victim), new("test:chronology", w.FrontDoor.Actor), ct);
            await chronology.ExportAsync(new(w.Victim, new LocalDate(2026, 1, 1), null, new HashSet<ChronologyModule> { ChronologyModule.RiskAndMarac }),
                new("test:export", w.FrontDoor.Actor), ct);
        }

        await using var read = w.NewContext();
        Assert.True(await read.AuditEntries.AnyAsync(e => e.Process == "test:chronology" && e.Action == AuditActions.List
            && e.ResourceType == RiskAssessmentRecords.ResourceType && e.ResourceId == dash.Id.ToString(), ct));
        var export = await read.AuditEntries.SingleAsync(e => e.Action == PersonChronology.ExportAction, ct);
        Assert.Equal((PersonChronology.ResourceType, w.Victim.Id.ToString(), w.FrontDoor.User.Id), (export.ResourceType, export.ResourceId, export.ActorUserId));
        Assert.Equal("modules: RiskAndMarac; from: 2026-01-01; to: any", export.Details);
    }

    private static PersonChronology Chronology(SafeguardingDbContext db)
    {
        var services = new ServiceCollection().AddSingleton(db).AddPeople().AddLearners().AddMeetings().AddDomesticAbuse().BuildServiceProvider();
        return services.GetRequiredService<PersonChronology>();
    }

    private static async Task<PersonChronologyView> ReadAsync(PathwayWorld w, TestUser reader, Person person,
        IReadOnlySet<ChronologyModule>? modules = null, LocalDate? from = null, LocalDate? to = null)
    {
        await using var db = w.NewContext();
        var opened = await PersonAsync(w, person.Id);
        return await Chronology(db).ReadAsync(new(opened, from, to, modules), PathwayWorld.Process(reader), TestContext.Current.CancellationToken);
    }

    private static async Task<Person> PersonAsync(PathwayWorld w, Guid id)
    {
        await using var db = w.NewContext();
        return await db.People.AsNoTracking().Include(p => p.Links).SingleAsync(p => p.Id == id, TestContext.Current.CancellationToken);
    }

    private static async Task<RiskAssessment> AssessmentAsync(PathwayWorld w, Guid organisationId, Instant completedAt)
    {
        var assessment = new RiskAssessment
        {
            PartnershipId = w.PartnershipId, ChecklistCode = "dash-adult", ChecklistVersion = 1, VictimPersonId = w.Victim.Id,
            AssessedByOrganisationId = organisationId, IncidentDate = Day, Status = AssessmentStatus.Completed, StartedAt = completedAt,
            CompletedAt = completedAt, YesCount = 12, VisibleHighRisk = true,
            Children = [new AssessmentChild { PersonId = w.Child.Id }],
        };
        await w.Data.SaveAsync(db => db.RiskAssessments.Add(assessment));
        return assessment;
    }

    private static Task FlagAsync(PathwayWorld w) => w.Data.SaveAsync(db => db.HealthFlags.Add(new HealthFlag
    {
        PartnershipId = w.PartnershipId, ChildPersonId = w.Child.Id, Kind = HealthFlagKind.ChildAtRiskOfDomesticAbuse, Status = HealthFlagStatus.Active,
        Start = Instant.FromUtc(2026, 9, 5, 10, 0), ContactOrganisationId = w.Council.Id, ContactName = "Front Door", SourceType = "TriageDecision",
        SourceId = Guid.NewGuid(), UpdatedAt = Instant.FromUtc(2026, 9, 5, 10, 0),
    }));

    /// <summary>The police's second version of an incident: the same reference, the first no longer the latest.</summary>
    private static async Task CorrectAsync(PathwayWorld w, Core.DomesticAbuse.Encompass.DomesticIncident first)
    {
        await w.Data.SaveAsync(db => db.DomesticIncidents.Where(i => i.Id == first.Id).ExecuteUpdate(s => s.SetProperty(i => i.IsLatest, false)));
        await w.Data.SaveAsync(db => db.DomesticIncidents.Add(new Core.DomesticAbuse.Encompass.DomesticIncident
        {
            PartnershipId = w.PartnershipId, ForceOrganisationId = w.Police.Id, PoliceReference = first.PoliceReference, Version = 2,
            OccurredAt = first.OccurredAt, ReportedAt = first.ReportedAt, ReceivedAt = first.ReceivedAt.Plus(Duration.FromHours(5)),
            Category = first.Category, Received = "{}",
            Adults = [new() { Role = Core.DomesticAbuse.Encompass.IncidentAdultRole.Victim, GivenName = w.Victim.GivenName, FamilyName = "Testfamily", PersonId = w.Victim.Id }],
        }));
    }

    private static async Task<int> QueriesAsync(PathwayWorld w)
    {
        var counter = new QueryCounter();
        var options = new DbContextOptionsBuilder<SafeguardingDbContext>();
        w.Database.Settings.Apply(options);
        options.AddInterceptors(counter);
        await using var db = new SafeguardingDbContext(options.Options, w.Clock);
        var view = await Chronology(db).ReadAsync(new(await PersonAsync(w, w.Victim.Id)), PathwayWorld.Process(w.FrontDoor), TestContext.Current.CancellationToken);
        Assert.NotEmpty(view.Lines);
        return counter.Queries;
    }
}
