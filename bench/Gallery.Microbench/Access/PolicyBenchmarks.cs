using BenchmarkDotNet.Attributes;
using Registry.Core.Access;
using Registry.Core.Access.Policies;

namespace Gallery.Microbench.Access;

/// <summary>
/// A repository policy as a team writes it (cross-account push, public reads, no deletes of prod repositories):
/// parsing it (SetRepositoryPolicy, and the cache miss on a push), and evaluating it per request, where the
/// decision is an allowing statement, a deny that wins over ownership, or the owner's default.
/// </summary>
[MemoryDiagnoser]
public class PolicyBenchmarks
{
    private const string OwnerRegistryId = "123456789012";

    public const string Policy = """
        {
          "Version": "2012-10-17",
          "Id": "team-repositories",
          "Statement": [
            {
              "Sid": "CiPushFromBuildAccounts",
              "Effect": "Allow",
              "Principal": { "AWS": ["arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:user/ci/build-bot"] },
              "Action": [
                "ecr-public:BatchCheckLayerAvailability",
                "ecr-public:InitiateLayerUpload",
                "ecr-public:UploadLayerPart",
                "ecr-public:CompleteLayerUpload",
                "ecr-public:PutImage"
              ],
              "Resource": "arn:aws:ecr-public::123456789012:repository/team/*"
            },
            {
              "Sid": "EveryoneDescribes",
              "Effect": "Allow",
              "Principal": "*",
              "Action": ["ecr-public:Describe*", "ecr-public:GetRepositoryCatalogData"]
            },
            {
              "Sid": "NoDeletesInProd",
              "Effect": "Deny",
              "Principal": { "AWS": "*" },
              "Action": ["ecr-public:BatchDeleteImage", "ecr-public:DeleteRepository"],
              "Resource": "arn:aws:ecr-public::123456789012:repository/team/prod-*"
            }
          ]
        }
        """;

    private PolicyDocument _policy = null!;
    private PolicyRequest _crossAccountPush = null!;
    private PolicyRequest _ownerDeletesProd = null!;
    private PolicyRequest _ownerPush = null!;

    [GlobalSetup]
    public void Setup()
    {
        _policy = PolicyParser.Parse(Policy);
        var app = RepositoryAccess.RepositoryArn(OwnerRegistryId, "team/web-api");
        var prod = RepositoryAccess.RepositoryArn(OwnerRegistryId, "team/prod-api");
        _crossAccountPush = new PolicyRequest("111122223333", "arn:aws:iam::111122223333:root", false, EcrPublicActions.PutImage, app);
        _ownerDeletesProd = new PolicyRequest(OwnerRegistryId, $"arn:aws:iam::{OwnerRegistryId}:root", true, EcrPublicActions.BatchDeleteImage, prod);
        _ownerPush = new PolicyRequest(OwnerRegistryId, $"arn:aws:iam::{OwnerRegistryId}:root", true, EcrPublicActions.PutImage, app);
    }

    [Benchmark(Description = "PolicyParser.Parse, 3 statements")]
    public PolicyDocument Parse() => PolicyParser.Parse(Policy);

    [Benchmark(Description = "Evaluate: allowed by statement")]
    public PolicyDecisionKind EvaluateAllow() => PolicyEvaluator.Evaluate(_policy, _crossAccountPush).Kind;

    [Benchmark(Description = "Evaluate: denied by statement")]
    public PolicyDecisionKind EvaluateDeny() => PolicyEvaluator.Evaluate(_policy, _ownerDeletesProd).Kind;

    [Benchmark(Description = "Evaluate: owner default")]
    public PolicyDecisionKind EvaluateOwnerDefault() => PolicyEvaluator.Evaluate(_policy, _ownerPush).Kind;
}
