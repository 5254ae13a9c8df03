using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Assurance.Report;
using Safeguarding.Core.Assurance.Structure;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Assurance;

/// <summary>
/// A new report takes its priority sections from the partnership's plan for its year, and an edition freezes each
/// priority's actions that did not progress, with their reasons; a year with no priorities keeps the seed's sections.
/// </summary>
public sealed class ReportSectionsFromPrioritiesTests
{
    [Theory, BothDatabases]
    public async Task Priority_sections_come_from_the_plan_and_an_edition_freezes_what_did_not_progress(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var manager = await data.CreateUserAsync(council, Role.PartnershipBusinessManager);
        var process = new ProcessContext("test", manager.Actor);
        YearlyReports Reports() { var db = database.NewContext(); return new YearlyReports(db, new FigureCatalogue(db)); }

        // 2023-24 has two priorities; the first has one action that did not progress, one done, and the second priority's
        // action did not progress either. 2022-23 has none.
        var (first, second) = (new Priority { PartnershipId = partnership.Id, Year = 2023, Order = 2, Title = "Neglect", Aim = "Earlier help for neglect" },
            new Priority { PartnershipId = partnership.Id, Year = 2023, Order = 1, Title = "Domestic abuse", Aim = "Children heard in every incident" });
        var group = new SubGroup { PartnershipId = partnership.Id, Name = "Learning and improvement", Chair = "A chair" };
        WorkPlanAction Action(Priority p, string text, ActionStatus status, string? reason) => new()
        {
            PartnershipId = partnership.Id, SubGroupId = group.Id, PriorityId = p.Id, Action = text, Owner = "Council", Due = new(2023, 12, 1),
            Status = status, NotProgressedReason = reason,
        };
        var stalled = Action(second, "Train every school's DSL", ActionStatus.DidNotProgress, "The trainer left");
        await data.SaveAsync(db => db.AddRange(first, second, group, stalled, Action(second, "Publish the pathway", ActionStatus.Done, null),
            Action(first, "Audit neglect cases", ActionStatus.DidNotProgress, "Moved to next year")));

        var reportId = await Reports().CreateAsync(new CreateReportOptions("2023-24", new(2023, 4, 1), new(2024, 3, 31)), process, ct);
        var sections = (await Reports().OpenDraftAsync(reportId, process, ct))!.Sections;
        Assert.Equal(["Domestic abuse", "Neglect", "Training and campaigns", "Child safeguarding practice reviews", "The voice of children and families"],
            sections.Select(s => s.Title));
        Assert.Equal("Children heard in every incident", sections[0].Aim);
        Assert.Equal(YearlyReports.DefaultSections()[0].FigureKeys, sections[0].FigureKeys);

        var editionId = await Reports().MakeEditionAsync(reportId, process, ct);
        // The data changes after the edition: the edition keeps the reason it was made with.
        await data.SaveAsync(db => db.Set<WorkPlanAction>().Where(a => a.Id == stalled.Id)
            .ExecuteUpdate(s => s.SetProperty(a => a.NotProgressedReason, "Changed later")));
        var frozen = (await Reports().OpenEditionAsync(editionId, process, ct))!.Snapshot.Sections;
        Assert.Equal([new NotProgressedAction("Train every school's DSL", "Council", "The trainer left")], frozen[0].NotProgressed!);
        Assert.Equal([new NotProgressedAction("Audit neglect cases", "Council", "Moved to next year")], frozen[1].NotProgressed!);
        Assert.Null(frozen[2].NotProgressed);

        var earlier = await Reports().CreateAsync(new CreateReportOptions("2022-23", new(2022, 4, 1), new(2023, 3, 31)), process, ct);
        Assert.Equal(YearlyReports.DefaultSections().Select(s => s.Title), (await Reports().OpenDraftAsync(earlier, process, ct))!.Sections.Select(s => s.Title));
    }
}
