using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoMl.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Workflows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "workflow_run_id",
                table: "jobs",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "workflows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    dataset_lineage_id = table.Column<Guid>(type: "uuid", nullable: false),
                    target = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    task = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    metric = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    budget_seconds = table.Column<int>(type: "integer", nullable: false),
                    excluded_columns = table.Column<List<string>>(type: "text[]", nullable: false),
                    time_column = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    registered_model_id = table.Column<Guid>(type: "uuid", nullable: false),
                    policy = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    margin = table.Column<double>(type: "double precision", nullable: false),
                    guardrails_json = table.Column<string>(type: "jsonb", nullable: false),
                    run_credit_cap = table.Column<long>(type: "bigint", nullable: false),
                    monthly_credit_cap = table.Column<long>(type: "bigint", nullable: false),
                    cron = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    on_new_version = table.Column<bool>(type: "boolean", nullable: false),
                    debounce_seconds = table.Column<int>(type: "integer", nullable: false),
                    version_pending_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    paused = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workflows", x => x.id);
                    table.ForeignKey(
                        name: "fk_workflows_registered_models_registered_model_id",
                        column: x => x.registered_model_id,
                        principalTable: "registered_models",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_workflows_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "workflow_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workflow_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    trigger = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    trigger_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    scheduled_for = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    dataset_id = table.Column<Guid>(type: "uuid", nullable: true),
                    dataset_version = table.Column<int>(type: "integer", nullable: true),
                    job_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    metric = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    candidate_version = table.Column<int>(type: "integer", nullable: true),
                    champion_version = table.Column<int>(type: "integer", nullable: true),
                    candidate_score = table.Column<double>(type: "double precision", nullable: true),
                    champion_score = table.Column<double>(type: "double precision", nullable: true),
                    report_json = table.Column<string>(type: "jsonb", nullable: true),
                    better = table.Column<bool>(type: "boolean", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workflow_runs", x => x.id);
                    table.ForeignKey(
                        name: "fk_workflow_runs_jobs_job_id",
                        column: x => x.job_id,
                        principalTable: "jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_workflow_runs_workflows_workflow_id",
                        column: x => x.workflow_id,
                        principalTable: "workflows",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_workflow_runs_job_id",
                table: "workflow_runs",
                column: "job_id");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_runs_one_training",
                table: "workflow_runs",
                column: "workflow_id",
                unique: true,
                filter: "status = 'training'");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_runs_workflow_id_created_at",
                table: "workflow_runs",
                columns: new[] { "workflow_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_workflow_runs_workflow_id_trigger_key",
                table: "workflow_runs",
                columns: new[] { "workflow_id", "trigger_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_workflows_dataset_lineage_id",
                table: "workflows",
                column: "dataset_lineage_id");

            migrationBuilder.CreateIndex(
                name: "ix_workflows_registered_model_id",
                table: "workflows",
                column: "registered_model_id");

            migrationBuilder.CreateIndex(
                name: "ix_workflows_user_id_created_at",
                table: "workflows",
                columns: new[] { "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_workflows_user_id_name",
                table: "workflows",
                columns: new[] { "user_id", "name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "workflow_runs");

            migrationBuilder.DropTable(
                name: "workflows");

            migrationBuilder.DropColumn(
                name: "workflow_run_id",
                table: "jobs");
        }
    }
}
