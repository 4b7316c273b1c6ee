using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoMl.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DataChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "excluded_by_checks",
                table: "jobs",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<string>(
                name: "checks_json",
                table: "datasets",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sample_key",
                table: "datasets",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "excluded_by_checks",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "checks_json",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "sample_key",
                table: "datasets");
        }
    }
}
