using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Detection;

namespace NpmrcBuildCheck.Engine.Tests.Detection;

/// <summary>Corpus for any other text file: NPMRC003 and its not-a-finding cases (peers' false positives).</summary>
[TestClass]
public sealed class TextCorpusTests
{
    [TestMethod]
    // Checksum-valid tokens anywhere, with boundaries.
    [DataRow("const token = \"«{T}»\";", "NPMRC003")]
    [DataRow("«{T}»", "NPMRC003")]
    [DataRow("line one\nline two «{T}» tail\n", "NPMRC003")]
    [DataRow("a\r\nb\r\n\t«{T}»\r\n", "NPMRC003")]
    [DataRow("url=https://x/«{T}»?q", "NPMRC003")]
    [DataRow("«{T}»\n«{T2}»", "NPMRC003 NPMRC003")]
    [DataRow("«{T}» «{T}»", "NPMRC003 NPMRC003")]
    [DataRow("x = '«{T}»' // npm token", "NPMRC003")]
    [DataRow("ünïcödé → «{T}»", "NPMRC003")]
    // Literal values assigned to well-known npm token variables.
    [DataRow("NPM_TOKEN=«{O}»", "NPMRC003")]
    [DataRow("NPM_TOKEN=«{T}»", "NPMRC003")]
    [DataRow("export NPM_TOKEN=«{U}»", "NPMRC003")]
    [DataRow("export NPM_TOKEN=\"«{O}»\"", "NPMRC003")]
    [DataRow("NODE_AUTH_TOKEN=«{O}» npm publish", "NPMRC003")]
    [DataRow("$env:NPM_TOKEN = \"«{O}»\"", "NPMRC003")]
    [DataRow("$env:NODE_AUTH_TOKEN='«{O}»'", "NPMRC003")]
    [DataRow("set NPM_TOKEN=«{O}»", "NPMRC003")]
    [DataRow("set \"NPM_TOKEN=«{O}»\"", "NPMRC003")]
    [DataRow("setx NPM_TOKEN «{O}»", "NPMRC003")]
    [DataRow("[Environment]::SetEnvironmentVariable('NPM_TOKEN', '«{O}»', 'User')", "NPMRC003")]
    [DataRow("launchSettings: \"environmentVariables\": { \"NODE_AUTH_TOKEN\": \"«{U}»\" }", "NPMRC003")]
    [DataRow(": \"${NPM_TOKEN:?NPM_TOKEN is required}\"", "")]
    [DataRow("val NPM_TOKEN = \"NPM_TOKEN\"", "")]
    [DataRow("NPM_TOKEN = var.npm_token", "")]
    [DataRow("NPM_TOKEN: z.string().min(1),", "")]
    [DataRow("NPM_TOKEN: {{ .Values.npmToken }}", "")]
    [DataRow("Set `NPM_TOKEN` to your token; NPM_TOKEN: the token used to publish", "")]
    [DataRow("t._auth=function(e){return e},t._password=n.password", "")]
    [DataRow("ENV NPM_TOKEN=«{O}»", "NPMRC003")]
    [DataRow("ENV NPM_TOKEN «{O}»", "NPMRC003")]
    [DataRow("ARG NPM_TOKEN=«{O}»", "NPMRC003")]
    [DataRow("env:\n  NODE_AUTH_TOKEN: «{O}»\n", "NPMRC003")]
    [DataRow("    NPM_TOKEN: \"«{U}»\"", "NPMRC003")]
    [DataRow("      - NPM_TOKEN=«{O}»", "NPMRC003")]
    [DataRow("npm config set //registry.npmjs.org/:_authToken «{O}»", "NPMRC003")]
    [DataRow("npm config set //registry.npmjs.org/:_authToken=«{O}»", "NPMRC003")]
    [DataRow("npm config set _authToken «{O}»", "NPMRC003")]
    [DataRow("yarn config set npmAuthToken «{O}»", "NPMRC003")]
    [DataRow("echo \"//registry.npmjs.org/:_authToken=«{O}»\" > .npmrc", "NPMRC003")]
    [DataRow("echo //npm.pkg.github.com/:_authToken=«ghp_{O}» >> ~/.npmrc", "NPMRC003")]
    [DataRow("npm_config__authToken=«{O}»", "NPMRC003")]
    [DataRow("NPM_CONFIG__AUTH=«{B64UP}»", "NPMRC003")]
    [DataRow("\"npm_config_//registry.npmjs.org/:_authToken\": \"«{O}»\"", "NPMRC003")]
    [DataRow("YARN_NPM_AUTH_TOKEN=«{O}»", "NPMRC003")]
    [DataRow("process.env.NPM_TOKEN = \"«{O}»\";", "NPMRC003")]
    [DataRow("process.env[\"NPM_TOKEN\"] = \"«{O}»\";", "NPMRC003")]
    [DataRow("os.environ['NODE_AUTH_TOKEN'] = '«{U}»'", "NPMRC003")]
    [DataRow("npm_token = \"«{O}»\"", "NPMRC003")]
    [DataRow("if (process.env[\"NPM_TOKEN\"] === undefined) throw new Error();", "")]
    [DataRow("Environment.SetEnvironmentVariable(\"NPM_TOKEN\", \"«{O}»\");", "NPMRC003")]
    [DataRow("{ \"NPM_TOKEN\": \"«{O}»\" }", "NPMRC003")]
    [DataRow("\"publishConfig\": { \"//registry.npmjs.org/:_authToken\": \"«{O}»\" }", "NPMRC003")]
    [DataRow("NPM_TOKEN=«{BAD}»", "NPMRC003")]
    // Not findings: references, CI expressions, placeholders.
    [DataRow("NPM_TOKEN=$NPM_TOKEN", "")]
    [DataRow("NPM_TOKEN=${NPM_TOKEN}", "")]
    [DataRow("NPM_TOKEN: ${{ secrets.NPM_TOKEN }}", "")]
    [DataRow("NODE_AUTH_TOKEN: ${{secrets.NPM_TOKEN}}", "")]
    [DataRow("NPM_TOKEN: $(NpmToken)", "")]
    [DataRow("set NPM_TOKEN=%NPM_TOKEN%", "")]
    [DataRow("NPM_TOKEN=#{NpmToken}#", "")]
    [DataRow("NPM_TOKEN=__NPM_TOKEN__", "")]
    [DataRow("NPM_TOKEN=<your-token>", "")]
    [DataRow("NPM_TOKEN=xxxxxxxxxxxxxxxx", "")]
    [DataRow("NPM_TOKEN=YOUR_NPM_TOKEN", "")]
    [DataRow("NPM_TOKEN=changeme", "")]
    [DataRow("'//basic.auth.only.foo.com/:_auth': 'dXNlcm5hbWU6cGFzc3dvcmQ=',", "")]
    [DataRow("'//basic.auth.only.foo.com:_auth': 'aXNhYWNzOm5vdCBteSByZWFsIHBhc3N3b3Jk',", "")]
    [DataRow("NPM_TOKEN=REPLACE_ME", "")]
    [DataRow("NPM_TOKEN=", "")]
    [DataRow("NPM_TOKEN=\"\"", "")]
    [DataRow("NODE_AUTH_TOKEN: process.env.NPM_TOKEN", "")]
    [DataRow("const token = process.env.NPM_TOKEN ?? '';", "")]
    [DataRow("interface Env { NPM_TOKEN?: string; NODE_AUTH_TOKEN: string }", "")]
    [DataRow("if [ \"$NPM_TOKEN\" == \"\" ]; then exit 1; fi", "")]
    [DataRow("if (NPM_TOKEN == \"abc12345678\") {}", "")]
    [DataRow("echo \"//registry.npmjs.org/:_authToken=${NPM_TOKEN}\" > .npmrc", "")]
    [DataRow("npm config set //registry.npmjs.org/:_authToken \"$NPM_TOKEN\"", "")]
    [DataRow("self._password = \"hunter2hunter2\"", "")]
    [DataRow("_auth = load_auth(config)", "")]
    [DataRow("NPM_TOKEN=NODE_AUTH_TOKEN", "")]
    // npm_ look-alikes and identifiers.
    [DataRow("{BAD}", "")]
    [DataRow("npm_abcdefghijABCDEFGHIJ0123456789abcde", "")]
    [DataRow("npm_abcdefghijABCDEFGHIJ0123456789abcdefg", "")]
    [DataRow("x{T}", "")]
    [DataRow("_{T}", "")]
    [DataRow("{T}_suffix", "")]
    [DataRow("{T}Z", "")]
    [DataRow("NPM_{T}", "")]
    [DataRow("echo $npm_package_version $npm_config_cache", "")]
    [DataRow("var msg = npm_i_save_dev_types_node_1234567890abcdefghijklmnopqr;", "")]
    [DataRow("npm_package_dependencies_typescript=5.4.0", "")]
    // GUIDs without npm credential context (.sln, .csproj, appsettings).
    [DataRow("Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"NpmApp\", \"NpmApp.csproj\", \"{{U}}\"", "")]
    [DataRow("<UserSecretsId>aspnet-NpmApp-{U}</UserSecretsId>", "")]
    [DataRow("<ProjectGuid>{{U}}</ProjectGuid>", "")]
    [DataRow("\"Npm\": { \"ClientId\": \"{U}\", \"TenantId\": \"{U}\" }", "")]
    [DataRow("\"integrity\": \"sha512-{B64P}\"", "")]
    [DataRow("<ClCompile Include=\"npm.cpp\"><UniqueIdentifier>{{U}}</UniqueIdentifier></ClCompile>", "")]
    [DataRow("\"NpmSettings\": { \"correlationId\": \"{U}\", \"InstanceId\": \"{U}\" }", "")]
    [DataRow("npm ERR! 404 Not Found - GET https://registry.npmjs.org/@scope%2fpkg - Not found", "")]
    [DataRow("- run: npm ci\n  env:\n    NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}\n- uses: actions/setup-node@v4\n  with:\n    registry-url: https://registry.npmjs.org", "")]
    [DataRow("steps:\n- script: npm publish\n  env:\n    NPM_TOKEN: $(npmToken)", "")]
    [DataRow("docker build --build-arg NPM_TOKEN=${NPM_TOKEN} .", "")]
    [DataRow("docker build --build-arg NPM_TOKEN=«{O}» .", "NPMRC003")]
    [DataRow("services:\n  web:\n    environment:\n      - NPM_TOKEN=«{U}»", "NPMRC003")]
    [DataRow("  \"NPM_TOKEN\": \"«{T}»\",", "NPMRC003")]
    public void Text(string template, string codes) => Harness.Check(FileKind.Text, template, codes, "src/file.txt");

    [TestMethod]
    [DataRow("{\n  \"name\": \"x\",\n  \"publishConfig\": { \"registry\": \"«http://npm.example.com/»\" }\n}", "NPMRC005")]
    [DataRow("{ \"publishConfig\": { \"registry\": \"https://npm.example.com/\", \"//npm.example.com/:_authToken\": \"«{O}»\" } }", "NPMRC003")]
    [DataRow("{ \"publishConfig\": { \"registry\": \"http://localhost:4873/\" } }", "")]
    public void PackageJson(string template, string codes) => Harness.Check(FileKind.Text, template, codes, "ClientApp/package.json");

    [TestMethod]
    public void OneFindingPerSecretOccurrence()
    {
        var findings = Harness.Run(FileKind.Text, Harness.Expand("NPM_TOKEN={T}"));
        Assert.HasCount(1, findings);
        Assert.AreEqual("NPM_TOKEN", findings[0].Key);
        StringAssert.Contains(findings[0].Message, "NPM_TOKEN");
    }
}

[TestClass]
public sealed class DenseUnderscoreTests
{
    /// <summary>
    /// The byte scan switches strategy when underscores are dense; every text corpus row must give the
    /// same findings (one line lower) after a preamble full of underscores.
    /// </summary>
    [TestMethod]
    public void TextCorpusGivesTheSameFindingsInBothScanModes()
    {
        string preamble = string.Concat(System.Linq.Enumerable.Repeat("my_var x_y __init__ ", 200)) + "\n";
        var rows = typeof(TextCorpusTests).GetMethod(nameof(TextCorpusTests.Text))!
            .GetCustomAttributes(typeof(DataRowAttribute), false).Cast<DataRowAttribute>().ToList();
        Assert.IsGreaterThan(50, rows.Count);
        foreach (var row in rows)
        {
            string template = (string)row.Data[0]!;
            string text = Harness.StripMarkers(Harness.Expand(template), true).Text;
            var plain = Harness.Run(FileKind.Text, text).Select(f => $"{f.Rule.Code}@{f.Line + 1}:{f.Column}-{f.EndColumn}").ToList();
            var dense = Harness.Run(FileKind.Text, preamble + text).Select(f => $"{f.Rule.Code}@{f.Line}:{f.Column}-{f.EndColumn}").ToList();
            CollectionAssert.AreEqual(plain, dense, template);
        }
    }

    [TestMethod]
    // Documentation: assignments are examples, checksum-valid tokens are leaks.
    [DataRow("docs/publishing.md", "```\nNPM_TOKEN={O}\n```", "")]
    [DataRow("README.md", "{\n  '//registry.npmjs.org/:_authToken': 't0k3nH34r'\n}", "")]
    [DataRow("docs/setup.rst", "export NODE_AUTH_TOKEN={U}", "")]
    [DataRow("README.md", "NPM_TOKEN=«{T}»", "NPMRC003")]
    [DataRow("docs/leak.md", "paste «{T}» here", "NPMRC003")]
    [DataRow("scripts/publish.sh", "NPM_TOKEN=«{O}»", "NPMRC003")]
    [DataRow("notes.md.sh", "NPM_TOKEN=«{O}»", "NPMRC003")]
    public void DocumentationCountsOnlyNpmTokens(string path, string template, string codes) =>
        Harness.Check(FileKind.Text, template, codes, path);
}
