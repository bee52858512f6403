package app.duet.server.cluster;

import app.duet.server.PrivateRedis;
import java.nio.file.Path;

/** A private Redis with two nodes' links to it, for the tests of what nodes share there; closes all three. */
record TwoNodesOnRedis(PrivateRedis redis, RedisLink node1, RedisLink node2) implements AutoCloseable {
    static TwoNodesOnRedis start(Path dir) throws Exception {
        PrivateRedis redis = PrivateRedis.start(dir);
        return new TwoNodesOnRedis(redis, new RedisLink(redis.url(), "node-1"), new RedisLink(redis.url(), "node-2"));
    }

    @Override
    public void close() throws Exception {
        node1.close();
        node2.close();
        redis.close();
    }
}
