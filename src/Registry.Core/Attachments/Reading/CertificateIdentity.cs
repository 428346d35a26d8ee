using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Registry.Core.Data;

namespace Registry.Core.Attachments.Reading;

/// <summary>
/// Who a signing certificate names: Fulcio's (sigstore keyless) e-mail or URI with its OIDC issuer, else the subject.
/// The certificate is only read, never trusted.
/// </summary>
public static class CertificateIdentity
{
    private const string FulcioIssuerV2 = "1.3.6.1.4.1.57264.1.8";
    private const string FulcioIssuerV1 = "1.3.6.1.4.1.57264.1.1";

    public static string FromPem(string pem)
    {
        var text = pem.AsSpan();
        if (!PemEncoding.TryFind(text, out var fields) || !text[fields.Label].SequenceEqual("CERTIFICATE"))
        {
            throw new UnreadableAttachmentException("the signing certificate annotation is not a PEM certificate");
        }

        return FromDer(Convert.FromBase64String(text[fields.Base64Data].ToString()));
    }

    public static string FromDer(byte[] der)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadCertificate(der);
        }
        catch (CryptographicException)
        {
            throw new UnreadableAttachmentException("the signing certificate is not an X.509 certificate");
        }

        using (certificate)
        {
            var identity = Nonempty(certificate.GetNameInfo(X509NameType.EmailName, false))
                ?? Nonempty(certificate.GetNameInfo(X509NameType.UrlName, false))
                ?? Nonempty(certificate.Subject)
                ?? "an unnamed certificate";
            var issuer = Issuer(certificate);
            return AttachmentText.Clean(issuer is null ? identity : $"{identity} (issuer {issuer})", DataLimits.AttachmentText)!;
        }
    }

    private static string? Issuer(X509Certificate2 certificate)
    {
        foreach (var extension in certificate.Extensions)
        {
            try
            {
                if (extension.Oid?.Value == FulcioIssuerV2)
                {
                    return new AsnReader(extension.RawData, AsnEncodingRules.DER).ReadCharacterString(UniversalTagNumber.UTF8String);
                }

                if (extension.Oid?.Value == FulcioIssuerV1)
                {
                    return Encoding.UTF8.GetString(extension.RawData);
                }
            }
            catch (AsnContentException)
            {
                return null;
            }
        }

        return null;
    }

    private static string? Nonempty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
