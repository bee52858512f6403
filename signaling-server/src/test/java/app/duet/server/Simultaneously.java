package app.duet.server;

import app.duet.protocol.ServerMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

/** Sends one request from each client at the same moment, each from its own thread, for races in the server. */
final class Simultaneously {
    private Simultaneously() {
    }

    /** @param request the i-th client's request and its reply, e.g. {@code (c, i) -> c.request(...)} */
    static List<ServerMessage> send(List<TestClient> clients, BiFunction<TestClient, Integer, ServerMessage> request) {
        ExecutorService senders = Executors.newFixedThreadPool(clients.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<ServerMessage>> replies = new ArrayList<>();
            for (int i = 0; i < clients.size(); i++) {
                TestClient c = clients.get(i);
                int index = i;
                replies.add(CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(go);
                    return request.apply(c, index);
                }, senders));
            }
            go.countDown();
            return replies.stream().map(CompletableFuture::join).toList();
        } finally {
            senders.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
