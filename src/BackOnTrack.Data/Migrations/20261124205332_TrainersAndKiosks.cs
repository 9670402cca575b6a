using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BackOnTrack.Data.Migrations
{
    /// <inheritdoc />
    public partial class TrainersAndKiosks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MemberCode",
                table: "MemberProfiles",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PinFailures",
                table: "MemberProfiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "PinHash",
                table: "MemberProfiles",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PinLockedUntilUtc",
                table: "MemberProfiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WarmUpWaiverJson",
                table: "MemberProfiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ClientLogAudit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrainerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    MemberId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ReadUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientLogAudit", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClientLogAudit_AspNetUsers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FlagsHandled",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<string>(type: "TEXT", nullable: false),
                    FlagKey = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    HandledByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    HandledUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FlagsHandled", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FlagsHandled_AspNetUsers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FloorAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MemberId = table.Column<string>(type: "TEXT", nullable: true),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    KioskId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RaisedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcknowledgedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    AcknowledgedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FloorAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FloorAlerts_AspNetUsers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KioskDevices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastSeenUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KioskDevices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlanChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<string>(type: "TEXT", nullable: false),
                    ChangedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    ChangedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ExerciseId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Before = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    After = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SeenByMemberUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanChanges_AspNetUsers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainerClientLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrainerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    MemberId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedByUserId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainerClientLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainerClientLinks_AspNetUsers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TrainerClientLinks_AspNetUsers_TrainerId",
                        column: x => x.TrainerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainerInvites",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TrainerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UsedByMemberId = table.Column<string>(type: "TEXT", nullable: true),
                    UsedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainerInvites", x => x.Code);
                    table.ForeignKey(
                        name: "FK_TrainerInvites_AspNetUsers_TrainerId",
                        column: x => x.TrainerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TrainerInvites_AspNetUsers_UsedByMemberId",
                        column: x => x.UsedByMemberId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "TrainerNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrainerId = table.Column<string>(type: "TEXT", nullable: false),
                    MemberId = table.Column<string>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    VisibleToMember = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainerNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainerNotes_AspNetUsers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TrainerNotes_AspNetUsers_TrainerId",
                        column: x => x.TrainerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MemberProfiles_MemberCode",
                table: "MemberProfiles",
                column: "MemberCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClientLogAudit_MemberId_ReadUtc",
                table: "ClientLogAudit",
                columns: new[] { "MemberId", "ReadUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_FlagsHandled_MemberId_FlagKey",
                table: "FlagsHandled",
                columns: new[] { "MemberId", "FlagKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FloorAlerts_AcknowledgedUtc_RaisedUtc",
                table: "FloorAlerts",
                columns: new[] { "AcknowledgedUtc", "RaisedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_FloorAlerts_MemberId",
                table: "FloorAlerts",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_KioskDevices_TokenHash",
                table: "KioskDevices",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanChanges_MemberId_ChangedUtc",
                table: "PlanChanges",
                columns: new[] { "MemberId", "ChangedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainerClientLinks_MemberId",
                table: "TrainerClientLinks",
                column: "MemberId",
                unique: true,
                filter: "\"EndedUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_TrainerClientLinks_TrainerId_EndedUtc",
                table: "TrainerClientLinks",
                columns: new[] { "TrainerId", "EndedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainerInvites_TrainerId",
                table: "TrainerInvites",
                column: "TrainerId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainerInvites_UsedByMemberId",
                table: "TrainerInvites",
                column: "UsedByMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainerNotes_MemberId_CreatedUtc",
                table: "TrainerNotes",
                columns: new[] { "MemberId", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainerNotes_TrainerId",
                table: "TrainerNotes",
                column: "TrainerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClientLogAudit");

            migrationBuilder.DropTable(
                name: "FlagsHandled");

            migrationBuilder.DropTable(
                name: "FloorAlerts");

            migrationBuilder.DropTable(
                name: "KioskDevices");

            migrationBuilder.DropTable(
                name: "PlanChanges");

            migrationBuilder.DropTable(
                name: "TrainerClientLinks");

            migrationBuilder.DropTable(
                name: "TrainerInvites");

            migrationBuilder.DropTable(
                name: "TrainerNotes");

            migrationBuilder.DropIndex(
                name: "IX_MemberProfiles_MemberCode",
                table: "MemberProfiles");

            migrationBuilder.DropColumn(
                name: "MemberCode",
                table: "MemberProfiles");

            migrationBuilder.DropColumn(
                name: "PinFailures",
                table: "MemberProfiles");

            migrationBuilder.DropColumn(
                name: "PinHash",
                table: "MemberProfiles");

            migrationBuilder.DropColumn(
                name: "PinLockedUntilUtc",
                table: "MemberProfiles");

            migrationBuilder.DropColumn(
                name: "WarmUpWaiverJson",
                table: "MemberProfiles");
        }
    }
}
