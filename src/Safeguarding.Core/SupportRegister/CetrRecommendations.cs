using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.Platform;

namespace Safeguarding.Core.SupportRegister;

public sealed record CompleteRecommendationOptions(Guid CetrId, Guid ActionId, string? Note = null);

public sealed partial class Cetrs
{
    /// <summary>What is wrong with a root-cause review's answers, by field; empty when they may be saved.</summary>
    public static IReadOnlyList<(string Field, string Message)> RootCauseReviewProblems(string? whyNoCommunityCetr, string? whatWouldHavePrevented, string? learning)
    {
        var problems = new List<(string, string)>();
        Text(problems, "WhyNoCommunityCetr", whyNoCommunityCetr, "why no community C(E)TR was held");
        Text(problems, "WhatWouldHavePrevented", whatWouldHavePrevented, "what would have prevented the admission");
        Text(problems, "Learning", learning, "the learning");
        return problems;
    }

    /// <summary>
    /// Marks a C(E)TR's recommendation done (the engine's action, with an optional note). The unit and the lead
    /// practitioner hold no Meeting grants, so the engine's own completion would refuse them: the entry's policy decides.
    /// </summary>
    public async Task CompleteRecommendationAsync(CompleteRecommendationOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (_, _, meeting) = await BookedAsync(actor, options.CetrId, ct);
        var action = await db.Set<MeetingAction>().SingleOrDefaultAsync(a => a.Id == options.ActionId && a.MeetingId == meeting.Id, ct)
            ?? throw new NotFoundException(nameof(MeetingAction), options.ActionId.ToString());
        if (action.Status != ActionStatus.Open) throw new InvalidOperationException("The recommendation is already completed.");
        var note = string.IsNullOrWhiteSpace(options.Note) ? null : options.Note.Trim();
        if (note?.Length > 2000) throw new ArgumentException("The note must be 2,000 characters or fewer.", nameof(options));
        (action.Status, action.CompletedAt, action.CompletionNote) = (ActionStatus.Done, db.Clock.GetCurrentInstant(), note);
        db.Process = process with { Purpose = "C(E)TR recommendation completed" };
        await db.SaveChangesAsync(ct);
    }
}
