package app.duet.client.ui.signup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.duet.client.ui.common.UserMessage;

class SignupCheckTest {

    private static String problem(String user, String name, String mail, String pass, String again) {
        return SignupViewModel.check(user, name, mail, pass, again).map(UserMessage::text).orElse("");
    }

    @Test
    void explainsEachMistakeBeforeAskingTheServer() {
        assertThat(problem("an", "Ann", "a@b", "correct horse", "correct horse")).isEqualTo("That username can't be used.");
        assertThat(problem("ann", " ", "a@b", "correct horse", "correct horse")).isEqualTo("That display name can't be used.");
        assertThat(problem("ann", "Ann", "ann.example.org", "correct horse", "correct horse"))
                .isEqualTo("That e-mail address doesn't look right.");
        assertThat(problem("ann", "Ann", "a@b", "short", "short")).isEqualTo("That password is too short.");
        assertThat(problem("ann", "Ann", "a@b", "correct horse", "correct")).isEqualTo("The two passwords differ.");
        assertThat(problem("ann", "Ann", "a@b", "correct horse", "correct horse")).isEmpty();
    }
}
