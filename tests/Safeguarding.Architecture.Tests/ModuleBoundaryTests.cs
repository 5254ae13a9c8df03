using Mono.Cecil;
using NetArchTest.Rules;
using Safeguarding.Core.Data;
using static Safeguarding.Architecture.Tests.ModuleBorders;

namespace Safeguarding.Architecture.Tests;

/// <summary>
/// Modules are folders and namespaces in one assembly, so the compiler cannot keep them apart: these tests do, by the
/// table in <see cref="ModuleBorders"/>. A module uses only the modules it is declared to use (any type, public or
/// internal, any way: see <see cref="References"/>), reads only their sets of the DbContext, and never another module's
/// internal types; Core never depends on a host.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private static readonly Lazy<ModuleDefinition> Core = new(() => References.Read(typeof(SafeguardingDbContext).Assembly.Location));
    private static readonly Lazy<ModuleDefinition> ControlCase = new(() => References.Read(typeof(ModuleBoundaryTests).Assembly.Location));

    public static readonly TheoryData<string> DeclaredModules = [.. ModuleBorders.Modules];

    /// <summary>One type's uses of a type in a module it may not use, with where (the first few places).</summary>
    private sealed record Crossing(string From, string FromModule, string To, string ToModule, IReadOnlyList<string> Where)
    {
        public override string ToString() =>
            $"{From} ({FromModule}) uses {To} ({ToModule}) in {string.Join(", ", Where.Take(3))}{(Where.Count > 3 ? ", ..." : "")}";
    }

    /// <summary>Each use of a module that the table does not allow.</summary>
    private static List<Crossing> Crossings(ModuleDefinition assembly, string? module = null) =>
        [.. References.Of(assembly)
            .Select(r => (r, From: PartOf(References.NamespaceOf(r.From)), To: PartOf(References.NamespaceOf(r.To))))
            .Where(x => x.From is not null && x.To is not null && (module is null || x.From == module) && !MayUse(x.From, x.To))
            .GroupBy(x => (From: References.NameOf(x.r.From), FromModule: x.From!, To: References.NameOf(x.r.To), ToModule: x.To!))
            .Select(g => new Crossing(g.Key.From, g.Key.FromModule, g.Key.To, g.Key.ToModule, [.. g.Select(x => x.r.Where).Distinct()]))
            .OrderBy(c => c.From, StringComparer.Ordinal).ThenBy(c => c.To, StringComparer.Ordinal)];

    /// <summary>Each read of a set whose entities belong to a module the reader may not use.</summary>
    private static List<string> ForbiddenReads(ModuleDefinition assembly, string? module = null) =>
        [.. References.SetReadsOf(assembly)
            .Select(r => (r, From: PartOf(References.NamespaceOf(r.From)), Owner: PartOf(References.NamespaceOf(r.Entity))))
            .Where(x => x.From is not null && x.Owner is not null && (module is null || x.From == module) && !MayRead(x.From, x.Owner))
            .Select(x => $"{References.NameOf(x.r.From)} ({x.From}) reads {x.Owner}'s set {x.r.Set} in {x.r.Where}")
            .Distinct().Order(StringComparer.Ordinal)];

    private static string Listed<T>(IEnumerable<T> lines) => string.Join(Environment.NewLine, lines.Take(40));

    [Theory, MemberData(nameof(DeclaredModules))]
    public void A_module_uses_only_the_modules_it_is_declared_to_use(string module)
    {
        var crossings = Crossings(Core.Value, module);
        Assert.True(crossings.Count == 0, $"{module} uses modules it is not declared to use ({crossings.Count}):{Environment.NewLine}{Listed(crossings)}");
    }

    [Theory, MemberData(nameof(DeclaredModules))]
    public void A_module_reads_only_the_sets_of_the_modules_it_may_use(string module)
    {
        var reads = ForbiddenReads(Core.Value, module);
        Assert.True(reads.Count == 0, $"{module} reads sets of modules it may not use:{Environment.NewLine}{Listed(reads)}");
    }

    [Theory, MemberData(nameof(DeclaredModules))]
    public void A_module_uses_no_internal_type_of_another_module(string module)
    {
        var internals = References.Of(Core.Value)
            .Where(r => PartOf(References.NamespaceOf(r.From)) == module)
            .Select(r => (r, To: PartOf(References.NamespaceOf(r.To))))
            .Where(x => x.To is not null && x.To != module && ModuleBorders.Modules.Contains(x.To) && !IsVisible(x.r.To.Resolve()))
            .Select(x => $"{References.NameOf(x.r.From)} uses {References.NameOf(x.r.To)} in {x.r.Where}")
            .Distinct().ToList();
        Assert.True(internals.Count == 0, $"{module} reaches into another module's internals:{Environment.NewLine}{Listed(internals)}");
    }

    private static bool IsVisible(TypeDefinition? type) =>
        type is null || (type.IsPublic || type.IsNestedPublic) && (type.DeclaringType is null || IsVisible(type.DeclaringType));

    [Fact]
    public void Every_namespace_of_core_is_a_declared_module_or_composition_root()
    {
        // A new module's folder fails here until its line is added to the table, rather than passing unchecked.
        var undeclared = Core.Value.Types.Select(t => PartOf(t.Namespace)).OfType<string>().Distinct().Where(p => !IsDeclared(p)).ToList();
        Assert.True(undeclared.Count == 0, $"Not in the module table: {string.Join(", ", undeclared)}");
    }

    [Fact]
    public void Every_declared_use_is_a_real_one()
    {
        // The table allows no more than the code needs: a line that nothing uses is taken out. This also shows the
        // reader sees real uses across modules in Core, so the border tests above cannot pass for seeing nothing.
        var used = References.Of(Core.Value)
            .Select(r => (From: PartOf(References.NamespaceOf(r.From)), To: PartOf(References.NamespaceOf(r.To))))
            .ToHashSet();
        var unused = Uses.SelectMany(u => u.Value.Select(to => (From: (string?)u.Key, To: (string?)to))).Where(u => !used.Contains(u)).ToList();
        Assert.True(unused.Count == 0, $"Declared but not used: {string.Join(", ", unused.Select(u => $"{u.From} uses {u.To}"))}");
    }

    [Fact]
    public void The_checker_flags_a_module_using_one_it_may_not_in_each_way_a_type_can_use_another()
    {
        // The control case: BorderControl.cs puts a type in Platform (which may use no module) that uses four.
        var crossings = Crossings(ControlCase.Value);
        const string From = "Safeguarding.Core.Platform.BorderControl.CrossesEveryBorder";
        Assert.Equal(
            [
                ("Safeguarding.Core.DomesticAbuse.Encompass.DomesticIncident", "DomesticAbuse"),
                ("Safeguarding.Core.DomesticAbuse.HealthFlags.HealthFlag", "DomesticAbuse"),
                ("Safeguarding.Core.Learners.Enrolment", "Learners"),
                ("Safeguarding.Core.Meetings.Meeting", "Meetings"),
                ("Safeguarding.Core.People.Person", "People"),
            ],
            crossings.Select(c => (c.To, c.ToModule)));
        Assert.All(crossings, c => Assert.Equal((From, "Platform"), (c.From, c.FromModule)));
        string[] Where(string to) => [.. crossings.Single(c => c.To == to).Where];
        Assert.Contains("the body of method IsAnIncident", Where("Safeguarding.Core.DomesticAbuse.Encompass.DomesticIncident"));
        Assert.Contains("an attribute's argument on the type", Where("Safeguarding.Core.Learners.Enrolment"));
        Assert.Contains("its base type", Where("Safeguarding.Core.Meetings.Meeting"));
        Assert.Contains("the body of method MeetingsAsync", Where("Safeguarding.Core.Meetings.Meeting"));
        Assert.Contains("field _person", Where("Safeguarding.Core.People.Person"));
        Assert.Contains("property Person", Where("Safeguarding.Core.People.Person"));
        Assert.Contains("the signature of method .ctor", Where("Safeguarding.Core.People.Person"));
        Assert.StartsWith($"{From} (Platform) uses Safeguarding.Core.People.Person (People) in ", crossings.Single(c => c.To == "Safeguarding.Core.People.Person").ToString());
    }

    [Fact]
    public void The_checker_flags_a_module_reading_the_set_of_one_it_may_not()
    {
        var reads = ForbiddenReads(ControlCase.Value);
        const string From = "Safeguarding.Core.Platform.BorderControl.CrossesEveryBorder (Platform) reads";
        Assert.Equal(
            [
                $"{From} DomesticAbuse's set HealthFlags in method FlaggedAsync",
                $"{From} Meetings's set Set<Meeting>() in method MeetingsAsync",
            ],
            reads);
    }

    [Fact]
    public void Core_does_not_depend_on_the_hosts_or_on_aspnet_core_web()
    {
        var result = Types.InAssembly(typeof(SafeguardingDbContext).Assembly)
            .ShouldNot().HaveDependencyOnAny("Safeguarding.Web", "Safeguarding.Cli", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Mvc", "Spectre.Console", "System.CommandLine")
            .GetResult();

        Assert.True(result.IsSuccessful, $"Core depends on a host: {string.Join(", ", result.FailingTypeNames ?? [])}");
        Assert.DoesNotContain(typeof(SafeguardingDbContext).Assembly.GetReferencedAssemblies(), a => a.Name is "Safeguarding.Web" or "safeguard");
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
