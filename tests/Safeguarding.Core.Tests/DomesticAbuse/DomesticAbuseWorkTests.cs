using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.DomesticAbuse;

/// <summary>The home page's counts of the pathway's work are true: they agree with the lists they open, and with the role's scope.</summary>
public sealed class DomesticAbuseWorkTests
{
    private static readonly LocalDate Tuesday = new(2026, 11, 10);

    [Theory, BothDatabases]
    public async Task Cases_to_triage_are_the_days_undecided_cases_as_the_DRAMM_list_has_them(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        var decided = await w.IncidentAsync(Instant.FromUtc(2026, 11, 9, 20, 0), Instant.FromUtc(2026, 11, 9, 21, 0));
        var corrected = await w.IncidentAsync(Instant.FromUtc(2026, 11, 9, 20, 0), Instant.FromUtc(2026, 11, 9, 21, 1));
        await w.IncidentAsync(Instant.FromUtc(2026, 11, 9, 20, 0), Instant.FromUtc(2026, 11, 9, 21, 2));
        // Decided on its first version; the police's correction later that evening does not make it undecided again.
        await w.Data.SaveAsync(db =>
        {
            foreach (var incident in new[] { decided, corrected })
                db.TriageDecisions.Add(new TriageDecision
                {
                    PartnershipId = w.PartnershipId, IncidentId = incident.Id, VictimPersonId = w.Victim.Id, DecidedOn = new LocalDate(2026, 11, 9),
                    DecidedAt = Instant.FromUtc(2026, 11, 9, 21, 30), DecidedByOrganisationId = w.Council.Id, NoFurtherAction = true, NoFurtherActionReason = "test",
                });
            db.DomesticIncidents.Single(i => i.Id == corrected.Id).IsLatest = false;
            db.DomesticIncidents.Add(new DomesticIncident
            {
                PartnershipId = w.PartnershipId, ForceOrganisationId = w.Police.Id, PoliceReference = corrected.PoliceReference, Version = 2,
                OccurredAt = corrected.OccurredAt, ReportedAt = corrected.ReportedAt, ReceivedAt = Instant.FromUtc(2026, 11, 9, 22, 0), Received = "{}",
            });
            // A checklist completed without a police incident (a walk-in) is a case of its own.
            db.RiskAssessments.Add(new RiskAssessment
            {
                PartnershipId = w.PartnershipId, ChecklistCode = "dash-adult", ChecklistVersion = 1, VictimPersonId = w.Victim.Id, AssessedByOrganisationId = w.IdvaService.Id,
                IncidentDate = new LocalDate(2026, 11, 9), Status = AssessmentStatus.Completed, StartedAt = Instant.FromUtc(2026, 11, 9, 15, 0),
                CompletedAt = Instant.FromUtc(2026, 11, 9, 16, 0), YesCount = 3,
            });
        });

        await using var db = w.NewContext();
        var counts = await new DomesticAbuseWork(db).CountAsync(PathwayWorld.Process(w.FrontDoor), TestContext.Current.CancellationToken);
        var list = await new DrammList(db).ForDayAsync(new DrammDayOptions(Tuesday), PathwayWorld.Process(w.FrontDoor), TestContext.Current.CancellationToken);

        Assert.Equal(4, list.Total);
        Assert.Equal(2, list.Cases.Count(c => c.Decision is null));
        Assert.Equal(2, counts.CasesToTriage!.Waiting);
    }

    [Theory, BothDatabases]
    public async Task A_role_without_a_list_has_no_count(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        await using var db = w.NewContext();

        var idva = await new DomesticAbuseWork(db).CountAsync(PathwayWorld.Process(w.Idva), TestContext.Current.CancellationToken);

        Assert.Equal(new DomesticAbuseWorkCounts(null, null, null, null), idva);
    }
}
