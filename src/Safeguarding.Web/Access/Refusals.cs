using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Web.Access;

/// <summary>
/// The one place a refusal becomes an answer. A <see cref="ForbiddenException"/> is written to the audit trail as a
/// denial (once, in its own save, so it survives the refusal) and answered 403; a <see cref="NotFoundException"/> is
/// answered 404, except the read of a named record (a page, the API or FHIR), which answers exactly as a refusal (403,
/// audited, the same words) so a record's existence is not given away. Pages get the GOV.UK status page (the status-code pages re-execute /status/{code}); the API and FHIR
/// get ProblemDetails.
/// </summary>
public sealed class Refusals(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        switch (exception)
        {
            case ForbiddenException { ResourceId: not null } forbidden when IsRecordRead(http):
                // The reason stays on the audit trail: told to the caller it would differ from the answer for no record.
                await DeniedAsync(http, forbidden.ResourceType, forbidden.ResourceId, forbidden.Reason);
                return await AnswerAsync(http, StatusCodes.Status403Forbidden, "You may not do this", RecordRefused);
            case ForbiddenException forbidden:
                await DeniedAsync(http, forbidden.ResourceType, forbidden.ResourceId, forbidden.Reason);
                return await AnswerAsync(http, StatusCodes.Status403Forbidden, "You may not do this", forbidden.Reason);
            case NotFoundException { ResourceId: not null } notFound when IsRecordRead(http):
                // A read of a record that does not exist answers as one the caller may not see, so ids cannot be probed
                // for which exist; the try is on the audit trail like any refusal.
                await DeniedAsync(http, notFound.ResourceType, notFound.ResourceId, NoSuchRecord);
                return await AnswerAsync(http, StatusCodes.Status403Forbidden, "You may not do this", RecordRefused);
            case NotFoundException:
                return await AnswerAsync(http, StatusCodes.Status404NotFound, "Not found", null);
            default:
                return false;
        }
    }

    /// <summary>
    /// Records a denial in the audit trail in its own save. For refusals decided in Web before any service is called
    /// (a folder's permission filter); everything else throws <see cref="ForbiddenException"/> and lands here.
    /// </summary>
    public static async Task DeniedAsync(HttpContext http, string resourceType, string? resourceId, string reason)
    {
        var db = http.RequestServices.GetRequiredService<SafeguardingDbContext>();
        // Whatever the refused work had tracked must not be saved with the denial.
        db.ChangeTracker.Clear();
        var process = await http.RequestServices.GetRequiredService<CurrentActor>().ProcessAsync(ct: http.RequestAborted);
        await new AuditTrail(db).RecordAsync(process, AuditActions.Read, resourceType, resourceId, AuditOutcome.Denied, reason, CancellationToken.None);
    }

    /// <summary>
    /// An endpoint's grant check, made before it reads the request (as a folder's permission filter does for pages): a
    /// caller who may not do this learns nothing from validation or idempotency answers.
    /// </summary>
    public static void Demand(Actor actor, Resource resource, Operation operation)
    {
        var decision = AccessPolicy.Decide(actor, resource, operation);
        if (!decision.Allowed) throw new ForbiddenException(resource.ToString(), null, decision.Reason);
    }

    private async ValueTask<bool> AnswerAsync(HttpContext http, int status, string title, string? detail)
    {
        http.Response.StatusCode = status;
        if (!IsMachineClient(http.Request.Path)) return true; // the status-code pages render the GOV.UK page
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>The audit reason for a page asked for a record that does not exist.</summary>
    public const string NoSuchRecord = "no such record";

    /// <summary>What a reader of a named record is told when refused, whether the record exists or not.</summary>
    public const string RecordRefused = "You may not see this record, or there is no such record.";

    /// <summary>A read of a named record, by a page, the API or FHIR: answered alike whether the record exists or not.</summary>
    private static bool IsRecordRead(HttpContext http) => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);

    public static bool IsMachineClient(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/fhir");
}
