package app.duet.client.signaling;

/** Where {@link SignalingListener}s subscribe to what the server and the connection report. */
public interface SignalingEvents {

    void addListener(SignalingListener listener);

    void removeListener(SignalingListener listener);
}
