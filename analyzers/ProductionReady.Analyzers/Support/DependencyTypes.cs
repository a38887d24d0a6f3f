using System;
using Microsoft.CodeAnalysis;

namespace ProductionReady.Analyzers;

/// <summary>
/// Recognizes clients of external dependencies (databases, caches, brokers, HTTP) by namespace and base type,
/// so the rules need no reference to any of those libraries.
/// </summary>
internal static class DependencyTypes
{
    private static readonly (string Namespace, string Kind)[] Namespaces =
    {
        ("Npgsql", "database"), ("Microsoft.Data.SqlClient", "database"), ("System.Data.SqlClient", "database"),
        ("MySql", "database"), ("MySqlConnector", "database"), ("Oracle", "database"), ("Microsoft.Data.Sqlite", "database"),
        ("Microsoft.EntityFrameworkCore", "database"), ("MongoDB", "database"), ("Cassandra", "database"),
        ("StackExchange.Redis", "cache"), ("Microsoft.Extensions.Caching.Distributed", "cache"),
        ("RabbitMQ", "message broker"), ("Confluent.Kafka", "message broker"), ("Azure", "cloud service"), ("Amazon", "cloud service"),
        ("Elastic", "search"), ("Elasticsearch", "search"), ("System.Net.Http", "HTTP"),
    };

    /// <summary>What kind of external dependency <paramref name="type"/> is a client of, or null.</summary>
    public static string? KindOf(ITypeSymbol? type)
    {
        if (type is null)
        {
            return null;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.ContainingNamespace is { } ns && !ns.IsGlobalNamespace)
            {
                var name = current.ContainingNamespace.ToDisplayString();
                foreach (var (prefix, kind) in Namespaces)
                {
                    if (name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal))
                    {
                        return kind;
                    }
                }

                if (name == "System.Data.Common" && (current.Name == "DbConnection" || current.Name == "DbDataSource"))
                {
                    return "database";
                }
            }
        }

        return null;
    }

    /// <summary>The kind a dependency health-check registration method names (<c>AddNpgSql</c> → database), or null.</summary>
    public static string? KindOfRegistration(string methodName)
    {
        var name = methodName.ToLowerInvariant();
        if (!name.StartsWith("add", StringComparison.Ordinal) || name == "addcheck" || name == "addasynccheck" || name == "addtypeactivatedcheck")
        {
            return null;
        }

        if (Has(name, "npgsql") || Has(name, "postgres") || Has(name, "sqlserver") || Has(name, "mysql") || Has(name, "oracle")
            || Has(name, "sqlite") || Has(name, "mongo") || Has(name, "dbcontext") || Has(name, "cosmos") || Has(name, "dynamo")
            || Has(name, "database") || Has(name, "cassandra") || Has(name, "sql"))
        {
            return "database";
        }

        if (Has(name, "redis") || Has(name, "cache") || Has(name, "memcache"))
        {
            return "cache";
        }

        if (Has(name, "rabbit") || Has(name, "kafka") || Has(name, "servicebus") || Has(name, "eventhub") || Has(name, "nats") || Has(name, "sqs"))
        {
            return "message broker";
        }

        if (Has(name, "urlgroup") || Has(name, "http") || Has(name, "uri") || Has(name, "url"))
        {
            return "HTTP";
        }

        if (Has(name, "elastic") || Has(name, "blob") || Has(name, "s3") || Has(name, "azure") || Has(name, "aws"))
        {
            return "cloud service";
        }

        return null;
    }

    private static bool Has(string name, string part) => name.IndexOf(part, StringComparison.Ordinal) >= 0;
}
