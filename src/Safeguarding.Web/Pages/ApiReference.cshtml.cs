using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguarding.Web.Pages;

/// <summary>A readable list of the API's endpoints, from the same descriptions as /openapi/v1.json.</summary>
public sealed class ApiReferenceModel(IApiDescriptionGroupCollectionProvider descriptions) : PageModel
{
    public sealed record Endpoint(string Method, string Path, string Summary, IReadOnlyList<int> Statuses);

    public List<Endpoint> Endpoints { get; private set; } = [];

    public void OnGet() =>
        Endpoints = descriptions.ApiDescriptionGroups.Items.SelectMany(g => g.Items)
            .Where(d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
            .Select(d => new Endpoint(d.HttpMethod ?? "GET", "/" + d.RelativePath,
                d.ActionDescriptor.EndpointMetadata.OfType<IEndpointSummaryMetadata>().FirstOrDefault()?.Summary ?? "",
                d.SupportedResponseTypes.Select(r => r.StatusCode).Distinct().Order().ToList()))
            .OrderBy(e => e.Path).ThenBy(e => e.Method)
            .ToList();
}
