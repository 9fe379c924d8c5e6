namespace Emulator.Protocol;

/// <summary>Caller input echoed in an error message is cut to a bounded length, so no error repeats an unbounded value.</summary>
public static class Shown
{
    public const int MaxEchoed = 256;

    public static string Bounded(string? text) =>
        text is null ? "" : text.Length <= MaxEchoed ? text : text[..MaxEchoed] + "...";
}
