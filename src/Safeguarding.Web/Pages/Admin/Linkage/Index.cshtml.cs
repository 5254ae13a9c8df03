using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Admin.Linkage;

/// <summary>The partnership's matching thresholds, and training the model on the index's own records.</summary>
public sealed class IndexModel(CurrentActor current, SafeguardingDbContext db, PersonIndex index) : PageModel
{
    [BindProperty] public string? Upper { get; set; }
    [BindProperty] public string? Lower { get; set; }

    public LinkageSettings Settings { get; private set; } = null!;
    public bool CanUpdate { get; private set; }
    public int WaitingForReview { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Upper = Settings.UpperThreshold.ToString("0.###", CultureInfo.InvariantCulture);
        Lower = Settings.LowerThreshold.ToString("0.###", CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var upperOk = double.TryParse(Upper, NumberStyles.Float, CultureInfo.InvariantCulture, out var upper) && upper is > 0 and < 1;
        var lowerOk = double.TryParse(Lower, NumberStyles.Float, CultureInfo.InvariantCulture, out var lower) && lower is > 0 and < 1;
        if (!upperOk) ModelState.AddModelError(nameof(Upper), "Enter the upper threshold as a probability between 0 and 1, like 0.99");
        if (!lowerOk) ModelState.AddModelError(nameof(Lower), "Enter the lower threshold as a probability between 0 and 1, like 0.8");
        if (upperOk && lowerOk && lower > upper) ModelState.AddModelError(nameof(Lower), "The lower threshold must not be above the upper threshold");
        // Someone who may not change the settings is refused whatever the form says: the service throws.
        if (!ModelState.IsValid && CanUpdate) return Page();

        await index.SetThresholdsAsync(new MatchingThresholdsOptions(upper, lower), await current.ProcessAsync("set matching thresholds"));
        return Redirect("/admin/linkage");
    }

    public async Task<IActionResult> OnPostTrainAsync()
    {
        var actor = await LoadAsync();
        try
        {
            await index.TrainAsync(actor.PartnershipId, await current.ProcessAsync("train the matching model"));
        }
        catch (InvalidOperationException e)
        {
            ModelState.AddModelError(nameof(Upper), e.Message);
            Upper = Settings.UpperThreshold.ToString("0.###", CultureInfo.InvariantCulture);
            Lower = Settings.LowerThreshold.ToString("0.###", CultureInfo.InvariantCulture);
            return Page();
        }
        return Redirect("/admin/linkage");
    }

    private async Task<Actor> LoadAsync()
    {
        var actor = await current.RequireAsync();
        Settings = await index.SettingsAsync(actor.PartnershipId);
        CanUpdate = AccessPolicy.Decide(actor, Resource.LinkageSettings, Operation.Update).Allowed;
        var partnership = actor.PartnershipId;
        WaitingForReview = await db.MatchReviews.CountAsync(r => r.PartnershipId == partnership && r.Decision == null);
        return actor;
    }
}
