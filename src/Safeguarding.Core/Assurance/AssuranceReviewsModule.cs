using Microsoft.Extensions.DependencyInjection;

namespace Safeguarding.Core.Assurance;

public static class AssuranceReviewsModule
{
    /// <summary>Multi-agency case audits, child safeguarding practice reviews, the children's voice, and their figures for the yearly report.</summary>
    public static IServiceCollection AddAssuranceReviews(this IServiceCollection services) => services
        .AddScoped<CaseAudits.CaseAudits>()
        .AddScoped<PracticeReviews.PracticeReviews>()
        .AddScoped<Voice.VoiceFeedbacks>()
        .AddScoped<AssuranceReviewFigures>();
}
