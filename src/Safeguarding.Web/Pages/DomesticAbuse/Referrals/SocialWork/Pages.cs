using NodaTime;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Referrals.SocialWork;

/// <summary>Children's social work's queue of referrals from DRAMM triage.</summary>
public sealed class IndexModel(CurrentActor current, TriageReferrals referrals, IClock clock) : ReferralQueueModel(current, referrals, clock)
{
    public override TriageReferralService Service => TriageReferralService.ChildrensSocialWork;
    public override string Title => "Referrals to children's social work";
    public override string Path => "/domestic-abuse/referrals/social-work";
}

public sealed class ReferralModel(CurrentActor current, TriageReferrals referrals) : ReferralDecisionModel(current, referrals)
{
    public override string QueuePath => "/domestic-abuse/referrals/social-work";
}
