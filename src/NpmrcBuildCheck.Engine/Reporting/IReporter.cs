using System.IO;

namespace NpmrcBuildCheck.Reporting;

/// <summary>Renders a <see cref="Report"/> in one output format. A new format is a new reporter: no scanner or task changes.</summary>
public interface IReporter
{
    void Write(Report report, TextWriter output);
}
