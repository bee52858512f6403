package app.duet.client.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

/** What the thread-leak check counts: threads started since the snapshot, except the named long-lived ones. */
class NoLeakedThreadsTest {

    @Test
    void aThreadStartedSinceTheSnapshotIsALeakUntilItEnds() throws Exception {
        Set<Long> before = NoLeakedThreads.snapshot();
        CountDownLatch release = new CountDownLatch(1);
        Thread worker = parked("duet-forgotten", release);

        assertThat(NoLeakedThreads.leaked(before)).contains(worker);
        release.countDown();
        worker.join();
        assertThat(NoLeakedThreads.leaked(before)).doesNotContain(worker);
    }

    @Test
    void longLivedThreadsAreKnownByName() throws Exception {
        Set<Long> before = NoLeakedThreads.snapshot();
        CountDownLatch release = new CountDownLatch(1);
        Thread renderer = parked("QuantumRenderer-7", release);
        try {
            assertThat(NoLeakedThreads.leaked(before)).doesNotContain(renderer);
        } finally {
            release.countDown();
            renderer.join();
        }
    }

    @Test
    void threadsStartedForTheWholeJvmAreNot() throws Exception {
        Set<Long> before = NoLeakedThreads.snapshot();
        CountDownLatch release = new CountDownLatch(1);
        Thread jvmWide = NoLeakedThreads.startForTheJvm(() -> parked("duet-shared-helper", release));
        try {
            assertThat(NoLeakedThreads.leaked(before)).doesNotContain(jvmWide);
        } finally {
            release.countDown();
            jvmWide.join();
        }
    }

    @Test
    void aProcessReaperCountsOnlyWhileItWaitsForAProcess() {
        Thread reaper = new Thread(() -> { }, "process reaper");
        StackTraceElement idle = new StackTraceElement("java.util.concurrent.SynchronousQueue", "poll", null, -1);
        StackTraceElement waiting = new StackTraceElement("java.lang.ProcessHandleImpl", "waitForProcessExit0", null, -1);

        assertThat(NoLeakedThreads.LongLived.covers(reaper, new StackTraceElement[] {idle})).isTrue();
        assertThat(NoLeakedThreads.LongLived.covers(reaper, new StackTraceElement[] {waiting, idle})).isFalse();
    }

    private static Thread parked(String name, CountDownLatch release) {
        Thread thread = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
