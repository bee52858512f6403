package app.duet.server.admin;

import app.duet.server.ServiceException;
import app.duet.server.auth.AuthManager;
import app.duet.server.auth.PasswordHasher;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import picocli.CommandLine.Option;

/**
 * A new password, never from the command line (where other users see it in the process list): typed twice
 * at a prompt on a terminal, else the first line of standard input ({@code printf '%s\n' "$pw" | ...}).
 */
public final class PasswordInput {
    @Option(names = "--bcrypt-cost", defaultValue = "10",
            description = "bcrypt work factor, as the server's (default: ${DEFAULT-VALUE}).")
    int bcryptCost;

    /** Null: a prompt on the terminal if there is one, else the process's standard input. */
    private final InputStream input;

    public PasswordInput() {
        this(null);
    }

    /** Reads from {@code input} instead (an embedding program's, or a test's, standard input). */
    public PasswordInput(InputStream input) {
        this.input = input;
    }

    /** Reads, checks the password rules for {@code username}, and returns the hash to store. */
    String readHash(String username) {
        String password = read();
        try {
            AuthManager.checkStrength(username, password);
        } catch (ServiceException e) {
            throw AdminException.invalid(e.getMessage());
        }
        try {
            return new PasswordHasher(bcryptCost, new SecureRandom()).hash(password);
        } catch (IllegalArgumentException e) {
            throw AdminException.invalid("--bcrypt-cost: " + e.getMessage());
        }
    }

    private String read() {
        Console console = input == null ? System.console() : null;
        if (console != null) {
            char[] first = console.readPassword("New password: ");
            char[] again = console.readPassword("Once more: ");
            if (first == null || !Arrays.equals(first, again)) {
                throw AdminException.invalid("The two passwords differ; nothing was changed.");
            }
            return new String(first);
        }
        try {
            // Not closed: it is the process's standard input.
            InputStream in = input == null ? System.in : input;
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw AdminException.invalid("No password on standard input; give it as the first line.");
            }
            return line;
        } catch (IOException e) {
            throw AdminException.invalid("Cannot read the password from standard input: " + e.getMessage());
        }
    }
}
