namespace Mobility.Engine.Random;

/// <summary>A stream of 32-bit generator words (each stands for the uniform <see cref="UniformDraw.Of"/>); value types only, so a generic caller inlines it.</summary>
internal interface IWordSource
{
    /// <summary>The stream's next word.</summary>
    uint NextWord();
}
