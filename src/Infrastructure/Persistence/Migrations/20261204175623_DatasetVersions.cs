using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoMl.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DatasetVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "lineage_id",
                table: "datasets",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "datasets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Every existing data set is the first version of its own lineage; done before the unique index exists.
            migrationBuilder.Sql("UPDATE datasets SET lineage_id = id, version = 1;");

            migrationBuilder.CreateIndex(
                name: "ix_datasets_lineage_id_version",
                table: "datasets",
                columns: new[] { "lineage_id", "version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_datasets_lineage_id_version",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "lineage_id",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "version",
                table: "datasets");
        }
    }
}
