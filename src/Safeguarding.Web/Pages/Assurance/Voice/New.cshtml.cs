using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Assurance.Voice;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance.Voice;

/// <summary>
/// The feedback form a practitioner fills in with a child or family (or the business manager for a project's feedback).
/// It names no child: the words are anonymised against the partnership's index, schools and colleges.
/// </summary>
public sealed class NewModel(CurrentActor current, VoiceFeedbacks voice) : PageModel
{
    [BindProperty] public VoiceSource? Source { get; set; }
    [BindProperty] public string? Project { get; set; }
    [BindProperty] public DateParts GivenOn { get; set; } = new();
    [BindProperty] public string? Words { get; set; }
    [BindProperty] public bool? Agreed { get; set; }
    [BindProperty] public List<Guid> ThemeIds { get; set; } = [];

    public IReadOnlyList<ThemeRow> Themes { get; private set; } = [];

    public async Task OnGetAsync() => Themes = await voice.ThemesAsync(await current.ProcessAsync("Voice themes"));

    public async Task<IActionResult> OnPostAsync()
    {
        var process = await current.ProcessAsync("record voice feedback");
        Themes = await voice.ThemesAsync(process);
        if (Source is null) ModelState.AddModelError(nameof(Source), "Choose where the feedback came from");
        var on = AssuranceReviewPages.Date(ModelState, nameof(GivenOn), GivenOn, "the date the feedback was given");
        if (Agreed is null) ModelState.AddModelError(nameof(Agreed), "Say whether the child agreed to share their words");
        if (!ModelState.IsValid) return Page();
        var options = new RecordVoiceOptions(Source!.Value, Project, null, on!.Value, Words ?? "", Agreed!.Value, ThemeIds);
        foreach (var (field, message) in VoiceFeedbacks.Problems(options)) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return Page();
        try
        {
            await voice.RecordAsync(options, process);
            var actor = process.RequireActor();
            return Redirect(actor.HasAny(Resource.VoiceFeedback, Operation.Read) ? "/assurance/voice" : "/");
        }
        catch (ArgumentException e)
        {
            ModelState.AddModelError(nameof(Words), AssuranceReviewPages.Message(e));
            return Page();
        }
    }
}
