using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Microsoft.Extensions.Options;
using NodaTime;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Outbox;
using Safeguarding.Testing;
using static Safeguarding.Core.Tests.FrontDoor.FrontDoorWorld;

namespace Safeguarding.Core.Tests.FrontDoor;

/// <summary>
/// The outcome reaches the referring organisation, on both databases and through a real SMTP server: when the Front
/// Door decides, the referring user and the organisation's safeguarding mailbox are each emailed once, with a link to
/// the referrer's view and nothing of the child, the concern or the decision. A module's contact with no user still
/// reaches the mailbox; a member of the public's reaches no agency.
/// </summary>
public sealed class OutcomeToTheOrganisationTests
{
    private const string BaseUrl = "https://hub.test.example";
    private static readonly Instant Monday = Instant.FromUtc(2026, 11, 2, 9, 0);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task The_referrer_and_the_organisations_safeguarding_mailbox_are_each_told_once_that_there_is_an_outcome_and_nothing_more(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var w = await CreateAsync(database, Monday);
        var smtp = await TestSmtpServer.SharedAsync();
        var mailbox = $"safeguarding-{Guid.NewGuid():N}@school.example";
        await new TestData(w.NewContext).SaveAsync(db => db.Organisations.Single(o => o.Id == w.School.Id).SafeguardingMailbox = mailbox);
        const string concern = "Bruising on the arm; says dad was angry.";
        var formId = await w.WithAsync(c => c.RecordAsync(new RecordContactOptions(w.Child.Id, concern), As(w.KeyAdult), Ct));
        // A module's contact from the school with no user behind it (as an Operation Encompass placement is).
        Guid moduleId;
        await using (var db = w.NewContext())
        {
            moduleId = FrontDoorContacts.Send(db, new ModuleContact(w.PartnershipId, w.Child.Id, ContactSource.OperationEncompass, Guid.NewGuid(), w.School.Id, null,
                "Police attended a domestic incident at home.", Monday)).Id;
            db.Process = As(w.Practitioner);
            await db.SaveChangesAsync(Ct);
        }
        var publicId = await w.WithAsync(c => c.RecordAsync(new RecordContactOptions(w.Child.Id, "A neighbour called.", "A neighbour, 07700 900123"), As(w.Practitioner), Ct));

        await using (var db = w.NewContext())
        {
            var contacts = new FrontDoorContacts(db, Options.Create(new DeploymentOptions { PublicBaseUrl = BaseUrl }));
            await contacts.DecideAsync(new DecideContactOptions(formId, ContactDecision.Assessment, "Injury pointing to dad; 3B suspected."), As(w.Practitioner), Ct);
            await contacts.DecideAsync(new DecideContactOptions(moduleId, ContactDecision.EarlyHelp, "Known to early help."), As(w.Practitioner), Ct);
            await contacts.DecideAsync(new DecideContactOptions(publicId, ContactDecision.NoFurtherAction, "Checked; no concern."), As(w.Practitioner), Ct);
        }
        int delivered, again;
        await using (var db = w.NewContext())
        await using (var email = new EmailChannel(smtp.Settings))
        {
            var dispatcher = new OutboxDispatcher(db, [email], new OutboxOptions { BatchSize = 50 });
            delivered = (await dispatcher.DispatchDueAsync(Ct)).Delivered;
            again = (await dispatcher.DispatchDueAsync(Ct)).Delivered;
        }

        var mails = await smtp.WaitForAsync([w.KeyAdult.Email, mailbox], 3);
        Assert.Equal((3, 0), (delivered, again));
        var toReferrer = Assert.Single(mails, m => m.To.Contains(w.KeyAdult.Email, StringComparer.OrdinalIgnoreCase));
        var toMailbox = mails.Where(m => m.To.Contains(mailbox, StringComparer.OrdinalIgnoreCase)).OrderBy(m => m.Text.Contains(moduleId.ToString())).ToList();
        Assert.Equal(2, toMailbox.Count);
        Assert.Contains($"{BaseUrl}/front-door/sent/{formId}", toReferrer.Text);
        Assert.Equal("The Front Door has responded to a contact from your organisation", toMailbox[0].Subject);
        Assert.Contains($"{BaseUrl}/front-door/sent/{formId}", toMailbox[0].Text);
        Assert.Contains($"{BaseUrl}/front-door/sent/{moduleId}", toMailbox[1].Text);
        Assert.DoesNotContain(mails, m => m.Text.Contains(publicId.ToString(), StringComparison.Ordinal));
        string[] personal = [w.Child.GivenName, w.Child.FamilyName, concern, "dad", "3B", "assessment", "early help", "domestic"];
        foreach (var mail in mails)
        {
            Assert.DoesNotContain(w.Child.Id.ToString(), mail.Text, StringComparison.OrdinalIgnoreCase);
            // The words are looked for outside the link's contact id: a random id can hold "3b" or "dad" in its hex.
            var words = System.Text.RegularExpressions.Regex.Replace(mail.Text, "/front-door/sent/[0-9a-fA-F-]{36}", "/front-door/sent/");
            foreach (var text in personal)
            {
                Assert.DoesNotContain(text, mail.Subject, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(text, words, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Theory]
    [InlineData("safeguarding@school.example", true)]
    [InlineData("  dsl.team@brookfield.sch.example ", true)]
    [InlineData("", true)]
    [InlineData("the DSL", false)]
    [InlineData("Safeguarding <safeguarding@school.example>", false)]
    [InlineData("a@b.example, c@d.example", false)]
    [InlineData("safeguarding@localhost", false)]
    public void A_safeguarding_mailbox_is_one_plain_email_address_or_none(string typed, bool accepted) =>
        Assert.Equal(accepted, Core.Platform.Organisations.OrganisationMailboxes.Problem(typed) is null);
}
