namespace Safeguarding.Core.DomesticAbuse.Encompass;

/// <summary>The partnership's choices for Operation Encompass.</summary>
public sealed class EncompassSettings
{
    public Guid PartnershipId { get; set; }
    /// <summary>The council organisation whose EHE and CME leads are told about home-educated and missing children.</summary>
    public Guid? CouncilOrganisationId { get; set; }
    /// <summary>Whether nurseries and early-years settings are told too (outside the statutory duty).</summary>
    public bool NotifyEarlyYears { get; set; }
    /// <summary>Who a setting contacts about a notification, as shown in it.</summary>
    public string ContactName { get; set; } = "Police domestic abuse team";
    public string ContactDetails { get; set; } = "Through the Front Door";
    /// <summary>
    /// Minutes after a notification's deadline passes unacknowledged before the Front Door is asked to phone the setting
    /// (0: as soon as it passes). Never before the deadline: the setting has until then.
    /// </summary>
    public int PhoneTheSchoolDelayMinutes { get; set; }
}
