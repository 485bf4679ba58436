using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Busetting.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Security : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
