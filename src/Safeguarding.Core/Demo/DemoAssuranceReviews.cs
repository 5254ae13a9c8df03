using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Assurance.CaseAudits;
using Safeguarding.Core.Assurance.PracticeReviews;
using Safeguarding.Core.Assurance.Voice;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.Demo;

/// <summary>
/// The partnership's assurance work for the demo, written directly (as the services would leave it): one multi-agency
/// case audit of the MARAC cases with children heard this October to December (six drawn with seed 2026 by the audit's own
/// draw, open now, each graded with the council's answers and learning), one practice review ("Child A") whose rapid
/// review met its clock and whose recommendations are in progress, and about 40 pieces of children's feedback over the
/// year under six themes, four in five agreed to share and anonymised. The same at both scales; fixed seed.
/// </summary>
public sealed class DemoAssuranceReviews(SafeguardingDbContext db)
{
    private static readonly string[] Questions =
    [
        "How well did the agency hear and record the child's voice?",
        "Was the risk to the child identified and shared with the right agencies in time?",
        "Did the agency's actions from MARAC happen, and did they make the child safer?",
        "How well did the agency work with the non-abusing parent?",
        "What would have made the most difference for this child?",
    ];
    private static readonly string[] Themes = ["Being listened to", "Feeling safe at home", "Feeling safe outside home", "School and learning", "Knowing what happens next", "Having a say in my plan"];
    private static readonly string[] Words =
    [
        "My social worker listened to me and wrote down what I said in my own words.",
        "I didn't know what was going to happen after the police came. Someone should tell kids.",
        "{name} at school checks in with me every morning and that helps.",
        "I feel safer at home now that the locks are changed.",
        "I want to be asked before people have meetings about me.",
        "The youth club is the only place I feel safe after school.",
        "Nobody explained what a plan was. It would help to have it in simple words.",
        "When {name} came round I could talk without mum being worried.",
        "I liked that I could choose where we met.",
        "Going back to school was hard but my teacher made it okay.",
    ];

    public async Task SeedAsync(Guid partnershipId, Instant now, CancellationToken ct = default)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.PartnershipId == partnershipId).Select(u => new { u.Id, u.OrganisationId, u.Email }).ToListAsync(ct);
        var manager = users.FirstOrDefault(u => u.Email!.StartsWith("business.manager@", StringComparison.Ordinal));
        var auditor = users.FirstOrDefault(u => u.Email!.StartsWith("case.auditor@", StringComparison.Ordinal));
        var practitioner = users.FirstOrDefault(u => u.Email!.StartsWith("social.worker@", StringComparison.Ordinal));
        if (manager is null || auditor is null || practitioner is null) return;
        var random = new Random(2026);
        var today = now.InZone(WorkingDays.London).Date;
        var agencies = await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == partnershipId
                && (o.Type == OrganisationType.PoliceForce || o.Type == OrganisationType.CouncilService || o.Type == OrganisationType.HospitalTrust))
            .OrderBy(o => o.Name).Select(o => o.Id).ToListAsync(ct);

        await CaseAuditAsync(partnershipId, now, today, manager.Id, auditor.Id, auditor.OrganisationId, agencies, random, ct);
        await PracticeReviewAsync(partnershipId, now, today, agencies, ct);
        await VoiceAsync(partnershipId, now, today, practitioner.Id, practitioner.OrganisationId, random, ct);
        await DemoPartnership.SaveBatchAsync(db, ct);
    }

    private async Task CaseAuditAsync(Guid partnershipId, Instant now, LocalDate today, Guid manager, Guid auditor, Guid auditorOrganisation, List<Guid> agencies,
        Random random, CancellationToken ct)
    {
        var tool = new CaseAuditToolVersion
        {
            PartnershipId = partnershipId, ToolName = "Multi-agency case audit", Version = 1, Questions = string.Join('\n', Questions), CreatedAt = now, CreatedByUserId = manager,
        };
        var year = today.Month >= 10 ? today.Year : today.Year - 1;
        var audit = new CaseAudit
        {
            PartnershipId = partnershipId, Title = $"MARAC cases with children, Q3 {year}-{(year + 1) % 100:00}", ToolVersionId = tool.Id,
            Criteria = SampleCriteria.MaracCasesWithChildren, PeriodFrom = new LocalDate(year, 10, 1), PeriodTo = new LocalDate(year, 12, 31), SampleSize = 6, Seed = 2026,
            OpensOn = today.PlusDays(-7), ClosesOn = today.PlusDays(21), LeadUserId = manager, CreatedAt = now, SampledAt = now,
        };
        db.AddRange(tool, audit);
        db.Add(new CaseAuditor { AuditId = audit.Id, UserId = auditor, OrganisationId = auditorOrganisation, NamedAt = now });
        var audits = new Assurance.CaseAudits.CaseAudits(db);
        var sample = Assurance.CaseAudits.CaseAudits.Draw(await audits.CandidatesAsync(partnershipId, audit.Criteria, audit.PeriodFrom, audit.PeriodTo, ct), audit.Seed, audit.SampleSize);
        var position = 0;
        foreach (var (sourceType, sourceId, personId) in sample)
        {
            var grade = position == 2 ? CaseGrade.RequiresImprovement : position == 4 ? CaseGrade.Outstanding : CaseGrade.Good;
            var audited = new AuditedCase
            {
                PartnershipId = partnershipId, AuditId = audit.Id, Position = ++position, PersonId = personId, SourceType = sourceType, SourceId = sourceId, Grade = grade,
                LearningPoints = grade == CaseGrade.RequiresImprovement
                    ? "The school was not told of the MARAC outcome; the child's views were not recorded before the meeting."
                    : "Risk was shared the same day and the child's views were recorded and acted on.",
                GradedAt = now - Duration.FromDays(random.Next(1, 5)), GradedByUserId = manager,
            };
            db.Add(audited);
            for (var q = 1; q <= Questions.Length; q++)
                db.Add(new AuditAnswer
                {
                    CaseId = audited.Id, OrganisationId = auditorOrganisation, Question = q, AnsweredByUserId = auditor, AnsweredAt = now - Duration.FromDays(6),
                    Answer = grade == CaseGrade.RequiresImprovement && q == 1 ? "Not recorded before MARAC." : "Recorded and shared as the procedure asks.",
                });
            if (grade == CaseGrade.RequiresImprovement && agencies.Count > 0)
                db.Add(new AuditAction { PartnershipId = partnershipId, CaseId = audited.Id, Description = "Tell the child's school the MARAC outcome within one working day", OwnerOrganisationId = agencies[0], Due = today.PlusDays(30) });
        }
    }

    private async Task PracticeReviewAsync(Guid partnershipId, Instant now, LocalDate today, List<Guid> agencies, CancellationToken ct)
    {
        var child = await db.People.AsNoTracking().Where(p => p.PartnershipId == partnershipId && !p.IsSealed && p.MergedIntoPersonId == null
                && p.DateOfBirth > today.PlusYears(-10) && p.DateOfBirth < today.PlusYears(-2))
            .OrderBy(p => p.Id).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        if (child is not { } childId || agencies.Count == 0) return;
        // Aware 80 days ago; notified in 3 working days, the rapid review held in 12 of its 15.
        var aware = today.PlusDays(-80);
        var notified = WorkingDays.Add(aware, 3);
        var rapid = WorkingDays.Add(notified, 12);
        var review = new PracticeReview
        {
            PartnershipId = partnershipId, Reference = "Child A", PersonId = childId, AwareOn = aware, NotificationDue = PracticeReviews.NotificationDueFrom(aware),
            NotifiedOn = notified, RapidReviewDue = PracticeReviews.RapidReviewDueFrom(notified), RapidReviewOn = rapid, Decision = ReviewDecision.LocalReview,
            DecisionReason = "Agencies held pieces of the picture that were never put together; the learning reaches beyond one agency.",
            TermsOfReference = "How agencies shared information about domestic abuse in the household in the year before the incident, and how the child's voice was heard.",
            Timeline = "Police called to the home after an argument\nSchool notified through Operation Encompass\nHealth visitor contact missed\nThe incident",
            Reviewer = "An independent reviewer", CreatedAt = now,
        };
        db.Add(review);
        string[] texts = ["Schools to be invited to MARAC for every child in the household", "Health visitors to see the child's record of Operation Encompass notifications",
            "Training on hearing the voice of pre-verbal children for all agencies"];
        for (var i = 0; i < texts.Length; i++)
            db.Add(new ReviewRecommendation
            {
                PartnershipId = partnershipId, ReviewId = review.Id, Text = texts[i], OwnerOrganisationId = agencies[i % agencies.Count], Due = today.PlusDays(30 * (i + 1)),
                Status = i == 0 ? RecommendationStatus.Done : RecommendationStatus.InProgress, DoneOn = i == 0 ? today.PlusDays(-10) : null,
            });
    }

    private async Task VoiceAsync(Guid partnershipId, Instant now, LocalDate today, Guid practitioner, Guid organisation, Random random, CancellationToken ct)
    {
        var themes = Themes.Select(t => new VoiceTheme { PartnershipId = partnershipId, Name = t, CreatedAt = now }).ToList();
        db.AddRange(themes);
        var names = await db.People.AsNoTracking().Where(p => p.PartnershipId == partnershipId && p.DateOfBirth < today.PlusYears(-20))
            .OrderBy(p => p.Id).Select(p => p.GivenName).Take(10).ToListAsync(ct);
        var voice = new VoiceFeedbacks(db);
        var sources = Enum.GetValues<VoiceSource>();
        for (var i = 0; i < 40; i++)
        {
            var source = sources[i % sources.Length];
            var agreed = random.NextDouble() < 0.8;
            var words = Words[i % Words.Length].Replace("{name}", names.Count > 0 ? names[i % names.Count] : "Sam", StringComparison.Ordinal);
            var item = new VoiceItem
            {
                PartnershipId = partnershipId, Source = source, Project = source == VoiceSource.Project ? "Voices" : null, GivenOn = today.PlusDays(-random.Next(0, 365)),
                AgreedToShare = agreed, SharedWords = agreed ? await voice.AnonymiseAsync(partnershipId, words, null, ct) : null,
                RecordedByOrganisationId = organisation, RecordedByUserId = practitioner, RecordedAt = now,
                Themes = [.. themes.OrderBy(_ => random.Next()).Take(1 + random.Next(2)).Select(t => new VoiceItemTheme { ThemeId = t.Id })],
            };
            db.Add(item);
        }
    }
}
