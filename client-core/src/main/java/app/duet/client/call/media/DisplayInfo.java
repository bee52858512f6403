package app.duet.client.call.media;

/** A monitor that can be shared. Coordinates are in the desktop's virtual screen space. */
public record DisplayInfo(String id, String name, int x, int y, int width, int height, boolean primary) {
}
