using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.SupportRegister;

/// <summary>
/// The complex-needs unit's settings for the register and the C(E)TR clocks, on one page with their history (old and
/// new value, who, when). Only the unit, who keep the whole register: the service refuses anyone else on GET as on POST.
/// Every field is checked first; then all the changes are saved at once, or none.
/// </summary>
public sealed class SettingsModel(CurrentActor current, SupportRegisterEntries register) : PageModel
{
    [BindProperty] public string? ReferralWorkingDays { get; set; }
    [BindProperty] public List<string> KeyworkerRatings { get; set; } = [];
    [BindProperty] public string? ReviewCadence { get; set; }
    [BindProperty] public string? PostAdmissionWorkingDays { get; set; }
    [BindProperty] public string? InpatientMonths { get; set; }

    public IReadOnlyList<SupportRegisterSettingChange> History { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var view = await LoadAsync();
        ReferralWorkingDays = view.Values.ReferralWorkingDays.ToString();
        KeyworkerRatings = [.. view.Values.KeyworkerRatings.Select(r => r.ToString())];
        ReviewCadence = view.Values.ReviewCadence.ToString();
        PostAdmissionWorkingDays = view.Cetr.PostAdmissionWorkingDays.ToString();
        InpatientMonths = view.Cetr.InpatientMonths.ToString();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var ratings = KeyworkerRatings.Select(r => Enum.TryParse<SupportRatingLevel>(r, out var level) && Enum.IsDefined(level) ? level : (SupportRatingLevel)(-1)).ToList();
        var cadence = Enum.TryParse<Cadence>(ReviewCadence, out var c) && Enum.IsDefined(c) ? c : (Cadence)(-1);
        var values = new RegisterSettingsValues(Number(ReferralWorkingDays), ratings, cadence);
        var cetr = new CetrSettingsOptions(Number(PostAdmissionWorkingDays), Number(InpatientMonths));
        var problems = SupportRegisterEntries.SettingsProblems(values).Concat(SupportRegisterEntries.CetrSettingsProblems(cetr)).ToList();
        // The form's order: the register's settings, then the C(E)TR clocks.
        foreach (var (field, message) in problems) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return Page();
        try
        {
            await register.ChangeSettingsAsync(new UnitSettingsOptions(values, cetr), await current.ProcessAsync("change the Dynamic Support Register settings"));
            return Redirect("/support-register/settings");
        }
        catch (ArgumentException e)
        {
            ModelState.AddModelError(nameof(ReferralWorkingDays), e.Message.Split(" (Parameter")[0]);
            return Page();
        }
    }

    // Not a whole number reads as 0, which every setting refuses with its own message.
    private static int Number(string? text) => int.TryParse(text?.Trim(), out var n) ? n : 0;

    private async Task<RegisterSettingsView> LoadAsync()
    {
        var view = await register.ReadSettingsAsync(await current.ProcessAsync("Dynamic Support Register settings"));
        History = view.History;
        return view;
    }
}
