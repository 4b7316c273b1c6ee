using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AutoMl.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RegistryAndEndpoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "registered_model_id",
                table: "jobs",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "registered_model_name",
                table: "jobs",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "registered_version",
                table: "jobs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "registration_problem",
                table: "jobs",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "registered_models",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    tags = table.Column<List<string>>(type: "text[]", nullable: false),
                    task = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    target = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    input_columns_json = table.Column<string>(type: "jsonb", nullable: true),
                    latest_version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registered_models", x => x.id);
                    table.ForeignKey(
                        name: "fk_registered_models_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "alias_moves",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    registered_model_id = table.Column<Guid>(type: "uuid", nullable: false),
                    alias = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    from_version = table.Column<int>(type: "integer", nullable: true),
                    to_version = table.Column<int>(type: "integer", nullable: true),
                    actor = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alias_moves", x => x.id);
                    table.ForeignKey(
                        name: "fk_alias_moves_registered_models_registered_model_id",
                        column: x => x.registered_model_id,
                        principalTable: "registered_models",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "endpoints",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    registered_model_id = table.Column<Guid>(type: "uuid", nullable: false),
                    alias = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    challenger_alias = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    challenger_percent = table.Column<int>(type: "integer", nullable: false),
                    challenger_mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_endpoints", x => x.id);
                    table.ForeignKey(
                        name: "fk_endpoints_registered_models_registered_model_id",
                        column: x => x.registered_model_id,
                        principalTable: "registered_models",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_endpoints_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "model_versions",
                columns: table => new
                {
                    registered_model_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    model_id = table.Column<Guid>(type: "uuid", nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_model_versions", x => new { x.registered_model_id, x.version });
                    table.ForeignKey(
                        name: "fk_model_versions_models_model_id",
                        column: x => x.model_id,
                        principalTable: "models",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_model_versions_registered_models_registered_model_id",
                        column: x => x.registered_model_id,
                        principalTable: "registered_models",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "prediction_feedback",
                columns: table => new
                {
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    endpoint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    actual_json = table.Column<string>(type: "jsonb", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_prediction_feedback", x => x.request_id);
                    table.ForeignKey(
                        name: "fk_prediction_feedback_endpoints_endpoint_id",
                        column: x => x.endpoint_id,
                        principalTable: "endpoints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_prediction_feedback_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "model_aliases",
                columns: table => new
                {
                    registered_model_id = table.Column<Guid>(type: "uuid", nullable: false),
                    alias = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_model_aliases", x => new { x.registered_model_id, x.alias });
                    table.ForeignKey(
                        name: "fk_model_aliases_model_versions_registered_model_id_version",
                        columns: x => new { x.registered_model_id, x.version },
                        principalTable: "model_versions",
                        principalColumns: new[] { "registered_model_id", "version" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_jobs_registered_model_id",
                table: "jobs",
                column: "registered_model_id");

            migrationBuilder.CreateIndex(
                name: "ix_alias_moves_registered_model_id_alias_id",
                table: "alias_moves",
                columns: new[] { "registered_model_id", "alias", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_endpoints_registered_model_id",
                table: "endpoints",
                column: "registered_model_id");

            migrationBuilder.CreateIndex(
                name: "ix_endpoints_user_id_created_at",
                table: "endpoints",
                columns: new[] { "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_endpoints_user_id_name",
                table: "endpoints",
                columns: new[] { "user_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_model_aliases_registered_model_id_version",
                table: "model_aliases",
                columns: new[] { "registered_model_id", "version" });

            migrationBuilder.CreateIndex(
                name: "ix_model_versions_model_id",
                table: "model_versions",
                column: "model_id");

            migrationBuilder.CreateIndex(
                name: "ix_prediction_feedback_endpoint_id_at",
                table: "prediction_feedback",
                columns: new[] { "endpoint_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_prediction_feedback_user_id",
                table: "prediction_feedback",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_registered_models_user_id_created_at",
                table: "registered_models",
                columns: new[] { "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_registered_models_user_id_name",
                table: "registered_models",
                columns: new[] { "user_id", "name" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_jobs_registered_models_registered_model_id",
                table: "jobs",
                column: "registered_model_id",
                principalTable: "registered_models",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            // Partitioned by month (EF cannot say so): retention drops whole months, a window's scan reads one. The
            // default partition takes a row whose month was not created yet, so none is lost.
            migrationBuilder.Sql("""
                CREATE TABLE prediction_logs (
                    at timestamp with time zone NOT NULL,
                    request_id uuid NOT NULL,
                    role character varying(8) NOT NULL,
                    endpoint_id uuid NOT NULL,
                    user_id uuid NOT NULL,
                    version integer NOT NULL,
                    model_id uuid NOT NULL,
                    rows integer NOT NULL,
                    inputs_json jsonb NOT NULL,
                    outputs_json jsonb NOT NULL,
                    latency_ms double precision NOT NULL,
                    sample_rate double precision NOT NULL,
                    CONSTRAINT pk_prediction_logs PRIMARY KEY (at, request_id, role)
                ) PARTITION BY RANGE (at);
                CREATE TABLE prediction_logs_default PARTITION OF prediction_logs DEFAULT;
                CREATE INDEX ix_prediction_logs_endpoint_id_at ON prediction_logs (endpoint_id, at);
                CREATE INDEX ix_prediction_logs_request_id ON prediction_logs (request_id);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS prediction_logs CASCADE;");

            migrationBuilder.DropForeignKey(
                name: "fk_jobs_registered_models_registered_model_id",
                table: "jobs");

            migrationBuilder.DropTable(
                name: "alias_moves");

            migrationBuilder.DropTable(
                name: "model_aliases");

            migrationBuilder.DropTable(
                name: "prediction_feedback");

            migrationBuilder.DropTable(
                name: "model_versions");

            migrationBuilder.DropTable(
                name: "endpoints");

            migrationBuilder.DropTable(
                name: "registered_models");

            migrationBuilder.DropIndex(
                name: "ix_jobs_registered_model_id",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "registered_model_id",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "registered_model_name",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "registered_version",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "registration_problem",
                table: "jobs");
        }
    }
}
