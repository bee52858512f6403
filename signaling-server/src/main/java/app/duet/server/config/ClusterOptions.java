package app.duet.server.config;

import picocli.CommandLine.Option;

/** Several nodes sharing one Redis (docs/decisions/0010); unset, the server is the single node it always was. */
public final class ClusterOptions {
    @Option(names = "--redis-url", paramLabel = "URL",
            description = "redis://host:port of the Redis the nodes share (rediss:// for TLS; a password as "
                    + "redis://:PASSWORD@host:port, prefer DUET_REDIS_URL). Default: none, one node.")
    String redisUrl;

    @Option(names = "--node-id", paramLabel = "ID",
            description = "This node's name among the nodes: its Redis inbox and the node of duet_node_info on /metrics;"
                    + " letters, digits, '.', '_' and '-' (default: the host name; with --redis-url, host name and process id).")
    String nodeId;

    String redisUrl() {
        return redisUrl;
    }

    String nodeId() {
        return nodeId;
    }
}
