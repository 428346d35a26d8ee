using System.Text.Json;

namespace Registry.Core.Access.Policies;

/// <summary>
/// Parses IAM-style repository policy JSON strictly: anything it does not understand is refused with a
/// <see cref="PolicyException"/> naming the element and the problem, never silently ignored. No other exception escapes.
/// </summary>
public static class PolicyParser
{
    /// <summary>ECR Public's limit on <c>policyText</c>, in characters.</summary>
    public const int MaxLength = 10240;

    /// <summary>Enough for any valid policy (five levels); deeper documents are refused before they cost anything.</summary>
    public const int MaxDepth = 16;

    private static readonly string[] DocumentKeys = ["Version", "Id", "Statement"];
    private static readonly string[] StatementKeys = ["Sid", "Effect", "Principal", "Action", "NotAction", "Resource"];

    private static readonly Dictionary<string, string> UnsupportedStatementKeys = new(StringComparer.Ordinal)
    {
        ["NotPrincipal"] = "is not supported; list the principals the statement applies to in \"Principal\"",
        ["NotResource"] = "is not supported; list the repositories the statement applies to in \"Resource\"",
        ["Condition"] = "is not supported; statements here match on Principal, Action and Resource only",
    };

    private static readonly Dictionary<string, string> NoUnsupportedKeys = [];

    /// <param name="json">The policy text as given; null counts as empty (a client may omit the field).</param>
    public static PolicyDocument Parse(string? json)
    {
        json ??= "";
        if (json.Length > MaxLength)
        {
            throw new PolicyException($"policy text is {json.Length} characters long; the maximum is {MaxLength}");
        }

        if (string.IsNullOrWhiteSpace(json))
        {
            throw new PolicyException("policy text is empty; it must be a JSON object with \"Version\" and \"Statement\"");
        }

        RefuseUnpairedSurrogates(json);
        using var document = ReadJson(json);
        return ReadDocument(document.RootElement);
    }

    private static JsonDocument ReadJson(string json)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            throw new PolicyException($"policy text is not valid JSON: {e.Message}");
        }
    }

    /// <summary>The JSON reader would silently turn these into U+FFFD; say so instead.</summary>
    private static void RefuseUnpairedSurrogates(string json)
    {
        for (var i = 0; i < json.Length; i++)
        {
            if (char.IsHighSurrogate(json[i]) && i + 1 < json.Length && char.IsLowSurrogate(json[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(json[i]))
            {
                throw new PolicyException($"policy text is not valid Unicode: unpaired surrogate at character {i}");
            }
        }
    }

    private static PolicyDocument ReadDocument(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new PolicyException($"policy text must be a JSON object, not {PolicyJson.KindOf(root)}");
        }

        var members = PolicyJson.Members(root, "", DocumentKeys, NoUnsupportedKeys);
        var version = members.TryGetValue("Version", out var v) ? PolicyJson.Text(v, "Version") : PolicyDocument.Version2008;
        if (version is not (PolicyDocument.Version2012 or PolicyDocument.Version2008))
        {
            throw new PolicyException(
                $"Version must be \"{PolicyDocument.Version2012}\" or \"{PolicyDocument.Version2008}\", not {PolicyJson.Quote(version)}");
        }

        var id = members.TryGetValue("Id", out var i) ? PolicyJson.Text(i, "Id") : null;
        if (!members.TryGetValue("Statement", out var statement))
        {
            throw new PolicyException("the policy document has no \"Statement\"; it needs at least one statement");
        }

        return new PolicyDocument(version, id, ReadStatements(statement));
    }

    private static List<PolicyStatement> ReadStatements(JsonElement element)
    {
        List<PolicyStatement> statements = element.ValueKind switch
        {
            JsonValueKind.Object => [ReadStatement(element, "Statement")],
            JsonValueKind.Array when element.GetArrayLength() == 0 =>
                throw new PolicyException("Statement must not be an empty array; it needs at least one statement"),
            JsonValueKind.Array => element.EnumerateArray().Select((s, i) => ReadStatement(s, $"Statement[{i}]")).ToList(),
            _ => throw new PolicyException($"Statement must be an object or an array of objects, not {PolicyJson.KindOf(element)}"),
        };

        var sids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var statement in statements.Where(s => !string.IsNullOrEmpty(s.Sid)))
        {
            if (!sids.TryAdd(statement.Sid!, statement.Path))
            {
                throw new PolicyException(
                    $"{statement.Path}.Sid {PolicyJson.Quote(statement.Sid!)} is already used by {sids[statement.Sid!]}; Sids must be unique");
            }
        }

        return statements;
    }

    private static PolicyStatement ReadStatement(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new PolicyException($"{path} must be an object, not {PolicyJson.KindOf(element)}");
        }

        var members = PolicyJson.Members(element, path, StatementKeys, UnsupportedStatementKeys);
        var sid = members.TryGetValue("Sid", out var s) ? PolicyJson.Text(s, $"{path}.Sid") : null;
        var effect = ReadEffect(members, path);
        var principals = members.TryGetValue("Principal", out var p)
            ? PolicyPrincipals.Parse(p, $"{path}.Principal")
            : throw new PolicyException(
                $"{path} has no \"Principal\"; name who it applies to, e.g. \"Principal\": {{\"AWS\": \"arn:aws:iam::123456789012:root\"}} or \"*\"");
        var actions = ReadActions(members, path);
        var resources = members.TryGetValue("Resource", out var r) ? PolicyResources.Parse(r, $"{path}.Resource") : PolicyResources.Any;
        return new PolicyStatement(path, sid, effect, principals, actions, resources);
    }

    private static PolicyEffect ReadEffect(Dictionary<string, JsonElement> members, string path)
    {
        if (!members.TryGetValue("Effect", out var element))
        {
            throw new PolicyException($"{path} has no \"Effect\"; it must be \"Allow\" or \"Deny\"");
        }

        return PolicyJson.Text(element, $"{path}.Effect") switch
        {
            "Allow" => PolicyEffect.Allow,
            "Deny" => PolicyEffect.Deny,
            var other => throw new PolicyException($"{path}.Effect must be \"Allow\" or \"Deny\", not {PolicyJson.Quote(other)}"),
        };
    }

    private static PolicyActions ReadActions(Dictionary<string, JsonElement> members, string path)
    {
        var hasAction = members.TryGetValue("Action", out var action);
        var hasNotAction = members.TryGetValue("NotAction", out var notAction);
        return (hasAction, hasNotAction) switch
        {
            (true, false) => PolicyActions.Parse(action, $"{path}.Action", isNotAction: false),
            (false, true) => PolicyActions.Parse(notAction, $"{path}.NotAction", isNotAction: true),
            (true, true) => throw new PolicyException($"{path} has both \"Action\" and \"NotAction\"; use one"),
            _ => throw new PolicyException($"{path} has no \"Action\"; list actions such as \"{EcrPublicActions.PutImage}\" or \"ecr-public:*\""),
        };
    }
}
