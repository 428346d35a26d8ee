using Xunit.Abstractions;

namespace Registry.Core.Tests.Conformance;

/// <summary>The suite's switches, with its defaults (OCI_DELETE_MANIFEST_BEFORE_BLOBS unset = true; OCI_AUTOMATIC_CROSSMOUNT unset).</summary>
internal sealed record ConformanceOptions(bool DeleteManifestBeforeBlobs = true, bool? AutomaticCrossmount = null);

/// <summary>
/// One run of the suite against one repository: its test data, its client, and the Ginkgo-like spec runner. As in
/// Ginkgo, a failed spec does not stop the run — later specs still run with whatever state earlier ones left — and
/// the run fails at the end listing every failed spec, each named by its step (e.g. "push C3").
/// </summary>
internal sealed class ConformanceSuite(HttpClient http, ITestOutputHelper output, ConformanceOptions? options = null)
{
    private readonly List<string> _failures = [];

    public ConformanceFixtures Data { get; } = new();

    /// <summary>OCI_NAMESPACE: a fresh repository per run.</summary>
    public ConformanceClient Client { get; } = new(http, $"tests/conformance-repo-{Guid.NewGuid():N}");

    /// <summary>OCI_CROSSMOUNT_NAMESPACE: the suite's default is a brand-new conformance-&lt;uuid&gt; (here under an alias).</summary>
    public ConformanceClient CrossmountClient { get; } = new(http, $"tests/conformance-{Guid.NewGuid():D}");

    public ConformanceOptions Options { get; } = options ?? new ConformanceOptions();

    public string Name => Client.Name;

    public async Task SpecAsync(string step, Func<Step, Task> body)
    {
        try
        {
            await body(new Step(step, this));
            output.WriteLine($"ok    {step}");
        }
        catch (SkipSpec)
        {
            output.WriteLine($"skip  {step}");
        }
        catch (SpecFailure failure)
        {
            _failures.Add(failure.Message);
            output.WriteLine($"FAIL  {failure.Message}");
        }
        catch (Exception exception)
        {
            var message = $"{step}: {exception.GetType().Name}: {exception.Message}";
            _failures.Add(message);
            output.WriteLine($"FAIL  {message}");
        }
    }

    public void Warn(string step, string message) => output.WriteLine($"WARN  {step}: {message}");

    public void AssertPassed()
    {
        if (_failures.Count > 0)
        {
            Assert.Fail($"{_failures.Count} conformance spec(s) failed on {Name}:\n" + string.Join("\n", _failures));
        }
    }
}

/// <summary>The current spec: its checks throw with "&lt;step&gt;: ..." messages.</summary>
internal sealed class Step(string name, ConformanceSuite suite)
{
    public string Name => name;

    public void Status(ConformanceResponse response, StatusSet accepted)
    {
        if (!accepted.Matches(response.Status))
        {
            Fail($"{response.Request}: expected {accepted}, got {response.Status}: {Shorten(response.Body)}");
        }
    }

    public void Status(ConformanceResponse response, int exactly) => Status(response, StatusSet.Exactly(exactly));

    public void Equal(string expected, string actual, string what, ConformanceResponse? response = null)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            Fail($"{What(what, response)}: expected \"{expected}\", got \"{actual}\"{Body(response)}");
        }
    }

    public void Equal(long expected, long actual, string what, ConformanceResponse? response = null)
    {
        if (expected != actual)
        {
            Fail($"{What(what, response)}: expected {expected}, got {actual}{Body(response)}");
        }
    }

    public void True(bool condition, string what, ConformanceResponse? response = null)
    {
        if (!condition)
        {
            Fail($"{What(what, response)}{Body(response)}");
        }
    }

    public void NotEmpty(string value, string what, ConformanceResponse response) =>
        True(value.Length > 0, $"{what} must not be empty", response);

    /// <summary>RunOnlyIf: the spec is skipped unless the condition holds.</summary>
    public void RunOnlyIf(bool condition)
    {
        if (!condition)
        {
            throw new SkipSpec();
        }
    }

    public void Warn(string message) => suite.Warn(name, message);

    /// <summary>The same spec, labelled with the part that is running, for specs that send many requests.</summary>
    public Step Part(string part) => new($"{name}: {part}", suite);

    public void Fail(string message) => throw new SpecFailure($"{name}: {message}");

    private static string What(string what, ConformanceResponse? response) =>
        response is null ? what : $"{response.Request} ({response.Status}): {what}";

    private static string Body(ConformanceResponse? response) => response is null || response.Body.Length == 0 ? "" : $": {Shorten(response.Body)}";

    private static string Shorten(string body) => body.Length <= 600 ? body : body[..600] + "…";
}

/// <summary>A set of accepted statuses, described the way failure messages print it.</summary>
internal sealed record StatusSet(string Description, Func<int, bool> Matches)
{
    /// <summary>SatisfyAll(BeNumerically(">=", 200), BeNumerically("&lt;", 300)).</summary>
    public static readonly StatusSet Success = new("2xx", s => s is >= 200 and < 300);

    public static StatusSet Exactly(params int[] statuses) => new(string.Join(" or ", statuses), statuses.Contains);

    public static StatusSet SuccessOr(params int[] statuses) =>
        new($"2xx or {string.Join(" or ", statuses)}", s => s is >= 200 and < 300 || statuses.Contains(s));

    public override string ToString() => Description;
}

internal sealed class SpecFailure(string message) : Exception(message);

internal sealed class SkipSpec : Exception;
