package app.duet.client.call.media;

/** Where the outgoing video comes from. */
public enum VideoSourceKind { CAMERA, SCREEN, SYNTHETIC }
