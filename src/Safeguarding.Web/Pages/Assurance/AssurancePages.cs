using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using NodaTime;
using Safeguarding.Core.Assurance.Returns;
using Safeguarding.Core.Assurance.Structure;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance;

/// <summary>
/// The partnership's own business and its checks, attached per page (PageConventions calls <see cref="Apply"/>): the plan
/// and the training figures for the plan's keepers and the partnership's figures readers; the returns list for anyone who
/// reads returns (the sub-group all, an agency its own); asking for who asks; a request's summary through the service,
/// which refuses anyone but the sub-group; one agency's return loaded through the policy for that return on GET and POST alike.
/// </summary>
public static class AssurancePages
{
    public static void Apply(PageConventionCollection conventions)
    {
        conventions.AddPageApplicationModelConvention("/Assurance/Plan", m => m.Filters.Add(
            new RequirePermissionAttribute(Resource.PartnershipPlan, Operation.Read, Resource.AggregateFigures, Operation.Read)));
        conventions.AddPageApplicationModelConvention("/Assurance/Training", m => m.Filters.Add(
            new RequirePermissionAttribute(Resource.TrainingRecord, Operation.Read, Resource.AggregateFigures, Operation.Read)));
        conventions.AddFolderApplicationModelConvention("/Assurance/Returns", m => m.Filters.Add(new RequirePermissionAttribute(Resource.AssuranceReturn, Operation.Read)));
        conventions.AddPageApplicationModelConvention("/Assurance/Returns/Ask", m => m.Filters.Add(new RequirePermissionAttribute(Resource.AssuranceReturn, Operation.Create)));
        conventions.AddPageApplicationModelConvention("/Assurance/Returns/Request", m => m.Filters.Add(new RequestFilter()));
        conventions.AddPageApplicationModelConvention("/Assurance/Returns/Return", m => m.Filters.Add(new ReturnFilter()));
        // The keepers' forms: reading them needs the update grant too (the page is the form).
        conventions.AddPageApplicationModelConvention("/Assurance/PlanKeep", m => m.Filters.Add(new RequirePermissionAttribute(Resource.PartnershipPlan, Operation.Update)));
        conventions.AddPageApplicationModelConvention("/Assurance/TrainingKeep", m => m.Filters.Add(new RequirePermissionAttribute(Resource.TrainingRecord, Operation.Update)));
    }

    /// <summary>The reporting year asked for (<c>?year=2023</c> for 2023-24), or the last complete one.</summary>
    public static int YearFrom(HttpRequest request, IClock clock) =>
        int.TryParse(request.Query["year"], out var year) && year is >= 2000 and <= 2100
            ? year
            : PartnershipPlan.LastCompleteYear(clock.GetCurrentInstant().InZone(WorkingDays.London).Date);

    /// <summary>A refusal of bad input as the field's error (the service names the field), the message without the parameter's note.</summary>
    public static void AddError(ModelStateDictionary state, ArgumentException e) =>
        state.AddModelError(e.ParamName is { } p && !p.StartsWith("options", StringComparison.Ordinal) ? p : "", e.Message.Split(" (Parameter")[0]);

    public static string Describe(ReturnStatus status) => status switch
    {
        ReturnStatus.NotStarted => "Not started",
        ReturnStatus.Draft => "Draft",
        ReturnStatus.Submitted => "Submitted",
        _ => "Closed",
    };

    public static string Describe(ActionStatus status) => status switch
    {
        ActionStatus.NotStarted => "Not started",
        ActionStatus.InProgress => "In progress",
        ActionStatus.Done => "Done",
        _ => "Did not progress",
    };

    /// <summary>
    /// A service's refusal of one form's input, on that form's field (<c>Form.Field</c>) when the service names one of its
    /// fields, else on <paramref name="fallback"/>: a page with several forms shows the error beside the right box.
    /// </summary>
    public static void AddFormError(ModelStateDictionary state, string form, ArgumentException e, string fallback, params string[] fields) =>
        state.AddModelError($"{form}.{(e.ParamName is { } p && fields.Contains(p) ? p : fallback)}", e.Message.Split(" (Parameter")[0]);

    /// <summary>A whole number typed in a box, or null.</summary>
    public static int? Number(string? text) => int.TryParse(text?.Trim().Replace(",", "", StringComparison.Ordinal), out var n) ? n : null;

    public static string TagClass(ActionStatus status) => status switch
    {
        ActionStatus.Done => "govuk-tag--green",
        ActionStatus.DidNotProgress => "govuk-tag--red",
        ActionStatus.InProgress => "govuk-tag--blue",
        _ => "govuk-tag--grey",
    };
}

/// <summary>A request's summary, for the sub-group only (the service refuses anyone else; the read is audited).</summary>
public sealed class RequestFilter : LoadRecordFilter<RequestSummary>
{
    protected override string ResourceType => "AssuranceReturnRequest";

    protected override Task<RequestSummary?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<AssuranceReturns>().SummaryAsync(id, process, ct);
}

/// <summary>One agency's return, for its own agency or the sub-group (checked by the policy on the return; audited), on GET and POST alike.</summary>
public sealed class ReturnFilter : LoadRecordFilter<ReturnView>
{
    protected override string ResourceType => AssuranceReturns.ResourceType;

    protected override Task<ReturnView?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<AssuranceReturns>().OpenAsync(id, process, ct);
}
