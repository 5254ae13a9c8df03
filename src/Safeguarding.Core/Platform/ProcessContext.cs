using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Core.Platform;

/// <summary>
/// Why a piece of work is happening: which process, on whose behalf, for what purpose, from where.
/// Every write carries one, so the audit trail can explain each change.
/// </summary>
/// <param name="Process">A stable name such as "web:admin/users/create" or "cli:demo seed".</param>
/// <param name="Actor">Who acts; null only for the system itself (migrations, demo seeding).</param>
/// <param name="Purpose">Why, in the user's words where they gave one (a break-glass reason).</param>
/// <param name="FromAddress">Where the request came from (IP address) or "cli" / "background".</param>
/// <param name="SummariseWrites">For bulk loads: one audit entry per kind of record and count, not one per row.</param>
public sealed record ProcessContext(
    string Process,
    Actor? Actor,
    string? Purpose = null,
    string? FromAddress = null,
    bool SummariseWrites = false)
{
    /// <summary>
    /// The actor a service acts for. Services take (options, process) and read who acts from here; work that must
    /// be done by someone (not the system itself) is refused without one.
    /// </summary>
    public Actor RequireActor() =>
        Actor ?? throw new ForbiddenException("Process", null, $"{Process} has no actor, and this work needs one");

    public static ProcessContext System(string process, string? purpose = null) =>
        new(process, null, purpose, "local", SummariseWrites: false);
}
