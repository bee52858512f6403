package app.duet.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.server.store.StorageFailure.Kind;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The one log line per outage, and what ends one. */
class StorageHealthTest {
    private static final StorageFailure FULL = new StorageFailure(Kind.UNWRITABLE, "SQLITE_FULL", "disk full");
    private static final StorageFailure IOERR = new StorageFailure(Kind.UNWRITABLE, "SQLITE_IOERR_WRITE", "I/O");
    private static final StorageFailure DOWN = new StorageFailure(Kind.UNREACHABLE, "SQLSTATE 08001", "refused");

    private final Logger logger = (Logger) LoggerFactory.getLogger(StorageHealth.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final StorageHealth health = new StorageHealth();

    @BeforeEach
    void capture() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void release() {
        logger.detachAppender(log);
    }

    private List<ILoggingEvent> infoAndAbove() {
        return log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO)).toList();
    }

    @Test
    void logsOneWarningPerOutageAndOneLineWhenItEnds() {
        health.wrote();
        health.failed(FULL);
        health.failed(FULL);
        health.failed(IOERR);
        health.wrote();
        health.wrote();
        health.failed(FULL);

        assertThat(infoAndAbove()).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO, Level.WARN);
        assertThat(log.list).allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
        assertThat(log.list.get(0).getFormattedMessage()).contains("SQLITE_FULL", "STORAGE_UNAVAILABLE");
    }

    @Test
    void aFullDiskNeedsAWriteToEndButAnUnreachableDatabaseOnlyAnAnswer() {
        health.failed(FULL);
        health.answered();
        assertThat(health.writable()).isFalse();
        health.wrote();
        assertThat(health.writable()).isTrue();

        health.failed(DOWN);
        assertThat(health.writable()).as("reachability is /healthz's connection check").isTrue();
        health.answered();
        health.failed(DOWN);

        assertThat(infoAndAbove()).extracting(ILoggingEvent::getFormattedMessage).satisfiesExactly(
                m -> assertThat(m).contains("cannot be written"),
                m -> assertThat(m).contains("writable again"),
                m -> assertThat(m).contains("cannot be reached", "08001"),
                m -> assertThat(m).contains("answers again"),
                m -> assertThat(m).contains("cannot be reached"));
    }
}
