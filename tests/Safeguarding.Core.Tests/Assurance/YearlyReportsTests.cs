using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Assurance.Report;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Assurance;

/// <summary>
/// The yearly report on both databases: an edition freezes every figure and the narrative; the council, the ICB and the
/// police each sign it off once (a second user of a partner, a user of another organisation and the business manager are
/// refused) and the third publishes it; later data changes leave it as it was; a new edition lists what changed.
/// </summary>
public sealed class YearlyReportsTests
{
    private static ProcessContext As(TestUser user) => new("test", user.Actor);

    private static Instant London(int year, int month, int day) =>
        new LocalDateTime(year, month, day, 12, 0).InZoneStrictly(SchoolDays.London).ToInstant();

    private sealed record World(TestDatabase Database, TestData Data, Organisation Police, TestUser Manager, TestUser Council, TestUser SecondCouncil, TestUser Icb,
        TestUser Police_, TestUser SchoolPartner, TestUser OtherManager)
    {
        public YearlyReports Reports() { var db = Database.NewContext(); return new YearlyReports(db, new FigureCatalogue(db)); }
    }

    private static async Task<World> WorldAsync(TestDatabase database)
    {
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var icb = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.IntegratedCareBoard);
        var police = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
        var school = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.School);
        var other = await data.CreatePartnershipAsync();
        var otherCouncil = await data.CreateOrganisationAsync(other.Id, OrganisationType.CouncilService);
        return new World(database, data, police, await data.CreateUserAsync(council, Role.PartnershipBusinessManager),
            await data.CreateUserAsync(council, Role.SafeguardingPartner), await data.CreateUserAsync(council, Role.SafeguardingPartner),
            await data.CreateUserAsync(icb, Role.SafeguardingPartner), await data.CreateUserAsync(police, Role.SafeguardingPartner),
            await data.CreateUserAsync(school, Role.SafeguardingPartner), await data.CreateUserAsync(otherCouncil, Role.PartnershipBusinessManager));
    }

    [Theory, BothDatabases]
    public async Task An_edition_is_signed_off_once_by_each_of_the_three_partners_published_by_the_third_and_frozen_against_later_data(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var w = await WorldAsync(database);
        await w.Data.CreateIncidentAsync(w.Police, London(2025, 6, 1));
        var reportId = await w.Reports().CreateAsync(new CreateReportOptions("Partnership yearly report 2025-26", new(2025, 4, 1), new(2026, 3, 31)), As(w.Manager), ct);
        await w.Reports().SaveSectionAsync(new SaveSectionOptions(reportId, "domestic-abuse", "The DRAMM met every weekday.", null, "Routine enquiry in GP practices.", null,
            ["domestic-incidents", "victims-with-safety-plans"]), As(w.Manager), ct);

        var editionId = await w.Reports().MakeEditionAsync(reportId, As(w.Manager), ct);
        var made = (await w.Reports().OpenEditionAsync(editionId, As(w.Council), ct))!;
        Assert.Equal(1, made.Number);
        Assert.Equal(1, made.Snapshot.Figures.Find("domestic-incidents")!.Value);
        var section = made.Snapshot.Sections.Single(s => s.Key == "domestic-abuse");
        Assert.Equal(("The DRAMM met every weekday.", "Routine enquiry in GP practices."), (section.WhatWasDone, section.DidNotProgress));
        Assert.Equal(["domestic-incidents", "victims-with-safety-plans"], section.FigureKeys);

        await w.Reports().SignOffAsync(editionId, As(w.Council), ct);
        // The same partner again, by the same user or another of its users; an organisation that is not a partner; the
        // business manager, who drafts but does not sign.
        foreach (var refused in new[] { w.Council, w.SecondCouncil, w.SchoolPartner, w.Manager })
            await Assert.ThrowsAsync<ForbiddenException>(() => w.Reports().SignOffAsync(editionId, As(refused), ct));
        await w.Reports().SignOffAsync(editionId, As(w.Icb), ct);
        Assert.Null((await w.Reports().OpenEditionAsync(editionId, As(w.Manager), ct))!.PublishedAt);
        await w.Reports().SignOffAsync(editionId, As(w.Police_), ct);

        var published = (await w.Reports().OpenEditionAsync(editionId, As(w.Manager), ct))!;
        Assert.NotNull(published.PublishedAt);
        Assert.Equal([OrganisationType.CouncilService, OrganisationType.IntegratedCareBoard, OrganisationType.PoliceForce], published.SignOffs.Select(s => s.Partner));
        await using (var db = database.NewContext())
            Assert.Equal(3, await db.Set<EditionSignOff>().CountAsync(s => s.EditionId == editionId, ct));

        // Later data: five more incidents in the period, and the narrative rewritten. The published edition reads the same.
        var before = await SnapshotAsync(database, editionId);
        for (var i = 0; i < 5; i++) await w.Data.CreateIncidentAsync(w.Police, London(2025, 7, 1 + i));
        await w.Reports().SaveSectionAsync(new SaveSectionOptions(reportId, "domestic-abuse", "The DRAMM met every weekday, and on bank holidays.", null, null, null,
            ["domestic-incidents"]), As(w.Manager), ct);
        Assert.Equal(before, await SnapshotAsync(database, editionId));
        Assert.Equal(1, (await w.Reports().OpenEditionAsync(editionId, As(w.Icb), ct))!.Snapshot.Figures.Find("domestic-incidents")!.Value);

        // A second edition takes today's data and lists what changed since the first.
        var secondId = await w.Reports().MakeEditionAsync(reportId, As(w.Manager), ct);
        var second = (await w.Reports().OpenEditionAsync(secondId, As(w.Icb), ct))!;
        Assert.Equal((2, 1), (second.Number, second.PreviousNumber));
        Assert.Equal(6, second.Snapshot.Figures.Find("domestic-incidents")!.Value);
        Assert.Contains(second.Differences, d => d is { Kind: "figure", Key: "domestic-incidents", Before: "x (comparison 0)", After: "6 (comparison 0)" });
        Assert.Contains(second.Differences, d => d is { Kind: "narrative", Key: "domestic-abuse" });
        Assert.Contains(second.Differences, d => d is { Kind: "figures chosen", Key: "domestic-abuse" });
        Assert.DoesNotContain(second.Differences, d => d.Key == "vulnerable-learners");
        Assert.Null(second.PublishedAt);
    }

    [Theory, BothDatabases]
    public async Task Another_partnership_cannot_open_draft_or_edition_and_a_partner_cannot_draft(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var w = await WorldAsync(database);
        var reportId = await w.Reports().CreateAsync(new CreateReportOptions("Report", new(2025, 4, 1), new(2026, 3, 31)), As(w.Manager), ct);
        var editionId = await w.Reports().MakeEditionAsync(reportId, As(w.Manager), ct);

        Assert.Null(await w.Reports().OpenDraftAsync(reportId, As(w.OtherManager), ct));
        Assert.Null(await w.Reports().OpenEditionAsync(editionId, As(w.OtherManager), ct));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Reports().MakeEditionAsync(reportId, As(w.OtherManager), ct));
        Assert.Empty(await w.Reports().ListAsync(new ReportListOptions(), As(w.OtherManager), ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => w.Reports().OpenDraftAsync(reportId, As(w.Council), ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => w.Reports().CreateAsync(new CreateReportOptions("Mine", new(2025, 4, 1), new(2026, 3, 31)), As(w.Council), ct));
        Assert.NotNull(await w.Reports().OpenEditionAsync(editionId, As(w.Council), ct));
    }

    private static async Task<string> SnapshotAsync(TestDatabase database, Guid editionId)
    {
        await using var db = database.NewContext();
        return await db.Set<ReportEdition>().Where(e => e.Id == editionId).Select(e => e.Snapshot).SingleAsync();
    }
}
