using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Detection;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.Reporting;

namespace NpmrcBuildCheck.Engine.Tests.Findings;

/// <summary>
/// Nothing of a password or base64 basic-auth value is shown: no run of 4 or more of its characters
/// (nor of the password it decodes to) is in a finding's message, key, redacted form or SARIF result.
/// </summary>
/// <remarks>
/// Fairness: the secrets are random, so a 4-character run they share with the fixed wording
/// ("pass", "base", …) would be chance, not a leak. Each file is therefore also scanned with a
/// second, different secret of the same shape, and a run counts as shown only when it is in the
/// output for its own secret and not in the output for the other one. The old redaction, which kept
/// the last 4 characters of a value of 20 or more, fails this test.
/// </remarks>
[TestClass]
public sealed class PasswordRedactionTests
{
    [TestMethod]
    [DataRow(".npmrc", "//r.example.com/:_password={V}\n//r.example.com/:username=alice\n", false)]
    [DataRow(".npmrc", "_password={V}\n", false)]
    [DataRow(".npmrc", "//r.example.com/:_auth={V}\n", true)]
    [DataRow(".npmrc", "_auth={V}\n", true)]
    [DataRow(".npmrc", "# //r.example.com/:_password={V}\n", false)]
    [DataRow(".npmrc.example", "//r.example.com/:_password=\"{V}\"\n", false)]
    [DataRow(".yarnrc.yml", "npmAuthIdent: \"{V}\"\n", true)]
    [DataRow(".yarnrc", "\"//r.example.com/:_password\" \"{V}\"\n", false)]
    public void ABase64BasicAuthValueShowsNothing(string name, string template, bool userAndPassword)
    {
        for (int seed = 0; seed < 20; seed++)
        {
            var (secret, decoded) = Secret(seed, userAndPassword);
            var (other, _) = Secret(seed + 1000, userAndPassword);
            string output = Output(name, template.Replace("{V}", secret));
            string control = Output(name, template.Replace("{V}", other));
            foreach (string hidden in new[] { secret, decoded })
            {
                string? shown = FirstShownRun(hidden, output, control);
                Assert.IsNull(shown, $"'{shown}' of the secret is shown for {name}: {output}");
            }
        }
    }

    [TestMethod]
    [DataRow("//r.example.com/:_authToken={V}\n")]
    [DataRow("registry=https://alice:{V}@r.example.com/\n")]
    [DataRow("# //r.example.com/:_authToken={V}\n")]
    public void AShortSecretShowsNothing(string template)
    {
        // Under 20 characters: not even the last four.
        for (int seed = 0; seed < 20; seed++)
        {
            string secret = RandomText(seed, 8 + (seed % 12));
            string output = Output(".npmrc", template.Replace("{V}", secret));
            string control = Output(".npmrc", template.Replace("{V}", RandomText(seed + 1000, 8 + (seed % 12))));
            Assert.IsNull(FirstShownRun(secret, output, control), output);
        }
    }

    [TestMethod]
    public void ATokenOf20OrMoreCharactersStillShowsItsLastFour()
    {
        string token = RandomText(7, 32);
        string output = Output(".npmrc", $"//r.example.com/:_authToken={token}\n");
        StringAssert.Contains(output, "****" + token.Substring(28));
    }

    /// <summary>A random base64 value that decodes to printable text: a password, or user:password.</summary>
    private static (string Base64, string Decoded) Secret(int seed, bool userAndPassword)
    {
        string password = RandomText(seed, 10 + (seed % 15));
        string decoded = userAndPassword ? "alice:" + password : password;
        return (Convert.ToBase64String(Encoding.UTF8.GetBytes(decoded)), password);
    }

    private static string RandomText(int seed, int length)
    {
        const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!%&*+-";
        var random = new Random(seed);
        return new string(Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
    }

    /// <summary>Every field a user or a file sees: message, key, redacted form, and the SARIF log.</summary>
    private static string Output(string name, string text)
    {
        var findings = new List<Finding>();
        var kind = FileKinds.Classify(name);
        ContentDetector.Detect("app/" + name, kind, Encoding.UTF8.GetBytes(text), findings);
        Assert.IsTrue(findings.Any(f => NpmrcBuildCheck.Rules.RuleCatalog.IsCredentialRule(f.Rule)), $"no credential finding in {name}");
        string sarif = SarifLog.Build(findings.Select(f => new SarifLog.Entry(f, Outcome.Error)), "file:///repo/", "1.0.0");
        return string.Join("\n", findings.Select(f => $"{f.Message}\n{f.Key}\n{f.Redacted}")) + "\n" + sarif;
    }

    /// <summary>The first run of 4 or more characters of <paramref name="secret"/> in <paramref name="output"/> but not in <paramref name="control"/>.</summary>
    private static string? FirstShownRun(string secret, string output, string control)
    {
        for (int i = 0; i + 4 <= secret.Length; i++)
        {
            string run = secret.Substring(i, 4);
            if (output.Contains(run, StringComparison.Ordinal) && !control.Contains(run, StringComparison.Ordinal))
            {
                return run;
            }
        }

        return null;
    }
}
