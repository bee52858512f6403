package app.duet.websocket;

import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.function.Function;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.drafts.Draft;

/** A server factory (the library's public hook) that makes plain connections and wraps each accepted socket. */
final class WrappingFactory implements WebSocketServerFactory {
    private final Function<SocketChannel, ByteChannel> wrap;

    WrappingFactory(Function<SocketChannel, ByteChannel> wrap) {
        this.wrap = wrap;
    }

    @Override
    public WebSocketImpl createWebSocket(WebSocketAdapter a, Draft d) {
        return new WebSocketImpl(a, d);
    }

    @Override
    public WebSocketImpl createWebSocket(WebSocketAdapter a, List<Draft> drafts) {
        return new WebSocketImpl(a, drafts);
    }

    @Override
    public ByteChannel wrapChannel(SocketChannel channel, SelectionKey key) {
        return wrap.apply(channel);
    }

    @Override
    public void close() {
    }
}
