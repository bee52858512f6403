package app.duet.client.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayNamesTest {

    @Test
    void ordinaryNamesAreShownAsTheyAre() {
        assertThat(DisplayNames.shown("Ann Smith")).isEqualTo("Ann Smith");
        assertThat(DisplayNames.shown("Zoë O'Brien")).isEqualTo("Zoë O'Brien");
        assertThat(DisplayNames.shown("محمد")).isEqualTo("محمد");
        assertThat(DisplayNames.shown("👩‍💻 Dev")).as("the joiner inside an emoji stays").isEqualTo("👩‍💻 Dev");
    }

    @Test
    void bidiOverridesAndInvisibleCharactersAreDropped() {
        assertThat(DisplayNames.shown("admin\u202Egnp.exe")).isEqualTo("admingnp.exe");
        assertThat(DisplayNames.shown("a\u2066b\u2069c\u200Bd\u00ADe")).isEqualTo("abcde");
        assertThat(DisplayNames.shown("bell\u0007\u0085")).isEqualTo("bell");
        assertThat(DisplayNames.shown("lone \uD800 surrogate")).isEqualTo("lone surrogate");
    }

    @Test
    void anInvisibleNameIsShownAsNoName() {
        assertThat(DisplayNames.shown("\u00A0\u200B\u3000")).isEqualTo("(no name)");
        assertThat(DisplayNames.shown("\u200D")).isEqualTo("(no name)");
        assertThat(DisplayNames.shown(null)).isEqualTo("(no name)");
    }

    @Test
    void lineBreaksAndRunsOfSpaceBecomeOneSpaceAndLongNamesAreCut() {
        assertThat(DisplayNames.shown("  Ann\n\n\tSmith\u2028Jr ")).isEqualTo("Ann Smith Jr");
        String longName = "x".repeat(200);
        assertThat(DisplayNames.shown(longName)).hasSize(DisplayNames.MAX_CODE_POINTS + 1).endsWith("…");
        assertThat(DisplayNames.shown("x".repeat(DisplayNames.MAX_CODE_POINTS))).doesNotContain("…");
    }
}
