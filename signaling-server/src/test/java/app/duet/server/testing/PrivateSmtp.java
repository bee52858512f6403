package app.duet.server.testing;

import static org.awaitility.Awaitility.await;

import app.duet.server.config.MailSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real SMTP server, aiosmtpd (Debian package python3-aiosmtpd, installed by scripts/install-deps.sh), on a
 * free loopback port with its own directory, writing every mail it takes to a maildir the tests read; it
 * refuses recipients in .invalid domains (duet_test_mailbox.py). It fails when it cannot start: a test that
 * needs it is never skipped. {@link #stop()} and {@link #start()} take it down and up on the same port.
 */
public final class PrivateSmtp implements AutoCloseable {
    /** Debian's Python, which python3-aiosmtpd installs into (not one on PATH, e.g. pyenv's). */
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Duration START = Duration.ofSeconds(20);
    /** How long a mail may take from the server's request to the maildir. */
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern CODE = Pattern.compile("^ {4}(\\d{8})$", Pattern.MULTILINE);

    private final Path dir;
    private final int port;
    private Process process;

    private PrivateSmtp(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static PrivateSmtp start(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (InputStream handler = PrivateSmtp.class.getResourceAsStream("duet_test_mailbox.py")) {
            Files.copy(handler, dir.resolve("duet_test_mailbox.py"));
        }
        PrivateSmtp smtp = new PrivateSmtp(dir.toAbsolutePath(), freePort());
        smtp.start();
        return smtp;
    }

    /** The relay as the server is told of it: plain SMTP, on this machine only. */
    public MailSettings settings() {
        return MailSettings.relay("127.0.0.1", port, MailSettings.Security.NONE, null, null, "duet@example.org");
    }

    public void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(PYTHON.toString(), "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:" + port,
                "-c", "duet_test_mailbox.RefusingMailbox", dir.resolve("maildir").toString())
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("aiosmtpd.log").toFile()));
        builder.environment().put("PYTHONPATH", dir.toString());
        process = builder.start();
        await("aiosmtpd greeting on " + port + ", see " + dir.resolve("aiosmtpd.log")).atMost(START).until(this::greets);
    }

    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(START.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Every mail delivered so far, oldest first. */
    public List<MimeMessage> mails() throws IOException, MessagingException {
        Path fresh = dir.resolve("maildir").resolve("new");
        if (!Files.isDirectory(fresh)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(fresh)) {
            // Written in the order taken; the Date header has only seconds.
            files = listed.sorted(Comparator.comparing(PrivateSmtp::written)).toList();
        }
        List<MimeMessage> mails = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                mails.add(new MimeMessage(Session.getInstance(new Properties()), in));
            }
        }
        return mails;
    }

    /** The mails delivered to {@code address} so far, oldest first. */
    public List<MimeMessage> mailsTo(String address) throws IOException, MessagingException {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage mail : mails()) {
            if (((InternetAddress) mail.getAllRecipients()[0]).getAddress().equalsIgnoreCase(address)) {
                mails.add(mail);
            }
        }
        return mails;
    }

    /** Waits for mail number {@code n} (1 for the first) to {@code address} and returns its text. */
    public String awaitMail(String address, int n) {
        List<MimeMessage> mails = await("mail " + n + " to " + address).atMost(WAIT)
                .until(() -> mailsTo(address), m -> m.size() >= n);
        try {
            return (String) mails.get(n - 1).getContent();
        } catch (IOException | MessagingException e) {
            throw new AssertionError(e);
        }
    }

    /** Waits for mail number {@code n} (1 for the first) to {@code address} and reads the verification code in it. */
    public String awaitCode(String address, int n) {
        String text = awaitMail(address, n);
        Matcher code = CODE.matcher(text);
        if (!code.find()) {
            throw new AssertionError("no code in the mail to " + address + ": " + text);
        }
        return code.group(1);
    }

    private static FileTime written(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean greets() {
        if (!process.isAlive()) {
            throw new IllegalStateException("aiosmtpd exited with " + process.exitValue() + "; is python3-aiosmtpd "
                    + "installed (scripts/install-deps.sh)? See " + dir.resolve("aiosmtpd.log"));
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(1000);
            String greeting = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return greeting != null && greeting.startsWith("220");
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
    }
}
