using NodaTime;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Data;
using Safeguarding.Testing;
using static Safeguarding.Core.Tests.FrontDoor.FrontDoorWorld;

namespace Safeguarding.Core.Tests.FrontDoor;

/// <summary>
/// The Front Door's yearly figures against a small world computed by hand, on both databases: contacts by the London day
/// received, decisions in one working day, referrals and re-referrals (within 12 months, across the period's start),
/// the share with a domestic-abuse factor, assessments in 45 working days, and the same days a year before.
/// </summary>
public sealed class FrontDoorFiguresTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    private static Instant At(int y, int m, int d, int h, int min = 0) => new LocalDateTime(y, m, d, h, min).InZoneLeniently(London).ToInstant();

    private static FrontDoorContact Contact(FrontDoorWorld w, Guid child, Instant received, Instant? decided = null, ContactDecision? decision = null,
        string[]? factors = null, LocalDate? completed = null) => new()
    {
        PartnershipId = w.PartnershipId, PersonId = child, Source = ContactSource.AgencyForm, FromOrganisationId = w.School.Id, Concern = "A concern",
        ReceivedAt = received, DecisionDueAt = FrontDoorClocks.DecisionDue(received), Decision = decision, DecisionReason = decision is null ? null : "A reason",
        DecidedAt = decided, AssessmentDue = decision is ContactDecision.Assessment or ContactDecision.StrategyDiscussion ? FrontDoorClocks.AssessmentDue(decided!.Value) : null,
        AssessmentCompletedOn = completed, AssessmentOutcome = completed is null ? null : AssessmentOutcome.ChildInNeedPlan, Factors = [.. factors ?? []],
    };

    [Theory, BothDatabases]
    public async Task The_figures_match_a_world_counted_by_hand_and_only_figures_readers_may_read_them(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var w = await CreateAsync(database, At(2025, 6, 1, 12));
        var (a, b) = (w.Child.Id, w.OtherChild.Id);
        await using (var db = w.NewContext())
        {
            db.Process = ProcessContext.System("test:arrange");
            db.AddRange(
                // 2024-25. A: accepted in time, 3A, assessed in time; a re-referral of A's May 2023 referral (within 12 months of it).
                Contact(w, a, At(2024, 5, 1, 9), At(2024, 5, 1, 15), ContactDecision.Assessment, ["3A"], new LocalDate(2024, 6, 1)),
                // A again, decided late (due Tuesday 09:00), a re-referral, 4B only, assessed late.
                Contact(w, a, At(2024, 9, 2, 9), At(2024, 9, 4, 10), ContactDecision.StrategyDiscussion, ["4B"], new LocalDate(2024, 12, 20)),
                // B: no further action, in time: a contact, not a referral.
                Contact(w, b, At(2024, 10, 1, 9), At(2024, 10, 1, 11), ContactDecision.NoFurtherAction),
                // B: the last evening of the year (London), waiting; and half past midnight the next day, London: next year's.
                Contact(w, b, At(2025, 3, 31, 20)),
                Contact(w, b, At(2025, 4, 1, 0, 30)),
                // 2023-24. B: accepted in time with 3C and 1B, assessed in time. A: received on the May Day bank holiday,
                // decided by 09:00 the next working day, "no factors identified", assessed late.
                Contact(w, b, At(2023, 6, 1, 9), At(2023, 6, 1, 12), ContactDecision.Assessment, ["3C", "1B"], new LocalDate(2023, 7, 1)),
                Contact(w, a, At(2023, 5, 1, 9), At(2023, 5, 2, 8), ContactDecision.Assessment, ["21"], new LocalDate(2023, 8, 1)));
            await db.SaveChangesAsync(Ct);
        }

        FrontDoorFigureSet set;
        await using (var db = w.NewContext())
            set = await new FrontDoorFigures(db).ForAsync(new FrontDoorFiguresOptions(new LocalDate(2024, 4, 1), new LocalDate(2025, 3, 31)), As(w.Analyst), Ct);

        Assert.Equal(new FrontDoorPeriodFigures(new LocalDate(2024, 4, 1), new LocalDate(2025, 3, 31),
            Contacts: 4, Decided: 3, DecidedInOneWorkingDay: 2, Referrals: 2, ReReferrals: 2, ReferralsWithDomesticAbuseFactor: 1,
            AssessmentsCompleted: 2, AssessmentsInFortyFiveWorkingDays: 1), set.Period);
        Assert.Equal((50.0, 100.0, 66.7, 50.0), (set.Period.DomesticAbuseShare, set.Period.ReReferralRate, set.Period.DecidedInTimeShare, set.Period.AssessedInTimeShare));
        Assert.Equal(new FrontDoorPeriodFigures(new LocalDate(2023, 4, 1), new LocalDate(2024, 3, 31),
            Contacts: 2, Decided: 2, DecidedInOneWorkingDay: 2, Referrals: 2, ReReferrals: 0, ReferralsWithDomesticAbuseFactor: 1,
            AssessmentsCompleted: 2, AssessmentsInFortyFiveWorkingDays: 1), set.YearBefore);

        foreach (var reader in new[] { w.KeyAdult, w.SocialWorker, w.Practitioner })
        {
            await using var db = w.NewContext();
            await Assert.ThrowsAsync<ForbiddenException>(() =>
                new FrontDoorFigures(db).ForAsync(new FrontDoorFiguresOptions(new LocalDate(2024, 4, 1), new LocalDate(2025, 3, 31)), As(reader), Ct));
        }
    }
}
