using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using AutoMl.Api.Tests.Support;
using AutoMl.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Tests.Accounts;

/// <summary>
/// The Data Protection keys sign every session cookie. Stored in clear, whoever reads the database (a backup, a
/// replica, a leaked dump) can run the API against it and accept any cookie it forges; encrypted with a certificate
/// only the API's environment holds, the same database is useless to them.
/// </summary>
public sealed class DataProtectionKeyTests : IAsyncLifetime
{
    private const string Password = "a certificate password";
    private readonly string database = "automl_test_" + Guid.NewGuid().ToString("N")[..16];
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("automl-keyring-");
    private readonly List<KeyRingInstance> instances = [];

    [Fact]
    public async Task data_protection_keys_are_encrypted_at_rest()
    {
        var api = Instance(Certificate("ours"));
        var browser = await api.SignUpAsync();
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/api/v1/me")).StatusCode);

        var stored = await api.InDbAsync(db => db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync());
        var keys = stored.Select(XElement.Parse).Where(e => e.Name.LocalName == "key").ToList();
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            Assert.DoesNotContain(key.Descendants(), e => e.Name.LocalName == "masterKey");
            Assert.Contains(key.Descendants(), e => e.Name.LocalName == "encryptedSecret");
        }
    }

    [Fact]
    public async Task a_database_reader_cannot_forge_a_session_without_the_key_encryption_key()
    {
        var certificate = Certificate("ours");
        var browser = await Instance(certificate).SignUpAsync();

        // Another instance of ours, same database and certificate: the session holds (the load-balanced case).
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(Instance(certificate), browser));
        // The attacker's instance on the same database: without our certificate (or with one of their own) the
        // key ring cannot be read, so no cookie it could make, nor ours, is accepted.
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(Instance(Certificate("theirs")), browser));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(Instance(certificate: null), browser));
    }

    [Fact]
    public async Task keys_stored_in_clear_before_the_certificate_was_set_sign_no_session_after_it()
    {
        var before = Instance(certificate: null);
        var old = await before.SignUpAsync();
        Assert.Equal(HttpStatusCode.OK, (await old.Http.GetAsync("/api/v1/me")).StatusCode);

        var after = Instance(Certificate("ours"));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(after, old));
        var fresh = await after.SignUpAsync();
        Assert.Equal(HttpStatusCode.OK, (await fresh.Http.GetAsync("/api/v1/me")).StatusCode);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var instance in instances)
        {
            await instance.DisposeAsync();
        }
        await TestStack.DropDatabaseAsync(database);
        folder.Delete(recursive: true);
    }

    private KeyRingInstance Instance(string? certificate)
    {
        var instance = new KeyRingInstance(database, certificate, Password);
        instances.Add(instance);
        return instance;
    }

    /// <summary>GET /me on another instance with the cookies a browser got from the first.</summary>
    private static async Task<HttpStatusCode> MeStatusAsync(KeyRingInstance instance, BrowserClient browser)
    {
        using var http = instance.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(browser.Cookies));
        return (await http.GetAsync("/api/v1/me")).StatusCode;
    }

    /// <summary>A self-signed RSA certificate with its key, as the PKCS#12 file an operator would mount.</summary>
    private string Certificate(string name)
    {
        var path = Path.Combine(folder.FullName, name + ".pfx");
        if (File.Exists(path))
        {
            return path;
        }
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=AutoMl data protection ({name})", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return path;
    }
}
