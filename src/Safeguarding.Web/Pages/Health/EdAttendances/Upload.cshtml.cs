using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Health.EmergencyDepartment;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Health.EdAttendances;

/// <summary>
/// The ED safeguarding team uploads an attendance file (CSV) and sees what happened to each row: a file that cannot be
/// read stores nothing and names file:line:column; a bad row is quarantined with its reasons, good rows are kept.
/// </summary>
[RequirePermission(Resource.EdAttendance, Operation.Create)]
[UploadLimit(MaxBytes, nameof(AttendanceFile))]
public sealed class UploadModel(CurrentActor current, EdAttendanceIntake intake) : PageModel
{
    public const long MaxBytes = 10 * 1024 * 1024;

    [BindProperty] public IFormFile? AttendanceFile { get; set; }

    public IReadOnlyList<EdAttendanceFileResult>? Results { get; private set; }
    public string? FileName { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var name = Path.GetFileName(AttendanceFile?.FileName ?? "");
        if (AttendanceFile is null || AttendanceFile.Length == 0) ModelState.AddModelError(nameof(AttendanceFile), "Select an attendance file");
        else if (!name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) ModelState.AddModelError(nameof(AttendanceFile), "The selected file must be a CSV file");
        if (!ModelState.IsValid) return Page();

        string text;
        using (var reader = new StreamReader(AttendanceFile!.OpenReadStream())) text = await reader.ReadToEndAsync(ct);
        try
        {
            Results = await intake.ImportFileAsync(new ImportEdAttendanceFileOptions(text, name), await current.ProcessAsync("emergency department attendance file", ct), ct);
            FileName = name;
        }
        catch (EdAttendanceFileException e)
        {
            ModelState.AddModelError(nameof(AttendanceFile), $"The file cannot be read: {e.Message}");
        }
        return Page();
    }

    public static string Describe(EdIntakeOutcome outcome) => outcome switch
    {
        EdIntakeOutcome.Created => "Added",
        EdIntakeOutcome.Replaced => "Replaced",
        EdIntakeOutcome.Unchanged => "Unchanged",
        _ => "Quarantined",
    };
}
