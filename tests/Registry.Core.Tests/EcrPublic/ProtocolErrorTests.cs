using Gallery.Testing;

namespace Registry.Core.Tests.EcrPublic;

/// <summary>
/// Requests the AWS JSON 1.1 protocol cannot take: an unknown or misspelt X-Amz-Target, a body that is not a UTF-8
/// JSON object, members of the wrong type. Each is a 400 with the error type AWS answers, never a 500.
/// </summary>
public abstract class ProtocolErrorTests(RegistryFixture fixture) : EcrPublicTestBase(fixture)
{
    [Fact]
    public async Task Unknown_targets_are_unknown_operations()
    {
        (await Ecr.SendAsync(Ecr.Sign("DropAllTables", "{}"))).AssertError("UnknownOperationException");
        foreach (var target in new[] { "spencerfrontendservice.DescribeRegistries", "AmazonEC2ContainerRegistry_V20150921.DescribeRepositories", "DescribeRegistries" })
        {
            var message = (await SendWithTargetAsync(target)).AssertError("UnknownOperationException");
            Assert.Contains(target, message);
        }
    }

    [Fact]
    public async Task Bodies_that_are_not_a_json_object_cannot_be_read()
    {
        Assert.Contains("not valid JSON", await FailAsync("{\"repositoryName\": "u8.ToArray()));
        Assert.Contains("not array", await FailAsync("[1,2]"u8.ToArray()));
        Assert.Contains("not string", await FailAsync("\"x\""u8.ToArray()));
        Assert.Contains("UTF-8", await FailAsync([.. "{\"repositoryName\":\""u8, 0xff, 0xfe, .. "\"}"u8]));
        Assert.Contains("lone surrogate", await FailAsync("{\"repositoryName\":\"x\\ud800\"}"u8.ToArray()));
        Assert.Contains("lone surrogate", await FailAsync("{\"repo\\u0073itoryName\":\"ecr-x\",\"\\udc00\":1}"u8.ToArray()));
    }

    [Fact]
    public async Task Members_of_the_wrong_type_cannot_be_read()
    {
        var name = await CreateRepositoryAsync();
        Assert.Contains("'repositoryName'", await Ecr.FailAsync("CreateRepository", "{\"repositoryName\": 42}", "SerializationException"));
        Assert.Contains("'maxResults'", await Ecr.FailAsync("DescribeImages", new { repositoryName = name, maxResults = "5" }, "SerializationException"));
        Assert.Contains("'imageIds'", await Ecr.FailAsync("DescribeImages", new { repositoryName = name, imageIds = "latest" }, "SerializationException"));
        var blob = await Ecr.FailAsync("PutRepositoryCatalogData", new { repositoryName = name, catalogData = new { logoImageBlob = "!!!!" } }, "SerializationException");
        Assert.Contains("'catalogData.logoImageBlob'", blob);
        Assert.DoesNotContain("Registry.Core", blob);
    }

    [Fact]
    public async Task Broken_constraints_stay_invalid_parameters()
    {
        var message = await Ecr.FailAsync("CreateRepository", new { repositoryName = "Ab" }, "InvalidParameterException");
        Assert.Contains("1 validation error detected", message);
        await Ecr.FailAsync("DescribeImages", new { repositoryName = await CreateRepositoryAsync(), maxResults = 1001 }, "InvalidParameterException");
    }

    private async Task<string> FailAsync(byte[] body) =>
        (await Ecr.SendAsync(Ecr.SignRaw("SpencerFrontendService.CreateRepository", body))).AssertError("SerializationException");

    private Task<EcrResponse> SendWithTargetAsync(string target) => Ecr.SendAsync(Ecr.SignRaw(target, "{}"u8.ToArray()));
}

public sealed class SqliteProtocolErrorTests(SqliteRegistryFixture fixture) : ProtocolErrorTests(fixture), IClassFixture<SqliteRegistryFixture>;

public sealed class PostgresProtocolErrorTests(PostgresRegistryFixture fixture) : ProtocolErrorTests(fixture), IClassFixture<PostgresRegistryFixture>;
