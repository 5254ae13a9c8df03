using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Marac;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Admin.Settings;

/// <summary>
/// The partnership's pathway settings (DASH thresholds per checklist, the DRAMM list time, the flag contact, the
/// population for MARAC volume, the repeat-MARAC rule, the phone-the-school delay, how long an ended flag is still shown), and every change to them with its
/// old and new value. Read needs the settings grant (folder convention); saving needs the update grant, here and in
/// the service. All or nothing: one field wrong and nothing is saved.
/// </summary>
[RequirePermission(Resource.PartnershipSettings, Operation.Update)]
public sealed class IndexModel(CurrentActor current, PathwaySettings settings) : PageModel
{
    [BindProperty] public SettingsForm Form { get; set; } = new();

    public PathwaySettingsView View { get; private set; } = null!;
    /// <summary>How many settings the last save changed, for the banner; null when nothing was saved.</summary>
    public int? Saved { get; private set; }

    public async Task OnGetAsync(int? saved)
    {
        await LoadAsync();
        Form = SettingsForm.From(View.Values);
        Saved = saved;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var values = Form.Parse(ModelState);
        if (!ModelState.IsValid)
        {
            // Every problem at once: the range checks too, for the fields that were at least numbers.
            foreach (var p in PathwaySettings.Problems(values).Where(p => FormFields.ErrorFor(ModelState, $"{nameof(Form)}.{p.Field}") is null))
                ModelState.AddModelError($"{nameof(Form)}.{p.Field}", p.Message);
        }
        else
        {
            var result = await settings.ChangeAsync(new ChangePathwaySettingsOptions(values), await current.ProcessAsync("change partnership settings"));
            foreach (var p in result.Problems) ModelState.AddModelError($"{nameof(Form)}.{p.Field}", p.Message);
            if (result.Problems.Count == 0) return Redirect($"/admin/settings?saved={result.Changes.Count}");
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() =>
        View = await settings.ReadAsync(WorkQueues.PageFrom(Request), await current.ProcessAsync("read partnership settings"));
}

/// <summary>The form as typed: text, so that "abc" is an error message and never a crash or a silent 0.</summary>
public sealed class SettingsForm
{
    public string? AdultVisibleHighRisk { get; set; }
    public string? AdultEscalationCount { get; set; }
    public string? AdultEscalationWindowMonths { get; set; }
    public string? YoungPeopleVisibleHighRisk { get; set; }
    public string? YoungPeopleEscalationCount { get; set; }
    public string? YoungPeopleEscalationWindowMonths { get; set; }
    public string? DrammListTime { get; set; }
    public string? FlagContactOrganisationId { get; set; }
    public string? FlagContactTelephone { get; set; }
    public string? EndedFlagMonths { get; set; }
    public string? WomenAged16Plus { get; set; }
    public string? RepeatMaracRule { get; set; }
    public string? PhoneTheSchoolDelayMinutes { get; set; }

    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("H:mm");

    public static SettingsForm From(PathwaySettingsValues v) => new()
    {
        AdultVisibleHighRisk = Text(v.AdultVisibleHighRisk), AdultEscalationCount = Text(v.AdultEscalationCount),
        AdultEscalationWindowMonths = Text(v.AdultEscalationWindowMonths),
        YoungPeopleVisibleHighRisk = Text(v.YoungPeopleVisibleHighRisk), YoungPeopleEscalationCount = Text(v.YoungPeopleEscalationCount),
        YoungPeopleEscalationWindowMonths = Text(v.YoungPeopleEscalationWindowMonths),
        DrammListTime = PathwaySettings.TimeText(v.DrammListTime), FlagContactOrganisationId = v.FlagContactOrganisationId?.ToString(),
        FlagContactTelephone = v.FlagContactTelephone, EndedFlagMonths = Text(v.EndedFlagMonths), WomenAged16Plus = v.WomenAged16Plus is { } w ? Text(w) : null,
        RepeatMaracRule = v.RepeatMaracRule.ToString(), PhoneTheSchoolDelayMinutes = Text(v.PhoneTheSchoolDelayMinutes),
    };

    /// <summary>The values, with an error per field that is not a number, a time or a choice (whose value is then a stand-in).</summary>
    public PathwaySettingsValues Parse(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state)
    {
        int Whole(string? text, string field, string what)
        {
            if (int.TryParse(text?.Replace(",", "").Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return n;
            state.AddModelError($"Form.{field}", $"Enter {what} as a whole number");
            return 0;
        }
        var adultHigh = Whole(AdultVisibleHighRisk, nameof(AdultVisibleHighRisk), "the adult DASH's visibly high risk score");
        var adultCount = Whole(AdultEscalationCount, nameof(AdultEscalationCount), "the adult DASH's potential escalation");
        var adultWindow = Whole(AdultEscalationWindowMonths, nameof(AdultEscalationWindowMonths), "the adult DASH's escalation window");
        var ypHigh = Whole(YoungPeopleVisibleHighRisk, nameof(YoungPeopleVisibleHighRisk), "the young people's DASH's visibly high risk score");
        var ypCount = Whole(YoungPeopleEscalationCount, nameof(YoungPeopleEscalationCount), "the young people's DASH's potential escalation");
        var ypWindow = Whole(YoungPeopleEscalationWindowMonths, nameof(YoungPeopleEscalationWindowMonths), "the young people's DASH's escalation window");
        var time = Time.Parse(DrammListTime?.Trim() ?? "");
        if (!time.Success) { state.AddModelError($"Form.{nameof(DrammListTime)}", "Enter the DRAMM list time on the 24-hour clock, like 09:00"); }
        Guid? organisation = null;
        if (!string.IsNullOrEmpty(FlagContactOrganisationId))
        {
            if (Guid.TryParse(FlagContactOrganisationId, out var id)) organisation = id;
            else { state.AddModelError($"Form.{nameof(FlagContactOrganisationId)}", "Choose an organisation of this partnership"); }
        }
        int? women = string.IsNullOrWhiteSpace(WomenAged16Plus) ? null : Whole(WomenAged16Plus, nameof(WomenAged16Plus), "the number of women aged 16 and over");
        if (!Enum.TryParse<RepeatMaracRule>(RepeatMaracRule, out var rule) || !Enum.IsDefined(rule))
            state.AddModelError($"Form.{nameof(RepeatMaracRule)}", "Choose which earlier referral makes a repeat MARAC");
        var delay = Whole(PhoneTheSchoolDelayMinutes, nameof(PhoneTheSchoolDelayMinutes), "the minutes after the deadline");
        var endedFlagMonths = Whole(EndedFlagMonths, nameof(EndedFlagMonths), "the months an ended flag is still shown");
        return new PathwaySettingsValues(adultHigh, adultCount, adultWindow, ypHigh, ypCount, ypWindow, time.Success ? time.Value : LocalTime.Noon,
            organisation, string.IsNullOrWhiteSpace(FlagContactTelephone) ? null : FlagContactTelephone.Trim(), women, rule, delay, endedFlagMonths);
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
