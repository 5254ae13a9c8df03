using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Encompass.Upload;

/// <summary>A police analyst uploads an incident file and sees what happened to each incident in it.</summary>
[RequirePermission(Resource.DomesticIncident, Operation.Create)]
[UploadLimit(MaxBytes, nameof(IncidentFile))]
public sealed class IndexModel(CurrentActor current, IncidentIntake intake) : PageModel
{
    public const long MaxBytes = 10 * 1024 * 1024;

    [BindProperty] public IFormFile? IncidentFile { get; set; }

    public IReadOnlyList<FileRecordResult>? Results { get; private set; }
    public string? FileName { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var name = Path.GetFileName(IncidentFile?.FileName ?? "");
        if (IncidentFile is null || IncidentFile.Length == 0) ModelState.AddModelError(nameof(IncidentFile), "Select an incident file");
        else if (!name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            ModelState.AddModelError(nameof(IncidentFile), "The selected file must be a JSON or CSV file");
        else if (IncidentFile.Length > MaxBytes) ModelState.AddModelError(nameof(IncidentFile), "The selected file must be smaller than 10 MB");
        if (!ModelState.IsValid) return Page();

        string text;
        using (var reader = new StreamReader(IncidentFile!.OpenReadStream())) text = await reader.ReadToEndAsync(ct);
        try
        {
            Results = await intake.ImportFileAsync(new ImportIncidentFileOptions(text, name), await current.ProcessAsync(ct: ct), ct);
            FileName = name;
        }
        catch (IncidentFileException e)
        {
            ModelState.AddModelError(nameof(IncidentFile), $"The file cannot be read: {e.Message}");
        }
        return Page();
    }

    public static string Describe(IntakeResult r) => r.Outcome switch
    {
        IntakeOutcome.Accepted => $"Accepted as version {r.Version}",
        IntakeOutcome.NewVersion => $"New version {r.Version}",
        IntakeOutcome.Unchanged => $"Unchanged: version {r.Version} already holds these facts",
        _ => "Quarantined",
    };
}
