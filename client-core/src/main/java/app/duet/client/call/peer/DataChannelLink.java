package app.duet.client.call.peer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import app.duet.client.call.data.DataLink;
import app.duet.client.call.data.DataLinkException;

import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCDataChannelState;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link DataLink} over the call's {@link RTCDataChannel}, which it owns. Incoming buffers are valid only
 * inside the callback, so they are copied there and handed to a serial executor. {@code send} in 0.14.0 sends
 * a heap buffer's whole backing array, so every outgoing message is an exactly-sized array.
 */
final class DataChannelLink implements DataLink {

    private static final Logger LOG = LoggerFactory.getLogger(DataChannelLink.class);

    private final RTCDataChannel channel;
    private final Executor executor;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition drained = lock.newCondition();
    private volatile boolean closed;

    DataChannelLink(RTCDataChannel channel, Executor executor, Handler handler) {
        this.channel = channel;
        this.executor = executor;
        channel.registerObserver(new Observer(handler));
        if (channel.getState() == RTCDataChannelState.OPEN) {
            executor.execute(handler::onOpen);
        }
    }

    @Override
    public boolean isOpen() {
        return !closed && channel.getState() == RTCDataChannelState.OPEN;
    }

    @Override
    public void sendText(String text) throws DataLinkException {
        send(text.getBytes(StandardCharsets.UTF_8), false);
    }

    @Override
    public void sendBinary(byte[] exactMessage) throws DataLinkException {
        send(exactMessage, true);
    }

    @Override
    public long bufferedAmount() {
        return closed ? 0 : channel.getBufferedAmount();
    }

    @Override
    public void awaitBufferedBelow(long threshold) throws DataLinkException, InterruptedException {
        lock.lock();
        try {
            while (!closed && channel.getBufferedAmount() > threshold) {
                drained.await(50, TimeUnit.MILLISECONDS); // the callback may fire before we wait: poll too
            }
        } finally {
            lock.unlock();
        }
        if (closed) {
            throw new DataLinkException("the call's data channel closed");
        }
    }

    private void send(byte[] exact, boolean binary) throws DataLinkException {
        if (!isOpen()) {
            throw new DataLinkException("the call's data channel is not open");
        }
        try {
            channel.send(new RTCDataChannelBuffer(ByteBuffer.wrap(exact), binary));
        } catch (Exception e) {
            throw new DataLinkException("sending over the data channel failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        channel.unregisterObserver();
        channel.close();
        channel.dispose();
        lock.lock();
        try {
            drained.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private final class Observer implements RTCDataChannelObserver {

        private final Handler handler;

        Observer(Handler handler) {
            this.handler = handler;
        }

        @Override
        public void onBufferedAmountChange(long previousAmount) {
            NativeCallbacks.guard("onBufferedAmountChange", this::signalDrained);
        }

        private void signalDrained() {
            lock.lock();
            try {
                drained.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void onStateChange() {
            NativeCallbacks.guard("onStateChange", this::stateChanged);
        }

        private void stateChanged() {
            RTCDataChannelState state = channel.getState();
            LOG.debug("Data channel {}", state);
            if (state == RTCDataChannelState.OPEN) {
                executor.execute(handler::onOpen);
            } else if (state == RTCDataChannelState.CLOSED) {
                executor.execute(handler::onClosed);
            }
        }

        @Override
        public void onMessage(RTCDataChannelBuffer buffer) {
            NativeCallbacks.guard("onMessage", () -> received(buffer));
        }

        private void received(RTCDataChannelBuffer buffer) {
            ByteBuffer data = buffer.data;
            byte[] copy = new byte[data.remaining()];
            data.get(copy); // the native buffer is only valid during this callback
            if (buffer.binary) {
                executor.execute(() -> handler.onBinary(copy));
            } else {
                String text = new String(copy, StandardCharsets.UTF_8);
                executor.execute(() -> handler.onText(text));
            }
        }
    }
}
