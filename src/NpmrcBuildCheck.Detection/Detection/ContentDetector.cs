using System;
using System.Collections.Generic;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.Rules;
using NpmrcBuildCheck.Text;
using NpmrcBuildCheck.Workflows;

namespace NpmrcBuildCheck.Detection;

/// <summary>
/// Entry point of detection for one file: picks the reader for the file kind and applies
/// inline suppressions. Pure: bytes in, findings out. Never throws.
/// </summary>
public static class ContentDetector
{
    /// <summary>Detects findings in one file's content.</summary>
    /// <param name="relativePath">Path relative to the scan root, '/' separators; becomes <see cref="Finding.Path"/>.</param>
    /// <param name="kind">The file kind (see <see cref="FileKinds.Classify"/>).</param>
    /// <param name="content">The raw bytes of the file.</param>
    /// <param name="findings">Receives the findings.</param>
    public static void Detect(string relativePath, FileKind kind, ReadOnlySpan<byte> content, ICollection<Finding> findings)
    {
        var sink = new FindingSink(relativePath ?? string.Empty);
        try
        {
            DecodedText? doc = null;
            switch (kind)
            {
                case FileKind.Npmrc:
                case FileKind.Yarnrc:
                case FileKind.YarnrcYml:
                case FileKind.Bunfig:
                    doc = DecodedText.Decode(content);
                    ReadConfig(doc, kind, sink);
                    break;
                case FileKind.Lockfile:
                    if (DecodedText.DetectEncoding(content, out _) == SourceEncoding.Utf8 && !LockfileReader.MayHoldCredentials(content))
                    {
                        break;
                    }

                    doc = DecodedText.Decode(content);
                    LockfileReader.Read(doc, sink);
                    break;
                default:
                    if (DecodedText.DetectEncoding(content, out _) != SourceEncoding.Utf8)
                    {
                        doc = DecodedText.Decode(content);
                        TextScanner.ScanDecoded(doc, sink);
                    }
                    else
                    {
                        TextScanner.ScanBytes(content, sink);
                    }

                    if (IsPackageJson(relativePath))
                    {
                        // Decoded only when it names a registry: a frontend tree has a package.json per package.
                        if (doc != null || content.IndexOf("\"registry\""u8) >= 0)
                        {
                            doc ??= DecodedText.Decode(content);
                            PackageJsonReader.Read(doc, sink);
                        }
                    }
                    else if (CiFiles.Classify(relativePath) is CiProvider provider)
                    {
                        doc ??= DecodedText.Decode(content);
                        TrustedPublishingRule.Check(provider, doc, sink);
                    }

                    break;
            }

            if (sink.Items.Count > 0)
            {
                ApplySuppressions(sink, doc, content);
            }
        }
        catch (Exception ex)
        {
            sink.Items.Add(ScanProblemFindings.Internal(sink.Path, ex));
        }

        foreach (var finding in sink.Items)
        {
            findings.Add(finding);
        }
    }

    private static bool IsPackageJson(string? path) =>
        path != null && (path == "package.json" || path.EndsWith("/package.json", StringComparison.Ordinal) || path.EndsWith("\\package.json", StringComparison.Ordinal));

    private static void ReadConfig(DecodedText doc, FileKind kind, FindingSink sink)
    {
        var commentStart = new int[doc.Lines.Count];
        for (int i = 0; i < commentStart.Length; i++)
        {
            commentStart[i] = -1;
        }

        switch (kind)
        {
            case FileKind.Npmrc:
                NpmrcReader.Read(doc, sink, commentStart);
                break;
            case FileKind.Yarnrc:
                YarnrcReader.Read(doc, sink, commentStart);
                break;
            case FileKind.YarnrcYml:
                YarnrcYmlReader.Read(doc, sink, commentStart);
                break;
            default:
                BunfigReader.Read(doc, sink, commentStart);
                break;
        }

        TextScanner.TokenPass(doc, sink, commentStart);
        string name = kind switch
        {
            FileKind.Npmrc => ".npmrc",
            FileKind.Yarnrc => ".yarnrc",
            FileKind.YarnrcYml => ".yarnrc.yml",
            _ => "bunfig.toml",
        };

        if (doc.Encoding != SourceEncoding.Utf8)
        {
            sink.Add(RuleCatalog.UnreadableConfigFile, 1, 1, 1, null, "encoding:utf-16", "UTF-16", Messages.Utf16(name));
        }
        else if (doc.FirstInvalidUtf8 >= 0 && FirstInvalidSettingLine(doc, commentStart) is int li)
        {
            int line = doc.Lines[li].Number;
            sink.Add(RuleCatalog.UnreadableConfigFile, line, 1, 1, null, "encoding:invalid-utf-8", "invalid UTF-8", Messages.InvalidUtf8(name, line));
        }
    }

    /// <summary>
    /// The first line whose setting (not comment) holds a byte that is not UTF-8. Such a key or
    /// value reaches the tool as U+FFFD; a Latin-1 "café" in a comment changes nothing.
    /// </summary>
    private static int? FirstInvalidSettingLine(DecodedText doc, int[] commentStart)
    {
        string text = doc.Text;
        for (int at = text.IndexOf('\uFFFD'); at >= 0; at = text.IndexOf('\uFFFD', at + 1))
        {
            int li = doc.LineIndexOf(at);
            var line = doc.Lines[li];
            int first = line.Start;
            first = Js.SkipWhiteSpace(text, first, line.End);

            bool commentLine = first < line.End && (text[first] == '#' || text[first] == ';');
            bool inComment = commentStart[li] >= 0 && at - line.Start >= commentStart[li];
            if (!commentLine && !inComment)
            {
                return li;
            }
        }

        return null;
    }

    private static void ApplySuppressions(FindingSink sink, DecodedText? doc, ReadOnlySpan<byte> content)
    {
        if (doc != null)
        {
            if (doc.Text.IndexOf(Suppressions.Marker, StringComparison.OrdinalIgnoreCase) < 0)
            {
                return;
            }

            // Lines are numbered from 1 in order (DecodedText.SplitLines): line n is at index n - 1.
            Suppressions.Apply(sink.Items, n => n >= 1 && n <= doc.Lines.Count ? doc.LineText(n - 1) : null);
            return;
        }

        if (content.IndexOf("npmrc-buildcheck-ignore"u8) < 0 && content.IndexOf("NPMRC-BUILDCHECK-IGNORE"u8) < 0)
        {
            return;
        }

        // Text files: lines break at LF only, as in the byte scan.
        string[] lines = Utf8.GetString(content).Split('\n');
        Suppressions.Apply(sink.Items, n => n >= 1 && n <= lines.Length ? lines[n - 1].TrimEnd('\r') : null);
    }
}
