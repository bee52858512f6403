package app.duet.client.call.media;

import java.util.SplittableRandom;

import app.duet.client.call.video.FrameStamp;

/**
 * A synthetic picture that costs an encoder what a camera's does: a detailed scene panned over the whole
 * frame (every block changes every frame) plus fresh sensor noise in every pixel, and a {@link FrameStamp}.
 *
 * <p>Cheap per frame on purpose, so it does not dominate the cost it is used to measure: the scene is
 * pre-drawn twice the frame's size and a window of it is copied row by row; the noise is a pre-drawn
 * field larger than a frame, read from a new random offset each frame and added per pixel (the scene's
 * channels stay at or below {@value #SCENE_MAX}, so adding at most {@value #NOISE_MAX} per channel never
 * carries into the next channel).
 */
final class CameraLikeProducer implements FrameProducer {

    private static final int SCENE_MAX = 255 - 28;
    private static final int NOISE_MAX = 28;
    private static final int PAN_PERIOD_FRAMES = 240;

    private final int width;
    private final int height;
    private final int sceneWidth;
    private final int[] scene;
    private final int[] noise;
    private final SplittableRandom random = new SplittableRandom(20);

    CameraLikeProducer(int width, int height) {
        this.width = width;
        this.height = height;
        this.sceneWidth = 2 * width;
        this.scene = scene(sceneWidth, 2 * height);
        this.noise = new int[width * height + 65_536];
        SplittableRandom noiseSeed = new SplittableRandom(7);
        for (int i = 0; i < noise.length; i++) {
            int grain = noiseSeed.nextInt(NOISE_MAX + 1); // luminance grain, as a sensor's is mostly
            noise[i] = (grain << 16) | (grain << 8) | grain;
        }
    }

    /**
     * Soft gradients with fine stripes and a checker: detail at every scale, no flat areas. The sines come from
     * per-column, per-row and per-diagonal tables (sin(a + b) expanded): one sine per pixel took 130-240 ms at
     * 640x480 on a loaded machine, the tables a fifth to a tenth of that.
     */
    private static int[] scene(int w, int h) {
        double[] sinX = new double[w];
        double[] cosX = new double[w];
        for (int x = 0; x < w; x++) {
            sinX[x] = Math.sin(x * 0.31);
            cosX[x] = Math.cos(x * 0.31);
        }
        double[] diagonal = new double[w + h];
        for (int d = 0; d < diagonal.length; d++) {
            diagonal[d] = 0.5 + 0.4 * Math.sin(d * 0.013);
        }
        int[] pixels = new int[w * h];
        for (int y = 0; y < h; y++) {
            double wave = Math.sin(y * 0.05) * 4;
            double sinWave = Math.sin(wave);
            double cosWave = Math.cos(wave);
            double green = y / (double) h * 0.6;
            for (int x = 0; x < w; x++) {
                double fine = 0.5 + 0.5 * (sinX[x] * cosWave + cosX[x] * sinWave); // sin(x * 0.31 + wave)
                boolean check = ((x / 24) + (y / 24)) % 2 == 0;
                int r = channel(x / (double) w * 0.6 + fine * 0.3 + (check ? 0.1 : 0));
                int g = channel(green + fine * 0.2 + (check ? 0.2 : 0));
                int b = channel(diagonal[x + y] + fine * 0.1);
                pixels[y * w + x] = 0xFF000000 | (r << 16) | (g << 8) | b;
            }
        }
        return pixels;
    }

    private static int channel(double level) {
        return (int) Math.round(Math.max(0, Math.min(1, level)) * SCENE_MAX);
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public void produce(int[] argb, long frameNumber) {
        double phase = 2 * Math.PI * (frameNumber % PAN_PERIOD_FRAMES) / PAN_PERIOD_FRAMES;
        int left = (int) ((width - 1) * (0.5 + 0.5 * Math.sin(phase)));
        int top = (int) ((height - 1) * (0.5 + 0.5 * Math.sin(2 * phase)));
        int grain = random.nextInt(noise.length - width * height);
        for (int y = 0; y < height; y++) {
            int from = (top + y) * sceneWidth + left;
            int to = y * width;
            int n = grain + to;
            for (int x = 0; x < width; x++) {
                argb[to + x] = scene[from + x] + noise[n + x];
            }
        }
        FrameStamp.encode(argb, width, frameNumber, System.currentTimeMillis());
    }
}
