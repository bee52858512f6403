package app.duet.client.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

class ThrottledWarningTest {
    private final Logger log = (Logger) LoggerFactory.getLogger("throttled-warning-test");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final AtomicLong now = new AtomicLong();
    private final ThrottledWarning warning = new ThrottledWarning(log, "Unreadable frame", Duration.ofSeconds(10), now::get);

    ThrottledWarningTest() {
        lines.start();
        log.addAppender(lines);
    }

    @AfterEach
    void detach() {
        log.detachAppender(lines);
    }

    @Test
    void a_flood_logs_one_line_then_one_per_interval_counting_what_it_left_out() {
        for (int i = 0; i < 1_000; i++) {
            warning.warn("unknown type 'flood'");
        }
        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("Unreadable frame: unknown type 'flood'");

        now.addAndGet(Duration.ofSeconds(10).toNanos());
        warning.warn("not JSON");
        warning.warn("not JSON");
        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "Unreadable frame: unknown type 'flood'",
                "Unreadable frame: not JSON (999 more since the last such line)");
    }

    @Test
    void warnings_far_apart_are_each_logged() {
        warning.warn("one");
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        warning.warn("two");
        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("Unreadable frame: one", "Unreadable frame: two");
    }
}
