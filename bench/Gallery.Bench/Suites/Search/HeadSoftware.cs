namespace Gallery.Bench.Suites.Search;

/// <summary>
/// Well-known software, most popular first, each with what its description says: the names people search for, the
/// official image <c>docker/library/&lt;name&gt;</c> and everything around it (copies, mirrors, variants, charts,
/// exporters, operators) in the generated catalog.
/// </summary>
public static class HeadSoftware
{
    public static readonly (string Name, string Blurb)[] All =
    [
        ("alpine", "minimal linux distribution built around musl libc"), ("nginx", "high performance web server and reverse proxy"),
        ("ubuntu", "debian based linux operating system"), ("redis", "in-memory key-value data store"),
        ("postgres", "object-relational database system"), ("python", "interpreted programming language runtime"),
        ("node", "javascript runtime for server side applications"), ("busybox", "tiny unix utilities in one executable"),
        ("mysql", "relational database management system"), ("debian", "universal operating system distribution"),
        ("golang", "compiler and toolchain for the go language"), ("mongo", "document oriented database"),
        ("httpd", "apache http server project"), ("memcached", "distributed memory object caching system"),
        ("rabbitmq", "multi-protocol messaging broker"), ("traefik", "cloud native edge router"),
        ("mariadb", "community developed fork of mysql"), ("openjdk", "open source java development kit"),
        ("elasticsearch", "distributed restful search and analytics engine"), ("grafana", "dashboards and data visualization platform"),
        ("prometheus", "monitoring system and time series database"), ("jenkins", "automation server for continuous integration"),
        ("wordpress", "blogging platform and content management system"), ("haproxy", "reliable tcp and http load balancer"),
        ("consul", "service networking and discovery"), ("vault", "secrets management and encryption as a service"),
        ("kafka", "distributed event streaming platform"), ("zookeeper", "centralized coordination service"),
        ("cassandra", "wide column store for massive scale"), ("influxdb", "time series database for metrics and events"),
        ("kibana", "visualize elasticsearch data"), ("logstash", "server side data processing pipeline"),
        ("fluentd", "unified logging layer"), ("etcd", "consistent distributed key-value store for cluster data"),
        ("minio", "s3 compatible object storage"), ("keycloak", "identity and access management"),
        ("sonarqube", "continuous inspection of code quality"), ("tomcat", "java servlet container"),
        ("caddy", "web server with automatic https"), ("envoy", "edge and service proxy for cloud native applications"),
        ("nats", "messaging system for microservices"), ("clickhouse", "column oriented analytical database"),
        ("airflow", "platform to author schedule and monitor workflows"), ("spark", "unified engine for large scale data processing"),
        ("tensorflow", "end to end machine learning platform"), ("pytorch", "deep learning framework with gpu acceleration"),
        ("cuda", "parallel computing platform for nvidia gpus"), ("terraform", "infrastructure as code provisioning tool"),
        ("ansible", "agentless automation and configuration management"), ("selenium", "browser automation for web testing"),
        ("argocd", "declarative gitops continuous delivery"), ("portainer", "container management user interface"),
        ("postgis", "spatial and geographic objects for postgresql"), ("phpmyadmin", "web interface for mysql administration"),
        ("nextcloud", "self hosted file sync and share"), ("gitlab", "devops platform with git repository management"),
        ("registry", "storage and distribution of container images"), ("rust", "systems programming language toolchain"),
        ("ruby", "dynamic programming language focused on simplicity"), ("php", "scripting language for web development"),
        ("perl", "highly capable feature rich programming language"), ("dotnet", "runtime and sdk for net applications"),
        ("neo4j", "graph database platform"), ("couchdb", "database that uses json for documents"),
        ("solr", "open source enterprise search platform"), ("jaeger", "distributed tracing platform"),
        ("loki", "horizontally scalable log aggregation"), ("tempo", "high volume distributed tracing backend"),
        ("vector", "high performance observability data pipeline"), ("telegraf", "agent for collecting and reporting metrics"),
        ("mosquitto", "lightweight mqtt message broker"), ("coredns", "dns server that chains plugins"),
        ("kong", "cloud native api gateway"), ("superset", "data exploration and visualization web application"),
        ("metabase", "business intelligence and analytics for everyone"), ("redmine", "flexible project management web application"),
        ("drupal", "open source content management platform"), ("ghost", "publishing platform for professional blogs"),
        ("mattermost", "open source collaboration and messaging"), ("rocketchat", "team communication platform"),
        ("jupyter", "interactive notebooks for data science"), ("hadoop", "distributed storage and processing of big data"),
        ("flink", "stateful computations over data streams"), ("pulsar", "cloud native distributed messaging and streaming"),
        ("questdb", "fast sql time series database"), ("timescaledb", "postgresql extension for time series data"),
        ("cockroachdb", "distributed sql database for global applications"), ("scylla", "low latency nosql data store"),
        ("opensearch", "community driven search and analytics suite"), ("harbor", "trusted cloud native registry"),
        ("velero", "backup and migrate kubernetes resources"), ("istio", "service mesh that connects and secures services"),
        ("linkerd", "ultralight service mesh"), ("cilium", "ebpf based networking and security"),
        ("calico", "networking and network policy for kubernetes"), ("nodered", "low code programming for event driven applications"),
    ];

    /// <summary>Publishers that repackage popular software under its plain name.</summary>
    public static readonly (string Alias, string Publisher, bool Verified, double PullShare)[] Repackagers =
    [
        ("bitnami", "Bitnami by VMware", true, 0.05), ("chainguard", "Chainguard", true, 0.01), ("ubuntu", "Canonical", true, 0.008),
        ("linuxserver", "LinuxServer.io", false, 0.004), ("rapidfort", "RapidFort", false, 0.001), ("ironbank", "Iron Bank", false, 0.0005),
        ("cimg", "CircleCI", true, 0.002), ("docker-io-mirror", "Docker Hub mirror", false, 0.02),
    ];
}
