using Safeguarding.Core.Platform;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.SupportRegister;

/// <summary>What the C(E)TR forms share: the entry's record checked for update, one C(E)TR or admission of it, a service message.</summary>
public static class CetrForms
{
    /// <summary>The entry's C(E)TR record, for one who may update the entry and reads it in full (the unit, the lead): on GET as on POST.</summary>
    public static EntryCetrsView Record(HttpContext http)
    {
        CetrPages.Updatable(http);
        return http.Loaded<EntryCetrsView>();
    }

    /// <summary>The entry's C(E)TR named by the query; another entry's or none is not found.</summary>
    public static CetrView Cetr(EntryCetrsView record, Guid cetrId) =>
        record.Cetrs.FirstOrDefault(c => c.Id == cetrId) ?? throw new NotFoundException(Cetrs.ResourceType, cetrId.ToString());

    /// <summary>The entry's admission named by the query; another entry's or none is not found.</summary>
    public static AdmissionView Admission(EntryCetrsView record, Guid admissionId) =>
        record.Admissions.FirstOrDefault(a => a.Id == admissionId) ?? throw new NotFoundException(nameof(Core.SupportRegister.Admission), admissionId.ToString());

    /// <summary>The service's reason, without the parameter name .NET appends.</summary>
    public static string Message(Exception e) => e.Message.Split(" (Parameter")[0];
}
