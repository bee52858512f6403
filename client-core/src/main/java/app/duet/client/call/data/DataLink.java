package app.duet.client.call.data;

/**
 * The call's data channel, as the data side sees it: text and binary messages, the amount still waiting to be
 * sent, and closing. The peer connection opens it; {@link Handler} receives on the link's serial executor.
 */
public interface DataLink extends AutoCloseable {

    /** Receives messages on the link's executor. */
    interface Handler {
        void onOpen();

        void onText(String text);

        void onBinary(byte[] data);

        void onClosed();
    }

    boolean isOpen();

    void sendText(String text) throws DataLinkException;

    /** Sends {@code exactMessage} whole: the array is the message. */
    void sendBinary(byte[] exactMessage) throws DataLinkException;

    /** Bytes waiting to be sent; 0 once closed. */
    long bufferedAmount();

    /** Blocks the calling (non-WebRTC) thread until at most {@code threshold} bytes wait to be sent. */
    void awaitBufferedBelow(long threshold) throws DataLinkException, InterruptedException;

    /** Closes and releases the channel; idempotent. */
    @Override
    void close();
}
