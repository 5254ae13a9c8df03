using System.Text.RegularExpressions;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Safeguarding.Architecture.Tests;

/// <summary>One type's use of another: <paramref name="Where"/> says how (a field, a method's body, a base type...).</summary>
public sealed record Reference(TypeDefinition From, TypeReference To, string Where);

/// <summary>One type's read of a DbContext set, by its property (<c>db.HealthFlags</c>) or <c>db.Set&lt;HealthFlag&gt;()</c>.</summary>
public sealed record SetRead(TypeDefinition From, TypeReference Entity, string Set, string Where);

/// <summary>
/// Every type an assembly's types use, read from the compiled assembly with Mono.Cecil: base types and interfaces,
/// fields, properties, events, attributes (and typeof arguments), method signatures, generic arguments and
/// constraints, and every type, method and field a method body refers to (locals, catches, calls, ldtoken, and so
/// expression trees), whatever their visibility.
/// Mono.Cecil rather than NetArchTest (which the other tests here use): NetArchTest says which types fail a rule but
/// not what they use, and cannot tell a DbSet read from any other use of the DbContext; a border message must name
/// both types. Cecil (which NetArchTest itself is built on) gives each reference as it is written in the IL.
/// </summary>
public static class References
{
    public static ModuleDefinition Read(string assemblyPath)
    {
        // The test's output folder holds every assembly Core is built on (EF Core among them), to resolve base types.
        var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(Path.GetDirectoryName(assemblyPath)!);
        return ModuleDefinition.ReadModule(assemblyPath, new ReaderParameters { AssemblyResolver = resolver });
    }

    /// <summary>The type a reader would name for a type: a compiler-generated nested type (a lambda's closure, an async state machine) stands for the type that declared it.</summary>
    public static TypeDefinition Owner(TypeDefinition type)
    {
        while (type.DeclaringType is not null && type.Name.Contains('<', StringComparison.Ordinal)) type = type.DeclaringType;
        return type;
    }

    /// <summary>The namespace of a type, a nested type's being its outermost declaring type's.</summary>
    public static string NamespaceOf(TypeReference type)
    {
        type = type.GetElementType();
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type.Namespace;
    }

    public static string NameOf(TypeReference type) => type.GetElementType().FullName.Replace('/', '+');

    public static IEnumerable<Reference> Of(ModuleDefinition module)
    {
        foreach (var type in module.GetTypes())
        {
            var owner = Owner(type);
            var found = new List<(TypeReference, string)>();
            void Add(TypeReference? t, string where) => Expand(t, where, found);
            void Attributes(ICustomAttributeProvider provider, string where)
            {
                if (!provider.HasCustomAttributes) return;
                foreach (var a in provider.CustomAttributes)
                {
                    Add(a.AttributeType, $"an attribute on {where}");
                    foreach (var arg in a.ConstructorArguments.Concat(a.Properties.Select(p => p.Argument)).Concat(a.Fields.Select(f => f.Argument)))
                        Argument(arg, $"an attribute's argument on {where}");
                }
            }
            void Argument(CustomAttributeArgument arg, string where)
            {
                Add(arg.Type, where);
                if (arg.Value is TypeReference t) Add(t, where);
                else if (arg.Value is CustomAttributeArgument inner) Argument(inner, where);
                else if (arg.Value is CustomAttributeArgument[] many) foreach (var m in many) Argument(m, where);
            }
            void GenericParameters(IGenericParameterProvider provider, string where)
            {
                if (!provider.HasGenericParameters) return;
                foreach (var g in provider.GenericParameters)
                {
                    foreach (var c in g.Constraints) Add(c.ConstraintType, $"a generic constraint of {where}");
                    Attributes(g, where);
                }
            }

            Add(type.BaseType, "its base type");
            foreach (var i in type.Interfaces) Add(i.InterfaceType, "an interface it implements");
            Attributes(type, "the type");
            GenericParameters(type, "the type");
            foreach (var f in type.Fields)
            {
                Add(f.FieldType, $"field {f.Name}");
                Attributes(f, $"field {f.Name}");
            }
            foreach (var p in type.Properties)
            {
                Add(p.PropertyType, $"property {p.Name}");
                Attributes(p, $"property {p.Name}");
            }
            foreach (var e in type.Events) Add(e.EventType, $"event {e.Name}");
            foreach (var m in type.Methods)
            {
                var where = $"method {m.Name}";
                Add(m.ReturnType, $"the signature of {where}");
                Attributes(m, where);
                Attributes(m.MethodReturnType, where);
                GenericParameters(m, where);
                foreach (var p in m.Parameters)
                {
                    Add(p.ParameterType, $"the signature of {where}");
                    Attributes(p, where);
                }
                foreach (var o in m.Overrides) Member(o, where, found);
                if (!m.HasBody) continue;
                foreach (var v in m.Body.Variables) Add(v.VariableType, $"the body of {where}");
                foreach (var h in m.Body.ExceptionHandlers) Add(h.CatchType, $"the body of {where}");
                foreach (var instruction in m.Body.Instructions)
                {
                    switch (instruction.Operand)
                    {
                        case TypeReference t: Add(t, $"the body of {where}"); break;
                        case MethodReference r: Member(r, $"the body of {where}", found); break;
                        case FieldReference r:
                            Add(r.DeclaringType, $"the body of {where}");
                            Add(r.FieldType, $"the body of {where}");
                            break;
                        case CallSite c:
                            Add(c.ReturnType, $"the body of {where}");
                            foreach (var p in c.Parameters) Add(p.ParameterType, $"the body of {where}");
                            break;
                    }
                }
            }
            foreach (var (to, where) in found) yield return new Reference(owner, to, Readable(where, type));
        }
    }

    /// <summary>Every read of a DbContext's set: a call to a property getter returning DbSet&lt;T&gt;, or to DbContext.Set&lt;T&gt;().</summary>
    public static IEnumerable<SetRead> SetReadsOf(ModuleDefinition module)
    {
        foreach (var type in module.GetTypes())
        {
            var owner = Owner(type);
            foreach (var m in type.Methods.Where(m => m.HasBody))
            {
                foreach (var instruction in m.Body.Instructions)
                {
                    if (instruction.Operand is not MethodReference called || !IsDbContext(called.DeclaringType)) continue;
                    var where = Readable($"method {m.Name}", type);
                    if (called is GenericInstanceMethod { ElementMethod.Name: "Set", GenericArguments: [var entity] })
                        yield return new SetRead(owner, entity, $"Set<{entity.Name}>()", where);
                    else if (called.Name.StartsWith("get_", StringComparison.Ordinal) && Substitute(called.ReturnType, called.DeclaringType) is GenericInstanceType
                             {
                                 ElementType: { Name: "DbSet`1", Namespace: "Microsoft.EntityFrameworkCore" }, GenericArguments: [var setOf],
                             })
                        yield return new SetRead(owner, setOf, called.Name["get_".Length..], where);
                }
            }
        }
    }

    /// <summary>
    /// A place in the reader's words rather than the compiler's: an async method's state machine is the method, a
    /// lambda is a lambda in its method, a primary constructor's captured parameter is that parameter.
    /// </summary>
    private static string Readable(string where, TypeDefinition type)
    {
        var stateMachine = Regex.Match(type.Name, "^<(?<method>[^>]+)>d__");
        if (stateMachine.Success) return $"the body of method {stateMachine.Groups["method"].Value}";
        var lambda = Regex.Match(where, "method <(?<method>[^>]+)>b__");
        if (lambda.Success) return $"a lambda in method {lambda.Groups["method"].Value}";
        if (type.Name.StartsWith('<')) return "a lambda";
        var generated = Regex.Match(where, "^field <(?<name>[^>]+)>(?<kind>P|k__BackingField)$");
        if (generated.Success) return generated.Groups["kind"].Value == "P" ? $"constructor parameter {generated.Groups["name"].Value}" : $"property {generated.Groups["name"].Value}";
        return where;
    }

    private static bool IsDbContext(TypeReference type)
    {
        // Only our types and EF's can be a DbContext: the framework's are not resolved at all.
        for (var t = type.GetElementType(); t is not null && !NamespaceOf(t).StartsWith("System", StringComparison.Ordinal); t = t.Resolve()?.BaseType?.GetElementType())
            if (t is { Name: "DbContext", Namespace: "Microsoft.EntityFrameworkCore" }) return true;
        return false;
    }

    /// <summary>A generic type's own parameters replaced by the arguments it is used with (IdentityUserContext&lt;User, Guid&gt;.Users is a DbSet&lt;User&gt;).</summary>
    private static TypeReference Substitute(TypeReference type, TypeReference declaringType)
    {
        if (type is GenericParameter { Type: GenericParameterType.Type } p && declaringType is GenericInstanceType d) return d.GenericArguments[p.Position];
        if (type is not GenericInstanceType g) return type;
        var substituted = new GenericInstanceType(g.ElementType);
        foreach (var a in g.GenericArguments) substituted.GenericArguments.Add(Substitute(a, declaringType));
        return substituted;
    }

    private static void Member(MethodReference method, string where, List<(TypeReference, string)> found)
    {
        Expand(method.DeclaringType, where, found);
        Expand(method.ReturnType, where, found);
        foreach (var p in method.Parameters) Expand(p.ParameterType, where, found);
        if (method is GenericInstanceMethod g)
            foreach (var a in g.GenericArguments) Expand(a, where, found);
    }

    /// <summary>A type and the types it is made of: an array's element, a generic type's arguments, a pointer's target.</summary>
    private static void Expand(TypeReference? type, string where, List<(TypeReference, string)> found)
    {
        switch (type)
        {
            case null or GenericParameter or FunctionPointerType: return;
            case GenericInstanceType g:
                Expand(g.ElementType, where, found);
                foreach (var a in g.GenericArguments) Expand(a, where, found);
                return;
            case TypeSpecification s: // arrays, by-ref, pointers, modifiers
                Expand(s.ElementType, where, found);
                return;
            default:
                found.Add((type, where));
                return;
        }
    }
}
