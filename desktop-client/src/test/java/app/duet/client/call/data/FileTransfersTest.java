package app.duet.client.call.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTransfersTest {

    @TempDir
    Path dir;

    private static String sha(byte[] data) {
        return HexFormat.of().formatHex(Sha256.newDigest().digest(data));
    }

    @Test
    void names_from_the_far_side_cannot_escape_the_download_folder() {
        assertThat(FileReceiving.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileReceiving.safeName("C:\\Users\\x\\report.pdf")).isEqualTo("report.pdf");
        assertThat(FileReceiving.safeName("..")).isNull();
        assertThat(FileReceiving.safeName("dir/")).isNull();
        assertThat(FileReceiving.safeName("a\u0000b.txt")).isEqualTo("ab.txt");
    }

    @Test
    void a_verified_file_is_kept_under_a_free_name() throws IOException {
        byte[] data = "hello file".getBytes(StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("note.txt"), "already here");
        IncomingFile file = new IncomingFile(dir, "note.txt", data.length, sha(data));
        file.write(data, 0, 5);
        file.write(data, 5, data.length - 5);
        Path saved = file.finish();
        assertThat(saved.getFileName().toString()).isEqualTo("note (1).txt");
        assertThat(Files.readAllBytes(saved)).isEqualTo(data);
    }

    @Test
    void a_damaged_file_is_rejected_and_leaves_nothing_behind() throws IOException {
        byte[] data = "original".getBytes(StandardCharsets.UTF_8);
        IncomingFile file = new IncomingFile(dir, "x.bin", data.length, sha(data));
        byte[] tampered = data.clone();
        tampered[0] ^= 1;
        file.write(tampered, 0, tampered.length);
        assertThatThrownBy(file::finish).hasMessageContaining("SHA-256");
        file.discard();
        try (var left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void more_or_fewer_bytes_than_announced_fail() throws IOException {
        IncomingFile tooMuch = new IncomingFile(dir, "a.bin", 2, sha(new byte[2]));
        assertThatThrownBy(() -> tooMuch.write(new byte[3], 0, 3)).hasMessageContaining("more than");
        tooMuch.discard();
        IncomingFile tooLittle = new IncomingFile(dir, "b.bin", 2, sha(new byte[2]));
        tooLittle.write(new byte[1], 0, 1);
        assertThatThrownBy(tooLittle::finish).hasMessageContaining("incomplete");
        tooLittle.discard();
    }

    @Test
    void offers_beyond_the_concurrency_limit_or_the_size_limit_are_refused() throws IOException {
        java.util.List<app.duet.client.call.model.FileTransferUpdate> updates = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.ExecutorService sender = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (FileTransfers transfers = new FileTransfers(() -> null, updates::add, dir, sender)) {
            for (int i = 0; i < FileReceiving.MAX_CONCURRENT_INCOMING + 1; i++) {
                transfers.onControl(ControlMessage.fileStart(String.format("%08x", i), "f" + i, 10, sha(new byte[10])));
            }
            assertThat(updates).hasSize(FileReceiving.MAX_CONCURRENT_INCOMING)
                    .allMatch(u -> u.status() == app.duet.client.call.model.FileTransferUpdate.Status.OFFERED);
            try (var left = Files.list(dir)) {
                assertThat(left).as("nothing is written before the person accepts").isEmpty();
            }

            transfers.accept("00000000");
            assertThat(updates.get(updates.size() - 1).status())
                    .isEqualTo(app.duet.client.call.model.FileTransferUpdate.Status.IN_PROGRESS);
            transfers.onControl(ControlMessage.fileEnd("00000000")); // it finishes (fails: no bytes came)
            transfers.onControl(ControlMessage.fileStart("fffffffe", "bad.bin", -1, sha(new byte[1])));
            transfers.onControl(ControlMessage.fileStart("not-an-id", "x.bin", 1, sha(new byte[1])));
            transfers.onControl(ControlMessage.fileStart("fffffffd", "big.iso", FileTransfers.MAX_FILE_SIZE + 1,
                    sha(new byte[1])));
            assertThat(updates).as("invalid offers are refused without a transfer").hasSize(
                    FileReceiving.MAX_CONCURRENT_INCOMING + 2);
            transfers.onControl(ControlMessage.fileStart("fffffffc", "next.txt", 10, sha(new byte[10])));
            assertThat(updates.get(updates.size() - 1).fileName()).as("a slot freed up").isEqualTo("next.txt");

            transfers.decline("fffffffc");
            transfers.onChunk(("fffffffc" + "0123456789").getBytes(StandardCharsets.US_ASCII));
            assertThat(updates.get(updates.size() - 1).status()).as("a declined offer takes no bytes")
                    .isEqualTo(app.duet.client.call.model.FileTransferUpdate.Status.DECLINED);
            transfers.accept("fffffffc");
            assertThat(updates.get(updates.size() - 1).status()).as("a declined offer cannot be accepted later")
                    .isEqualTo(app.duet.client.call.model.FileTransferUpdate.Status.DECLINED);
        } finally {
            sender.shutdownNow();
        }
    }

    @Test
    void control_messages_round_trip_and_garbage_is_ignored() {
        ControlMessage start = ControlMessage.fileStart("0123abcd", "n.txt", 5, sha(new byte[5]));
        assertThat(ControlMessage.parse(start.toJson())).isEqualTo(start);
        assertThat(ControlMessage.parse("{not json")).isNull();
        assertThat(ControlMessage.parse("{\"text\":\"no type\"}")).isNull();
        assertThat(ControlMessage.parse("[1,2]")).isNull();
    }
}
