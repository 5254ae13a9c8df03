using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Assurance.CaseAudits;
using Safeguarding.Core.Assurance.PracticeReviews;
using Safeguarding.Core.Assurance.Voice;
using Safeguarding.Core.Data;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Demo;

/// <summary>The small demo's case audit, practice review and voice (docs/assurance-audits.md), on the shared seed.</summary>
public sealed partial class DemoPartnershipTests
{
    [Theory, BothDatabases]
    public async Task Small_demo_has_a_graded_marac_audit_drawn_by_its_seed_a_review_whose_rapid_review_met_its_clock_and_forty_voice_items(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var (database, _) = await fixture.GetAsync(provider);
        await using var db = database.NewContext();
        var partnershipId = await DemoPartnershipIdAsync(db);

        var audit = await db.Set<CaseAudit>().AsNoTracking().SingleAsync(a => a.PartnershipId == partnershipId, ct);
        var cases = await db.Set<AuditedCase>().AsNoTracking().Where(c => c.AuditId == audit.Id).OrderBy(c => c.Position).ToListAsync(ct);
        Assert.NotEmpty(cases);
        Assert.All(cases, c => Assert.NotNull(c.Grade));
        // The sample is what the audit's own draw gives on the demo's records.
        var drawn = CaseAudits.Draw(await new CaseAudits(db).CandidatesAsync(partnershipId, audit.Criteria, audit.PeriodFrom, audit.PeriodTo, ct), audit.Seed, audit.SampleSize);
        Assert.Equal(drawn.Select(d => d.SourceId), cases.Select(c => c.SourceId));

        var review = await db.Set<PracticeReview>().AsNoTracking().SingleAsync(r => r.PartnershipId == partnershipId, ct);
        Assert.True(review.NotifiedOn <= review.NotificationDue && review.RapidReviewOn <= review.RapidReviewDue);
        Assert.Contains(await db.Set<ReviewRecommendation>().AsNoTracking().Where(r => r.ReviewId == review.Id).Select(r => r.Status).ToListAsync(ct),
            s => s == RecommendationStatus.InProgress);

        var voice = await db.Set<VoiceItem>().AsNoTracking().Where(i => i.PartnershipId == partnershipId).ToListAsync(ct);
        Assert.Equal(40, voice.Count);
        Assert.All(voice, i => Assert.Equal(i.AgreedToShare, i.SharedWords is not null));
        Assert.DoesNotContain(voice, i => i.SharedWords?.Contains("{name}", StringComparison.Ordinal) == true);
    }
}
