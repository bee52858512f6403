package app.duet.client.call.media;

/** Where the outgoing video comes from; FORWARDED is video received elsewhere and sent on (e.g. by a bot's media plan). */
public enum VideoSourceKind { CAMERA, SCREEN, SYNTHETIC, FORWARDED }
