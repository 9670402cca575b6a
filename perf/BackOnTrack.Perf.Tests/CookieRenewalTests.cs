using BackOnTrack.Perf.Circuits;

namespace BackOnTrack.Perf.Tests;

public class CookieRenewalTests
{
    [Fact]
    public void A_renewed_cookie_replaces_the_old_value_and_an_emptied_chunk_is_dropped()
    {
        using var response = new HttpResponseMessage();
        response.Headers.Add("Set-Cookie", "BackOnTrack.Auth=chunks-1; path=/; httponly");
        response.Headers.Add("Set-Cookie", "BackOnTrack.AuthC1=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/");
        response.Headers.Add("Set-Cookie", "theme=dark; path=/");

        var renewed = Http.Renew("BackOnTrack.Auth=old; BackOnTrack.AuthC1=old-part; other=kept", response);

        Assert.Equal(["BackOnTrack.Auth=chunks-1", "other=kept", "theme=dark"], renewed.Split("; ").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_response_without_cookies_leaves_the_header_as_it_was()
    {
        using var response = new HttpResponseMessage();

        Assert.Equal("BackOnTrack.Auth=v; a=b", Http.Renew("BackOnTrack.Auth=v; a=b", response));
    }
}
