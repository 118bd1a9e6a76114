using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace NpmrcBuildCheck.Package.Tests;

/// <summary>The published SARIF 2.1.0 schema (Schemas/sarif-2.1.0-rtm.5.json), for every test that checks a SARIF log.</summary>
internal static class SarifSchema
{
    /// <summary>The schema violations of a SARIF log, one per line; empty when it is valid.</summary>
    public static string Problems(JsonElement log)
    {
        var evaluation = Schema.Value.Evaluate(log, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return evaluation.IsValid
            ? string.Empty
            : "invalid SARIF\n" + string.Join("\n", (evaluation.Details ?? new()).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));
    }

    // The published schema is draft-04, which the validator does not read; its only draft-04
    // constructs are "$schema", the top-level "id" and "definitions", so they are renamed.
    private static readonly System.Lazy<JsonSchema> Schema = new(() =>
    {
        string text = File.ReadAllText(Path.Combine(System.AppContext.BaseDirectory, "Schemas", "sarif-2.1.0-rtm.5.json"))
            .Replace("\"#/definitions/", "\"#/$defs/");
        var schema = JsonNode.Parse(text)!.AsObject();
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        schema.Remove("id");
        var definitions = schema["definitions"]!;
        schema.Remove("definitions");
        schema["$defs"] = definitions;
        return JsonSchema.FromText(schema.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    });
}
