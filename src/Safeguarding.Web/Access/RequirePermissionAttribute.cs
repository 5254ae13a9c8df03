using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Web.Access;

/// <summary>
/// Server-side check that the signed-in actor holds a grant, attached per folder of pages (see
/// PageConventions) or per page. A denial is audited and answered with 403. A page open to two kinds of reader (the
/// MARAC page: those who work its cases, and those who read the partnership's figures) names a second grant that
/// also lets them in when held across the whole partnership (a school's own figures do not open the partnership's).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class RequirePermissionAttribute(Resource resource, Operation operation) : Attribute, IAsyncPageFilter, IOrderedFilter
{
    public RequirePermissionAttribute(Resource resource, Operation operation, Resource orResource, Operation orOperation) : this(resource, operation) =>
        Or = (orResource, orOperation);

    public Resource Resource { get; } = resource;
    public Operation Operation { get; } = operation;
    public (Resource Resource, Operation Operation)? Or { get; }
    public int Order => 0;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var services = context.HttpContext.RequestServices;
        var current = services.GetRequiredService<CurrentActor>();
        var actor = await current.GetAsync(context.HttpContext.RequestAborted);
        if (actor is null)
        {
            context.Result = new ChallengeResult();
            return;
        }
        var decision = AccessPolicy.Decide(actor, Resource, Operation);
        if (!decision.Allowed && Or is { } or && actor.Grants.Any(g => g.Resource == or.Resource && g.Operation == or.Operation && g.Scope == Scope.WholePartnership))
        {
            await next();
            return;
        }
        if (!decision.Allowed)
        {
            await Refusals.DeniedAsync(context.HttpContext, Resource.ToString(), null, decision.Reason);
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }
        await next();
    }
}
