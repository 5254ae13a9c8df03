using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Safeguarding.Core.Assurance.Training;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance;

/// <summary>
/// The business manager records a reporting year's training and campaigns: courses, sessions with the places offered,
/// the places each agency took and how many attended, anonymous evaluations, and campaigns with their reach. Counts
/// only: no attendee is named. Each form saves all or nothing.
/// </summary>
public sealed class TrainingKeepModel(CurrentActor current, TrainingRecords records, TrainingPlacesFile placesFile, IClock clock) : KeepPage(current, clock)
{
    public sealed class CourseForm { public string? Title { get; set; } public string? Audience { get; set; } public string? Mandatory { get; set; } }
    public sealed class SessionForm { public string? CourseId { get; set; } public DateParts Date { get; set; } = new(); public string? PlacesOffered { get; set; } }
    public sealed class PlacesForm { public string? SessionId { get; set; } public string? OrganisationId { get; set; } public string? Taken { get; set; } public string? Attended { get; set; } }
    public sealed class EvaluationForm { public string? SessionId { get; set; } public string? ConfidenceBefore { get; set; } public string? ConfidenceAfter { get; set; } public string? Comment { get; set; } }
    public sealed class CampaignForm
    {
        public string? Title { get; set; }
        public DateParts Starts { get; set; } = new();
        public DateParts Ends { get; set; } = new();
        public string? DaysOfAction { get; set; }
        public string? Reach { get; set; }
    }

    [BindProperty] public CourseForm Course { get; set; } = new();
    [BindProperty] public SessionForm Session { get; set; } = new();
    [BindProperty] public PlacesForm Places { get; set; } = new();
    [BindProperty] public EvaluationForm Evaluation { get; set; } = new();
    [BindProperty] public CampaignForm Campaign { get; set; } = new();
    public sealed class UploadForm { public string? SessionId { get; set; } public IFormFile? File { get; set; } }
    [BindProperty] public UploadForm Upload { get; set; } = new();

    /// <summary>A trainer's file is a few dozen rows, one per agency.</summary>
    public const int MaxUploadBytes = 1024 * 1024;

    public TrainingKeepView View { get; private set; } = null!;

    /// <summary>A session's places and attendance from the trainer's CSV: taken whole, or every bad row in the error summary (and the quarantine).</summary>
    public Task<IActionResult> OnPostUploadAsync()
    {
        var session = Id(Upload.SessionId, "Upload.SessionId", "Choose the session.");
        var file = Upload.File;
        if (file is null || file.Length == 0) ModelState.AddModelError("Upload.File", "Select the CSV file of the session's places.");
        else if (!file.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) ModelState.AddModelError("Upload.File", "The selected file must be a CSV file.");
        else if (file.Length > MaxUploadBytes) ModelState.AddModelError("Upload.File", "The selected file must be smaller than 1 MB.");
        return SaveAsync("upload a session's places", nameof(Upload), "File", [], async process =>
        {
            string text;
            using (var reader = new StreamReader(file!.OpenReadStream())) text = await reader.ReadToEndAsync(HttpContext.RequestAborted);
            var result = await placesFile.UploadAsync(new UploadPlacesOptions(session, file.FileName, text), process, HttpContext.RequestAborted);
            if (result.Taken) return;
            // Each problem is its own line of the error summary, in the file's order; the file is refused whole.
            foreach (var problem in result.Problems.SkipLast(1)) ModelState.AddModelError("Upload.File", problem);
            throw new ArgumentException(result.Problems[^1], "File");
        });
    }

    public Task<IActionResult> OnPostRemoveCourseAsync(Guid id) =>
        ChangeAsync("remove a training course", "course", process => records.RemoveCourseAsync(id, process));

    public Task<IActionResult> OnPostRemoveSessionAsync(Guid id) =>
        ChangeAsync("remove a training session", "sessions", process => records.RemoveSessionAsync(id, process));

    public Task<IActionResult> OnPostRemoveCampaignAsync(Guid id) =>
        ChangeAsync("remove a campaign", "campaign", process => records.RemoveCampaignAsync(id, process));

    protected override string Path => "/assurance/training/keep";
    protected override string Purpose => "keep the training records";

    protected override async Task LoadAsync(ProcessContext process) => View = await records.KeepViewAsync(new TrainingYearOptions(Year), process);

    public Task<IActionResult> OnPostCourseAsync() =>
        SaveAsync("add a training course", nameof(Course), "Title", ["Title", "Audience"],
            process => records.AddCourseAsync(new AddCourseOptions(Course.Title ?? "", Course.Audience ?? "", Course.Mandatory == "yes"), process));

    public Task<IActionResult> OnPostSessionAsync()
    {
        var course = Id(Session.CourseId, "Session.CourseId", "Choose the course.");
        var date = Date(Session.Date, "Session.Date", "the session's date");
        var offered = Count(Session.PlacesOffered, "Session.PlacesOffered", "Enter the places offered as a whole number.");
        return SaveAsync("add a training session", nameof(Session), "PlacesOffered", ["PlacesOffered"],
            process => records.AddSessionAsync(new AddSessionOptions(course, date, offered), process));
    }

    public Task<IActionResult> OnPostPlacesAsync()
    {
        var session = Id(Places.SessionId, "Places.SessionId", "Choose the session.");
        var organisation = Id(Places.OrganisationId, "Places.OrganisationId", "Choose the agency.");
        var taken = Count(Places.Taken, "Places.Taken", "Enter the places taken as a whole number.");
        var attended = Count(Places.Attended, "Places.Attended", "Enter how many attended as a whole number.");
        return SaveAsync("record places taken", nameof(Places), "Taken", ["OrganisationId", "Taken", "Attended"],
            process => records.RecordPlacesAsync(new RecordPlacesOptions(session, organisation, taken, attended), process));
    }

    public Task<IActionResult> OnPostEvaluationAsync()
    {
        var session = Id(Evaluation.SessionId, "Evaluation.SessionId", "Choose the session.");
        var before = Count(Evaluation.ConfidenceBefore, "Evaluation.ConfidenceBefore", "Choose the confidence before, from 1 to 5.");
        var after = Count(Evaluation.ConfidenceAfter, "Evaluation.ConfidenceAfter", "Choose the confidence after, from 1 to 5.");
        return SaveAsync("record a training evaluation", nameof(Evaluation), "ConfidenceBefore", ["ConfidenceBefore", "Comment"],
            process => records.RecordEvaluationAsync(new RecordEvaluationOptions(session, before, after, Evaluation.Comment), process));
    }

    public Task<IActionResult> OnPostCampaignAsync()
    {
        var starts = Date(Campaign.Starts, "Campaign.Starts", "the date it started");
        var ends = Date(Campaign.Ends, "Campaign.Ends", "the date it ended");
        var days = Count(Campaign.DaysOfAction, "Campaign.DaysOfAction", "Enter the days of action as a whole number.");
        var reach = Count(Campaign.Reach, "Campaign.Reach", "Enter the people reached as a whole number.");
        return SaveAsync("add a campaign", nameof(Campaign), "Title", ["Title", "Ends", "Reach"],
            process => records.AddCampaignAsync(new AddCampaignOptions(Campaign.Title ?? "", starts, ends, days, reach), process));
    }

    private Guid Id(string? text, string field, string error)
    {
        if (Guid.TryParse(text, out var id)) return id;
        ModelState.AddModelError(field, error);
        return Guid.Empty;
    }

    private LocalDate Date(DateParts parts, string field, string what)
    {
        if (parts.ToDate() is { } date) return date;
        ModelState.AddModelError(field, $"Enter {what} as a real date, for example 25 11 2023.");
        return default;
    }

    private int Count(string? text, string field, string error)
    {
        if (AssurancePages.Number(text) is { } n) return n;
        ModelState.AddModelError(field, error);
        return 0;
    }
}
