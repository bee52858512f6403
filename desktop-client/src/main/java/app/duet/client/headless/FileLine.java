package app.duet.client.headless;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import com.google.gson.JsonObject;

import app.duet.client.call.model.FileTransferUpdate;

/** A finished file transfer as a JSON line; a received file carries its SHA-256 so scripts can compare. */
final class FileLine {

    private FileLine() {
    }

    static void fill(JsonObject line, FileTransferUpdate u) {
        line.addProperty("transferId", u.transferId());
        line.addProperty("direction", u.direction().name().toLowerCase(Locale.ROOT));
        line.addProperty("name", u.fileName());
        line.addProperty("bytes", u.bytesDone());
        line.addProperty("size", u.totalBytes());
        line.addProperty("status", u.status().name().toLowerCase(Locale.ROOT));
        if (u.savedTo() != null) {
            line.addProperty("savedTo", u.savedTo().toString());
            line.addProperty("sha256", sha256(u));
        }
        if (u.error() != null) {
            line.addProperty("error", u.error());
        }
    }

    private static String sha256(FileTransferUpdate u) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(u.savedTo()),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unreadable: " + e.getMessage();
        }
    }
}
