using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Health.SelfAssessment;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Tests.Exploitation.Navigator;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Health;

public sealed class SelfAssessmentTests
{
    [Theory, BothDatabases]
    public async Task The_young_person_answers_once_on_the_tablet_and_the_worries_reach_the_nurse_marked(DatabaseProvider provider)
    {
        await using var w = await NavigatorWorld.CreateAsync(provider);
        await using var db = w.NewContext();
        var assessments = w.SelfAssessments(db);
        var nurse = NavigatorWorld.Process(w.Nurse);

        var started = await assessments.StartAsync(new StartSelfAssessmentOptions(w.YoungPerson.Id), nurse);
        var tablet = await assessments.OpenOnTabletAsync(started.Id, nurse);
        await assessments.SubmitAsync(new SubmitSelfAssessmentOptions(started.Id, NavigatorWorld.Answers("safe1", "sub1")), nurse);
        var list = await assessments.ListAsync(new SelfAssessmentListOptions(SelfAssessmentList.ToRespond), nurse);
        var view = await assessments.OpenAsync(started.Id, nurse);

        Assert.False(tablet!.Submitted);
        var row = Assert.Single(list.Items);
        Assert.Equal((2, true, 15), (row.AttentionCount, row.Urgent, row.Age));
        Assert.Equal(new[] { "safe1", "sub1" }, view!.NeedAttention.Order());
        // Once sent, never reopened: the tablet only thanks them, and a second send is refused.
        Assert.True((await assessments.OpenOnTabletAsync(started.Id, nurse))!.Submitted);
        await Assert.ThrowsAsync<InvalidOperationException>(() => assessments.SubmitAsync(new SubmitSelfAssessmentOptions(started.Id, NavigatorWorld.Answers()), nurse));
        // The names listed and the self-assessment opened are in the audit trail.
        Assert.True(await db.AuditEntries.AnyAsync(e => e.ResourceType == Core.Health.SelfAssessment.SelfAssessments.ResourceType && e.ResourceId == started.Id.ToString(),
            TestContext.Current.CancellationToken));
    }

    [Theory, BothDatabases]
    public async Task Ages_outside_12_to_18_are_refused_with_the_reason_and_every_question_needs_an_answer(DatabaseProvider provider)
    {
        await using var w = await NavigatorWorld.CreateAsync(provider);
        var eleven = await w.PatientAsync(new LocalDate(2015, 1, 1));
        var nineteen = await w.PatientAsync(new LocalDate(2007, 11, 9));
        var eighteen = await w.PatientAsync(new LocalDate(2007, 11, 11));
        await using var db = w.NewContext();
        var assessments = w.SelfAssessments(db);
        var nurse = NavigatorWorld.Process(w.Nurse);

        var tooYoung = await Assert.ThrowsAsync<ArgumentException>(() => assessments.StartAsync(new StartSelfAssessmentOptions(eleven.Id), nurse));
        var tooOld = await Assert.ThrowsAsync<ArgumentException>(() => assessments.StartAsync(new StartSelfAssessmentOptions(nineteen.Id), nurse));
        var started = await assessments.StartAsync(new StartSelfAssessmentOptions(eighteen.Id), nurse);
        var partial = NavigatorWorld.Answers();
        partial.Remove("talk1");

        Assert.StartsWith("The self-assessment is for young people aged 12 to 18: this person is 11.", tooYoung.Message, StringComparison.Ordinal);
        Assert.StartsWith("The self-assessment is for young people aged 12 to 18: this person is 19.", tooOld.Message, StringComparison.Ordinal);
        Assert.Equal(18, started.AgeAtStart);
        await Assert.ThrowsAsync<ArgumentException>(() => assessments.SubmitAsync(new SubmitSelfAssessmentOptions(started.Id, partial), nurse));
    }

    [Theory, BothDatabases]
    public async Task Another_trusts_nurse_reads_nothing_and_no_further_action_needs_a_reason(DatabaseProvider provider)
    {
        await using var w = await NavigatorWorld.CreateAsync(provider);
        await using var db = w.NewContext();
        var assessments = w.SelfAssessments(db);
        var nurse = NavigatorWorld.Process(w.Nurse);
        var started = await assessments.StartAsync(new StartSelfAssessmentOptions(w.YoungPerson.Id), nurse);

        await Assert.ThrowsAsync<InvalidOperationException>(() => assessments.RespondAsync(new RespondToSelfAssessmentOptions(started.Id, SelfAssessmentResponse.ReferredOn, null), nurse));
        await assessments.SubmitAsync(new SubmitSelfAssessmentOptions(started.Id, NavigatorWorld.Answers()), nurse);
        var other = NavigatorWorld.Process(w.OtherTrustNurse);

        await Assert.ThrowsAsync<ForbiddenException>(() => assessments.OpenAsync(started.Id, other));
        await Assert.ThrowsAsync<ForbiddenException>(() => assessments.OpenOnTabletAsync(started.Id, other));
        Assert.Empty((await assessments.ListAsync(new SelfAssessmentListOptions(SelfAssessmentList.ToRespond), other)).Items);
        await Assert.ThrowsAsync<ArgumentException>(() => assessments.RespondAsync(new RespondToSelfAssessmentOptions(started.Id, SelfAssessmentResponse.NoFurtherAction, " "), nurse));
        await assessments.RespondAsync(new RespondToSelfAssessmentOptions(started.Id, SelfAssessmentResponse.NoFurtherAction, "No worries raised; seen with mum."), nurse);
        Assert.Equal(SelfAssessmentResponse.NoFurtherAction,
            (await db.Set<YoungPersonSelfAssessment>().AsNoTracking().SingleAsync(TestContext.Current.CancellationToken)).Response);
    }
}
