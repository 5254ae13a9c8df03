using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.Data;
using NodaTime;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.SupportRegister;

/// <summary>
/// The C(E)TR pages in the browser's place: the referral form and the admission form show the error summary and save
/// nothing on a bad answer, then save and lead to the child's C(E)TRs; a school reading the entry under consent is
/// refused every C(E)TR page on GET.
/// </summary>
public sealed class CetrPagesTests
{
    [Theory, BothDatabases]
    public async Task The_referral_and_admission_forms_refuse_a_bad_answer_with_the_error_summary_and_a_school_never_sees_cetrs(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var (_, _, school, _, lead, keyAdult, child, id) = await RegisterWorld.CreateAsync(host, new LocalDate(2025, 11, 2),
            new RateEntryOptions(Guid.Empty, SupportRatingLevel.Red, "Crisis at home", "Police called"));
        var referralPage = $"/support-register/{id}/cetr-referral";
        var admissionPage = $"/support-register/{id}/admission";
        var cetrsPage = $"/support-register/{id}/cetrs";

        var schoolClient = await host.SignInAsync(keyAdult);
        Assert.Equal(HttpStatusCode.OK, (await schoolClient.GetAsync($"/support-register/{id}")).StatusCode);
        foreach (var page in new[] { referralPage, admissionPage, cetrsPage, "/support-register/cetrs" })
            Assert.Equal(HttpStatusCode.Forbidden, (await schoolClient.GetAsync(page)).StatusCode);

        var client = await host.SignInAsync(lead);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(referralPage)).StatusCode);
        var bad = await (await client.PostFormAsync(referralPage, new() { ["WhatTried"] = "Positive behaviour support" })).HtmlAsync();
        var summary = bad.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Enter why the referral is made now", summary);
        Assert.Contains("Enter the family's view", summary);
        Assert.DoesNotContain("Enter what has been tried", summary);
        await using (var db = host.NewContext())
            Assert.False(await db.Set<CetrReferral>().AnyAsync(r => r.EntryId == id, ct));
        var referred = await client.PostFormAsync(referralPage, new() { ["WhyNow"] = "Two crisis calls", ["WhatTried"] = "Positive behaviour support", ["FamilyView"] = "Mother wants a review" });
        Assert.Equal((HttpStatusCode.Redirect, cetrsPage), (referred.StatusCode, referred.Headers.Location!.OriginalString));

        var badAdmission = await (await client.PostFormAsync(admissionPage, new() { ["AdmittedOn.Day"] = "31", ["AdmittedOn.Month"] = "2", ["AdmittedOn.Year"] = "2026" })).HtmlAsync();
        var admissionSummary = badAdmission.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Enter a real date, like 27 3 2027", admissionSummary);
        Assert.Contains("Enter the hospital", admissionSummary);
        Assert.Contains("Say whether a community C(E)TR was held before the admission", admissionSummary);
        await using (var db = host.NewContext())
            Assert.False(await db.Set<Admission>().AnyAsync(a => a.EntryId == id, ct));
        var admitted = await client.PostFormAsync(admissionPage, new()
        {
            ["AdmittedOn.Day"] = "2", ["AdmittedOn.Month"] = "1", ["AdmittedOn.Year"] = "2026", ["Hospital"] = "Example Hospital", ["CommunityCetrHeldBefore"] = "No",
            ["EmergencyProtocolMeetingHeldBefore"] = "Yes",
        });
        Assert.Equal((HttpStatusCode.Redirect, cetrsPage), (admitted.StatusCode, admitted.Headers.Location!.OriginalString));
        var record = (await (await client.GetAsync(cetrsPage)).HtmlAsync()).Body!.TextContent;
        Assert.Contains("No: an exception", record);
        Assert.Contains("Post-admission C(E)TR", record);
        Assert.Contains("Two crisis calls", record);
    }
}
