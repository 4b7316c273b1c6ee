using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoMl.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class StripeChargesAndBonusGrants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "charge_id",
                table: "stripe_payments",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "subscription_event_at",
                table: "stripe_customers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "signup_bonus_grants",
                columns: table => new
                {
                    address_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    granted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_signup_bonus_grants", x => x.address_hash);
                });

            migrationBuilder.CreateIndex(
                name: "ix_stripe_payments_charge_id",
                table: "stripe_payments",
                column: "charge_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "signup_bonus_grants");

            migrationBuilder.DropIndex(
                name: "ix_stripe_payments_charge_id",
                table: "stripe_payments");

            migrationBuilder.DropColumn(
                name: "charge_id",
                table: "stripe_payments");

            migrationBuilder.DropColumn(
                name: "subscription_event_at",
                table: "stripe_customers");
        }
    }
}
