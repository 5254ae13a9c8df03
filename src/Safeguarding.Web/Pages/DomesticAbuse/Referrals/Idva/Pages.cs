using NodaTime;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Referrals.Idva;

/// <summary>The IDVA service's queue of cases DRAMM triage allocated to it.</summary>
public sealed class IndexModel(CurrentActor current, TriageReferrals referrals, IClock clock) : ReferralQueueModel(current, referrals, clock)
{
    public override TriageReferralService Service => TriageReferralService.Idva;
    public override string Title => "Cases allocated to your IDVA service";
    public override string Path => "/domestic-abuse/referrals/idva";
}

public sealed class ReferralModel(CurrentActor current, TriageReferrals referrals) : ReferralDecisionModel(current, referrals)
{
    public override string QueuePath => "/domestic-abuse/referrals/idva";
}
