using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.AccessMatrix;

/// <summary>
/// Every page handler, API endpoint and FHIR interaction of the running app, tried by every role (and every API scope,
/// and no one) against its own organisation's record, another organisation's, another partnership's and a sealed one:
/// each answer is the one <see cref="AccessMatrixTable"/> documents, and each refusal writes exactly one denial to the
/// audit trail. An endpoint the table does not list fails the test.
/// </summary>
public sealed class AccessMatrixTests
{
    /// <summary>Refused is either 403 with one denial audited or 404 with none: the answer for a record in another partnership or one that does not exist.</summary>
    /// <summary>RateLimited (429) is never expected: the matrix host must allow its own pace (one client makes hundreds of requests).</summary>
    private enum Answer { Allowed, Forbidden, NotFound, Refused, SignIn, RateLimited, Error }

    private sealed record Principal(string Name, Actor? Actor, HttpClient Client, Guid OrganisationId, string? Token)
    {
        /// <summary>Denials audited for this principal so far (its tries run one after another).</summary>
        public int Denials { get; set; }
    }

    private sealed record Try(Row Row, Relation Relation, string Url);

    private sealed record Result(Principal Principal, Try Try, Answer Expected, Answer Actual, int Status, int Denials, int ExpectedDenials)
    {
        public bool Matches => Expected == Answer.Refused
            ? Actual == Answer.Forbidden && Denials == 1 || Actual == Answer.NotFound && Denials == 0
            : Expected == Actual && Denials == ExpectedDenials;
        public override string ToString() =>
            $"{Try.Row.Endpoint} [{Try.Relation}] as {Principal.Name}: expected {Expected}{(ExpectedDenials > 0 ? " + 1 denial audited" : "")}, " +
            $"got {Actual} ({Status}) with {Denials} denial(s) audited";
    }

    [Fact]
    public async Task Every_endpoint_is_in_the_matrix_and_the_matrix_lists_only_endpoints_that_exist()
    {
        await using var host = await TestHost.CreateAsync(DatabaseProvider.Sqlite);
        var endpoints = await EndpointsAsync(host);
        var documented = AccessMatrixTable.Rows.Select(r => r.Endpoint).ToHashSet();

        Assert.Empty(endpoints.Where(e => !documented.Contains(e)).Order());
        Assert.Empty(documented.Where(e => !endpoints.Contains(e)).Order());
        Assert.Equal(documented.Count, AccessMatrixTable.Rows.Count);
    }

    [Theory, BothDatabases]
    public async Task Every_endpoint_answers_every_role_as_the_matrix_documents_and_audits_each_refusal(DatabaseProvider provider)
    {
        var clock = Stopwatch.StartNew();
        await using var host = await TestHost.CreateAsync(provider);
        var world = await BuildWorldAsync(host);
        var principals = await PrincipalsAsync(host, world);
        var rows = provider == DatabaseProvider.Sqlite ? AccessMatrixTable.Rows : RepresentativeRows();

        var results = new ConcurrentBag<Result>();
        await Parallel.ForEachAsync(principals, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (principal, ct) =>
        {
            // Reads first, then posts, so that what a post changes (an acknowledged notification) cannot alter a read's answer.
            foreach (var row in rows.OrderBy(r => r.Endpoint.StartsWith("POST", StringComparison.Ordinal)))
            {
                if (!Applies(row, principal)) continue;
                foreach (var attempt in TriesOf(row, world, principal))
                    results.Add(await TryAsync(host, world, principal, attempt));
            }
        });

        var all = results.ToList();
        var deviations = all.Where(r => !r.Matches).ToList();

        var output = TestContext.Current.TestOutputHelper;
        var refusals = all.Count(r => r.Expected == Answer.Forbidden);
        output?.WriteLine($"Access matrix on {provider}: {rows.Count} endpoints x {principals.Count} principals " +
            $"({RoleCatalogue.All.Count()} roles, {ApiScopeCatalogue.All.Count} API scopes, anonymous) = {all.Count} tries; " +
            $"{refusals} refusals expected, {all.Count(r => r is { Expected: Answer.Forbidden, Actual: Answer.Forbidden, Denials: 1 })} answered 403 with one denial audited; " +
            $"{all.Count(r => r.Expected == Answer.Refused)} refused for a record in another partnership or none (404, or 403 audited); {all.Count(r => r.Expected == Answer.Allowed)} allowed; {clock.Elapsed.TotalSeconds:0} s.");
        foreach (var r in deviations.OrderBy(r => r.ToString(), StringComparer.Ordinal))
            output?.WriteLine($"DEVIATION: {r}");

        Assert.Empty(deviations.Select(r => r.ToString()).Order(StringComparer.Ordinal));
    }

    /// <summary>On PostgreSQL the rows that act on a record of each kind, and the API and FHIR: the same answers, the other provider.</summary>
    private static List<Row> RepresentativeRows() =>
        [.. AccessMatrixTable.Rows.Where(r => r.Endpoint.StartsWith("GET", StringComparison.Ordinal) && r.Record is not RecordKind.None and not RecordKind.UnknownId
            || r.Endpoint.Contains("/api/", StringComparison.Ordinal) || r.Endpoint.Contains("/fhir/", StringComparison.Ordinal)
            || r.Endpoint is "GET /people" or "GET /admin/users" or "GET /domestic-abuse/dramm" or "GET /domestic-abuse/encompass/inbox")];

    private static bool Applies(Row row, Principal principal)
    {
        if (row.Need == Need.Public) return principal.Actor is null;
        var machine = row.Endpoint.Contains(" /api/", StringComparison.Ordinal) || row.Endpoint.Contains(" /fhir/", StringComparison.Ordinal);
        // API clients authenticate on the API and FHIR only; pages are for people.
        return machine || principal.Actor is not { IsApiClient: true };
    }

    private static IEnumerable<Try> TriesOf(Row row, MatrixWorld world, Principal principal)
    {
        var relations = row.Record switch
        {
            RecordKind.None => [Relation.Own],
            RecordKind.UnknownId => [Relation.Unknown],
            RecordKind.PersonId => [Relation.Own, Relation.OtherOrganisation, Relation.OtherPartnership, Relation.Sealed],
            _ => new[] { Relation.Own, Relation.OtherOrganisation, Relation.OtherPartnership },
        };
        foreach (var relation in relations)
        {
            // Only a school or college has a calendar or a webhook: a council role's own organisation is not a setting.
            if (row.Record == RecordKind.SettingId && relation == Relation.Own
                && world.ByOrganisation[principal.OrganisationId].Organisation.Type is not (OrganisationType.School or OrganisationType.College))
                continue;
            var records = relation switch
            {
                Relation.OtherOrganisation => world.Bystander,
                Relation.OtherPartnership => world.OtherPartnership,
                _ => world.ByOrganisation[principal.OrganisationId],
            };
            var id = row.Record switch
            {
                RecordKind.PersonId => relation == Relation.Sealed ? records.SealedPersonId : records.PersonId,
                RecordKind.IncidentId => records.IncidentId,
                RecordKind.NotificationId => records.NotificationId,
                RecordKind.AssessmentId => records.AssessmentId,
                RecordKind.SettingId => records.Organisation.Id,
                _ => Guid.NewGuid(),
            };
            yield return new Try(row, relation, UrlOf(row, id, world));
        }
    }

    private static string UrlOf(Row row, Guid id, MatrixWorld world)
    {
        var target = row.Endpoint[(row.Endpoint.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        var query = new List<string>();
        // The query starts after the route's last parameter: "{handler?}" holds a '?' of its own.
        var q = target.IndexOf('?', target.LastIndexOf('}') + 1);
        if (q >= 0) { query.Add(target[(q + 1)..]); target = target[..q]; }
        if (row.Record == RecordKind.SettingId) query.Add($"setting={id}");
        target = target.Replace("{id:guid}", id.ToString(), StringComparison.Ordinal)
            .Replace("{incidentId:guid}", id.ToString(), StringComparison.Ordinal)
            .Replace("{referralId:guid}", id.ToString(), StringComparison.Ordinal)
            .Replace("{n:int}", "1", StringComparison.Ordinal)
            .Replace("{key}", world.QuestionKey, StringComparison.Ordinal)
            .Replace("/{handler?}", "", StringComparison.Ordinal)
            .Replace("{code:int}", "400", StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal);
        return query.Count == 0 ? target : $"{target}?{string.Join('&', query)}";
    }

    private static (Answer Answer, bool Audited) Expected(Row row, Try attempt, Principal principal, MatrixWorld world)
    {
        if (row.Need == Need.Public) return (Answer.Allowed, false);
        if (principal.Actor is not { } actor) return (Answer.SignIn, false);
        // The JSON API is for API clients only (docs/security.md): a signed-in person's cookie is not a credential there.
        if (row.Endpoint.Contains(" /api/", StringComparison.Ordinal) && !actor.IsApiClient) return (Answer.SignIn, false);
        if (row.Need == Need.SignedIn) return (Answer.Allowed, false);
        var resource = row.Resource!.Value;
        var operation = row.Operation!.Value;
        if (row.Need == Need.ApiClientGrant && !actor.IsApiClient) return (Answer.Forbidden, true);
        // A record in another partnership is refused whichever way: 404 (it does not exist for the caller) or 403 audited.
        if (attempt.Relation == Relation.OtherPartnership) return (Answer.Refused, false);
        if (row.Need == Need.GrantOrPartnershipFigures && !actor.HasAny(resource, operation) && actor.SeesPartnershipFigures) return (Answer.Allowed, false);
        if (row.Need == Need.GrantAcrossPartnershipOrPartnershipFigures)
            return actor.SeesPartnershipFigures || actor.Grants.Any(g => g.Resource == resource && g.Operation == operation && g.Scope == Scope.WholePartnership)
                ? (Answer.Allowed, false) : (Answer.Forbidden, true);
        if (!actor.HasAny(resource, operation)) return (Answer.Forbidden, true);
        if (row.Need == Need.GrantAndBreakGlass && !actor.CanBreakGlass) return (Answer.Forbidden, true);
        if (row.Need == Need.GrantAcrossPartnership && !actor.Grants.Any(g => g.Resource == resource && g.Operation == operation && g.Scope == Scope.WholePartnership))
            return (Answer.Forbidden, true);
        if (row.Record == RecordKind.None) return (Answer.Allowed, false);
        if (attempt.Relation == Relation.Unknown) return (Answer.Refused, false);
        if (row.Need == Need.GrantAndBreakGlass) return (Answer.Allowed, false);

        var owner = attempt.Relation == Relation.OtherOrganisation ? world.Bystander.Organisation.Id : principal.OrganisationId;
        var facts = row.Record == RecordKind.PersonId
            ? new RecordFacts(world.PartnershipId, null, [owner], IsSealed: row.SealApplies && attempt.Relation == Relation.Sealed)
            : new RecordFacts(world.PartnershipId, owner);
        var decision = AccessPolicy.Decide(actor, row.RecordResource ?? resource, row.RecordOperation ?? operation, facts);
        return decision.Allowed ? (Answer.Allowed, false) : (Answer.Forbidden, true);
    }

    private static async Task<Result> TryAsync(TestHost host, MatrixWorld world, Principal principal, Try attempt)
    {
        var (expected, audited) = Expected(attempt.Row, attempt, principal, world);
        using var request = new HttpRequestMessage(attempt.Row.Endpoint.StartsWith("POST", StringComparison.Ordinal) ? HttpMethod.Post : HttpMethod.Get, attempt.Url);
        if (request.Method == HttpMethod.Post)
        {
            if (attempt.Url.StartsWith("/api/", StringComparison.Ordinal))
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            }
            else
            {
                request.Content = new FormUrlEncodedContent([new("__RequestVerificationToken", principal.Token ?? "")]);
            }
        }
        using var response = await principal.Client.SendAsync(request);
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        var actual = status switch
        {
            >= 500 => Answer.Error,
            401 => Answer.SignIn,
            403 => Answer.Forbidden,
            404 => Answer.NotFound,
            429 => Answer.RateLimited,
            302 when location.Contains("/account/sign-in", StringComparison.OrdinalIgnoreCase) && principal.Actor is null => Answer.SignIn,
            302 when location.Contains("/account/access-denied", StringComparison.OrdinalIgnoreCase) => Answer.Forbidden,
            _ => Answer.Allowed,
        };
        // A public page may answer 4xx to an empty form or a missing sign-in step; what matters is that it is not an error.
        if (attempt.Row.Need == Need.Public && actual != Answer.Error) actual = Answer.Allowed;
        var before = principal.Denials;
        principal.Denials = await DenialsAsync(host, principal);
        var denials = principal.Denials - before;
        // Past the grant check, 404 is not a refusal when no record is named (a form posted empty, an export with nothing in
        // it) or when a post finds nothing to act on (an empty form, a webhook already turned off by another role's try).
        if (expected == Answer.Allowed && actual == Answer.NotFound && denials == 0
            && (attempt.Row.Record == RecordKind.None || request.Method == HttpMethod.Post))
            actual = Answer.Allowed;
        return new Result(principal, attempt, expected, actual, status, denials, audited ? 1 : 0);
    }

    private static async Task<int> DenialsAsync(TestHost host, Principal principal)
    {
        if (principal.Actor is not { } actor) return 0;
        await using var db = host.NewContext();
        return await db.AuditEntries.AsNoTracking().CountAsync(e => e.Outcome == AuditOutcome.Denied
            && (actor.UserId != null ? e.ActorUserId == actor.UserId : e.ActorApiClientId == actor.ApiClientId));
    }

    private static async Task<MatrixWorld> BuildWorldAsync(TestHost host)
    {
        var data = host.Data;
        var partnership = await data.CreatePartnershipAsync();
        var byOrganisation = new Dictionary<Guid, OrganisationRecords>();
        foreach (var type in RoleCatalogue.All.Select(MatrixWorld.TypeFor).Append(OrganisationType.School).Distinct())
        {
            var org = await data.CreateOrganisationAsync(partnership.Id, type);
            byOrganisation[org.Id] = await MatrixWorld.RecordsOfAsync(data, org);
        }
        var bystander = await MatrixWorld.RecordsOfAsync(data, await data.CreateOrganisationAsync(partnership.Id, OrganisationType.School));
        var other = await data.CreatePartnershipAsync();
        var otherRecords = await MatrixWorld.RecordsOfAsync(data, await data.CreateOrganisationAsync(other.Id, OrganisationType.School));
        return new MatrixWorld
        {
            PartnershipId = partnership.Id, ByOrganisation = byOrganisation, Bystander = bystander, OtherPartnership = otherRecords,
            QuestionKey = Core.DomesticAbuse.Checklists.ShippedChecklists.Get(Core.DomesticAbuse.Checklists.ChecklistDefinition.Adult).Questions[0].Key,
        };
    }

    /// <summary>A user of every role, each in an organisation of a fitting type; an API client of every scope; and no one.</summary>
    private static async Task<List<Principal>> PrincipalsAsync(TestHost host, MatrixWorld world)
    {
        var orgs = world.ByOrganisation.Values.Select(r => r.Organisation).ToList();
        var principals = new List<Principal>();
        var anonymous = host.AnonymousClient();
        principals.Add(new Principal("anonymous", null, anonymous, orgs[0].Id, await TokenAsync(anonymous, "/account/sign-in")));
        foreach (var role in RoleCatalogue.All)
        {
            var org = orgs.First(o => o.Type == MatrixWorld.TypeFor(role));
            var user = await host.Data.CreateUserAsync(org, role);
            var client = await host.SignInAsync(user);
            principals.Add(new Principal(role.ToString(), user.Actor, client, org.Id, await TokenAsync(client, "/account/confirm-identity")));
        }
        foreach (var scope in ApiScopeCatalogue.All)
        {
            // Incidents come from a police force's system (the intake refuses any other sender), ED attendances and maternity bookings from a hospital trust's; the rest from a school's.
            var apiOrg = orgs.First(o => o.Type == (scope is "incidents:write" or "missing-persons:write" or "intelligence:write" or "violence-incidents:write" ? OrganisationType.PoliceForce
                : scope is "ed-attendances:write" or "maternity-bookings:write" ? OrganisationType.HospitalTrust : OrganisationType.School));
            var (clientId, secret) = await host.Data.CreateApiClientAsync(apiOrg, scope);
            await using var db = host.NewContext();
            var id = await db.ApiClients.Where(c => c.ClientId == clientId).Select(c => c.Id).SingleAsync();
            var actor = new Actor(apiOrg.PartnershipId, apiOrg.Id, "Test system", new HashSet<Role>(), ApiClientId: id, ApiScopes: new HashSet<string> { scope });
            principals.Add(new Principal($"API client {scope}", actor, host.ApiClient(clientId, secret), apiOrg.Id, null));
        }
        return principals;
    }

    private static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var html = await (await client.GetAsync(page)).HtmlAsync();
        return html.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {page}");
    }

    /// <summary>"METHOD route" for every endpoint of the running app, one per page handler (named ones with ?handler=).</summary>
    private static async Task<HashSet<string>> EndpointsAsync(TestHost host)
    {
        var services = host.Factory.Services;
        var loader = services.GetRequiredService<PageLoader>();
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = page as CompiledPageActionDescriptor ?? await loader.LoadAsync(page, endpoint.Metadata);
                // A page with no handler methods renders on GET.
                if (compiled.HandlerMethods.Count == 0) found.Add($"GET {route}");
                foreach (var handler in compiled.HandlerMethods)
                    found.Add($"{handler.HttpMethod.ToUpperInvariant()} {route}{(handler.Name is null ? "" : $"?handler={handler.Name}")}");
                continue;
            }
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                found.Add($"{method} {route}");
        }
        return found;
    }
}
