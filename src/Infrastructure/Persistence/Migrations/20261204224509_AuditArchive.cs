using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AutoMl.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AuditArchive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_archives",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    first_event_id = table.Column<long>(type: "bigint", nullable: false),
                    last_event_id = table.Column<long>(type: "bigint", nullable: false),
                    rows = table.Column<long>(type: "bigint", nullable: false),
                    last_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    blob_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    file_sha256 = table.Column<byte[]>(type: "bytea", nullable: false),
                    archived_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_archives", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_archives_last_event_id",
                table: "audit_archives",
                column: "last_event_id",
                unique: true);

            // Still append-only, with one door: a transaction that says it archives (SET LOCAL automl.audit_archive) may
            // delete a row once an archive covers it. The archive table itself is never edited.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' AND current_setting('automl.audit_archive', true) = 'on'
                       AND OLD.id <= (SELECT coalesce(max(last_event_id), 0) FROM audit_archives) THEN
                        RETURN OLD;
                    END IF;
                    RAISE EXCEPTION 'audit_events is append-only: rows are never updated or deleted';
                END $$;
                CREATE FUNCTION audit_archives_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'audit_archives is append-only: rows are never updated or deleted';
                END $$;
                CREATE TRIGGER audit_archives_append_only BEFORE UPDATE OR DELETE ON audit_archives
                    FOR EACH ROW EXECUTE FUNCTION audit_archives_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_archives");
            migrationBuilder.Sql("""
                DROP FUNCTION IF EXISTS audit_archives_append_only();
                CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'audit_events is append-only: rows are never updated or deleted';
                END $$;
                """);
        }
    }
}
