package app.duet.bench.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryRowsTest {
    @TempDir
    Path dir;

    @Test
    void rowsOfSeveralCommandsReadBackInOrder() throws Exception {
        Path file = dir.resolve("summary.jsonl");
        SummaryRow relay = new SummaryRow("relay (sdp-heavy)", "p99", "1.20 ms", "1.70 ms", "<= PeerServer", true);
        SummaryRow calls = new SummaryRow("calls", "accept to first frame", "400 ms", "300 ms (Chromium)", "<= Chromium", false);

        SummaryRows.append(file, List.of(relay));
        SummaryRows.append(file, List.of(calls));
        SummaryRows.append(null, List.of(relay));

        assertThat(SummaryRows.read(file)).containsExactly(relay, calls);
    }

    @Test
    void aFigureNotMeasuredIsNotJudged() {
        assertThat(SummaryRow.verdict(Double.NaN, 5, true)).isNull();
        assertThat(SummaryRow.verdict(3, Double.NaN, true)).isNull();
        assertThat(SummaryRow.verdict(3, 5, true)).isTrue();
        assertThat(SummaryRow.verdict(3, 5, false)).isFalse();
        assertThat(SummaryRow.ms(Double.NaN)).isEqualTo("-");
        assertThat(SummaryRow.ms(2.5)).isEqualTo("2.50 ms");
        assertThat(SummaryRow.ms(250)).isEqualTo("250 ms");
    }
}
