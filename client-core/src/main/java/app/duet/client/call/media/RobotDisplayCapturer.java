package app.duet.client.call.media;

import java.awt.AWTException;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.util.ArrayList;
import java.util.List;

/** Screen capture with {@code java.awt.Robot}, one monitor at a time. */
public final class RobotDisplayCapturer implements DisplayCapturer {

    @Override
    public List<DisplayInfo> displays() {
        if (GraphicsEnvironment.isHeadless()) {
            return List.of();
        }
        GraphicsEnvironment env = GraphicsEnvironment.getLocalGraphicsEnvironment();
        GraphicsDevice primary = env.getDefaultScreenDevice();
        List<DisplayInfo> result = new ArrayList<>();
        GraphicsDevice[] devices = env.getScreenDevices();
        for (int i = 0; i < devices.length; i++) {
            Rectangle b = devices[i].getDefaultConfiguration().getBounds();
            result.add(new DisplayInfo(devices[i].getIDstring(), "Screen " + (i + 1) + " (" + b.width + "x" + b.height + ")",
                    b.x, b.y, b.width, b.height, devices[i] == primary));
        }
        return result;
    }

    @Override
    public LocalVideoSource open(DisplayInfo display, int fps, int maxWidth, int maxHeight)
            throws MediaUnavailableException {
        GraphicsDevice device = find(display);
        try {
            Robot robot = new Robot(device);
            ScreenFrameProducer producer = new ScreenFrameProducer(robot,
                    new Rectangle(display.x(), display.y(), display.width(), display.height()), maxWidth, maxHeight);
            return new PushedVideoSource(VideoSourceKind.SCREEN, display.name(), producer, fps);
        } catch (AWTException | SecurityException e) {
            throw new MediaUnavailableException("Screen capture is not allowed on this desktop.", e);
        }
    }

    private static GraphicsDevice find(DisplayInfo display) throws MediaUnavailableException {
        if (GraphicsEnvironment.isHeadless()) {
            throw new MediaUnavailableException("There is no display to share.");
        }
        for (GraphicsDevice device : GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices()) {
            if (device.getIDstring().equals(display.id())) {
                return device;
            }
        }
        throw new MediaUnavailableException("The screen \"" + display.name() + "\" is no longer connected.");
    }
}
