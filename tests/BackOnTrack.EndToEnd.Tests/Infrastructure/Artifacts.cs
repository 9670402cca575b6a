using System.Text.RegularExpressions;

namespace BackOnTrack.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Where screenshots and server logs go: <c>$BACKONTRACK_ARTIFACTS</c> if set, else <c>TestResults/</c> under
/// the test project's output folder. Screenshots: <c>screenshots/&lt;test&gt;-&lt;viewport&gt;-&lt;nn&gt;-&lt;step&gt;.png</c>;
/// logs of a failed test's server: <c>logs/&lt;test&gt;/</c>.
/// </summary>
public static class Artifacts
{
    public const string Variable = "BACKONTRACK_ARTIFACTS";

    public static string Root =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } root
            ? Path.GetFullPath(root)
            : Path.Combine(AppContext.BaseDirectory, "TestResults");

    public static string Screenshots => Directory.CreateDirectory(Path.Combine(Root, "screenshots")).FullName;

    public static string Logs => Directory.CreateDirectory(Path.Combine(Root, "logs")).FullName;

    /// <summary>Deletes the screenshots and logs of an earlier run (only those two folders).</summary>
    public static void Clear()
    {
        foreach (var folder in (string[])["screenshots", "logs"])
        {
            var path = Path.Combine(Root, folder);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }

    /// <summary>The current test's method name plus its theory arguments, safe for a file name.</summary>
    public static string CurrentTestName()
    {
        var test = TestContext.Current.Test;
        var method = TestContext.Current.TestMethod?.MethodName ?? "test";
        var display = test?.TestDisplayName ?? method;
        var arguments = display.Contains('(', StringComparison.Ordinal) ? display[(display.IndexOf('(', StringComparison.Ordinal) + 1)..].TrimEnd(')') : "";
        arguments = Regex.Replace(arguments, @"\b\w+:\s*", "");
        return Safe(arguments.Length == 0 ? method : $"{method}-{arguments}");
    }

    public static string Safe(string value)
    {
        var chars = value.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray();
        var text = new string(chars);
        while (text.Contains("--", StringComparison.Ordinal))
        {
            text = text.Replace("--", "-", StringComparison.Ordinal);
        }

        return text.Trim('-');
    }
}
