package app.duet.client.call.media;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Optional;

import app.duet.client.call.media.PushedAudioSource.PcmChunk;

import dev.onvoid.webrtc.media.audio.AudioTrackSink;
import dev.onvoid.webrtc.media.audio.AudioTrackSource;

/**
 * Outgoing audio made of samples received elsewhere: attach it as a sink to any audio track (the echo bot
 * plan attaches the far side's) and what that track plays is sent on. Samples are copied in the callback and
 * pushed from this source's own timer, so libwebrtc's audio thread never pushes and the call can hold
 * pushing while the audio module records, as for any pushed audio.
 */
public final class ForwardedAudioSource implements LocalAudioSource, AudioTrackSink {

    /** At most this much audio waits (in 10 ms chunks); older chunks go, so the delay stays short. */
    static final int MAX_QUEUED_CHUNKS = 20;

    private final Deque<PcmChunk> queue = new ArrayDeque<>(); // guarded by itself
    private final PushedAudioSource pushed;

    public ForwardedAudioSource(String label) {
        this.pushed = new PushedAudioSource(label, this::nextChunk);
    }

    /** Called by the track with each chunk it plays; only 16-bit PCM is forwarded. */
    @Override
    public void onData(byte[] data, int bitsPerSample, int sampleRate, int channels, int frames) {
        if (bitsPerSample != 16 || frames <= 0) {
            return;
        }
        int bytes = Math.min(data.length, frames * channels * 2); // the array is valid only during this call
        PcmChunk chunk = new PcmChunk(Arrays.copyOf(data, bytes), sampleRate, channels, frames);
        synchronized (queue) {
            if (queue.size() == MAX_QUEUED_CHUNKS) {
                queue.removeFirst();
            }
            queue.addLast(chunk);
        }
    }

    private PcmChunk nextChunk() {
        synchronized (queue) {
            return queue.pollFirst();
        }
    }

    @Override
    public Optional<AudioTrackSink> receivedAudioSink() {
        return Optional.of(this);
    }

    @Override
    public String label() {
        return pushed.label();
    }

    @Override
    public AudioTrackSource trackSource() {
        return pushed.trackSource();
    }

    @Override
    public boolean isPushed() {
        return true;
    }

    @Override
    public void setPushing(boolean pushing) {
        pushed.setPushing(pushing);
    }

    /** Stops pushing and disposes the native source; chunks that still arrive are dropped. */
    @Override
    public void close() {
        pushed.close();
        synchronized (queue) {
            queue.clear();
        }
    }
}
