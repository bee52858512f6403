package app.duet.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InviteLinkTest {
    private static final String TOKEN = "Tq3vX9_kLm2-PzR8wYc4";

    @Test
    void readsTheDuetFormAndConnectsOverTls() {
        InviteLink link = InviteLink.parse("duet://duet.example.org/join/ann-and-bob?invite=" + TOKEN).orElseThrow();

        assertThat(link).isEqualTo(new InviteLink("duet.example.org", -1, "ann-and-bob", TOKEN));
        assertThat(link.serverUri()).isEqualTo(URI.create("wss://duet.example.org"));
    }

    @Test
    void readsTheHttpsFormWithAPort() {
        InviteLink link = InviteLink.parse("https://duet.example.org:8443/join/team?invite=" + TOKEN).orElseThrow();

        assertThat(link.port()).isEqualTo(8443);
        assertThat(link.serverUri()).isEqualTo(URI.create("wss://duet.example.org:8443"));
    }

    @Test
    void plainSocketOnlyToThisComputer() {
        assertThat(InviteLink.parse("duet://localhost:8080/join/team?invite=" + TOKEN).orElseThrow().serverUri())
                .isEqualTo(URI.create("ws://localhost:8080"));
        assertThat(InviteLink.parse("duet://127.0.0.1:8080/join/team?invite=" + TOKEN).orElseThrow().serverUri())
                .isEqualTo(URI.create("ws://127.0.0.1:8080"));
        assertThat(InviteLink.parse("duet://[::1]:8080/join/team?invite=" + TOKEN).orElseThrow().serverUri())
                .isEqualTo(URI.create("ws://[::1]:8080"));
    }

    @Test
    void writesWhatItReads() {
        InviteLink link = InviteLink.to(URI.create("wss://duet.example.org:8443"), "team", TOKEN);

        assertThat(InviteLink.parse(link.toDuetUri())).contains(link);
        assertThat(InviteLink.parse(link.toHttpsUri())).contains(link);
        assertThat(link.toDuetUri()).isEqualTo("duet://duet.example.org:8443/join/team?invite=" + TOKEN);
    }

    @Test
    void neverShowsTheTokenInLogs() {
        assertThat(InviteLink.parse("duet://h/join/team?invite=" + TOKEN).orElseThrow().toString()).doesNotContain(TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "duet:", "http://h/join/team?invite=" + TOKEN, "duet://h/join/Team?invite=" + TOKEN,
            "duet://h/join/team?invite=short", "duet://h/join/team", "duet://h/leave/team?invite=" + TOKEN,
            "duet://h/join/team/x?invite=" + TOKEN, "duet://h/join/team?invite=" + TOKEN + "&x=1",
            "duet:///join/team?invite=" + TOKEN, "duet://h:0/join/team?invite=" + TOKEN,
            "duet://h/join/team?invite=" + TOKEN + "%00", "javascript:alert(1)", "duet://h/join/te am?invite=x"})
    void refusesAnythingElse(String text) {
        assertThat(InviteLink.parse(text)).isEmpty();
    }
}
