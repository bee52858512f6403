package app.duet.client.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import app.duet.client.signaling.SignalingException;
import app.duet.protocol.ErrorCode;

class ErrorMessagesTest {

    @Test
    void everyErrorCodeGetsASentenceWithSomethingToTry() {
        for (ErrorCode code : ErrorCode.values()) {
            UserMessage m = ErrorMessages.of(new SignalingException.ServerError(code, "server says so"));
            assertThat(m.kind()).isEqualTo(UserMessage.Kind.ERROR);
            assertThat(m.text()).as(code.name()).isNotBlank();
        }
        assertThat(ErrorMessages.of(ErrorCode.CHANNEL_FULL, "").full()).contains("two people", "create a new channel");
        assertThat(ErrorMessages.of(ErrorCode.WRONG_CREDENTIALS, "").full()).contains("Forgot password");
    }

    @Test
    void connectionFailuresAreToldApartEvenWhenWrapped() {
        assertThat(ErrorMessages.of(new CompletionException(new SignalingException.Unreachable("x", null))).text())
                .isEqualTo("Can't reach the Duet server.");
        assertThat(ErrorMessages.of(new SignalingException.Timeout("x")).text()).contains("too long");
        assertThat(ErrorMessages.of(new SignalingException.ConnectionLost("x")).hint()).contains("reconnecting");
    }
}
