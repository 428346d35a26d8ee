namespace Gallery.Indexer.Tests.Catalog;

/// <summary>
/// A fixed, realistic catalog of 230 public repositories: well-known images from their own publishers, and the same
/// software repackaged by seven other publishers (the competition a search must rank against). Deterministic: the
/// same entries, pulls and push times on every run.
/// </summary>
public static class TestCatalog
{
    private static readonly (string Os, string Architecture)[] LinuxMulti = [("linux", "amd64"), ("linux", "arm64")];
    private static readonly (string Os, string Architecture)[] LinuxAll = [("linux", "amd64"), ("linux", "arm64"), ("linux", "arm"), ("linux", "386")];
    private static readonly (string Os, string Architecture)[] LinuxAmd64 = [("linux", "amd64")];
    private static readonly (string Os, string Architecture)[] WindowsAmd64 = [("windows", "amd64")];
    private static readonly (string Os, string Architecture)[] LinuxAndWindows = [("linux", "amd64"), ("linux", "arm64"), ("windows", "amd64")];

    private static readonly Lazy<List<CatalogEntry>> All = new(Build);

    public static IReadOnlyList<CatalogEntry> Entries => All.Value;

    private static List<CatalogEntry> Build()
    {
        var entries = new List<CatalogEntry>(Publishers());
        entries.AddRange(Repackaged());
        for (var i = 0; i < entries.Count; i++)
        {
            entries[i] = entries[i] with { PushedAt = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i * 7 % 997) };
        }

        return entries;
    }

    private static CatalogEntry Official(string name, string description, string about, long pulls, (string, string)[]? platforms = null, params string[] tags) =>
        new("docker", $"library/{name}", "Docker", true, description, about, $"docker pull docker/library/{name}:latest", platforms ?? LinuxAll,
            tags.Length == 0 ? ["latest"] : tags, pulls);

    private static CatalogEntry Repo(string alias, string name, string? publisher, bool verified, string description, long pulls,
        (string, string)[]? platforms = null, string? about = null, string? usage = null, params string[] tags) =>
        new(alias, name, publisher, verified, description, about, usage, platforms ?? LinuxMulti, tags.Length == 0 ? ["latest"] : tags, pulls);

    private static IEnumerable<CatalogEntry> Publishers() =>
    [
        Official("nginx", "Official build of Nginx.", "NGINX is an open source reverse proxy server for HTTP, HTTPS, SMTP, POP3 and IMAP, as well as a load balancer and HTTP cache.", 9_100_000, null, "latest", "1.27", "1.27-alpine", "stable", "mainline"),
        Official("redis", "Redis is the world's fastest data platform: an in-memory key-value data store.", "Redis is an open source in-memory data structure store, used as a database, cache and message broker.", 7_300_000, null, "latest", "7.4", "7.4-alpine"),
        Official("postgres", "The PostgreSQL object-relational database system provides reliability and data integrity.", "PostgreSQL, often simply Postgres, is an object-relational database management system with an emphasis on extensibility and standards compliance.", 8_200_000, null, "latest", "17", "16", "17-alpine"),
        Official("python", "Python is an interpreted, interactive, object-oriented, open-source programming language.", "Python incorporates modules, exceptions, dynamic typing, very high level dynamic data types, and classes.", 6_400_000, LinuxAndWindows, "latest", "3.13", "3.12-slim", "3.13-windowsservercore"),
        Official("node", "Node.js is a JavaScript-based platform for server-side and networking applications.", "Node.js uses an event-driven, non-blocking I/O model that makes it lightweight and efficient.", 5_200_000, null, "latest", "22", "22-alpine", "lts"),
        Official("golang", "Go (golang) is a general purpose, higher-level, imperative programming language.", "Go makes it easy to build simple, reliable, and efficient software.", 3_100_000, LinuxAndWindows, "latest", "1.23", "1.23-alpine"),
        Official("alpine", "A minimal Docker image based on Alpine Linux with a complete package index and only 5 MB in size!", "Alpine Linux is a security-oriented, lightweight Linux distribution based on musl libc and busybox.", 10_500_000, null, "latest", "3.20", "edge"),
        Official("ubuntu", "Ubuntu is a Debian-based Linux operating system based on free software.", "Ubuntu is the world's most popular operating system across public clouds.", 9_400_000, null, "latest", "24.04", "noble", "jammy"),
        Official("mysql", "MySQL is a widely used, open-source relational database management system (RDBMS).", "MySQL is the world's most popular open source database.", 4_400_000, LinuxMulti, "latest", "8.4", "9"),
        Official("mongo", "MongoDB document databases provide high availability and easy scalability.", "MongoDB is a free and open-source cross-platform document-oriented database program.", 3_300_000, LinuxMulti, "latest", "8", "7"),
        Official("httpd", "The Apache HTTP Server Project.", "The Apache HTTP Server, colloquially called Apache, is a Web server application.", 1_900_000, null, "latest", "2.4"),
        Repo("aws-cli", "aws-cli", "Amazon Web Services", true, "The official AWS command line interface (CLI) for managing AWS services from the terminal.", 12_000_000,
            about: "The AWS CLI is a unified tool to manage your AWS services.", usage: "docker run --rm -it aws-cli/aws-cli:latest command", tags: ["latest", "2.22.4", "2"]),
        Repo("amazonlinux", "amazonlinux", "Amazon Linux", true, "Amazon Linux is a Linux server operating system from Amazon Web Services.", 6_100_000, tags: ["latest", "2023", "2"]),
        Repo("lambda", "python", "AWS Lambda", true, "AWS Lambda base images for Python runtimes.", 2_100_000, tags: ["3.13", "3.12"]),
        Repo("lambda", "nodejs", "AWS Lambda", true, "AWS Lambda base images for Node.js runtimes.", 1_500_000, tags: ["22", "20"]),
        Repo("lambda", "java", "AWS Lambda", true, "AWS Lambda base images for Java runtimes.", 900_000, tags: ["21", "17"]),
        Repo("lambda", "provided", "AWS Lambda", true, "AWS Lambda base images for custom runtimes on Amazon Linux.", 700_000, tags: ["al2023"]),
        Repo("eks-distro", "kubernetes/kube-apiserver", "Amazon EKS Distro", true, "Kubernetes API server built by Amazon EKS Distro.", 300_000, tags: ["v1.31.0-eks-1-31-5"]),
        Repo("eks-distro", "kubernetes/kube-proxy", "Amazon EKS Distro", true, "Kubernetes network proxy built by Amazon EKS Distro.", 280_000, tags: ["v1.31.0-eks-1-31-5"]),
        Repo("eks-distro", "coredns/coredns", "Amazon EKS Distro", true, "CoreDNS: DNS and service discovery for Kubernetes clusters.", 200_000, tags: ["v1.11.3"]),
        Repo("karpenter", "controller", "Karpenter", true, "Karpenter is a Kubernetes node autoscaler that provisions just-in-time compute capacity.", 500_000, tags: ["1.1.0"]),
        Repo("aws-observability", "aws-otel-collector", "AWS Observability", true, "AWS Distro for OpenTelemetry Collector: collects traces and metrics.", 800_000, tags: ["latest", "v0.41.1"]),
        Repo("cloudwatch-agent", "cloudwatch-agent", "Amazon CloudWatch", true, "Amazon CloudWatch Agent collects metrics and logs from servers and containers.", 900_000, LinuxAndWindows),
        Repo("datadog", "agent", "Datadog", true, "Datadog Agent: collects events and metrics from hosts and sends them to Datadog.", 4_000_000, tags: ["latest", "7"]),
        Repo("grafana", "grafana", "Grafana Labs", true, "The open and composable observability platform: dashboards and data visualization.", 2_000_000, tags: ["latest", "11.3.0"]),
        Repo("hashicorp", "terraform", "HashiCorp", true, "Terraform enables you to safely and predictably create, change, and improve infrastructure.", 1_000_000,
            usage: "docker run hashicorp/terraform init", tags: ["latest", "1.10"]),
        Repo("hashicorp", "vault", "HashiCorp", true, "A tool for secrets management, encryption as a service, and privileged access management.", 800_000),
        Repo("hashicorp", "consul", "HashiCorp", true, "Consul is a service networking solution to connect and secure services.", 600_000),
        Repo("gitlab", "gitlab-runner", "GitLab", true, "GitLab Runner runs CI/CD jobs and sends the results back to GitLab.", 1_200_000),
        Repo("jenkins", "jenkins", "Jenkins", true, "Jenkins automation server: the leading open source CI server for continuous integration.", 1_300_000, tags: ["lts", "latest"]),
        Repo("elastic", "elasticsearch", "Elastic", true, "Elasticsearch is a distributed, RESTful search and analytics engine.", 1_700_000, tags: ["8.16.0"]),
        Repo("elastic", "kibana", "Elastic", true, "Kibana lets you visualize your Elasticsearch data and navigate the Elastic Stack.", 900_000, tags: ["8.16.0"]),
        Repo("elastic", "logstash", "Elastic", true, "Logstash is a server-side data processing pipeline for logs.", 500_000, tags: ["8.16.0"]),
        Repo("nvidia", "cuda", "NVIDIA", true, "CUDA is a parallel computing platform and programming model for NVIDIA GPUs.", 1_400_000,
            about: "Images with the CUDA toolkit and cuDNN libraries for deep learning.", tags: ["12.6.2-base-ubuntu24.04", "12.6.2-cudnn-runtime-ubuntu24.04"]),
        Repo("nvidia", "pytorch", "NVIDIA", true, "PyTorch deep learning framework optimized for NVIDIA GPUs.", 600_000, LinuxAmd64),
        Repo("tensorflow", "tensorflow", "TensorFlow", true, "An end-to-end open source machine learning platform.", 700_000, LinuxAmd64, tags: ["latest", "latest-gpu"]),
        Repo("dotnet", "aspnet", "Microsoft", true, "ASP.NET Core runtime for running ASP.NET Core web apps.", 2_200_000, LinuxAndWindows, tags: ["9.0", "8.0"]),
        Repo("dotnet", "sdk", "Microsoft", true, ".NET SDK for building .NET applications.", 2_000_000, LinuxAndWindows, tags: ["9.0", "8.0"]),
        Repo("windows", "servercore", "Microsoft", true, "Windows Server Core base OS container image.", 1_100_000, WindowsAmd64, tags: ["ltsc2022"]),
        Repo("windows", "nanoserver", "Microsoft", true, "Nano Server base OS container image for Windows.", 800_000, WindowsAmd64, tags: ["ltsc2022"]),
        Repo("apache", "kafka", "The Apache Software Foundation", true, "Apache Kafka is an open-source distributed event streaming platform.", 1_600_000),
        Repo("apache", "airflow", "The Apache Software Foundation", true, "Platform to programmatically author, schedule and monitor workflows.", 700_000),
        Repo("apache", "spark", "The Apache Software Foundation", true, "Unified analytics engine for large-scale data processing.", 650_000),
        Repo("rabbitmq", "rabbitmq", "RabbitMQ", true, "RabbitMQ is an open source multi-protocol messaging broker.", 1_800_000, tags: ["4", "4-management"]),
        Repo("traefik", "traefik", "Traefik Labs", true, "Cloud native application proxy and Kubernetes ingress controller.", 900_000),
        Repo("istio", "proxyv2", "Istio", true, "Istio sidecar proxy based on Envoy.", 1_000_000),
        Repo("envoyproxy", "envoy", "Envoy Proxy", true, "Cloud-native high-performance edge, middle and service proxy.", 750_000),
        Repo("prometheus", "prometheus", "Prometheus", true, "The Prometheus monitoring system and time series database.", 1_500_000),
        Repo("prometheus", "node-exporter", "Prometheus", true, "Exporter for hardware and OS metrics exposed by *NIX kernels.", 1_100_000),
        Repo("cert-manager", "cert-manager-controller", "cert-manager", true, "Automatically provision and manage TLS certificates in Kubernetes.", 850_000),
        Repo("argoproj", "argocd", "Argo Project", true, "Declarative, GitOps continuous delivery tool for Kubernetes.", 950_000),
        Repo("fluent", "fluent-bit", "Fluent", true, "Fast and lightweight log processor and forwarder.", 1_250_000),
        Repo("minio", "minio", "MinIO", true, "High performance, S3 compatible object storage.", 1_050_000),
        Repo("keycloak", "keycloak", "Keycloak", true, "Open source identity and access management for modern applications.", 600_000),
        Repo("sonarsource", "sonarqube", "SonarSource", true, "Continuous inspection of code quality and security.", 400_000, LinuxAmd64),
        Repo("selenium", "standalone-chrome", "Selenium", false, "Selenium standalone server with the Chrome browser for automated web testing.", 350_000, LinuxAmd64),
        Repo("localstack", "localstack", "LocalStack", false, "A fully functional local cloud stack: develop and test your AWS applications offline.", 900_000),
        Repo("pihole", "pihole", "Pi-hole", false, "Network-wide ad blocking through your own DNS sinkhole.", 300_000, [("linux", "arm"), ("linux", "arm64")]),
        Repo("jdoe", "nginx-proxy-toy", null, false, "A toy nginx reverse proxy configuration I use at home.", 12, LinuxAmd64),
        Repo("toolsmith", "awscli-helper", null, false, "Helper scripts wrapping the awscli for batch jobs.", 50, LinuxAmd64),
        Repo("sam-dev", "db-backup", null, false, "Nightly backups of a postgres database to object storage.", 30, LinuxAmd64),
        new("placeholder", "empty", "Placeholder", false, "A repository created but never pushed to.", null, null, [], [], 0) { HasImage = false },
    ];

    private static readonly (string Name, string Title, string Blurb)[] Software =
    [
        ("nginx", "NGINX", "web server and reverse proxy"),
        ("redis", "Redis", "in-memory key-value store"),
        ("postgresql", "PostgreSQL", "relational database"),
        ("mysql", "MySQL", "relational database"),
        ("mariadb", "MariaDB", "relational database, a fork of MySQL"),
        ("mongodb", "MongoDB", "document database"),
        ("python", "Python", "programming language runtime"),
        ("node", "Node.js", "JavaScript runtime"),
        ("golang", "Go", "programming language toolchain"),
        ("openjdk", "OpenJDK", "Java development kit"),
        ("rabbitmq", "RabbitMQ", "message broker"),
        ("kafka", "Kafka", "event streaming platform"),
        ("elasticsearch", "Elasticsearch", "search and analytics engine"),
        ("grafana", "Grafana", "dashboards for metrics"),
        ("prometheus", "Prometheus", "metrics monitoring"),
        ("memcached", "Memcached", "distributed memory cache"),
        ("haproxy", "HAProxy", "TCP and HTTP load balancer"),
        ("jenkins", "Jenkins", "automation server"),
        ("wordpress", "WordPress", "blogging platform and CMS"),
        ("consul", "Consul", "service mesh and discovery"),
        ("vault", "Vault", "secrets manager"),
        ("etcd", "etcd", "distributed key-value store"),
        ("minio", "MinIO", "object storage server"),
        ("git", "Git", "version control system"),
    ];

    private static readonly (string Alias, string Publisher, bool Verified, long PullScale, string Template)[] Repackagers =
    [
        ("bitnami", "Bitnami by VMware", true, 100_000, "Bitnami container image for {0}: a {1}, trusted and kept up to date."),
        ("ubuntu", "Canonical", true, 40_000, "{0} on Ubuntu LTS, a {1} maintained by Canonical with security updates."),
        ("chainguard", "Chainguard", true, 30_000, "Minimal, hardened {0} image ({1}) with a low CVE count."),
        ("linuxserver", "LinuxServer.io", false, 10_000, "{0} ({1}) image by the LinuxServer.io community."),
        ("cimg", "CircleCI", true, 20_000, "CircleCI convenience image for {0}, a {1}, made for CI builds."),
        ("rapidfort", "RapidFort", false, 5_000, "Hardened {0} image, a {1} optimized and secured by RapidFort."),
        ("ironbank", "Iron Bank", false, 2_000, "{0} ({1}) hardened for the DoD Iron Bank."),
    ];

    private static IEnumerable<CatalogEntry> Repackaged()
    {
        for (var p = 0; p < Repackagers.Length; p++)
        {
            var (alias, publisher, verified, scale, template) = Repackagers[p];
            for (var s = 0; s < Software.Length; s++)
            {
                var (name, title, blurb) = Software[s];
                var platforms = (p + s) % 3 == 0 ? LinuxAmd64 : LinuxMulti;
                yield return new CatalogEntry(alias, name, publisher, verified, string.Format(System.Globalization.CultureInfo.InvariantCulture, template, title, blurb),
                    $"## {title}\n\nThis image packages {title} ({blurb}).", $"docker pull {alias}/{name}:latest", platforms, ["latest", $"{s + 1}.{p}"],
                    scale * (1 + ((p * 31 + s * 17) % 9)));
            }
        }
    }
}
