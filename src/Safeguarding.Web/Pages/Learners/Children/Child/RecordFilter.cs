using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Safeguarding.Core.Learners;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Learners.Children;

/// <summary>
/// Opens the child named by the route for the year asked (<c>?year=</c>), through <see cref="LearnerAccess"/>, which
/// checks it against the policy and audits the read; a refusal is thrown and answered 403 by the host.
/// </summary>
public sealed class ChildAttendanceFilter : LoadRecordFilter<ChildAttendanceOpening>
{
    protected override string ResourceType => LearnerAccess.ResourceType;

    protected override Task<ChildAttendanceOpening?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct)
    {
        var query = services.GetRequiredService<IHttpContextAccessor>().HttpContext?.Request.Query["year"].ToString();
        int? year = int.TryParse(query, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) ? y : null;
        return services.GetRequiredService<LearnerAccess>().OpenChildAsync(new OpenChildAttendanceOptions(id, year), process with { Purpose = "child's attendance" }, ct);
    }
}
