using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.Data;
using Safeguarding.Core.Demo;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Demo;

/// <summary>The small demo's Dynamic Support Register, checked as the calibration (docs/support-register.md), on the shared seed.</summary>
public sealed partial class DemoPartnershipTests
{
    [Theory, BothDatabases]
    public async Task Small_demo_register_is_mostly_green_and_amber_with_about_a_tenth_red_a_few_blue_withdrawals_admissions_referrals_and_reviews_kept_by_the_rules(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var (database, _) = await fixture.GetAsync(provider);
        await using var db = database.NewContext();
        var partnershipId = await DemoPartnershipIdAsync(db);

        var entries = await db.Set<SupportRegisterEntry>().AsNoTracking().Where(e => e.PartnershipId == partnershipId).ToListAsync(ct);
        Assert.Equal(DemoSupportRegister.ChildrenFor(DemoScale.Small), entries.Count);
        Assert.Equal(entries.Count, entries.Select(e => e.PersonId).Distinct().Count());
        var on = entries.Where(e => e.Status == SupportRegisterStatus.OnRegister).ToList();
        var rated = on.Where(e => e.CurrentRating is not null).ToList();
        int Share(SupportRatingLevel level) => 100 * rated.Count(e => e.CurrentRating == level) / rated.Count;
        Assert.True(Share(SupportRatingLevel.Green) + Share(SupportRatingLevel.Amber) >= 75, "mostly green and amber");
        Assert.InRange(Share(SupportRatingLevel.Red), 5, 15);
        Assert.InRange(rated.Count(e => e.CurrentRating == SupportRatingLevel.Blue), 1, 4);
        Assert.InRange(entries.Count(e => e.Status == SupportRegisterStatus.ConsentWithdrawn), 1, 4);
        Assert.Contains(entries, e => e.Status == SupportRegisterStatus.Suggested);
        Assert.Contains(on, e => e.SharesWithEducation);
        Assert.Contains(on, e => e.SharesWithGp);
        Assert.Contains(on, e => e.Keyworker is not null);

        // Each entry keeps its latest rating and the referral clock as RateAsync would have: red since the day it went red.
        var cetrReferrals = await db.Set<CetrReferral>().AsNoTracking().Where(r => r.PartnershipId == partnershipId).ToListAsync(ct);
        Assert.NotEmpty(cetrReferrals);
        var ratings = (await db.Set<SupportRating>().AsNoTracking().Where(r => r.PartnershipId == partnershipId).ToListAsync(ct))
            .GroupBy(r => r.EntryId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.RatedAt).ToList());
        Assert.True(ratings.Values.Count(h => h.Count > 1) >= 10, "rating histories");
        Assert.All(ratings.Values.SelectMany(h => h), r => Assert.False(string.IsNullOrWhiteSpace(r.Why) || string.IsNullOrWhiteSpace(r.Evidence)));
        foreach (var e in rated)
        {
            Assert.Equal(ratings[e.Id][^1].Rating, e.CurrentRating);
            // Red: the referral clock runs, or a C(E)TR referral was made and keeps it (the entry's clock stopped).
            var referral = cetrReferrals.SingleOrDefault(r => r.EntryId == e.Id);
            if (e.CurrentRating == SupportRatingLevel.Red)
                Assert.Equal(ReferralClock.Due(e.RedSince!.Value, SupportRegisterSettings.DefaultReferralWorkingDays), referral is null ? e.ReferralDue : referral.ReferralDue);
            if (e.CurrentRating != SupportRatingLevel.Red || referral is not null) Assert.Null(e.ReferralDue);
        }

        // Admissions: the blue children are in hospital, a few others are home; some had a community C(E)TR first, the
        // rest are exceptions with a root-cause review and a post-admission C(E)TR (held by its due date but for one).
        var admissions = await db.Set<Admission>().AsNoTracking().Where(a => a.PartnershipId == partnershipId).ToListAsync(ct);
        Assert.InRange(admissions.Count, 2, 5);
        Assert.Equal(rated.Where(e => e.CurrentRating == SupportRatingLevel.Blue).Select(e => e.Id).Order(), admissions.Where(a => a.DischargedOn == null).Select(a => a.EntryId).Order());
        Assert.Contains(admissions, a => a.DischargedOn > a.AdmittedOn);
        Assert.Contains(admissions, a => a.CommunityCetrHeldBefore);
        Assert.Contains(admissions, a => a.IsException);
        var rootCauses = await db.Set<AdmissionRootCauseReview>().AsNoTracking().Where(r => r.PartnershipId == partnershipId).Select(r => r.AdmissionId).ToListAsync(ct);
        Assert.Equal(admissions.Where(a => a.IsException).Select(a => a.Id).Order(), rootCauses.Order());
        var cetrs = await db.Set<Cetr>().AsNoTracking().Where(c => c.PartnershipId == partnershipId).ToListAsync(ct);
        Assert.All(admissions.Where(a => a.IsException), a => Assert.Single(cetrs, c => c.AdmissionId == a.Id && c.Kind == CetrKind.PostAdmission));
        Assert.All(cetrs.Where(c => c.HeldOn is not null), c => Assert.True(BankHolidays.IsWorkingDay(c.HeldOn!.Value)));
        Assert.True(cetrs.Count(c => c.Kind == CetrKind.PostAdmission && c.HeldOn > c.Due) <= 1, "post-admission C(E)TRs on time but for one");
        Assert.All(admissions.Where(a => a.DischargedOn is null), a => Assert.Single(cetrs, c => c.AdmissionId == a.Id && c.HeldOn == null && c.ClosedAt == null));

        // Keyworker referrals for most red and amber children (an allocation names the entry's keyworker); one review series, two held.
        var keyworkers = await db.Set<KeyworkerReferral>().AsNoTracking().Where(k => k.PartnershipId == partnershipId).ToListAsync(ct);
        Assert.True(keyworkers.Count * 2 >= rated.Count(e => e.CurrentRating is SupportRatingLevel.Red or SupportRatingLevel.Amber), "most red and amber referred");
        Assert.All(keyworkers.Where(k => k.AllocatedKeyworker is not null), k => Assert.Equal(k.AllocatedKeyworker, entries.Single(e => e.Id == k.EntryId).Keyworker));
        var reviews = await db.Meetings.AsNoTracking().Where(m => m.PartnershipId == partnershipId && db.MeetingSeries.Any(s => s.Id == m.SeriesId && s.Kind == MeetingKind.RegisterReview))
            .Select(m => new { m.Status, Items = m.Agenda.Count }).ToListAsync(ct);
        Assert.Equal(2, reviews.Count(r => r.Status == MeetingStatus.Held && r.Items > 0));
    }
}
