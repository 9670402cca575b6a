using System.Buffers.Binary;
using System.Text;
using BackOnTrack.Perf.Circuits;

namespace BackOnTrack.Perf.Tests;

/// <summary>Writes render batches in the out-of-process format (as the server's RenderBatchWriter lays them out), for hand-made cases.</summary>
internal sealed class BatchWriter
{
    private readonly List<(int ComponentId, List<(EditType Type, int Sibling, int NewTree, string? Name)> Edits)> _diffs = [];
    private readonly List<byte[]> _frames = [];
    private readonly List<string> _strings = [];

    public BatchWriter Diff(int componentId, params (EditType Type, int Sibling, int NewTree, string? Name)[] edits)
    {
        _diffs.Add((componentId, edits.ToList()));
        return this;
    }

    public int Element(string name, int subtreeLength) => Frame(FrameType.Element, subtreeLength, String(name), 0);

    public int Text(string text) => Frame(FrameType.Text, String(text), 0, 0);

    public int Markup(string html) => Frame(FrameType.Markup, String(html), 0, 0);

    public int Attribute(string name, string? value, ulong handler = 0) => Frame(FrameType.Attribute, String(name), value is null ? -1 : String(value), handler);

    public int Component(int componentId, int subtreeLength) => Frame(FrameType.Component, subtreeLength, componentId, 0);

    public int Region(int subtreeLength) => Frame(FrameType.Region, subtreeLength, 0, 0);

    private int Frame(FrameType type, int second, int third, ulong last)
    {
        var frame = new byte[20];
        BinaryPrimitives.WriteInt32LittleEndian(frame, (int)type);
        BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(4), second);
        BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(8), third);
        BinaryPrimitives.WriteUInt64LittleEndian(frame.AsSpan(12), last);
        _frames.Add(frame);
        return _frames.Count - 1;
    }

    private int String(string value)
    {
        _strings.Add(value);
        return _strings.Count - 1;
    }

    public byte[] ToArray()
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        var diffPositions = new List<int>();
        foreach (var (componentId, edits) in _diffs)
        {
            diffPositions.Add((int)stream.Position);
            writer.Write(componentId);
            writer.Write(edits.Count);
            foreach (var (type, sibling, newTree, name) in edits)
            {
                writer.Write((int)type);
                writer.Write(sibling);
                writer.Write(newTree);
                writer.Write(name is null ? -1 : String(name));
            }
        }

        var updatedAt = (int)stream.Position;
        writer.Write(diffPositions.Count);
        diffPositions.ForEach(writer.Write);
        var framesAt = (int)stream.Position;
        writer.Write(_frames.Count);
        _frames.ForEach(writer.Write);
        var disposedComponentsAt = (int)stream.Position;
        writer.Write(0);
        var disposedHandlersAt = (int)stream.Position;
        writer.Write(0);
        var stringPositions = new List<int>();
        foreach (var value in _strings)
        {
            stringPositions.Add((int)stream.Position);
            writer.Write(value); // BinaryWriter: LEB128 length prefix + UTF-8, as the server writes strings
        }

        var tableAt = (int)stream.Position;
        stringPositions.ForEach(writer.Write);
        writer.Write(updatedAt);
        writer.Write(framesAt);
        writer.Write(disposedComponentsAt);
        writer.Write(disposedHandlersAt);
        writer.Write(tableAt);
        writer.Flush();
        return stream.ToArray();
    }
}
