using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Busetting.Persistence.Migrations.Postgres
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
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ByUserId",
                table: "Proposals",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FromEm",
                table: "Proposals",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PackageId",
                table: "Proposals",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProposedEm",
                table: "Proposals",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublicJustification",
                table: "Proposals",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "StepRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    To = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RunId = table.Column<int>(type: "integer", nullable: true),
                    YearVersion = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RequestedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ClosedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
