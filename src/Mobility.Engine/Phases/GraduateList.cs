namespace Mobility.Engine.Phases;

/// <summary>
/// The graduates a study pass has found and not yet passed on (<see cref="GraduationAndReturn.Graduate"/>): their
/// slots and, from their year's study stream, the word of the transition draw and of the return draw. On the stack.
/// </summary>
internal ref struct GraduateList(Span<int> slots, Span<uint> transitionWords, Span<uint> returnWords)
{
    public readonly Span<int> Slots = slots;
    public readonly Span<uint> TransitionWords = transitionWords;
    public readonly Span<uint> ReturnWords = returnWords;

    /// <summary>Graduates listed.</summary>
    public int Count;

    public readonly int Capacity => Slots.Length;

    public void Add(int slot, uint transitionWord, uint returnWord)
    {
        Slots[Count] = slot;
        TransitionWords[Count] = transitionWord;
        ReturnWords[Count] = returnWord;
        Count++;
    }

    /// <summary>Removes the first <paramref name="n"/> (passed on), moving the rest to the front.</summary>
    public void DropFirst(int n)
    {
        Count -= n;
        Slots.Slice(n, Count).CopyTo(Slots);
        TransitionWords.Slice(n, Count).CopyTo(TransitionWords);
        ReturnWords.Slice(n, Count).CopyTo(ReturnWords);
    }
}
