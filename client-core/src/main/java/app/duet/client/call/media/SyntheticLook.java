package app.duet.client.call.media;

/**
 * What the synthetic camera shows. PATTERN is nearly static, so an encoder spends little on it; CAMERA_LIKE
 * moves over the whole frame and carries sensor noise, so it costs what a real camera's picture costs.
 */
public enum SyntheticLook { PATTERN, CAMERA_LIKE }
