using System.Net;
using Safeguarding.Core.Assurance.Voice;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Assurance;

/// <summary>The voice pages: a practitioner's feedback form; the board shows agreed words anonymised and never words not agreed; a practitioner is refused the board.</summary>
public sealed class VoicePagesTests
{
    [Theory, BothDatabases]
    public async Task Feedback_from_the_form_reaches_the_board_anonymised_and_words_not_agreed_never_do(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var manager = await host.Data.CreateUserAsync(council, Role.PartnershipBusinessManager);
        var socialWorker = await host.Data.CreateUserAsync(council, Role.SocialWorker);
        var named = await host.Data.CreatePersonAsync(partnership.Id);
        var managerClient = await host.SignInAsync(manager);
        Assert.Equal(HttpStatusCode.Redirect, (await managerClient.PostFormAsync("/assurance/voice?handler=Theme", new() { ["Theme"] = "Being listened to" }, "/assurance/voice")).StatusCode);
        Guid theme;
        await using (var db = host.NewContext())
            theme = db.Set<VoiceTheme>().Single(t => t.PartnershipId == partnership.Id).Id;

        var today = NodaTime.SystemClock.Instance.GetCurrentInstant().InZone(Core.Platform.Calendars.WorkingDays.London).Date;
        var client = await host.SignInAsync(socialWorker);
        Dictionary<string, string> Form(string words, bool agreed) => new()
        {
            ["Source"] = nameof(VoiceSource.FeedbackForm), ["Words"] = words, ["Agreed"] = agreed ? "true" : "false", ["ThemeIds"] = theme.ToString(),
            ["GivenOn.Day"] = today.Day.ToString(), ["GivenOn.Month"] = today.Month.ToString(), ["GivenOn.Year"] = today.Year.ToString(),
        };
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/assurance/voice/new", Form($"{named.GivenName} helped me feel heard", true))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/assurance/voice/new", Form("Keep this between us please", false))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/assurance/voice")).StatusCode);

        var board = (await (await managerClient.GetAsync("/assurance/voice")).HtmlAsync()).Body!.TextContent;
        Assert.True(board.Contains("[name] helped me feel heard", StringComparison.Ordinal), board);
        Assert.DoesNotContain(named.GivenName, board);
        Assert.DoesNotContain("Keep this between us", board);
        Assert.Contains("2 items, 1 of them", board);

        // The child takes their agreement back: the words go, the item is still counted; only the keeper of the voice may.
        Guid agreed;
        await using (var db = host.NewContext())
            agreed = db.Set<VoiceItem>().Single(i => i.PartnershipId == partnership.Id && i.AgreedToShare).Id;
        var withdraw = new Dictionary<string, string> { ["ItemId"] = agreed.ToString() };
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostFormAsync("/assurance/voice?handler=Withdraw", withdraw, "/assurance/voice/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await managerClient.PostFormAsync("/assurance/voice?handler=Withdraw", withdraw, "/assurance/voice")).StatusCode);
        board = (await (await managerClient.GetAsync("/assurance/voice")).HtmlAsync()).Body!.TextContent;
        Assert.DoesNotContain("helped me feel heard", board);
        Assert.Contains("2 items, 0 of them", board);
        Assert.Contains("The words are deleted", board);
    }
}
