using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Detection;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.TestSupport;

namespace NpmrcBuildCheck.Engine.Tests.Detection;

[TestClass]
[DoNotParallelize]
public sealed class SpeedTests
{
    public TestContext TestContext { get; set; } = null!;

    private static byte[] BuildCorpus(int megabytes, out int tokens)
    {
        string[] lines =
        {
            "    private readonly Dictionary<string, int> _cache = new(StringComparer.Ordinal);",
            "    public async Task<IActionResult> GetAsync(int id, CancellationToken cancellationToken) => Ok(await _service.FindAsync(id));",
            "var __webpack_require__=function(e){return __webpack_modules__[e](e)};function n(e){return e&&e.__esModule?e:{default:e}}",
            "  \"scripts\": { \"build\": \"ng build --configuration production\", \"test\": \"jest --ci\" },",
            "echo $npm_package_version && node ./scripts/release.js --tag=$npm_config_tag",
            "<PackageReference Include=\"Microsoft.Extensions.Logging\" Version=\"8.0.0\" />",
            "SELECT user_id, created_at FROM audit_log WHERE tenant_id = @tenant AND is_deleted = 0;",
            "        // The quick brown fox jumps over the lazy dog; lorem ipsum dolor sit amet, consectetur adipiscing.",
            "def _password_hash(self, raw): return hashlib.sha256(raw).hexdigest()",
        };
        var sb = new StringBuilder(megabytes << 20);
        var random = new Random(42);
        tokens = 0;
        while (sb.Length < megabytes << 20)
        {
            sb.Append(lines[random.Next(lines.Length)]).Append('\n');
            if (random.Next(2000) == 0)
            {
                sb.Append("    env:\n      NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}\n");
            }

            if (random.Next(20000) == 0)
            {
                sb.Append("const t = \"").Append(FakeTokens.NpmToken(random)).Append("\";\n");
                tokens++;
            }
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    [TestMethod]
    public void TextScanThroughput()
    {
        byte[] data = BuildCorpus(32, out int tokens);
        var findings = new List<Finding>();
        ContentDetector.Detect("warmup", FileKind.Text, data.AsSpan(0, 1 << 20), findings);

        // As the tree scanner calls it: one call per file, files of ~64 KB.
        const int fileSize = 64 * 1024;
        findings.Clear();
        var sw = Stopwatch.StartNew();
        for (int offset = 0; offset < data.Length; offset += fileSize)
        {
            ContentDetector.Detect("f", FileKind.Text, data.AsSpan(offset, Math.Min(fileSize, data.Length - offset)), findings);
        }

        sw.Stop();
        double mbps = data.Length / (1024.0 * 1024.0) / sw.Elapsed.TotalSeconds;

        var baseline = Stopwatch.StartNew();
        long sum = 0;
        for (int offset = 0; offset < data.Length; offset += fileSize)
        {
            sum += data.AsSpan(offset, Math.Min(fileSize, data.Length - offset)).IndexOf((byte)0xFF);
        }

        baseline.Stop();
        double memchr = data.Length / (1024.0 * 1024.0) / baseline.Elapsed.TotalSeconds;
        TestContext.WriteLine($"Detect(Text): {mbps:F0} MB/s over {data.Length >> 20} MB ({findings.Count} findings, {tokens} tokens planted); single-byte IndexOf baseline {memchr:F0} MB/s ({sum})");
        System.IO.File.AppendAllText(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "npmrc-detect-speed.txt"), $"SPEED Detect(Text): {mbps:F0} MB/s; IndexOf baseline {memchr:F0} MB/s\n");
        Assert.IsGreaterThanOrEqualTo(tokens, findings.Count);
        Assert.IsGreaterThan(5.0, mbps, "the text scan is far slower than expected");
    }
}
