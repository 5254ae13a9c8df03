using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance.Report;

/// <summary>
/// The yearly report's pages and their checks (PageConventions calls <see cref="Apply"/>): the list and the editions need
/// Read on the report; starting a report Create; the draft Update across the partnership (the business manager); a section Update, as the business manager or the chair of its sub-group; signing an
/// edition off Review (a lead partner). Each page that names a report or an edition loads it through the service, which
/// refuses one of another partnership, on GET and POST alike.
/// </summary>
public static class ReportPages
{
    public static void Apply(PageConventionCollection conventions)
    {
        void Page(string page, Operation operation, params IFilterMetadata[] filters) =>
            conventions.AddPageApplicationModelConvention($"/Assurance/Report/{page}", m =>
            {
                m.Filters.Add(new RequirePermissionAttribute(Resource.YearlyReport, operation));
                foreach (var filter in filters) m.Filters.Add(filter);
            });
        Page("Index", Operation.Read);
        Page("New", Operation.Create);
        Page("Draft", Operation.Update, new DraftFilter());
        // A section for its writer: the business manager, or the chair of the sub-group the section belongs to (YearlyReports decides which).
        Page("Section", Operation.Update, new WriterFilter());
        Page("Sections", Operation.Update);
        Page("Edition", Operation.Read, new EditionFilter());
        Page("SignOff", Operation.Review, new EditionFilter());
    }
}
