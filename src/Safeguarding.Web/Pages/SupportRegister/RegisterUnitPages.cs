using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.SupportRegister;

/// <summary>
/// The register's remaining pages and their checks. The unit's pages (settings, reviews, children due a keyworker
/// referral) need the grant here and the whole register in the service, on GET as on POST. An entry's lead and keyworker
/// forms load the entry through its policy on GET and POST alike and refuse a reader who may not update it.
/// </summary>
public static class RegisterUnitPages
{
    public static void Apply(PageConventionCollection conventions)
    {
        foreach (var page in new[] { "Settings", "Reviews" })
            conventions.AddPageApplicationModelConvention($"/SupportRegister/{page}", m => m.Filters.Add(new RequirePermissionAttribute(Resource.SupportRegisterEntry, Operation.Update)));
        conventions.AddPageApplicationModelConvention("/SupportRegister/Keyworkers", m => m.Filters.Add(new RequirePermissionAttribute(Resource.SupportRegisterEntry, Operation.Read)));
        foreach (var page in new[] { "Lead", "KeyworkerReferral", "KeyworkerAllocated" })
            conventions.AddPageApplicationModelConvention($"/SupportRegister/{page}", m =>
            {
                m.Filters.Add(new RequirePermissionAttribute(Resource.SupportRegisterEntry, Operation.Read));
                m.Filters.Add(new SupportEntryFilter());
            });
    }
}
