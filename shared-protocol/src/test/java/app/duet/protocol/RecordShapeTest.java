package app.duet.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.annotations.SerializedName;
import org.junit.jupiter.api.Test;

class RecordShapeTest {
    record Renamed(@SerializedName("other") String name) {
    }

    @Test
    void readsTheRulesOfEachComponentOnce() {
        RecordShape shape = RecordShape.of(Request.Candidate.class);
        assertThat(shape).isSameAs(RecordShape.of(Request.Candidate.class));
        RecordShape.Component candidate = shape.components().stream()
                .filter(c -> c.name().equals("candidate")).findFirst().orElseThrow();
        assertThat(candidate.mayBeEmpty()).isTrue();
        assertThat(candidate.maxLength()).isEqualTo(Protocol.MAX_CANDIDATE_LENGTH);
    }

    @Test
    void refusesRenamedComponents() {
        assertThatThrownBy(() -> RecordShape.of(Renamed.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Renamed.name");
    }
}
