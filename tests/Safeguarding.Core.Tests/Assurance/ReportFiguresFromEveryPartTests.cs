using NodaTime;
using Safeguarding.Core.Assurance.Report;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Tests.FrontDoor;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Assurance;

/// <summary>
/// The yearly report's catalogue carries every part's figures (here the Front Door's, counted by hand), and a published
/// edition suppresses a percentage whose base is 1 to 4, on both databases.
/// </summary>
public sealed class ReportFiguresFromEveryPartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static Instant At(int y, int m, int d, int h) => new LocalDateTime(y, m, d, h, 0).InZoneLeniently(London).ToInstant();

    /// <summary>A contact decided the hour after it arrived; accepted ones are for an assessment.</summary>
    private static FrontDoorContact Referral(FrontDoorWorld w, Guid child, Instant received, ContactDecision decision, params string[] factors)
    {
        var decided = received.Plus(Duration.FromHours(1));
        return new()
        {
            PartnershipId = w.PartnershipId, PersonId = child, Source = ContactSource.AgencyForm, FromOrganisationId = w.School.Id, Concern = "A concern",
            ReceivedAt = received, DecisionDueAt = FrontDoorClocks.DecisionDue(received), Decision = decision, DecisionReason = "A reason", DecidedAt = decided,
            AssessmentDue = decision == ContactDecision.Assessment ? FrontDoorClocks.AssessmentDue(decided) : null, Factors = [.. factors],
        };
    }

    [Theory, BothDatabases]
    public async Task The_Front_Door_figures_are_in_the_catalogue_and_a_share_of_fewer_than_5_is_suppressed_when_published(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var w = await FrontDoorWorld.CreateAsync(database, At(2025, 6, 1, 12));
        var (a, b) = (w.Child.Id, w.OtherChild.Id);
        await using (var db = w.NewContext())
        {
            db.Process = ProcessContext.System("test:arrange");
            // 2024-25: four contacts, three accepted, one of them with domestic abuse (3A); 1B is not a domestic-abuse factor.
            db.AddRange(
                Referral(w, a, At(2024, 5, 1, 9), ContactDecision.Assessment, "3A", "1B"),
                Referral(w, b, At(2024, 6, 3, 9), ContactDecision.Assessment, "1B"),
                Referral(w, b, At(2024, 7, 1, 9), ContactDecision.Assessment),
                Referral(w, a, At(2024, 8, 1, 9), ContactDecision.NoFurtherAction));
            await db.SaveChangesAsync(Ct);
        }

        FigureSet set;
        await using (var db = w.NewContext())
            set = await new FigureCatalogue(db).BuildAsync(new FigureOptions(new LocalDate(2024, 4, 1), new LocalDate(2025, 3, 31)), FrontDoorWorld.As(w.Analyst), Ct);

        var contacts = set.Find("front-door-contacts")!;
        var referrals = set.Find("front-door-referrals")!;
        var share = set.Find("front-door-domestic-abuse-percent")!;
        Assert.Equal((4.0, 0.0), (contacts.Value, contacts.Comparison));
        Assert.Equal((3.0, 0.0), (referrals.Value, referrals.Comparison));
        Assert.Equal((33.3, null, 3.0), (share.Value, share.Comparison, share.Base));
        Assert.Equal(["FrontDoor"], share.Sources);
        // One referral in three is as telling as the count itself: the published edition writes x, the draft the share.
        Assert.Equal("x", ReportFigure.Write(share.Value, share.Unit, published: true, share.Base));
        Assert.Null(share.PublishedValue);
        Assert.Equal("33.3%", ReportFigure.Write(share.Value, share.Unit, published: false, share.Base));
        // Every section's figure is one the catalogue gives.
        Assert.All(YearlyReports.DefaultSections().SelectMany(s => s.FigureKeys), key => Assert.NotNull(set.Find(key)));
        Assert.Contains("front-door-domestic-abuse-percent", YearlyReports.DefaultSections().Single(s => s.Key == "domestic-abuse").FigureKeys);
    }

    [Fact]
    public void A_share_of_5_or_more_and_a_rate_without_a_base_are_published_as_they_are()
    {
        Assert.Equal("20.0%", ReportFigure.Write(20, FigureUnit.Percentage, published: true, @base: 5));
        Assert.Equal("x", ReportFigure.Write(25, FigureUnit.Percentage, published: true, @base: 4));
        Assert.Equal("0.0%", ReportFigure.Write(0, FigureUnit.Percentage, published: true, @base: 0));
        Assert.Equal("93.1%", ReportFigure.Write(93.1, FigureUnit.Percentage, published: true));
    }
}
