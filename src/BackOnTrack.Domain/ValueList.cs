using System.Collections;
using System.Runtime.CompilerServices;

namespace BackOnTrack.Domain;

/// <summary>
/// An immutable list that compares by its items, so records holding it compare by value
/// (<c>replay == live</c>). Serializers see it as an ordinary <see cref="IReadOnlyList{T}"/>.
/// </summary>
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    internal ValueList(T[] items) => _items = items;

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    public ValueList<T> Add(T item)
    {
        var copy = new T[_items.Length + 1];
        _items.CopyTo(copy, 0);
        copy[^1] = item;
        return new ValueList<T>(copy);
    }

    public ValueList<T> AddRange(IEnumerable<T> items)
    {
        var added = items.ToArray();
        if (added.Length == 0)
        {
            return this;
        }

        var copy = new T[_items.Length + added.Length];
        _items.CopyTo(copy, 0);
        added.CopyTo(copy, _items.Length);
        return new ValueList<T>(copy);
    }

    public ValueList<T> SetItem(int index, T item)
    {
        var copy = (T[])_items.Clone();
        copy[index] = item;
        return new ValueList<T>(copy);
    }

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public bool Equals(ValueList<T>? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other._items.Length != _items.Length)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < _items.Length; i++)
        {
            if (!comparer.Equals(_items[i], other._items[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => "[" + string.Join(", ", _items) + "]";

    public static bool operator ==(ValueList<T>? left, ValueList<T>? right) =>
        left is null ? right is null : left.Equals(right);

    public static bool operator !=(ValueList<T>? left, ValueList<T>? right) => !(left == right);
}

/// <summary>Factory methods for <see cref="ValueList{T}"/>.</summary>
public static class ValueList
{
    public static ValueList<T> Empty<T>() => EmptyHolder<T>.Instance;

    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) =>
        items.IsEmpty ? Empty<T>() : new ValueList<T>(items.ToArray());

    public static ValueList<T> Of<T>(params T[] items) => Create<T>(items);

    /// <summary>Wraps any sequence (null becomes empty); an existing value list is returned as is.</summary>
    public static ValueList<T> From<T>(IEnumerable<T>? items) => items switch
    {
        null => Empty<T>(),
        ValueList<T> list => list,
        _ => Create<T>(items.ToArray()),
    };

    public static ValueList<T> ToValueList<T>(this IEnumerable<T>? items) => From(items);

    private static class EmptyHolder<T>
    {
        public static readonly ValueList<T> Instance = new([]);
    }
}
