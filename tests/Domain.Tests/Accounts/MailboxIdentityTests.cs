using AutoMl.Domain.Accounts;

namespace AutoMl.Domain.Tests.Accounts;

public sealed class MailboxIdentityTests
{
    [Theory]
    [InlineData("Jane.Doe@Example.COM", "jane.doe@example.com")]
    [InlineData("  jane+news@example.com ", "jane+news@example.com")]
    [InlineData("J.a.n.e+farm1@gmail.com", "jane@gmail.com")]
    [InlineData("jane@googlemail.com", "jane@gmail.com")]
    [InlineData("ja.ne+x+y@GoogleMail.com", "jane@gmail.com")]
    [InlineData("jane+1@outlook.com", "jane@outlook.com")]
    [InlineData("jane+1@hotmail.co.uk", "jane@hotmail.co.uk")]
    [InlineData("jane+1@live.com", "jane@live.com")]
    [InlineData("j.ane+1@icloud.com", "j.ane@icloud.com")]
    [InlineData("jane+1@proton.me", "jane@proton.me")]
    [InlineData("jane+1@protonmail.com", "jane@protonmail.com")]
    [InlineData("jane-shopping@yahoo.com", "jane@yahoo.com")]
    [InlineData("jane+1@yahoo.com", "jane+1@yahoo.com")]
    [InlineData("jane-1@yahoo.fr", "jane@yahoo.fr")]
    [InlineData("mary-jane@example.com", "mary-jane@example.com")]
    public void an_address_is_reduced_to_its_mailbox(string typed, string mailbox) =>
        Assert.Equal(mailbox, MailboxIdentity.Normalise(typed));

    [Fact]
    public void a_tag_that_is_the_whole_local_part_is_kept()
    {
        Assert.Equal("+jane@gmail.com", MailboxIdentity.Normalise("+jane@gmail.com"));
        Assert.Equal("-jane@yahoo.com", MailboxIdentity.Normalise("-jane@yahoo.com"));
    }

    [Fact]
    public void the_hash_is_of_the_mailbox_so_spellings_of_one_mailbox_share_it()
    {
        var hash = MailboxIdentity.Hash("jane.doe@gmail.com");

        Assert.Equal(hash, MailboxIdentity.Hash("JaneDoe+bonus@googlemail.com"));
        Assert.NotEqual(hash, MailboxIdentity.Hash("janedoe@outlook.com"));
        Assert.Equal(64, hash.Length);
        Assert.DoesNotContain("jane", hash, StringComparison.Ordinal);
    }
}
