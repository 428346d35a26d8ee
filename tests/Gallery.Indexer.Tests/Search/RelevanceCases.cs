namespace Gallery.Indexer.Tests.Search;

/// <summary>
/// What people expect to find first for a query over <see cref="Catalog.TestCatalog"/>: each expected repository
/// must be within the first <c>within</c> results (1 means: exactly first).
/// </summary>
public static class RelevanceCases
{
    public static TheoryData<string, int, string[]> All => new()
    {
        // Exact names first, the official or most pulled of equal names on top.
        { "nginx", 1, ["docker/library/nginx"] },
        { "redis", 1, ["docker/library/redis"] },
        { "postgres", 1, ["docker/library/postgres"] },
        { "postgresql", 3, ["bitnami/postgresql"] },
        { "grafana", 1, ["grafana/grafana"] },
        { "elasticsearch", 1, ["elastic/elasticsearch"] },
        { "node", 1, ["docker/library/node"] },
        { "nodejs", 1, ["lambda/nodejs"] },
        { "aws-cli", 1, ["aws-cli/aws-cli"] },
        { "aws-cli/aws-cli", 1, ["aws-cli/aws-cli"] },
        { "kube-apiserver", 1, ["eks-distro/kubernetes/kube-apiserver"] },

        // Name parts and joined names.
        { "awscli", 1, ["aws-cli/aws-cli"] },
        { "aws cli", 1, ["aws-cli/aws-cli"] },
        { "cli", 3, ["aws-cli/aws-cli"] },
        { "fluentbit", 1, ["fluent/fluent-bit"] },
        { "fluent bit", 1, ["fluent/fluent-bit"] },
        { "argo cd", 1, ["argoproj/argocd"] },
        { "amazon linux", 1, ["amazonlinux/amazonlinux"] },
        { "lambda python", 1, ["lambda/python"] },
        { "kubernetes", 5, ["eks-distro/kubernetes/kube-apiserver", "eks-distro/kubernetes/kube-proxy"] },

        // Search as you type.
        { "ngin", 1, ["docker/library/nginx"] },
        { "pyth", 1, ["docker/library/python"] },
        { "terra", 1, ["hashicorp/terraform"] },
        { "karp", 1, ["karpenter/controller"] },

        // Typos in words of 4+ letters.
        { "ngnix", 1, ["docker/library/nginx"] },
        { "terrafrom", 1, ["hashicorp/terraform"] },
        { "kafak", 1, ["apache/kafka"] },
        { "elasticserch", 1, ["elastic/elasticsearch"] },
        { "rabitmq", 1, ["rabbitmq/rabbitmq"] },

        // Publisher, then description, then About/Usage.
        { "datadog", 1, ["datadog/agent"] },
        { "hashicorp", 3, ["hashicorp/terraform", "hashicorp/vault", "hashicorp/consul"] },
        { "in-memory data store", 1, ["docker/library/redis"] },
        { "machine learning", 1, ["tensorflow/tensorflow"] },
        { "gpu", 3, ["nvidia/cuda", "nvidia/pytorch"] },
        { "cudnn", 1, ["nvidia/cuda"] },
        { "s3 object storage", 1, ["minio/minio"] },
        { "secrets management", 1, ["hashicorp/vault"] },
        { "certificates", 1, ["cert-manager/cert-manager-controller"] },
        { "opentelemetry", 1, ["aws-observability/aws-otel-collector"] },
        { "windows server", 2, ["windows/servercore"] },
        { "reverse proxy", 10, ["docker/library/nginx", "jdoe/nginx-proxy-toy"] },
        { "continuous integration server", 3, ["jenkins/jenkins"] },
        { "messaging broker", 1, ["rabbitmq/rabbitmq"] },
        { "selenium chrome", 1, ["selenium/standalone-chrome"] },
        { "test aws applications offline", 1, ["localstack/localstack"] },
        { "ad blocking dns", 1, ["pihole/pihole"] },
        { "node exporter", 1, ["prometheus/node-exporter"] },

        // Search syntax people type: what they mean, not words no repository has.
        { "name:nginx", 1, ["docker/library/nginx"] },
        { "nginx^2", 1, ["docker/library/nginx"] },
        { "nginx~1", 1, ["docker/library/nginx"] },
        { "node.js", 3, ["docker/library/node"] },
        { "nginx OR redis", 10, ["docker/library/nginx", "docker/library/redis"] },
        { "nginx || redis", 10, ["docker/library/nginx", "docker/library/redis"] },
        { "nginx AND proxy", 10, ["docker/library/nginx", "jdoe/nginx-proxy-toy"] },
    };
}
