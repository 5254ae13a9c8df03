using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using NodaTime;
using Safeguarding.Core.Assurance.CaseAudits;
using Safeguarding.Core.Assurance.PracticeReviews;
using Safeguarding.Core.Assurance.Voice;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance;

/// <summary>
/// Case audits, practice reviews and the voice: each page's permission, and the record filters of the pages that act on
/// one audit, case or review (loaded through the policy on GET and POST alike). PageConventions calls <see cref="Apply"/>.
/// </summary>
public static class AssuranceReviewPages
{
    public static void Apply(PageConventionCollection conventions)
    {
        conventions.AddPageApplicationModelConvention("/Assurance/CaseAudits/Index", m => m.Filters.Add(new RequirePermissionAttribute(Resource.CaseAudit, Operation.Read)));
        conventions.AddPageApplicationModelConvention("/Assurance/CaseAudits/New", m => m.Filters.Add(new RequirePermissionAttribute(Resource.CaseAudit, Operation.Create)));
        conventions.AddPageApplicationModelConvention("/Assurance/CaseAudits/Audit", m =>
        {
            m.Filters.Add(new RequirePermissionAttribute(Resource.CaseAudit, Operation.Read));
            m.Filters.Add(new CaseAudits.AuditFilter());
        });
        conventions.AddPageApplicationModelConvention("/Assurance/CaseAudits/Case", m =>
        {
            m.Filters.Add(new RequirePermissionAttribute(Resource.CaseAudit, Operation.Read));
            m.Filters.Add(new CaseAudits.AuditedCaseFilter());
        });
        conventions.AddPageApplicationModelConvention("/Assurance/PracticeReviews/Index", m => m.Filters.Add(new RequirePermissionAttribute(Resource.PracticeReview, Operation.Read)));
        conventions.AddPageApplicationModelConvention("/Assurance/PracticeReviews/New", m => m.Filters.Add(new RequirePermissionAttribute(Resource.PracticeReview, Operation.Create)));
        conventions.AddPageApplicationModelConvention("/Assurance/PracticeReviews/Review", m =>
        {
            m.Filters.Add(new RequirePermissionAttribute(Resource.PracticeReview, Operation.Read));
            m.Filters.Add(new PracticeReviews.ReviewFilter());
        });
        conventions.AddPageApplicationModelConvention("/Assurance/Voice/Index", m => m.Filters.Add(new RequirePermissionAttribute(Resource.VoiceFeedback, Operation.Read)));
        conventions.AddPageApplicationModelConvention("/Assurance/Voice/New", m => m.Filters.Add(new RequirePermissionAttribute(Resource.VoiceFeedback, Operation.Create)));
    }

    /// <summary>A date from a GOV.UK date input, or an error on the field (and null).</summary>
    public static LocalDate? Date(ModelStateDictionary state, string field, DateParts parts, string what)
    {
        var date = parts.ToDate();
        if (date is null) state.AddModelError(field, parts.IsEmpty ? $"Enter {what}" : "Enter a real date, like 27 3 2027");
        return date;
    }

    /// <summary>A service's refusal of bad input, in the words of the GOV.UK error summary.</summary>
    public static string Message(Exception e) => e.Message.Split(" (Parameter")[0].TrimEnd('.');

    public static string Describe(SampleCriteria criteria) => criteria switch
    {
        SampleCriteria.MaracCasesWithChildren => "MARAC cases heard in the period with children in the household",
        _ => "Children on the Dynamic Support Register rated red in the period",
    };

    public static string Describe(CaseGrade grade) => grade switch
    {
        CaseGrade.Outstanding => "Outstanding",
        CaseGrade.Good => "Good",
        CaseGrade.RequiresImprovement => "Requires improvement",
        _ => "Inadequate",
    };

    public static string Describe(ReviewDecision decision) => decision switch
    {
        ReviewDecision.LocalReview => "A local child safeguarding practice review",
        ReviewDecision.NationalReview => "A national review by the panel",
        _ => "No further review",
    };

    public static string Describe(RecommendationStatus status) => status switch
    {
        RecommendationStatus.NotStarted => "Not started",
        RecommendationStatus.InProgress => "In progress",
        _ => "Done",
    };

    public static string Describe(VoiceSource source) => source switch
    {
        VoiceSource.AssessmentOrPlan => "The child's voice in an assessment or plan",
        VoiceSource.Project => "Young people's feedback from a project",
        _ => "A feedback form",
    };
}
