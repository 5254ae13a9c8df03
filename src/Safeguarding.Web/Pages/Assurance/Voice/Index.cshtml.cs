using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;
using Safeguarding.Core.Assurance.Voice;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance.Voice;

/// <summary>
/// The board's view of the voice over a period (the last twelve months by default): counts by source and by theme and
/// source, and the words children agreed to share, anonymised; the business manager keeps the themes here.
/// </summary>
public sealed class IndexModel(CurrentActor current, VoiceFeedbacks voice, IClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty] public string? Theme { get; set; }
    [BindProperty] public Guid? ItemId { get; set; }
    [TempData] public string? Withdrawn { get; set; }

    public VoiceBoard Board { get; private set; } = null!;
    public IReadOnlyList<ThemeRow> Themes { get; private set; } = [];
    public bool MayKeepThemes { get; private set; }

    public async Task OnGetAsync()
    {
        var today = clock.GetCurrentInstant().InZone(Core.Platform.Calendars.WorkingDays.London).Date;
        var to = Parse(nameof(To), To) ?? today;
        var from = Parse(nameof(From), From) ?? to.PlusYears(-1).PlusDays(1);
        if (to < from)
        {
            ModelState.AddModelError(nameof(To), "The period must end on or after it starts");
            (from, to) = (to.PlusYears(-1).PlusDays(1), today);
        }
        (From, To) = (from.ToString("yyyy-MM-dd", null), to.ToString("yyyy-MM-dd", null));
        var process = await current.ProcessAsync("The children's voice");
        Board = await voice.BoardAsync(new VoiceFiguresOptions(from, to), process);
        MayKeepThemes = process.RequireActor().Grants.Any(g => g is { Resource: Resource.VoiceFeedback, Operation: Operation.Update, Scope: Scope.WholePartnership });
        if (MayKeepThemes) Themes = await voice.ThemesAsync(process);
    }

    public async Task<IActionResult> OnPostThemeAsync()
    {
        try
        {
            await voice.AddThemeAsync(new AddThemeOptions(Theme ?? ""), await current.ProcessAsync("add a voice theme"));
            return Redirect("/assurance/voice");
        }
        catch (ArgumentException e)
        {
            ModelState.AddModelError(nameof(Theme), AssuranceReviewPages.Message(e));
            await OnGetAsync();
            return Page();
        }
    }

    /// <summary>
    /// The child or family takes back their agreement to share their words: the words are deleted (the item is still
    /// counted), and the next edition of the yearly report leaves the quote out.
    /// </summary>
    public async Task<IActionResult> OnPostWithdrawAsync()
    {
        if (ItemId is not { } id) return NotFound();
        await voice.WithdrawConsentAsync(id, await current.ProcessAsync("withdraw agreement to share a child's words"));
        Withdrawn = "The words are deleted. The feedback is still counted by source and theme, and the next edition of the yearly report leaves them out.";
        return Redirect("/assurance/voice");
    }

    private LocalDate? Parse(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parsed = LocalDatePattern.Iso.Parse(text.Trim());
        if (parsed.Success) return parsed.Value;
        ModelState.AddModelError(field, "Enter a date like 2027-03-31");
        return null;
    }
}
