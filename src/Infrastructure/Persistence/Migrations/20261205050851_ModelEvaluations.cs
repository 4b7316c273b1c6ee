using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoMl.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ModelEvaluations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "model_evaluations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    model_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dataset_id = table.Column<Guid>(type: "uuid", nullable: false),
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    rows = table.Column<long>(type: "bigint", nullable: true),
                    metrics_json = table.Column<string>(type: "jsonb", nullable: true),
                    curves_json = table.Column<string>(type: "jsonb", nullable: true),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_model_evaluations", x => x.id);
                    table.ForeignKey(
                        name: "fk_model_evaluations_models_model_id",
                        column: x => x.model_id,
                        principalTable: "models",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_model_evaluations_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_model_evaluations_job_id",
                table: "model_evaluations",
                column: "job_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_model_evaluations_model_id_created_at",
                table: "model_evaluations",
                columns: new[] { "model_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_model_evaluations_user_id",
                table: "model_evaluations",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "model_evaluations");
        }
    }
}
