package app.duet.client.call.media;

/** Where the outgoing video comes from; FORWARDED is video received elsewhere and sent on (the echo bot). */
public enum VideoSourceKind { CAMERA, SCREEN, SYNTHETIC, FORWARDED }
