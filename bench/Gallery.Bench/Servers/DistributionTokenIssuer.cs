using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace Gallery.Bench.Servers;

/// <summary>
/// The token server Distribution's <c>auth: token</c> trusts, so the peer checks a bearer token on every request as
/// ours does: an ES256 key in a self-signed certificate (Distribution's <c>rootcertbundle</c>), JWTs carrying that
/// certificate in <c>x5c</c>, and a realm on 127.0.0.1 that grants whatever scope is asked (the harness is the only
/// client). Clients fetch a token once per repository, as with ours.
/// </summary>
public sealed class DistributionTokenIssuer : IDisposable
{
    public const string Service = "gallery-bench-peer";
    public const string Issuer = "gallery-bench";
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly string _header;
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public DistributionTokenIssuer(int port)
    {
        using var certificate = new CertificateRequest("CN=gallery-bench-token", _key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        CertificatePem = certificate.ExportCertificatePem();
        _header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { typ = "JWT", alg = "ES256", x5c = new[] { Convert.ToBase64String(certificate.RawData) } }));
        Realm = new Uri($"http://127.0.0.1:{port}/token");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The certificate Distribution verifies tokens with (its <c>rootcertbundle</c>).</summary>
    public string CertificatePem { get; }

    public Uri Realm { get; }

    /// <summary>A token granting the scopes (<c>repository:name:pull,push</c>) asked for.</summary>
    public string Mint(IEnumerable<string> scopes)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var access = scopes.Select(s => s.Split(':')).Where(p => p.Length == 3)
            .Select(p => new { type = p[0], name = p[1], actions = p[2].Split(',') }).ToArray();
        var claims = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new
        {
            iss = Issuer, sub = "bench", aud = Service, exp = now + (long)Lifetime.TotalSeconds, nbf = now - 60, iat = now - 60,
            jti = Guid.NewGuid().ToString("N"), access,
        }));
        var signed = $"{_header}.{claims}";
        return $"{signed}.{Base64Url(_key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256))}";
    }

    public void Dispose()
    {
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
        _key.Dispose();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var body = JsonSerializer.SerializeToUtf8Bytes(new { token = Mint(context.Request.QueryString.GetValues("scope") ?? []) });
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
