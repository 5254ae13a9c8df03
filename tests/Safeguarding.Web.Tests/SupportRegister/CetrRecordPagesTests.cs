using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.Data;
using NodaTime;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.SupportRegister;

/// <summary>
/// The C(E)TR's own pages in the browser's place: the lead practitioner books a community C(E)TR, seats the independent
/// clinical expert, records it held with a recommendation and marks that done; an admission without a community C(E)TR
/// has its root-cause review answered and the child is discharged green. Each form shows the error summary and saves
/// nothing on a bad answer; a school reading the entry under consent is refused every one of these pages on GET.
/// </summary>
public sealed class CetrRecordPagesTests
{
    [Theory, BothDatabases]
    public async Task A_cetr_is_booked_held_with_a_recommendation_and_the_child_discharged_while_a_school_is_refused_every_page(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var today = SystemClock.Instance.GetCurrentInstant().InZone(ReferralClock.London).Date;
        var world = await RegisterWorld.CreateAsync(host, today.PlusDays(-30), new RateEntryOptions(Guid.Empty, SupportRatingLevel.Red, "Crisis at home", "Police called"));
        var (_, _, school, _, lead, keyAdult, child, id) = world;
        var day = today;
        while (!BankHolidays.IsWorkingDay(day)) day = day.PlusDays(-1);
        await world.AsCoordinatorAsync(host, (services, process) => services.GetRequiredService<Cetrs>().ReferAsync(
            new CetrReferralOptions(id, "Two crisis calls", "Positive behaviour support", "Mother agrees"), process, ct));
        var client = await host.SignInAsync(lead);
        var book = $"/support-register/{id}/cetrs/book";

        // Book: a bad answer shows the error summary and books nothing.
        var badBooking = await (await client.PostFormAsync(book, new() { ["Date.Day"] = "31", ["Date.Month"] = "2", ["Date.Year"] = "2026" })).HtmlAsync();
        var summary = badBooking.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Choose the kind of C(E)TR", summary);
        Assert.Contains("Enter a real date, like 27 3 2027", summary);
        await using (var db = host.NewContext())
            Assert.False(await db.Set<Cetr>().AnyAsync(c => c.EntryId == id, ct));
        var booked = await client.PostFormAsync(book, new() { ["Kind"] = "Community", ["Date.Day"] = $"{day.Day}", ["Date.Month"] = $"{day.Month}", ["Date.Year"] = $"{day.Year}" });
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var cetrPage = booked.Headers.Location!.OriginalString;
        Assert.StartsWith($"/support-register/{id}/cetr?cetr=", cetrPage);
        var cetrId = Guid.Parse(cetrPage.Split("cetr=")[1]);
        var post = (string handler) => $"{cetrPage}&handler={handler}";

        // The panel: the independent clinical expert by name; then held, with who came.
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(post("Panel"), new() { ["PanelRole"] = "IndependentClinicalExpert", ["PanelName"] = "Dr Ada Example" }, cetrPage)).StatusCode);
        var expert = (await (await client.GetAsync(cetrPage)).HtmlAsync()).QuerySelectorAll("input[name=Attended]")
            .Single(i => i.ParentElement!.TextContent.Contains("Dr Ada Example")).GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(post("Held"), [new("Attended", expert)], cetrPage)).StatusCode);

        // A recommendation: a bad answer saves nothing; then one owned by the school, then marked done.
        var badRecommendation = await (await client.PostFormAsync(post("Recommendation"), new() { ["RecommendationDue.Day"] = "1" }, cetrPage)).HtmlAsync();
        var recommendationSummary = badRecommendation.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Say what is recommended", recommendationSummary);
        Assert.Contains("Choose the agency that owns the recommendation", recommendationSummary);
        Assert.Contains("Enter a real date, like 27 3 2027", recommendationSummary);
        await using (var db = host.NewContext())
            Assert.False(await db.Set<MeetingAction>().AnyAsync(a => a.Description == "Quiet room at school", ct));
        var due = today.PlusDays(28);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(post("Recommendation"), new()
        {
            ["Recommendation"] = "Quiet room at school", ["OwnerAgency"] = school.Id.ToString(),
            ["RecommendationDue.Day"] = $"{due.Day}", ["RecommendationDue.Month"] = $"{due.Month}", ["RecommendationDue.Year"] = $"{due.Year}",
        }, cetrPage)).StatusCode);
        Guid actionId;
        await using (var db = host.NewContext())
            actionId = (await db.Set<MeetingAction>().SingleAsync(a => a.Description == "Quiet room at school", ct)).Id;
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(post("Complete"), new() { ["ActionId"] = actionId.ToString() }, cetrPage)).StatusCode);
        var held = (await (await client.GetAsync(cetrPage)).HtmlAsync()).QuerySelector("#recommendations")!.TextContent;
        Assert.Contains("Quiet room at school", held);
        Assert.Contains("Done", held);
        await using (var db = host.NewContext())
        {
            Assert.Equal(ActionStatus.Done, (await db.Set<MeetingAction>().SingleAsync(a => a.Id == actionId, ct)).Status);
            Assert.Equal(day, (await db.Set<Cetr>().SingleAsync(c => c.Id == cetrId, ct)).HeldOn);
        }

        // An admission no community C(E)TR came before (recorded as such): its root-cause review, then discharge.
        Guid admissionId;
        await using (var scope = host.Factory.Services.CreateAsyncScope())
            admissionId = await scope.ServiceProvider.GetRequiredService<Cetrs>().RecordAdmissionAsync(new AdmissionOptions(id, today, "Example Hospital", false, true),
                new ProcessContext("test", lead.Actor), ct);
        var review = $"/support-register/{id}/root-cause-review?admission={admissionId}";
        var badReview = await (await client.PostFormAsync(review, new() { ["Learning"] = "Book sooner" })).HtmlAsync();
        var reviewSummary = badReview.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Say whether the child was on the register before the admission", reviewSummary);
        Assert.Contains("Enter why no community C(E)TR was held", reviewSummary);
        Assert.DoesNotContain("Enter the learning", reviewSummary);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(review, new()
        {
            ["WasOnRegister"] = "Yes", ["WhyNoCommunityCetr"] = "Crisis at a weekend", ["WhatWouldHavePrevented"] = "Crisis beds", ["Learning"] = "Book sooner",
        })).StatusCode);

        var discharge = $"/support-register/{id}/discharge?admission={admissionId}";
        var badDischarge = await (await client.PostFormAsync(discharge, new() { ["Why"] = "Settled" })).HtmlAsync();
        var dischargeSummary = badDischarge.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Enter the day of discharge", dischargeSummary);
        Assert.Contains("Choose the rating the child leaves hospital with", dischargeSummary);
        await using (var db = host.NewContext())
            Assert.Null((await db.Set<Admission>().SingleAsync(a => a.Id == admissionId, ct)).DischargedOn);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(discharge, new()
        {
            ["DischargedOn.Day"] = $"{today.Day}", ["DischargedOn.Month"] = $"{today.Month}", ["DischargedOn.Year"] = $"{today.Year}", ["Rating"] = "Green", ["Why"] = "Settled at home",
        })).StatusCode);
        await using (var db = host.NewContext())
        {
            Assert.Equal(today, (await db.Set<Admission>().SingleAsync(a => a.Id == admissionId, ct)).DischargedOn);
            Assert.Equal(SupportRatingLevel.Green, (await db.Set<SupportRegisterEntry>().SingleAsync(e => e.Id == id, ct)).CurrentRating);
            Assert.Equal("Book sooner", (await db.Set<AdmissionRootCauseReview>().SingleAsync(r => r.AdmissionId == admissionId, ct)).Learning);
        }

        // The school reads the entry under consent and is refused every C(E)TR page on GET.
        var schoolClient = await host.SignInAsync(keyAdult);
        Assert.Equal(HttpStatusCode.OK, (await schoolClient.GetAsync($"/support-register/{id}")).StatusCode);
        foreach (var page in new[] { book, cetrPage, review, discharge })
            Assert.Equal(HttpStatusCode.Forbidden, (await schoolClient.GetAsync(page)).StatusCode);
    }
}
