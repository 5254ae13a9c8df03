using Safeguarding.Core.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;
using Safeguarding.Core.Assurance.Returns;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Platform.Outbox;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Assurance;

/// <summary>
/// Assurance returns on both databases: the business manager asks two agencies a section 11 return; each agency's
/// safeguarding lead sees and answers only its own (another agency's is refused, another partnership's not found); a
/// draft is the agency's alone; submitting needs every question; the sub-group grades and challenges, the agency
/// responds, and the sub-group closes only when nothing waits.
/// </summary>
public sealed class AssuranceReturnsTests
{
    private static ProcessContext As(TestUser user) => new("test", user.Actor);

    internal sealed record World(TestDatabase Database, FakeClock Clock, TestUser Manager, TestUser TrustLead, TestUser PoliceLead, TestUser Outsider, Guid RequestId,
        Guid TrustReturn, Guid PoliceReturn, IReadOnlyList<Guid> Questions);

    /// <summary>A section 11 return asked on 1 December 2026 of the trust and the police, due on <paramref name="due"/>.</summary>
    internal static async Task<World> WorldAsync(TestDatabase database, LocalDate due)
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeClock(Instant.FromUtc(2026, 12, 1, 10, 0));
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var trust = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.HospitalTrust);
        var police = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
        var other = await data.CreatePartnershipAsync();
        var otherTrust = await data.CreateOrganisationAsync(other.Id, OrganisationType.HospitalTrust);
        var manager = await data.CreateUserAsync(council, Role.PartnershipBusinessManager);
        var trustLead = await data.CreateUserAsync(trust, Role.AgencySafeguardingLead);
        var policeLead = await data.CreateUserAsync(police, Role.AgencySafeguardingLead);
        var outsider = await data.CreateUserAsync(otherTrust, Role.AgencySafeguardingLead);
        await using var db = database.NewContext(clock);
        var returns = new AssuranceReturns(db);
        var choices = await returns.AskChoicesAsync(As(manager), ct);
        Assert.Equal(3, choices.QuestionSets.Count);
        var set = await db.Set<QuestionSet>().SingleAsync(s => s.PartnershipId == partnership.Id && s.Key == ShippedQuestionSets.Section11, ct);
        var requestId = await returns.AskAsync(new AskReturnOptions(set.Id, null, "Section 11 2026", due, [trust.Id, police.Id]), As(manager), ct);
        var ids = await db.Set<AssuranceReturn>().Where(r => r.RequestId == requestId).ToDictionaryAsync(r => r.OrganisationId, r => r.Id, ct);
        var questions = await db.Set<ReturnQuestion>().Where(q => q.QuestionSetId == set.Id).OrderBy(q => q.Number).Select(q => q.Id).ToListAsync(ct);
        return new World(database, clock, manager, trustLead, policeLead, outsider, requestId, ids[trust.Id], ids[police.Id], questions);
    }

    private static List<AnswerInput> AllAnswered(World w, int grade = 3) => [.. w.Questions.Select(q => new AnswerInput(q, grade, "Our policy and audit"))];

    [Theory, BothDatabases]
    public async Task An_agency_sees_and_answers_only_its_own_return(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var w = await WorldAsync(database, new LocalDate(2026, 12, 18));
        await using var db = database.NewContext(w.Clock);
        var returns = new AssuranceReturns(db);

        var list = await returns.ListAsync(new ReturnsListOptions(), As(w.TrustLead), ct);
        Assert.Equal(0, list.Requests.Total);
        Assert.Equal([w.TrustReturn], list.OwnReturns.Items.Select(r => r.Id));
        Assert.NotNull(await returns.OpenAsync(w.TrustReturn, As(w.TrustLead), ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => returns.OpenAsync(w.PoliceReturn, As(w.TrustLead), ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => returns.SaveAsync(new SaveAnswersOptions(w.PoliceReturn, AllAnswered(w), Submit: true), As(w.TrustLead), ct));
        Assert.Null(await returns.OpenAsync(w.TrustReturn, As(w.Outsider), ct));
        // The business manager asks and grades; answering is the agency's own.
        await Assert.ThrowsAsync<ForbiddenException>(() => returns.SaveAsync(new SaveAnswersOptions(w.TrustReturn, AllAnswered(w), Submit: false), As(w.Manager), ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => returns.AskChoicesAsync(As(w.TrustLead), ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => returns.SummaryAsync(w.RequestId, As(w.TrustLead), ct));
        // Asking told each agency's lead by a content-free email.
        var asked = await db.Set<OutboxMessage>().Where(m => m.DeliveryKey.Contains("/asked/")).Select(m => new { m.Destination, m.Payload }).ToListAsync(ct);
        Assert.Equal(new[] { w.PoliceLead.Email, w.TrustLead.Email }.Order(StringComparer.Ordinal), asked.Select(m => m.Destination).Order(StringComparer.Ordinal));
        Assert.All(asked, m => Assert.DoesNotContain("Section 11", m.Payload, StringComparison.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task A_draft_is_the_agencys_alone_and_submitting_needs_every_question_graded_with_evidence(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var w = await WorldAsync(database, new LocalDate(2026, 12, 18));
        await using var db = database.NewContext(w.Clock);
        var returns = new AssuranceReturns(db);

        await returns.SaveAsync(new SaveAnswersOptions(w.TrustReturn, [new AnswerInput(w.Questions[0], 2, "Named lead in post")], Submit: false), As(w.TrustLead), ct);
        Assert.Equal("Named lead in post", (await returns.OpenAsync(w.TrustReturn, As(w.TrustLead), ct))!.Answers[0].Evidence);
        var seen = (await returns.OpenAsync(w.TrustReturn, As(w.Manager), ct))!;
        Assert.False(seen.AnswersShown);
        Assert.All(seen.Answers, a => Assert.Null(a.Evidence));

        var missing = AllAnswered(w).Take(w.Questions.Count - 1).ToList();
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => returns.SaveAsync(new SaveAnswersOptions(w.TrustReturn, missing, Submit: true), As(w.TrustLead), ct));
        Assert.Equal($"Evidence{w.Questions.Count}", refused.ParamName);
        db.ChangeTracker.Clear();
        Assert.Equal(ReturnStatus.Draft, (await db.Set<AssuranceReturn>().SingleAsync(r => r.Id == w.TrustReturn, ct)).Status);
        Assert.Equal(1, await db.Set<ReturnAnswer>().CountAsync(a => a.ReturnId == w.TrustReturn, ct));

        await returns.SaveAsync(new SaveAnswersOptions(w.TrustReturn, AllAnswered(w), Submit: true), As(w.TrustLead), ct);
        var submitted = (await returns.OpenAsync(w.TrustReturn, As(w.Manager), ct))!;
        Assert.True(submitted.MayGrade);
        Assert.All(submitted.Answers, a => Assert.Equal(3, a.SelfGrade));
        await Assert.ThrowsAsync<ArgumentException>(() => returns.SaveAsync(new SaveAnswersOptions(w.TrustReturn, AllAnswered(w, 1), Submit: false), As(w.TrustLead), ct));
    }

    [Theory, BothDatabases]
    public async Task The_sub_group_grades_and_challenges_the_agency_responds_and_the_return_closes_only_when_nothing_waits(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var w = await WorldAsync(database, new LocalDate(2026, 12, 18));
        await using var db = database.NewContext(w.Clock);
        var returns = new AssuranceReturns(db);
        await returns.SaveAsync(new SaveAnswersOptions(w.TrustReturn, AllAnswered(w), Submit: true), As(w.TrustLead), ct);
        await Assert.ThrowsAsync<ArgumentException>(() => returns.GradeAsync(new GradeAnswersOptions(w.PoliceReturn, []), As(w.Manager), ct));

        var grades = w.Questions.Select((q, i) => new GradeInput(q, i == 3 ? 2 : 3, i == 3 ? "What share of ward staff completed level 3?" : null)).ToList();
        await Assert.ThrowsAsync<ForbiddenException>(() => returns.GradeAsync(new GradeAnswersOptions(w.TrustReturn, grades), As(w.TrustLead), ct));
        await returns.GradeAsync(new GradeAnswersOptions(w.TrustReturn, grades), As(w.Manager), ct);
        var waiting = await Assert.ThrowsAsync<ArgumentException>(() => returns.CloseAsync(w.TrustReturn, As(w.Manager), ct));
        Assert.Contains("challenge", waiting.Message, StringComparison.Ordinal);

        var agency = (await returns.OpenAsync(w.TrustReturn, As(w.TrustLead), ct))!;
        Assert.True(agency.MayRespond);
        Assert.Equal("What share of ward staff completed level 3?", agency.Answers[3].Challenge);
        await Assert.ThrowsAsync<ArgumentException>(() => returns.RespondAsync(new RespondOptions(w.TrustReturn, w.Questions[0], "Nothing asked"), As(w.TrustLead), ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => returns.RespondAsync(new RespondOptions(w.TrustReturn, w.Questions[3], "82%"), As(w.PoliceLead), ct));
        await returns.RespondAsync(new RespondOptions(w.TrustReturn, w.Questions[3], "82% of ward staff; the rest booked by March"), As(w.TrustLead), ct);

        var listed = Assert.Single((await returns.ListAsync(new ReturnsListOptions(), As(w.Manager), ct)).Requests.Items);
        Assert.Equal((2, 1, 0, 0), (listed.Asked, listed.Submitted, listed.Overdue, listed.Closed));
        var summary = (await returns.SummaryAsync(w.RequestId, As(w.Manager), ct))!;
        var trust = summary.Agencies.Single(a => a.ReturnId == w.TrustReturn);
        Assert.Equal(1, summary.Answered);
        Assert.Equal(new Dictionary<int, int> { [3] = w.Questions.Count }, trust.SelfGrades);
        Assert.Equal(new Dictionary<int, int> { [2] = 1, [3] = w.Questions.Count - 1 }, trust.SubGroupGrades);
        Assert.Equal(0, trust.OpenChallenges);

        await returns.CloseAsync(w.TrustReturn, As(w.Manager), ct);
        var closed = (await returns.OpenAsync(w.TrustReturn, As(w.TrustLead), ct))!;
        Assert.Equal(ReturnStatus.Closed, closed.Status);
        Assert.False(closed.MayAnswer || closed.MayRespond);
    }

    [Theory, BothDatabases]
    public async Task Asking_refuses_a_past_due_date_or_no_agency_and_saves_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var w = await WorldAsync(database, new LocalDate(2026, 12, 18));
        await using var db = database.NewContext(w.Clock);
        var returns = new AssuranceReturns(db);
        var set = (await returns.AskChoicesAsync(As(w.Manager), ct)).QuestionSets[0].Id;
        var agency = w.TrustLead.Organisation.Id;
        Assert.Equal("Due", (await Assert.ThrowsAsync<ArgumentException>(() =>
            returns.AskAsync(new AskReturnOptions(set, null, "Late", new LocalDate(2026, 12, 1), [agency]), As(w.Manager), ct))).ParamName);
        Assert.Equal("AgencyIds", (await Assert.ThrowsAsync<ArgumentException>(() =>
            returns.AskAsync(new AskReturnOptions(set, null, "Nobody", new LocalDate(2026, 12, 20), []), As(w.Manager), ct))).ParamName);
        Assert.Equal("AgencyIds", (await Assert.ThrowsAsync<ArgumentException>(() =>
            returns.AskAsync(new AskReturnOptions(set, null, "Elsewhere", new LocalDate(2026, 12, 20), [w.Outsider.Organisation.Id]), As(w.Manager), ct))).ParamName);
        Assert.Equal(1, await db.Set<ReturnRequest>().CountAsync(ct));
    }
}
