using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoMl.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class EventsOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "sent_at",
                table: "job_events",
                type: "timestamp with time zone",
                nullable: true);

            // Events stored before the outbox were sent (or lost) long ago; the relay must not send them again.
            migrationBuilder.Sql("UPDATE job_events SET sent_at = at;");

            migrationBuilder.CreateIndex(
                name: "ix_job_events_at",
                table: "job_events",
                column: "at",
                filter: "sent_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_job_events_at",
                table: "job_events");

            migrationBuilder.DropColumn(
                name: "sent_at",
                table: "job_events");
        }
    }
}
