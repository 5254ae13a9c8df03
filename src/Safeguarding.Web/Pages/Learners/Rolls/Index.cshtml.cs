using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Learners.Rolls;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Learners.Rolls;

/// <summary>
/// A school's or college's data manager sends the setting's roll (CSV or a DfE Common Transfer File) and sees what
/// became of each pupil; the council's education lead or an administrator may send any setting's. A file that cannot
/// be read saves nothing.
/// </summary>
[RequirePermission(Resource.PupilRoll, Operation.Create)]
[UploadLimit(MaxBytes, nameof(RollFile))]
public sealed class IndexModel(CurrentActor current, PupilRolls rolls) : PageModel
{
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>The school or college whose roll it is.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Setting { get; set; }
    [BindProperty] public IFormFile? RollFile { get; set; }

    /// <summary>The settings the user may send a roll for: their own, or every school and college for the council.</summary>
    public IReadOnlyList<Organisation> Settings { get; private set; } = [];
    public Organisation? Chosen { get; private set; }
    public bool ChoosesSetting { get; private set; }
    public RollResult? Result { get; private set; }
    public string? FileName { get; private set; }
    public IReadOnlyList<RollUpload> Uploads { get; private set; } = [];
    public bool SeesQuarantine { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        if (Chosen is null) ModelState.AddModelError(nameof(Setting), "Select the school or college whose roll this is");
        var name = Path.GetFileName(RollFile?.FileName ?? "");
        if (RollFile is null || RollFile.Length == 0) ModelState.AddModelError(nameof(RollFile), "Select the roll file");
        else if (!name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            ModelState.AddModelError(nameof(RollFile), "The selected file must be a CSV file or a Common Transfer File (.xml)");
        else if (RollFile.Length > MaxBytes) ModelState.AddModelError(nameof(RollFile), "The selected file must be smaller than 20 MB");
        if (!ModelState.IsValid) return Page();

        string text;
        using (var reader = new StreamReader(RollFile!.OpenReadStream())) text = await reader.ReadToEndAsync(ct);
        try
        {
            var roll = RollFiles.Read(text, name);
            Result = await rolls.ReceiveAsync(new ReceiveRollOptions(Chosen!.Id, roll), await current.ProcessAsync("send a pupil roll", ct), ct);
            FileName = name;
            Uploads = await rolls.UploadsAsync(new RollUploadsOptions(Chosen.Id), await current.ProcessAsync(ct: ct), ct);
        }
        catch (RollFileException e)
        {
            ModelState.AddModelError(nameof(RollFile), $"The file cannot be read: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            // The file is another setting's roll: nothing was saved.
            ModelState.AddModelError(nameof(RollFile), e.Message);
        }
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = await current.RequireAsync(ct);
        var process = await current.ProcessAsync(ct: ct);
        (ChoosesSetting, Settings) = await rolls.SettingsAsync(process, ct);
        Chosen = ChoosesSetting ? Settings.FirstOrDefault(o => o.Id == Setting) : Settings.FirstOrDefault();
        Setting = Chosen?.Id;
        SeesQuarantine = actor.HasAny(Resource.Quarantine, Operation.Read);
        if (Chosen is not null && PupilRolls.MaySeeUploads(actor, Chosen.Id))
            Uploads = await rolls.UploadsAsync(new RollUploadsOptions(Chosen.Id), process, ct);
    }

    public static string Describe(RollPupilOutcome outcome) => outcome switch
    {
        RollPupilOutcome.Added => "Added",
        RollPupilOutcome.Updated => "Updated",
        RollPupilOutcome.Left => "Left the roll",
        _ => "Rejected",
    };

    public static string TagColour(RollPupilOutcome outcome) => outcome switch
    {
        RollPupilOutcome.Added => "govuk-tag--green",
        RollPupilOutcome.Updated => "govuk-tag--blue",
        RollPupilOutcome.Left => "govuk-tag--grey",
        _ => "govuk-tag--red",
    };
}
