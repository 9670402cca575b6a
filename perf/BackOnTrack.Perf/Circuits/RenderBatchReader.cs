using System.Buffers.Binary;
using System.Text;

namespace BackOnTrack.Perf.Circuits;

/// <summary>Edit types of a render tree diff, as numbered in Web.JS/src/Rendering/RenderBatch/RenderBatch.ts.</summary>
internal enum EditType
{
    PrependFrame = 1,
    RemoveFrame = 2,
    SetAttribute = 3,
    RemoveAttribute = 4,
    UpdateText = 5,
    StepIn = 6,
    StepOut = 7,
    UpdateMarkup = 8,
    PermutationListEntry = 9,
    PermutationListEnd = 10,
}

/// <summary>Frame types of a render tree, as numbered in RenderBatch.ts.</summary>
internal enum FrameType
{
    Element = 1,
    Text = 2,
    Attribute = 3,
    Component = 4,
    Region = 5,
    ElementReferenceCapture = 6,
    Markup = 8,
    NamedEvent = 10,
}

/// <summary>One reference frame, decoded. Which fields mean something depends on <see cref="Type"/>.</summary>
internal readonly record struct Frame(FrameType Type, int SubtreeLength, int ComponentId, string? Name, string? Value, ulong EventHandlerId);

/// <summary>One edit of a component's diff.</summary>
internal readonly record struct Edit(EditType Type, int SiblingIndex, int NewTreeIndex, string? RemovedAttributeName)
{
    public int MoveToSiblingIndex => NewTreeIndex;
}

internal sealed record ComponentDiff(int ComponentId, IReadOnlyList<Edit> Edits);

/// <summary>
/// A decoded render batch in the out-of-process format that Blazor Server sends in JS.RenderBatch
/// (the reader in Web.JS/src/Rendering/RenderBatch/OutOfProcessRenderBatch.ts, in C#): the last five
/// int32s locate the updated components, the reference frames, the disposed component ids, the disposed
/// event handler ids and the string table. Strings are LEB128-length-prefixed UTF-8.
/// </summary>
internal sealed class RenderBatch
{
    private const int ReferenceFrameLength = 20;
    private const int EditLength = 16;

    public required IReadOnlyList<ComponentDiff> UpdatedComponents { get; init; }

    public required IReadOnlyList<Frame> ReferenceFrames { get; init; }

    public required IReadOnlyList<int> DisposedComponentIds { get; init; }

    public required IReadOnlyList<ulong> DisposedEventHandlerIds { get; init; }

    public static RenderBatch Read(ReadOnlySpan<byte> data)
    {
        if (data.Length < 20)
        {
            throw new FormatException($"A render batch has at least 20 bytes; this one has {data.Length}.");
        }

        var updatedComponentsAt = Int(data, data.Length - 20);
        var referenceFramesAt = Int(data, data.Length - 16);
        var disposedComponentsAt = Int(data, data.Length - 12);
        var disposedHandlersAt = Int(data, data.Length - 8);
        var strings = new StringTable(data, Int(data, data.Length - 4));

        var diffCount = Int(data, updatedComponentsAt);
        var diffs = new List<ComponentDiff>(diffCount);
        for (var i = 0; i < diffCount; i++)
        {
            var diffAt = Int(data, updatedComponentsAt + 4 + (i * 4));
            var componentId = Int(data, diffAt);
            var editCount = Int(data, diffAt + 4);
            var edits = new Edit[editCount];
            for (var e = 0; e < editCount; e++)
            {
                var at = diffAt + 8 + (e * EditLength);
                var type = (EditType)Int(data, at);
                edits[e] = new Edit(type, Int(data, at + 4), Int(data, at + 8),
                    type == EditType.RemoveAttribute ? strings.Read(Int(data, at + 12)) : null);
            }

            diffs.Add(new ComponentDiff(componentId, edits));
        }

        var frameCount = Int(data, referenceFramesAt);
        var frames = new Frame[frameCount];
        for (var i = 0; i < frameCount; i++)
        {
            frames[i] = ReadFrame(data, referenceFramesAt + 4 + (i * ReferenceFrameLength), strings);
        }

        var disposedComponentCount = Int(data, disposedComponentsAt);
        var disposedComponents = new int[disposedComponentCount];
        for (var i = 0; i < disposedComponentCount; i++)
        {
            disposedComponents[i] = Int(data, disposedComponentsAt + 4 + (i * 4));
        }

        var disposedHandlerCount = Int(data, disposedHandlersAt);
        var disposedHandlers = new ulong[disposedHandlerCount];
        for (var i = 0; i < disposedHandlerCount; i++)
        {
            disposedHandlers[i] = BinaryPrimitives.ReadUInt64LittleEndian(data[(disposedHandlersAt + 4 + (i * 8))..]);
        }

        return new RenderBatch
        {
            UpdatedComponents = diffs,
            ReferenceFrames = frames,
            DisposedComponentIds = disposedComponents,
            DisposedEventHandlerIds = disposedHandlers,
        };
    }

    private static Frame ReadFrame(ReadOnlySpan<byte> data, int at, StringTable strings)
    {
        var type = (FrameType)Int(data, at);
        return type switch
        {
            FrameType.Element => new(type, Int(data, at + 4), 0, strings.Read(Int(data, at + 8)), null, 0),
            FrameType.Text or FrameType.Markup => new(type, 0, 0, null, strings.Read(Int(data, at + 4)), 0),
            FrameType.Attribute => new(type, 0, 0, strings.Read(Int(data, at + 4)), strings.Read(Int(data, at + 8)),
                BinaryPrimitives.ReadUInt64LittleEndian(data[(at + 12)..])),
            FrameType.Component => new(type, Int(data, at + 4), Int(data, at + 8), null, null, 0),
            FrameType.Region => new(type, Int(data, at + 4), 0, null, null, 0),
            FrameType.ElementReferenceCapture => new(type, 0, 0, null, strings.Read(Int(data, at + 4)), 0),
            _ => new(type, 0, 0, null, null, 0),
        };
    }

    private static int Int(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadInt32LittleEndian(data[at..]);

    private readonly ref struct StringTable(ReadOnlySpan<byte> data, int tableAt)
    {
        private readonly ReadOnlySpan<byte> _data = data;

        public string? Read(int index)
        {
            if (index == -1)
            {
                return null;
            }

            var at = Int(_data, tableAt + (index * 4));
            var length = 0;
            var shift = 0;
            byte b;
            do
            {
                b = _data[at++];
                length |= (b & 0x7F) << shift;
                shift += 7;
            }
            while ((b & 0x80) != 0);

            return Encoding.UTF8.GetString(_data.Slice(at, length));
        }
    }
}
