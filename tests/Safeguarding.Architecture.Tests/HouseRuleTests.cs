using System.Reflection;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Architecture.Tests;

/// <summary>
/// The house's one shape (issue 11), kept by tests rather than by memory: services take an options record and a
/// process context (who acts is read from it), and refusals go one way (ForbiddenException / NotFoundException,
/// answered in one place in Web), never the BCL's UnauthorizedAccessException or a page's hand-written 403.
/// </summary>
public sealed class HouseRuleTests
{
    private static readonly Assembly Core = typeof(SafeguardingDbContext).Assembly;

    [Fact]
    public void A_service_method_reads_who_acts_from_its_process_context_and_takes_no_actor_beside_it()
    {
        var offenders = ServiceMethods(Core)
            .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(Actor)))
            .Select(Describe).Order(StringComparer.Ordinal).ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_control_case_a_method_taking_an_actor_beside_its_process_context_is_found()
    {
        var offenders = ServiceMethods(typeof(HouseRuleTests).Assembly)
            .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(Actor)))
            .Select(Describe).ToList();

        Assert.Equal(["OldShapeService.AcknowledgeAsync(Actor, Guid, String, ProcessContext)"], offenders);
    }

    [Fact]
    public void The_control_case_loose_parameters_beside_the_process_context_are_found()
    {
        var offenders = ServiceMethods(typeof(HouseRuleTests).Assembly)
            .Where(m => m.GetParameters().Count(p => p.ParameterType != typeof(ProcessContext) && p.ParameterType != typeof(CancellationToken)) > 1)
            .Select(Describe).ToList();

        Assert.Equal(["OldShapeService.AcknowledgeAsync(Actor, Guid, String, ProcessContext)"], offenders);
    }

    [Fact]
    public void A_service_method_takes_one_options_record_or_one_id_beside_its_process_context()
    {
        var offenders = ServiceMethods(Core)
            .Where(m => !AuditPrimitives.Contains(m.DeclaringType!))
            .Where(m => m.GetParameters().Count(p => p.ParameterType != typeof(ProcessContext) && p.ParameterType != typeof(CancellationToken)) > 1)
            .Select(Describe).Order(StringComparer.Ordinal).ToList();

        Assert.Empty(offenders);
    }

    public static readonly TheoryData<string> Products = ["Core", "Web", "Cli"];

    [Theory, MemberData(nameof(Products))]
    public void Nothing_refuses_with_the_BCLs_UnauthorizedAccessException(string product)
    {
        var assembly = product switch
        {
            "Core" => typeof(SafeguardingDbContext).Assembly,
            "Web" => typeof(Safeguarding.Web.Access.Refusals).Assembly,
            _ => typeof(Safeguarding.Cli.Cli).Assembly,
        };
        var found = Uses(assembly.Location, "System.UnauthorizedAccessException").ToList();

        Assert.Empty(found);
    }

    [Fact]
    public void The_control_case_a_throw_of_UnauthorizedAccessException_is_found()
    {
        var found = Uses(typeof(HouseRuleTests).Assembly.Location, "System.UnauthorizedAccessException").ToList();

        Assert.Equal(["OldShapeService.AcknowledgeAsync"], found);
    }

    /// <summary>
    /// The audit trail's own entry points take the entry's parts (action, resource, outcome) beside the process: they
    /// are what services write through, not services a page calls.
    /// </summary>
    private static readonly HashSet<Type> AuditPrimitives = [typeof(AuditTrail), typeof(SafeguardingDbContext)];

    /// <summary>Public methods of Core's types that do work for a caller: the ones that take a process context.</summary>
    private static IEnumerable<MethodInfo> ServiceMethods(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => t.IsPublic || t.IsNestedPublic)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(ProcessContext)));

    private static string Describe(MethodInfo m) =>
        $"{m.DeclaringType!.Name}.{m.Name}({string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name))})";

    /// <summary>Methods whose bodies create or catch the type (a throw, a catch clause, a filter).</summary>
    private static IEnumerable<string> Uses(string assemblyPath, string typeName)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        foreach (var type in module.GetTypes())
        foreach (var method in type.Methods.Where(m => m.HasBody))
        {
            var body = method.Body;
            var creates = body.Instructions.Any(i => i.OpCode == OpCodes.Newobj && i.Operand is MethodReference ctor && ctor.DeclaringType.FullName == typeName);
            var catches = body.ExceptionHandlers.Any(h => h.CatchType?.FullName == typeName)
                || body.Instructions.Any(i => i.OpCode == OpCodes.Isinst && i.Operand is TypeReference t && t.FullName == typeName);
            if (creates || catches) yield return $"{Declaring(type).Name}.{Original(type, method)}";
        }
    }

    // Async methods and lambdas compile to nested types; name the method the reader wrote.
    private static TypeDefinition Declaring(TypeDefinition type) =>
        type.IsNested && type.Name.Contains('<') ? Declaring(type.DeclaringType) : type;

    private static string Original(TypeDefinition type, MethodDefinition method) =>
        type.IsNested && type.Name.StartsWith('<') ? type.Name[1..type.Name.IndexOf('>')] : method.Name;
}

/// <summary>The shape the house no longer has, kept so the rules above are seen to fail.</summary>
public sealed class OldShapeService
{
    public Task AcknowledgeAsync(Actor actor, Guid notificationId, string notes, ProcessContext process)
    {
        if (actor.Roles.Count == 0) throw new UnauthorizedAccessException("not granted");
        return Task.CompletedTask;
    }
}
