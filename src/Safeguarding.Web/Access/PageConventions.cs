using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;
using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Web.Access;

/// <summary>
/// Access checks attached per folder of pages, so that no page in a folder can forget them. Pages that
/// change things add their own stricter [RequirePermission] on top.
/// </summary>
public static class PageConventions
{
    public static void Apply(PageConventionCollection conventions)
    {
        Require(conventions, "/Admin/Organisations", Resource.Organisation, Operation.Read);
        Require(conventions, "/Admin/Users", Resource.User, Operation.Read);
        Require(conventions, "/Admin/Roles", Resource.User, Operation.Read);
        Require(conventions, "/Admin/ApiClients", Resource.ApiClient, Operation.Read);
        Require(conventions, "/Admin/Linkage", Resource.LinkageSettings, Operation.Read);
        Require(conventions, "/People", Resource.Person, Operation.Read);
        Require(conventions, "/HeldLinks", Resource.HeldLink, Operation.Review);
        Require(conventions, "/Audit", Resource.AuditTrail, Operation.Read);
        Require(conventions, "/Learners/Figures", Resource.AggregateFigures, Operation.Read);
        Require(conventions, "/Learners/Children", Resource.Attendance, Operation.Read);
        Load<Pages.Learners.Children.ChildAttendanceFilter>(conventions, "/Learners/Children/Child");
        Require(conventions, "/Learners/Population", Resource.AggregateFigures, Operation.Update);
        Require(conventions, "/Admin/Deliveries", Resource.Deliveries, Operation.Read);
        Require(conventions, "/DomesticAbuse/Encompass/Inbox", Resource.EncompassNotification, Operation.Read);
        Require(conventions, "/DomesticAbuse/Encompass/PhoneTheSchool", Resource.EncompassNotification, Operation.Review);
        Require(conventions, "/DomesticAbuse/Encompass/Timeliness", Resource.AggregateFigures, Operation.Read);
        Require(conventions, "/DomesticAbuse/Dash", Resource.RiskAssessment, Operation.Create);
        Require(conventions, "/DomesticAbuse/Dramm", Resource.RiskAssessment, Operation.Read);
        // The MARAC page is also the partnership's MARAC volume: open to those who read the figures (issue 12).
        conventions.AddFolderApplicationModelConvention("/DomesticAbuse/Marac", model => model.Filters.Add(
            new RequirePermissionAttribute(Resource.MaracReferral, Operation.Read, Resource.AggregateFigures, Operation.Read)));
        Require(conventions, "/DomesticAbuse/MaracReferral", Resource.MaracReferral, Operation.Create);
        Require(conventions, "/DomesticAbuse/Referrals/SocialWork", Resource.ChildrensSocialWorkReferral, Operation.Update);
        Require(conventions, "/DomesticAbuse/Referrals/Idva", Resource.IdvaReferral, Operation.Update);
        Require(conventions, "/Meetings", Resource.Meeting, Operation.Read);
        Require(conventions, "/Admin/Quarantine", Resource.Quarantine, Operation.Read);
        Require(conventions, "/Learners/Rolls", Resource.PupilRoll, Operation.Read);
        Require(conventions, "/Calendars", Resource.SchoolCalendar, Operation.Read);
        Require(conventions, "/Admin/Webhooks", Resource.Deliveries, Operation.Read);
        Require(conventions, "/Admin/Settings", Resource.PartnershipSettings, Operation.Read);
        Require(conventions, "/DomesticAbuse/SafetyPlans", Resource.SafetyPlan, Operation.Read);
        Require(conventions, "/DomesticAbuse/SafetyPlanFigures", Resource.AggregateFigures, Operation.Read);
        // PIM: the intelligence pages, and who holds a child.
        Require(conventions, "/Exploitation/Intelligence", Resource.IntelligenceItem, Operation.Read);
        LoadForPage<Pages.Exploitation.Intelligence.IntelligenceItemFilter>(conventions, "/Exploitation/Intelligence/Item");
        LoadForPage<Pages.People.ChildAllocationsFilter>(conventions, "/People/Allocation");
        // Exploitation: missing episodes (the upload page adds Create, the settings page PartnershipSettings Update) and Silver and Gold's report.
        Require(conventions, "/Exploitation/Missing", Resource.MissingEpisode, Operation.Read);
        Require(conventions, "/Exploitation/LineOfSight", Resource.AggregateFigures, Operation.Read);
        // Police serious violence incidents (the force's file) and Project Shield's figures (issue 14, shield-figures).
        Require(conventions, "/Exploitation/ViolenceIncidents", Resource.ViolenceIncident, Operation.Create);
        Require(conventions, "/Exploitation/ShieldFigures", Resource.AggregateFigures, Operation.Read);
        // Contexts, persons of concern and the link map (issue 13, exploitation-contexts); the map's figures are for analysts too.
        Require(conventions, "/Exploitation/Contexts", Resource.ExploitationContext, Operation.Read);
        Require(conventions, "/Exploitation/Themes", Resource.ExploitationContext, Operation.Read);
        Require(conventions, "/Exploitation/Concern", Resource.PersonOfConcern, Operation.Read);
        // ROTH conferences and NRM referrals (their create pages add Create).
        Require(conventions, "/Exploitation/Roth", Resource.RothCase, Operation.Read);
        Require(conventions, "/Exploitation/Nrm", Resource.NrmReferral, Operation.Read);
        conventions.AddFolderApplicationModelConvention("/Exploitation/Map", model => model.Filters.Add(
            new RequirePermissionAttribute(Resource.LinkMap, Operation.Read, Resource.AggregateFigures, Operation.Read)));
        LoadForPage<Pages.Exploitation.Contexts.ContextFilter>(conventions, "/Exploitation/Contexts/Context");
        // Under-18 maternity bookings' screening and the YOI's release plans (issue 14, pregnancy-yoi).
        Require(conventions, "/Exploitation/Maternity", Resource.MaternityBooking, Operation.Read);
        LoadForPage<Pages.Exploitation.Maternity.MaternityBookingFilter>(conventions, "/Exploitation/Maternity/Booking");
        Require(conventions, "/Exploitation/Resettlement", Resource.Meeting, Operation.Read);
        LoadForPage<Pages.Exploitation.Resettlement.ReleasePlanFilter>(conventions, "/Exploitation/Resettlement/Plan");

        LoadForPage<Pages.People.PersonFilter>(conventions, "/People/Record");
        LoadForPage<Pages.People.PersonFilter>(conventions, "/People/RecordChronology");
        LoadForPage<Pages.People.PersonFilter>(conventions, "/DomesticAbuse/MaracReferral/Person");
        LoadForPage<Pages.People.BreakGlassTargetFilter>(conventions, "/People/BreakGlass");
        LoadForPage<Pages.People.ChildProtectionPlansFilter>(conventions, "/People/ChildProtectionPlan");
        LoadForPage<Pages.People.PersonMergeFilter>(conventions, "/People/Unmerge");
        LoadForPage<Pages.People.MatchToDecideFilter>(conventions, "/People/Review/Decide");
        LoadForPage<Pages.HeldLinks.HeldLinkFilter>(conventions, "/HeldLinks/Decide");
        LoadForPage<Pages.Admin.Quarantine.QuarantinedRecordFilter>(conventions, "/Admin/Quarantine/Record");
        LoadForPage<Pages.Admin.Organisations.OrganisationFilter>(conventions, "/Admin/Organisations/Edit");
        LoadForPage<Pages.DomesticAbuse.Encompass.Inbox.NotificationFilter>(conventions, "/DomesticAbuse/Encompass/Inbox/Notification");
        foreach (var page in new[] { "Question", "CheckAnswers", "Child", "Done" })
            LoadForPage<Pages.DomesticAbuse.Dash.AssessmentFilter>(conventions, $"/DomesticAbuse/Dash/{page}");
        LoadForPage<Pages.DomesticAbuse.Dash.IncidentFilter>(conventions, "/DomesticAbuse/Dash/Start");
        LoadForPage<Pages.DomesticAbuse.Dramm.TriageCaseFilter>(conventions, "/DomesticAbuse/Dramm/Triage");
        foreach (var service in new[] { "SocialWork", "Idva" })
            LoadForPage<Pages.DomesticAbuse.Referrals.TriageReferralFilter>(conventions, $"/DomesticAbuse/Referrals/{service}/Referral");
        LoadForPage<Pages.DomesticAbuse.Dramm.IncidentCaseFilter>(conventions, "/DomesticAbuse/Dramm/Incident");
        LoadForPage<Pages.Meetings.MeetingFilter>(conventions, "/Meetings/Meeting");
        LoadForPage<Pages.Meetings.InvitationFilter>(conventions, "/Meetings/Invitation");
        LoadForPage<Pages.DomesticAbuse.SafetyPlans.SafetyPlanFilter>(conventions, "/DomesticAbuse/SafetyPlans/Plan");
        LoadForPage<Pages.Meetings.MinutesFilter>(conventions, "/Meetings/Minutes");
        LoadForPage<Pages.Exploitation.Missing.MissingEpisodeFilter>(conventions, "/Exploitation/Missing/Episode");
        Pages.Exploitation.Mace.MacePages.Apply(conventions);
        // The ward's self-assessment and the A&E Navigator (issue 14, ed-navigator).
        Pages.Health.Ward.SelfAssessmentPages.Apply(conventions);
        Pages.Exploitation.Navigator.NavigatorPages.Apply(conventions);
        Pages.Exploitation.Shield.ShieldPages.Apply(conventions);
        Pages.Exploitation.Roth.RothPages.Apply(conventions);
        // The Dynamic Support Register (issue 15).
        Pages.SupportRegister.SupportRegisterPages.Apply(conventions);
        Pages.SupportRegister.CetrPages.Apply(conventions);
        Pages.SupportRegister.RegisterUnitPages.Apply(conventions);
        // Its monthly figures: for the complex-needs unit and the partnership's figures readers (the service refuses anyone else, a lead practitioner or a school).
        conventions.AddFolderApplicationModelConvention("/SupportRegisterFigures", model => model.Filters.Add(
            new RequirePermissionAttribute(Resource.SupportRegisterEntry, Operation.Read, Resource.AggregateFigures, Operation.Read)));
        // The emergency department's record and the education signposting it raises (issue 14, ed-record).
        Require(conventions, "/Health/EdAttendances", Resource.EdAttendance, Operation.Read);
        LoadForPage<Pages.Health.EdAttendances.EdAttendanceFilter>(conventions, "/Health/EdAttendances/Attendance");
        Require(conventions, "/Learners/Signposting", Resource.EducationSignposting, Operation.Read);
        LoadForPage<Pages.Learners.Signposting.SignpostingFilter>(conventions, "/Learners/Signposting/Entry");
        Require(conventions, "/Learners/RollDifferences", Resource.EducationSignposting, Operation.Read);
        LoadForPage<Pages.Learners.RollDifferences.RollDifferenceFilter>(conventions, "/Learners/RollDifferences/Difference");
        // The partnership's own business (issue 16): its plan, assurance returns and training figures.
        Pages.Assurance.AssurancePages.Apply(conventions);
        // The Front Door's contacts, decisions and assessments, and the referrer's view (issue 16).
        Pages.FrontDoor.FrontDoorPages.Apply(conventions);
        // Case audits, practice reviews and the children's voice (issue 16).
        Pages.Assurance.AssuranceReviewPages.Apply(conventions);
        // The yearly report (issue 16).
        Pages.Assurance.Report.ReportPages.Apply(conventions);
        // The sub-groups and their chairs (issue 16).
        Pages.Assurance.SubGroups.SubGroupPages.Apply(conventions);
    }

    /// <summary>Every page of the folder gets its record loaded and checked by <typeparamref name="TFilter"/>.</summary>
    private static void Load<TFilter>(PageConventionCollection conventions, string folder) where TFilter : IFilterMetadata, new() =>
        conventions.AddFolderApplicationModelConvention(folder, model => model.Filters.Add(new TFilter()));

    /// <summary>
    /// One page gets its record loaded and checked by <typeparamref name="TFilter"/>: for a page that shares its folder
    /// with pages acting on no one record (a list, a start page).
    /// </summary>
    private static void LoadForPage<TFilter>(PageConventionCollection conventions, string page) where TFilter : IFilterMetadata, new() =>
        conventions.AddPageApplicationModelConvention(page, model => model.Filters.Add(new TFilter()));

    private static void Require(PageConventionCollection conventions, string folder, Resource resource, Operation operation) =>
        conventions.AddFolderApplicationModelConvention(folder, model => model.Filters.Add(new RequirePermissionAttribute(resource, operation)));
}
