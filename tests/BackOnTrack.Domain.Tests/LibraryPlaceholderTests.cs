namespace BackOnTrack.Domain.Tests;

public class BuildSanityTests
{
    [Fact]
    public void Domain_assembly_has_no_references_beyond_the_framework()
    {
        var references = typeof(BuildSanityTests).Assembly.GetReferencedAssemblies();
        references.ShouldNotBeEmpty();
    }
}
