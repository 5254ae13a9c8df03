using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Referrals;

/// <summary>A service's queue of cases triage sent it: waiting (longest first) or decided, paged with the true count.</summary>
public abstract class ReferralQueueModel(CurrentActor current, TriageReferrals referrals, IClock clock) : PageModel
{
    public abstract TriageReferralService Service { get; }
    public abstract string Title { get; }
    public abstract string Path { get; }

    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    public bool Decided => Show == "decided";
    public Paged<TriageReferralRow> Queue { get; private set; } = null!;
    public Instant Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetCurrentInstant();
        Queue = await referrals.QueueAsync(new TriageReferralQueueOptions(Service, Decided, WorkQueues.PageFrom(Request)), await current.ProcessAsync(ct: ct), ct);
    }
}

/// <summary>One referral for the service to accept (an IDVA service naming the worker) or decline with a reason.</summary>
public abstract class ReferralDecisionModel(CurrentActor current, TriageReferrals referrals) : PageModel
{
    public abstract string QueuePath { get; }

    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? DeclineReason { get; set; }
    [BindProperty] public Guid? Worker { get; set; }
    public TriageReferralToDecide Referral { get; private set; } = null!;
    public bool IsIdva => Referral.Referral.Service == TriageReferralService.Idva;

    public void OnGet() => Referral = HttpContext.Loaded<TriageReferralToDecide>();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        OnGet();
        if (Referral.Referral.Status != TriageReferralStatus.Waiting) return Redirect(QueuePath);
        if (Decision is not ("accept" or "decline")) ModelState.AddModelError(nameof(Decision), IsIdva ? "Select whether the service accepts the case" : "Select whether children's social work accepts the referral");
        if (Decision == "accept" && IsIdva && (Worker is null || Referral.Workers.All(w => w.Id != Worker)))
            ModelState.AddModelError(nameof(Worker), "Select the IDVA who will work with the victim");
        if (Decision == "decline" && string.IsNullOrWhiteSpace(DeclineReason)) ModelState.AddModelError(nameof(DeclineReason), "Say why the referral is declined");
        if (DeclineReason?.Length > 4000) ModelState.AddModelError(nameof(DeclineReason), "Reason must be 4,000 characters or fewer");
        if (!ModelState.IsValid) return Page();
        var process = await current.ProcessAsync();
        if (Decision == "accept") await referrals.AcceptAsync(new AcceptTriageReferral(id, IsIdva ? Worker : null), process);
        else await referrals.DeclineAsync(new DeclineTriageReferral(id, DeclineReason!), process);
        TempData["Decided"] = Decision == "accept" ? "Referral accepted" : "Referral declined";
        return Redirect(QueuePath);
    }
}

/// <summary>Opens the referral a decision page acts on, for the service it was sent to (the read is audited).</summary>
public sealed class TriageReferralFilter : LoadRecordFilter<TriageReferralToDecide>
{
    protected override string ResourceType => TriageReferrals.ResourceType;

    protected override Task<TriageReferralToDecide?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<TriageReferrals>().OpenAsync(id, process, ct);
}
