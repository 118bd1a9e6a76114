using System.Globalization;

namespace NpmrcBuildCheck.Text;

/// <summary>A count with its noun in the right number, for messages: "1 finding", "2 findings".</summary>
internal static class Counted
{
    /// <summary><paramref name="count"/> and <paramref name="singular"/>, or its plural (singular + "s" unless given).</summary>
    public static string Of(long count, string singular, string? plural = null) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural ?? singular + "s");
}
