using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Idempotency;

namespace Safeguarding.Web.Api;

/// <summary>
/// Idempotency-Key for API writes: the first answer to a key is kept; the same key with the same body gets that
/// answer again (nothing is done twice), the same key with a different body is refused with 422.
/// </summary>
public static class IdempotentResponses
{
    public const string Header = "Idempotency-Key";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="KeepRefusal">A refusal that did keep something (a record held in the quarantine): commit it and give the same answer to a retry.</param>
    public sealed record Answer(int Status, object? Body, string? Location = null, bool KeepRefusal = false);

    public static async Task<IResult> RunAsync(HttpContext http, Actor actor, string body, SafeguardingDbContext db, Func<Task<Answer>> handle)
    {
        var key = http.Request.Headers[Header].ToString();
        if (string.IsNullOrWhiteSpace(key) || key.Length > 200)
            return Results.Problem(statusCode: 400, title: "Idempotency-Key header required",
                detail: "Send a unique Idempotency-Key (at most 200 characters) with every write, and the same key when you retry.");

        var caller = actor.ApiClientId?.ToString() ?? actor.UserId?.ToString() ?? "unknown";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{http.Request.Method} {http.Request.Path}\n{body}")));
        var earlier = await db.IdempotentRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Caller == caller && r.Key == key, http.RequestAborted);
        if (earlier is not null) return Replay(earlier, hash);

        // The work and the kept answer commit together: a crash between them cannot make a retry do the work twice.
        await using var transaction = await db.Database.BeginTransactionAsync(http.RequestAborted);
        // One request per key at a time, so that a retry storm does the work once and the rest wait for its answer:
        // on SQLite the transaction already holds the write lock (BEGIN IMMEDIATE); on PostgreSQL a lock on the key,
        // held until commit. Asking again inside it sees an answer committed while this one waited.
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({caller + "\n" + key}, 0))", http.RequestAborted);
        earlier = await db.IdempotentRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Caller == caller && r.Key == key, http.RequestAborted);
        if (earlier is not null) return Replay(earlier, hash);

        IdempotentRequest stored;
        try
        {
            var answer = await handle();
            if (answer.Status >= 400 && !answer.KeepRefusal)
                return Results.Json(answer.Body, Json, "application/problem+json", answer.Status); // refused: nothing done, nothing kept
            stored = new IdempotentRequest
            {
                PartnershipId = actor.PartnershipId, Caller = caller, Key = key, RequestHash = hash, StatusCode = answer.Status,
                ContentType = answer.Status >= 400 ? "application/problem+json" : "application/json", Location = answer.Location, ResponseBody = JsonSerializer.Serialize(answer.Body, Json),
                CreatedAt = db.Clock.GetCurrentInstant(),
            };
            db.IdempotentRequests.Add(stored);
            await db.SaveChangesAsync(http.RequestAborted);
            await transaction.CommitAsync(http.RequestAborted);
        }
        catch (DbUpdateException)
        {
            // Two deliveries of one key at once (the lock above makes this rare): the other committed first, and this
            // one's work, whether it failed in the handler's save or in keeping the answer, is rolled back.
            await transaction.RollbackAsync(http.RequestAborted);
            db.ChangeTracker.Clear();
            earlier = await db.IdempotentRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Caller == caller && r.Key == key, http.RequestAborted);
            if (earlier is null) throw;
            return Replay(earlier, hash);
        }
        return Write(stored);
    }

    private static IResult Replay(IdempotentRequest earlier, string hash) =>
        earlier.RequestHash == hash
            ? Write(earlier)
            : Results.Problem(statusCode: 422, title: "Idempotency-Key already used for a different request",
                detail: "This key was sent before with a different body. Use a new key for a new request.");

    private static IResult Write(IdempotentRequest r)
    {
        var result = Results.Text(r.ResponseBody, r.ContentType ?? "application/json", Encoding.UTF8, r.StatusCode);
        return r.Location is null ? result : new WithLocation(result, r.Location);
    }

    private sealed class WithLocation(IResult inner, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
