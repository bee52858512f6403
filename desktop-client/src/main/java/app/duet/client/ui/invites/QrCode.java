package app.duet.client.ui.invites;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** A QR code as its modules (true = dark), quiet zone included; drawn by the view, computed off the FX thread. */
public record QrCode(int size, boolean[] dark) {
    /** Modules of white around the code, as the standard asks, so a phone finds its edges. */
    private static final int QUIET_ZONE = 4;

    /** Medium error correction: a link of ~100 characters stays a small code that survives a glare. */
    public static QrCode of(String text) {
        try {
            var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE));
            int size = matrix.getWidth();
            boolean[] dark = new boolean[size * size];
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    dark[y * size + x] = matrix.get(x, y);
                }
            }
            return new QrCode(size, dark);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode an invite link as a QR code", e);
        }
    }

    public boolean isDark(int x, int y) {
        return dark[y * size + x];
    }
}
