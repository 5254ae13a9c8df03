using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Checklists;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Dash;

/// <summary>The child's voice, one child per page: the household's children come from the person index.</summary>
public sealed class ChildModel(CurrentActor current, RiskAssessmentRecords records, ChecklistLibrary checklists, SafeguardingDbContext db)
    : DashPageModel(current, records, checklists, db)
{
    public const int MaxLength = 2000;

    [BindProperty] public string? FeelsSafe { get; set; }
    [BindProperty] public string? Happy { get; set; }
    [BindProperty] public string? Sad { get; set; }
    [BindProperty] public string? Help { get; set; }

    public string ChildName { get; private set; } = "";
    public int Number { get; private set; }
    public int Count { get; private set; }
    private List<Guid> _children = [];

    public async Task<IActionResult> OnGetAsync(Guid id, int n)
    {
        if (await SetUpAsync(id, n) is { } result) return result;
        var voice = Assessment.Children.SingleOrDefault(c => c.PersonId == _children[n - 1]);
        FeelsSafe = voice?.FeelsSafeAtHome switch { true => "yes", false => "no", _ => voice is null ? null : "unknown" };
        (Happy, Sad, Help) = (voice?.WhatMakesThemHappy, voice?.WhatMakesThemSad, voice?.AnythingWeCanHelpWith);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int n)
    {
        if (await SetUpAsync(id, n) is { } result) return result;
        if (FeelsSafe is not ("yes" or "no" or "unknown")) ModelState.AddModelError(nameof(FeelsSafe), $"Select whether {ChildName} feels safe at home, or that you could not ask");
        foreach (var (name, value) in new[] { (nameof(Happy), Happy), (nameof(Sad), Sad), (nameof(Help), Help) })
            if (value?.Length > MaxLength) ModelState.AddModelError(name, $"Answer in {MaxLength:N0} characters or fewer");
        if (!ModelState.IsValid) return Page();

        var voices = Assessment.Children.Where(c => c.PersonId != _children[n - 1])
            .Select(c => new ChildVoice(c.PersonId, c.FeelsSafeAtHome, c.WhatMakesThemHappy, c.WhatMakesThemSad, c.AnythingWeCanHelpWith))
            .Append(new ChildVoice(_children[n - 1], FeelsSafe switch { "yes" => true, "no" => false, _ => null }, Happy, Sad, Help)).ToList();
        await Records.RecordChildrenAsync(new RecordChildrenOptions(id, voices), await Current.ProcessAsync());
        return Redirect(n < Count ? $"/domestic-abuse/dash/{id}/child/{n + 1}" : $"/domestic-abuse/dash/{id}/check");
    }

    private async Task<IActionResult?> SetUpAsync(Guid id, int n)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        var children = await Records.ChildrenToHearAsync(Assessment, await Current.ProcessAsync());
        _children = [.. children.Select(c => c.PersonId)];
        if (_children.Count == 0) return Redirect($"/domestic-abuse/dash/{id}/check");
        if (n < 1 || n > _children.Count) return NotFound();
        (Number, Count) = (n, _children.Count);
        ChildName = children[n - 1].Name;
        return null;
    }
}
