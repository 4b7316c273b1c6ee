using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoMl.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ModelThreshold : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "decision_threshold",
                table: "models",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "threshold_choice_json",
                table: "models",
                type: "jsonb",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "decision_threshold",
                table: "models");

            migrationBuilder.DropColumn(
                name: "threshold_choice_json",
                table: "models");
        }
    }
}
