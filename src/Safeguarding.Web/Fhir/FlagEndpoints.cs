using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Safeguarding.Core.DomesticAbuse.HealthFlags;
using Safeguarding.Core.People;
using Safeguarding.Core;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Web.Access;
using Safeguarding.Web.Api;

namespace Safeguarding.Web.Fhir;

/// <summary>
/// FHIR R4 read of domestic-abuse flags for GP and hospital systems, by FHIR search with POST (preferred: the NHS
/// number travels in the form body, out of every URL a proxy or browser keeps)
/// <c>POST /fhir/Flag/_search</c> with <c>patient.identifier=https://fhir.nhs.uk/Id/nhs-number|{nhs}</c>, or by GET
/// <c>GET /fhir/Flag?patient.identifier=...</c>. The request log writes the path only (see ADR-011), and every read is
/// audited under the person's id. An emergency department's client (scope <c>health-flags:unscheduled-care</c>) reads any
/// child's flags and must say why each time in the search parameter <c>purpose</c> (in the POST body: it can name the
/// child); without it the search is refused with an OperationOutcome.
/// </summary>
public static class FlagEndpoints
{
    public const string NhsNumberSystem = "https://fhir.nhs.uk/Id/nhs-number";
    public const string UkCoreFlagProfile = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Flag";
    public const string FlagCodeSystem = "https://safeguarding-hub.example/fhir/CodeSystem/domestic-abuse-flag";
    public const string FhirJson = "application/fhir+json";
    /// <summary>The search parameter an emergency department gives its reason in (docs/domestic-abuse.md).</summary>
    public const string PurposeParameter = "purpose";

    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir();

    public static void MapFhirFlags(this WebApplication app)
    {
        app.MapGet("/fhir/Flag", SearchByGetAsync).DisableAntiforgery().ExcludeFromDescription().WithBodyLimit(RequestBodyLimits.None);
        // A search names one child: a few short parameters, never more than a small JSON post.
        app.MapPost("/fhir/Flag/_search", SearchByPostAsync).DisableAntiforgery().ExcludeFromDescription().WithBodyLimit(RequestBodyLimits.SmallJson);
    }

    private static Task<IResult> SearchByGetAsync(HttpContext http, CurrentActor current, HealthFlagRecords flags, CancellationToken ct) =>
        SearchAsync(http, http.Request.Query, current, flags, ct);

    /// <summary>FHIR search by POST: the parameters in an application/x-www-form-urlencoded body, none in the URL.</summary>
    private static async Task<IResult> SearchByPostAsync(HttpContext http, CurrentActor current, HealthFlagRecords flags, CancellationToken ct)
    {
        if (await RefusedAsync(http, await current.GetAsync(ct)) is { } refused) return refused;
        if (!http.Request.HasFormContentType)
            return Outcome(415, OperationOutcome.IssueType.NotSupported, "Send the search parameters as application/x-www-form-urlencoded.");
        if (http.Request.Query.Keys.Any(k => k != "_format"))
            return Outcome(400, OperationOutcome.IssueType.NotSupported, "Put the search parameters in the body, not the URL.");
        var form = await http.Request.ReadFormAsync(ct);
        return await SearchAsync(http, form.ToDictionary(f => f.Key, f => f.Value), current, flags, ct);
    }

    private static async Task<IResult> SearchAsync(HttpContext http, IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> parameters,
        CurrentActor current, HealthFlagRecords flags, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (await RefusedAsync(http, actor) is { } refused) return refused;

        var query = parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var unknown = query.Keys.Where(k => k is not ("patient.identifier" or "_format" or PurposeParameter)).ToList();
        if (unknown.Count > 0)
            return Outcome(400, OperationOutcome.IssueType.NotSupported, $"Search parameter {string.Join(", ", unknown)} is not supported; search by patient.identifier.");
        var given = query.GetValueOrDefault("patient.identifier");
        var identifier = given.ToString();
        var bar = identifier.IndexOf('|', StringComparison.Ordinal);
        if (given.Count != 1 || bar < 0 || identifier[..bar] != NhsNumberSystem)
            return Outcome(400, OperationOutcome.IssueType.Required, $"Give patient.identifier={NhsNumberSystem}|{{NHS number}}.");
        var nhsNumber = identifier[(bar + 1)..];
        if (!NhsNumber.IsValid(nhsNumber))
            return Outcome(400, OperationOutcome.IssueType.Value, "The NHS number is not valid (10 digits with a check digit).");

        var purpose = query.GetValueOrDefault(PurposeParameter);
        if (HealthFlagRecords.ReadsForUnscheduledCare(actor!) && (purpose.Count != 1 || string.IsNullOrWhiteSpace(purpose.ToString())))
            return Outcome(400, OperationOutcome.IssueType.Required,
                $"An emergency department reads a child's flags with a purpose: give {PurposeParameter}=(why, for this attendance), in the POST body.");
        if (purpose.ToString().Trim().Length > UnscheduledCareRead.MaxPurposeLength)
            return Outcome(400, OperationOutcome.IssueType.Value, $"Keep the {PurposeParameter} to {UnscheduledCareRead.MaxPurposeLength} characters.");

        var found = await flags.ForPatientAsync(new PatientFlagsOptions(nhsNumber, purpose.Count == 1 ? purpose.ToString() : null), await current.ProcessAsync(ct: ct), ct);
        // A patient who is not the client's, and one nobody knows, both give an empty bundle: no way to probe the index.
        var bundle = ToBundle(found.Allowed ? found : found with { Flags = [] }, nhsNumber, $"{http.Request.Scheme}://{http.Request.Host}");
        return Results.Content(JsonSerializer.Serialize(bundle, Json), FhirJson);
    }

    public static Bundle ToBundle(PatientFlags found, string nhsNumber, string baseUrl)
    {
        var bundle = new Bundle
        {
            Id = Guid.NewGuid().ToString(),
            Type = Bundle.BundleType.Searchset,
            Total = found.Flags.Count,
            Meta = new Meta { LastUpdated = DateTimeOffset.UtcNow },
        };
        foreach (var f in found.Flags)
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"{baseUrl}/fhir/Flag/{f.Id}",
                Resource = ToFlag(f, nhsNumber, found.ContactOf(f)),
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            });
        return bundle;
    }

    public static Flag ToFlag(HealthFlag f, string nhsNumber, Organisation? contact)
    {
        var (code, display) = f.Kind switch
        {
            HealthFlagKind.ChildAtRiskOfDomesticAbuse => ("child-at-risk-of-domestic-abuse", "Child at risk of domestic abuse"),
            _ => ("child-in-marac-household", "Child in a household with a high-risk domestic abuse victim (MARAC)"),
        };
        var contactOrg = new Hl7.Fhir.Model.Organization { Id = "contact", Name = f.ContactName };
        if (contact?.OdsCode is { } ods) contactOrg.Identifier.Add(new Identifier("https://fhir.nhs.uk/Id/ods-organization-code", ods));
        if (f.ContactTelephone is { } phone)
            contactOrg.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Work, phone));
        return new Flag
        {
            Id = f.Id.ToString(),
            Meta = new Meta { Profile = [UkCoreFlagProfile], LastUpdated = f.UpdatedAt.ToDateTimeOffset() },
            Contained = [contactOrg],
            Status = f.Status == HealthFlagStatus.Active ? Flag.FlagStatus.Active : Flag.FlagStatus.Inactive,
            Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/flag-category", "safety", "Safety")],
            Code = new CodeableConcept(FlagCodeSystem, code, display, display),
            Subject = new ResourceReference { Identifier = new Identifier(NhsNumberSystem, nhsNumber) },
            Period = new Period
            {
                Start = f.Start.ToDateTimeOffset().ToString("yyyy-MM-ddTHH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture),
                End = f.End?.ToDateTimeOffset().ToString("yyyy-MM-ddTHH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture),
            },
            // Who a clinician should call: the contained organisation carries the telephone number.
            Author = new ResourceReference("#contact", f.ContactName),
        };
    }

    /// <summary>
    /// Who may search, decided before any parameter is read; a refusal is audited like every other (Access/Refusals) and
    /// answered in FHIR's own shape.
    /// </summary>
    private static async Task<IResult?> RefusedAsync(HttpContext http, Actor? actor)
    {
        if (actor is null) return Outcome(401, OperationOutcome.IssueType.Login, "Authenticate as an API client.");
        if (actor.IsApiClient && actor.HasAny(Core.Platform.Access.Resource.HealthFlag, Operation.Read)) return null;
        await Refusals.DeniedAsync(http, nameof(Core.Platform.Access.Resource.HealthFlag), null,
            actor.IsApiClient ? "no scope grants Read on HealthFlag" : "FHIR is for API clients only");
        return Outcome(403, OperationOutcome.IssueType.Forbidden, "This client is not authorised to read flags (scope health-flags:read, or health-flags:unscheduled-care for an emergency department).");
    }

    private static IResult Outcome(int status, OperationOutcome.IssueType type, string message)
    {
        var outcome = new OperationOutcome
        {
            Issue = [new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Error, Code = type, Diagnostics = message }],
        };
        return Results.Content(JsonSerializer.Serialize(outcome, Json), FhirJson, statusCode: status);
    }
}
