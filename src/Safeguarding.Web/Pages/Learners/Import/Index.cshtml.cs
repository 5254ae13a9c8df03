using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Core.Learners.Registers;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Learners.Import;

/// <summary>
/// The council's attendance lead, an analyst, or a school for itself uploads the attendance files (the roll, the
/// marks, suspensions, January census headcounts) and, for the council's education lead, the CME and EHE registers;
/// they are imported as the command line imports them, all or nothing, and the page says what changed.
/// </summary>
[RequirePermission(Resource.PupilRoll, Operation.Create)]
// A city's daily marks feed is tens of MB and a term's catch-up more: this page takes up to 256 MB, above Kestrel's 30 MB
// default. The form reader streams each file to a temporary file on disk as it arrives; none is held in memory.
[UploadLimit(MaxBytes, nameof(Pupils), "files")]
public sealed class IndexModel(CurrentActor current, SafeguardingDbContext db, PersonIndex personIndex) : PageModel
{
    public const long MaxBytes = 256L * 1024 * 1024;

    [BindProperty] public int? Year { get; set; }
    [BindProperty] public IFormFile? Pupils { get; set; }
    [BindProperty] public IFormFile? Marks { get; set; }
    [BindProperty] public IFormFile? Suspensions { get; set; }
    [BindProperty] public IFormFile? Census { get; set; }
    [BindProperty] public IFormFile? Registers { get; set; }

    public IReadOnlyList<AcademicYear> Years { get; private set; } = [];
    public bool KeepsRegisters { get; private set; }
    public bool SeesQuarantine { get; private set; }
    public string? OwnSchool { get; private set; }
    public AttendanceImportReport? Attendance { get; private set; }
    public RegisterImportReport? RegistersReport { get; private set; }
    public AcademicYear? Imported { get; private set; }

    public bool ChangedNothing => (Attendance?.ChangedNothing ?? true) && (RegistersReport?.ChangedNothing ?? true);

    public IEnumerable<RowProblem> Problems => (Attendance?.Problems ?? []).Concat(RegistersReport?.Problems ?? []);

    public async Task OnGetAsync(CancellationToken ct) => await DescribeAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = await DescribeAsync(ct);
        ModelState.Clear();
        var files = new (string Field, IFormFile? File)[]
            { (nameof(Pupils), Pupils), (nameof(Marks), Marks), (nameof(Suspensions), Suspensions), (nameof(Census), Census), (nameof(Registers), Registers) };
        if (files.All(f => f.File is null || f.File.Length == 0)) ModelState.AddModelError(nameof(Pupils), "Select at least one file to import");
        foreach (var (field, file) in files)
            if (file is { Length: > 0 } && !file.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                ModelState.AddModelError(field, $"The {Describe(field)} file must be a CSV file");
        if (Registers is { Length: > 0 } && !KeepsRegisters) ModelState.AddModelError(nameof(Registers), "Only the council's education lead imports the CME and EHE registers");
        var year = Years.FirstOrDefault(y => y.StartYear == Year);
        var attendanceFiles = files.Take(4).Any(f => f.File is { Length: > 0 });
        if (attendanceFiles && year is null) ModelState.AddModelError(nameof(Year), "Select the academic year the files are for");
        if (!ModelState.IsValid) return Page();

        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "safeguard-import", Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var paths = new Dictionary<string, string>();
            var names = new Dictionary<string, string>();
            foreach (var (field, file) in files)
            {
                if (file is not { Length: > 0 }) continue;
                // The file's own name for file:line:column; stored under the field's name so nothing the browser sends becomes a path.
                var path = Path.Combine(folder, field + ".csv");
                await using (var target = System.IO.File.Create(path)) await file.CopyToAsync(target, ct);
                paths[field] = path;
                names[path] = Path.GetFileName(file.FileName);
            }
            var process = await current.ProcessAsync("import attendance files", ct);
            // All the files or none: a file that cannot be read leaves everything as it was.
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                if (attendanceFiles)
                    Attendance = await new AttendanceImport(db).ImportAsync(new AttendanceImportOptions(actor.PartnershipId, year!,
                        paths.GetValueOrDefault(nameof(Pupils)), paths.GetValueOrDefault(nameof(Marks)), paths.GetValueOrDefault(nameof(Suspensions)),
                        paths.GetValueOrDefault(nameof(Census)), names), process, ct);
                if (paths.TryGetValue(nameof(Registers), out var registers))
                    RegistersReport = await new RegisterImport(db, personIndex).ImportAsync(new RegisterImportOptions(registers, names[registers]), process, ct);
                await transaction.CommitAsync(ct);
            }
            Imported = year;
        }
        catch (RegisterFileException e)
        {
            db.ChangeTracker.Clear();
            (Attendance, RegistersReport) = (null, null);
            // Each line names file:line:column; it is shown against the field the file was chosen in.
            foreach (var line in e.Message.Split('\n'))
            {
                var field = files.FirstOrDefault(f => f.File is not null && line.StartsWith(Path.GetFileName(f.File.FileName) + ":", StringComparison.Ordinal)).Field
                            ?? nameof(Pupils);
                ModelState.AddModelError(field, $"The {Describe(field)} file cannot be imported: {line}");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        return Page();
    }

    private async Task<Actor> DescribeAsync(CancellationToken ct)
    {
        var actor = await current.RequireAsync(ct);
        var thisYear = AcademicYear.Containing(db.Clock.GetCurrentInstant().InUtc().Date);
        Years = [thisYear, new AcademicYear(thisYear.StartYear - 1)];
        Year ??= thisYear.StartYear;
        KeepsRegisters = actor.Grants.Any(g => g is { Resource: Resource.Attendance, Operation: Operation.Create, Scope: Scope.WholePartnership })
                         && actor.HasAny(Resource.Person, Operation.Create);
        SeesQuarantine = actor.HasAny(Resource.Quarantine, Operation.Read);
        if (!actor.Grants.Any(g => g is { Resource: Resource.Attendance or Resource.PupilRoll, Operation: Operation.Create, Scope: Scope.WholePartnership }))
            OwnSchool = await db.Organisations.AsNoTracking().Where(o => o.Id == actor.OrganisationId).Select(o => o.Name + " (URN " + o.Urn + ")").SingleOrDefaultAsync(ct);
        return actor;
    }

    public static string Describe(string field) => field switch
    {
        nameof(Pupils) => "roll",
        nameof(Marks) => "marks",
        nameof(Suspensions) => "suspensions",
        nameof(Census) => "census",
        _ => "registers",
    };
}
