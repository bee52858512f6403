package app.duet.bench.signin;

import app.duet.bench.duet.DuetSession;
import app.duet.bench.ws.DriverSockets;
import app.duet.protocol.ProtocolCodec;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/**
 * One engine's round: {@code accounts} sign-ups, then as many logins, then as many resumes, each on a
 * fresh connection that has said hello, with at most {@code concurrency} requests in flight. Only the
 * request's round trip is timed, not the connection or the hello.
 */
final class SigninRound {
    /** Generous for bcrypt cost 4 on a loaded machine; a request past it fails the run. */
    private static final long REQUEST_TIMEOUT_SECONDS = 60;
    private static final int DRIVER_THREADS = 2;

    /** One kind of request on one engine: its latencies (microseconds) and the phase's wall time. */
    record Phase(String engine, String request, Histogram micros, long wallNanos) {
    }

    private final String engine;
    private final int port;
    private final int accounts;
    private final int concurrency;
    private final ProtocolCodec codec = new ProtocolCodec();
    /** Unique per round, so a PostgreSQL database can be reused across runs. */
    private final String prefix = "b" + Long.toString(System.currentTimeMillis(), 36);

    SigninRound(String engine, int port, int accounts, int concurrency) {
        this.engine = engine;
        this.port = port;
        this.accounts = accounts;
        this.concurrency = concurrency;
    }

    List<Phase> run() throws Exception {
        List<String> tokens = new ArrayList<>();
        List<Phase> phases = new ArrayList<>();
        try (DriverSockets sockets = new DriverSockets(DRIVER_THREADS)) {
            phases.add(phase(sockets, "sign-up", i -> id -> new Request.Signup(id, name(i), "Bench " + i,
                    name(i) + "@bench.invalid", password(i)), tokens));
            phases.add(phase(sockets, "login", i -> id -> new Request.Login(id, name(i), password(i)), null));
            phases.add(phase(sockets, "resume", i -> id -> new Request.Resume(id, tokens.get(i)), null));
        }
        return phases;
    }

    private Phase phase(DriverSockets sockets, String request, Function<Integer, Function<String, Request>> build,
                        List<String> tokensOut) throws Exception {
        Histogram micros = new Histogram(TimeUnit.SECONDS.toMicros(REQUEST_TIMEOUT_SECONDS), 3);
        Semaphore inFlight = new Semaphore(concurrency);
        List<CompletableFuture<Result.Auth>> all = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < accounts; i++) {
            inFlight.acquire();
            Function<String, Request> next = build.apply(i);
            CompletableFuture<Result.Auth> done = DuetSession.greet(sockets, codec, port).thenCompose(session -> {
                long sent = System.nanoTime();
                return session.request(next, Result.Auth.class).whenComplete((auth, error) -> {
                    synchronized (micros) {
                        micros.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sent),
                                micros.getHighestTrackableValue()));
                    }
                    session.connection().abort();
                });
            }).whenComplete((auth, error) -> inFlight.release());
            all.add(done);
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(REQUEST_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        long wall = System.nanoTime() - start;
        if (tokensOut != null) {
            for (CompletableFuture<Result.Auth> f : all) {
                tokensOut.add(f.join().session().token());
            }
        }
        return new Phase(engine, request, micros, wall);
    }

    private String name(int i) {
        return prefix + "u" + i;
    }

    private static String password(int i) {
        return "bench-password-" + i;
    }
}
