using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BackOnTrack.Data;

/// <summary>Lets `dotnet ef migrations add` run without flags or a running app.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<BackOnTrackDbContext>
{
    public BackOnTrackDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<BackOnTrackDbContext>()
            .UseSqlite("Data Source=design-time.db")
            .Options;
        return new BackOnTrackDbContext(options);
    }
}
