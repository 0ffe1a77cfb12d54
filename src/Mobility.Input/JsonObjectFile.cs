namespace Mobility.Input;

using System.Text.Json;

/// <summary>
/// Parses a JSON file that must hold one object (a scenario, a sweep design) with the leniency of the configuration
/// JSON provider (comments and trailing commas), and says what is wrong in the user's terms: an empty file, the line
/// and position of a syntax error, or the kind of value found instead of an object, never the parser's internals.
/// </summary>
public static class JsonObjectFile
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The parsed document (the caller disposes it); throws an <see cref="InputException"/> naming the file.</summary>
    /// <param name="kind">What the file is, e.g. "a scenario file".</param>
    public static JsonDocument Parse(string display, byte[] content, string kind)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content, Options);
        }
        catch (JsonException ex) when (IsEmpty(ex))
        {
            throw new InputException($"{display}: the file is empty; {kind} must contain one JSON object {{ ... }}");
        }
        catch (JsonException ex)
        {
            long line = (ex.LineNumber ?? 0) + 1;
            long position = (ex.BytePositionInLine ?? 0) + 1;
            throw new InputException($"{display}:{line}: malformed JSON at line {line}, position {position}: {Describe(ex)}");
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            string found = document.RootElement.ValueKind switch
            {
                JsonValueKind.Array => "an array [ ... ]",
                JsonValueKind.String => "a string",
                JsonValueKind.Number => "a number",
                JsonValueKind.True or JsonValueKind.False => "true or false",
                _ => "null",
            };
            document.Dispose();
            throw new InputException($"{display}: {kind} must contain one JSON object {{ ... }} (found {found})");
        }

        return document;
    }

    /// <summary>
    /// No JSON token at all: empty, blank, or only comments (the reader's own words for it, "... when isFinalBlock is
    /// true", describe its buffer, not the file).
    /// </summary>
    private static bool IsEmpty(JsonException ex) => ex.Message.Contains("does not contain any JSON tokens", StringComparison.Ordinal);

    /// <summary>The reader's message without its zero-based "LineNumber: .. | BytePositionInLine: .." suffix.</summary>
    private static string Describe(JsonException ex)
    {
        string message = ex.Message;
        foreach (string marker in new[] { " Path: ", " LineNumber: ", " | LineNumber" })
        {
            int at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at > 0)
            {
                message = message[..at];
            }
        }

        return message.TrimEnd();
    }
}
