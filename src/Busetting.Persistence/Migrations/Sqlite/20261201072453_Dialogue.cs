using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Busetting.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Dialogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ConsultationDeadline",
                table: "Years",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ByUserId",
                table: "Proposals",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FromEm",
                table: "Proposals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PackageId",
                table: "Proposals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProposedEm",
                table: "Proposals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublicJustification",
                table: "Proposals",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "StepRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RunId = table.Column<int>(type: "INTEGER", nullable: true),
                    YearVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StepRequests", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_PackageId",
                table: "Proposals",
                column: "PackageId");

            migrationBuilder.CreateIndex(
                name: "IX_StepRequests_Year",
                table: "StepRequests",
                column: "Year");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StepRequests");

            migrationBuilder.DropIndex(
                name: "IX_Proposals_PackageId",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "ConsultationDeadline",
                table: "Years");

            migrationBuilder.DropColumn(
                name: "ByUserId",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "FromEm",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "PackageId",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "ProposedEm",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "PublicJustification",
                table: "Proposals");
        }
    }
}
