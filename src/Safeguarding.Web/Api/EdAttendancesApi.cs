using Safeguarding.Core.Data;
using Safeguarding.Core.Health.EmergencyDepartment;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Api;

public sealed record EdAttendanceResponse(string Outcome, string AttendanceReference, Guid AttendanceId);

/// <summary>A hospital trust's system sends its emergency department's attendances of people under 26; each goes through the one intake.</summary>
public static class EdAttendancesApi
{
    public static void MapEdAttendancesApi(this RouteGroupBuilder api) =>
        api.MapPost("/health/ed-attendances", Receive)
            .WithSummary("Send an emergency department attendance of a person under 26 (Idempotency-Key required): 201 when new, 200 when the attendance reference was known (unchanged, or replaced by this copy), 400 when held in the quarantine with the reasons.")
            .WithBodyLimit(RequestBodyLimits.SourceRecord);

    public static async Task<IResult> Receive(HttpContext http, CurrentActor current, EdAttendanceIntake intake, SafeguardingDbContext db, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null) return TypedResults.Unauthorized();
        // Refused before the body is read; the intake refuses a client that is not a hospital trust.
        if (!AccessPolicy.Decide(actor, Resource.EdAttendance, Operation.Create).Allowed)
            throw new ForbiddenException(EdAttendances.ResourceType, null, "No role or scope allows sending emergency department attendances.");

        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(ct);
        var process = await current.ProcessAsync(ct: ct);
        return await IdempotentResponses.RunAsync(http, actor, body, db, async () =>
        {
            var result = await intake.ReceiveAsync(new ReceiveEdAttendanceOptions(body, $"api client {actor.Name}"), process, ct);
            if (result.Outcome == EdIntakeOutcome.Quarantined)
            {
                // Kept in the quarantine, so the refusal is kept too: a retry with the same key gets it back, not a second copy.
                var problem = new HttpValidationProblemDetails(result.Errors!.ToDictionary(e => e.Key, e => e.Value.ToArray()))
                {
                    Status = 400, Title = "The attendance was not accepted: it is held in the quarantine until corrected.",
                    Extensions = { ["quarantinedRecordId"] = result.QuarantinedRecordId },
                };
                return new IdempotentResponses.Answer(400, problem, KeepRefusal: true);
            }
            return new IdempotentResponses.Answer(result.Outcome == EdIntakeOutcome.Created ? 201 : 200,
                new EdAttendanceResponse(result.Outcome.ToString(), result.AttendanceReference!, result.AttendanceId!.Value));
        });
    }
}
