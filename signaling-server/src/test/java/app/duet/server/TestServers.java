package app.duet.server;

import app.duet.server.config.ServerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** Test configurations: a free port, a real SQLite file in a temp dir, the cheapest bcrypt cost. */
final class TestServers {
    private TestServers() {
    }

    static ServerConfig.Builder config(Path dataDir) {
        return ServerConfig.builder()
                .dataDir(dataDir)
                .port(0)
                .opsPort(0)
                .bcryptCost(4)
                .workerThreads(2)
                .ringTimeout(Duration.ofSeconds(30))
                .callGrace(Duration.ofSeconds(30));
    }

    /** GET on the server's ops port (/healthz, /metrics). */
    static HttpResponse<String> ops(DuetServer server, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.opsPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
