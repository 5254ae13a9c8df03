using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.Assurance.Report;

namespace Safeguarding.Core.Assurance;

public static class ReportModule
{
    /// <summary>The yearly report: its figure catalogue, drafting, editions and their sign-off.</summary>
    public static IServiceCollection AddYearlyReport(this IServiceCollection services) => services
        .AddScoped<FigureCatalogue>()
        .AddScoped<YearlyReports>();
}
