package app.duet.client.call.model;

/** An ICE candidate as it travels over signaling. */
public record IceCandidateInfo(String sdpMid, int sdpMLineIndex, String candidate) {
}
