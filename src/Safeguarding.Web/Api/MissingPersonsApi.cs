using Safeguarding.Core.Data;
using Safeguarding.Core.Exploitation.Missing;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Api;

public sealed record MissingReportResponse(string Outcome, string PoliceReference, Guid EpisodeId);

/// <summary>A police system sends missing-person reports about children and their returns; each goes through the one intake.</summary>
public static class MissingPersonsApi
{
    public static void MapMissingPersonsApi(this RouteGroupBuilder api) =>
        api.MapPost("/exploitation/missing-persons", Receive)
            .WithSummary("Send a police missing-person report about a child, or its return (Idempotency-Key required). The first report of a police reference opens a missing episode; the same reference with returnedAt closes it.")
            .WithBodyLimit(RequestBodyLimits.SourceRecord);

    public static async Task<IResult> Receive(HttpContext http, CurrentActor current, MissingIntake intake, SafeguardingDbContext db, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null) return TypedResults.Unauthorized();
        // Refused before the body is read; the intake refuses a client that is not a police force.
        if (!AccessPolicy.Decide(actor, Resource.MissingEpisode, Operation.Create).Allowed)
            throw new ForbiddenException(MissingEpisodes.ResourceType, null, "No role or scope allows sending missing-person reports.");

        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(ct);
        var process = await current.ProcessAsync(ct: ct);
        return await IdempotentResponses.RunAsync(http, actor, body, db, async () =>
        {
            var result = await intake.ReceiveAsync(new ReceiveMissingReportOptions(body, $"api client {actor.Name}"), process, ct);
            if (result.Outcome == MissingOutcome.Quarantined)
            {
                // Kept in the quarantine, so the refusal is kept too: a retry with the same key gets it back, not a second copy.
                var problem = new HttpValidationProblemDetails(result.Errors!.ToDictionary(e => e.Key, e => e.Value.ToArray()))
                {
                    Status = 400, Title = "The report was not accepted: it is held in the quarantine until corrected.",
                    Extensions = { ["quarantinedRecordId"] = result.QuarantinedRecordId },
                };
                return new IdempotentResponses.Answer(400, problem, KeepRefusal: true);
            }
            return new IdempotentResponses.Answer(result.Outcome is MissingOutcome.Opened or MissingOutcome.OpenedAndReturned ? 201 : 200,
                new MissingReportResponse(result.Outcome.ToString(), result.PoliceReference!, result.EpisodeId!.Value));
        });
    }
}
