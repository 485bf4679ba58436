using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Busetting.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Revisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RevisionJson",
                table: "Runs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Deadline",
                table: "LetterJobs",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RevisionJson",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "Deadline",
                table: "LetterJobs");
        }
    }
}
