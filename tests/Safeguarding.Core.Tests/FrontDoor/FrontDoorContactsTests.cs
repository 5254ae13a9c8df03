using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Outbox;
using Safeguarding.Core.Data;
using Safeguarding.Testing;
using static Safeguarding.Core.Tests.FrontDoor.FrontDoorWorld;

namespace Safeguarding.Core.Tests.FrontDoor;

/// <summary>
/// The Front Door on both databases: an agency sends a contact about a child it may see; the Front Door decides within
/// one working day (bank holidays not counted) and a referral's assessment is due 45 working days later; the referrer
/// reads only the outcome in words fit for them and gets a content-free email; the assessment records census factors;
/// another agency and another partnership are refused.
/// </summary>
public sealed class FrontDoorContactsTests
{
    // Thursday 24 December 2026, 10:00 London: Christmas, the Boxing Day substitute (28th) and New Year's Day follow.
    private static readonly Instant ChristmasEve = Instant.FromUtc(2026, 12, 24, 10, 0);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_decision_is_due_one_working_day_after_receipt_and_the_assessment_45_working_days_after_the_referral_bank_holidays_not_counted()
    {
        // Friday 25th and Monday 28th are bank holidays: the next working day is Tuesday 29th, at the same time.
        Assert.Equal(Instant.FromUtc(2026, 12, 29, 10, 0), FrontDoorClocks.DecisionDue(ChristmasEve));
        // Friday evening: Monday.
        Assert.Equal(Instant.FromUtc(2026, 11, 16, 18, 0), FrontDoorClocks.DecisionDue(Instant.FromUtc(2026, 11, 13, 18, 0)));
        // 29, 30, 31 December; New Year's Day not counted; 4 January to 26 February is 40 more; 1 and 2 March.
        Assert.Equal(new LocalDate(2027, 3, 2), FrontDoorClocks.AssessmentDue(ChristmasEve));
    }

    [Theory, BothDatabases]
    public async Task A_school_sends_a_contact_the_front_door_accepts_it_for_assessment_and_the_school_reads_only_the_outcome_in_its_words(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var w = await CreateAsync(database, ChristmasEve);

        var id = await w.WithAsync(c => c.RecordAsync(new RecordContactOptions(w.Child.Id, "Bruising on the arm; says dad was angry."), As(w.KeyAdult), Ct));
        // Another school may not send one about a child it does not know.
        await w.WithAsync(c => Assert.ThrowsAsync<ForbiddenException>(() => c.RecordAsync(new RecordContactOptions(w.Child.Id, "Worried"), As(w.OtherKeyAdult), Ct)));

        var waiting = await w.WithAsync(c => c.ListAsync(new ContactListOptions(ContactList.AwaitingDecision, new PageOptions()), As(w.Practitioner), Ct));
        var row = Assert.Single(waiting.Items);
        Assert.Equal((id, Instant.FromUtc(2026, 12, 29, 10, 0), false), (row.Id, row.DecisionDueAt, row.Overdue));

        // The school may not decide, nor read the contact in full.
        await w.WithAsync(c => Assert.ThrowsAsync<ForbiddenException>(() => c.DecideAsync(new DecideContactOptions(id, ContactDecision.NoFurtherAction, "No"), As(w.KeyAdult), Ct)));
        await w.WithAsync(c => Assert.ThrowsAsync<ForbiddenException>(() => c.OpenAsync(id, As(w.KeyAdult), Ct)));
        // A bad decision saves nothing.
        await w.WithAsync(c => Assert.ThrowsAsync<ArgumentException>(() => c.DecideAsync(new DecideContactOptions(id, ContactDecision.Assessment, " "), As(w.Practitioner), Ct)));
        Assert.Null((await w.WithAsync(c => c.OpenAsync(id, As(w.Practitioner), Ct)))!.Contact.Decision);

        w.Clock.AdvanceHours(3);
        await w.WithAsync(c => c.DecideAsync(new DecideContactOptions(id, ContactDecision.Assessment, "Injury with an explanation that points to dad; 3B suspected."), As(w.Practitioner), Ct));

        var seen = (await w.WithAsync(c => c.OpenAsync(id, As(w.TeamManager), Ct)))!;
        Assert.Equal((ContactDecision.Assessment, new LocalDate(2027, 3, 2), false), (seen.Contact.Decision, seen.Contact.AssessmentDue, seen.ReReferral));
        Assert.False(seen.MayDecide);
        await w.WithAsync(c => Assert.ThrowsAsync<InvalidOperationException>(() => c.DecideAsync(new DecideContactOptions(id, ContactDecision.EarlyHelp, "Again"), As(w.Manager), Ct)));

        // The referrer's view: the outcome in its words, never the reason; their email says only where to read it.
        var told = (await w.WithAsync(c => c.OpenSentAsync(id, As(w.KeyAdult), Ct)))!;
        Assert.Equal("Accepted for assessment", told.Outcome);
        Assert.DoesNotContain(typeof(ReferrerView).GetProperties(), p => p.Name is "Reason" or "Factors" or "DecisionReason");
        var sent = await w.WithAsync(c => c.SentAsync(new PageOptions(), As(w.KeyAdult), Ct));
        Assert.Equal(("Accepted for assessment", 1), (Assert.Single(sent.Items).Outcome, sent.Total));
        await using (var db = w.NewContext())
        {
            var email = await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.AboutId == id, Ct);
            Assert.Equal(w.KeyAdult.Email, email.Destination);
            Assert.DoesNotContain(w.Child.GivenName, email.Payload);
            Assert.DoesNotContain("3B", email.Payload);
            // Outside the link's contact id, whose hex can hold "dad".
            Assert.DoesNotContain("dad", email.Payload.Replace(id.ToString(), "", StringComparison.OrdinalIgnoreCase));
        }
        // Another school reads neither the referrer's view nor the list of what the first school sent.
        await w.WithAsync(c => Assert.ThrowsAsync<ForbiddenException>(() => c.OpenSentAsync(id, As(w.OtherKeyAdult), Ct)));
        Assert.Empty((await w.WithAsync(c => c.SentAsync(new PageOptions(), As(w.OtherKeyAdult), Ct))).Items);
    }

    [Theory, BothDatabases]
    public async Task The_assessment_records_census_factors_and_refuses_unknown_codes_or_no_factors_beside_a_factor(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var w = await CreateAsync(database, ChristmasEve);
        var id = await w.WithAsync(c => c.RecordAsync(new RecordContactOptions(w.Child.Id, "Police attended a domestic incident at home."), As(w.Practitioner), Ct));
        await w.WithAsync(c => c.DecideAsync(new DecideContactOptions(id, ContactDecision.StrategyDiscussion, "Child present at repeat incident."), As(w.Practitioner), Ct));
        w.Clock.AdvanceDays(20);
        var on = FrontDoorClocks.Today(w.Clock.GetCurrentInstant());

        foreach (var factors in new[] { new[] { "3B", "99Z" }, ["21", "3B"], [] })
            await w.WithAsync(c => Assert.ThrowsAsync<ArgumentException>(() =>
                c.CompleteAssessmentAsync(new CompleteAssessmentOptions(id, on, AssessmentOutcome.ChildInNeedPlan, factors), As(w.Practitioner), Ct)));
        await w.WithAsync(c => Assert.ThrowsAsync<ArgumentException>(() =>
            c.CompleteAssessmentAsync(new CompleteAssessmentOptions(id, on.PlusDays(1), AssessmentOutcome.ChildInNeedPlan, ["3B"]), As(w.Practitioner), Ct)));
        await w.WithAsync(c => Assert.ThrowsAsync<ForbiddenException>(() =>
            c.CompleteAssessmentAsync(new CompleteAssessmentOptions(id, on, AssessmentOutcome.ChildInNeedPlan, ["3B"]), As(w.TeamManager), Ct)));
        Assert.Empty((await w.WithAsync(c => c.OpenAsync(id, As(w.Practitioner), Ct)))!.Contact.Factors);

        await w.WithAsync(c => c.CompleteAssessmentAsync(new CompleteAssessmentOptions(id, on, AssessmentOutcome.ChildInNeedPlan, ["3b", "4B", "3B"]), As(w.Practitioner), Ct));

        var done = (await w.WithAsync(c => c.OpenAsync(id, As(w.TeamManager), Ct)))!.Contact;
        Assert.Equal(["3B", "4B"], done.Factors.Order());
        Assert.Equal((on, AssessmentOutcome.ChildInNeedPlan), (done.AssessmentCompletedOn, done.AssessmentOutcome));
        Assert.Equal("Domestic abuse: concerns about the parent or carer being the subject", CensusFactors.Wording("3B"));
        // The Front Door's own contact is not the school's: the school reads back none.
        Assert.Empty((await w.WithAsync(c => c.SentAsync(new PageOptions(), As(w.KeyAdult), Ct))).Items);
    }

    [Theory, BothDatabases]
    public async Task Only_the_front_door_records_a_public_contact_and_another_partnership_finds_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var w = await CreateAsync(database, ChristmasEve);

        await w.WithAsync(c => Assert.ThrowsAsync<ForbiddenException>(() =>
            c.RecordAsync(new RecordContactOptions(w.Child.Id, "A neighbour called", "A neighbour, 07700 900123"), As(w.KeyAdult), Ct)));
        await w.WithAsync(c => Assert.ThrowsAsync<ArgumentException>(() =>
            c.RecordAsync(new RecordContactOptions(w.Child.Id, "A neighbour called", " "), As(w.Practitioner), Ct)));
        var id = await w.WithAsync(c => c.RecordAsync(new RecordContactOptions(w.Child.Id, "Children left alone overnight.", "A neighbour, 07700 900123"), As(w.Practitioner), Ct));

        var seen = (await w.WithAsync(c => c.OpenAsync(id, As(w.Manager), Ct)))!;
        Assert.Equal((ContactSource.Public, (Guid?)null, "A member of the public"), (seen.Contact.Source, seen.Contact.FromOrganisationId, seen.From));
        Assert.Empty((await w.WithAsync(c => c.SentAsync(new PageOptions(), As(w.KeyAdult), Ct))).Items);
        await w.WithAsync(c => Assert.ThrowsAsync<ForbiddenException>(() => c.OpenSentAsync(id, As(w.KeyAdult), Ct)));

        // Another partnership's Front Door: not found, not listed, not decided.
        Assert.Null(await w.WithAsync(c => c.OpenAsync(id, As(w.OtherPartnershipFrontDoor), Ct)));
        Assert.Empty((await w.WithAsync(c => c.ListAsync(new ContactListOptions(ContactList.AwaitingDecision, new PageOptions()), As(w.OtherPartnershipFrontDoor), Ct))).Items);
        await w.WithAsync(c => Assert.ThrowsAsync<NotFoundException>(() =>
            c.DecideAsync(new DecideContactOptions(id, ContactDecision.NoFurtherAction, "Not ours"), As(w.OtherPartnershipFrontDoor), Ct)));
        await w.WithAsync(c => Assert.ThrowsAsync<NotFoundException>(() =>
            c.RecordAsync(new RecordContactOptions(w.Child.Id, "Not ours"), As(w.OtherPartnershipFrontDoor), Ct)));
    }

    [Theory, BothDatabases]
    public async Task The_lists_put_overdue_decisions_and_assessments_first_with_the_true_count_and_a_social_worker_sees_only_children_linked_to_them(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var w = await CreateAsync(database, Instant.FromUtc(2026, 11, 2, 9, 0)); // Monday
        var first = await w.WithAsync(c => c.RecordAsync(new RecordContactOptions(w.Child.Id, "First"), As(w.KeyAdult), Ct));
        w.Clock.AdvanceDays(1);
        var second = await w.WithAsync(c => c.RecordAsync(new RecordContactOptions(w.OtherChild.Id, "Second"), As(w.OtherKeyAdult), Ct));
        var accepted = await w.WithAsync(c => c.RecordAsync(new RecordContactOptions(w.Child.Id, "Third"), As(w.KeyAdult), Ct));
        await w.WithAsync(c => c.DecideAsync(new DecideContactOptions(accepted, ContactDecision.Assessment, "Assess"), As(w.Practitioner), Ct));
        w.Clock.AdvanceHours(25); // Wednesday 10:00: the first (due Tuesday 09:00) is overdue, the second (due Wednesday 09:00) too, just.

        var page = await w.WithAsync(c => c.ListAsync(new ContactListOptions(ContactList.AwaitingDecision, new PageOptions(1, 1)), As(w.Manager), Ct));
        Assert.Equal((2, first, true), (page.Total, Assert.Single(page.Items).Id, page.Items[0].Overdue));
        var next = await w.WithAsync(c => c.ListAsync(new ContactListOptions(ContactList.AwaitingDecision, new PageOptions(2, 1)), As(w.Manager), Ct));
        Assert.Equal(second, Assert.Single(next.Items).Id);
        await using (var db = w.NewContext())
            Assert.Equal(new WorkCount(2, 2), await new FrontDoorContacts(db).CountAwaitingAsync(As(w.Manager), Ct));

        w.Clock.AdvanceDays(70);
        var open = await w.WithAsync(c => c.ListAsync(new ContactListOptions(ContactList.AssessmentsOpen, new PageOptions()), As(w.TeamManager), Ct));
        Assert.Equal((accepted, true), (Assert.Single(open.Items).Id, open.Items[0].Overdue));
        // The social worker's organisation is linked to neither child: they list nothing and open nothing.
        Assert.Equal(0, (await w.WithAsync(c => c.ListAsync(new ContactListOptions(ContactList.AwaitingDecision, new PageOptions()), As(w.SocialWorker), Ct))).Total);
        await w.WithAsync(c => Assert.ThrowsAsync<ForbiddenException>(() => c.OpenAsync(first, As(w.SocialWorker), Ct)));
        await w.WithAsync(c => Assert.ThrowsAsync<ForbiddenException>(() => c.ListAsync(new ContactListOptions(ContactList.AwaitingDecision, new PageOptions()), As(w.KeyAdult), Ct)));
    }
}
