namespace Mobility.Tests.Architecture;

using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Mobility.Tests.Engine;

/// <summary>
/// The layers of the code, read from the source tree. Inside the engine, each folder is a layer whose files use only
/// the engine namespaces of their own layer and of the layers below it, in the order listed in
/// src/Mobility.Engine/README.md. Between projects, each references only the projects the table below allows.
/// </summary>
public sealed partial class LayeringTests
{
    /// <summary>
    /// The projects each project may use, directly or through another. A new project, or a project split in two,
    /// gets a row here (and a place in the rows of the projects above it).
    /// </summary>
    private static readonly Dictionary<string, string[]> AllowedProjects = new(StringComparer.Ordinal)
    {
        ["Mobility.Model"] = [],
        ["Mobility.Engine"] = ["Mobility.Model"],
        ["Mobility.Experiments"] = ["Mobility.Model", "Mobility.Engine"],
        ["Mobility.Input"] = ["Mobility.Model"],
        ["Mobility.Output"] = ["Mobility.Model", "Mobility.Engine", "Mobility.Experiments", "Mobility.Input"],
        ["Mobility.Reports"] = ["Mobility.Model", "Mobility.Engine", "Mobility.Experiments", "Mobility.Input"],
        ["Mobility.Explorer"] = ["Mobility.Model", "Mobility.Engine", "Mobility.Experiments", "Mobility.Input", "Mobility.Output", "Mobility.Reports"],
        ["Mobility.Cli"] = ["Mobility.Model", "Mobility.Engine", "Mobility.Experiments", "Mobility.Input", "Mobility.Output", "Mobility.Reports", "Mobility.Explorer"],
    };

    /// <summary>The projects that do no I/O: they compute, the projects above them read and write.</summary>
    private static readonly string[] WithoutIo = ["Mobility.Model", "Mobility.Engine"];

    private static string EngineFolder => Path.Combine(EngineTestKit.RepositoryRoot, "src", "Mobility.Engine");

    [Fact]
    public void Every_engine_file_uses_only_the_engine_namespaces_of_its_own_layer_and_those_below()
    {
        var layers = EngineLayers();
        var typesByLayer = TypesByLayer();
        var violations = new List<string>();
        foreach (var file in EngineSources())
        {
            string folder = FolderOf(file);
            if (!layers.TryGetValue(folder, out int own))
            {
                continue; // reported by the folder test
            }

            string code = CodeOnly(File.ReadAllText(file));
            foreach (var (used, how) in EngineNamespacesUsed(code, typesByLayer))
            {
                if (!layers.TryGetValue(used, out int layer))
                {
                    violations.Add($"{Relative(file)}: {how} names Mobility.Engine.{used}, which is not a layer");
                }
                else if (layer > own)
                {
                    violations.Add($"{Relative(file)} (layer {folder}) uses {used}, a layer above it ({how})");
                }
            }
        }

        Assert.True(violations.Count == 0, "upward dependencies in the engine:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Every_engine_folder_is_a_layer_and_every_file_is_in_its_folders_namespace()
    {
        var layers = EngineLayers();
        var problems = new List<string>();
        foreach (var file in EngineSources())
        {
            string folder = FolderOf(file);
            if (!layers.ContainsKey(folder))
            {
                problems.Add($"{Relative(file)}: folder '{folder}' is not among the layers of src/Mobility.Engine/README.md");
            }

            var declared = NamespaceDeclaration().Matches(CodeOnly(File.ReadAllText(file))).Select(m => m.Groups[1].Value).ToList();
            if (declared.Count != 1 || declared[0] != "Mobility.Engine." + folder)
            {
                problems.Add($"{Relative(file)}: declares namespace {string.Join(", ", declared)}, expected Mobility.Engine.{folder}");
            }
        }

        // A global using in the project file would make an engine namespace visible in every folder.
        string project = Path.Combine(EngineFolder, "Mobility.Engine.csproj");
        foreach (var item in XDocument.Load(project).Descendants("Using"))
        {
            if (((string?)item.Attribute("Include") ?? string.Empty).StartsWith("Mobility.Engine", StringComparison.Ordinal))
            {
                problems.Add($"{Relative(project)}: global using {item.Attribute("Include")!.Value}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Each_project_references_only_the_projects_allowed_below_it()
    {
        var references = ProjectReferences();
        var problems = new List<string>();
        foreach (var (project, _) in references)
        {
            if (!AllowedProjects.TryGetValue(project, out var allowed))
            {
                problems.Add($"{project} is not in the table of allowed references (LayeringTests.AllowedProjects): add it with the projects it may use");
                continue;
            }

            foreach (string used in Closure(project, references))
            {
                if (!allowed.Contains(used))
                {
                    problems.Add($"{project} uses {used} (directly or through a reference), which is not below it");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_model_and_the_engine_do_no_io()
    {
        var problems = new List<string>();
        foreach (string project in WithoutIo)
        {
            foreach (var file in Sources(Path.Combine(EngineTestKit.RepositoryRoot, "src", project)))
            {
                foreach (Match m in IoUse().Matches(CodeOnly(File.ReadAllText(file))))
                {
                    problems.Add($"{Relative(file)}: {m.Value.Trim()}");
                }
            }
        }

        Assert.True(problems.Count == 0, "I/O below the edge:\n" + string.Join("\n", problems));
    }

    /// <summary>The layers of the engine, bottom first (0), from the numbered list of src/Mobility.Engine/README.md.</summary>
    private static Dictionary<string, int> EngineLayers()
    {
        string readme = Path.Combine(EngineFolder, "README.md");
        var names = File.ReadLines(readme).Select(l => LayerLine().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        Assert.True(names.Count >= 2, $"{readme}: no numbered list of layers (lines like '1. `Numerics/` ...')");
        Assert.True(names.Distinct().Count() == names.Count, $"{readme}: a layer is listed twice");
        return names.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
    }

    /// <summary>
    /// The engine namespaces a file's code names: using directives (plain, static, alias), qualified names
    /// (<c>Mobility.Engine.X</c>, <c>Engine.X</c>) and names qualified by a sibling namespace alone (<c>X.Type</c>,
    /// which C# resolves inside Mobility.Engine without a using). A global using of an engine namespace is reported
    /// as its own violation: it would make the namespace visible in every file.
    /// </summary>
    private static IEnumerable<(string Namespace, string How)> EngineNamespacesUsed(string code, Dictionary<string, HashSet<string>> typesByLayer)
    {
        foreach (Match m in GlobalUsing().Matches(code))
        {
            yield return ("(global using " + m.Groups[1].Value + ")", "a global using");
        }

        foreach (Match m in QualifiedEngineName().Matches(code))
        {
            if (!NamespaceDeclaration().IsMatch(LineAt(code, m.Index)))
            {
                yield return (m.Groups[1].Value, m.Value);
            }
        }

        foreach (var (layer, types) in typesByLayer)
        {
            foreach (Match m in Regex.Matches(code, $@"(?<![\w.]){layer}\.(\w+)\b"))
            {
                if (types.Contains(m.Groups[1].Value))
                {
                    yield return (layer, m.Value);
                }
            }
        }
    }

    /// <summary>The types each engine folder declares (for the names qualified by a sibling namespace alone).</summary>
    private static Dictionary<string, HashSet<string>> TypesByLayer()
        => EngineSources()
            .GroupBy(FolderOf)
            .ToDictionary(
                g => g.Key,
                g => g.SelectMany(f => TypeDeclaration().Matches(CodeOnly(File.ReadAllText(f))).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal),
                StringComparer.Ordinal);

    /// <summary>Each src project's direct project references, by project name.</summary>
    private static Dictionary<string, List<string>> ProjectReferences()
    {
        var projects = Directory.GetFiles(Path.Combine(EngineTestKit.RepositoryRoot, "src"), "*.csproj", SearchOption.AllDirectories);
        Assert.NotEmpty(projects);
        return projects.ToDictionary(
            p => Path.GetFileNameWithoutExtension(p),
            p => XDocument.Load(p).Descendants("ProjectReference")
                .Select(r => Path.GetFileNameWithoutExtension(((string?)r.Attribute("Include") ?? string.Empty).Replace('\\', '/')))
                .ToList(),
            StringComparer.Ordinal);
    }

    private static HashSet<string> Closure(string project, Dictionary<string, List<string>> references)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(references.GetValueOrDefault(project, []));
        while (pending.TryPop(out string? next))
        {
            if (seen.Add(next))
            {
                foreach (string further in references.GetValueOrDefault(next, []))
                {
                    pending.Push(further);
                }
            }
        }

        return seen;
    }

    private static IEnumerable<string> EngineSources() => Sources(EngineFolder);

    /// <summary>The .cs files of a project, without build outputs.</summary>
    private static IEnumerable<string> Sources(string folder)
    {
        var files = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(files);
        return files;
    }

    /// <summary>The first folder under src/Mobility.Engine ("" for a file directly in it).</summary>
    private static string FolderOf(string file)
    {
        var parts = Path.GetRelativePath(EngineFolder, file).Split(Path.DirectorySeparatorChar);
        return parts.Length > 1 ? parts[0] : string.Empty;
    }

    private static string Relative(string file) => Path.GetRelativePath(EngineTestKit.RepositoryRoot, file);

    private static string LineAt(string code, int index)
    {
        int start = code.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        int end = code.IndexOf('\n', index);
        return code[start..(end < 0 ? code.Length : end)];
    }

    /// <summary>
    /// The code without comments and without the contents of string and character literals (so that prose and
    /// messages mentioning a namespace are not taken for uses of it). Line breaks are kept.
    /// </summary>
    private static string CodeOnly(string source)
    {
        var code = new StringBuilder(source.Length);
        int i = 0;
        while (i < source.Length)
        {
            char c = source[i];
            char next = i + 1 < source.Length ? source[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                while (i < source.Length && source[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && next == '*')
            {
                int end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? source.Length : end + 2;
                code.Append('\n', source.AsSpan(i, end - i).Count('\n'));
                i = end;
            }
            else if (c == '"' && source.AsSpan(i).StartsWith("\"\"\""))
            {
                int quotes = 0;
                while (i < source.Length && source[i] == '"')
                {
                    quotes++;
                    i++;
                }

                int end = source.IndexOf(new string('"', quotes), i, StringComparison.Ordinal);
                end = end < 0 ? source.Length : end + quotes;
                code.Append("\"\"").Append('\n', source.AsSpan(i, end - i).Count('\n'));
                i = end;
            }
            else if (c is '"' or '\'')
            {
                bool verbatim = i > 0 && (source[i - 1] == '@' || (source[i - 1] == '$' && i > 1 && source[i - 2] == '@'));
                i++;
                while (i < source.Length && source[i] != c)
                {
                    if (verbatim && source[i] == '\n')
                    {
                        code.Append('\n');
                    }

                    i += !verbatim && source[i] == '\\' ? 2 : 1;
                    if (verbatim && i < source.Length - 1 && source[i] == '"' && source[i + 1] == '"')
                    {
                        i += 2;
                    }
                }

                code.Append(c).Append(c);
                i++;
            }
            else
            {
                code.Append(c);
                i++;
            }
        }

        return code.ToString();
    }

    [GeneratedRegex(@"^\d+\.\s+`(\w+)/`")]
    private static partial Regex LayerLine();

    [GeneratedRegex(@"^\s*namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"\bglobal\s+using\s+(?:static\s+)?(?:\w+\s*=\s*)?(?:global::)?(Mobility\.Engine\b[\w.]*)")]
    private static partial Regex GlobalUsing();

    [GeneratedRegex(@"(?<![\w.])(?:global::)?(?:Mobility\.)?Engine\.(\w+)")]
    private static partial Regex QualifiedEngineName();

    [GeneratedRegex(@"\b(?:class|struct|interface|enum|record)\s+(?:(?:struct|class)\s+)?([A-Z]\w*)")]
    private static partial Regex TypeDeclaration();

    /// <summary>Files, directories, streams on files and the console: the uses of I/O a computation has no need of.</summary>
    [GeneratedRegex(@"\bSystem\.IO\b|\b(?:File|Directory|Path|RandomAccess|Console)\s*\.\s*[A-Z]\w*|\b(?:FileInfo|DirectoryInfo|FileStream|StreamReader|StreamWriter|FileSystemWatcher|MemoryMappedFile)\b")]
    private static partial Regex IoUse();
}
