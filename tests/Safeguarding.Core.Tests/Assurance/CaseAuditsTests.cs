using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Assurance;
using Safeguarding.Core.Assurance.CaseAudits;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Marac;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Testing;
using static Safeguarding.Core.Tests.Assurance.AssuranceWorld;

namespace Safeguarding.Core.Tests.Assurance;

/// <summary>Multi-agency case audits on both databases: the sample criteria and their reproducible draw, the named auditors' sight while the audit is open, grading and the tool's versions.</summary>
public sealed class CaseAuditsTests
{
    // Monday 4 January 2027, 09:00 London; Q3 of 2026-27 is October to December 2026.
    private static readonly Instant NewYear = Instant.FromUtc(2027, 1, 4, 9, 0);
    private static readonly LocalDate Q3From = new(2026, 10, 1), Q3To = new(2026, 12, 31);
    private static Instant In(int month, int day) => Instant.FromUtc(2026, month, day, 10, 0);

    private static async Task<Guid> ToolAsync(AssuranceWorld w, string questions = "How well did the agency hear the child?\nWas the risk shared?")
    {
        await using var db = w.NewContext();
        return await new CaseAudits(db).ChangeToolAsync(new ChangeToolOptions("Multi-agency case audit", questions), As(w.BusinessManager), TestContext.Current.CancellationToken);
    }

    private static async Task<Guid> AuditAsync(AssuranceWorld w, Guid tool, SampleCriteria criteria, int size, int seed, LocalDate? opens = null, LocalDate? closes = null)
    {
        await using var db = w.NewContext();
        var audits = new CaseAudits(db);
        var ct = TestContext.Current.CancellationToken;
        var id = await audits.CreateAsync(new CreateAuditOptions("Q3 MARAC audit", tool, criteria, Q3From, Q3To, size, seed,
            opens ?? new LocalDate(2027, 1, 11), closes ?? new LocalDate(2027, 1, 22)), As(w.BusinessManager), ct);
        await audits.DrawSampleAsync(id, As(w.BusinessManager), ct);
        return id;
    }

    private static async Task<List<AuditedCase>> CasesAsync(AssuranceWorld w, Guid audit)
    {
        await using var db = w.NewContext();
        return await db.Set<AuditedCase>().AsNoTracking().Where(c => c.AuditId == audit).OrderBy(c => c.Position).ToListAsync(TestContext.Current.CancellationToken);
    }

    [Theory, BothDatabases]
    public async Task Marac_cases_heard_in_the_period_with_children_are_sampled_and_the_same_seed_draws_the_same_cases(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var w = await AssuranceWorld.CreateAsync(database, NewYear);
        var eligible = new List<(Guid Referral, Guid? Child)>();
        foreach (var day in new[] { 2, 9, 16, 23, 30 }) eligible.Add(await w.HeardMaracCaseAsync(In(10, day), withChild: true));
        var noChildren = await w.HeardMaracCaseAsync(In(11, 5), withChild: false);
        var beforeQ3 = await w.HeardMaracCaseAsync(In(9, 20), withChild: true);
        var tool = await ToolAsync(w);

        var first = await CasesAsync(w, await AuditAsync(w, tool, SampleCriteria.MaracCasesWithChildren, 3, seed: 7));
        var again = await CasesAsync(w, await AuditAsync(w, tool, SampleCriteria.MaracCasesWithChildren, 3, seed: 7));
        var all = await CasesAsync(w, await AuditAsync(w, tool, SampleCriteria.MaracCasesWithChildren, 20, seed: 7));

        Assert.Equal(3, first.Count);
        Assert.All(first, c => Assert.Contains((c.SourceId, (Guid?)c.PersonId), eligible));
        Assert.Equal(first.Select(c => c.SourceId), again.Select(c => c.SourceId));
        Assert.Equal(eligible.Select(e => e.Referral).Order(), all.Select(c => c.SourceId).Order());
        Assert.DoesNotContain(all, c => c.SourceId == noChildren.Referral || c.SourceId == beforeQ3.Referral);
        Assert.All(all, c => Assert.Equal(MaracReferrals.SourceType, c.SourceType));
        // Another seed orders the same five differently (the draw is by seed, not by id).
        Assert.NotEqual(CaseAudits.Draw(all.Select(c => (c.SourceType, c.SourceId, c.PersonId)), 7, 5).Select(c => c.SourceId),
            CaseAudits.Draw(all.Select(c => (c.SourceType, c.SourceId, c.PersonId)), 8, 5).Select(c => c.SourceId));
    }

    [Theory, BothDatabases]
    public async Task Children_on_the_register_rated_red_in_the_period_are_sampled(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var w = await AssuranceWorld.CreateAsync(database, NewYear);
        var redInQ3 = await w.RatedEntryAsync((SupportRatingLevel.Amber, In(9, 1)), (SupportRatingLevel.Red, In(11, 3)), (SupportRatingLevel.Amber, In(12, 1)));
        await w.RatedEntryAsync((SupportRatingLevel.Amber, In(11, 3)));
        await w.RatedEntryAsync((SupportRatingLevel.Red, In(9, 30)));

        var cases = await CasesAsync(w, await AuditAsync(w, await ToolAsync(w), SampleCriteria.SupportRegisterRated, 10, seed: 1));

        Assert.Equal([(SupportRegisterEntries.ResourceType, redInQ3)], cases.Select(c => (c.SourceType, c.SourceId)).ToList());
    }

    [Theory, BothDatabases]
    public async Task A_named_auditor_reads_the_audits_cases_only_while_named_and_open_and_every_read_is_audited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var w = await AssuranceWorld.CreateAsync(database, NewYear);
        await w.HeardMaracCaseAsync(In(10, 2), withChild: true);
        await w.HeardMaracCaseAsync(In(10, 9), withChild: true);
        var tool = await ToolAsync(w);
        var audit = await AuditAsync(w, tool, SampleCriteria.MaracCasesWithChildren, 1, seed: 3);
        var otherAudit = await AuditAsync(w, tool, SampleCriteria.MaracCasesWithChildren, 2, seed: 3);
        var caseId = (await CasesAsync(w, audit)).Single().Id;
        var otherCase = (await CasesAsync(w, otherAudit)).First().Id;
        await using (var db = w.NewContext())
            await new CaseAudits(db).NameAuditorAsync(new NameAuditorOptions(audit, w.CouncilAuditor.User.Id), As(w.BusinessManager), ct);

        // Before it opens (Monday 11 January), the named auditor is refused.
        await using (var db = w.NewContext())
            await Assert.ThrowsAsync<ForbiddenException>(() => new CaseAudits(db).OpenCaseAsync(caseId, As(w.CouncilAuditor), ct));

        w.Clock.Reset(Instant.FromUtc(2027, 1, 12, 9, 0));
        await using (var db = w.NewContext())
        {
            var audits = new CaseAudits(db);
            var seen = await audits.OpenCaseAsync(caseId, As(w.CouncilAuditor), ct);
            Assert.NotNull(seen.Marac);
            Assert.StartsWith("Child", seen.Child.Name);
            Assert.True(seen.MayAnswer);
            Assert.False(seen.MayGrade);
            Assert.Equal([audit], (await audits.ListAsync(new AuditListOptions(), As(w.CouncilAuditor), ct)).Items.Select(a => a.Id));
            // Not on the other audit, not as an auditor who is not named, not from another partnership.
            await Assert.ThrowsAsync<ForbiddenException>(() => audits.OpenCaseAsync(otherCase, As(w.CouncilAuditor), ct));
            await Assert.ThrowsAsync<ForbiddenException>(() => audits.OpenCaseAsync(caseId, As(w.PoliceAuditor), ct));
            await Assert.ThrowsAsync<ForbiddenException>(() => audits.OpenCaseAsync(caseId, As(w.SocialWorker), ct));
            var stranger = await w.Data.CreateUserAsync(await w.Data.CreateOrganisationAsync((await w.Data.CreatePartnershipAsync()).Id,
                Safeguarding.Core.Platform.Organisations.OrganisationType.CouncilService), Safeguarding.Core.Platform.Access.Role.PartnershipBusinessManager);
            await Assert.ThrowsAsync<NotFoundException>(() => audits.OpenCaseAsync(caseId, As(stranger), ct));
        }
        await using (var db = w.NewContext())
        {
            var reads = await db.AuditEntries.AsNoTracking().Where(a => a.ActorUserId == w.CouncilAuditor.User.Id).ToListAsync(ct);
            Assert.Contains(reads, a => a.ResourceType == CaseAudits.CaseResourceType && a.ResourceId == caseId.ToString() && a.Details == CaseAudits.NamedAuditorReason);
            Assert.Contains(reads, a => a.ResourceType == PersonRecords.ResourceType);
            Assert.Contains(reads, a => a.ResourceType == MaracReferrals.SourceType);
        }

        // Removed, the auditor is refused at once; named again, they read until the audit closes (Friday 22 January) and not after.
        await using (var db = w.NewContext())
        {
            var audits = new CaseAudits(db);
            await audits.RemoveAuditorAsync(new NameAuditorOptions(audit, w.CouncilAuditor.User.Id), As(w.BusinessManager), ct);
            await Assert.ThrowsAsync<ForbiddenException>(() => audits.OpenCaseAsync(caseId, As(w.CouncilAuditor), ct));
            await audits.NameAuditorAsync(new NameAuditorOptions(audit, w.CouncilAuditor.User.Id), As(w.BusinessManager), ct);
        }
        w.Clock.Reset(Instant.FromUtc(2027, 1, 22, 23, 0));
        await using (var db = w.NewContext())
            Assert.Equal(caseId, (await new CaseAudits(db).OpenCaseAsync(caseId, As(w.CouncilAuditor), ct)).Id);
        w.Clock.Reset(Instant.FromUtc(2027, 1, 23, 9, 0));
        await using (var db = w.NewContext())
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => new CaseAudits(db).OpenCaseAsync(caseId, As(w.CouncilAuditor), ct));
            Assert.Empty((await new CaseAudits(db).ListAsync(new AuditListOptions(), As(w.CouncilAuditor), ct)).Items);
        }
    }

    [Theory, BothDatabases]
    public async Task Each_agency_answers_its_part_and_only_the_audit_lead_grades_on_the_tool_version_the_audit_started_with(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var w = await AssuranceWorld.CreateAsync(database, Instant.FromUtc(2027, 1, 12, 9, 0));
        await w.HeardMaracCaseAsync(In(10, 2), withChild: true);
        var audit = await AuditAsync(w, await ToolAsync(w), SampleCriteria.MaracCasesWithChildren, 1, seed: 3);
        var caseId = (await CasesAsync(w, audit)).Single().Id;
        await using (var db = w.NewContext())
        {
            var audits = new CaseAudits(db);
            await audits.NameAuditorAsync(new NameAuditorOptions(audit, w.CouncilAuditor.User.Id), As(w.BusinessManager), ct);
            await audits.NameAuditorAsync(new NameAuditorOptions(audit, w.PoliceAuditor.User.Id), As(w.BusinessManager), ct);
            // The tool changes while the audit runs: a new version; the audit keeps asking its two questions.
            await audits.ChangeToolAsync(new ChangeToolOptions("Multi-agency case audit", "One new question"), As(w.BusinessManager), ct);
            Assert.Equal(2, (await audits.ToolsAsync(As(w.BusinessManager), ct)).Single().Version);
        }
        await using (var db = w.NewContext())
        {
            var audits = new CaseAudits(db);
            await audits.AnswerAsync(new AnswerCaseOptions(caseId, new Dictionary<int, string> { [1] = "The child was seen alone" }), As(w.CouncilAuditor), ct);
            await audits.AnswerAsync(new AnswerCaseOptions(caseId, new Dictionary<int, string> { [2] = "Shared the same day" }), As(w.PoliceAuditor), ct);
            await Assert.ThrowsAsync<ArgumentException>(() => audits.AnswerAsync(new AnswerCaseOptions(caseId, new Dictionary<int, string> { [3] = "No such question" }),
                As(w.PoliceAuditor), ct));
            var police = await audits.OpenCaseAsync(caseId, As(w.PoliceAuditor), ct);
            Assert.Equal(2, police.Questions.Count);
            Assert.Equal(["Shared the same day"], police.Answers.Select(a => a.Answer));

            await Assert.ThrowsAsync<ForbiddenException>(() => audits.GradeAsync(new GradeCaseOptions(caseId, CaseGrade.Good, "Heard"), As(w.CouncilAuditor), ct));
            await Assert.ThrowsAsync<ForbiddenException>(() => audits.GradeAsync(new GradeCaseOptions(caseId, CaseGrade.Good, "Heard"), As(w.OtherManager), ct));
            await audits.GradeAsync(new GradeCaseOptions(caseId, CaseGrade.RequiresImprovement, "The school was not at MARAC"), As(w.BusinessManager), ct);
            await audits.AddActionAsync(new AddAuditActionOptions(caseId, "Invite schools to MARAC", w.Police.Id, new LocalDate(2027, 3, 1)), As(w.BusinessManager), ct);
        }
        await using (var db = w.NewContext())
        {
            var lead = await new CaseAudits(db).OpenCaseAsync(caseId, As(w.BusinessManager), ct);
            Assert.Equal(["The child was seen alone", "Shared the same day"], lead.Answers.Select(a => a.Answer));
            Assert.Equal((CaseGrade?)CaseGrade.RequiresImprovement, lead.Grade);
            Assert.Equal(["Invite schools to MARAC"], lead.Actions.Select(a => a.Description));
            var figures = await new AssuranceReviewFigures(db).FiguresAsync(new AssuranceReviewFiguresOptions(new LocalDate(2027, 1, 1), new LocalDate(2027, 1, 31)),
                As(w.BusinessManager), ct);
            Assert.Equal((1, 1, 0), (figures.CasesGraded, figures.Grades[CaseGrade.RequiresImprovement], figures.Grades[CaseGrade.Good]));
            Assert.Equal(1, figures.AuditsCompleted);
        }
    }
}
