using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BackOnTrack.Data.Migrations
{
    /// <inheritdoc />
    public partial class PendingStepUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PendingStepUpsJson",
                table: "MemberProfiles",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PendingStepUpsJson",
                table: "MemberProfiles");
        }
    }
}
