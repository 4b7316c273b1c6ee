using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoMl.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class EndpointMonitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "baseline_json",
                table: "models",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "monitor_window_hours",
                table: "endpoints",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "monitored_until",
                table: "endpoints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "thresholds_json",
                table: "endpoints",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "endpoint_alerts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    endpoint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    feature = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    window_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_endpoint_alerts", x => x.id);
                    table.ForeignKey(
                        name: "fk_endpoint_alerts_endpoints_endpoint_id",
                        column: x => x.endpoint_id,
                        principalTable: "endpoints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitor_windows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    endpoint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    rows = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: true),
                    skipped = table.Column<bool>(type: "boolean", nullable: false),
                    features_json = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitor_windows", x => x.id);
                    table.ForeignKey(
                        name: "fk_monitor_windows_endpoints_endpoint_id",
                        column: x => x.endpoint_id,
                        principalTable: "endpoints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_endpoint_alerts_endpoint_id_window_start_kind_feature",
                table: "endpoint_alerts",
                columns: new[] { "endpoint_id", "window_start", "kind", "feature" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_endpoint_alerts_user_id_created_at",
                table: "endpoint_alerts",
                columns: new[] { "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_monitor_windows_endpoint_id_start",
                table: "monitor_windows",
                columns: new[] { "endpoint_id", "start" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "endpoint_alerts");

            migrationBuilder.DropTable(
                name: "monitor_windows");

            migrationBuilder.DropColumn(
                name: "baseline_json",
                table: "models");

            migrationBuilder.DropColumn(
                name: "monitor_window_hours",
                table: "endpoints");

            migrationBuilder.DropColumn(
                name: "monitored_until",
                table: "endpoints");

            migrationBuilder.DropColumn(
                name: "thresholds_json",
                table: "endpoints");
        }
    }
}
