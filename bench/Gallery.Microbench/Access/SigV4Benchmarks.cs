using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Gallery.Microbench.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Access;
using Registry.Core.Access.SigV4;

namespace Gallery.Microbench.Access;

/// <summary>
/// SigV4 on an ECR Public call (DescribeRepositories, signed as the AWS SDKs sign it): the whole verification a
/// request pays, with the access key read from the database and decrypted, and the signature part alone
/// (authorization header, canonical request, string to sign, signing key, HMAC, constant-time compare).
/// </summary>
[MemoryDiagnoser]
public class SigV4Benchmarks
{
    private const string Target = "SpencerFrontendService.DescribeRepositories";
    private const string ContentType = "application/x-amz-json-1.1";
    private const string Host = "registry.example.com";

    private readonly byte[] _body = Encoding.UTF8.GetBytes("""{"repositoryNames":["web-api","worker"],"maxResults":100}""");
    private RegistryServices _registry = null!;
    private SignedRequest _request = null!;
    private string _authorization = "";
    private string _amzDate = "";

    [GlobalSetup]
    public async Task Setup()
    {
        _registry = await RegistryServices.StartAsync();
        _amzDate = DateTime.UtcNow.ToString(SigV4Signature.DateFormat, CultureInfo.InvariantCulture);
        var signed = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["content-type"] = ContentType,
            ["host"] = Host,
            ["x-amz-date"] = _amzDate,
            ["x-amz-target"] = Target,
        };
        var scope = $"{_amzDate[..8]}/us-east-1/{SigV4Verifier.Service}/{SigV4Signature.Terminator}";
        var canonical = SigV4Signature.CanonicalRequest("POST", "/", "", signed.ToList(), SigV4Signature.PayloadHash(_body));
        var key = SigV4Signature.SigningKey(RegistryServices.SecretAccessKey, _amzDate[..8], "us-east-1", SigV4Verifier.Service);
        var signature = SigV4Signature.Sign(key, SigV4Signature.StringToSign(_amzDate, scope, canonical));
        _authorization = $"{SigV4Signature.Algorithm} Credential={RegistryServices.AccessKeyId}/{scope}, SignedHeaders={string.Join(';', signed.Keys)}, Signature={signature}";

        var headers = new HeaderDictionary
        {
            ["Content-Type"] = ContentType,
            ["Host"] = Host,
            ["X-Amz-Date"] = _amzDate,
            ["X-Amz-Target"] = Target,
            ["Authorization"] = _authorization,
            ["User-Agent"] = "aws-cli/2.17.0 md/awscrt#0.20.11 ua/2.0 os/linux#6.1 md/arch#x86_64 lang/python#3.11.8",
            ["Content-Length"] = _body.Length.ToString(CultureInfo.InvariantCulture),
        };
        _request = new SignedRequest("POST", "/", "", headers, _body);
        await Verify();
    }

    [GlobalCleanup]
    public async Task Cleanup() => await _registry.DisposeAsync();

    /// <summary>What the ECR Public endpoint does per request: a request scope, the verifier, the key lookup.</summary>
    [Benchmark(Description = "SigV4Verifier.VerifyAsync (key from SQLite)")]
    public async Task<string> Verify()
    {
        await using var scope = _registry.Services.CreateAsyncScope();
        var key = await scope.ServiceProvider.GetRequiredService<SigV4Verifier>().VerifyAsync(_request, CancellationToken.None);
        return key.AccountId;
    }

    /// <summary>The verifier's steps after the key is known, through SigV4Signature's public pieces.</summary>
    [Benchmark(Description = "SigV4 signature check only (no key lookup)")]
    public bool SignatureOnly()
    {
        if (!SigV4Authorization.TryParse(_authorization, out var authorization, out var error))
        {
            throw new InvalidOperationException(error);
        }

        var headers = _request.Headers;
        var canonicalRequest = SigV4Signature.CanonicalRequest(
            _request.Method,
            SigV4Signature.CanonicalUri(_request.RawPath),
            SigV4Signature.CanonicalQuery(_request.RawQuery),
            authorization.SignedHeaders.Order(StringComparer.Ordinal)
                .Select(name => KeyValuePair.Create(name, SigV4Signature.CanonicalHeaderValue(headers[name])))
                .ToList(),
            SigV4Signature.PayloadHash(_request.Body.Span));
        var signingKey = SigV4Signature.SigningKey(RegistryServices.SecretAccessKey, authorization.Date, authorization.Region, authorization.Service);
        var expected = SigV4Signature.Sign(signingKey, SigV4Signature.StringToSign(_amzDate, authorization.Scope, canonicalRequest));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(authorization.Signature));
    }
}
