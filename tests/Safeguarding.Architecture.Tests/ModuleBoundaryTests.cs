using System.Reflection;
using System.Runtime.CompilerServices;
using NetArchTest.Rules;
using Safeguarding.Core.Data;

namespace Safeguarding.Architecture.Tests;

/// <summary>
/// Modules are folders and namespaces in one assembly, so the compiler cannot keep them apart: these
/// tests do. A module may use another module's public types, never its internal ones, and Core never
/// depends on a host.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private static readonly Assembly Core = typeof(SafeguardingDbContext).Assembly;

    // The modules of ARCHITECTURE.md. Data (the one DbContext) and Demo (the demo generator) serve all of them.
    public static readonly TheoryData<string> Modules = new()
    {
        "Platform", "People", "Meetings", "DomesticAbuse", "Exploitation", "Learners", "SupportRegister", "Assurance",
    };

    private static string Namespace(string module) => $"Safeguarding.Core.{module}";

    private static string[] InternalTypesOf(string module) =>
        Core.GetTypes()
            .Where(t => t.Namespace?.StartsWith(Namespace(module), StringComparison.Ordinal) == true)
            .Where(t => !t.IsVisible && t.GetCustomAttribute<CompilerGeneratedAttribute>() is null && !t.Name.Contains('<', StringComparison.Ordinal))
            .Select(t => t.FullName!.Replace('+', '/'))
            .ToArray();

    [Theory, MemberData(nameof(Modules))]
    public void A_module_uses_no_internal_type_of_another_module(string module)
    {
        var othersInternals = Modules.Select(row => (string)((ITheoryDataRow)row).GetData()[0]!)
            .Where(m => m != module)
            .SelectMany(InternalTypesOf)
            .ToArray();
        if (othersInternals.Length == 0) return;

        var result = Types.InAssembly(Core).That().ResideInNamespace(Namespace(module))
            .ShouldNot().HaveDependencyOnAny(othersInternals)
            .GetResult();

        Assert.True(result.IsSuccessful, $"{module} reaches into another module's internals: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void The_dependency_check_sees_a_real_dependency_between_modules()
    {
        // A control: People does use Platform's public types, so a rule forbidding that must fail. If this
        // passed vacuously, the boundary rule above could not fail either.
        var result = Types.InAssembly(Core).That().ResideInNamespace(Namespace("People"))
            .ShouldNot().HaveDependencyOn(Namespace("Platform"))
            .GetResult();

        Assert.False(result.IsSuccessful);
    }

    [Fact]
    public void Core_does_not_depend_on_the_hosts_or_on_aspnet_core_web()
    {
        var result = Types.InAssembly(Core)
            .ShouldNot().HaveDependencyOnAny("Safeguarding.Web", "Safeguarding.Cli", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Mvc", "Spectre.Console", "System.CommandLine")
            .GetResult();

        Assert.True(result.IsSuccessful, $"Core depends on a host: {string.Join(", ", result.FailingTypeNames ?? [])}");
        Assert.DoesNotContain(Core.GetReferencedAssemblies(), a => a.Name is "Safeguarding.Web" or "safeguard");
    }

    [Fact]
    public void Linkage_is_a_plain_library_without_ef_core_aspnet_or_core()
    {
        var linkage = typeof(Safeguarding.Linkage.Linker).Assembly;
        var result = Types.InAssembly(linkage)
            .ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Safeguarding.Core", "Safeguarding.Web", "Safeguarding.Cli", "Npgsql", "Microsoft.Data.Sqlite")
            .GetResult();

        Assert.True(result.IsSuccessful, $"Linkage depends on: {string.Join(", ", result.FailingTypeNames ?? [])}");
        Assert.DoesNotContain(linkage.GetReferencedAssemblies(), a =>
            a.Name!.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || a.Name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || a.Name is "Safeguarding.Core" or "Safeguarding.Web" or "safeguard");
    }

    [Fact]
    public void Pages_and_endpoints_do_not_write_without_the_dbcontext_process_context()
    {
        // Every write goes through SafeguardingDbContext.SaveChangesAsync, which refuses a write without a
        // process context. A raw ADO.NET connection in a host would step around the audit trail.
        var web = typeof(Safeguarding.Web.Hosting.HostSetup).Assembly;
        var result = Types.InAssembly(web)
            .ShouldNot().HaveDependencyOnAny("Microsoft.Data.Sqlite.SqliteCommand", "Npgsql.NpgsqlCommand", "System.Data.Common.DbCommand")
            .GetResult();

        Assert.True(result.IsSuccessful, $"Raw database commands in the web host: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }
}
